/// FAN501: a runtime AWS has deprecated (no more security patches) but still lets you create.
public struct DeprecatedRuntimeRule: Rule {
    public let code = "FAN501"
    public let summary = "Functions do not use deprecated runtimes"
    public let lifecycle: RuntimeLifecycle
    public init(lifecycle: RuntimeLifecycle = .current) { self.lifecycle = lifecycle }
    public var readsTarget: Bool { false }

    public var judgesByDate: Bool { true }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let date = context.date else { return [] }
        return RuntimeUses.of(context).compactMap { runtime, path, location in
            guard let entry = lifecycle.entry(for: runtime), entry.deprecated <= date,
                  date < entry.blockCreate
            else { return nil }
            let successor = entry.successor.map { "; move to \($0)" } ?? ""
            return diagnostic(
                .warning,
                "runtime \(runtime) was deprecated on \(entry.deprecated); creating functions on it is blocked from \(entry.blockCreate), updating from \(entry.blockUpdate)\(successor) (lifecycle data as of \(lifecycle.asOf))",
                path: path, at: location)
        }
    }
}
