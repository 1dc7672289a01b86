/// In a ``Function`` builder: the function publishes to `topic`. Adds an environment
/// variable with the topic's ARN and a statement allowing `sns:Publish` on that topic only;
/// for a topic encrypted with a customer-managed key, `kms:GenerateDataKey` and `kms:Decrypt`
/// on that key, which SNS needs from whoever publishes (the AWS-managed `alias/aws/sns`
/// admits the account's principals through SNS in its own key policy).
public struct Publishes: FunctionComponent {
    public var topic: Topic
    /// The environment variable that carries the topic's ARN.
    public var variable: String
    public let location: SourceLocation

    /// `variable` defaults to the topic's logical ID in upper snake case plus `_ARN`
    /// (`OrderPlaced` → `ORDER_PLACED_ARN`).
    public init(to topic: Topic, as variable: String? = nil, file: String = #filePath, line: Int = #line) {
        self.topic = topic
        self.variable = variable ?? Self.variableName(for: topic.logicalID)
        self.location = SourceLocation(file: file, line: line)
    }

    public func apply(to function: inout Function) {
        function.setEnvironment(variable, topic.arn, at: location)
        function.iamStatements.append(
            Statement(actions: ["sns:Publish"], resources: [topic.arn], file: location.file, line: location.line))
        if case .kms(let key)? = topic.encryption {
            function.iamStatements.append(
                KeyGrant.statement(KMSKey.useActions, on: key, via: "sns", at: location))
        }
    }

    static func variableName(for logicalID: String) -> String {
        var name = ""
        for character in logicalID {
            if character.isUppercase, !name.isEmpty, name.last != "_" { name.append("_") }
            name += character.isASCII && (character.isLetter || character.isNumber) ? character.uppercased() : "_"
        }
        return name + "_ARN"
    }
}
