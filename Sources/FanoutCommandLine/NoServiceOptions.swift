import ArgumentParser

/// No options: the ``FanoutCommand/ServiceOptions`` of a program with a single service.
public struct NoServiceOptions: ParsableArguments {
    public init() {}
}
