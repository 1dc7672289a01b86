/// How serious a diagnostic is.
public enum Severity: String, Hashable, Comparable, Sendable, CaseIterable {
    /// Deploying this would fail or lose messages: nothing is emitted.
    case error
    /// Works, but is a mistake a reviewer would ask to fix.
    case warning
    /// Worth knowing; nothing to fix.
    case note

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .note: 2
        }
    }
}
