/// One consumer of a ``FanOut``: a queue subscribed to the topic and the function that
/// drains it, with everything an expert would add around them.
///
/// From `Consumer("billing", handler: "src/billing.handler")` the fan-out derives the queue
/// `BillingQueue` (SSE-SQS, visibility timeout 6 × function timeout + batching window), its
/// dead-letter queue `BillingDeadLetterQueue` (after 5 failed receives), the policy
/// `BillingQueuePolicy` that lets only the topic send to it, the subscription
/// `BillingSubscription` (raw delivery, after the policy) and the function `billing` with
/// its event source (partial batch failures reported), and the alarms
/// `BillingDeadLetterQueueAlarm` and `BillingQueueAgeAlarm` (see ``ConsumerAlarms``).
public struct Consumer: FanOutConsumer {
    /// Resource names to use instead of the derived ones.
    public struct Names: Hashable, Sendable {
        public var queue: String?
        public var queueName: Text?
        public var deadLetterQueue: String?
        public var policy: String?
        public var subscription: String?
    }

    /// The function's key; the derived logical IDs start with it, upper-cased.
    public var name: String
    public var handler: String
    public var runtime: Runtime?
    public var memorySize: Int?
    public var timeout: Int?
    public var batchSize: Int?
    public var batchingWindow: Int?
    public var maximumConcurrency: Int?
    /// The handler returns `batchItemFailures`, so only failed messages are retried.
    public var reportBatchItemFailures: Bool
    /// Deliver the published message itself rather than the SNS envelope.
    public var rawMessageDelivery: Bool
    /// The queue's visibility timeout; `nil` derives 6 × timeout + batching window.
    public var visibilityTimeout: Int?
    /// Receives before a message moves to the dead-letter queue; `nil` for no dead-letter queue.
    public var maxReceiveCount: Int?
    /// Also give the subscription a dead-letter queue, for deliveries SNS cannot make.
    public var subscriptionDeadLetterQueue: Bool
    /// How the queues are encrypted; `nil` leaves the property out.
    public var encryption: QueueEncryption?
    public var filter: FilterPolicy?
    /// The CloudWatch alarms on the queues (see ``ConsumerAlarms``); `nil` for none.
    public var alarms: ConsumerAlarms? = ConsumerAlarms()
    public var names = Names()
    /// The function's other parts: environment variables, `Publishes`, statements.
    public var components: [any FunctionComponent]
    /// Whether the queues are FIFO (set by ``FIFOConsumer``).
    public internal(set) var fifo = false
    public var consumer: Consumer {
        get { self }
        set { self = newValue }
    }
    public let location: SourceLocation

    public init(
        _ name: String,
        handler: String,
        runtime: Runtime? = nil,
        memorySize: Int? = nil,
        timeout: Int? = nil,
        batchSize: Int? = nil,
        batchingWindow: Int? = nil,
        maximumConcurrency: Int? = nil,
        reportBatchItemFailures: Bool = true,
        rawMessageDelivery: Bool = true,
        visibilityTimeout: Int? = nil,
        maxReceiveCount: Int? = 5,
        subscriptionDeadLetterQueue: Bool = false,
        encryption: QueueEncryption? = .sqsManaged,
        file: String = #filePath,
        line: Int = #line,
        @FunctionBuilder _ content: () -> [any FunctionComponent] = { [] }
    ) {
        self.name = name
        self.handler = handler
        self.runtime = runtime
        self.memorySize = memorySize
        self.timeout = timeout
        self.batchSize = batchSize
        self.batchingWindow = batchingWindow
        self.maximumConcurrency = maximumConcurrency
        self.reportBatchItemFailures = reportBatchItemFailures
        self.rawMessageDelivery = rawMessageDelivery
        self.visibilityTimeout = visibilityTimeout
        self.maxReceiveCount = maxReceiveCount
        self.subscriptionDeadLetterQueue = subscriptionDeadLetterQueue
        self.encryption = encryption
        self.components = content()
        self.location = SourceLocation(file: file, line: line)
    }
}

/// A consumer whose queues are FIFO, for a ``FanOut`` from a FIFO topic: messages arrive in
/// order, in batches of at most 10 and without a batching window.
public struct FIFOConsumer: FanOutConsumer {
    public var consumer: Consumer

    public init(
        _ name: String,
        handler: String,
        runtime: Runtime? = nil,
        memorySize: Int? = nil,
        timeout: Int? = nil,
        batchSize: Int? = nil,
        maximumConcurrency: Int? = nil,
        reportBatchItemFailures: Bool = true,
        rawMessageDelivery: Bool = true,
        visibilityTimeout: Int? = nil,
        maxReceiveCount: Int? = 5,
        subscriptionDeadLetterQueue: Bool = false,
        encryption: QueueEncryption? = .sqsManaged,
        file: String = #filePath,
        line: Int = #line,
        @FunctionBuilder _ content: () -> [any FunctionComponent] = { [] }
    ) {
        consumer = Consumer(
            name, handler: handler, runtime: runtime, memorySize: memorySize, timeout: timeout,
            batchSize: batchSize, maximumConcurrency: maximumConcurrency,
            reportBatchItemFailures: reportBatchItemFailures, rawMessageDelivery: rawMessageDelivery,
            visibilityTimeout: visibilityTimeout, maxReceiveCount: maxReceiveCount,
            subscriptionDeadLetterQueue: subscriptionDeadLetterQueue, encryption: encryption,
            file: file, line: line, content)
        consumer.fifo = true
    }
}
