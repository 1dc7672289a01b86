import OrderedCollections

/// FAN420: literal property values of the compiled template that AWS's resource provider
/// schemas refuse: the wrong type, a value outside an enumeration, a pattern mismatch, a string
/// too long or short, a number out of range, too many or too few items, a missing required
/// property, an unknown property. The constraints are ``AWSConstraints``, generated
/// from the schemas in cfn-lint; values built by intrinsic functions (`Ref`, `GetAtt`, `Sub`,
/// `Join`, `Fn::…`, in short or long form: ``Value/isLongFormIntrinsic``) and unresolved
/// Serverless variables are not judged.
///
/// Where a specific rule already reports a property of the resources Fanout models, with a
/// message that knows the model (names, ranges, runtimes, environments, handlers: see
/// ``coveredElsewhere``), FAN420 leaves that property to it and checks it only on
/// ``CustomResource``s, which no specific rule looks at.
public struct SchemaConstraintRule: Rule {
    public let code = "FAN420"
    public let summary = "Literal property values meet the type, pattern, length and range of AWS's resource schemas"
    public init() {}
    public var readsTarget: Bool { false }

    /// Property paths a specific rule reports for the resources Fanout models, by type.
    public static let coveredElsewhere: [String: Set<String>] = [
        // FAN401 (names), FAN402 (ranges), FAN203 (event source settings), FAN501–503
        // (runtimes: an unknown one is a warning there, as it may be newer than the data),
        // FAN010/FAN011 (environment names and values), FAN012 (handlers), FAN407 (the shared
        // role's name), FAN410 (descriptions).
        "AWS::KMS::Key": ["Description"],
        "AWS::SQS::Queue": ["QueueName", "VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds", "ReceiveMessageWaitTimeSeconds"],
        "AWS::SNS::Topic": ["TopicName"],
        "AWS::Lambda::Function": ["FunctionName", "MemorySize", "Timeout", "Runtime", "Environment.Variables", "Handler", "Description"],
        "AWS::Lambda::EventSourceMapping": ["BatchSize", "MaximumBatchingWindowInSeconds", "ScalingConfig.MaximumConcurrency"],
        "AWS::IAM::Role": ["RoleName", "Description"],
    ]

    /// Property paths whose length a specific rule reports on every resource of the type,
    /// custom ones included: FAN410 measures the `Description` of the types it knows.
    static func lengthCoveredElsewhere(_ type: String) -> Set<String> {
        DescriptionLengthRule.resourceLimits[type] == nil ? [] : ["Description"]
    }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        guard let resources = context.template.mapValue?["Resources"]?.mapValue else { return [] }
        var found: [Diagnostic] = []
        let locations = Locations(context)
        for (logicalID, definition) in resources {
            guard let type = definition.mapValue?["Type"]?.stringValue,
                  let table = AWSConstraints.resources[type] else { continue }
            let declared = context.resource(logicalID)
            var walker = Walker(
                logicalID: logicalID, table: table,
                skipped: declared is CustomResource ? [] : Self.coveredElsewhere[type] ?? [],
                lengthSkipped: Self.lengthCoveredElsewhere(type))
            walker.check(definition.mapValue?["Properties"] ?? .map([:]), at: "", shown: "")
            for finding in walker.findings {
                found.append(diagnostic(
                    .error, finding.message, path: "Resources.\(logicalID).Properties" + finding.path,
                    at: locations.location(of: logicalID, declared: declared)))
            }
        }
        return found
    }

    /// Where to point for a resource: its declaration, the function that generated it, or
    /// the service.
    private struct Locations {
        let context: ValidationContext
        /// The functions by normalized name (the prefix of the logical IDs generated for them).
        let functions: [String: SourceLocation]
        let longestName: Int

        init(_ context: ValidationContext) {
            self.context = context
            var functions: [String: SourceLocation] = [:]
            for function in context.service.functions {
                let name = Naming.normalizedFunctionName(function.key)
                functions[name] = functions[name] ?? function.location  // the first of a duplicate key
            }
            self.functions = functions
            self.longestName = functions.keys.map(\.count).max() ?? 0
        }

        func location(of logicalID: String, declared: (any Resource)?) -> SourceLocation {
            if let declared { return declared.location }
            // The longest normalized function name the ID starts with.
            var length = min(logicalID.count, longestName)
            while length > 0 {
                if let location = functions[String(logicalID.prefix(length))] { return location }
                length -= 1
            }
            return context.service.location
        }
    }

    /// Walks one resource's `Properties` along its table, once.
    private struct Walker {
        struct Finding {
            var path: String
            var message: String
        }

        let logicalID: String
        let table: ResourceConstraints
        let skipped: Set<String>
        /// Paths checked for everything but their length.
        let lengthSkipped: Set<String>
        var findings: [Finding] = []

        init(logicalID: String, table: ResourceConstraints, skipped: Set<String>, lengthSkipped: Set<String>) {
            self.logicalID = logicalID
            self.table = table
            self.skipped = skipped
            self.lengthSkipped = lengthSkipped
        }

        /// Checks `value` at the table path `path`; `shown` is the path with list indices
        /// (`Tags[0].Key`), as messages spell it.
        mutating func check(_ value: Value, at path: String, shown: String) {
            guard !skipped.contains(path), let constraint = table.constraint(at: path) else { return }
            // `["Ref": …]`, `["Fn::If": …]`: resolved when the stack deploys, like `.ref`.
            guard !value.isLongFormIntrinsic else { return }
            let scalar: String?
            switch value {
            case .ref, .getAtt, .sub, .join, .function, .text:
                return
            case .string(let string): scalar = string
            case .int(let int): scalar = String(int)
            case .bool(let bool): scalar = bool ? "true" : "false"
            case .list, .map: scalar = nil
            }
            let what = shown.isEmpty ? "Properties" : shown
            guard Self.hasType(value, constraint.types) else {
                let types = constraint.types.map(\.described).joined(separator: " or ")
                report(shown, "\(what) is \(Self.describe(value)); AWS requires \(types) there: write \(types)")
                return
            }
            if let scalar {
                checkScalar(scalar, value, constraint, what: what, shown: shown, measured: !lengthSkipped.contains(path))
            }
            switch value {
            case .list(let items):
                checkCount(items.count, constraint, what: what, shown: shown)
                for (index, item) in items.enumerated() {
                    check(item, at: path + "[]", shown: "\(shown)[\(index)]")
                }
            case .map(let map):
                checkMap(map, constraint, at: path, what: what, shown: shown)
            default:
                break
            }
        }

        private mutating func checkScalar(
            _ scalar: String, _ value: Value, _ constraint: PropertyConstraint, what: String, shown: String, measured: Bool
        ) {
            // Described only for a report: most values meet their constraints.
            var quoted: String { Self.describe(value) }
            if let allowed = constraint.enumeration, !allowed.contains(scalar) {
                report(shown, "\(what) is \(quoted); AWS accepts only \(allowed.map { "'\($0)'" }.joined(separator: ", ")): use one of them")
            }
            if let pattern = constraint.pattern, AWSConstraints.text(scalar, matches: pattern) == false {
                report(shown, "\(what) is \(quoted), which does not match the pattern AWS requires, \(pattern): change the value so it does")
            }
            // A string has between a quarter of its UTF-8 bytes and all of them as scalars: the
            // byte count settles most lengths without counting the scalars.
            if measured, case .string(let string) = value,
               case let bytes = string.utf8.count,
               bytes > constraint.maxLength ?? .max || (bytes + 3) / 4 < constraint.minLength ?? 0 {
                let length = string.unicodeScalars.count
                if let bound = constraint.minLength, length < bound {
                    report(shown, "\(what) is \(length) characters long; AWS requires at least \(bound): lengthen it")
                }
                if let bound = constraint.maxLength, length > bound {
                    report(shown, "\(what) is \(length) characters long; AWS allows at most \(bound): shorten it")
                }
            }
            let number: Double? = switch value {
            case .int(let int): Double(int)
            case .string(let string) where constraint.types.contains(.integer) || constraint.types.contains(.number):
                Double(string.trimmingWhitespace)
            default: nil
            }
            if let number {
                if let bound = constraint.minimum, number < bound {
                    report(shown, "\(what) is \(scalar); AWS allows \(Self.range(constraint)): raise it")
                }
                if let bound = constraint.maximum, number > bound {
                    report(shown, "\(what) is \(scalar); AWS allows \(Self.range(constraint)): lower it")
                }
            }
        }

        private mutating func checkCount(_ count: Int, _ constraint: PropertyConstraint, what: String, shown: String) {
            if let bound = constraint.minItems, count < bound {
                report(shown, "\(what) has \(count) item\(count == 1 ? "" : "s"); AWS requires at least \(bound): add items")
            }
            if let bound = constraint.maxItems, count > bound {
                report(shown, "\(what) has \(count) items; AWS allows at most \(bound): remove items")
            }
        }

        private mutating func checkMap(
            _ map: OrderedDictionary<String, Value>, _ constraint: PropertyConstraint, at path: String, what: String, shown: String
        ) {
            let prefix = path.isEmpty ? "" : path + "."
            let shownPrefix = shown.isEmpty ? "" : shown + "."
            let missing = constraint.required.filter { map[$0] == nil && !skipped.contains(prefix + $0) }
            if !missing.isEmpty {
                let names = missing.joined(separator: ", ")
                report(shown, "\(what == "Properties" ? "the" : "\(what)'s") required propert\(missing.count == 1 ? "y" : "ies") \(names) \(missing.count == 1 ? "is" : "are") missing: add \(missing.count == 1 ? "it" : "them")")
            }
            let known = table.propertyNames(at: path)
            for (key, child) in map {
                if known.contains(key) {
                    check(child, at: prefix + key, shown: shownPrefix + key)
                } else if table.readOnly.contains(prefix + key) {
                    // AWS ignores a read-only property rather than refusing the deploy (see
                    // cfn-lint's E3040): not this rule's business.
                    continue
                } else if let keyPattern = constraint.keyPattern {
                    if AWSConstraints.text(key, matches: keyPattern) != false {
                        check(child, at: prefix + "*", shown: shownPrefix + key)
                    } else if constraint.closed {
                        report(shownPrefix + key, "\(what) has the key '\(key)', which does not match the pattern AWS requires for its keys, \(keyPattern): rename it")
                    }
                } else if constraint.closed {
                    let hint = known.first { $0.lowercased() == key.lowercased() }.map { " (did you mean \($0)?)" } ?? ""
                    report(shownPrefix + key, "\(table.type) has no property \(shownPrefix + key)\(hint); AWS refuses unknown properties: remove it or correct its name")
                }
            }
        }

        private mutating func report(_ shown: String, _ message: String) {
            findings.append(Finding(path: shown.isEmpty ? "" : "." + shown, message: "\(logicalID) (\(table.type)): " + message))
        }

        /// Whether `value` is one of `types` as CloudFormation reads it: scalars are strings;
        /// numeric strings are numbers; `"true"`/`"false"` are booleans (cfn-lint's rules).
        static func hasType(_ value: Value, _ types: [PropertyConstraint.ValueType]) -> Bool {
            if types.isEmpty { return true }
            return types.contains { type in
                switch (type, value) {
                case (.array, .list), (.object, .map): true
                case (.string, .string), (.string, .int), (.string, .bool): true
                case (.integer, .int), (.number, .int): true
                case (.integer, .string(let string)): Int(string.trimmingWhitespace) != nil
                case (.number, .string(let string)): Double(string.trimmingWhitespace) != nil
                case (.boolean, .bool): true
                case (.boolean, .string(let string)): ["true", "True", "TRUE", "false", "False", "FALSE"].contains(string)
                default: false
                }
            }
        }

        static func describe(_ value: Value) -> String {
            switch value {
            case .string(let string): "'\(string.count > 80 ? string.prefix(77) + "..." : string)' (a string)"
            case .int(let int): "\(int) (an integer)"
            case .bool(let bool): "\(bool) (a boolean)"
            case .list(let items): "a list of \(items.count) item\(items.count == 1 ? "" : "s")"
            case .map: "a map"
            default: "\(value)"
            }
        }

        static func range(_ constraint: PropertyConstraint) -> String {
            func text(_ number: Double) -> String {
                number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : String(number)
            }
            switch (constraint.minimum, constraint.maximum) {
            case let (low?, high?): return "\(text(low))–\(text(high))"
            case let (low?, nil): return "at least \(text(low))"
            case let (nil, high?): return "at most \(text(high))"
            default: return "any number"
            }
        }
    }
}

private extension String {
    /// The string without leading and trailing spaces, tabs and newlines (as Python's `int()` reads it).
    var trimmingWhitespace: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
