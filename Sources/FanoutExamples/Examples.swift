import Fanout

/// The services that ship with Fanout, for the `fanout` command and the tests. A target of its own,
/// outside the `Fanout` library product, so that users' packages do not carry them.
public enum Examples {
    /// The built-in examples by the name the command line knows them by, in display order.
    public static let all: [(name: String, service: Service)] = [
        ("tutorial", tutorial),
        ("production", production),
    ]

    /// The example with this name.
    public static func named(_ name: String) -> Service? {
        all.first { $0.name == name }?.service
    }
}
