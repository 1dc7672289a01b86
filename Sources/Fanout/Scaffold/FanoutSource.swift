/// Where a scaffolded project's `Infra` package gets Fanout from: the one dependency line of
/// its `Package.swift`.
public enum FanoutSource: Hashable, Sendable {
    /// A checkout on this machine (`.package(name: "Fanout", path:)`). A relative path is
    /// relative to the `Infra` folder, as SwiftPM reads it.
    case path(String)
    /// A hosted copy (`.package(url:from:)`), from this version up to the next major one.
    case url(String, version: String)
    /// A hosted copy followed on a branch (`.package(url:branch:)`), for a repository without
    /// version tags.
    case branch(String, branch: String)

    /// The dependency as `Package.swift` writes it.
    public var dependency: String {
        switch self {
        case .path(let path): ".package(name: \"Fanout\", path: \(Self.literal(path)))"
        case .url(let url, let version): ".package(url: \(Self.literal(url)), from: \(Self.literal(version)))"
        case .branch(let url, let branch): ".package(url: \(Self.literal(url)), branch: \(Self.literal(branch)))"
        }
    }

    /// The name the product references use: the name given to a path dependency, or the
    /// package identity SwiftPM derives from a URL (its last part, without `.git`).
    public var packageName: String {
        switch self {
        case .path: return "Fanout"
        case .url(let url, _), .branch(let url, _):
            var last = url.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? url
            if last.hasSuffix(".git") { last.removeLast(4) }
            return last
        }
    }

    /// Why SwiftPM would refuse this source, or `nil`: an empty path or URL, or a version
    /// that is not `MAJOR.MINOR.PATCH` (SwiftPM's `from:` takes a semantic version).
    public var problem: String? {
        switch self {
        case .path(let path) where path.isEmpty:
            return "the Fanout path is empty; pass --fanout-path with the folder of a Fanout checkout"
        case .url(let url, _) where url.isEmpty || packageName.isEmpty,
             .branch(let url, _) where url.isEmpty || packageName.isEmpty:
            return "the Fanout URL '\(url)' names no repository; pass --fanout-url with the URL of a Fanout repository"
        case .url(_, let version) where !Self.isSemanticVersion(version):
            return "the Fanout version '\(version)' is not a semantic version; pass --fanout-version as MAJOR.MINOR.PATCH, for example 1.0.0"
        case .branch(_, let branch) where branch.isEmpty:
            return "the Fanout branch is empty; pass --fanout-branch with a branch of the Fanout repository, for example main"
        default:
            return nil
        }
    }

    /// `1.2.3`, optionally with `-prerelease` and `+build` parts.
    static func isSemanticVersion(_ version: String) -> Bool {
        let core = version.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        return numbers.count == 3 && numbers.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }

    /// `text` as a Swift string literal.
    static func literal(_ text: String) -> String {
        SwiftCode.string(text)
    }
}
