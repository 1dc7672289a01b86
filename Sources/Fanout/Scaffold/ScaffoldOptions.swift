/// What `fanout init` is asked for: the project's name, its consumers, its runtime and where
/// its `Infra` package gets Fanout from.
public struct ScaffoldOptions: Hashable, Sendable {
    /// The service name (the Serverless Framework's rules: `^[a-zA-Z][0-9a-zA-Z-]+$`).
    public var name: String
    /// How many consumers the topic fans out to.
    public var consumers: Int
    /// A Node.js runtime: the handlers are JavaScript.
    public var runtime: Runtime
    public var fanout: FanoutSource

    /// The consumer counts `fanout init` accepts: one at least, and few enough that the stack
    /// stays inside CloudFormation's 500 resources (a consumer makes 10, its two alarms
    /// included).
    public static let consumerRange = 1...40
    /// The oldest Node.js whose Lambda runtime includes the AWS SDK v3 the trigger uses.
    public static let oldestNode = 18

    public init(name: String, consumers: Int = 2, runtime: Runtime = .nodejs24x, fanout: FanoutSource) {
        self.name = name
        self.consumers = consumers
        self.runtime = runtime
        self.fanout = fanout
    }

    /// Every reason these options cannot make a project, each saying what to do; empty when
    /// they can.
    public var problems: [String] {
        var problems: [String] = []
        if !ServiceNameRule.isValid(name) {
            problems.append(
                "the project name '\(name)' is not a service name the Serverless Framework accepts: it must start with a letter and have at least two characters, only letters, digits and hyphens (^[a-zA-Z][0-9a-zA-Z-]+$); try '\(NameCharacters.suggestion(for: name))'")
        }
        if !Self.consumerRange.contains(consumers) {
            problems.append(
                "--consumers \(consumers) is out of range; choose \(Self.consumerRange.lowerBound) to \(Self.consumerRange.upperBound) (add more to Infra/Sources/Infra/Service.swift later if you need them)")
        }
        if Self.nodeVersion(of: runtime).map({ $0 < Self.oldestNode }) ?? true {
            problems.append(
                "the runtime '\(runtime)' cannot run the handlers fanout init writes (JavaScript using the AWS SDK v3, included from nodejs\(Self.oldestNode).x on); choose one such as \(Runtime.nodejs24x)")
        }
        // A new project does not start on a runtime AWS has deprecated (judged by the lifecycle
        // data Fanout ships, not by the clock, so the same options always give the same answer).
        let lifecycle = RuntimeLifecycle.current
        if let entry = lifecycle.entry(for: runtime), entry.deprecated <= lifecycle.asOf {
            problems.append(
                "the runtime '\(runtime)' was deprecated on \(entry.deprecated) (AWS blocks creating functions on it from \(entry.blockCreate)); start on \(entry.successor ?? .nodejs24x)")
        }
        if let problem = fanout.problem { problems.append(problem) }
        return problems
    }

    /// `24` for `nodejs24.x`; `nil` for a runtime that is not Node.js.
    static func nodeVersion(of runtime: Runtime) -> Int? {
        let raw = runtime.rawValue
        guard raw.hasPrefix("nodejs"), raw.hasSuffix(".x") else { return nil }
        let digits = raw.dropFirst("nodejs".count).dropLast(".x".count)
        guard !digits.isEmpty, digits.count < 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }
}
