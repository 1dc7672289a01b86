/// A Serverless Framework variable such as `${self:service}`.
///
/// serverless.yml keeps variables as written; raw CloudFormation needs their values, so the
/// variables that name the service, the stage and the region can be resolved.
public struct Variable: Hashable, Sendable, CustomStringConvertible {
    /// The text between `${` and `}`, for example `self:service`.
    public var expression: String

    public init(_ expression: String) {
        self.expression = expression
    }

    /// `${self:service}`: the service's name.
    public static let service = Variable("self:service")
    /// `${sls:stage}`: the stage being deployed.
    public static let stage = Variable("sls:stage")
    /// `${aws:region}`: the region being deployed to.
    public static let region = Variable("aws:region")

    /// The variable as serverless.yml spells it.
    public var description: String { "${\(expression)}" }

    /// What the variable means, when it is one Fanout can resolve.
    /// A fallback (`${opt:stage, 'dev'}`) does not change what the variable names.
    public var meaning: Meaning? {
        // Printable ASCII without a comma, the common case, is its own source without spaces.
        if expression.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ",") }) {
            return Self.meaning(ofSource: expression)
        }
        let source = expression.split(separator: ",", maxSplits: 1).first.map(String.init) ?? expression
        return Self.meaning(ofSource: source.filter { !$0.isWhitespace })
    }

    private static func meaning(ofSource source: String) -> Meaning? {
        switch source {
        case "self:service", "self:service.name": return .service
        case "sls:stage", "self:provider.stage", "opt:stage": return .stage
        case "aws:region", "self:provider.region", "opt:region": return .region
        default: return nil
        }
    }

    /// The settings a resolvable variable stands for.
    public enum Meaning: Sendable {
        case service, stage, region
    }
}
