@testable import FanoutCommandLine
import Testing

/// `check`'s unified diff, compared with what `diff -u` prints for the same texts.
@Suite struct UnifiedDiffTests {
    let diff = UnifiedDiff(oldName: "old", newName: "new")

    /// `first`…`count`, one number a line.
    func numbers(_ count: Int, replacing replaced: [Int: String] = [:]) -> String {
        (1...count).map { replaced[$0] ?? "\($0)" }.joined(separator: "\n") + "\n"
    }

    @Test func equalTextsHaveNoDiff() {
        #expect(diff.render("a\nb\n", "a\nb\n") == "")
        #expect(diff.render("", "") == "")
    }

    @Test func oneChangedLineWithThreeLinesOfContext() {
        #expect(diff.render(numbers(10), numbers(10, replacing: [5: "five"])) == """
            --- old
            +++ new
            @@ -2,7 +2,7 @@
             2
             3
             4
            -5
            +five
             6
             7
             8

            """)
    }

    @Test func changesFarApartMakeTwoHunksAndCloseOnesOne() {
        let far = diff.render(numbers(20), numbers(20, replacing: [2: "two", 18: "eighteen"]))
        #expect(far.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"])
        // Six unchanged lines between two changes: one hunk, as diff -u makes it.
        let close = diff.render(numbers(20), numbers(20, replacing: [5: "five", 12: "twelve"]))
        #expect(close.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -2,14 +2,14 @@"])
        let seven = diff.render(numbers(20), numbers(20, replacing: [5: "five", 13: "thirteen"]))
        #expect(seven.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -2,7 +2,7 @@", "@@ -10,7 +10,7 @@"])
    }

    @Test func insertionsAndRemovalsAtTheEdges() {
        #expect(diff.render("", "a\nb\n") == "--- old\n+++ new\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(diff.render("a\n", "") == "--- old\n+++ new\n@@ -1 +0,0 @@\n-a\n")
        #expect(diff.render("b\nc\n", "a\nb\nc\n") == "--- old\n+++ new\n@@ -1,2 +1,3 @@\n+a\n b\n c\n")
        #expect(diff.render("a\nb\n", "a\n") == "--- old\n+++ new\n@@ -1,2 +1 @@\n a\n-b\n")
    }

    @Test func aMissingFinalNewlineIsShown() {
        #expect(diff.render("a\nb", "a\nb\n") == """
            --- old
            +++ new
            @@ -1,2 +1,2 @@
             a
            -b
            \\ No newline at end of file
            +b

            """)
    }

    @Test func linesSplitKeepTheirLineFeeds() {
        #expect(UnifiedDiff.lines("") == [])
        #expect(UnifiedDiff.lines("\n") == ["\n"])
        #expect(UnifiedDiff.lines("a\n\nb") == ["a\n", "\n", "b"])
    }

    /// Past the limit the differing middle is shown whole (removed, then inserted), still
    /// framed by the common lines: a large drift cannot exhaust memory.
    @Test func aDifferenceLargerThanTheLimitIsShownWhole() {
        let count = UnifiedDiff.exactDiffLimit
        let old = "head\n" + (1...count).map { "old \($0)\n" }.joined() + "tail\n"
        let new = "head\n" + (1...count).map { "new \($0)\n" }.joined() + "tail\n"
        let lines = diff.render(old, new).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "@@ -1,\(count + 2) +1,\(count + 2) @@")
        #expect(lines[3] == " head")
        #expect(lines[4] == "-old 1")
        #expect(lines[3 + count] == "-old \(count)")
        #expect(lines[4 + count] == "+new 1")
        #expect(lines[3 + 2 * count] == "+new \(count)")
        #expect(lines[4 + 2 * count] == " tail")
    }

    /// The common first and last lines are left out of the comparison, not of the diff: a
    /// change near the end of a long text still gets its three lines of context.
    @Test func aChangeAfterALongCommonPrefixKeepsItsContext() {
        let old = numbers(50_000), new = numbers(50_000, replacing: [49_998: "changed"])
        #expect(diff.render(old, new).hasSuffix("""
            @@ -49995,6 +49995,6 @@
             49995
             49996
             49997
            -49998
            +changed
             49999
             50000

            """))
    }
}
