/// The diagnostic codes `fanout import` reports (FAN601–FAN619), one place for all of them.
///
/// Errors are content Fanout's model cannot hold: it is left out of the import, and the
/// command refuses to write the Swift unless told to accept the loss. Warnings are content
/// read in a way the author may not expect; notes say where the escape hatch keeps content
/// as written or where it is written in another form.
public enum ImportCode {
    /// A top-level key of serverless.yml Fanout does not model (`custom`, `plugins`, …).
    public static let unknownTopLevelKey = "FAN601"
    /// A `provider` setting Fanout does not model (`environment`, `tags`, …), or a provider
    /// other than `aws`.
    public static let unknownProviderSetting = "FAN602"
    /// A function property Fanout does not model (`layers`, `vpc`, …).
    public static let unknownFunctionProperty = "FAN603"
    /// An event type Fanout does not model (`schedule`, `s3`, …) or an event property.
    public static let unknownEvent = "FAN604"
    /// A `resources` section or resource attribute Fanout does not model (`Conditions`,
    /// `DeletionPolicy`, …), or an output setting.
    public static let unknownResourceContent = "FAN605"
    /// A resource kept through the escape hatch, as a ``CustomResource`` written as given.
    public static let customResource = "FAN606"
    /// A value of the wrong shape: a mapping where a string is needed, a variable where a
    /// number is needed.
    public static let wrongShape = "FAN607"
    /// A tag or intrinsic function that is not CloudFormation's, or is malformed.
    public static let unknownTag = "FAN608"
    /// A plain scalar YAML 1.1 and YAML 1.2 readers read differently (`yes`, `0123`).
    public static let ambiguousScalar = "FAN609"
    /// A floating-point number, which the model keeps as a string.
    public static let floatAsString = "FAN610"
    /// A null value, which is left out.
    public static let nullValue = "FAN611"
    /// A mapping key that is not a string (a number, a boolean, a collection or null).
    public static let nonStringKey = "FAN612"
    /// A YAML merge key (`<<`), expanded in the output.
    public static let mergeKey = "FAN613"
    /// Content written in another, equivalent form (`iamRoleStatements` as
    /// `iam.role.statements`, `http: POST /x` as a mapping).
    public static let rewritten = "FAN614"
    /// The serverless.yml emitted from the import differs from the input here, in a way no
    /// other finding explains.
    public static let roundTripDifference = "FAN615"
    /// Comments, which YAML readers do not keep: the Swift does not have them.
    public static let comments = "FAN616"
}
