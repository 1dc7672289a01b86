/// One file of a split: a path relative to the output folder and its text.
public struct SplitFile: Hashable, Sendable {
    /// `root.yaml`, or `stacks/ConsumerStack07.yaml` for a nested template.
    public var path: String
    /// The rendered template, ending in one newline.
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }
}
