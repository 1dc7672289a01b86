import YAML

extension ServiceReader {
    // MARK: - Authorisation and throttling

    /// An http event's `authorizer`: `aws_iam` (or `{type: aws_iam}`), or a Cognito user pool
    /// `{name, arn, scopes}`. Lambda authorizers are not modelled.
    func httpAuthorizer(_ entry: Entry) -> HTTP.Authorization? {
        if let text = scalarString(entry.value) {
            if text.uppercased() == "AWS_IAM" { return .iam }
            report(ImportCode.unknownEvent, .error,
                   "`authorizer: \(text)` is not imported: Fanout models `aws_iam` and Cognito user pools (`{name, arn}`), not Lambda authorizers",
                   path: entry.path, at: entry.value.mark)
            return nil
        }
        guard let settings = entries(entry.value, path: entry.path) else { return nil }
        var name: String?, arn: String?, type: String?
        var scopes: [String] = []
        for setting in settings {
            switch setting.key {
            case "name": name = string(setting)
            case "arn": arn = string(setting)
            case "type": type = string(setting)
            case "scopes": scopes = strings(setting) ?? []
            default:
                report(ImportCode.unknownEvent, .error,
                       "`authorizer.\(setting.key)` is not imported: Fanout's Cognito authorizer has name, arn and scopes (identity source and cache time are Serverless's defaults)",
                       path: setting.path, at: setting.keyMark)
            }
        }
        if type?.uppercased() == "AWS_IAM", arn == nil { return .iam }
        guard let name, let arn, arn.contains(":cognito-idp:") else {
            report(ImportCode.unknownEvent, .error,
                   "this authorizer is not imported: Fanout models a Cognito user pool given by `name` and a `cognito-idp` `arn`, or `aws_iam`",
                   path: entry.path, at: entry.keyMark)
            return nil
        }
        return .cognito(name: name, userPoolARN: arn, scopes: scopes)
    }

    func reportTwoAuthorizations(_ entry: Entry) {
        report(ImportCode.unknownEvent, .error,
               "`\(entry.key)` is not imported: this http event already has an authorisation, and Fanout gives an endpoint one (an authorizer or an API key)",
               path: entry.path, at: entry.keyMark)
    }

    /// A list of strings; a finding and `nil` for anything else.
    func strings(_ entry: Entry) -> [String]? {
        guard case .sequence(let sequence) = entry.value else {
            report(ImportCode.wrongShape, .error, "`\(entry.key)` must be a list of strings; it is not imported",
                   path: entry.path, at: entry.value.mark)
            return nil
        }
        var result: [String] = []
        for (index, item) in sequence.items.enumerated() {
            let itemEntry = Entry(key: entry.key, keyMark: entry.keyMark, value: item, path: "\(entry.path)[\(index)]")
            if let text = string(itemEntry) { result.append(text) }
        }
        return result
    }

    /// `provider.apiGateway`: `apiKeys` (names) and `usagePlan` (`quota`, `throttle`).
    func apiGateway(_ entry: Entry, keeping existing: APIGateway?) -> APIGateway? {
        guard let settings = entries(entry.value, path: entry.path) else { return existing }
        var gateway = existing ?? APIGateway(file: file, line: entry.keyMark?.line ?? 0)
        for setting in settings {
            switch setting.key {
            case "apiKeys":
                gateway.apiKeys = (strings(setting) ?? []).map { Text(stringLiteral: $0) }
            case "usagePlan":
                gateway.usagePlan = usagePlan(setting)
            default:
                report(ImportCode.unknownProviderSetting, .error,
                       "`apiGateway.\(setting.key)` is not imported: Fanout's apiGateway has apiKeys (names) and one usagePlan",
                       path: setting.path, at: setting.keyMark)
            }
        }
        return gateway
    }

    private func usagePlan(_ entry: Entry) -> UsagePlan? {
        guard let settings = entries(entry.value, path: entry.path) else { return nil }
        var plan = UsagePlan()
        for setting in settings {
            switch setting.key {
            case "quota":
                guard let fields = entries(setting.value, path: setting.path) else { continue }
                var limit: Int?, period: Quota.Period?
                for field in fields {
                    switch field.key {
                    case "limit": limit = int(field)
                    case "period": period = string(field).flatMap { Quota.Period(rawValue: $0.uppercased()) }
                    default:
                        report(ImportCode.unknownProviderSetting, .error,
                               "`quota.\(field.key)` is not imported: Fanout's quota has limit and period (DAY, WEEK or MONTH)",
                               path: field.path, at: field.keyMark)
                    }
                }
                if let limit, let period { plan.quota = Quota(limit: limit, period: period) } else {
                    report(ImportCode.wrongShape, .error, "the quota is not imported: it needs a whole-number `limit` and a `period` of DAY, WEEK or MONTH",
                           path: setting.path, at: setting.keyMark)
                }
            case "throttle":
                plan.throttle = throttling(setting, rate: "rateLimit", burst: "burstLimit")
            default:
                report(ImportCode.unknownProviderSetting, .error,
                       "`usagePlan.\(setting.key)` is not imported: Fanout models one usage plan with quota and throttle",
                       path: setting.path, at: setting.keyMark)
            }
        }
        return plan
    }

    /// A rate (a number) and a burst (a whole number) under the given keys.
    private func throttling(_ entry: Entry, rate rateKey: String, burst burstKey: String) -> Throttling? {
        guard let fields = entries(entry.value, path: entry.path) else { return nil }
        var rate: Double?, burst: Int?
        for field in fields {
            switch field.key {
            case rateKey:
                switch value(field.value, path: field.path) {
                case .int(let int)?: rate = Double(int)
                case .string(let text)?: rate = Double(text)
                default: rate = nil
                }
            case burstKey: burst = int(field)
            default:
                report(ImportCode.unknownProviderSetting, .error,
                       "`\(field.key)` is not imported: throttling has \(rateKey) and \(burstKey)", path: field.path, at: field.keyMark)
            }
        }
        guard let rate, let burst else {
            report(ImportCode.wrongShape, .error, "this throttling is not imported: it needs a number `\(rateKey)` and a whole-number `\(burstKey)`",
                   path: entry.path, at: entry.keyMark)
            return nil
        }
        return Throttling(rate: rate, burst: burst)
    }

    /// Stage throttling as Fanout writes it: `plugins: [serverless-api-gateway-throttling]`
    /// and `custom: {apiGatewayThrottling: …}`, exactly. Any other `plugins` or `custom` is
    /// left out, as before (FAN601).
    func readStageThrottling(plugins: Entry?, custom: Entry?, into provider: inout Provider) {
        var names: [String]?
        if let plugins, case .sequence(let sequence) = plugins.value {
            names = sequence.items.map { scalarString($0) ?? "" }
        }
        let customEntries: [Entry]?
        if let custom, case .mapping = custom.value { customEntries = entries(custom.value, path: custom.path) } else { customEntries = nil }
        guard names == [ServerlessTranslator.throttlingPlugin], let customEntries,
              customEntries.map(\.key) == ["apiGatewayThrottling"], let setting = customEntries.first else {
            for entry in [plugins, custom].compactMap({ $0 }) {
                report(ImportCode.unknownTopLevelKey, .error,
                       "`\(entry.key)` is not imported: Fanout's model has no place for it, so the serverless.yml it emits would not have it; remove it, or keep this part of the file by hand",
                       path: entry.path, at: entry.keyMark)
            }
            return
        }
        guard let throttling = throttling(setting, rate: "maxRequestsPerSecond", burst: "maxConcurrentRequests") else { return }
        var gateway = provider.apiGateway ?? APIGateway(file: file, line: setting.keyMark?.line ?? 0)
        gateway.throttling = throttling
        provider.apiGateway = gateway
    }
}
