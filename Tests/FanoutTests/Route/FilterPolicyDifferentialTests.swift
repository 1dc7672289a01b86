import Fanout
import Foundation
import OrderedCollections
import Testing

/// Fanout's filter-policy evaluator and validator against moto 5.2.1's (an independent
/// implementation) on the generated ``FilterPolicyCorpus``: every verdict agrees, except
/// where ``MotoFilterDifferences`` documents, with the SNS Developer Guide as the authority,
/// that moto answers otherwise. `FANOUT_DIFF_DUMP=path` writes how many disagreements each
/// difference explains, and every unexplained one, to `path` (for updating the list).
@Suite struct FilterPolicyDifferentialTests {
    /// One pair where Fanout and moto differ.
    struct Disagreement: CustomStringConvertible {
        var item: FilterPolicyCorpus.Case
        var message: FilterPolicyCorpus.Message
        var fanout: Bool
        var moto: String

        var description: String {
            "\(item.id) \(item.policy.description) × \(message.id) \(message.body) \(message.attributes.map { "\($0.key)=\($0.value.value):\($0.value.dataType.rawValue)" }): Fanout \(fanout ? "matches" : "does not match"), moto \(moto)"
        }
    }

    /// moto's answers, by case ID: its refusal (or `nil`) and its verdict per message.
    static func motoVerdicts(_ cases: [FilterPolicyCorpus.Case]) throws -> [String: (refused: String?, verdicts: [String: JSONValue])] {
        let result = try Oracles.runWithInput("moto_filter_policy.py", input: FilterPolicyCorpus.json(cases))
        try #require(result.status == 0, "moto_filter_policy.py failed:\n\(result.standardError)")
        var answers: [String: (refused: String?, verdicts: [String: JSONValue])] = [:]
        for line in result.standardOutput.split(separator: "\n") {
            let answer = try JSONReader.read(String(line))
            guard case .object(let fields) = answer, case .string(let id)? = fields["id"],
                  case .object(let verdicts)? = fields["verdicts"]
            else {
                Issue.record("unreadable oracle line: \(line)")
                continue
            }
            let refused: String? = if case .string(let text)? = fields["refused"] { text } else { nil }
            answers[id] = (refused, Dictionary(uniqueKeysWithValues: verdicts.map { ($0.key, $0.value) }))
        }
        return answers
    }

    @Test(.slow, .tags(.oracle)) func evaluatorAgreesWithMoto() throws {
        let cases = FilterPolicyCorpus.cases
        let answers = try Self.motoVerdicts(cases)
        #expect(answers.count == cases.count)
        var pairs = 0
        var unexplained: [Disagreement] = []
        var used: [String: Int] = [:]
        for item in cases {
            guard let answer = answers[item.id], let evaluator = FilterPolicyEvaluator(item.policy, scope: item.scope) else {
                Issue.record("no answer or no evaluator for \(item.id)")
                continue
            }
            for message in FilterPolicyCorpus.messages(for: item.scope) {
                pairs += 1
                let fanout = evaluator.evaluate(body: message.body, attributes: message.attributes) == nil
                let moto = answer.verdicts[message.id]
                if moto == .bool(fanout) { continue }
                let disagreement = Disagreement(item: item, message: message, fanout: fanout, moto: moto?.description ?? "nothing")
                if let difference = MotoFilterDifferences.explaining(disagreement) {
                    used[difference.name, default: 0] += 1
                } else {
                    unexplained.append(disagreement)
                }
            }
        }
        if let dump = ProcessInfo.processInfo.environment["FANOUT_DIFF_DUMP"] {
            let counts = used.sorted { $0.key < $1.key }.map { "explained \($0.value): \($0.key)" }
            try (counts + ["pairs \(pairs)"] + unexplained.map(\.description)).joined(separator: "\n")
                .write(toFile: dump, atomically: true, encoding: .utf8)
        }
        #expect(pairs > 10_000)
        #expect(unexplained.isEmpty, "\(unexplained.count) unexplained disagreements with moto:\n\(unexplained.prefix(80).map(\.description).joined(separator: "\n"))")
        // Every documented difference still happens in the corpus: the list keeps no stale entry.
        for difference in MotoFilterDifferences.matching {
            #expect(used[difference.name, default: 0] > 0, "the documented difference '\(difference.name)' no longer occurs")
        }
    }

    /// The validator: a policy Fanout refuses (an error among FAN207–FAN211) is one moto
    /// refuses, and the reverse, except where ``MotoFilterDifferences/validation`` explains.
    @Test(.slow, .tags(.oracle)) func validatorAgreesWithMoto() throws {
        let cases = FilterPolicyCorpus.cases.filter { FilterPolicyCorpus.value($0.policy) != nil }
        let answers = try Self.motoVerdicts(cases)
        var unexplained: [String] = []
        var used: [String: Int] = [:]
        var refusedByBoth = 0
        for item in cases {
            guard let answer = answers[item.id] else {
                Issue.record("no answer for \(item.id)")
                continue
            }
            let fanout = MotoFilterDifferences.refusedByFanout(item)
            let moto = answer.refused != nil
            if fanout && moto { refusedByBoth += 1 }
            if fanout == moto { continue }
            if let difference = MotoFilterDifferences.validation.first(where: { $0.explains(item, fanout) }) {
                used[difference.name, default: 0] += 1
            } else {
                unexplained.append("\(item.id) \(item.policy.description): Fanout \(fanout ? "refuses" : "accepts"), moto \(answer.refused ?? "accepts")")
            }
        }
        #expect(refusedByBoth >= 10)
        #expect(unexplained.isEmpty, "\(unexplained.count) unexplained validation differences:\n\(unexplained.joined(separator: "\n"))")
        for difference in MotoFilterDifferences.validation {
            #expect(used[difference.name, default: 0] > 0, "the documented difference '\(difference.name)' no longer occurs")
        }
    }
}
