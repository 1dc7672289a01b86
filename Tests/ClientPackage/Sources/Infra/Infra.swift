import ArgumentParser
import Fanout
import FanoutCommandLine

/// An orders service: an HTTP function publishes to a topic that fans out to two consumers.
@main
struct Infra: FanoutCommand {
    static var service: Service {
        Service("orders", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
            let topic = Topic("OrderEvents", name: "\(Variable.service)-\(Variable.stage)-order-events")
            topic
            Function("placeOrder", handler: "src/placeOrder.handler") {
                HTTP(.post, "/orders")
                Publishes(to: topic, as: "ORDER_EVENTS_ARN")
            }
            FanOut(from: topic) {
                Consumer("billing", handler: "src/billing.handler", batchSize: 10)
                Consumer("shipping", handler: "src/shipping.handler", batchSize: 10)
            }
        }
    }

    static var additionalCommands: [any ParsableCommand.Type] { [Consumers.self, Wait.self] }
}

/// A command of the package's own: lists the consumers.
struct Consumers: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the consumers.")

    func run() throws {
        print(Infra.service.functions.map(\.key).joined(separator: " "))
    }
}

/// An asynchronous command, which FanoutCommand refuses with a message.
struct Wait: AsyncParsableCommand {
    func run() async throws {}
}
