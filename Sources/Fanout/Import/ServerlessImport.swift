import YAML

/// Reads an existing `serverless.yml` into Fanout's model and prints the Swift DSL that
/// describes the same service: the inverse of ``ServerlessTranslator``.
///
/// ```swift
/// let result = try ServerlessImport(yaml: text, file: "serverless.yml").service()
/// print(result.swiftSource)                  // `let service = Service(…) { … }`
/// for finding in result.findings { … }       // FAN601–FAN616, with line:column
/// ```
///
/// What the model holds is imported as typed values (functions, `http` and `sqs` events,
/// topics, queues, queue policies, subscriptions, statements, outputs; `!Ref`, `!GetAtt`,
/// `!Sub`, `!Join` and the other intrinsics in short or long form; `${…}` variables as
/// ``Text``). Resources the model has no type for, or that a typed resource would write
/// differently, are kept as ``CustomResource``s (a note). What the model cannot hold at all
/// (`custom`, `plugins`, provider `environment`, other event types, `DeletionPolicy`, …) is
/// left out and reported as an error, with its position. Finally the imported service is
/// translated back and compared with the input, so any other difference is reported too
/// (FAN615): nothing is dropped silently.
public struct ServerlessImport: Sendable {
    /// The serverless.yml text.
    public var yaml: String
    /// The file the text came from, named in findings and errors.
    public var file: String
    /// The name of the Swift constant the printed source declares.
    public var name: String

    /// An import of `yaml`, read from `file`, printing a constant called `name`.
    public init(yaml: String, file: String, name: String = "service") {
        self.yaml = yaml
        self.file = file
        self.name = name
    }

    /// Imports the text.
    ///
    /// - Throws: `YAMLError` (`file:line:column: error: …` with the source line) when the text
    ///   is not YAML (a duplicate key, an unknown alias, bad indentation), or has no service
    ///   to import: not a mapping, no `service` name, no `provider.runtime`.
    public func service() throws(YAMLError) -> ImportResult {
        let root = try Parser.parse(yaml, path: file)
        let reader = ServiceReader(file: file, source: yaml)
        let service = try reader.read(root)
        // In the order of the file, as a compiler lists its diagnostics.
        let findings = (reader.findings + RoundTripCheck(reader: reader).differences(between: reader.input, and: service))
            .enumerated()
            .sorted { ($0.element.location?.line ?? 0, $0.element.location?.column ?? 0, $0.offset)
                < ($1.element.location?.line ?? 0, $1.element.location?.column ?? 0, $1.offset) }
            .map(\.element)
        let source = SwiftPrinter(name: name, sourceFile: file).source(for: service, findings: findings)
        return ImportResult(service: service, swiftSource: source, findings: findings)
    }
}
