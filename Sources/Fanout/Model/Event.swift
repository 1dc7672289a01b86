/// Something that invokes a function.
public enum Event: Hashable, Sendable {
    case http(HTTP)
    case sqs(SQS)
}
