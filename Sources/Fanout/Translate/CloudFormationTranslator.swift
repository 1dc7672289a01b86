import OrderedCollections

/// Compiles a service into a raw CloudFormation template that deploys without the
/// Serverless Framework.
///
/// The template holds what `serverless deploy` (v3) would create — per-function log groups,
/// the shared execution role, the functions, SQS event source mappings, the API Gateway
/// pieces of `http` events and the `ServiceEndpoint` output — plus the user's resources, with
/// the Serverless Framework's logical IDs. Knowing differences: the code comes from template
/// parameters (or inline) instead of a deployment bucket in the stack, functions are not
/// versioned, and the API deployment's logical ID is a hash of the API instead of a timestamp.
public struct CloudFormationTranslator: Sendable {
    public var options: CloudFormationOptions

    public init(options: CloudFormationOptions = CloudFormationOptions()) {
        self.options = options
    }

    /// What every function may do with the queues it drains, as the Serverless Framework grants it.
    public static let consumerActions = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]

    /// The template parameter naming the S3 bucket that holds the code archive.
    public static let bucketParameter = "ArtifactBucket"
    /// The template parameter naming the code archive's key in that bucket.
    public static let keyParameter = "ArtifactKey"

    public func translate(_ service: Service) throws(TranslationError) -> Value {
        let context = Context(service: service, variables: VariableResolver(service: service, options: options))

        var resources: OrderedDictionary<String, Value> = [:]
        var outputs: OrderedDictionary<String, Value> = [:]
        for function in service.functions {
            resources[Naming.logGroupLogicalID(function.key)] = logGroup(function, context)
        }
        switch service.provider.roles {
        case .shared where !service.functions.isEmpty:
            resources[Naming.roleLogicalID] = try sharedRole(context)
        case .shared:
            break
        case .perFunction:
            for function in service.functions {
                resources[context.roleLogicalID(function)] = try functionRole(function, context)
            }
        }
        for function in service.functions {
            resources[Naming.lambdaLogicalID(function.key)] = try lambda(function, context)
        }
        if let api = try APIGatewayCompiler(context: context).compile() {
            resources.merge(api.resources) { first, _ in first }
            outputs["ServiceEndpoint"] = api.endpoint
        }
        for function in service.functions {
            for case .sqs(let sqs) in function.events {
                let (id, mapping) = try eventSourceMapping(sqs, of: function, context)
                guard resources[id] == nil else {
                    throw TranslationError(
                        "\(function.key) has two sqs events that both compile to \(id); drain each queue once per function",
                        at: sqs.location)
                }
                resources[id] = mapping
            }
        }
        let generated = Set(resources.keys)
        for resource in service.resources {
            if generated.contains(resource.logicalID) {
                throw TranslationError(
                    "resource '\(resource.logicalID)' has the logical ID of a resource Fanout generates; rename it",
                    at: resource.location, reason: .logicalIDCollision)
            }
            if resources[resource.logicalID] != nil {
                throw TranslationError(
                    "resource '\(resource.logicalID)' is declared twice; logical IDs must be unique",
                    at: resource.location, reason: .duplicateLogicalID)
            }
            resources[resource.logicalID] = try context.resolve(resource.definition, at: resource.location)
        }

        for output in service.outputs {
            guard outputs[output.name] == nil else {
                throw TranslationError(
                    "output '\(output.name)' is declared twice or has the name of one Fanout generates",
                    at: output.location)
            }
            outputs[output.name] = try context.resolve(output.definition, at: output.location)
        }

        var template: OrderedDictionary<String, Value> = [
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": .string("\(service.name) (stage \(context.stage)), compiled by Fanout"),
        ]
        if case .parameters = options.code, !service.functions.isEmpty {
            template["Parameters"] = [
                Self.bucketParameter: [
                    "Type": "String",
                    "Description": "S3 bucket that holds the functions' code archive",
                ],
                Self.keyParameter: [
                    "Type": "String",
                    "Default": .string("\(service.name).zip"),
                    "Description": "Key of the code archive (a zip of the handlers) in that bucket",
                ],
            ]
        }
        template["Resources"] = .map(resources)
        if !outputs.isEmpty { template["Outputs"] = .map(outputs) }
        return .map(template)
    }

    private func logGroup(_ function: Function, _ context: Context) -> Value {
        [
            "Type": "AWS::Logs::LogGroup",
            "Properties": ["LogGroupName": .string("/aws/lambda/\(context.functionName(function))")],
        ]
    }

    /// The role every function shares: logging, the user's statements, the functions' own
    /// statements, then SQS consumption.
    private func sharedRole(_ context: Context) throws(TranslationError) -> Value {
        let service = context.service
        let prefix = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/\(service.name)-\(context.stage)"
        let statements = try roleStatements(
            logGroups: prefix + "*", userStatements: service.provider.iamStatements
                + StatementMerger.merge(service.functions.flatMap(\.iamStatements)),
            functions: service.functions, context)
        return role(statements, name: .join("-", [.string(service.name), .string(context.stage), .pseudo(.region), "lambdaRole"]),
                    policyName: .join("-", [.string(service.name), .string(context.stage), "lambda"]))
    }

    /// A role for one function: its own log group, the user's shared statements, its own
    /// statements, and its own queues.
    private func functionRole(_ function: Function, _ context: Context) throws(TranslationError) -> Value {
        let logGroup = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/\(context.functionName(function))"
        let statements = try roleStatements(
            logGroups: logGroup, userStatements: context.service.provider.iamStatements + function.iamStatements,
            functions: [function], context)
        return role(statements, name: nil,
                    policyName: .join("-", [.string(context.service.name), .string(context.stage), .string(function.key), "lambda"]))
    }

    /// Logging, the given statements (variables resolved), then `sqs:ReceiveMessage`,
    /// `sqs:DeleteMessage` and `sqs:GetQueueAttributes` on the functions' event sources.
    private func roleStatements(
        logGroups: String, userStatements: [Statement], functions: [Function], _ context: Context
    ) throws(TranslationError) -> [Value] {
        var statements: [Value] = [
            [
                "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource"],
                "Resource": [.sub(logGroups + ":*")],
            ],
            [
                "Effect": "Allow",
                "Action": ["logs:PutLogEvents"],
                "Resource": [.sub(logGroups + ":*:*")],
            ],
        ]
        for statement in userStatements {
            statements.append(try context.resolve(statement.value, at: statement.location))
        }
        var queueARNs: [Value] = []
        for function in functions {
            for case .sqs(let sqs) in function.events {
                let arn = try context.resolve(sqs.arn, at: sqs.location)
                if !queueARNs.contains(arn) { queueARNs.append(arn) }
            }
        }
        if !queueARNs.isEmpty {
            statements.append([
                "Effect": "Allow",
                "Action": .list(Self.consumerActions.map(Value.string)),
                "Resource": .list(queueARNs),
            ])
        }
        return statements
    }

    private func role(_ statements: [Value], name: Value?, policyName: Value) -> Value {
        var properties: OrderedDictionary<String, Value> = [
            "AssumeRolePolicyDocument": [
                "Version": .string(PolicyDocument.version),
                "Statement": [[
                    "Effect": "Allow",
                    "Principal": ["Service": ["lambda.amazonaws.com"]],
                    "Action": ["sts:AssumeRole"],
                ]],
            ],
            "Policies": [[
                "PolicyName": policyName,
                "PolicyDocument": [
                    "Version": .string(PolicyDocument.version),
                    "Statement": .list(statements),
                ],
            ]],
            "Path": "/",
        ]
        if let name { properties["RoleName"] = name }
        return ["Type": "AWS::IAM::Role", "Properties": .map(properties)]
    }

    private func lambda(_ function: Function, _ context: Context) throws(TranslationError) -> Value {
        let provider = context.service.provider
        let runtime = function.runtime ?? provider.runtime
        var handler = function.handler
        let code: Value
        switch options.code {
        case .parameters:
            code = ["S3Bucket": .ref(Self.bucketParameter), "S3Key": .ref(Self.keyParameter)]
        case .inline(let sources):
            guard let source = sources[function.key] else {
                throw TranslationError("no inline source for function '\(function.key)'", at: function.location)
            }
            guard runtime.rawValue.hasPrefix("nodejs") || runtime.rawValue.hasPrefix("python") else {
                throw TranslationError(
                    "inline code needs a Node.js or Python runtime; '\(function.key)' uses \(runtime)",
                    at: function.location)
            }
            guard source.utf8.count <= CloudFormationOptions.inlineCodeLimit else {
                throw TranslationError(
                    "inline source of '\(function.key)' is \(source.utf8.count) bytes; Lambda takes at most \(CloudFormationOptions.inlineCodeLimit) (use the S3 artifact parameters instead)",
                    at: function.location)
            }
            code = ["ZipFile": .string(source)]
            handler = "index." + (function.handler.split(separator: ".").last.map(String.init) ?? "handler")
        }
        var properties: OrderedDictionary<String, Value> = [
            "Code": code,
            "Handler": .string(handler),
            "Runtime": .string(runtime.rawValue),
            "FunctionName": .string(context.functionName(function)),
            "MemorySize": .int(function.effectiveMemorySize(in: provider)),
            "Timeout": .int(function.effectiveTimeout(in: provider)),
        ]
        if !function.environment.isEmpty {
            properties["Environment"] = [
                "Variables": try context.resolve(.map(function.environment), at: function.location),
            ]
        }
        properties["Role"] = .getAtt(context.roleLogicalID(function), "Arn")
        return [
            "Type": "AWS::Lambda::Function",
            "Properties": .map(properties),
            "DependsOn": [.string(Naming.logGroupLogicalID(function.key))],
        ]
    }

    private func eventSourceMapping(
        _ sqs: SQS, of function: Function, _ context: Context
    ) throws(TranslationError) -> (String, Value) {
        guard let queueName = Naming.sqsQueueName(fromARN: sqs.arn) else {
            throw TranslationError(
                "cannot name the event source mapping: give the sqs event a queue's ARN (queue.arn)",
                at: sqs.location)
        }
        var properties: OrderedDictionary<String, Value> = ["BatchSize": .int(sqs.effectiveBatchSize)]
        if let window = sqs.maximumBatchingWindow {
            properties["MaximumBatchingWindowInSeconds"] = .int(window)
        }
        properties["EventSourceArn"] = try context.resolve(sqs.arn, at: sqs.location)
        properties["FunctionName"] = .getAtt(Naming.lambdaLogicalID(function.key), "Arn")
        properties["Enabled"] = true
        if sqs.reportBatchItemFailures { properties["FunctionResponseTypes"] = ["ReportBatchItemFailures"] }
        if let concurrency = sqs.maximumConcurrency {
            properties["ScalingConfig"] = ["MaximumConcurrency": .int(concurrency)]
        }
        let mapping: Value = [
            "Type": "AWS::Lambda::EventSourceMapping",
            "DependsOn": [.string(context.roleLogicalID(function))],
            "Properties": .map(properties),
        ]
        return (Naming.sqsEventSourceMappingLogicalID(function.key, queueName: queueName), mapping)
    }
}

extension CloudFormationTranslator {
    /// What compilation needs to know about the service and its target.
    struct Context {
        var service: Service
        var variables: VariableResolver
        var stage: String { variables.stage }

        /// The logical ID of the role `function` runs with.
        func roleLogicalID(_ function: Function) -> String {
            switch service.provider.roles {
            case .shared: Naming.roleLogicalID
            case .perFunction: Naming.functionRoleLogicalID(function.key)
            }
        }

        func functionName(_ function: Function) -> String {
            Naming.functionName(service: service.name, stage: stage, key: function.key)
        }

        /// `value` with every Serverless variable replaced by its value.
        func resolve(_ value: Value, at location: SourceLocation) throws(TranslationError) -> Value {
            switch value {
            case .text(let text):
                switch variables.resolve(text) {
                case .success(let resolved): return resolved
                case .failure(let unresolved):
                    throw TranslationError(
                        "raw CloudFormation cannot resolve the Serverless variable \(unresolved.variable); Fanout resolves ${self:service}, ${sls:stage} and ${aws:region}",
                        at: location)
                }
            case .list(let items):
                var resolved: [Value] = []
                for item in items { resolved.append(try resolve(item, at: location)) }
                return .list(resolved)
            case .map(let map):
                var resolved: OrderedDictionary<String, Value> = [:]
                for (key, item) in map { resolved[key] = try resolve(item, at: location) }
                return .map(resolved)
            case .sub(let template, let variables):
                return .sub(template, try resolve(.map(variables), at: location).mapValue ?? [:])
            case .join(let delimiter, let items):
                return .join(delimiter, try resolve(.list(items), at: location).listValue)
            case .function(let name, let argument):
                return .function(name, try resolve(argument, at: location))
            case .string, .int, .bool, .ref, .getAtt:
                return value
            }
        }
    }
}
