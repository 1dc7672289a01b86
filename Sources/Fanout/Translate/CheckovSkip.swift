import OrderedCollections

/// A finding of the checkov security scanner that Fanout suppresses in the templates it
/// compiles, with the reason: `Metadata: {checkov: {skip: [{id, comment}]}}` on the resource,
/// so whoever scans a stack sees why each check is skipped.
///
/// ``table`` is the one reviewed list of these exceptions. Each row is a check that cannot
/// apply to what Fanout compiles, or one the scanner gets wrong. A row never hides a choice
/// the user made or left open: a log group without retention (CKV_AWS_66, FAN831), an
/// unencrypted topic (CKV_AWS_26, FAN832), an open API method (CKV_AWS_59), or a queue
/// drained without a dead-letter queue (CKV_AWS_116 on its consumer, FAN205) stay findings.
public struct CheckovSkip: Sendable {
    /// The checkov check ID, such as `CKV_AWS_117`.
    public let id: String
    /// The CloudFormation resource type the check inspects.
    public let resourceType: String
    /// When the row applies, in words.
    public let condition: String
    /// Why the check is skipped, in a line: the `comment` the template carries. Short, since
    /// it is repeated on every resource the row covers (thousands in a large fan-out).
    public let reason: String
    /// The reasoning behind ``reason`` in full, for reviewers of the table.
    public let rationale: String
    let applies: @Sendable (Subject) -> Bool

    /// A compiled resource as the table judges it.
    struct Subject {
        var properties: OrderedDictionary<String, Value>
        /// The function a compiled `AWS::Lambda::Function` runs.
        var function: Function?
        /// The service's queues by logical ID, indexed once per template: looking each up in
        /// the service's list made the annotation grow with the square of the consumers.
        var queues: [String: Queue]
    }

    /// The reviewed exceptions, in the order templates list them.
    public static let table: [CheckovSkip] = [
        CheckovSkip(
            id: "CKV_AWS_117", resourceType: "AWS::Lambda::Function", condition: "no VpcConfig",
            reason: "Reaches only AWS APIs, over TLS and IAM-signed; a VPC isolates nothing here",
            rationale: "VPC placement: the functions reach only AWS APIs (SNS, SQS, CloudWatch Logs), over TLS and IAM-signed; a VPC adds NAT or endpoints and isolates nothing here"
        ) { $0.properties["VpcConfig"] == nil },
        CheckovSkip(
            id: "CKV_AWS_116", resourceType: "AWS::Lambda::Function",
            condition: "every event is an sqs event whose queue has a dead-letter queue (RedrivePolicy)",
            reason: "A Lambda DLQ serves asynchronous calls only; SQS invokes this synchronously and its queue's RedrivePolicy keeps failures",
            rationale: "Lambda's dead-letter queue serves asynchronous invocations only: an SQS event source invokes this function synchronously, and its queue's RedrivePolicy moves failed messages to the queue's own dead-letter queue"
        ) { subject in
            guard let function = subject.function, !function.events.isEmpty else { return false }
            return function.events.allSatisfy { event in
                guard case .sqs(let sqs) = event, case .getAtt(let id, "Arn") = sqs.arn,
                      let queue = subject.queues[id]
                else { return false }
                return queue.redrivePolicy != nil
            }
        },
        CheckovSkip(
            id: "CKV_AWS_116", resourceType: "AWS::Lambda::Function", condition: "every event is an http event",
            reason: "A Lambda DLQ serves asynchronous calls only; API Gateway invokes this synchronously and returns errors to the caller",
            rationale: "Lambda's dead-letter queue serves asynchronous invocations only: API Gateway invokes this function synchronously and returns its errors to the caller"
        ) { subject in
            guard let function = subject.function, !function.events.isEmpty else { return false }
            return function.events.allSatisfy { if case .http = $0 { true } else { false } }
        },
        CheckovSkip(
            id: "CKV_AWS_115", resourceType: "AWS::Lambda::Function", condition: "no ReservedConcurrentExecutions",
            reason: "Reserved concurrency is a capacity decision, not a security default",
            rationale: "Reserved concurrency is a capacity decision, not a security default: it takes executions away from every other function in the account and throttles this one at a fixed ceiling; an SQS consumer's concurrency is bounded by its event source (maximumConcurrency)"
        ) { $0.properties["ReservedConcurrentExecutions"] == nil },
        CheckovSkip(
            id: "CKV_AWS_173", resourceType: "AWS::Lambda::Function",
            condition: "every environment variable is a reference (Ref, GetAtt, Sub, Join), no literal",
            reason: "Only resource identifiers, no secrets; Lambda encrypts them at rest",
            rationale: "The environment holds only resource identifiers (such as the topic's ARN), no secrets; Lambda encrypts it at rest with its AWS-managed key"
        ) { subject in
            guard let variables = subject.properties["Environment"]?.mapValue?["Variables"]?.mapValue,
                  !variables.isEmpty
            else { return false }
            return variables.values.allSatisfy(isReference)
        },
        CheckovSkip(
            id: "CKV_AWS_158", resourceType: "AWS::Logs::LogGroup", condition: "no KmsKeyId",
            reason: "CloudWatch Logs encrypts every log group at rest with keys it manages",
            rationale: "CloudWatch Logs encrypts every log group at rest with keys it manages; a customer-managed key only adds key-policy access control, which these function logs are not given"
        ) { $0.properties["KmsKeyId"] == nil },
        CheckovSkip(
            id: "CKV_AWS_27", resourceType: "AWS::SQS::Queue", condition: "SqsManagedSseEnabled: true",
            reason: "Encrypted with SSE-SQS; CKV_AWS_27 recognises only KmsMasterKeyId",
            rationale: "Encrypted at rest with SSE-SQS (SqsManagedSseEnabled: true); CKV_AWS_27 recognises only KmsMasterKeyId"
        ) { $0.properties["SqsManagedSseEnabled"] == .bool(true) && $0.properties["KmsMasterKeyId"] == nil },
        CheckovSkip(
            id: "CKV_AWS_27", resourceType: "AWS::SQS::Queue",
            condition: "neither KmsMasterKeyId nor SqsManagedSseEnabled",
            reason: "Encrypted with SSE-SQS, on by default; CKV_AWS_27 recognises only KmsMasterKeyId",
            rationale: "Encrypted at rest with SSE-SQS, which SQS turns on for every new queue unless SqsManagedSseEnabled is false; CKV_AWS_27 recognises only KmsMasterKeyId"
        ) { $0.properties["SqsManagedSseEnabled"] == nil && $0.properties["KmsMasterKeyId"] == nil },
    ]

    /// Whether an environment value names a resource rather than spelling a literal.
    private static func isReference(_ value: Value) -> Bool {
        switch value {
        case .ref, .getAtt, .sub, .join, .function: true
        case .string, .text, .int, .bool, .list, .map: false
        }
    }

    /// Gives each of `resources` the table covers `Metadata.checkov.skip`, one entry per
    /// matching row, in table order. A check ID appears once per resource (the first row
    /// that matches gives the reason); `Metadata` a resource already has is kept. In place,
    /// so that no resource is copied to be changed.
    static func annotate(_ resources: inout OrderedDictionary<String, Value>, of service: Service) {
        var functions: [String: Function] = [:]
        for function in service.functions where functions[Naming.lambdaLogicalID(function.key)] == nil {
            functions[Naming.lambdaLogicalID(function.key)] = function
        }
        var queues: [String: Queue] = [:]
        for case let queue as Queue in service.resources where queues[queue.logicalID] == nil {
            queues[queue.logicalID] = queue
        }
        // The rows of each type, and each row's entry, built once rather than per resource.
        var rows: [String: [(row: CheckovSkip, entry: Value)]] = [:]
        for row in table { rows[row.resourceType, default: []].append((row, ["id": .string(row.id), "comment": .string(row.reason)])) }
        for index in resources.values.indices {
            guard case .map(var map) = resources.values[index], let type = map["Type"]?.stringValue,
                  let candidates = rows[type], map["Metadata"]?.mapValue?["checkov"] == nil
            else { continue }
            let logicalID = resources.keys[index]
            let subject = Subject(
                properties: map["Properties"]?.mapValue ?? [:],
                function: type == "AWS::Lambda::Function" ? functions[logicalID] : nil, queues: queues)
            var seen: Set<String> = []
            var skips: [Value] = []
            for (row, entry) in candidates where !seen.contains(row.id) && row.applies(subject) {
                seen.insert(row.id)
                skips.append(entry)
            }
            guard !skips.isEmpty else { continue }
            // Taken out of the template while it changes, so the map is not copied to change it.
            resources.values[index] = .bool(false)
            var metadata = map["Metadata"]?.mapValue ?? [:]
            metadata["checkov"] = ["skip": .list(skips)]
            map["Metadata"] = .map(metadata)
            resources.values[index] = .map(map)
        }
    }
}
