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
    /// How to compile: the stage and region variables stand for, and where the code comes from.
    public var options: CloudFormationOptions

    public init(options: CloudFormationOptions = CloudFormationOptions()) {
        self.options = options
    }

    /// The template parameter naming the S3 bucket that holds the code archive.
    public static let bucketParameter = "ArtifactBucket"
    /// The template parameter naming the code archive's key in that bucket.
    public static let keyParameter = "ArtifactKey"

    /// Compiles `service`. Whatever cannot be compiled is reported in the translation's
    /// diagnostics (all of it, not only the first problem) and left out of, or written as is
    /// into, the template, so the rest can still be validated.
    public func translate(_ service: Service) -> Translation {
        let context = Context(service: service, variables: VariableResolver(service: service, options: options))

        var resources: OrderedDictionary<String, Value> = [:]
        var outputs: OrderedDictionary<String, Value> = [:]
        for function in service.functions {
            resources[Naming.logGroupLogicalID(function.key)] = logGroup(function, context)
        }
        switch service.provider.roles {
        case .shared where !service.functions.isEmpty:
            resources[Naming.roleLogicalID] = sharedRole(context)
        case .shared:
            break
        case .perFunction:
            for function in service.functions {
                resources[context.roleLogicalID(function)] = functionRole(function, context)
            }
        }
        for function in service.functions {
            resources[Naming.lambdaLogicalID(function.key)] = lambda(function, context)
        }
        if let api = APIGatewayCompiler(context: context).compile() {
            resources.merge(api.resources) { first, _ in first }
            outputs["ServiceEndpoint"] = api.endpoint
        }
        for function in service.functions {
            for case .sqs(let sqs) in function.events {
                guard let (id, mapping) = eventSourceMapping(sqs, of: function, context) else { continue }
                guard resources[id] == nil else {
                    context.report(
                        "\(function.key) has two sqs events that both compile to \(id); drain each queue once per function",
                        at: sqs.location)
                    continue
                }
                resources[id] = mapping
            }
        }
        var parameters: OrderedDictionary<String, Value> = [:]
        if case .parameters = options.code, !service.functions.isEmpty {
            parameters = [
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
        // Validation reports a declared resource that is declared twice or takes a generated
        // logical ID (FAN001); the template keeps the first.
        let generated = Set(resources.keys).union(parameters.keys)
        for (index, resource) in service.resources.enumerated() where resources[resource.logicalID] == nil {
            resources[resource.logicalID] = context.resolve(service.definition(ofResourceAt: index), at: resource.location)
        }

        if options.scannerSkips { CheckovSkip.annotate(&resources, of: service) }

        for output in service.outputs {
            guard outputs[output.name] == nil else {
                context.report(
                    "output '\(output.name)' is declared twice or has the name of one Fanout generates; rename it",
                    at: output.location)
                continue
            }
            outputs[output.name] = context.resolve(output.definition, at: output.location)
        }

        var template: OrderedDictionary<String, Value> = [
            "AWSTemplateFormatVersion": "2010-09-09",
            "Description": .string("\(service.name) (stage \(context.stage)), compiled by Fanout"),
        ]
        if !parameters.isEmpty { template["Parameters"] = .map(parameters) }
        template["Resources"] = .map(resources)
        if !outputs.isEmpty { template["Outputs"] = .map(outputs) }
        return Translation(template: .map(template), diagnostics: context.diagnostics, generatedLogicalIDs: generated)
    }

    private func logGroup(_ function: Function, _ context: Context) -> Value {
        var properties: OrderedDictionary<String, Value> = [
            "LogGroupName": .string("/aws/lambda/\(context.functionName(function))"),
        ]
        if let retention = function.effectiveLogRetention(in: context.service.provider) {
            properties["RetentionInDays"] = .int(retention.days)
        }
        return ["Type": "AWS::Logs::LogGroup", "Properties": .map(properties)]
    }

    /// The role every function shares: logging, the user's statements, the functions' own
    /// statements, then SQS consumption.
    private func sharedRole(_ context: Context) -> Value {
        let service = context.service
        let prefix = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/\(service.name)-\(context.stage)"
        let statements = roleStatements(
            logGroups: prefix + "*", userStatements: service.provider.iamStatements
                + StatementMerger.merge(service.functions.flatMap(\.iamStatements)),
            functions: service.functions, context)
        return role(statements, name: .join("-", [.string(service.name), .string(context.stage), .pseudo(.region), "lambdaRole"]),
                    policyName: .join("-", [.string(service.name), .string(context.stage), "lambda"]))
    }

    /// A role for one function: its own log group, the user's shared statements, its own
    /// statements, and its own queues.
    private func functionRole(_ function: Function, _ context: Context) -> Value {
        let logGroup = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/\(context.functionName(function))"
        let statements = roleStatements(
            logGroups: logGroup, userStatements: context.service.provider.iamStatements + function.iamStatements,
            functions: [function], context)
        return role(statements, name: nil,
                    policyName: .join("-", [.string(context.service.name), .string(context.stage), .string(function.key), "lambda"]))
    }

    /// Logging, the given statements (variables resolved), then `sqs:ReceiveMessage`,
    /// `sqs:DeleteMessage` and `sqs:GetQueueAttributes` on the functions' event sources.
    private func roleStatements(
        logGroups: String, userStatements: [Statement], functions: [Function], _ context: Context
    ) -> [Value] {
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
            statements.append(context.resolve(statement.value, at: statement.location))
        }
        var queueARNs: [Value] = []
        for function in functions {
            for case .sqs(let sqs) in function.events {
                let arn = context.resolve(sqs.arn, at: sqs.location)
                if !queueARNs.contains(arn) { queueARNs.append(arn) }
            }
        }
        if !queueARNs.isEmpty {
            statements.append([
                "Effect": "Allow",
                "Action": .list(SQS.consumerActions.map(Value.string)),
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

    private func lambda(_ function: Function, _ context: Context) -> Value {
        let provider = context.service.provider
        let runtime = function.runtime ?? provider.runtime
        var handler = function.handler
        let code: Value
        switch options.code {
        case .parameters:
            code = ["S3Bucket": .ref(Self.bucketParameter), "S3Key": .ref(Self.keyParameter)]
        case .inline(let sources):
            if sources[function.key] == nil {
                context.report("no inline source for function '\(function.key)'", at: function.location)
            } else if !(runtime.rawValue.hasPrefix("nodejs") || runtime.rawValue.hasPrefix("python")) {
                context.report(
                    "inline code needs a Node.js or Python runtime; '\(function.key)' uses \(runtime)",
                    at: function.location)
            } else if let source = sources[function.key], source.utf8.count > CloudFormationOptions.inlineCodeLimit {
                context.report(
                    "inline source of '\(function.key)' is \(source.utf8.count) bytes; Lambda takes at most \(CloudFormationOptions.inlineCodeLimit) (use the S3 artifact parameters instead)",
                    at: function.location)
            }
            code = ["ZipFile": .string(sources[function.key] ?? "")]
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
                "Variables": context.resolve(.map(function.environment), at: function.location),
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
    ) -> (String, Value)? {
        guard let queueName = Naming.sqsQueueName(fromARN: sqs.arn) else {
            context.report(
                "cannot name the event source mapping: give the sqs event a queue's ARN (queue.arn)",
                at: sqs.location)
            return nil
        }
        var properties: OrderedDictionary<String, Value> = ["BatchSize": .int(sqs.effectiveBatchSize)]
        if let window = sqs.maximumBatchingWindow {
            properties["MaximumBatchingWindowInSeconds"] = .int(window)
        }
        properties["EventSourceArn"] = context.resolve(sqs.arn, at: sqs.location)
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
    /// What compilation needs to know about the service and its target, and what it found
    /// it cannot compile.
    final class Context {
        let service: Service
        let variables: VariableResolver
        /// Problems found so far, in the order they were found.
        private(set) var diagnostics: [Diagnostic] = []
        var stage: String { variables.stage }

        init(service: Service, variables: VariableResolver) {
            self.service = service
            self.variables = variables
        }

        /// Records something the compilation cannot do (FAN006).
        func report(_ message: String, at location: SourceLocation?) {
            diagnostics.append(Diagnostic(
                Translation.diagnosticCode, .error, message, path: "Resources", at: location ?? service.location))
        }

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

        /// `value` with every Serverless variable replaced by its value; a variable that cannot
        /// be resolved is reported and kept as written.
        func resolve(_ value: Value, at location: SourceLocation) -> Value {
            switch value {
            case .text(let text):
                switch variables.resolve(text) {
                case .success(let resolved): return resolved
                case .failure(let unresolved):
                    report(
                        "raw CloudFormation cannot resolve the Serverless variable \(unresolved.variable); Fanout resolves ${self:service}, ${sls:stage} and ${aws:region}",
                        at: location)
                    // Kept as a variable, not a string: rules then know it is unresolved and
                    // do not judge it as a literal (FAN006 is the finding).
                    return .text(text)
                }
            case .list(let items):
                return .list(items.map { resolve($0, at: location) })
            case .map(let map):
                return .map(map.mapValues { resolve($0, at: location) })
            case .sub(let template, let variables):
                return .sub(template, variables.mapValues { resolve($0, at: location) })
            case .join(let delimiter, let items):
                return .join(delimiter, items.map { resolve($0, at: location) })
            case .function(let name, let argument):
                return .function(name, resolve(argument, at: location))
            case .string, .int, .bool, .ref, .getAtt:
                return value
            }
        }
    }
}
