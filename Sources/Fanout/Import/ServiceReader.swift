import OrderedCollections
import YAML

/// Reads a parsed serverless.yml into a ``Service``, recording a finding for everything it
/// leaves out, keeps through the escape hatch, or reads in another form.
///
/// Structure (`service`, `provider`, `functions`, `events`, `resources`) is read from the
/// nodes, so findings point at keys; values (properties, environment, statements) are read
/// into ``Value``s first (``ServiceReader/value(_:path:)``) and typed from there.
final class ServiceReader {
    /// One key of a mapping, read as a string, with where it is.
    struct Entry {
        var key: String
        var keyMark: Mark?
        var value: Node
        /// The dotted path of the value, such as `functions.trigger.events`.
        var path: String
    }

    let file: String
    private let lines: [Substring]
    private(set) var findings: [Diagnostic] = []
    /// The document with merge keys expanded: what the import read.
    private(set) var input: Node = .string("")
    /// While above zero, findings are not recorded (the round-trip check reads values again).
    private var quietDepth = 0

    init(file: String, source: String) {
        self.file = file
        lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    // MARK: - Findings

    func location(_ mark: Mark?) -> SourceLocation? {
        mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    func report(_ code: String, _ severity: Severity, _ message: String, path: String, at mark: Mark?) {
        guard quietDepth == 0 else { return }
        findings.append(Diagnostic(code, severity, message, path: path.isEmpty ? "(document)" : path, at: location(mark)))
    }

    /// Runs `body` without recording findings.
    func quietly<T>(_ body: () -> T) -> T {
        quietDepth += 1
        defer { quietDepth -= 1 }
        return body()
    }

    /// An error that stops the import, in the parser's `file:line:column: error:` form.
    func fatal(_ message: String, at mark: Mark?) -> YAMLError {
        let sourceLine = mark.flatMap { lines.indices.contains($0.line - 1) ? String(lines[$0.line - 1]) : nil }
        return YAMLError(message, mark: mark, path: file, sourceLine: sourceLine)
    }

    /// `a.b` from a path and a key.
    static func join(_ path: String, _ key: String) -> String {
        path.isEmpty ? key : path + "." + key
    }

    // MARK: - The document

    func read(_ root: Node) throws(YAMLError) -> Service {
        input = expandingMerges(root, path: "")
        guard case .mapping = input, let top = entries(input, path: "") else {
            throw fatal(
                "a serverless.yml is a mapping with `service`, `provider` and `functions`; this document is \(Self.describe(input))",
                at: input.mark ?? Mark(line: 1, column: 1))
        }
        var sections: [String: Entry] = [:]
        for entry in top {
            switch entry.key {
            case "service", "provider", "functions", "resources", "plugins", "custom":
                sections[entry.key] = entry
            default:
                report(ImportCode.unknownTopLevelKey, .error,
                       "`\(entry.key)` is not imported: Fanout's model has no place for it, so the serverless.yml it emits would not have it; remove it, or keep this part of the file by hand",
                       path: entry.path, at: entry.keyMark)
            }
        }
        guard let serviceEntry = sections["service"] else {
            throw fatal("no `service:` name; add `service: my-service` at the top", at: input.mark ?? Mark(line: 1, column: 1))
        }
        guard let name = scalarString(serviceEntry.value) else {
            throw fatal("`service` must be the service's name as a string, such as `service: orders`", at: serviceEntry.value.mark)
        }
        guard let providerEntry = sections["provider"] else {
            throw fatal("no `provider:`; add `provider: {name: aws, runtime: nodejs20.x}`", at: input.mark ?? Mark(line: 1, column: 1))
        }
        var provider = try self.provider(providerEntry)
        readStageThrottling(plugins: sections["plugins"], custom: sections["custom"], into: &provider)
        var service = Service(name, runtime: provider.runtime, file: file, line: serviceEntry.value.mark?.line ?? 1) {}
        service.provider = provider
        if let functions = sections["functions"] {
            service.functions = self.functions(functions)
        }
        if let resources = sections["resources"] {
            readResources(resources, into: &service)
        }
        noteComments()
        return service
    }

    /// One note for the file's comments, at the first line that is a comment. (Comments
    /// after a value on its line are not looked for: telling them from a `#` inside a value
    /// takes a YAML scanner, and libyaml does not report comments.)
    private func noteComments() {
        let comments = lines.enumerated().compactMap { index, line -> Mark? in
            guard let hash = line.firstIndex(where: { $0 != " " && $0 != "\t" }), line[hash] == "#" else { return nil }
            return Mark(line: index + 1, column: line.distance(from: line.startIndex, to: hash) + 1)
        }
        guard let first = comments.first else { return }
        report(ImportCode.comments, .note,
               "comments are not carried into the Swift (\(comments.count) comment line\(comments.count == 1 ? "" : "s"), the first here); copy the ones that matter into it as `//` comments",
               path: "", at: first)
    }

    // MARK: - Provider

    private func provider(_ section: Entry) throws(YAMLError) -> Provider {
        guard let settings = entries(section.value, path: section.path) else {
            throw fatal("`provider` must be a mapping with `name: aws` and a `runtime`", at: section.value.mark)
        }
        var runtime: Runtime?
        var provider = Provider(runtime: "")
        for entry in settings {
            switch entry.key {
            case "name":
                if let name = string(entry), name != "aws" {
                    report(ImportCode.unknownProviderSetting, .error,
                           "provider `\(name)` is not imported: Fanout describes AWS services only and writes `name: aws`",
                           path: entry.path, at: entry.value.mark)
                }
            case "runtime":
                if let value = string(entry) { runtime = Runtime(rawValue: value) }
            case "region":
                provider.region = string(entry)
            case "stage":
                provider.stage = string(entry)
            case "memorySize":
                provider.memorySize = int(entry)
            case "timeout":
                provider.timeout = int(entry)
            case "logRetentionInDays":
                provider.logRetentionInDays = logRetention(entry)
            case "iam":
                provider.iamStatements += iamStatements(entry)
            case "apiGateway":
                provider.apiGateway = apiGateway(entry, keeping: provider.apiGateway)
            case "iamRoleStatements":
                report(ImportCode.rewritten, .note,
                       "`iamRoleStatements` is imported as the role's statements and written as `provider.iam.role.statements`, its Serverless Framework v3 spelling",
                       path: entry.path, at: entry.keyMark)
                provider.iamStatements += statements(entry)
            default:
                let advice = entry.key == "environment"
                    ? "set the variables on each function instead (`Environment` in Swift)"
                    : "remove it, or keep this service's serverless.yml by hand"
                report(ImportCode.unknownProviderSetting, .error,
                       "provider setting `\(entry.key)` is not imported: Fanout's provider has only name, runtime, region, stage, memorySize, timeout, logRetentionInDays, apiGateway (apiKeys, usagePlan) and iam.role.statements; \(advice)",
                       path: entry.path, at: entry.keyMark)
            }
        }
        guard let runtime else {
            throw fatal("the provider has no `runtime`; add one, such as `runtime: nodejs20.x`", at: section.keyMark)
        }
        provider.runtime = runtime
        return provider
    }

    /// `iam: {role: {statements: […]}}`: the only part of `iam` the model holds.
    private func iamStatements(_ iam: Entry) -> [Statement] {
        guard let iamEntries = entries(iam.value, path: iam.path) else { return [] }
        var statements: [Statement] = []
        for entry in iamEntries {
            guard entry.key == "role", case .mapping = entry.value else {
                report(ImportCode.unknownProviderSetting, .error,
                       entry.key == "role"
                           ? "`iam.role` naming an existing role is not imported: Fanout's functions use the role it writes, with the statements in `iam.role.statements`"
                           : "`iam.\(entry.key)` is not imported: Fanout's provider holds only the shared role's statements (`iam.role.statements`)",
                       path: entry.path, at: entry.keyMark)
                continue
            }
            guard let roleEntries = entries(entry.value, path: entry.path) else { continue }
            for role in roleEntries {
                if role.key == "statements" {
                    statements += self.statements(role)
                } else {
                    report(ImportCode.unknownProviderSetting, .error,
                           "`iam.role.\(role.key)` is not imported: Fanout's provider holds only the role's `statements`",
                           path: role.path, at: role.keyMark)
                }
            }
        }
        return statements
    }

    /// A list of IAM statements; one Fanout's ``Statement`` cannot hold is an error.
    private func statements(_ entry: Entry) -> [Statement] {
        guard case .sequence(let sequence) = entry.value else {
            report(ImportCode.wrongShape, .error, "`\(entry.key)` must be a list of statements; it is not imported",
                   path: entry.path, at: entry.value.mark)
            return []
        }
        var statements: [Statement] = []
        for (index, item) in sequence.items.enumerated() {
            let path = "\(entry.path)[\(index)]"
            guard let value = value(item, path: path) else { continue }
            do throws(Refusal) {
                var statement = try ModelValues.statement(value)
                statement.location = location(item.mark) ?? statement.location
                statements.append(statement)
            } catch {
                report(ImportCode.wrongShape, .error, "statement not imported: \(error.message)", path: path, at: item.mark)
            }
        }
        return statements
    }
}
