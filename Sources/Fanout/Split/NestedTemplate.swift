/// One nested stack of a split: the root's `AWS::CloudFormation::Stack` resource and the
/// template it deploys.
public struct NestedTemplate: Hashable, Sendable {
    /// The stack resource's logical ID in the root (`ConsumerStack07`).
    public var logicalID: String
    /// Where the template is written, relative to the root template (`stacks/ConsumerStack07.yaml`):
    /// the stack's `TemplateURL`, which `aws cloudformation package` uploads.
    public var path: String
    /// The consumers (function keys) it holds, in template order.
    public var consumers: [String]
    /// The template.
    public var template: Value
}
