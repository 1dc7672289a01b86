/// What rules look at: the service, the day to judge by, the compiled template, and
/// lookups across resources (which queue a subscription delivers to, who drains a queue).
public struct ValidationContext: Sendable {
    public let service: Service
    /// The day lifecycle data is evaluated at.
    public let date: Day
    public let stage: String
    public let region: String
    /// The compiled CloudFormation template, or `nil` when the service cannot be compiled.
    public let template: Value?
    /// Why the service cannot be compiled, if it cannot.
    public let translationError: TranslationError?

    public init(service: Service, date: Day, options: CloudFormationOptions = CloudFormationOptions()) {
        self.service = service
        self.date = date
        self.stage = options.stage ?? service.provider.stage ?? Provider.defaultStage
        self.region = options.region ?? service.provider.region ?? "us-east-1"
        do {
            self.template = try CloudFormationTranslator(options: options).translate(service)
            self.translationError = nil
        } catch {
            self.template = nil
            self.translationError = error
        }
    }

    /// The declared resource with this logical ID (the first, if declared twice).
    public func resource(_ logicalID: String) -> (any Resource)? {
        service.resource(logicalID)
    }

    /// The declared resource a `Ref` or `GetAtt` value points at.
    public func resource(referencedBy value: Value) -> (any Resource)? {
        switch value {
        case .ref(let id), .getAtt(let id, _): resource(id)
        default: nil
        }
    }

    /// The declared queue a `Ref` or `GetAtt` value points at.
    public func queue(referencedBy value: Value) -> Queue? {
        resource(referencedBy: value) as? Queue
    }

    public var queues: [Queue] { service.resources.compactMap { $0 as? Queue } }
    public var topics: [Topic] { service.resources.compactMap { $0 as? Topic } }
    public var queuePolicies: [QueuePolicy] { service.resources.compactMap { $0 as? QueuePolicy } }
    public var subscriptions: [Subscription] { service.resources.compactMap { $0 as? Subscription } }

    /// Every `sqs` event with the function it invokes, in declaration order.
    public var sqsEvents: [(function: Function, event: SQS)] {
        service.functions.flatMap { function in
            function.events.compactMap { event in
                if case .sqs(let sqs) = event { (function, sqs) } else { nil }
            }
        }
    }

    /// The functions that drain `queue`, with their events.
    public func consumers(of queue: Queue) -> [(function: Function, event: SQS)] {
        sqsEvents.filter { self.queue(referencedBy: $0.event.arn)?.logicalID == queue.logicalID }
    }

    /// The queue policies that list `queue`.
    public func policies(for queue: Queue) -> [QueuePolicy] {
        queuePolicies.filter { $0.queues.contains(queue.url) }
    }

    /// The SQS subscriptions whose endpoint is `queue`'s ARN.
    public func subscriptions(to queue: Queue) -> [Subscription] {
        subscriptions.filter { $0.deliveryProtocol == .sqs && $0.endpoint == queue.arn }
    }

    /// `text` with its Serverless variables resolved, or `nil` when one cannot be.
    public func resolve(_ text: Text) -> String? {
        try? text.resolved { variable in
            switch variable.meaning {
            case .service: service.name
            case .stage: stage
            case .region: region
            case nil: nil
            }
        }.get()
    }

    /// The compiled template's resources, generated and declared.
    public var compiledResources: [String: Value] {
        Dictionary(uniqueKeysWithValues: (template?.mapValue?["Resources"]?.mapValue ?? [:]).map { ($0.key, $0.value) })
    }

    /// `Resources.<LogicalId>`, the path of a declared resource.
    public func path(_ resource: any Resource) -> String {
        "Resources.\(resource.logicalID)"
    }

    /// `functions.<key>`, the path of a function.
    public func path(_ function: Function) -> String {
        "functions.\(function.key)"
    }
}

extension ValidationContext {
    /// The first queue policy with a statement that lets SNS send to `queue` from the topic
    /// with ARN `topicARN`: `sns.amazonaws.com` (or anyone), `sqs:SendMessage`, the queue's
    /// ARN, and an `aws:SourceArn` condition that names the topic if there is one at all.
    public func deliveryPolicy(to queue: Queue, from topicARN: Value) -> QueuePolicy? {
        policies(for: queue).first { policy in
            policy.statements.contains { statement in
                guard statement.admitsSNS, statement.allows("sqs:SendMessage"), statement.covers(queue.arn) else {
                    return false
                }
                let sources = statement.condition?.values(for: "aws:SourceArn") ?? []
                return sources.isEmpty || sources.contains(topicARN)
            }
        }
    }

    /// The topics' ARNs the SNS statements of `queue`'s policies are restricted to.
    public func allowedSources(of queue: Queue) -> [Value] {
        policies(for: queue).flatMap(\.statements).filter(\.admitsSNS)
            .flatMap { $0.condition?.values(for: "aws:SourceArn") ?? [] }
    }

    /// A short name for a topic ARN value: the logical ID it refers to, or the value.
    public func name(of value: Value) -> String {
        switch value {
        case .ref(let id), .getAtt(let id, _): id
        case .string(let string): string
        default: "\(value)"
        }
    }
}

extension ValidationContext {
    /// Every IAM statement of the functions' roles: the shared ones, then each function's.
    public var statements: [Statement] {
        service.provider.iamStatements + service.functions.flatMap(\.iamStatements)
    }

    /// The IAM statements that apply to `function`: the shared ones and its own.
    public func statements(for function: Function) -> [Statement] {
        service.provider.iamStatements + function.iamStatements
    }
}
