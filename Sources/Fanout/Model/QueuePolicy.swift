import OrderedCollections

/// A resource policy for SQS queues (`AWS::SQS::QueuePolicy`), for example the one that lets
/// an SNS topic deliver to a queue.
public struct QueuePolicy: Resource {
    public let logicalID: String
    /// The queue URLs the policy applies to.
    public var queues: [Value]
    public var statements: [Statement]
    public var dependsOn: [String] = []
    public let location: SourceLocation

    /// A policy for `queues` with the statements the builder lists.
    public init(
        _ logicalID: String,
        queues: [Queue],
        file: String = #filePath,
        line: Int = #line,
        @StatementBuilder statements: () -> [Statement]
    ) {
        self.init(logicalID, queueURLs: queues.map(\.url), statements: statements(), file: file, line: line)
    }

    /// A policy for queues given by URL values, the escape hatch for queues declared elsewhere.
    public init(
        _ logicalID: String,
        queueURLs: [Value],
        statements: [Statement],
        file: String = #filePath,
        line: Int = #line
    ) {
        self.logicalID = logicalID
        self.queues = queueURLs
        self.statements = statements
        self.location = SourceLocation(file: file, line: line)
    }

    public var type: String { "AWS::SQS::QueuePolicy" }

    public var properties: OrderedDictionary<String, Value> {
        [
            "Queues": .list(queues),
            "PolicyDocument": PolicyDocument(statements).value,
        ]
    }
}
