/// A message attribute Fanout cannot read, with what to write instead.
public struct MessageAttributeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
