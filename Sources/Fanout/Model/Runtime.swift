/// A Lambda runtime identifier, such as `nodejs24.x`.
public struct Runtime: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let nodejs18x: Runtime = "nodejs18.x"
    public static let nodejs20x: Runtime = "nodejs20.x"
    public static let nodejs22x: Runtime = "nodejs22.x"
    public static let nodejs24x: Runtime = "nodejs24.x"
    public static let python312: Runtime = "python3.12"
    public static let python313: Runtime = "python3.13"
    public static let providedAL2023: Runtime = "provided.al2023"
}
