/// The IAM statement that lets a function use a KMS key through one AWS service: a queue's
/// key through SQS (a consumer decrypts), a topic's key through SNS (a publisher encrypts).
enum KeyGrant {
    /// `actions` on `key`. IAM needs the key's ARN: a `Ref` to a key becomes its `Arn`, a key
    /// ID its ARN in this account and region. An alias names no key in IAM, so then any key
    /// may be used, but only through `service` (`kms:ViaService`).
    static func statement(
        _ actions: OneOrMany<String>, on key: Value, via service: String, at location: SourceLocation
    ) -> Statement {
        let arn: Value
        switch key {
        case .ref(let id):
            arn = .getAtt(id, "Arn")
        case .string(let text) where text.hasPrefix("alias/"):
            return Statement(
                actions: actions, resources: ["*"],
                condition: .stringEquals("kms:ViaService", .sub("\(service).${AWS::Region}.amazonaws.com")),
                file: location.file, line: location.line)
        case .string(let text) where !text.hasPrefix("arn:"):
            arn = .sub("arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/\(text)")
        default:
            arn = key
        }
        return Statement(actions: actions, resources: [arn], file: location.file, line: location.line)
    }
}
