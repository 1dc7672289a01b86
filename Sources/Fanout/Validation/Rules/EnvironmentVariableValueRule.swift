import OrderedCollections

/// FAN011: environment values that are not strings. Lambda stores strings only: a list, a map
/// or an intrinsic that yields a list is refused; a number or a boolean is turned into its
/// text by CloudFormation, which is rarely what was meant to be compared in code.
public struct EnvironmentVariableValueRule: Rule {
    public let code = "FAN011"
    public let summary = "Environment variable values are strings"
    public init() {}
    public var readsTarget: Bool { false }

    /// Intrinsics that yield a list, never a string.
    static let listFunctions: Set<String> = ["Fn::GetAZs", "Fn::Split", "Fn::Cidr"]

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for function in context.service.functions {
            for (name, value) in function.environment {
                let location = function.environmentLocations[name] ?? function.location
                let path = context.path(function) + ".environment.\(name)"
                let what = "\(function.key)'s environment variable \(name)"
                switch value {
                case .int(let number):
                    found.append(diagnostic(
                        .warning, "\(what) is the number \(number); Lambda keeps environment values as strings: write \"\(number)\"",
                        path: path, at: location))
                case .bool(let flag):
                    found.append(diagnostic(
                        .warning, "\(what) is the boolean \(flag); Lambda keeps environment values as strings: write \"\(flag)\"",
                        path: path, at: location))
                case _ where Self.yieldsList(value):
                    found.append(diagnostic(
                        .error, "\(what) is a list; Lambda accepts only string values. Join it into one string (.join(\",\", …))",
                        path: path, at: location))
                case .map(let map) where !Self.isLongFormIntrinsic(map):
                    found.append(diagnostic(
                        .error, "\(what) is a map; Lambda accepts only string values. Encode it as one string, such as JSON text",
                        path: path, at: location))
                default:
                    break
                }
            }
        }
        return found
    }

    /// A list, or an intrinsic that yields one.
    private static func yieldsList(_ value: Value) -> Bool {
        switch value {
        case .list: true
        case .function(let name, _): listFunctions.contains(name)
        default: false
        }
    }

    /// `{"Ref": …}` or `{"Fn::…": …}`, an intrinsic written as a map.
    private static func isLongFormIntrinsic(_ map: OrderedDictionary<String, Value>) -> Bool {
        map.count == 1 && map.keys.allSatisfy { $0 == "Ref" || $0.hasPrefix("Fn::") }
    }
}
