/// One file of a scaffolded project.
public struct ScaffoldFile: Hashable, Sendable {
    /// The path inside the project folder, with `/` between folders.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}
