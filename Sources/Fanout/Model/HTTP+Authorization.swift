extension HTTP {
    /// How API Gateway authenticates the callers of an endpoint.
    public enum Authorization: Hashable, Sendable {
        /// Open: anyone who knows the URL can call it (`AuthorizationType: NONE`).
        case none
        /// IAM (`AWS_IAM`): callers sign requests with Signature Version 4, and an IAM policy
        /// must allow them `execute-api:Invoke` on the method's ARN. No shared secret.
        /// serverless.yml: `authorizer: aws_iam`.
        case iam
        /// An API key in the `x-api-key` header (`ApiKeyRequired: true`), from the keys and
        /// usage plan of ``APIGateway``. AWS documents API keys as a way to meter and throttle
        /// clients, not to authenticate them. serverless.yml: `private: true`.
        case apiKey
        /// A Cognito user-pool authorizer (`COGNITO_USER_POOLS`): callers send a token the
        /// user pool issued in the `Authorization` header. serverless.yml:
        /// `authorizer: {name, arn, scopes}`; raw CloudFormation: `<Name>ApiGatewayAuthorizer`.
        case cognito(CognitoAuthorizer)

        /// A Cognito user-pool authorizer named `name` (its logical ID is
        /// `<Name>ApiGatewayAuthorizer`), for the pool `userPoolARN`
        /// (`arn:aws:cognito-idp:<region>:<account>:userpool/<pool id>`), optionally requiring
        /// one of `scopes` in an access token.
        public static func cognito(name: String, userPoolARN: String, scopes: [String] = []) -> Authorization {
            .cognito(CognitoAuthorizer(name: name, userPoolARN: userPoolARN, scopes: scopes))
        }

        /// The method's `AuthorizationType`.
        public var authorizationType: String {
            switch self {
            case .none, .apiKey: "NONE"
            case .iam: "AWS_IAM"
            case .cognito: "COGNITO_USER_POOLS"
            }
        }

        /// Whether callers are identified: anything but `.none`.
        public var isAuthenticated: Bool { self != .none }
    }
}
