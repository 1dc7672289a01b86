/// The Serverless Framework v3's naming rules (`lib/plugins/aws/lib/naming.js`), so a stack
/// compiled by Fanout keeps the logical IDs `serverless deploy` would give it.
public enum Naming {
    /// `processorOne` → `ProcessorOne`, `process-one` → `ProcessDashone`: `-` and `_` spelled
    /// out, then only the first letter upper-cased.
    public static func normalizedFunctionName(_ key: String) -> String {
        // Most keys have neither character: skip the (costly) replacing.
        guard key.utf8.contains(where: { $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }) else { return upperFirst(key) }
        return upperFirst(key.replacing("-", with: "Dash").replacing("_", with: "Underscore"))
    }

    /// `<Function>LambdaFunction`.
    public static func lambdaLogicalID(_ functionKey: String) -> String {
        normalizedFunctionName(functionKey) + "LambdaFunction"
    }

    /// `<Function>LogGroup`.
    public static func logGroupLogicalID(_ functionKey: String) -> String {
        normalizedFunctionName(functionKey) + "LogGroup"
    }

    /// `<Function>LambdaPermissionApiGateway`: one per function, however many endpoints it has.
    public static func apiGatewayPermissionLogicalID(_ functionKey: String) -> String {
        normalizedFunctionName(functionKey) + "LambdaPermissionApiGateway"
    }

    /// `<Function>EventSourceMappingSQS<Queue>`, where the queue name keeps only `[0-9A-Za-z]`.
    public static func sqsEventSourceMappingLogicalID(_ functionKey: String, queueName: String) -> String {
        normalizedFunctionName(functionKey) + "EventSourceMappingSQS"
            + upperFirst(queueName.filter(\.isASCIIAlphanumeric))
    }

    /// The queue name Serverless derives from an `sqs` event's `arn`: the logical ID of a
    /// `GetAtt`, the last element of a `Join`, the last `:` field of a literal ARN.
    public static func sqsQueueName(fromARN arn: Value) -> String? {
        switch arn {
        case .getAtt(let logicalID, _), .ref(let logicalID): logicalID
        case .string(let string): string.split(separator: ":").last.map(String.init)
        case .text(let text): text.description.split(separator: ":").last.map(String.init)
        case .join(_, let items): items.last.flatMap(sqsQueueName(fromARN:))
        case .function("Fn::ImportValue", let name): name.stringValue
        default: nil
        }
    }

    /// `<Function>IamRoleLambdaExecution`: a function's own role, as the Serverless
    /// Framework v4 names per-function roles.
    public static func functionRoleLogicalID(_ functionKey: String) -> String {
        normalizedFunctionName(functionKey) + "IamRoleLambdaExecution"
    }

    /// `<Function>DeadLetterQueueAlarm`: a fan-out consumer's alarm on its dead-letter queue;
    /// `<Function>SubscriptionDeadLetterQueueAlarm` for the subscription's.
    public static func deadLetterAlarmLogicalID(_ functionKey: String, subscription: Bool = false) -> String {
        normalizedFunctionName(functionKey) + (subscription ? "Subscription" : "") + "DeadLetterQueueAlarm"
    }

    /// `<Function>QueueAgeAlarm`: a fan-out consumer's alarm on its queue's oldest message.
    public static func queueAgeAlarmLogicalID(_ functionKey: String) -> String {
        normalizedFunctionName(functionKey) + "QueueAgeAlarm"
    }

    /// `AlarmTopicSubscription<Address>`, the address's letters and digits only
    /// (`ops@example.com` → `AlarmTopicSubscriptionOpsexamplecom`).
    public static func alarmEmailSubscriptionLogicalID(_ address: String) -> String {
        alarmTopicLogicalID + "Subscription" + upperFirst(address.filter(\.isASCIIAlphanumeric))
    }

    /// The topic a fan-out's alarms notify when the service names none.
    public static let alarmTopicLogicalID = "AlarmTopic"
    /// The shared execution role.
    public static let roleLogicalID = "IamRoleLambdaExecution"
    public static let restAPILogicalID = "ApiGatewayRestApi"

    /// `trigger` → `Trigger`, `fanOut` → `Fanout`, `fan-out` → `FanDashout`, `{id}` → `IdVar`:
    /// lodash's `capitalize` lower-cases the rest of the segment.
    public static func normalizedPathPart(_ part: String) -> String {
        var text = part.prefix(1).uppercased() + part.dropFirst().lowercased()
        text = text.replacing("-", with: "Dash")
        if let open = text.firstIndex(of: "{"), let close = text.lastIndex(of: "}"), open < close {
            let inner = text[text.index(after: open)..<close]
            text = String(text[..<open]) + inner + "Var" + String(text[text.index(after: close)...])
        }
        return upperFirst(text.filter(\.isASCIIAlphanumeric))
    }

    /// `ApiGatewayResource<Part><Part>…` for a path without its surrounding slashes.
    public static func apiGatewayResourceLogicalID(_ path: String) -> String {
        "ApiGatewayResource" + path.split(separator: "/").map { normalizedPathPart(String($0)) }.joined()
    }

    /// `ApiGatewayMethod<Resource><Method>`, such as `ApiGatewayMethodTriggerPost`; the root
    /// path has no resource part.
    public static func apiGatewayMethodLogicalID(path: String, method: HTTP.Method) -> String {
        let resource = path.split(separator: "/").map { normalizedPathPart(String($0)) }.joined()
        return "ApiGatewayMethod" + resource + upperFirst(method.rawValue)
    }

    /// `<Name>ApiGatewayAuthorizer`: the authorizer's name normalised like a function key.
    public static func apiGatewayAuthorizerLogicalID(_ name: String) -> String {
        normalizedFunctionName(name) + "ApiGatewayAuthorizer"
    }

    /// `ApiGatewayApiKey<n>`, counting from 1 in declaration order.
    public static func apiGatewayAPIKeyLogicalID(_ number: Int) -> String { "ApiGatewayApiKey\(number)" }

    /// `ApiGatewayUsagePlanKey<n>`: the n-th key's membership in the usage plan.
    public static func apiGatewayUsagePlanKeyLogicalID(_ number: Int) -> String { "ApiGatewayUsagePlanKey\(number)" }

    /// The one usage plan of `provider.apiGateway.usagePlan` (its single-plan form).
    public static let usagePlanLogicalID = "ApiGatewayUsagePlan"

    /// The function's physical name: `<service>-<stage>-<key>`.
    public static func functionName(service: String, stage: String, key: String) -> String {
        "\(service)-\(stage)-\(key)"
    }

    private static func upperFirst(_ string: String) -> String {
        string.prefix(1).uppercased() + string.dropFirst()
    }
}
