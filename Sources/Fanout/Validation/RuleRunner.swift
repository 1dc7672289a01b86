#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Runs rules over one context on two threads when the machine has two processors: the
/// calling thread takes rules from the front of the list, a helper thread from the back, until
/// they meet. Each rule's findings land in the rule's own slot, so the result is the same list,
/// in the same order, as running the rules one after another (``Validator`` then orders it).
///
/// Rules are `Sendable` and read a `Sendable` context; what they share is built once under a
/// lock (``ValidationIndex/Cache``, the compiled patterns of ``AWSConstraints``). The helper is
/// a ``BackgroundWork`` (a plain POSIX thread, not Dispatch: libdispatch opens descriptors of
/// its own, and a library must not start it behind its caller's back). Elsewhere than Linux
/// the rules run one after another.
enum RuleRunner {
    /// The findings of each rule, in the order of `rules`.
    static func findings(of rules: [any Rule], in context: ValidationContext) -> [[Diagnostic]] {
        #if os(Linux)
        guard rules.count > 1, sysconf(Int32(_SC_NPROCESSORS_ONLN)) > 1 else { return rules.map { $0.check(context) } }
        let work = Work(rules: rules, context: context)
        defer { work.release() }
        let helper = BackgroundWork { work.run(fromBack: true) }
        work.run(fromBack: false)
        // Where no thread could be started, the loop above ran every rule and the helper's
        // share, run now, finds none left.
        helper.join()
        return work.collected()
        #else
        return rules.map { $0.check(context) }
        #endif
    }

    #if os(Linux)
    /// The rules still to run, and a slot per rule for its findings.
    private final class Work: @unchecked Sendable {
        let rules: [any Rule]
        let context: ValidationContext
        /// Written once per slot, by whichever thread ran that rule; read after the join.
        private let slots: UnsafeMutableBufferPointer<[Diagnostic]>
        private var mutex = pthread_mutex_t()
        /// The next rule from the front, and one past the next rule from the back.
        private var front = 0
        private var back: Int

        init(rules: [any Rule], context: ValidationContext) {
            self.rules = rules
            self.context = context
            slots = .allocate(capacity: rules.count)
            slots.initialize(repeating: [])
            back = rules.count
            pthread_mutex_init(&mutex, nil)
        }

        /// Runs rules from one end until none is left.
        func run(fromBack: Bool) {
            while let index = next(fromBack: fromBack) {
                slots[index] = rules[index].check(context)
            }
        }

        private func next(fromBack: Bool) -> Int? {
            pthread_mutex_lock(&mutex)
            defer { pthread_mutex_unlock(&mutex) }
            guard front < back else { return nil }
            if fromBack {
                back -= 1
                return back
            }
            front += 1
            return front - 1
        }

        func collected() -> [[Diagnostic]] {
            Array(slots)
        }

        func release() {
            slots.deinitialize()
            slots.deallocate()
            pthread_mutex_destroy(&mutex)
        }
    }
    #endif
}
