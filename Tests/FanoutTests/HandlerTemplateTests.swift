import Testing

/// The handler templates under Templates/, run by node's own test runner.
@Suite(.slow, .tags(.oracle)) struct HandlerTemplateTests {
    @Test func handlersPassNodeTests() throws {
        let result = try runProgram("node", ["--test", PackageRoot.path("Tests/Handlers/")])
        #expect(result.status == 0, "node --test:\n\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains("# pass 9"))
        #expect(result.standardOutput.contains("# fail 0"))
    }
}
