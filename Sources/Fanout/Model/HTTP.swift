/// An API Gateway REST endpoint that invokes the function (`http` event).
///
/// ```swift
/// HTTP(.post, "/orders", authorization: .iam)            // callers sign with SigV4
/// HTTP(.post, "/orders", authorization: .apiKey)         // x-api-key, with APIGateway(apiKeys:)
/// HTTP(.post, "/orders", authorization: .cognito(name: "users",
///      userPoolARN: "arn:aws:cognito-idp:eu-central-1:123456789012:userpool/eu-central-1_AbC123"))
/// ```
public struct HTTP: FunctionComponent, Hashable {
    /// The HTTP method.
    public enum Method: String, Hashable, Sendable, CaseIterable {
        case get, post, put, patch, delete, head, options, any
    }

    public var method: Method
    /// The path, such as `/trigger` or `/orders/{id}`.
    public var path: String
    /// Who may call the endpoint; `.none` leaves it open to anyone who knows the URL.
    public var authorization: Authorization
    public let location: SourceLocation

    public init(_ method: Method, _ path: String, authorization: Authorization = .none,
                file: String = #filePath, line: Int = #line) {
        self.method = method
        self.path = path
        self.authorization = authorization
        self.location = SourceLocation(file: file, line: line)
    }

    public func apply(to function: inout Function) {
        function.events.append(.http(self))
    }
}
