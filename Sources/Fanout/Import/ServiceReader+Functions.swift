import YAML

extension ServiceReader {
    /// `functions:`: each key a function; one without a handler is left out (an error).
    func functions(_ section: Entry) -> [Function] {
        guard let keys = entries(section.value, path: section.path) else { return [] }
        return keys.compactMap(function)
    }

    private func function(_ entry: Entry) -> Function? {
        guard let settings = entries(entry.value, path: entry.path) else { return nil }
        guard let handlerEntry = settings.first(where: { $0.key == "handler" }), let handler = string(handlerEntry) else {
            report(ImportCode.unknownFunctionProperty, .error,
                   "function `\(entry.key)` is not imported: it has no `handler` (container images and other code sources are not modeled); add `handler: path/file.export`",
                   path: entry.path, at: entry.keyMark)
            return nil
        }
        var function = Function(entry.key, handler: handler, file: file, line: entry.keyMark?.line ?? 0)
        for setting in settings {
            switch setting.key {
            case "handler":
                break
            case "runtime":
                function.runtime = string(setting).map(Runtime.init(rawValue:))
            case "memorySize":
                function.memorySize = int(setting)
            case "timeout":
                function.timeout = int(setting)
            case "logRetentionInDays":
                function.logRetentionInDays = logRetention(setting)
            case "events":
                function.events = events(setting)
            case "environment":
                guard let variables = entries(setting.value, path: setting.path) else { continue }
                for variable in variables {
                    guard let value = value(variable.value, path: variable.path) else { continue }
                    function.setEnvironment(variable.key, value, at: location(variable.keyMark) ?? function.location)
                }
            default:
                report(ImportCode.unknownFunctionProperty, .error,
                       "`\(setting.key)` of function `\(entry.key)` is not imported: Fanout's Function has only handler, runtime, memorySize, timeout, logRetentionInDays, events and environment, so the serverless.yml it emits would not have it; remove it, or keep this function's serverless.yml by hand",
                       path: setting.path, at: setting.keyMark)
            }
        }
        return function
    }

    private func events(_ entry: Entry) -> [Event] {
        guard case .sequence(let sequence) = entry.value else {
            report(ImportCode.wrongShape, .error, "`events` must be a list such as `- http: {path: /x, method: post}`; the events are not imported",
                   path: entry.path, at: entry.value.mark)
            return []
        }
        var events: [Event] = []
        for (index, item) in sequence.items.enumerated() {
            let path = "\(entry.path)[\(index)]"
            guard let pairs = entries(item, path: path), pairs.count == 1, let event = pairs.first else {
                report(ImportCode.unknownEvent, .error,
                       "event not imported: an event is a mapping with one key, its type (`- sqs: {arn: …}`)",
                       path: path, at: item.mark)
                continue
            }
            switch event.key {
            case "http":
                if let http = http(event, item: path) { events.append(.http(http)) }
            case "sqs":
                if let sqs = sqs(event, item: path) { events.append(.sqs(sqs)) }
            default:
                report(ImportCode.unknownEvent, .error,
                       "`\(event.key)` event not imported: Fanout models `http` and `sqs` events only, so the serverless.yml it emits would not have it",
                       path: path, at: event.keyMark)
            }
        }
        return events
    }

    /// `item`: the path of the whole event, which findings that drop it name.
    private func http(_ event: Entry, item: String) -> HTTP? {
        let line = event.keyMark?.line ?? 0
        if case .scalar = event.value, let text = scalarString(event.value) {
            // The short form `http: POST /path`.
            let words = text.split(whereSeparator: \.isWhitespace)
            guard words.count == 2, let method = HTTP.Method(rawValue: words[0].lowercased()) else {
                report(ImportCode.unknownEvent, .error,
                       "`http: \(text)` not imported: write `METHOD /path`, such as `http: POST /orders`",
                       path: item, at: event.value.mark)
                return nil
            }
            report(ImportCode.rewritten, .note,
                   "`http: \(text)` is written as a mapping with `path` and `method`", path: event.path, at: event.value.mark)
            return HTTP(method, String(words[1]), file: file, line: line)
        }
        guard let settings = entries(event.value, path: event.path) else { return nil }
        var method: HTTP.Method?
        var path: String?
        var authorization = HTTP.Authorization.none
        for setting in settings {
            switch setting.key {
            case "authorizer":
                if let read = httpAuthorizer(setting) {
                    if authorization != .none { reportTwoAuthorizations(setting) } else { authorization = read }
                }
            case "private":
                guard case .bool(let isPrivate)? = value(setting.value, path: setting.path) else {
                    report(ImportCode.wrongShape, .error, "`private` must be true or false; it is not imported",
                           path: setting.path, at: setting.value.mark)
                    continue
                }
                if isPrivate {
                    if authorization != .none { reportTwoAuthorizations(setting) } else { authorization = .apiKey }
                }
            case "path":
                path = string(setting)
            case "method":
                guard let text = string(setting) else { continue }
                method = HTTP.Method(rawValue: text.lowercased())
                if method == nil {
                    report(ImportCode.unknownEvent, .error,
                           "method `\(text)` not imported: use one of \(HTTP.Method.allCases.map(\.rawValue).joined(separator: ", "))",
                           path: setting.path, at: setting.value.mark)
                } else if text != text.lowercased() {
                    report(ImportCode.rewritten, .note, "method `\(text)` is written in lower case, `\(text.lowercased())`",
                           path: setting.path, at: setting.value.mark)
                }
            default:
                report(ImportCode.unknownEvent, .error,
                       "`\(setting.key)` of this http event is not imported: Fanout's HTTP has only path, method, authorizer (aws_iam or a Cognito user pool) and private, so the serverless.yml it emits would not have it",
                       path: setting.path, at: setting.keyMark)
            }
        }
        guard let method, let path else {
            report(ImportCode.unknownEvent, .error, "http event not imported: it needs both `path` and `method`",
                   path: item, at: event.keyMark)
            return nil
        }
        return HTTP(method, path, authorization: authorization, file: file, line: line)
    }

    /// `item`: the path of the whole event, which findings that drop it name.
    private func sqs(_ event: Entry, item: String) -> SQS? {
        let line = event.keyMark?.line ?? 0
        if case .scalar = event.value, event.value.tag == nil {
            // The short form `sqs: arn:aws:sqs:…`.
            guard let arn = value(event.value, path: event.path) else { return nil }
            report(ImportCode.rewritten, .note, "`sqs: <arn>` is written as a mapping with `arn`", path: event.path, at: event.value.mark)
            return SQS(arn: arn, file: file, line: line)
        }
        guard let settings = entries(event.value, path: event.path) else { return nil }
        var arn: Value?
        var sqs = SQS(arn: "", file: file, line: line)
        for setting in settings {
            switch setting.key {
            case "arn":
                arn = value(setting.value, path: setting.path)
            case "batchSize":
                sqs.batchSize = int(setting)
            case "maximumBatchingWindow":
                sqs.maximumBatchingWindow = int(setting)
            case "maximumConcurrency":
                sqs.maximumConcurrency = int(setting)
            case "functionResponseType":
                if string(setting) == "ReportBatchItemFailures" {
                    sqs.reportBatchItemFailures = true
                } else {
                    report(ImportCode.unknownEvent, .error,
                           "`functionResponseType` not imported: the only type is `ReportBatchItemFailures`",
                           path: setting.path, at: setting.value.mark)
                }
            default:
                report(ImportCode.unknownEvent, .error,
                       "`\(setting.key)` of this sqs event is not imported: Fanout's SQS has only arn, batchSize, maximumBatchingWindow, maximumConcurrency and functionResponseType, so the serverless.yml it emits would not have it",
                       path: setting.path, at: setting.keyMark)
            }
        }
        guard let arn else {
            report(ImportCode.unknownEvent, .error, "sqs event not imported: it has no `arn`", path: item, at: event.keyMark)
            return nil
        }
        sqs.arn = arn
        return sqs
    }
}
