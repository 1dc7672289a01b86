import OrderedCollections

/// Prints a ``Service`` as Swift source in the DSL the README teaches: one constant
/// `let <name> = Service(…) { … }` that, compiled and emitted, gives the same serverless.yml.
///
/// Resources that others refer to (or depend on) are declared first with `let`, in an order
/// where each comes after what it refers to, and referred to through their typed handles
/// (`topic.arn`, `queue.arn`, `queue.url`); then come the shared role's statements (`IAM`),
/// the functions, the resources in their order, and the outputs. Nested values use explicit
/// `.map`/`.list` cases so large literals type-check quickly.
public struct SwiftPrinter: Sendable {
    /// The name of the constant the source declares.
    public var name: String
    /// The file the service was read from, named in the header comment.
    public var sourceFile: String?

    /// A printer for a constant called `name` (a Swift identifier; not checked here).
    public init(name: String = "service", sourceFile: String? = nil) {
        self.name = name
        self.sourceFile = sourceFile
    }

    /// The source: a header comment (listing the errors and warnings among `findings`, so
    /// what was left out stays visible), `import Fanout`, and the constant.
    public func source(for service: Service, findings: [Diagnostic] = []) -> String {
        var output = "// Imported" + (sourceFile.map { " from \(Self.commentSafe($0))" } ?? "") + " by `fanout import`.\n"
        let losses = findings.filter { $0.severity != .note }
        if !losses.isEmpty {
            output += "// Left out or changed (see the import's findings):\n"
            for finding in losses {
                let place = finding.location.map { "\($0.line)" + ($0.column.map { ":\($0)" } ?? "") + ": " } ?? ""
                output += "//   \(place)\(finding.severity.rawValue)[\(finding.code)]: \(Self.commentSafe(finding.message))\n"
            }
        }
        output += "import Fanout\n\n"
        var context = Context(service: service, constant: name)
        output += context.body(of: service)
        return output
    }

    /// Whether `name` can name the constant: an ASCII identifier that is not a keyword.
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
        return name.allSatisfy { $0 == "_" || $0.isASCIIAlphanumeric } && !Context.keywords.contains(name)
    }

    /// `text` for a `//` comment: line breaks and other control characters (which could end
    /// the comment and make the rest of a key or file name code) written as escapes.
    static func commentSafe(_ text: String) -> String {
        var safe = ""
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator, .format:
                safe += "\\u{\(String(scalar.value, radix: 16))}"
            default:
                safe.unicodeScalars.append(scalar)
            }
        }
        return safe
    }
}

extension SwiftPrinter {
    /// The state of one printing: which resources have constants, and which are declared.
    fileprivate struct Context {
        let service: Service
        let constant: String
        /// Logical ID → Swift constant, for resources declared with `let`.
        var names: [String: String] = [:]
        /// Constants already declared at the point being printed.
        var declared: Set<String> = []

        init(service: Service, constant: String) {
            self.service = service
            self.constant = constant
        }

        // MARK: The service

        mutating func body(of service: Service) -> String {
            let bound = boundResources()
            var used: Set<String> = [constant]
            for resource in service.resources where bound.contains(resource.logicalID) {
                var candidate = Self.variableName(resource.logicalID)
                var number = 2
                while used.contains(candidate) {
                    candidate = Self.variableName(resource.logicalID) + String(number)
                    number += 1
                }
                used.insert(candidate)
                names[resource.logicalID] = candidate
            }

            let provider = service.provider
            var arguments: [SwiftCode] = [.text(SwiftCode.string(service.name)), .labelled("runtime", runtime(provider.runtime))]
            if let region = provider.region { arguments.append(.labelled("region", .text(SwiftCode.string(region)))) }
            if let stage = provider.stage { arguments.append(.labelled("stage", .text(SwiftCode.string(stage)))) }
            if let memory = provider.memorySize { arguments.append(.labelled("memorySize", .text(String(memory)))) }
            if let timeout = provider.timeout { arguments.append(.labelled("timeout", .text(String(timeout)))) }
            if let retention = provider.logRetentionInDays { arguments.append(.labelled("logRetentionInDays", .text(".\(retention)"))) }
            var output = SwiftCode.concat([.text("let \(constant) = "), .call("Service", arguments), .text(" {")])
                .rendered(indent: 0, column: 0) + "\n"

            var sections: [[String]] = []
            // Constants, each after what it refers to.
            var declarations: [String] = []
            for resource in declarationOrder(bound) {
                guard let variable = names[resource.logicalID] else { continue }
                let code = SwiftCode.concat([.text("let \(variable) = "), self.resource(resource)])
                declarations.append(code.rendered(indent: 4, column: 4))
                declared.insert(resource.logicalID)
            }
            sections.append(declarations)
            if let gateway = provider.apiGateway {
                sections.append([apiGateway(gateway).rendered(indent: 4, column: 4)])
            }
            if !provider.iamStatements.isEmpty {
                sections.append([block("IAM", provider.iamStatements.map(statement), indent: 4)])
            }
            sections.append(service.functions.map { self.function($0) })
            sections.append(service.resources.map { resource in
                names[resource.logicalID] ?? self.resource(resource).rendered(indent: 4, column: 4)
            })
            sections.append(service.outputs.map { self.output($0) })
            output += sections.filter { !$0.isEmpty }
                .map { $0.map { "    " + $0 + "\n" }.joined() }
                .joined(separator: "\n")
            return output + "}\n"
        }

        /// `Name {` lines `}` at `indent`.
        func block(_ header: String, _ items: [SwiftCode], indent: Int) -> String {
            let inner = String(repeating: " ", count: indent + 4)
            return header + " {\n"
                + items.map { inner + $0.rendered(indent: indent + 4, column: indent + 4) + "\n" }.joined()
                + String(repeating: " ", count: indent) + "}"
        }

        func runtime(_ runtime: Runtime) -> SwiftCode {
            let known: [Runtime: String] = [
                .nodejs18x: ".nodejs18x", .nodejs20x: ".nodejs20x", .nodejs22x: ".nodejs22x", .nodejs24x: ".nodejs24x",
                .python312: ".python312", .python313: ".python313", .providedAL2023: ".providedAL2023",
            ]
            return .text(known[runtime] ?? SwiftCode.string(runtime.rawValue))
        }

        // MARK: Functions

        func function(_ function: Function) -> String {
            var arguments: [SwiftCode] = [.text(SwiftCode.string(function.key)), .labelled("handler", .text(SwiftCode.string(function.handler)))]
            if let runtime = function.runtime { arguments.append(.labelled("runtime", self.runtime(runtime))) }
            if let memory = function.memorySize { arguments.append(.labelled("memorySize", .text(String(memory)))) }
            if let timeout = function.timeout { arguments.append(.labelled("timeout", .text(String(timeout)))) }
            if let retention = function.logRetentionInDays { arguments.append(.labelled("logRetentionInDays", .text(".\(retention)"))) }
            let header = SwiftCode.call("Function", arguments)
            var components = function.events.map(event)
            for (variable, value) in function.environment {
                components.append(.call("Environment", [.text(SwiftCode.string(variable)), self.value(value)]))
            }
            components += function.iamStatements.map(statement)
            guard !components.isEmpty else { return header.rendered(indent: 4, column: 4) }
            return block(header.rendered(indent: 4, column: 4), components, indent: 4)
        }

        func event(_ event: Event) -> SwiftCode {
            switch event {
            case .http(let http):
                var arguments: [SwiftCode] = [.text("." + http.method.rawValue), .text(SwiftCode.string(http.path))]
                switch http.authorization {
                case .none: break
                case .iam: arguments.append(.labelled("authorization", .text(".iam")))
                case .apiKey: arguments.append(.labelled("authorization", .text(".apiKey")))
                case .cognito(let authorizer):
                    var settings: [SwiftCode] = [
                        .labelled("name", .text(SwiftCode.string(authorizer.name))),
                        .labelled("userPoolARN", .text(SwiftCode.string(authorizer.userPoolARN))),
                    ]
                    if !authorizer.scopes.isEmpty {
                        settings.append(.labelled("scopes", .text("[" + authorizer.scopes.map(SwiftCode.string).joined(separator: ", ") + "]")))
                    }
                    arguments.append(.labelled("authorization", .call(".cognito", settings)))
                }
                return .call("HTTP", arguments)
            case .sqs(let sqs):
                var arguments: [SwiftCode] = [variable(sqs.arn, as: Queue.self, attribute: "Arn").map(SwiftCode.text)
                    ?? .labelled("arn", value(sqs.arn))]
                if let size = sqs.batchSize { arguments.append(.labelled("batchSize", .text(String(size)))) }
                if let window = sqs.maximumBatchingWindow { arguments.append(.labelled("maximumBatchingWindow", .text(String(window)))) }
                if let concurrency = sqs.maximumConcurrency { arguments.append(.labelled("maximumConcurrency", .text(String(concurrency)))) }
                if sqs.reportBatchItemFailures { arguments.append(.labelled("reportBatchItemFailures", .text("true"))) }
                return .call("SQS", arguments)
            }
        }

        /// `APIGateway(throttling: …, apiKeys: […], usagePlan: …)`.
        func apiGateway(_ gateway: APIGateway) -> SwiftCode {
            func throttling(_ value: Throttling) -> SwiftCode {
                let rate = value.rate.rounded() == value.rate && abs(value.rate) < 1e15
                    ? String(Int(value.rate)) : String(value.rate)
                return .call("Throttling", [.labelled("rate", .text(rate)), .labelled("burst", .text(String(value.burst)))])
            }
            var arguments: [SwiftCode] = []
            if let value = gateway.throttling { arguments.append(.labelled("throttling", throttling(value))) }
            if !gateway.apiKeys.isEmpty {
                arguments.append(.labelled("apiKeys", .text("[" + gateway.apiKeys.map { SwiftCode.string($0.description) }.joined(separator: ", ") + "]")))
            }
            if let plan = gateway.usagePlan {
                var settings: [SwiftCode] = []
                if let quota = plan.quota {
                    settings.append(.labelled("quota", .call("Quota", [
                        .labelled("limit", .text(String(quota.limit))), .labelled("period", .text("." + String(describing: quota.period))),
                    ])))
                }
                if let throttle = plan.throttle { settings.append(.labelled("throttle", throttling(throttle))) }
                arguments.append(.labelled("usagePlan", .call("UsagePlan", settings)))
            }
            return .call("APIGateway", arguments)
        }

        // MARK: Resources

        func resource(_ resource: any Resource) -> SwiftCode {
            let id = SwiftCode.text(SwiftCode.string(resource.logicalID))
            var code: SwiftCode
            switch resource {
            case let topic as Topic:
                var arguments = [id]
                if let name = topic.name { arguments.append(.labelled("name", .text(SwiftCode.string(name.description)))) }
                if let display = topic.displayName { arguments.append(.labelled("displayName", .text(SwiftCode.string(display)))) }
                if topic.fifo { arguments.append(.labelled("fifo", .text("true"))) }
                switch topic.encryption {
                case .awsManaged?: arguments.append(.labelled("encryption", .text(".awsManaged")))
                case .kms(let key)?: arguments.append(.labelled("encryption", .call(".kms", [value(key)])))
                case nil: break
                }
                code = .call("Topic", arguments)
            case let key as KMSKey:
                var arguments = [id]
                if let description = key.description { arguments.append(.labelled("description", .text(SwiftCode.string(description)))) }
                code = .call("KMSKey", arguments)
            case let queue as Queue:
                code = self.queue(queue, id: id)
            case let policy as QueuePolicy:
                code = queuePolicy(policy, id: id)
            case let subscription as Subscription:
                code = self.subscription(subscription, id: id)
            case let alarm as Alarm:
                code = self.alarm(alarm, id: id)
            default:
                var arguments = [id, .labelled("type", .text(SwiftCode.string(resource.type)))]
                if !resource.properties.isEmpty { arguments.append(.labelled("properties", dictionary(resource.properties))) }
                code = .call("CustomResource", arguments)
            }
            guard !resource.dependsOn.isEmpty else { return code }
            // `.dependsOn` takes resources but keeps only their logical IDs: a dependency with
            // no constant declared before this resource (one outside the service, or in a cycle,
            // which CloudFormation refuses) is named by a stand-in that is not added to the service.
            let targets = resource.dependsOn.map { target -> SwiftCode in
                if let variable = names[target], declared.contains(target) { return .text(variable) }
                return .call("CustomResource", [.text(SwiftCode.string(target)), .labelled("type", .text("\"(declared elsewhere)\""))])
            }
            return .concat([code, .call(".dependsOn", targets)])
        }

        /// `Alarm(…)`, leaving out the arguments that are Alarm's defaults.
        func alarm(_ alarm: Alarm, id: SwiftCode) -> SwiftCode {
            let defaults = Alarm("", metric: "", namespace: "", threshold: 0)
            var arguments = [id]
            if let name = alarm.name { arguments.append(.labelled("name", .text(SwiftCode.string(name.description)))) }
            if let description = alarm.description { arguments.append(.labelled("description", .text(SwiftCode.string(description)))) }
            arguments.append(.labelled("metric", .text(SwiftCode.string(alarm.metric))))
            arguments.append(.labelled("namespace", .text(SwiftCode.string(alarm.namespace))))
            if !alarm.dimensions.isEmpty { arguments.append(.labelled("dimensions", dictionary(alarm.dimensions))) }
            if alarm.statistic != defaults.statistic { arguments.append(.labelled("statistic", .text(SwiftCode.string(alarm.statistic)))) }
            if alarm.period != defaults.period { arguments.append(.labelled("period", .text(String(alarm.period)))) }
            if alarm.evaluationPeriods != defaults.evaluationPeriods {
                arguments.append(.labelled("evaluationPeriods", .text(String(alarm.evaluationPeriods))))
            }
            arguments.append(.labelled("threshold", .text(String(alarm.threshold))))
            if alarm.comparison != defaults.comparison { arguments.append(.labelled("comparison", .text(SwiftCode.string(alarm.comparison)))) }
            if alarm.treatMissingData != defaults.treatMissingData {
                arguments.append(.labelled("treatMissingData", .text(alarm.treatMissingData.map(SwiftCode.string) ?? "nil")))
            }
            if !alarm.actions.isEmpty { arguments.append(.labelled("actions", .literal(alarm.actions.map(value)))) }
            if !alarm.okActions.isEmpty { arguments.append(.labelled("okActions", .literal(alarm.okActions.map(value)))) }
            return .call("Alarm", arguments)
        }

        func queue(_ queue: Queue, id: SwiftCode) -> SwiftCode {
            var arguments = [id]
            if let name = queue.name { arguments.append(.labelled("name", .text(SwiftCode.string(name.description)))) }
            if queue.fifo { arguments.append(.labelled("fifo", .text("true"))) }
            let numbers: [(String, Int?)] = [
                ("visibilityTimeout", queue.visibilityTimeout), ("messageRetentionPeriod", queue.messageRetentionPeriod),
                ("delaySeconds", queue.delaySeconds), ("receiveMessageWaitTime", queue.receiveMessageWaitTime),
            ]
            for case let (label, number?) in numbers { arguments.append(.labelled(label, .text(String(number)))) }
            switch queue.encryption {
            case .sqsManaged?: arguments.append(.labelled("encryption", .text(".sqsManaged")))
            case .kms(let key)?: arguments.append(.labelled("encryption", .call(".kms", [value(key)])))
            case nil: break
            }
            if let redrive = queue.redrivePolicy {
                var redriveArguments: [SwiftCode] = [
                    variable(redrive.deadLetterTargetARN, as: Queue.self, attribute: "Arn")
                        .map { .labelled("deadLetterQueue", .text($0)) }
                        ?? .labelled("deadLetterTargetARN", value(redrive.deadLetterTargetARN)),
                ]
                if redrive.maxReceiveCount != 5 { redriveArguments.append(.labelled("maxReceiveCount", .text(String(redrive.maxReceiveCount)))) }
                arguments.append(.labelled("redrivePolicy", .call("RedrivePolicy", redriveArguments)))
            }
            return .call("Queue", arguments)
        }

        func queuePolicy(_ policy: QueuePolicy, id: SwiftCode) -> SwiftCode {
            let queues = policy.queues.map { variable($0, as: Queue.self, attribute: nil) }
            if !queues.isEmpty, queues.allSatisfy({ $0 != nil }) {
                let header = SwiftCode.call("QueuePolicy", [id, .labelled("queues", .literal(queues.compactMap { $0.map(SwiftCode.text) }))])
                return .text(block(header.rendered(indent: 4, column: 4), policy.statements.map(statement), indent: 4))
            }
            return .call("QueuePolicy", [
                id, .labelled("queueURLs", .literal(policy.queues.map(value))),
                .labelled("statements", .literal(policy.statements.map(statement))),
            ])
        }

        func subscription(_ subscription: Subscription, id: SwiftCode) -> SwiftCode {
            var tail: [SwiftCode] = []
            if let raw = subscription.rawMessageDelivery { tail.append(.labelled("rawMessageDelivery", .text(String(raw)))) }
            if let filter = subscription.filter {
                tail.append(.labelled("filter", .call(filter.scope == .messageBody ? ".body" : ".attributes", [dictionary(filter.conditions)])))
            }
            let topic = variable(subscription.topicARN, as: Topic.self, attribute: nil)
            let queue = variable(subscription.endpoint, as: Queue.self, attribute: "Arn")
            let deadLetter = subscription.deadLetterTargetARN.map { variable($0, as: Queue.self, attribute: "Arn") }
            if subscription.deliveryProtocol == .sqs, let topic, let queue, deadLetter ?? "" != nil {
                var arguments: [SwiftCode] = [id, .labelled("topic", .text(topic)), .labelled("queue", .text(queue))] + tail
                if case let name?? = deadLetter { arguments.append(.labelled("deadLetterQueue", .text(name))) }
                return .call("Subscription", arguments)
            }
            let known: [Subscription.DeliveryProtocol: String] = [.sqs: ".sqs", .lambda: ".lambda", .https: ".https", .email: ".email"]
            var arguments: [SwiftCode] = [
                id, .labelled("topicARN", value(subscription.topicARN)),
                .labelled("protocol", .text(known[subscription.deliveryProtocol] ?? SwiftCode.string(subscription.deliveryProtocol.rawValue))),
                .labelled("endpoint", value(subscription.endpoint)),
            ] + tail
            if let target = subscription.deadLetterTargetARN { arguments.append(.labelled("deadLetterTargetARN", value(target))) }
            return .call("Subscription", arguments)
        }

        func output(_ output: Output) -> String {
            var arguments: [SwiftCode] = [.text(SwiftCode.string(output.name)), .labelled("value", value(output.value))]
            if let description = output.description { arguments.append(.labelled("description", .text(SwiftCode.string(description)))) }
            if let export = output.exportName { arguments.append(.labelled("exportName", .text(SwiftCode.string(export.description)))) }
            return SwiftCode.call("Output", arguments).rendered(indent: 4, column: 4)
        }

        // MARK: Statements

        func statement(_ statement: Statement) -> SwiftCode {
            var arguments: [SwiftCode] = [.text("." + (statement.effect == .allow ? "allow" : "deny"))]
            if let sid = statement.sid { arguments.append(.labelled("sid", .text(SwiftCode.string(sid)))) }
            if let principal = statement.principal {
                let code: SwiftCode
                switch principal {
                case .everyone: code = .text(".everyone")
                case .service(.one(let service)): code = .call(".service", [.text(SwiftCode.string(service))])
                case .service(.many(let services)): code = .call(".service", [.literal(services.map { .text(SwiftCode.string($0)) })])
                case .aws(.one(let who)): code = .call(".aws", [.call(".one", [value(who)])])
                case .aws(.many(let who)): code = .call(".aws", [.literal(who.map(value))])
                }
                arguments.append(.labelled("principal", code))
            }
            switch statement.actions {
            case .one(let action): arguments.append(.labelled("actions", .text(SwiftCode.string(action))))
            case .many(let actions): arguments.append(.labelled("actions", .literal(actions.map { .text(SwiftCode.string($0)) })))
            }
            switch statement.resources {
            case .one(let resource): arguments.append(.labelled("resources", .call(".one", [value(resource)])))
            case .many(let resources): arguments.append(.labelled("resources", .literal(resources.map(value))))
            }
            if let condition = statement.condition {
                arguments.append(.labelled("condition", self.condition(condition)))
            }
            return .call("Statement", arguments)
        }

        func condition(_ condition: Condition) -> SwiftCode {
            let shorthand = ["ArnEquals": ".arnEquals", "ArnLike": ".arnLike", "StringEquals": ".stringEquals"]
            if condition.clauses.count == 1, case .one(let only) = condition.clauses[0].values,
               let name = shorthand[condition.clauses[0].operator] {
                return .call(name, [.text(SwiftCode.string(condition.clauses[0].key)), value(only)])
            }
            return .call("Condition", [.literal(condition.clauses.map { clause in
                let values: SwiftCode = switch clause.values {
                case .one(let one): .call(".one", [value(one)])
                case .many(let many): .call(".many", [.literal(many.map(value))])
                }
                return .call("Condition.Clause", [.text(SwiftCode.string(clause.operator)), .text(SwiftCode.string(clause.key)), values])
            })])
        }

        // MARK: Values

        /// A value where the context expects a `Value`.
        func value(_ value: Value) -> SwiftCode {
            switch value {
            case .string(let string): return .text(SwiftCode.string(string))
            case .text(let text): return .text(SwiftCode.string(text.description))
            case .int(let int): return .text(String(int))
            case .bool(let bool): return .text(String(bool))
            case .list(let items): return .call(".list", [.literal(items.map(self.value))])
            case .map(let map): return .call(".map", [dictionary(map)])
            case .ref(let id):
                if let pseudo = PseudoParameter(rawValue: id) { return .text(".pseudo(.\(pseudo))") }
                if let handle = handle(value, as: nil, attribute: nil) { return .text(handle) }
                return .call(".ref", [.text(SwiftCode.string(id))])
            case .getAtt(let id, let attribute):
                if let handle = handle(value, as: nil, attribute: attribute) { return .text(handle) }
                return .call(".getAtt", [.text(SwiftCode.string(id)), .text(SwiftCode.string(attribute))])
            case .sub(let template, let variables):
                return .call(".sub", [.text(SwiftCode.string(template))] + (variables.isEmpty ? [] : [dictionary(variables)]))
            case .join(let delimiter, let items):
                return .call(".join", [.text(SwiftCode.string(delimiter)), .literal(items.map(self.value))])
            case .function(let name, let argument):
                return .call(".function", [.text(SwiftCode.string(name)), self.value(argument)])
            }
        }

        /// A dictionary literal (`OrderedDictionary<String, Value>`).
        func dictionary(_ map: OrderedDictionary<String, Value>) -> SwiftCode {
            .literal(map.map { key, item in .concat([.text(SwiftCode.string(key) + ": "), value(item)]) }, empty: "[:]")
        }

        /// The constant of a declared resource of `type` that `value` refers to exactly as the
        /// typed initializers do (`!GetAtt Queue.Arn` for `attribute: "Arn"`, `!Ref` for `nil`).
        func variable(_ value: Value, as type: any Resource.Type, attribute: String?) -> String? {
            guard handle(value, as: type, attribute: attribute) != nil else { return nil }
            return value.referencedLogicalIDs.first.flatMap { names[$0] }
        }

        /// The typed handle for a reference to a declared resource: `topic.arn` for
        /// `!Ref Topic`, `queue.arn` for `!GetAtt Queue.Arn`, `queue.url` for `!Ref Queue`,
        /// `x.ref` for `!Ref` of any other; `nil` when there is none. `type` and `attribute`
        /// narrow what is accepted (`nil`: any).
        func handle(_ value: Value, as type: (any Resource.Type)?, attribute: String?) -> String? {
            let id: String
            let wanted: String?
            switch value {
            case .ref(let logicalID): (id, wanted) = (logicalID, nil)
            case .getAtt(let logicalID, let name): (id, wanted) = (logicalID, name)
            default: return nil
            }
            guard wanted == attribute, let variable = names[id], declared.contains(id),
                  let resource = service.resource(id) else { return nil }
            if let type, Swift.type(of: resource) != type { return nil }
            switch (resource, wanted) {
            case (is Topic, nil): return variable + ".arn"
            case (is Topic, "TopicName"?): return variable + ".topicName"
            case (is Queue, nil): return variable + ".url"
            case (is Queue, "Arn"?): return variable + ".arn"
            case (is Queue, "QueueName"?): return variable + ".queueName"
            case (_, nil): return variable + ".ref"
            default: return nil
            }
        }

        // MARK: Declarations

        /// The logical IDs referred to through a handle, or depended on.
        func boundResources() -> Set<String> {
            var ids: Set<String> = []
            func visit(_ value: Value) {
                switch value {
                case .ref(let id): ids.insert(id)
                case .getAtt(let id, let attribute):
                    if let resource = service.resource(id), resource is Queue || (resource is Topic && attribute == "TopicName") {
                        ids.insert(id)
                    }
                case .list(let items), .join(_, let items): items.forEach(visit)
                case .map(let map), .sub(_, let map): map.values.forEach(visit)
                case .function(_, let argument): visit(argument)
                case .string, .text, .int, .bool: break
                }
            }
            service.provider.iamStatements.forEach { visit($0.value) }
            for function in service.functions {
                function.environment.values.forEach(visit)
                function.iamStatements.forEach { visit($0.value) }
                for case .sqs(let sqs) in function.events { visit(sqs.arn) }
            }
            for resource in service.resources {
                resource.properties.values.forEach(visit)
                ids.formUnion(resource.dependsOn)
            }
            service.outputs.forEach { visit($0.value) }
            return ids.filter { service.resource($0) != nil }
        }

        /// The resources to declare, each after the ones it refers to (depth first, in the
        /// service's order); a cycle is broken where it is found.
        func declarationOrder(_ bound: Set<String>) -> [any Resource] {
            var order: [any Resource] = []
            var state: [String: Bool] = [:]  // false: being visited, true: done
            func visit(_ resource: any Resource) {
                guard state[resource.logicalID] == nil else { return }
                state[resource.logicalID] = false
                let dependencies = Value.map(resource.properties).referencedLogicalIDs + resource.dependsOn
                for id in dependencies where bound.contains(id) {
                    if let dependency = service.resource(id) { visit(dependency) }
                }
                state[resource.logicalID] = true
                order.append(resource)
            }
            for resource in service.resources where bound.contains(resource.logicalID) { visit(resource) }
            return order
        }

        /// `ProcessingQueueOne` → `processingQueueOne`, `SQSQueue` → `sqsQueue`; a name that
        /// is a Swift keyword or starts with a digit gets a suffix or prefix.
        static func variableName(_ logicalID: String) -> String {
            // Logical IDs read from YAML may hold anything; only `[A-Za-z0-9_]` goes into a name.
            let characters = Array(logicalID.filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
            let upper = characters.prefix { $0.isUppercase }.count
            let lowered = upper <= 1 || upper == characters.count ? upper : upper - 1
            var name = String(characters.prefix(lowered)).lowercased() + String(characters.dropFirst(lowered))
            if name.isEmpty || name.first?.isNumber == true { name = "resource" + String(characters) }
            if keywords.contains(name) { name += "Resource" }
            return name
        }

        static let keywords: Set<String> = [
            "associatedtype", "class", "deinit", "enum", "extension", "fileprivate", "func", "import", "init", "inout",
            "internal", "let", "open", "operator", "private", "precedencegroup", "protocol", "public", "rethrows",
            "static", "struct", "subscript", "typealias", "var", "break", "case", "catch", "continue", "default",
            "defer", "do", "else", "fallthrough", "for", "guard", "if", "in", "repeat", "return", "throw", "switch",
            "where", "while", "as", "any", "false", "is", "nil", "self", "super", "throws", "true", "try", "await",
            "some", "consume", "copy", "borrowing", "consuming", "discard", "each", "macro", "package", "sending",
        ]
    }
}
