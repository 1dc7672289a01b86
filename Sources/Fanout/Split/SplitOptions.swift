/// How `fanout emit cloudformation --split` partitions a template into nested stacks.
///
/// Each consumer goes to the nested stack numbered `hash(its key) mod stackCount`: where a
/// consumer lives follows from its own name and the stack count alone, so adding or removing
/// another consumer never moves it (moving would replace its queue and lose its messages).
/// The stack count is therefore fixed for the life of a service: changing it moves consumers.
public struct SplitOptions: Hashable, Sendable {
    /// The number of nested stacks consumers are hashed into (only those that receive a
    /// consumer are written). 32 holds about 1,000 consumers of eight resources with room to
    /// spare; choose about one stack per 25 expected consumers, once, before the first deploy.
    public static let defaultStackCount = 32
    /// The most nested stacks the root can hold next to its shared resources (500 in all).
    public static let maximumStackCount = 450

    /// How many nested stacks consumers are hashed into, 1 to ``maximumStackCount``.
    public var stackCount: Int
    /// The format every template is written in; it also names the files (`.yaml`, `.json`).
    public var format: TemplateFormat

    public init(stackCount: Int = Self.defaultStackCount, format: TemplateFormat = .yaml) {
        self.stackCount = stackCount
        self.format = format
    }

    /// The root template's file name in the output folder.
    public var rootFileName: String { "root.\(format.rawValue)" }

    /// The folder, relative to the root template, that holds the nested templates.
    public static let nestedFolder = "stacks"
}
