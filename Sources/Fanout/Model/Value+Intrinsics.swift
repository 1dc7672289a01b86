import OrderedCollections

extension Value {
    /// The intrinsic functions CloudFormation knows by their long name (`Condition` is the
    /// condition function of `Fn::And`, `Fn::Or` and `Fn::Not`).
    public static let intrinsicFunctionNames: Set<String> = [
        "Fn::And", "Fn::Base64", "Fn::Cidr", "Fn::Equals", "Fn::FindInMap", "Fn::GetAtt", "Fn::GetAZs",
        "Fn::If", "Fn::ImportValue", "Fn::Join", "Fn::Length", "Fn::Not", "Fn::Or", "Fn::Select",
        "Fn::Split", "Fn::Sub", "Fn::ToJsonString", "Fn::Transform", "Condition", "Ref",
    ]

    /// Whether the value is an intrinsic function written as a map, as JSON spells it:
    /// `["Ref": "Queue"]`, `["Fn::If": […]]`, `["Fn::ImportValue": …]`. CloudFormation
    /// resolves it when the stack deploys, so it is no literal to judge. `Condition` alone
    /// does not count: a one-key map `{"Condition": …}` is as likely a user's own key.
    public var isLongFormIntrinsic: Bool {
        guard case .map(let map) = self, map.count == 1, let key = map.keys.first else { return false }
        return key != "Condition" && Self.intrinsicFunctionNames.contains(key)
    }

    /// Whether CloudFormation computes the value when the stack deploys: any intrinsic
    /// function, short (`.ref`, `.sub`, …) or long form (``isLongFormIntrinsic``).
    public var isIntrinsic: Bool {
        switch self {
        case .ref, .getAtt, .sub, .join, .function: true
        case .map: isLongFormIntrinsic
        case .string, .text, .int, .bool, .list: false
        }
    }

    /// The template and the variables of an `Fn::Sub` written in long form, as a function
    /// (`.function("Fn::Sub", …)`) or a map (`["Fn::Sub": …]`): the argument is the template,
    /// or a list of the template and a map of variables. `nil` for anything else, `.sub`
    /// included (its parts are typed already).
    public var longFormSub: (template: Value, variables: Value?)? {
        let argument: Value
        switch self {
        case .function("Fn::Sub", let value): argument = value
        case .map(let map) where map.count == 1 && map.keys.first == "Fn::Sub":
            guard let value = map.values.first else { return nil }
            argument = value
        default: return nil
        }
        if case .list(let items) = argument, let template = items.first {
            return (template, items.count > 1 ? items[1] : nil)
        }
        return (argument, nil)
    }
}
