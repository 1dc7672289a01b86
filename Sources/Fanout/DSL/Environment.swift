/// An environment variable of a function, such as a topic's ARN for the publisher.
public struct Environment: FunctionComponent {
    public var name: String
    public var value: Value

    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }

    public func apply(to function: inout Function) {
        function.environment[name] = value
    }
}
