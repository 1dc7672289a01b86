/// The services that ship with Fanout, for `fanout` to emit when no other is given.
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
