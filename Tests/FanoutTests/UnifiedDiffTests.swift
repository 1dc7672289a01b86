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
}
