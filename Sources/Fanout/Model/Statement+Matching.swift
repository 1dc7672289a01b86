extension Statement {
    /// Whether the statement allows `action` (`sqs:SendMessage`): by name, by a `service:*`
    /// wildcard or by `*`. IAM action names are case-insensitive.
    public func allows(_ action: String) -> Bool {
        effect == .allow && actions.elements.contains { Self.action($0, matches: action) }
    }

    /// Whether the statement's resources include `resource` exactly, or `*`.
    public func covers(_ resource: Value) -> Bool {
        resources.elements.contains { $0 == resource || $0 == .string("*") }
    }

    /// Whether `pattern` (an action, `service:*`, a prefix such as `kms:GenerateDataKey*`,
    /// or `*`) matches `action`.
    public static func action(_ pattern: String, matches action: String) -> Bool {
        let pattern = pattern.lowercased(), action = action.lowercased()
        if pattern == "*" || pattern == action { return true }
        guard pattern.hasSuffix("*"), pattern.contains(":") else { return false }
        return action.hasPrefix(pattern.dropLast(1))
    }

    /// Whether `sns.amazonaws.com` is (one of) the principal(s).
    public var admitsSNS: Bool {
        switch principal {
        case .service(let services)?: services.elements.contains("sns.amazonaws.com")
        case .everyone?: true
        case .aws(let principals)?: principals.elements.contains(.string("*"))
        case nil: false
        }
    }

    /// Whether the principal is anyone at all.
    public var isPublic: Bool {
        switch principal {
        case .everyone?: true
        case .aws(let principals)?: principals.elements.contains(.string("*"))
        default: false
        }
    }

    /// Whether the statement lets `sns.amazonaws.com` do `action` on behalf of the topic with
    /// ARN `topicARN`: an `aws:SourceArn` condition, if there is one, must admit that topic.
    public func letsSNS(_ action: String, from topicARN: Value) -> Bool {
        admitsSNS && allows(action) && (condition?.admits("aws:SourceArn", topicARN) ?? true)
    }
}
