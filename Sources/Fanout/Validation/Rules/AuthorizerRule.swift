/// FAN823: an endpoint's authorisation that cannot work:
/// - a Cognito authorizer whose ARN is not a user pool's
///   (`arn:<partition>:cognito-idp:<region>:<account>:userpool/<region>_<id>`): API Gateway
///   refuses it, and the Serverless Framework would compile any other ARN as a Lambda authorizer;
/// - an authorizer name that is empty or holds characters a logical ID cannot keep;
/// - an `.apiKey` endpoint in a service that declares no API keys: no caller can have a key
///   this stack created (a warning: keys made outside the stack can be added to its plan).
public struct AuthorizerRule: Rule {
    public let code = "FAN823"
    public let summary = "Authorizers name a Cognito user pool by ARN; API-key endpoints have keys"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for function in context.service.functions {
            for case .http(let http) in function.events {
                let path = context.path(function) + ".events"
                switch http.authorization {
                case .cognito(let authorizer):
                    if !Self.isUserPoolARN(authorizer.userPoolARN) {
                        found.append(diagnostic(
                            .error, "the Cognito authorizer '\(authorizer.name)' of \(function.key) has the ARN '\(authorizer.userPoolARN)', which is not a user pool's; write arn:aws:cognito-idp:<region>:<12-digit account>:userpool/<region>_<id>, as the user pool's page in the Cognito console shows it",
                            path: path, at: http.location))
                    }
                    if !AWSName.hasAllowedCharacters(authorizer.name) {
                        found.append(diagnostic(
                            .error, "the Cognito authorizer name '\(authorizer.name)' of \(function.key) must be letters, digits, '-' or '_' (it names the logical ID <Name>ApiGatewayAuthorizer); use a name such as 'users'",
                            path: path, at: http.location))
                    }
                case .apiKey where context.service.provider.apiGateway?.apiKeys.isEmpty ?? true:
                    found.append(diagnostic(
                        .warning, "\(http.method.rawValue.uppercased()) \(http.path) of \(function.key) requires an API key, but the service declares none: no caller has a key this stack creates. Add APIGateway(apiKeys: [\"…\"], usagePlan: …), or add keys made elsewhere to the usage plan",
                        path: path, at: http.location))
                default:
                    break
                }
            }
        }
        return found
    }

    /// `arn:<partition>:cognito-idp:<region>:<12 digits>:userpool/<region>_<id>`.
    static func isUserPoolARN(_ arn: String) -> Bool {
        let fields = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn", fields[1].hasPrefix("aws"), fields[2] == "cognito-idp" else { return false }
        let region = fields[3]
        guard !region.isEmpty, region.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }) else { return false }
        guard fields[4].count == 12, fields[4].allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        guard fields[5].hasPrefix("userpool/") else { return false }
        let pool = fields[5].dropFirst("userpool/".count)
        guard pool.hasPrefix(region + "_") else { return false }
        let id = pool.dropFirst(region.count + 1)
        return !id.isEmpty && id.isASCIIAlphanumeric()
    }
}
