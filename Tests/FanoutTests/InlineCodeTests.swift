import Fanout
import Testing

@Suite struct InlineCodeTests {
    @Test func handlersThatImportOtherFilesCannotBeInlined() throws {
        #expect {
            try InlineCode.sources(for: Examples.production, in: PackageRoot.path("Templates/production"))
        } throws: { error in
            (error as? TranslationError)?.message.contains("inline code must be one self-contained file") == true
        }
    }

    @Test func tutorialHandlersAreReadByFunction() throws {
        let sources = try InlineCode.sources(for: Examples.tutorial, in: PackageRoot.path("Templates/tutorial"))
        #expect(sources.keys.sorted() == ["processorOne", "processorTwo", "trigger"])
        #expect(sources["trigger"]?.contains("PublishCommand") == true)
    }
}
