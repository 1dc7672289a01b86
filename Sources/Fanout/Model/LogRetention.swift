/// How long CloudWatch Logs keeps a function's log events: only the periods CloudWatch
/// accepts (`RetentionInDays` of `AWS::Logs::LogGroup`, `PutRetentionPolicy`), so a value
/// AWS refuses cannot be written.
///
/// Serverless Framework v3 spells it `logRetentionInDays`, on the provider (every function)
/// and on a function (that function alone); raw CloudFormation sets `RetentionInDays` on the
/// function's log group, as `serverless deploy` compiles it.
public enum LogRetention: Int, CaseIterable, Hashable, Sendable {
    case oneDay = 1
    case threeDays = 3
    case fiveDays = 5
    case oneWeek = 7
    case twoWeeks = 14
    case oneMonth = 30
    case twoMonths = 60
    case threeMonths = 90
    case fourMonths = 120
    case fiveMonths = 150
    case sixMonths = 180
    case oneYear = 365
    case thirteenMonths = 400
    case eighteenMonths = 545
    case twoYears = 731
    case threeYears = 1096
    case fiveYears = 1827
    case sixYears = 2192
    case sevenYears = 2557
    case eightYears = 2922
    case nineYears = 3288
    case tenYears = 3653

    /// The number of days, as the templates write it.
    public var days: Int { rawValue }
}
