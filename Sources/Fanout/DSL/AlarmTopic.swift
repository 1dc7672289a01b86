/// Where a ``FanOut``'s alarms send their notifications (`AlarmActions` and `OKActions`).
public enum AlarmTopic: Hashable, Sendable {
    /// A topic Fanout declares, `AlarmTopic` (`<service>-<stage>-alarms`), with these e-mail
    /// addresses subscribed (each gets a confirmation e-mail from SNS when deployed). Several
    /// fan-outs share it; a resource the service declared as `AlarmTopic` before the fan-out
    /// is used instead.
    case created(emails: [String])
    /// A topic by its ARN: a topic the service declares (``topic(_:)``), an imported value, or
    /// a literal ARN.
    case arn(Value)

    /// A topic the service declares.
    public static func topic(_ topic: Topic) -> AlarmTopic { .arn(topic.arn) }

    /// The topic Fanout declares, with no subscriptions: the default.
    public static let created = AlarmTopic.created(emails: [])
}
