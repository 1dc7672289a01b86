/// The CloudWatch alarms a ``FanOut`` consumer gets, both on by default: one when its
/// dead-letter queue holds a message, one when its queue's oldest message is too old.
///
/// Both watch SQS metrics (`AWS/SQS`, dimension `QueueName`) with the `Maximum` statistic
/// over 1-minute periods, one period to fire: SQS pushes its queue metrics to CloudWatch at
/// one-minute intervals, and the AWS CDK's own SQS metric helpers use `Maximum` for these two
/// (`metricApproximateNumberOfMessagesVisible`, `metricApproximateAgeOfOldestMessage`).
/// Missing data counts as not breaching: SQS publishes these metrics only for an active
/// queue, and a queue holding messages is active (SQS Developer Guide, "Available CloudWatch
/// metrics for Amazon SQS").
public struct ConsumerAlarms: Hashable, Sendable {
    /// Messages in the dead-letter queue above which the alarm fires; automatic is 0, so one
    /// message is enough: every message there is one the consumer gave up on.
    public var deadLetterMessages: AlarmThreshold
    /// Seconds the queue's oldest message may wait; automatic is
    /// ``derivedMessageAge(visibilityTimeout:maxReceiveCount:retention:)``.
    public var oldestMessageAge: AlarmThreshold

    public init(deadLetterMessages: AlarmThreshold = .automatic, oldestMessageAge: AlarmThreshold = .automatic) {
        self.deadLetterMessages = deadLetterMessages
        self.oldestMessageAge = oldestMessageAge
    }

    /// The age, in seconds, above which a consumer's queue is behind: the visibility timeout
    /// × `maxReceiveCount` (× 1 without a dead-letter queue), at least 60 s and at most half
    /// the queue's retention period.
    ///
    /// Why this product: each receive hides a message for one visibility timeout, and after
    /// `maxReceiveCount` receives SQS moves it to the dead-letter queue. So a message the
    /// consumer works on — even one it keeps failing on — has left the queue within
    /// visibility timeout × `maxReceiveCount` of its first receive. A message older than that
    /// was not received in time: the function is throttled, failing before it reads, or far
    /// behind the producers. (A message that keeps failing without a dead-letter queue keeps
    /// the metric up too; the SQS Developer Guide's "Capturing problematic messages" notes
    /// that such poison pills distort `ApproximateAgeOfOldestMessage` and that a dead-letter
    /// queue avoids those false alarms.)
    ///
    /// Why the bounds: CloudWatch sees the metric once a minute, so a lower threshold only
    /// adds noise; and a standard queue deletes a message when its retention period (4 days
    /// unless set) has passed since it was sent, even on its way through a dead-letter queue
    /// (SQS Developer Guide, "Setting-up dead-letter queue retention"). The alarm must fire
    /// while there is time to act, so it fires at half the retention period at the latest.
    public static func derivedMessageAge(visibilityTimeout: Int, maxReceiveCount: Int?, retention: Int?) -> Int {
        let receives = max(maxReceiveCount ?? 1, 1)
        let (product, overflow) = max(visibilityTimeout, 0).multipliedReportingOverflow(by: receives)
        let cap = (retention ?? defaultRetention) / 2
        return max(minimumMessageAge, min(overflow ? cap : product, cap))
    }

    /// SQS keeps a message 4 days unless the queue says otherwise.
    static let defaultRetention = 345_600
    /// One CloudWatch period: SQS reports its metrics once a minute.
    static let minimumMessageAge = 60
}
