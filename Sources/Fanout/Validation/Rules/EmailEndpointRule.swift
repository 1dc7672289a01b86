/// FAN802: an `email` or `email-json` subscription whose endpoint is not an e-mail address.
/// SNS refuses the subscription, so CloudFormation fails the deploy; alarm e-mails
/// (``FanOut/alarms(email:)``) are such subscriptions.
public struct EmailEndpointRule: Rule {
    public let code = "FAN802"
    public let summary = "E-mail subscriptions name an e-mail address"
    public init() {}
    public var readsTarget: Bool { false }

    public func check(_ context: ValidationContext) -> [Diagnostic] {
        context.subscriptions.compactMap { subscription in
            guard [.email, .emailJSON].contains(subscription.deliveryProtocol),
                  case .string(let address) = subscription.endpoint, !Self.looksLikeAnAddress(address)
            else { return nil }
            return diagnostic(
                .error,
                "\(subscription.logicalID) subscribes '\(address)' by e-mail, which is not an e-mail address: SNS refuses it and the deploy fails. Write it as name@domain",
                path: context.path(subscription) + ".Properties.Endpoint", at: subscription.location)
        }
    }

    /// One `@` between a non-empty local part and a domain with a dot, no whitespace.
    public static func looksLikeAnAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let domain = parts[1]
        guard let dot = domain.firstIndex(of: "."), dot != domain.startIndex, domain.last != "." else { return false }
        return true
    }
}
