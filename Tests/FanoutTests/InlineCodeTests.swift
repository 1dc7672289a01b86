import Fanout
import FanoutExamples
import Foundation
import Testing

/// Reading handler sources for `--inline-code`: imports of other project files are refused
/// (comments and strings that mention files are not imports), and files over Lambda's inline
/// limit are refused without being read whole.
@Suite struct InlineCodeTests {
    let directory: String

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("fanout-inline-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    /// Reads the handler `index.handler` of a one-function service with `source` as index.js
    /// (or index.py), and returns the error message, or nil when it was accepted.
    func refusal(_ source: String, python: Bool = false) throws -> String? {
        let file = directory + (python ? "/index.py" : "/index.js")
        try source.write(toFile: file, atomically: false, encoding: .utf8)
        let service = Service("svc", runtime: python ? .python313 : .nodejs24x) { Function("f", handler: "index.handler") }
        do {
            let sources = try InlineCode.sources(for: service, in: directory)
            #expect(sources == ["f": source])
            return nil
        } catch {
            #expect(error.diagnostics.count == 1)
            return error.diagnostics.first?.message
        }
    }

    @Test func handlersThatImportOtherFilesCannotBeInlined() throws {
        #expect {
            try InlineCode.sources(for: Examples.production, in: PackageRoot.path("Templates/production"))
        } throws: { error in
            (error as? ValidationFailure)?.errors.first?.message.hasPrefix(
                PackageRoot.path("Templates/production") + "/src/processorOne.js:2: `require('./lib/batch')` loads another file of the project") == true
        }
    }

    /// Every handler that cannot be inlined is a FAN006 diagnostic at its function, not only
    /// the first, so `lint --format json` and SARIF can carry them.
    @Test func everyRefusalIsADiagnostic() throws {
        try "const x = require('./x');".write(toFile: directory + "/importing.js", atomically: false, encoding: .utf8)
        try "exports.handler = async () => {};".write(toFile: directory + "/fine.js", atomically: false, encoding: .utf8)
        let line = #line + 2
        let service = Service("svc", runtime: .nodejs24x) {
            Function("importing", handler: "importing.handler")
            Function("missing", handler: "missing.handler")
            Function("fine", handler: "fine.handler")
        }
        let (sources, diagnostics) = InlineCode.load(for: service, in: directory)
        #expect(sources.keys.sorted() == ["fine"])
        #expect(diagnostics.map(\.code) == ["FAN006", "FAN006"])
        #expect(diagnostics.map(\.severity) == [.error, .error])
        #expect(diagnostics.map(\.path) == ["functions.importing.handler", "functions.missing.handler"])
        #expect(diagnostics.map { $0.location?.line } == [line, line + 1])
        #expect(diagnostics[0].message.hasPrefix("\(directory)/importing.js:1: `require('./x')` loads another file"))
        #expect(diagnostics[1].message.hasPrefix("cannot read \(directory)/missing.js"))
        #expect { try InlineCode.sources(for: service, in: directory) } throws: { error in
            (error as? ValidationFailure)?.errors.count == 2
        }
        // The twin: every handler inlinable, nothing reported.
        let clean = Service("svc", runtime: .nodejs24x) { Function("fine", handler: "fine.handler") }
        #expect(InlineCode.load(for: clean, in: directory).diagnostics == [])
    }

    @Test func tutorialHandlersAreReadByFunction() throws {
        let sources = try InlineCode.sources(for: Examples.tutorial, in: PackageRoot.path("Templates/tutorial"))
        #expect(sources.keys.sorted() == ["processorOne", "processorTwo", "trigger"])
        #expect(sources["trigger"]?.contains("PublishCommand") == true)
    }

    @Test(arguments: [
        ("const x = require('../x');", "1: `require('../x')`"),
        ("\nconst x = require(\"./x\");", "2: `require('./x')`"),
        ("import a from './x';", "1: `from './x'`"),
        ("import {\n  a,\n  b,\n} from \"../lib/x.js\";", "4: `from '../lib/x.js'`"),
        ("import './setup';", "1: `import './setup'`"),
        ("export * from './x';", "1: `from './x'`"),
        ("const m = await import('./x');", "1: `import('./x')`"),
        ("const m = require( `./x` );", "1: `require('./x')`"),
        ("// a comment\nconst a = 1 / 2; const b = require('./x');", "2: `require('./x')`"),
        ("const r = /['\"]/g; const x = require('./x');", "1: `require('./x')`"),
    ])
    func javaScriptRelativeImportsAreRefused(source: String, expected: String) throws {
        let message = try refusal(source)
        #expect(message?.hasPrefix("\(directory)/index.js:\(expected) loads another file of the project") == true, "\(message ?? "accepted")")
        #expect(message?.hasSuffix("bundle the handler into one file (for example with esbuild --bundle), or deploy the S3 artifact instead (leave out --inline-code)") == true)
    }

    @Test(arguments: [
        "// uses require('./x') in the tests only\nexports.handler = async () => 1;",
        "/* import './x' and\n   require('../y') */\nexports.handler = async () => 1;",
        "const help = \"require('./x')\";\nconst other = 'import(\"./y\")';",
        "const t = `see ${'./x'} and require('./y')`;",
        "const { SNSClient } = require('@aws-sdk/client-sns');\nconst fs = require('node:fs');",
        "const b = Buffer.from('./x');\nconst c = Array.from('./y');",
        "const url = 'http://example.com/x'; // require('./x')",
        "const r = /\\/\\/ require('.\\/x')/; exports.handler = r;",
    ])
    func javaScriptMentionsOfFilesAreNoImports(source: String) throws {
        #expect(try refusal(source) == nil)
    }

    @Test(arguments: [
        ("from . import helpers", "1: `from . import`"),
        ("import json\nfrom .lib import x", "2: `from .lib import`"),
        ("from ..pkg.mod import y", "1: `from ..pkg.mod import`"),
        ("import os, helpers as h", "1: `import helpers`"),
        ("from helpers import greet", "1: `from helpers import`"),
        ("import json\nif True: import helpers", "2: `import helpers`"),
    ])
    func pythonImportsOfProjectFilesAreRefused(source: String, expected: String) throws {
        try "def greet(): pass\n".write(toFile: directory + "/helpers.py", atomically: false, encoding: .utf8)
        let message = try refusal(source, python: true)
        #expect(message?.hasPrefix("\(directory)/index.py:\(expected) loads another file of the project") == true, "\(message ?? "accepted")")
        #expect(message?.contains("copy what it needs into this file") == true)
    }

    @Test(arguments: [
        "# from . import helpers\nimport json",
        "'''\nfrom . import helpers\n'''\nimport os",
        "text = \"from .x import y\"\nother = 'import helpers'",
        "try:\n    pass\nexcept ValueError as error:\n    raise RuntimeError() from error",
        "import boto3\nfrom json import dumps",
        "import helpers",  // no helpers.py in this folder
    ])
    func pythonMentionsOfFilesAreNoImports(source: String) throws {
        #expect(try refusal(source, python: true) == nil)
    }

    @Test func theInlineLimitIsEnforcedWithoutReadingTheWholeFile() throws {
        let limit = CloudFormationOptions.inlineCodeLimit
        let atLimit = "//" + String(repeating: "x", count: limit - 3) + "\n"
        #expect(try refusal(atLimit) == nil)
        let over = try refusal(atLimit + "x")
        #expect(over == "\(directory)/index.js, the handler file of function 'f', is \(limit + 1) bytes; Lambda takes at most \(limit) as inline code: deploy the S3 artifact instead (leave out --inline-code)")
        // A 64 MB sparse file is refused by its size, before it is read.
        let path = directory + "/index.js"
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.truncate(atOffset: 64 << 20)
        try handle.close()
        let service = Service("svc", runtime: .nodejs24x) { Function("f", handler: "index.handler") }
        #expect { try InlineCode.sources(for: service, in: directory) } throws: { error in
            (error as? ValidationFailure)?.errors.first?.message.contains("is \(64 << 20) bytes; Lambda takes at most \(limit)") == true
        }
    }

    @Test func aMissingHandlerFileSaysWhereItWasLookedFor() throws {
        let service = Service("svc", runtime: .nodejs24x) { Function("f", handler: "src/missing.handler") }
        #expect { try InlineCode.sources(for: service, in: directory) } throws: { error in
            (error as? ValidationFailure)?.errors.first?.message == "cannot read \(directory)/src/missing.js, the handler file of function 'f': No such file or directory (the handler src/missing.handler is looked up relative to the --inline-code folder)"
        }
    }
}
