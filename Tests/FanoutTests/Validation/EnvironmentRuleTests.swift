import Fanout
import Testing

/// FAN008, FAN010, FAN011: a function's environment keeps every variable it declares, with
/// names and values Lambda accepts.
@Suite struct EnvironmentRuleTests {
    @Test func fan008RepeatedEnvironmentVariable() {
        let line = #line + 4
        let repeated = Service("svc", runtime: .nodejs24x) {
            Function("worker", handler: "w.handler") {
                Environment("MODE", "fast")
                Environment("MODE", "slow")
            }
        }
        #expect(Fixtures.codes(repeated) == ["FAN008"])
        let diagnostic = Fixtures.diagnostics("FAN008", repeated).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.severity == .error)
        #expect(diagnostic?.message.contains("(fast) is replaced by slow and lost") == true)
        #expect(diagnostic?.message.contains("first at \(#filePath):\(line - 1)") == true)

        let sameValue = Service("svc", runtime: .nodejs24x) {
            Function("worker", handler: "w.handler") {
                Environment("MODE", "fast")
                Environment("MODE", "fast")
            }
        }
        #expect(Fixtures.codes(sameValue) == ["FAN008"])
        #expect(Fixtures.diagnostics("FAN008", sameValue).first?.severity == .warning)

        let distinct = Service("svc", runtime: .nodejs24x) {
            Function("worker", handler: "w.handler") {
                Environment("MODE", "fast")
                Environment("LEVEL", "high")
            }
        }
        #expect(Fixtures.codes(distinct) == [])
    }

    @Test func fan008TwoPublishesWriteOneVariable() {
        let placed = Topic("OrderPlaced")
        let cancelled = Topic("OrderCancelled")
        let line = #line + 6
        let service = Service("svc", runtime: .nodejs24x) {
            placed
            cancelled
            Function("trigger", handler: "t.handler") {
                Publishes(to: placed, as: "TOPIC_ARN")
                Publishes(to: cancelled, as: "TOPIC_ARN")
            }
        }
        // The lost ARN leaves its sns:Publish grant unused, which FAN302 reports too.
        #expect(Fixtures.codes(service) == ["FAN008", "FAN302"])
        let diagnostic = Fixtures.diagnostics("FAN008", service).first
        #expect(diagnostic?.location?.line == line)
        #expect(diagnostic?.message.contains("(OrderPlaced) is replaced by OrderCancelled") == true)
        let twoVariables = Service("svc", runtime: .nodejs24x) {
            placed
            cancelled
            Function("trigger", handler: "t.handler") {
                Publishes(to: placed)
                Publishes(to: cancelled)
            }
        }
        #expect(Fixtures.codes(twoVariables) == [])
    }

    @Test func fan008InAFanOutConsumer() {
        let topic = Topic("Orders")
        let line = #line + 6
        let service = Service("svc", runtime: .nodejs24x) {
            topic
            FanOut(from: topic) {
                Consumer("billing", handler: "b.handler") {
                    Environment("TABLE", "invoices")
                    Environment("TABLE", "payments")
                }
            }
        }
        #expect(Fixtures.codes(service) == ["FAN008"])
        #expect(Fixtures.diagnostics("FAN008", service).first?.location?.line == line)
    }

    @Test func fan010EnvironmentVariableNames() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            Function("worker", handler: "w.handler") {
                Environment("A", "one letter")
                Environment("1ST", "leading digit")
                Environment("MY-VAR", "dash")
                Environment("AWS_REGION", "reserved")
                Environment("AWS_LAMBDA_FUNCTION_NAME", "reserved")
                Environment("_HANDLER", "reserved")
            }
        }
        #expect(Fixtures.codes(service) == Array(repeating: "FAN010", count: 6))
        let diagnostics = Fixtures.diagnostics("FAN010", service)
        #expect(diagnostics.map { $0.location?.line } == Array(line..<line + 6))
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics[3].message.contains("AWS_REGION is reserved"))
        #expect(diagnostics[0].message.contains("at least two characters"))
        let valid = Service("svc", runtime: .nodejs24x) {
            Function("worker", handler: "w.handler") {
                Environment("AB", "two letters")
                Environment("my_var_2", "lower case, digits")
                Environment("AWS_REGION_NAME", "not reserved")
            }
        }
        #expect(Fixtures.codes(valid) == [])
    }

    @Test func fan011EnvironmentVariableValues() {
        let line = #line + 3
        let service = Service("svc", runtime: .nodejs24x) {
            Function("worker", handler: "w.handler") {
                Environment("RETRIES", 3)
                Environment("VERBOSE", true)
                Environment("HOSTS", ["a", "b"])
                Environment("LIMITS", ["low": "1", "high": "9"])
                Environment("PARTS", .function("Fn::Split", [",", "a,b"]))
            }
        }
        #expect(Fixtures.codes(service) == Array(repeating: "FAN011", count: 5))
        let diagnostics = Fixtures.diagnostics("FAN011", service)
        #expect(diagnostics.map { $0.location?.line } == Array(line..<line + 5))
        #expect(diagnostics.map(\.severity) == [.warning, .warning, .error, .error, .error])
        #expect(diagnostics[0].message.contains("write \"3\""))
        let strings = Service("svc", runtime: .nodejs24x) {
            Topic("Events")
            Function("worker", handler: "w.handler") {
                Environment("RETRIES", "3")
                Environment("HOSTS", .join(",", ["a", "b"]))
                Environment("TOPIC", ["Ref": "Events"])
                Environment("STACK", .sub("${AWS::StackName}-worker"))
                Environment("SHARED", .function("Fn::ImportValue", "shared-bucket"))
            }
        }
        #expect(Fixtures.codes(strings) == [])
    }
}
