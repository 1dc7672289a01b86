/// Settings for compiling a service into raw CloudFormation.
public struct CloudFormationOptions: Hashable, Sendable {
    /// Where the functions' code comes from.
    public enum Code: Hashable, Sendable {
        /// A zip archive in S3, named by the template parameters `ArtifactBucket` and
        /// `ArtifactKey`, so one template deploys any build of the code.
        case parameters
        /// Each function's source inline (`Code.ZipFile`), keyed by function key. Lambda
        /// saves it as `index.js` (or `index.py`), so the handler becomes `index.<export>`.
        /// Only for small Node.js and Python handlers (at most 4,096 bytes each).
        case inline([String: String])
    }

    /// The stage; `nil` uses the service's, or `dev`.
    public var stage: String?
    /// The region `${aws:region}` stands for; `nil` uses the service's, or the region the
    /// stack is deployed to (`AWS::Region`).
    public var region: String?
    public var code: Code
    /// Whether resources carry the reviewed checkov exceptions (``CheckovSkip/table``) as
    /// `Metadata.checkov.skip`, each with its reason. Off, a scanner reports every finding.
    public var scannerSkips: Bool

    public init(stage: String? = nil, region: String? = nil, code: Code = .parameters, scannerSkips: Bool = true) {
        self.stage = stage
        self.region = region
        self.code = code
        self.scannerSkips = scannerSkips
    }

    /// The largest inline `ZipFile` source Lambda accepts, in bytes.
    public static let inlineCodeLimit = 4096
}
