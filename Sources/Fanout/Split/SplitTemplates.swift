/// A compiled template split into a root and nested stacks (see ``StackSplitter``).
public struct SplitTemplates: Hashable, Sendable {
    /// The root: the shared resources, one `AWS::CloudFormation::Stack` per nested stack, the
    /// template's parameters and outputs.
    public var root: Value
    /// The nested stacks in stack-number order; only stacks that received a consumer.
    public var nested: [NestedTemplate]
    /// What keeps the split from deploying (a dependency cycle through the root), if anything.
    public var diagnostics: [Diagnostic]
}
