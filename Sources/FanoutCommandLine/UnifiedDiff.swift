/// A unified diff of two texts, as `diff -u` prints it: `---`/`+++` headers, then `@@` hunks
/// with `context` unchanged lines around each change. The edit script comes from the standard
/// library's `CollectionDifference` (Myers' algorithm) over the lines.
struct UnifiedDiff {
    /// The name of the old text, after `---`.
    var oldName: String
    /// The name of the new text, after `+++`.
    var newName: String
    /// The unchanged lines shown before and after each change.
    var context = 3

    /// One line of the script: kept (` `), removed (`-`) or inserted (`+`), with the number of
    /// old and new lines before it.
    private struct Edit {
        var mark: Character
        var line: String
        var old: Int
        var new: Int
    }

    /// The diff of `old` to `new`; empty when they are equal.
    func render(_ old: String, _ new: String) -> String {
        guard old != new else { return "" }
        let edits = Self.script(Self.lines(old), Self.lines(new))
        let changes = edits.indices.filter { edits[$0].mark != " " }
        guard let firstChange = changes.first else { return "" }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var hunkStart = firstChange, hunkEnd = firstChange
        for change in changes.dropFirst() + [Int.max] {
            // Changes closer than twice the context share a hunk, as in diff -u.
            if change != Int.max, change - hunkEnd - 1 <= 2 * context {
                hunkEnd = change
                continue
            }
            output += hunk(edits, from: max(0, hunkStart - context), through: min(edits.count - 1, hunkEnd + context))
            hunkStart = change
            hunkEnd = change
        }
        return output
    }

    private func hunk(_ edits: [Edit], from start: Int, through end: Int) -> String {
        let shown = edits[start...end]
        let oldCount = shown.filter { $0.mark != "+" }.count
        let newCount = shown.filter { $0.mark != "-" }.count
        // A range of no lines names the line before it (0 at the start), as diff -u does.
        let oldStart = edits[start].old + (oldCount == 0 ? 0 : 1)
        let newStart = edits[start].new + (newCount == 0 ? 0 : 1)
        var text = "@@ -\(Self.range(oldStart, oldCount)) +\(Self.range(newStart, newCount)) @@\n"
        for edit in shown {
            if edit.line.hasSuffix("\n") {
                text += "\(edit.mark)\(edit.line)"
            } else {
                text += "\(edit.mark)\(edit.line)\n\\ No newline at end of file\n"
            }
        }
        return text
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// The lines of `text`, each with its line feed; the last lacks one when the text does.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if let last = lines.popLast(), last != "\n" {
            lines.append(String(last.dropLast()))
        }
        return lines
    }

    /// Beyond this many differing lines (both sides together, after the common first and last
    /// lines), the middle is shown as removed and inserted whole: the standard library's
    /// difference keeps memory that grows with the square of the edit distance.
    static let exactDiffLimit = 20_000

    /// Every line of both texts in order: removals before insertions within a change.
    private static func script(_ old: [String], _ new: [String]) -> [Edit] {
        // Lines equal at both ends are never part of a change; only the middle is compared.
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
              old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let oldMiddle = old[prefix..<(old.count - suffix)], newMiddle = new[prefix..<(new.count - suffix)]
        var removed = Set<Int>(), inserted = Set<Int>()
        if oldMiddle.count + newMiddle.count > exactDiffLimit {
            removed = Set(oldMiddle.indices)
            inserted = Set(newMiddle.indices)
        } else {
            for change in Array(newMiddle).difference(from: Array(oldMiddle)) {
                switch change {
                case .remove(let offset, _, _): removed.insert(prefix + offset)
                case .insert(let offset, _, _): inserted.insert(prefix + offset)
                }
            }
        }
        var edits: [Edit] = []
        var i = 0, j = 0
        while i < old.count || j < new.count {
            if i < old.count, removed.contains(i) {
                edits.append(Edit(mark: "-", line: old[i], old: i, new: j))
                i += 1
            } else if j < new.count, inserted.contains(j) {
                edits.append(Edit(mark: "+", line: new[j], old: i, new: j))
                j += 1
            } else if i < old.count, j < new.count {
                edits.append(Edit(mark: " ", line: old[i], old: i, new: j))
                i += 1
                j += 1
            } else {
                break  // unreachable for a consistent difference; never loop forever
            }
        }
        return edits
    }
}
