/// Anything that can stand in a ``Service`` builder: functions, resources, ``IAM`` blocks.
public protocol ServiceComponent: Sendable {
    /// Adds this component to the service being built.
    func apply(to service: inout Service)
}
