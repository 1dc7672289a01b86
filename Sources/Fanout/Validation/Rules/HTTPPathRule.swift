/// FAN026: an `http` path API Gateway refuses, or that serverless.yml and the raw template
/// would read differently:
/// - a segment with characters outside API Gateway's path parts: letters, digits, `.`, `_`,
///   `-`, `:` and `$` (API Gateway's own message names `a-zA-Z0-9._-`; the AWS CDK found `:`
///   and `$` accepted too), or `{name}` / `{name+}` around such a name;
/// - an empty segment (`/orders//items`): the raw template drops it, serverless.yml keeps it;
/// - a greedy `{name+}` that is not the last segment;
/// - two different path variables at the same place (`/orders/{id}` and `/orders/{orderId}`):
///   API Gateway allows one variable path part per parent.
public struct HTTPPathRule: Rule {
    public let code = "FAN026"
    public let summary = "http paths use API Gateway's path characters, no empty segments, one variable per level"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        // The variable segment first seen under each parent path, with the event declaring it.
        var variables: [String: (segment: String, function: String)] = [:]
        for function in context.service.functions {
            for case .http(let http) in function.events {
                let problems = Self.problems(in: http.path)
                let path = context.path(function) + ".events"
                for problem in problems {
                    found.append(diagnostic(
                        .error, "the http path '\(http.path)' of \(function.key) \(problem)", path: path, at: http.location))
                }
                guard problems.isEmpty else { continue }
                let segments = Self.segments(of: http.path)
                for (index, segment) in segments.enumerated() where segment.hasPrefix("{") {
                    let parent = "/" + segments[..<index].joined(separator: "/")
                    if let other = variables[parent], other.segment != segment {
                        found.append(diagnostic(
                            .error, "the http path '\(http.path)' of \(function.key) has the variable \(segment) under \(parent) where \(other.function) has \(other.segment); API Gateway allows one variable path part per level (\"A sibling of this resource already has a variable path part\"); use one name for both",
                            path: path, at: http.location))
                    } else if variables[parent] == nil {
                        variables[parent] = (segment, function.key)
                    }
                }
            }
        }
        return found
    }

    /// The path's segments, without the leading and trailing slash.
    static func segments(of path: String) -> [String] {
        var trimmed = Substring(path)
        if trimmed.hasPrefix("/") { trimmed = trimmed.dropFirst() }
        if trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return trimmed.isEmpty ? [] : trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    /// What is wrong with `path`, each as the end of a sentence with what to do.
    static func problems(in path: String) -> [String] {
        let segments = segments(of: path)
        var problems: [String] = []
        if segments.contains("") {
            problems.append("has an empty segment ('//'): the raw template drops it while serverless.yml keeps it, and API Gateway refuses an empty path part; remove the extra '/'")
        }
        for (index, segment) in segments.enumerated() where !segment.isEmpty {
            var name = Substring(segment)
            if segment.hasPrefix("{") || segment.hasSuffix("}") {
                guard segment.hasPrefix("{"), segment.hasSuffix("}"), segment.count > 2 else {
                    problems.append("has the segment '\(segment)': a path variable is a whole segment in braces, such as {id}; close or remove the brace")
                    continue
                }
                name = name.dropFirst().dropLast()
                if name.hasSuffix("+") {
                    name = name.dropLast()
                    if index != segments.count - 1 {
                        problems.append("has the greedy variable '\(segment)' before other segments; API Gateway takes {name+} only as the last segment; move it to the end")
                    }
                }
            }
            let invalid = NameCharacters.invalid(in: String(name), allowed: isPathCharacter)
            if name.isEmpty {
                problems.append("has the segment '\(segment)' with no name; write {id} or {proxy+}")
            } else if !invalid.isEmpty {
                problems.append("has the segment '\(segment)' with \(invalid), which API Gateway refuses in a path part (it takes letters, digits, '.', '_', '-', ':' and '$'); replace them, for example with '-'")
            }
        }
        return problems
    }

    private static func isPathCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._-:$".contains(character))
    }
}
