/// FAN502: a runtime AWS no longer lets you create functions on.
public struct BlockedRuntimeRule: Rule {
    public let code = "FAN502"
    public let summary = "Functions do not use runtimes blocked for creation"
    public let lifecycle: RuntimeLifecycle
    public init(lifecycle: RuntimeLifecycle = .current) { self.lifecycle = lifecycle }
    public var readsTarget: Bool { false }

    /// The verdict changes with the calendar: an error for `lint`, a warning for `emit`.
    public var judgesByDate: Bool { true }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let date = context.date else { return [] }
        return RuntimeUses.of(context).compactMap { runtime, path, location in
            guard let entry = lifecycle.entry(for: runtime), entry.blockCreate <= date else { return nil }
            let successor = entry.successor.map { "; move to \($0)" } ?? ""
            return diagnostic(
                .error,
                "runtime \(runtime) is blocked for creating functions since \(entry.blockCreate) (deprecated \(entry.deprecated), updates blocked from \(entry.blockUpdate))\(successor) (lifecycle data as of \(lifecycle.asOf))",
                path: path, at: location)
        }
    }
}
