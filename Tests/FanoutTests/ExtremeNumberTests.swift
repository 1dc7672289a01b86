import Fanout
import OrderedCollections
import Testing

/// Numbers far outside AWS's ranges (Int.max, Int.min) are reported as out of range instead
/// of overflowing the arithmetic that derives other settings from them.
@Suite struct ExtremeNumberTests {
    let topic = Topic("Placed", name: "placed")

    func fanOut(_ consumer: Consumer) -> Service {
        Service("orders", runtime: .nodejs24x) {
            topic
            FanOut(from: topic) { consumer }
        }
    }

    @Test func recommendedVisibilityTimeoutSaturates() {
        #expect(LambdaSettings.recommendedVisibilityTimeout(timeout: 30, batchingWindow: nil) == 180)
        #expect(LambdaSettings.recommendedVisibilityTimeout(timeout: 10, batchingWindow: 5) == 65)
        #expect(LambdaSettings.recommendedVisibilityTimeout(timeout: .max, batchingWindow: nil) == .max)
        #expect(LambdaSettings.recommendedVisibilityTimeout(timeout: .min, batchingWindow: 0) == .min)
        #expect(LambdaSettings.recommendedVisibilityTimeout(timeout: 10, batchingWindow: .max) == .max)
        #expect(LambdaSettings.recommendedVisibilityTimeout(timeout: -10, batchingWindow: .min) == .min)
        #expect(LambdaSettings.recommendedVisibilityTimeout(timeout: Int.max / 6, batchingWindow: .max) == .max)
    }

    /// `6 * timeout + window` trapped while the FanOut was built.
    @Test func hugeConsumerTimeoutIsARangeError() {
        let line = #line + 1
        let service = fanOut(Consumer("billing", handler: "src/billing.handler", timeout: .max))
        #expect((service.resource("BillingQueue") as? Queue)?.visibilityTimeout == .max)
        // The function's timeout, and the queue's visibility derived from it.
        #expect(Fixtures.codes(service) == ["FAN402", "FAN402"])
        let messages = Fixtures.diagnostics("FAN402", service).map(\.message)
        #expect(messages.contains { $0.contains("billing's timeout in seconds is \(Int.max); it must be 1–900") })
        #expect(Fixtures.diagnostics("FAN402", service).allSatisfy { $0.location?.line == line })
        #expect(Fixtures.codes(fanOut(Consumer("billing", handler: "src/billing.handler", timeout: 900))) == [])
    }

    @Test func hugeOrNegativeBatchingWindowIsARangeError() {
        let huge = fanOut(Consumer("billing", handler: "src/billing.handler", batchingWindow: .max))
        #expect((huge.resource("BillingQueue") as? Queue)?.visibilityTimeout == .max)
        #expect(Fixtures.codes(huge) == ["FAN203", "FAN402"])
        // The derived visibility is then negative: below the timeout (FAN201) and out of range.
        let negative = fanOut(Consumer("billing", handler: "src/billing.handler", batchingWindow: .min))
        #expect(Fixtures.codes(negative) == ["FAN201", "FAN203", "FAN402"])
        #expect(Fixtures.codes(fanOut(Consumer("billing", handler: "src/billing.handler", batchingWindow: 300))) == [])
    }

    @Test func negativeConsumerTimeoutIsARangeError() {
        let service = fanOut(Consumer("billing", handler: "src/billing.handler", timeout: .min))
        #expect(Fixtures.codes(service) == ["FAN402", "FAN402"])
    }

    /// FAN201 and FAN202 computed `6 * timeout + window` for the function's timeout; a
    /// timeout Lambda refuses is FAN402's finding alone.
    @Test func hugeFunctionTimeoutIsNotComparedWithTheQueue() {
        let queue = Queue("Work", visibilityTimeout: 10, redrivePolicy: RedrivePolicy(deadLetterQueue: Fixtures.deadLetters))
        func service(timeout: Int, window: Int? = nil) -> Service {
            Service("svc", runtime: .nodejs24x) {
                for component in Fixtures.edge where (component as? Queue)?.logicalID != "Work" { component }
                queue
                Function("consumer", handler: "c.handler", timeout: timeout) { SQS(queue, maximumBatchingWindow: window) }
            }
        }
        #expect(Fixtures.codes(service(timeout: .max)) == ["FAN402"])
        #expect(Fixtures.codes(service(timeout: .min)) == ["FAN402"])
        #expect(Fixtures.codes(service(timeout: .max, window: .max)) == ["FAN203", "FAN402"])
        // In range, the comparison still happens.
        #expect(Fixtures.codes(service(timeout: 30)) == ["FAN201"])
        #expect(Fixtures.codes(service(timeout: 30, window: .max)) == ["FAN201", "FAN203"])
        #expect(Fixtures.diagnostics("FAN201", service(timeout: 30, window: .max)).first?.message
            .contains("at least 6 × the timeout + the batching window") == true)
        #expect(Fixtures.codes(service(timeout: 5)) == ["FAN202"])
    }

    /// The product of 20 keys of 10 values overflowed Int.
    @Test func filterPolicyCombinationsSaturate() {
        var conditions: OrderedDictionary<String, Value> = [:]
        for key in 0..<20 { conditions["k\(key)"] = .list((0..<10).map { .string("v\($0)") }) }
        #expect(FilterPolicy(scope: .messageAttributes, conditions).combinations == .max)
        // 18 keys of 10 values: 10¹⁸ combinations, the largest power of ten below Int.max.
        let eighteenKeys = OrderedDictionary(uniqueKeysWithValues: conditions.elements.prefix(18))
        #expect(FilterPolicy(scope: .messageAttributes, eighteenKeys).combinations == 1_000_000_000_000_000_000)

        let line = #line + 1
        let service = Fixtures.filteredEdge(.attributes(conditions))
        #expect(Fixtures.codes(service) == ["FAN207"])
        let diagnostic = Fixtures.diagnostics("FAN207", service).first
        #expect(diagnostic?.message.contains("20 keys (SNS allows 5) and more than \(Int.max) value combinations") == true)
        #expect(diagnostic?.location?.line == line)
    }
}
