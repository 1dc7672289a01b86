/// FAN502: a runtime AWS no longer lets you create functions on.
public struct BlockedRuntimeRule: Rule {
    public let code = "FAN502"
    public let summary = "Functions do not use runtimes blocked for creation"
    public let lifecycle: RuntimeLifecycle
    public init(lifecycle: RuntimeLifecycle = .current) { self.lifecycle = lifecycle }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        RuntimeUses.of(context).compactMap { runtime, path, location in
            guard let entry = lifecycle.entry(for: runtime), entry.blockCreate <= context.date else { return nil }
            let successor = entry.successor.map { "; move to \($0)" } ?? ""
            return diagnostic(
                .error,
                "runtime \(runtime) is blocked for creating functions since \(entry.blockCreate) (deprecated \(entry.deprecated), updates blocked from \(entry.blockUpdate))\(successor) (lifecycle data as of \(lifecycle.asOf))",
                path: path, at: location)
        }
    }
}
