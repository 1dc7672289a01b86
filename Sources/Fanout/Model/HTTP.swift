/// An API Gateway REST endpoint that invokes the function (`http` event).
public struct HTTP: FunctionComponent, Hashable {
    /// The HTTP method.
    public enum Method: String, Hashable, Sendable, CaseIterable {
        case get, post, put, patch, delete, head, options, any
    }

    public var method: Method
    /// The path, such as `/trigger` or `/orders/{id}`.
    public var path: String
    public let location: SourceLocation

    public init(_ method: Method, _ path: String, file: String = #filePath, line: Int = #line) {
        self.method = method
        self.path = path
        self.location = SourceLocation(file: file, line: line)
    }

    public func apply(to function: inout Function) {
        function.events.append(.http(self))
    }
}
