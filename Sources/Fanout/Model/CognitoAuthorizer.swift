/// A Cognito user-pool authorizer of an `http` event, given by the pool's ARN.
///
/// Compiled as the Serverless Framework v3 compiles `authorizer: {name, arn}` with a
/// `cognito-idp` ARN: an `AWS::ApiGateway::Authorizer` `<Name>ApiGatewayAuthorizer` of type
/// `COGNITO_USER_POOLS`, reading the `Authorization` header, caching results 300 s.
public struct CognitoAuthorizer: Hashable, Sendable {
    /// The authorizer's name, which also names its logical ID (`users` → `UsersApiGatewayAuthorizer`).
    public var name: String
    /// `arn:aws:cognito-idp:<region>:<account>:userpool/<region>_<id>`.
    public var userPoolARN: String
    /// OAuth scopes; when given, the method takes access tokens carrying one of them.
    public var scopes: [String]

    public init(name: String, userPoolARN: String, scopes: [String] = []) {
        self.name = name
        self.userPoolARN = userPoolARN
        self.scopes = scopes
    }

    /// `<Name>ApiGatewayAuthorizer`, with the function-name normalisation Serverless applies.
    public var logicalID: String { Naming.apiGatewayAuthorizerLogicalID(name) }
}
