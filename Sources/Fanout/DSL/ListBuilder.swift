/// A result builder that collects the elements of a declarative block in order, with
/// `if`, `if`/`else`, `for` and optional elements.
@resultBuilder
public enum ListBuilder<Element> {
    public static func buildExpression(_ element: Element) -> [Element] { [element] }
    public static func buildBlock(_ parts: [Element]...) -> [Element] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [Element]?) -> [Element] { part ?? [] }
    public static func buildEither(first part: [Element]) -> [Element] { part }
    public static func buildEither(second part: [Element]) -> [Element] { part }
    public static func buildArray(_ parts: [[Element]]) -> [Element] { parts.flatMap { $0 } }
    public static func buildLimitedAvailability(_ part: [Element]) -> [Element] { part }
}

/// Builds the body of a ``Service``.
public typealias ServiceBuilder = ListBuilder<any ServiceComponent>
/// Builds the body of a ``Function``.
public typealias FunctionBuilder = ListBuilder<any FunctionComponent>
/// Builds a list of policy ``Statement``s.
public typealias StatementBuilder = ListBuilder<Statement>
