import OrderedCollections

/// Any CloudFormation resource Fanout does not model, written as given.
public struct CustomResource: Resource {
    public let logicalID: String
    public let type: String
    public var properties: OrderedDictionary<String, Value>
    public var dependsOn: [String] = []
    public let location: SourceLocation

    public init(
        _ logicalID: String,
        type: String,
        properties: OrderedDictionary<String, Value> = [:],
        file: String = #filePath,
        line: Int = #line
    ) {
        self.logicalID = logicalID
        self.type = type
        self.properties = properties
        self.location = SourceLocation(file: file, line: line)
    }
}
