import Foundation
import Testing

/// `fanout route`, run as a child process of the built binary.
@Suite struct RouteCommandTests {
    func fanout(_ arguments: [String]) throws -> ProgramResult { try runFanout(arguments) }

    static let lowPriority = """
        NotificationTopic: 2 of 3 consumers receive the message
        receives  processorOne
        receives  processorTwo
        skips     urgentProcessor: body key priority: "low" does not match ["high"]

        """

    static let highPriority = """
        NotificationTopic: 3 of 3 consumers receive the message
        receives  processorOne
        receives  processorTwo
        receives  urgentProcessor

        """

    @Test func lowPriorityNamesTheTwoReceiversAndWhyTheUrgentOneSkips() throws {
        let result = try fanout(["route", "--example", "production", "--message", #"{"priority":"low"}"#])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == Self.lowPriority)
        #expect(result.standardError.isEmpty)
    }

    @Test func highPriorityReachesAllThree() throws {
        let result = try fanout(["route", "--example", "production", "--message", #"{"priority":"high"}"#])
        #expect(result.standardOutput == Self.highPriority)
    }

    @Test func jsonFormat() throws {
        let result = try fanout(["route", "--example", "production", "--message", #"{"priority":"low"}"#, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.standardOutput == #"""
            {"receivers": ["processorOne", "processorTwo"], "skipped": [{"consumer": "urgentProcessor", "reason": "body key priority: \"low\" does not match [\"high\"]"}]}

            """#)
    }

    @Test func badJSONIsAUsageErrorWithItsPosition() throws {
        let result = try fanout(["route", "--example", "production", "--message", #"{"priority": low}"#])
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.hasPrefix("Error: --message is not JSON: line 1, column 14: unexpected 'l' where a value belongs"))
    }

    @Test func badAttributesAreUsageErrors() throws {
        let number = try fanout(["route", "--message", "{}", "--attribute", "price=cheap:Number"])
        #expect(number.status == 64)
        #expect(number.standardError.hasPrefix(#"Error: the attribute "price": 'cheap' is not a number"#))
        let shape = try fanout(["route", "--message", "{}", "--message-attributes", #"{"color": {"DataType": "String"}}"#])
        #expect(shape.status == 64)
        #expect(shape.standardError.hasPrefix(#"Error: the attribute "color" of type String has no "StringValue" string"#))
        let json = try fanout(["route", "--message", "{}", "--message-attributes", "{color}"])
        #expect(json.status == 64)
        #expect(json.standardError.hasPrefix("Error: --message-attributes is not JSON: line 1, column 2: expected a key in double quotes"))
    }

    @Test func attributesInBothShapes() throws {
        // The tutorial's subscriptions have no filter: every consumer receives any message.
        let result = try fanout([
            "route", "--message", "{}", "--attribute", "kind=order", "--attribute", #"tags=["a"]:String.Array"#,
            "--message-attributes", #"{"total": {"DataType": "Number", "StringValue": "12.5"}}"#,
        ])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput == "NotificationTopic: 2 of 2 consumers receive the message\nreceives  processorOne\nreceives  processorTwo\n")
    }

    @Test func unknownTopicIsAUsageError() throws {
        let result = try fanout(["route", "--example", "production", "--message", "{}", "--topic", "Orders"])
        #expect(result.status == 64)
        #expect(result.standardError.hasPrefix("Error: the service has no topic 'Orders'; choose one of NotificationTopic"))
    }

    @Test func helpListsRoute() throws {
        let root = try fanout(["--help"])
        #expect(root.standardOutput.contains("\n  route "))
        let help = try fanout(["route", "--help"])
        for option in ["--message <json>", "--attribute <name=value>", "--message-attributes <json>", "--topic <id>", "--format <format>", "--example <name>"] {
            #expect(help.standardOutput.contains(option), "\(option)")
        }
    }

    /// The README shows `route` on the production example exactly as it prints.
    @Test func theReadmeShowsRealOutput() throws {
        let readme = try String(contentsOfFile: PackageRoot.path("README.md"), encoding: .utf8)
        for priority in ["high", "low"] {
            let message = #"{"priority":"\#(priority)"}"#
            let printed = try fanout(["route", "--example", "production", "--message", message]).standardOutput
            #expect(readme.contains("$ fanout route --example production --message '\(message)'\n" + printed), "\(priority)")
        }
    }
}
