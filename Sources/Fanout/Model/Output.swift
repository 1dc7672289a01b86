import OrderedCollections

/// A stack output, such as a queue's URL for other stacks or scripts.
public struct Output: ServiceComponent, Hashable {
    /// The output's logical name (`[A-Za-z0-9]+`).
    public var name: String
    public var value: Value
    public var description: String?
    /// A name to export the value under, for `Fn::ImportValue` in other stacks.
    public var exportName: Text?
    public let location: SourceLocation

    public init(
        _ name: String, value: Value, description: String? = nil, exportName: Text? = nil,
        file: String = #filePath, line: Int = #line
    ) {
        self.name = name
        self.value = value
        self.description = description
        self.exportName = exportName
        self.location = SourceLocation(file: file, line: line)
    }

    public func apply(to service: inout Service) {
        service.outputs.append(self)
    }

    /// The output as a template's `Outputs` section writes it.
    public var definition: Value {
        var map: OrderedDictionary<String, Value> = [:]
        if let description { map["Description"] = .string(description) }
        map["Value"] = value
        if let exportName { map["Export"] = ["Name": exportName.value] }
        return .map(map)
    }
}
