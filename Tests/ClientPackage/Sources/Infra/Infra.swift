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
}
