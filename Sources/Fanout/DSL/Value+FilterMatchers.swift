extension Value {
    /// A filter matcher: strings that start with `prefix`.
    public static func prefix(_ prefix: String) -> Value { ["prefix": .string(prefix)] }
    /// A filter matcher: strings that end with `suffix`.
    public static func suffix(_ suffix: String) -> Value { ["suffix": .string(suffix)] }
    /// A filter matcher: anything except these values.
    public static func anythingBut(_ values: [Value]) -> Value { ["anything-but": .list(values)] }
    /// A filter matcher: a number compared with `operand` (`"="`, `">"`, `">="`, `"<"`, `"<="`).
    public static func numeric(_ comparison: String, _ operand: Int) -> Value {
        ["numeric": [.string(comparison), .int(operand)]]
    }
    /// A filter matcher: the key is present (`true`) or absent (`false`).
    public static func exists(_ present: Bool) -> Value { ["exists": .bool(present)] }
}
