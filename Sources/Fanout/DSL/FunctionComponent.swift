/// Anything that can stand in a ``Function`` builder: events and ``Environment`` variables.
public protocol FunctionComponent: Sendable {
    /// Adds this component to the function being built.
    func apply(to function: inout Function)
}
