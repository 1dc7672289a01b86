/// FAN020: a service name the Serverless Framework refuses. Its configuration schema requires
/// `^[a-zA-Z][0-9a-zA-Z-]+$` (a letter, then at least one letter, digit or hyphen); the name
/// also begins the stack name, which CloudFormation restricts to `[a-zA-Z][-a-zA-Z0-9]*`.
public struct ServiceNameRule: Rule {
    public let code = "FAN020"
    public let summary = "The service name is a letter followed by letters, digits and hyphens"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        let name = context.service.name
        guard !Self.isValid(name) else { return [] }
        let problem = switch name {
        case "": "is empty"
        case _ where !(name.first?.isASCIILetter ?? false): "does not start with a letter"
        case _ where name.count < 2: "has one character (the Serverless Framework requires two or more)"
        default: "contains \(NameCharacters.invalid(in: name, allowed: NameCharacters.isAlphanumericOrHyphen))"
        }
        return [diagnostic(
            .error, "the service name '\(name)' \(problem); the Serverless Framework requires ^[a-zA-Z][0-9a-zA-Z-]+$ and it begins the stack name <service>-<stage>; rename it, for example '\(NameCharacters.suggestion(for: name))'",
            path: "service", at: context.service.location)]
    }

    static func isValid(_ name: String) -> Bool {
        name.count >= 2 && (name.first?.isASCIILetter ?? false) && name.allSatisfy(NameCharacters.isAlphanumericOrHyphen)
    }
}

/// Character classes of the names Serverless and CloudFormation accept, and messages about them.
enum NameCharacters {
    static func isAlphanumericOrHyphen(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-")
    }

    /// The characters of `name` that `allowed` refuses, quoted, in order of appearance.
    static func invalid(in name: String, allowed: (Character) -> Bool) -> String {
        var seen: [Character] = []
        for character in name where !allowed(character) && !seen.contains(character) {
            seen.append(character)
        }
        return seen.map { "'\($0)'" }.joined(separator: ", ")
    }

    /// `name` with each refused character replaced by a hyphen, starting with a letter.
    static func suggestion(for name: String) -> String {
        let replaced = String(name.map { isAlphanumericOrHyphen($0) ? $0 : "-" })
        let trimmed = replaced.drop { !$0.isASCIILetter }
        return trimmed.count >= 2 ? String(trimmed) : "my-service"
    }
}

fileprivate extension Character {
    /// `a`–`z`, `A`–`Z`.
    var isASCIILetter: Bool { isASCII && isLetter }
}
