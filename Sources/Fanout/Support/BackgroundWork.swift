#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Work started on a thread of its own, its value read once with ``join()``: the pipeline
/// renders on the second core while it validates on the first, and ``RuleRunner`` shares the
/// rules between two threads. A plain POSIX thread, not
/// libdispatch (whose start-up takes a descriptor the command line may not have prepared yet,
/// see `StandardStreams`), and no task: the pipeline's entries are synchronous.
///
/// Where no thread can be started (or on a platform without the Linux threads API), the work
/// runs in ``join()`` instead: the value is the same either way.
final class BackgroundWork<Value>: @unchecked Sendable {
    /// Set before the thread starts; read and cleared by whichever runs it.
    private var work: (@Sendable () -> Value)?
    /// Written by the thread before it ends, read after `pthread_join` (which orders the two).
    private var value: Value?
    #if canImport(Glibc) || canImport(Musl)
    private var thread = pthread_t()
    private var started = false
    #endif
    private var joined = false

    /// Starts `work` on a new thread.
    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        #if canImport(Glibc) || canImport(Musl)
        let body = ThreadBody { [self] in value = takeWork()?() }
        let context = Unmanaged.passRetained(body).toOpaque()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        // As deep as the main thread's usual 8 MiB, with room: rendering and rules recurse once
        // per level of a value.
        pthread_attr_setstacksize(&attributes, 16 << 20)
        // The thread starts with every signal blocked, so signals stay the calling thread's
        // business (the command line's cleanup handlers) as before there were two.
        var all = sigset_t(), previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        started = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(context).takeRetainedValue().run()
            return nil
        }, context) == 0
        pthread_attr_destroy(&attributes)
        if !started { Unmanaged<ThreadBody>.fromOpaque(context).release() }
        #endif
    }

    deinit {
        // The thread holds this object while it works: once it is gone, the thread has
        // finished its work (its value unread) and only its own ending is left.
        #if canImport(Glibc) || canImport(Musl)
        if started, !joined { pthread_detach(thread) }
        #endif
    }

    /// The work's value, once it is done (computed here when no thread ran it).
    func join() -> Value {
        #if canImport(Glibc) || canImport(Musl)
        if started, !joined { pthread_join(thread, nil) }
        #endif
        joined = true
        if let work = takeWork() { value = work() }
        // Set by the thread or just above: the work always runs exactly once.
        guard let value else { preconditionFailure("BackgroundWork ran without a value") }
        return value
    }

    private func takeWork() -> (@Sendable () -> Value)? {
        defer { work = nil }
        return work
    }
}

/// A non-generic closure for the thread's C entry point (which cannot name a generic type).
private final class ThreadBody {
    let run: () -> Void

    init(_ run: @escaping () -> Void) {
        self.run = run
    }
}
