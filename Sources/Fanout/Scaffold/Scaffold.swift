/// A new Fanout project as files: a pure function of ``ScaffoldOptions``.
///
/// The project: an `Infra/` Swift package describing the service with ``FanOut`` (a command
/// line from `FanoutCommandLine`), the `serverless.yml` and `cloudformation.yaml` Fanout renders
/// from that same service, a JavaScript handler for the HTTP trigger and one per consumer
/// with their tests (`npm test`), `package.json`, a README, `.gitignore` and a CI workflow.
/// The fixed files come from Templates/init, compiled in (``ScaffoldTemplates``).
public enum Scaffold {
    /// The project's files, in path order. Throws when the options are
    /// invalid or the service they describe does not validate.
    public static func files(for options: ScaffoldOptions) throws(ScaffoldError) -> [ScaffoldFile] {
        let problems = options.problems
        guard problems.isEmpty else { throw .invalidOptions(problems) }
        let description = ScaffoldService(options)
        let consumers = description.consumerNames

        let values: [String: String] = [
            "name": options.name,
            "npmName": options.name.lowercased(),
            "sqsQueues": "\(consumers.count) SQS queue\(consumers.count == 1 ? "" : "s")",
            "consumerFiles": consumers.map { "`src/\($0).js`" }.joined(separator: ", "),
            "consumerList": consumers.map { "'\($0)'" }.joined(separator: ", "),
            "fanoutDependency": options.fanout.dependency,
            "fanoutPackage": options.fanout.packageName,
        ]
        var files: [ScaffoldFile] = []
        for template in ScaffoldTemplates.files where template.path != consumerTemplate {
            files.append(ScaffoldFile(
                path: renamed[template.path] ?? template.path, contents: TemplateText.fill(template.text, with: values)))
        }
        if let consumer = ScaffoldTemplates.files.first(where: { $0.path == consumerTemplate }) {
            for name in consumers {
                files.append(ScaffoldFile(
                    path: "src/\(name).js", contents: TemplateText.fill(consumer.text, with: values.merging(["consumer": name]) { $1 })))
            }
        }
        files.append(ScaffoldFile(path: "Infra/Sources/Infra/Service.swift", contents: description.swiftSource))
        let (serverless, cloudFormation) = try render(description.service)
        files.append(ScaffoldFile(path: "serverless.yml", contents: serverless))
        files.append(ScaffoldFile(path: "cloudformation.yaml", contents: cloudFormation))
        return files.sorted { $0.path < $1.path }
    }

    /// The template each consumer's handler is made from, as `src/<consumer>.js`.
    static let consumerTemplate = "src/consumer.js"

    /// Templates stored under another name: a `.gitignore` inside Templates/ would apply to
    /// this repository.
    static let renamed = ["gitignore": ".gitignore"]

    /// serverless.yml and cloudformation.yaml as the project's `Infra check` renders them:
    /// the default pipeline (no date: a runtime's lifecycle never changes the files).
    static func render(_ service: Service) throws(ScaffoldError) -> (serverless: String, cloudFormation: String) {
        let pipeline = Pipeline()
        do {
            return (try pipeline.emit(service, as: .serverless).text,
                    try pipeline.emit(service, as: .cloudFormation(.yaml)).text)
        } catch {
            // The lines point into Fanout's own source, which says nothing to the user: the
            // code and message alone.
            throw .invalidService(error.errors.map { "  \($0.code): \($0.message)" }.joined(separator: "\n"))
        }
    }
}
