import Fanout
import OrderedCollections

/// Builds random services from a seed: odd names, numbers at the extremes, values nested up
/// to 20,000 levels, fan-outs with random consumers and filters. Everything a user of the
/// library could write, valid or not; the pipeline must answer each without trapping.
struct ServiceGenerator {
    var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    // MARK: - Primitives

    mutating func chance(_ percent: Int) -> Bool {
        Int.random(in: 0..<100, using: &random) < percent
    }

    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &random)]
    }

    mutating func count(_ upTo: Int) -> Int {
        Int.random(in: 0...upTo, using: &random)
    }

    mutating func int() -> Int {
        if chance(40) { return Int.random(in: Int.min...Int.max, using: &random) }
        return pick([Int.min, Int.min + 1, -1_000_000, -1, 0, 1, 2, 5, 6, 10, 20, 60, 128, 300, 900, 901,
                     1000, 1024, 10_000, 43_200, 1_209_600, Int.max / 6, Int.max / 6 + 1, Int.max - 1, Int.max])
    }

    mutating func optionalInt() -> Int? {
        chance(30) ? nil : int()
    }

    mutating func string() -> String {
        switch count(9) {
        case 0: return ""
        case 1: return String(repeating: "x", count: chance(90) ? pick([64, 65, 256]) : 10_000)
        case 2: return pick(["übung", "🎉", "e\u{301}", "\u{0}", "\n", "\t\r", "\u{2028}", "\"\\", "#: - ? [ ] { }"])
        case 3: return pick(["${self:service}", "${sls:stage}", "${aws:region}", "${", "}", "${x", "${}", "${AWS::Region}"])
        case 4: return pick(["my_service", "orders", "Orders-Queue", "orders-dlq", "a.fifo", "-", "1abc", "AWS_REGION"])
        case 5: return pick(["arn:aws:sqs:eu-central-1:123456789012:q", "alias/aws/sqs", "alias/x", "arn:", "*", "sqs:*"])
        default:
            let characters = Array("abcXYZ019-_.:/${}* 🎉é")
            return String((0..<count(12)).map { _ in pick(characters) })
        }
    }

    mutating func text() -> Text {
        if chance(20) { return Text([.literal(string()), .variable(Variable(string())), .literal(string())]) }
        return Text(stringLiteral: string())
    }

    // MARK: - Values

    /// A small random value, or now and then one nested very deep.
    mutating func value() -> Value {
        if chance(2) {
            return deepValue(depth: pick([480, 499, 500, 501, 510, 512, 513, 600, 1_000, 10_000, 20_000]))
        }
        return shallowValue(depth: count(4))
    }

    mutating func shallowValue(depth: Int) -> Value {
        if depth == 0 || chance(30) { return scalar() }
        switch count(7) {
        case 0, 1: return .list((0..<count(3)).map { _ in shallowValue(depth: depth - 1) })
        case 2, 3: return .map(map(depth: depth - 1))
        case 4: return .sub(string(), chance(50) ? [:] : map(depth: depth - 1))
        case 5: return .join(string(), (0..<count(3)).map { _ in shallowValue(depth: depth - 1) })
        case 6: return .function(pick(["Fn::Base64", "Fn::Select", "Fn::If", "Fn::Nope", "", "Ref"]), shallowValue(depth: depth - 1))
        default: return reference()
        }
    }

    mutating func map(depth: Int) -> OrderedDictionary<String, Value> {
        var map: OrderedDictionary<String, Value> = [:]
        for _ in 0..<count(3) { map[string()] = shallowValue(depth: depth) }
        return map
    }

    mutating func scalar() -> Value {
        switch count(4) {
        case 0: return .string(string())
        case 1: return .text(text())
        case 2: return .int(int())
        case 3: return .bool(chance(50))
        default: return reference()
        }
    }

    mutating func reference() -> Value {
        switch count(2) {
        case 0: return .ref(pick(["AWS::Region", "AWS::Nope", "Topic0", "Queue0", string()]))
        case 1: return .getAtt(pick(["Topic0", "Queue0", "BillingQueue", string()]), pick(["Arn", "QueueName", string()]))
        default: return .sub(pick(["${AWS::Region}", "${Topic0}", "${Queue0.Arn}", string()]))
        }
    }

    /// A value `depth` containers deep, built without recursion (the point is to reach depths
    /// that recursion could not).
    mutating func deepValue(depth: Int) -> Value {
        var value = scalar()
        for _ in 0..<depth {
            switch count(5) {
            case 0: value = .list([value])
            case 1: value = .map([string(): value])
            case 2: value = .function("Fn::Base64", value)
            case 3: value = .join(",", [value])
            case 4: value = .sub("${X}", ["X": value])
            default: value = .list([scalar(), value])
            }
        }
        return value
    }

    // MARK: - Model

    mutating func runtime() -> Runtime {
        pick([.nodejs24x, .nodejs18x, .python313, .providedAL2023, Runtime(rawValue: string())])
    }

    mutating func statement() -> Statement {
        Statement(
            chance(80) ? .allow : .deny, sid: chance(50) ? nil : string(),
            principal: chance(70) ? nil : pick([.everyone, .service(.one(string())), .aws(.one(value()))]),
            actions: chance(50) ? .one(string()) : .many((0..<count(3)).map { _ in string() }),
            resources: chance(50) ? .one(value()) : .many((0..<count(3)).map { _ in value() }),
            condition: chance(60) ? nil : Condition((0..<count(3)).map { _ in
                Condition.Clause(pick(["ArnEquals", "StringEquals", "ArnLike", string()]), pick(["aws:SourceArn", string()]),
                                 chance(50) ? .one(value()) : .many((0..<count(2)).map { _ in value() }))
            }))
    }

    mutating func filter() -> OrderedDictionary<String, Value> {
        var conditions: OrderedDictionary<String, Value> = [:]
        // Now and then far over SNS's limits: 20+ keys of 10 values overflow a product.
        let huge = chance(15)
        let keys = huge ? Int.random(in: 19...30, using: &random) : count(6)
        for index in 0..<keys {
            let values = huge ? 10 : count(3)
            conditions["k\(index)" + string()] = chance(80)
                ? .list((0..<values).map { _ in chance(50) ? .string(string()) : .numeric(">=", int()) })
                : value()
        }
        return conditions
    }

    mutating func consumer(fifo: Bool) -> Consumer {
        let runtime = chance(70) ? nil : runtime()
        let (memorySize, timeout, batchSize) = (optionalInt(), optionalInt(), optionalInt())
        let concurrency = optionalInt()
        let (reports, raw) = (chance(50), chance(50))
        let visibility = chance(60) ? nil : int()
        let maxReceiveCount = chance(20) ? nil : int()
        let subscriptionDLQ = chance(30)
        let encryption: QueueEncryption? = pick([nil, .sqsManaged, .kms(value()), .kms(.ref("Key0")), .kms("alias/x")])
        let environment = chance(30) ? [Environment(string(), value())] : []
        let statements = chance(20) ? [statement()] : []
        var consumer: Consumer
        if fifo {
            consumer = FIFOConsumer(
                string(), handler: string(), runtime: runtime, memorySize: memorySize, timeout: timeout,
                batchSize: batchSize, maximumConcurrency: concurrency, reportBatchItemFailures: reports,
                rawMessageDelivery: raw, visibilityTimeout: visibility, maxReceiveCount: maxReceiveCount,
                subscriptionDeadLetterQueue: subscriptionDLQ, encryption: encryption
            ).consumer
        } else {
            consumer = Consumer(
                string(), handler: string(), runtime: runtime, memorySize: memorySize, timeout: timeout,
                batchSize: batchSize, batchingWindow: optionalInt(), maximumConcurrency: concurrency,
                reportBatchItemFailures: reports, rawMessageDelivery: raw, visibilityTimeout: visibility,
                maxReceiveCount: maxReceiveCount, subscriptionDeadLetterQueue: subscriptionDLQ, encryption: encryption
            )
        }
        consumer.components = environment + statements
        if chance(40) { consumer.filter = FilterPolicy(scope: chance(50) ? .messageAttributes : .messageBody, filter()) }
        if chance(10) { consumer.names.queue = string() }
        if chance(10) { consumer.names.queueName = text() }
        return consumer
    }

    mutating func queue(_ index: Int) -> Queue {
        Queue(
            chance(80) ? "Queue\(index)" : string(), name: chance(50) ? nil : text(), fifo: chance(20),
            visibilityTimeout: optionalInt(), messageRetentionPeriod: optionalInt(), delaySeconds: optionalInt(),
            receiveMessageWaitTime: optionalInt(),
            encryption: pick([nil, .sqsManaged, .kms(value())]),
            redrivePolicy: chance(50) ? nil : RedrivePolicy(deadLetterTargetARN: value(), maxReceiveCount: int()))
    }

    mutating func function() -> Function {
        var function = Function(
            string(), handler: string(), runtime: chance(60) ? nil : runtime(),
            memorySize: optionalInt(), timeout: optionalInt())
        for _ in 0..<count(2) {
            let path = chance(50) ? string() : pick(["/", "", "//", "/orders/{id}", "/{", "/}{/", "/fan-out/{id}/x", "/a//b", "/fanOut", "/fanout"])
            function.events.append(.http(HTTP(pick(HTTP.Method.allCases), path)))
        }
        for _ in 0..<count(2) {
            function.events.append(.sqs(SQS(
                arn: chance(50) ? .getAtt("Queue0", "Arn") : value(), batchSize: optionalInt(),
                maximumBatchingWindow: optionalInt(), maximumConcurrency: optionalInt(),
                reportBatchItemFailures: chance(50))))
        }
        for _ in 0..<count(3) { function.environment[string()] = value() }
        for _ in 0..<count(2) { function.iamStatements.append(statement()) }
        return function
    }

    mutating func service() -> Service {
        var service = Service(
            chance(70) ? "orders" : string(), runtime: runtime(), region: chance(50) ? nil : string(),
            stage: chance(50) ? nil : string(), memorySize: optionalInt(), timeout: optionalInt(),
            roles: chance(50) ? .shared : .perFunction) {}
        for _ in 0..<count(2) { service.provider.iamStatements.append(statement()) }

        let topics = (0..<count(3)).map { index in
            Topic(chance(80) ? "Topic\(index)" : string(), name: chance(50) ? nil : text(),
                  displayName: chance(70) ? nil : string(), fifo: chance(25))
        }
        topics.forEach { $0.apply(to: &service) }
        if chance(50) { KMSKey("Key0", description: chance(50) ? nil : string(), grants: (0..<count(2)).map { _ in statement() }).apply(to: &service) }
        let queues = (0..<count(2)).map { queue($0) }
        queues.forEach { $0.apply(to: &service) }
        for _ in 0..<count(2) {
            var function = function()
            if chance(40), !topics.isEmpty {
                Publishes(to: pick(topics), as: chance(50) ? nil : string()).apply(to: &function)
            }
            function.apply(to: &service)
        }
        for _ in 0..<count(2) {
            let fifo = topics.contains(where: \.fifo) && chance(50)
            var fanOut = FanOut(from: chance(80) ? topics : []) {}
            fanOut.consumers = (0..<count(4)).map { _ in consumer(fifo: fifo) }
            fanOut.apply(to: &service)
        }
        if chance(40) {
            var properties: OrderedDictionary<String, Value> = [:]
            for _ in 0..<count(3) { properties[string()] = value() }
            CustomResource(chance(70) ? "Custom0" : string(), type: pick(["AWS::S3::Bucket", "Custom::Thing", string()]),
                           properties: properties).apply(to: &service)
        }
        if chance(30), let queue = queues.first {
            QueuePolicy(string(), queueURLs: [queue.url, value()], statements: (0..<count(3)).map { _ in statement() })
                .apply(to: &service)
        }
        if chance(30), let topic = topics.first, let queue = queues.first {
            Subscription("Subscription0", topic: topic, queue: queue, rawMessageDelivery: chance(50),
                         filter: chance(50) ? nil : FilterPolicy(scope: pick([.messageAttributes, .messageBody]), filter()))
                .apply(to: &service)
        }
        for _ in 0..<count(2) {
            Output(string(), value: value(), description: chance(50) ? nil : string(),
                   exportName: chance(50) ? nil : text()).apply(to: &service)
        }
        return service
    }

    /// Options for compiling: stages, regions and inline code of all kinds.
    mutating func options() -> CloudFormationOptions {
        var code = CloudFormationOptions.Code.parameters
        if chance(30) {
            var files: [String: String] = [:]
            for _ in 0..<count(2) { files[string()] = chance(80) ? "exports.handler = async () => {}\n" : string() }
            code = .inline(files)
        }
        return CloudFormationOptions(stage: chance(50) ? nil : string(), region: chance(50) ? nil : string(), code: code)
    }

    /// A day to judge by: usually the suite's, sometimes far off.
    mutating func day() -> Day {
        chance(80) ? Day(year: 2026, month: 11, day: 26) : Day(year: int(), month: int(), day: int())
    }
}
