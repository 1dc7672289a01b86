/// What rules look at: the service, the day to judge by, the compiled template, and
/// lookups across resources (which queue a subscription delivers to, who drains a queue).
public struct ValidationContext: Sendable {
    /// The service, bound (grants derived from references; see ``Pipeline/bind(_:)``).
    public let service: Service
    /// The day lifecycle data is evaluated at; `nil` leaves lifecycles unjudged.
    public let date: Day?
    /// What is about to be emitted.
    public internal(set) var target: ValidationTarget
    /// The compiled CloudFormation template. Rules read it; none compiles or renders again.
    public let template: Value
    /// What the compilation could not do.
    public let translationDiagnostics: [Diagnostic]
    /// The logical IDs the compilation adds for the functions and their events.
    public let generatedLogicalIDs: Set<String>
    /// Every `sqs` event with the function it invokes, in declaration order.
    public let sqsEvents: [(function: Function, event: SQS)]
    let variables: VariableResolver
    /// The filter policies, audited once for every rule that reads them.
    let filterPolicies: FilterPolicyIndex
    /// The first resource declared with each logical ID.
    private let resourcesByID: [String: any Resource]
    /// The lookups across resources, built once on first use (see ``ValidationIndex``).
    let indexCache = ValidationIndex.Cache()

    /// The context for validating `service` (already bound) and its compiled `translation`.
    public init(
        service: Service, translation: Translation, date: Day?,
        options: CloudFormationOptions = CloudFormationOptions(), target: ValidationTarget = .cloudFormation(nil)
    ) {
        self.service = service
        self.date = date
        self.target = target
        self.template = translation.template
        self.translationDiagnostics = translation.diagnostics
        self.generatedLogicalIDs = translation.generatedLogicalIDs
        self.variables = VariableResolver(service: service, options: options)
        self.resourcesByID = service.resources.reduce(into: [:]) { byID, resource in
            if byID[resource.logicalID] == nil { byID[resource.logicalID] = resource }
        }
        self.filterPolicies = FilterPolicyIndex(service.resources.compactMap { $0 as? Subscription })
        self.sqsEvents = service.functions.flatMap { function in
            function.events.compactMap { event in
                if case .sqs(let sqs) = event { (function, sqs) } else { nil }
            }
        }
    }

    /// The declared resource with this logical ID (the first, if declared twice).
    public func resource(_ logicalID: String) -> (any Resource)? {
        resourcesByID[logicalID]
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

    /// The index, built on the first lookup; `collections` also counts a read of a whole collection.
    var index: ValidationIndex { indexCache.index(self, readingCollection: false) }
    private var collections: ValidationIndex { indexCache.index(self, readingCollection: true) }

    public var queues: [Queue] { collections.queues }
    public var topics: [Topic] { collections.topics }
    public var queuePolicies: [QueuePolicy] { collections.queuePolicies }
    public var subscriptions: [Subscription] { collections.subscriptions }

    /// The functions that drain `queue`, with their events.
    public func consumers(of queue: Queue) -> [(function: Function, event: SQS)] {
        // Keyed by the logical ID the event's ARN names, when it names a declared queue.
        index.consumersByQueueID[queue.logicalID] ?? []
    }

    /// The queue policies that list `queue`.
    public func policies(for queue: Queue) -> [QueuePolicy] {
        index.policiesByQueueURL[queue.url] ?? []
    }

    /// The SQS subscriptions whose endpoint is `queue`'s ARN.
    public func subscriptions(to queue: Queue) -> [Subscription] {
        index.sqsSubscriptionsByEndpoint[queue.arn] ?? []
    }

    /// The stage the service is checked for.
    public var stage: String { variables.stage }

    /// `text` with its Serverless variables resolved, or `nil` when one cannot be (the
    /// region, too, when it is left to the deploying tool).
    public func resolve(_ text: Text) -> String? {
        try? text.resolved(variables.value(of:)).get()
    }

    /// The compiled template's resources, generated and declared.
    public var compiledResources: [String: Value] { collections.compiledResources }

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
            policy.statements.contains { $0.letsSNS("sqs:SendMessage", from: topicARN) && $0.covers(queue.arn) }
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
    public var statements: [Statement] { collections.statements }

    /// The IAM statements that apply to `function`: the shared ones and its own.
    public func statements(for function: Function) -> [Statement] {
        service.provider.iamStatements + function.iamStatements
    }
}

extension ValidationContext {
    /// A value of the service with what holds it, its path and where it was declared.
    public struct ValueSite: Sendable {
        public var value: Value
        /// What holds the value, for messages: `QueueOnePolicy`, `the environment of trigger`.
        public var owner: String
        public var path: String
        public var location: SourceLocation
    }

    /// Every value that may refer to resources: resource properties, environments, event
    /// sources, IAM statements and outputs.
    public var valueSites: [ValueSite] { collections.valueSites }

    /// The value sites, collected (once, by ``ValidationIndex``).
    func allValueSites() -> [ValueSite] {
        var sites: [ValueSite] = []
        for (index, resource) in service.resources.enumerated() {
            sites.append(ValueSite(
                value: .map(service.properties(ofResourceAt: index)), owner: resource.logicalID, path: path(resource),
                location: resource.location))
        }
        for statement in service.provider.iamStatements {
            sites.append(ValueSite(value: statement.value, owner: "an IAM statement", path: "provider.iam.role.statements", location: statement.location))
        }
        for function in service.functions {
            sites.append(ValueSite(value: .map(function.environment), owner: "the environment of \(function.key)",
                                   path: path(function) + ".environment", location: function.location))
            for case .sqs(let sqs) in function.events {
                sites.append(ValueSite(value: sqs.arn, owner: "the sqs event of \(function.key)", path: path(function) + ".events", location: sqs.location))
            }
            for statement in function.iamStatements {
                sites.append(ValueSite(value: statement.value, owner: "an IAM statement of \(function.key)",
                                       path: path(function) + ".iam", location: statement.location))
            }
        }
        for output in service.outputs {
            sites.append(ValueSite(value: output.value, owner: "output \(output.name)", path: "Outputs.\(output.name)", location: output.location))
        }
        return sites
    }
}
