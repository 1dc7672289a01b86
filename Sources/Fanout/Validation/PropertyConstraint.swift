/// What AWS enforces on one property path of a resource type, as its CloudFormation resource
/// provider schema states it. The table of them is generated (see ``AWSConstraints``).
///
/// A path names properties from the resource's `Properties`: `RedrivePolicy.maxReceiveCount`;
/// `Tags[]` is any item of the list `Tags`; `Variables.*` is the value under any key of
/// `Variables` (the keys must match ``keyPattern``); `""` is `Properties` itself.
public struct PropertyConstraint: Hashable, Sendable {
    /// A JSON type a value may have.
    public enum ValueType: String, Hashable, Sendable {
        case string, integer, number, boolean, array, object

        /// The type with its article, for messages: `an integer`, `a list`.
        public var described: String {
            switch self {
            case .string: "a string"
            case .integer: "an integer"
            case .number: "a number"
            case .boolean: "a boolean"
            case .array: "a list"
            case .object: "a map"
            }
        }
    }

    public let path: String
    /// The types the value may have; empty when the schema does not say.
    public let types: [ValueType]
    /// The only values allowed, written as text.
    public let enumeration: [String]?
    /// A regular expression (ECMA/Python syntax) the value must contain a match for.
    public let pattern: String?
    /// Length bounds of a string, in Unicode scalars.
    public let minLength: Int?
    public let maxLength: Int?
    /// Bounds of a number.
    public let minimum: Double?
    public let maximum: Double?
    /// Bounds of a list's item count.
    public let minItems: Int?
    public let maxItems: Int?
    /// The keys a map must have.
    public let required: [String]
    /// Whether a map may hold only the keys the table lists under it (or that match ``keyPattern``).
    public let closed: Bool
    /// The pattern a map's free-form keys must match; their values are described at `path.*`.
    public let keyPattern: String?

    public init(
        _ path: String, _ types: [ValueType], enumeration: [String]? = nil, pattern: String? = nil,
        minLength: Int? = nil, maxLength: Int? = nil, minimum: Double? = nil, maximum: Double? = nil,
        minItems: Int? = nil, maxItems: Int? = nil, required: [String] = [], closed: Bool = false,
        keyPattern: String? = nil
    ) {
        self.path = path
        self.types = types
        self.enumeration = enumeration
        self.pattern = pattern
        self.minLength = minLength
        self.maxLength = maxLength
        self.minimum = minimum
        self.maximum = maximum
        self.minItems = minItems
        self.maxItems = maxItems
        self.required = required
        self.closed = closed
        self.keyPattern = keyPattern
    }
}
