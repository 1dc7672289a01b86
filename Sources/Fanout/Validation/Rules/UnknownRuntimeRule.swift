/// FAN503: a runtime the lifecycle data does not know: a typo, or one newer than the data.
public struct UnknownRuntimeRule: Rule {
    public let code = "FAN503"
    public let summary = "Functions use runtimes the lifecycle data knows"
    public let lifecycle: RuntimeLifecycle
    public init(lifecycle: RuntimeLifecycle = .current) { self.lifecycle = lifecycle }
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        RuntimeUses.of(context).compactMap { runtime, path, location in
            guard lifecycle.entry(for: runtime) == nil else { return nil }
            return diagnostic(
                .warning,
                "runtime '\(runtime)' is not in Fanout's lifecycle data (as of \(lifecycle.asOf)); check the spelling, or that AWS Lambda offers it",
                path: path, at: location)
        }
    }
}
