/// An environment variable of a function, such as a topic's ARN for the publisher.
public struct Environment: FunctionComponent {
    public var name: String
    public var value: Value
    public let location: SourceLocation

    public init(_ name: String, _ value: Value, file: String = #filePath, line: Int = #line) {
        self.name = name
        self.value = value
        self.location = SourceLocation(file: file, line: line)
    }

    public func apply(to function: inout Function) {
        function.setEnvironment(name, value, at: location)
    }
}
