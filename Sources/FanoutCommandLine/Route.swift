import ArgumentParser
import Fanout
import OrderedCollections

/// `route`: which consumers receive a message, by the subscriptions' filter policies.
struct Route<Command: FanoutCommand>: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "route",
            abstract: "Show which consumers receive a message, and why the others do not.",
            discussion: """
                Evaluates each subscription's filter policy as SNS does (message attributes or \
                the JSON body). Exit status: 0 when the message was routed (even to no consumer), \
                1 when it cannot be (no subscriptions, a policy known only at deploy time), 64 on \
                bad command-line use (bad JSON, a bad attribute, an unknown or missing --topic).
                """
        )
    }

    /// How the route is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: ArgumentHelp("The published message, as JSON (body policies match its keys).", valueName: "json"))
    var message: String

    @Option(name: .customLong("attribute"), help: ArgumentHelp(
        "A message attribute, NAME=VALUE[:Type] (Type: String, the default, Number or String.Array); repeatable.",
        valueName: "name=value"))
    var attributes: [String] = []

    @Option(name: .customLong("message-attributes"), help: ArgumentHelp(
        #"Attributes in the AWS CLI's shape: {"color":{"DataType":"String","StringValue":"red"}}."#,
        valueName: "json"))
    var messageAttributes: String?

    @Option(help: ArgumentHelp("The topic's logical ID; needed when the service has several.", valueName: "id"))
    var topic: String?

    @Option(help: ArgumentHelp("text or json.", valueName: "format"))
    var format: Format = .text

    @OptionGroup var service: Command.ServiceOptions

    func validate() throws {
        do {
            _ = try JSONReader.read(message)
        } catch {
            throw ValidationError("--message is not JSON: \(error)")
        }
        _ = try parsedAttributes()
    }

    func run() throws {
        let selected = try Command.service(service)
        let attributes = try parsedAttributes()
        let result: RouteResult
        do {
            result = try selected.route(message: message, attributes: attributes, topic: topic)
        } catch {
            switch error {
            case .ambiguousTopic, .unknownTopic:
                throw ValidationError("\(error)")
            default:
                writeError("error: \(error)\n")
                throw ExitCode.failure
            }
        }
        try writeOutput(format == .json ? Self.json(result) : Self.text(result))
    }

    /// The attributes of `--message-attributes`, then of each `--attribute` (later ones win).
    private func parsedAttributes() throws -> OrderedDictionary<String, MessageAttribute> {
        var parsed: OrderedDictionary<String, MessageAttribute> = [:]
        do {
            if let messageAttributes {
                parsed = try MessageAttribute.attributes(awsCLI: messageAttributes)
            }
            for text in attributes {
                let (name, attribute) = try MessageAttribute.parse(text)
                parsed[name] = attribute
            }
        } catch {
            throw ValidationError("\(error)")
        }
        return parsed
    }

    /// One line per consumer: who receives the message, who skips it and why.
    static func text(_ result: RouteResult) -> String {
        let total = result.receivers.count + result.skipped.count
        var lines = ["\(result.topic): \(result.receivers.count) of \(total) consumers receive the message"]
        lines += result.receivers.map { "receives  \($0)" }
        lines += result.skipped.map { "skips     \($0.consumer): \($0.reason)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"receivers": [...], "skipped": [{"consumer": ..., "reason": ...}]}`.
    static func json(_ result: RouteResult) -> String {
        let value = JSONValue.object([
            "receivers": .array(result.receivers.map(JSONValue.string)),
            "skipped": .array(result.skipped.map { .object(["consumer": .string($0.consumer), "reason": .string($0.reason)]) }),
        ])
        return value.description + "\n"
    }
}
