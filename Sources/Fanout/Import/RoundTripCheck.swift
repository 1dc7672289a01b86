import OrderedCollections
import YAML

/// The import's safety net: translates the imported service back into serverless.yml's value
/// tree and walks it beside the input, reporting (FAN615) every place where the two differ
/// that no other finding explains. Key order and the spelling of intrinsics (`!GetAtt X.Arn`
/// for `Fn::GetAtt: [X, Arn]`) are not differences.
struct RoundTripCheck {
    let reader: ServiceReader

    func differences(between input: Node, and service: Service) -> [Diagnostic] {
        let emitted = ServerlessTranslator().translate(Pipeline().bind(service))
        // Paths already reported as left out or rewritten. Notes about content kept as
        // written do not excuse differences under them.
        let covered = Set(reader.findings.filter {
            $0.code != ImportCode.customResource && $0.code != ImportCode.mergeKey
        }.map(\.path) + (reader.findings.contains { $0.path.hasSuffix("iamRoleStatements") } ? ["provider.iam"] : []))
        var walk = Walk(reader: reader, covered: covered)
        walk.compare(input, emitted, path: "", keyMark: nil)
        return walk.found
    }

    private struct Walk {
        let reader: ServiceReader
        let covered: Set<String>
        var found: [Diagnostic] = []

        func isCovered(_ path: String) -> Bool {
            covered.contains { path == $0 || path.hasPrefix($0 + ".") || path.hasPrefix($0 + "[") }
        }

        /// A difference that loses or changes content is an error (the import is refused
        /// without --allow-loss); one that only adds a default, or drops an empty list or
        /// mapping, is a warning.
        mutating func difference(_ message: String, path: String, at mark: Mark?, _ severity: Severity = .error) {
            found.append(Diagnostic(
                ImportCode.roundTripDifference, severity,
                "\(message); this is a difference between the file and what Fanout emits from the import: check the emitted serverless.yml here",
                path: path.isEmpty ? "(document)" : path, at: reader.location(mark)))
        }

        mutating func compare(_ node: Node, _ emitted: Value?, path: String, keyMark: Mark?) {
            guard !isCovered(path) else { return }
            if case .mapping(let mapping) = node, mapping.tag == nil, !Self.isLongFormIntrinsic(mapping),
               case .map(let out)? = emitted {
                let entries = reader.quietly { reader.entries(node, path: path) } ?? []
                for entry in entries {
                    compare(entry.value, out[entry.key], path: entry.path, keyMark: entry.keyMark)
                }
                for key in out.keys where !entries.contains(where: { $0.key == key }) {
                    let added = ServiceReader.join(path, key)
                    if !isCovered(added) { difference("`\(key)` would be added", path: added, at: node.mark, .warning) }
                }
                return
            }
            // Left out as a whole: each part not already reported is a difference of its own.
            if emitted == nil, case .mapping(let mapping) = node, mapping.tag == nil, !mapping.pairs.isEmpty,
               !Self.isLongFormIntrinsic(mapping) {
                for entry in reader.quietly({ reader.entries(node, path: path) }) ?? [] {
                    compare(entry.value, nil, path: entry.path, keyMark: entry.keyMark)
                }
                return
            }
            if emitted == nil, case .sequence(let sequence) = node, sequence.tag == nil, !sequence.items.isEmpty {
                for (index, item) in sequence.items.enumerated() {
                    compare(item, nil, path: "\(path)[\(index)]", keyMark: nil)
                }
                return
            }
            if case .sequence(let sequence) = node, sequence.tag == nil, case .list(let items)? = emitted {
                let kept = sequence.items.enumerated().filter { !isCovered("\(path)[\($0.offset)]") }
                if kept.count == items.count {
                    for ((index, item), out) in zip(kept, items) {
                        compare(item, out, path: "\(path)[\(index)]", keyMark: nil)
                    }
                    return
                }
            }
            guard let value = reader.quietly({ reader.value(node, path: path) }) else { return }
            guard let emitted else {
                difference("`\(path)` would be left out", path: path, at: keyMark ?? node.mark,
                           Self.isEmptyCollection(node) ? .warning : .error)
                return
            }
            if !ModelValues.sameContent(value, emitted) {
                difference("`\(path)` would be written differently", path: path, at: node.mark)
            }
        }

        /// `[]` or `{}`: leaving it out loses nothing.
        static func isEmptyCollection(_ node: Node) -> Bool {
            switch node {
            case .sequence(let sequence): sequence.items.isEmpty
            case .mapping(let mapping): mapping.pairs.isEmpty
            default: false
            }
        }

        static func isLongFormIntrinsic(_ mapping: Node.Mapping) -> Bool {
            guard mapping.pairs.count == 1, let key = mapping.pairs[0].key.scalarValue else { return false }
            return key == "Ref" || key.hasPrefix("Fn::")
        }
    }
}
