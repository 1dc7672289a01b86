/// The service a scaffolded project describes, as a value (to render its committed templates
/// now) and as Swift source (`Infra/Sources/Infra/Service.swift`, which renders them later).
///
/// Both are written here, side by side, from the same options; keep them in step. The test
/// suite builds the generated package and checks that it renders exactly the committed files.
public struct ScaffoldService: Sendable {
    public var options: ScaffoldOptions

    public init(_ options: ScaffoldOptions) {
        self.options = options
    }

    /// The topic's logical ID and the HTTP route of the trigger.
    static let topicID = "EventTopic"
    static let route = "/events"
    static let batchSize = 10

    /// The consumers' function keys, `consumer1` … `consumerN`; each has `src/<key>.js`.
    public var consumerNames: [String] {
        (0..<max(options.consumers, 0)).map { "consumer\($0 + 1)" }
    }

    /// The service as a value.
    public var service: Service {
        let consumers = consumerNames
        return Service(options.name, runtime: options.runtime, roles: .perFunction) {
            let topic = Topic(Self.topicID, name: "\(Variable.service)-\(Variable.stage)-events")
            topic

            Function("trigger", handler: "src/trigger.handler") {
                HTTP(.post, Self.route, authorization: .iam)
                Publishes(to: topic, as: "SNS_TOPIC_ARN")
            }

            FanOut(from: topic) {
                for name in consumers {
                    Consumer(name, handler: "src/\(name).handler", batchSize: Self.batchSize)
                }
            }
        }
    }

    /// The same service as the Swift source of `Infra/Sources/Infra/Service.swift`.
    public var swiftSource: String {
        let consumerLines = consumerNames.map {
            "                Consumer(\"\($0)\", handler: \"src/\($0).handler\", batchSize: \(Self.batchSize))"
        }
        return """
            import Fanout

            extension Infra {
                /// The \(options.name) service: `POST \(Self.route)` publishes each item to a topic that fans out
                /// to \(consumerNames.count) queue\(consumerNames.count == 1 ? "" : "s"), each drained by its own function (handlers in src/). FanOut
                /// derives every queue's dead-letter queue, policy, subscription, event source and IAM role.
                ///
                /// After a change, run `swift run --package-path Infra Infra check --update` in the
                /// project root: it rewrites serverless.yml and cloudformation.yaml.
                static var service: Service {
                    Service(\(FanoutSource.literal(options.name)), runtime: \(Self.runtimeSource(options.runtime)), roles: .perFunction) {
                        let topic = Topic(\(FanoutSource.literal(Self.topicID)), name: "\\(Variable.service)-\\(Variable.stage)-events")
                        topic

                        Function("trigger", handler: "src/trigger.handler") {
                            HTTP(.post, \(FanoutSource.literal(Self.route)), authorization: .iam)
                            Publishes(to: topic, as: "SNS_TOPIC_ARN")
                        }

                        FanOut(from: topic) {
            \(consumerLines.joined(separator: "\n"))
                        }
                    }
                }
            }

            """
    }

    /// `.nodejs24x` for a runtime Fanout names, a string literal for any other.
    static func runtimeSource(_ runtime: Runtime) -> String {
        let named: [Runtime: String] = [
            .nodejs18x: ".nodejs18x", .nodejs20x: ".nodejs20x", .nodejs22x: ".nodejs22x", .nodejs24x: ".nodejs24x",
        ]
        return named[runtime] ?? FanoutSource.literal(runtime.rawValue)
    }
}
