import OrderedCollections

/// Renders diagnostics for people (compiler-style text), for scripts (JSON) and for code
/// scanning (SARIF 2.1.0).
public struct DiagnosticRenderer: Sendable {
    /// An output format for diagnostics.
    public enum Format: String, CaseIterable, Sendable {
        /// `path:line: warning[FAN205]: message`, one per line, then a count.
        case text
        /// A JSON array with one object per diagnostic.
        case json
        /// A SARIF 2.1.0 log, for GitHub code scanning.
        case sarif
    }

    /// Paths inside this folder are written relative to it (usually the current directory).
    public var baseDirectory: String?

    public init(baseDirectory: String? = nil) {
        self.baseDirectory = baseDirectory
    }

    /// `diagnostics` in `format`, in the order given. SARIF describes `rules` (their codes and
    /// summaries) in its tool section; the other formats ignore them.
    public func render(_ diagnostics: [Diagnostic], as format: Format, rules: [any Rule] = Validator.rules) -> String {
        switch format {
        case .text: text(diagnostics)
        // Both documents nest a fixed few levels, far below the renderer's depth limit.
        case .json: (try? JSONRenderer().render(.list(diagnostics.map(json)))) ?? ""
        case .sarif: (try? JSONRenderer().render(sarif(diagnostics, rules: rules))) ?? ""
        }
    }

    /// One diagnostic as a compiler would print it.
    public func line(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location.map { $0.description(relativeTo: baseDirectory) + ": " } ?? ""
        return "\(place)\(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)"
    }

    private func text(_ diagnostics: [Diagnostic]) -> String {
        var output = diagnostics.map { line($0) + "\n" }.joined()
        let counts = Severity.allCases.compactMap { severity -> String? in
            let count = diagnostics.filter { $0.severity == severity }.count
            guard count > 0 else { return nil }
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        output += counts.isEmpty ? "no problems found\n" : counts.joined(separator: ", ") + "\n"
        return output
    }

    private func json(_ diagnostic: Diagnostic) -> Value {
        var map: OrderedDictionary<String, Value> = [
            "code": .string(diagnostic.code),
            "severity": .string(diagnostic.severity.rawValue),
            "message": .string(diagnostic.message),
            "path": .string(diagnostic.path),
        ]
        if let location = diagnostic.location {
            map["file"] = .string(location.path(relativeTo: baseDirectory))
            map["line"] = .int(location.line)
            if let column = location.column { map["column"] = .int(column) }
        }
        return .map(map)
    }

    private func sarif(_ diagnostics: [Diagnostic], rules: [any Rule]) -> Value {
        let results: [Value] = diagnostics.map { diagnostic in
            var physical: OrderedDictionary<String, Value> = [:]
            if let location = diagnostic.location {
                var region: OrderedDictionary<String, Value> = ["startLine": .int(location.line)]
                if let column = location.column { region["startColumn"] = .int(column) }
                physical = [
                    "artifactLocation": ["uri": .string(location.path(relativeTo: baseDirectory))],
                    "region": .map(region),
                ]
            }
            var location: OrderedDictionary<String, Value> = [:]
            if !physical.isEmpty { location["physicalLocation"] = .map(physical) }
            location["logicalLocations"] = [["fullyQualifiedName": .string(diagnostic.path)]]
            return [
                "ruleId": .string(diagnostic.code),
                "level": .string(diagnostic.severity.rawValue),
                "message": ["text": .string(diagnostic.message)],
                "locations": [.map(location)],
            ]
        }
        // The nesting check runs before the rules (see Pipeline.check), but reports like one.
        let descriptors = [(NestingCheck.code, NestingCheck.summary)] + rules.map { ($0.code, $0.summary) }
        let ruleList: [Value] = descriptors.map { code, summary in
            ["id": .string(code), "shortDescription": ["text": .string(summary)]]
        }
        return [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [[
                "tool": ["driver": [
                    "name": "fanout",
                    "rules": .list(ruleList),
                ]],
                "results": .list(results),
            ]],
        ]
    }
}
