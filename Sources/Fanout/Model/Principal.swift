/// Who a resource policy statement applies to.
public enum Principal: Hashable, Sendable {
    /// An AWS service, such as `sns.amazonaws.com`.
    case service(OneOrMany<String>)
    /// AWS accounts, users or roles.
    case aws(OneOrMany<Value>)
    /// Everyone: `Principal: "*"`.
    case everyone

    /// The principal as a policy document writes it.
    public var value: Value {
        switch self {
        case .service(let services): .map(["Service": services.value])
        case .aws(let principals): .map(["AWS": principals.value])
        case .everyone: .string("*")
        }
    }
}
