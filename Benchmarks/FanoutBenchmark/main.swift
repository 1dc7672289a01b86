// Times Fanout on fan-outs of growing size (see BENCHMARKS.md). From the repository's root:
//
//     swift run -c release --package-path Benchmarks fanout-benchmark [--sizes 10,100,1000,10000]
//         [--runs 5] [--rules] [--cpu]
//
// For each size: every stage on its own (build the model, bind, translate, validate, render
// the CloudFormation YAML, the JSON and serverless.yml), libyaml's own emission of the same
// YAML events (the floor, with the ratio beside the figure), and the whole job in a child
// process (validate, then the three files written) with its wall time and peak memory.
// `--rules` adds each rule alone at 100 and 1,000 consumers, to show one that grows faster
// than the service. Figures are medians.
import Fanout
import LibYAMLFloor

#if canImport(Glibc)
import Glibc
#endif

/// A fan-out of `consumers` queues with a function each, one role per function.
func service(consumers: Int) -> Service {
    Service("bench", runtime: .nodejs24x, region: "eu-central-1", roles: .perFunction) {
        let topic = Topic("Events", name: "\(Variable.service)-\(Variable.stage)-events")
        topic
        Function("trigger", handler: "src/trigger.handler") {
            HTTP(.post, "/events")
            Publishes(to: topic)
        }
        FanOut(from: topic) {
            for index in 0..<consumers {
                Consumer("consumer\(index)", handler: "src/consumer.handler", batchSize: 10)
            }
        }
    }
}

let day = Day(year: 2026, month: 11, day: 26)
let pipeline = Pipeline(date: day)

func fail(_ message: String) -> Never {
    FileHandleless.standardError(message)
    exit(2)
}

/// Writes to standard error without Foundation.
enum FileHandleless {
    static func standardError(_ message: String) {
        var text = message + "\n"
        text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
    }
}

// MARK: - The whole job, in a child process

/// The process's peak resident memory so far in bytes (`VmHWM`), and with `FANOUT_RSS=1` in
/// the environment, the peak and current figures printed on standard error after `label`
/// (where a job's memory goes, stage by stage).
@discardableResult func residentMemory(_ label: String) -> Int {
    let descriptor = open("/proc/self/status", O_RDONLY)
    guard descriptor >= 0 else { return 0 }
    var buffer = [UInt8](repeating: 0, count: 8192)
    let count = read(descriptor, &buffer, buffer.count)
    close(descriptor)
    let lines = String(decoding: buffer[0..<max(count, 0)], as: UTF8.self).split(separator: "\n")
    if getenv("FANOUT_RSS") != nil {
        let figures = lines.filter { $0.hasPrefix("VmHWM") || $0.hasPrefix("VmRSS") }.map { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().joined(separator: " ") }
        FileHandleless.standardError("\(label): peak \(figures.first ?? "?"), now \(figures.last ?? "?")")
    }
    let peak = lines.first { $0.hasPrefix("VmHWM") }?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return peak * 1024
}

/// `fanout-benchmark job N DIR`: what `fanout check` does for the three files, once: check,
/// bind, translate, validate (once for the three, the rules that read the target once per
/// file, as `Pipeline.emit` does for several outputs), then render and
/// write serverless.yml, cloudformation.yaml and cloudformation.json. Validation's errors
/// (past about 60 consumers, the 500-resource limit) are counted, not obeyed: the job is
/// timed as if they were not there.
///
/// As `Pipeline.emit` does for several outputs (and `fanout check` for its files), each file
/// is rendered on a thread of its own while validation runs (written to its temporary file as
/// soon as it is rendered, its text then freed), and replaced once validation is over: the
/// bytes are the same as rendering them in turn.
func job(consumers: Int, directory: String) throws {
    let built = service(consumers: consumers)
    residentMemory("built")
    guard !pipeline.check(built).contains(where: { $0.severity == .error }) else { fail("the service is too deep to walk") }
    let bound = pipeline.bind(built)
    residentMemory("bound")
    /// Renders a file on a thread of its own and prepares it.
    func rendering(_ name: String, _ render: @escaping @Sendable () throws -> String) -> Rendering {
        Rendering {
            let text = try render()
            residentMemory("rendered \(name)")
            return ([try AtomicFile(preparing: text, for: directory + "/" + name)], text.utf8.count)
        }
    }
    // As Pipeline.emit does: serverless.yml, which needs no template, renders while the
    // template is compiled.
    let serverless = rendering("serverless.yml") { try YAMLRenderer().render(ServerlessTranslator().translate(bound)) }
    let translation = pipeline.translate(bound)
    residentMemory("translated")
    let renderings = [
        serverless,
        rendering("cloudformation.yaml") { try pipeline.render(bound, translation, as: .cloudFormation(.yaml)) },
        rendering("cloudformation.json") { try pipeline.render(bound, translation, as: .cloudFormation(.json)) },
    ]
    // As check validates for its three files: once, with the rules that read the target once
    // per file (the templates' size is measured on the texts, not computed).
    let diagnostics = pipeline.validate(bound, translation, for: [.serverless, .cloudFormation(.yaml), .cloudFormation(.json)])
        .joined()
    residentMemory("validated")
    var largest = 0
    for rendering in renderings {
        let (files, size) = try rendering.join()
        largest = max(largest, size)
        for file in files { try file.commit() }
    }
    // The peak the process itself saw: wait4's ru_maxrss would also count the parent's
    // memory, which a child started with posix_spawn (vfork) inherits as its first peak.
    print(diagnostics.filter { $0.severity == .error }.count, largest, residentMemory("end"))
}

/// The job's rendering on a thread of its own (POSIX, as `Pipeline.emit`'s), joined once.
final class Rendering: @unchecked Sendable {
    typealias Result = Swift.Result<(files: [AtomicFile], largest: Int), any Error>
    private let work: @Sendable () throws -> (files: [AtomicFile], largest: Int)
    private var result: Result?
    private var thread = pthread_t()

    init(_ work: @escaping @Sendable () throws -> (files: [AtomicFile], largest: Int)) {
        self.work = work
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        pthread_attr_setstacksize(&attributes, 16 << 20)
        let context = Unmanaged.passRetained(self).toOpaque()
        guard pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let rendering = Unmanaged<Rendering>.fromOpaque(context).takeRetainedValue()
            rendering.result = Result { try rendering.work() }
            return nil
        }, context) == 0 else { fail("could not start the rendering thread") }
        pthread_attr_destroy(&attributes)
    }

    func join() throws -> (files: [AtomicFile], largest: Int) {
        pthread_join(thread, nil)
        guard let result else { fail("the rendering thread ended without a result") }
        return try result.get()
    }
}

if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "job", let consumers = Int(CommandLine.arguments[2]) {
    do {
        try job(consumers: consumers, directory: CommandLine.arguments[3])
        exit(0)
    } catch {
        fail("job failed: \(error)")
    }
}

// MARK: - Measuring

var sizes = [10, 100, 1_000, 10_000]
var runs = 5
var perRule = false
/// `--cpu`: the stages' thread CPU time instead of wall time, steadier on a busy machine.
var cpuTime = false
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--sizes":
        guard let list = arguments.popFirst().map({ $0.split(separator: ",").compactMap { Int($0) } }), !list.isEmpty
        else { fail("--sizes takes a comma-separated list of consumer counts, such as 10,100,1000") }
        sizes = list
    case "--runs":
        guard let count = arguments.popFirst().flatMap({ Int($0) }), count > 0 else { fail("--runs takes a positive count") }
        runs = count
    case "--rules":
        perRule = true
    case "--cpu":
        cpuTime = true
    case "--":
        continue
    default:
        fail("unknown argument \(argument); use --sizes LIST, --runs N, --rules, --cpu")
    }
}

let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

/// The median of up to `runs` timings of `body` in milliseconds; fewer runs once 20 seconds
/// have gone (a stage that grows with the square of the service would take hours otherwise).
@MainActor func median(_ body: () throws -> Void) rethrows -> Double {
    var samples: [Double] = []
    var spent = 0.0
    while samples.count < runs, spent < 20_000 || samples.isEmpty {
        let sample = cpuTime ? try threadCPUMilliseconds(body) : milliseconds(try clock.measure(body))
        samples.append(sample)
        spent += sample
    }
    return samples.sorted()[samples.count / 2]
}

/// The CPU time this thread spends in `body`, in milliseconds.
func threadCPUMilliseconds(_ body: () throws -> Void) rethrows -> Double {
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) * 1000 + Double(time.tv_nsec) / 1e6
    }
    let start = now()
    try body()
    return now() - start
}

/// The median time of making a value with `make`, and the first value made. Every value is
/// kept until the runs are over: freeing the last one is no part of making the next.
@MainActor func timed<T>(_ make: () throws -> T) rethrows -> (milliseconds: Double, value: T) {
    var made: [T] = []
    let milliseconds = try median { made.append(try make()) }
    return (milliseconds, made[0])
}

/// Milliseconds and libyaml's own time for the same event stream: the median of emitting the
/// events of `text` through libyaml alone (parsed once, not timed).
@MainActor func libyamlFloor(of text: String) -> (milliseconds: Double, events: Int) {
    var text = text
    let parsed = text.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { floor_parse($0.baseAddress, $0.count) }
    }
    guard let stream = parsed else { fail("libyaml could not parse the emitted YAML") }
    defer { floor_free(stream) }
    // The floor must write the very text it is compared with.
    var copy: UnsafeMutablePointer<CChar>?
    let length = floor_emit(stream, &copy)
    guard length >= 0, let copy else { fail("libyaml could not emit the events again") }
    let same = String(decoding: UnsafeBufferPointer(start: UnsafeRawPointer(copy).assumingMemoryBound(to: UInt8.self), count: length), as: UTF8.self) == text
    free(copy)
    guard same else { fail("libyaml re-emits the events as a different text: the floor would not be comparable") }
    return (median { _ = floor_emit(stream, nil) }, floor_event_count(stream))
}

/// The whole job in a child process: wall time from spawn to exit, and the child's peak
/// resident memory in bytes.
@MainActor func runJob(consumers: Int, directory: String) -> (milliseconds: Double, peak: Int, largest: Int) {
    var samples: [(Double, Int)] = []
    var largest = 0
    var spent = 0.0
    while samples.count < runs, spent < 20_000 || samples.isEmpty {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { fail("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let words: [String] = ["/proc/self/exe", "job", String(consumers), directory]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = clock.now
        // The child's executable is read before it runs: /proc/self/exe is this program.
        guard let executable = realpath("/proc/self/exe", nil) else { fail("cannot find this program") }
        defer { free(executable) }
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        posix_spawn_file_actions_destroy(&actions)
        close(pipe[1])
        guard spawned == 0 else { fail("could not start the job: error \(spawned)") }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 256)
        while case let count = read(pipe[0], &chunk, chunk.count), count > 0 { output += chunk[0..<count] }
        close(pipe[0])
        var status: Int32 = 0
        var usage = rusage()
        guard wait4(pid, &status, 0, &usage) == pid else { fail("wait4 failed") }
        let elapsed = milliseconds(clock.now - start)
        guard status == 0 else { fail("the job failed with status \(status)") }
        let fields = String(decoding: output, as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
        largest = fields.count == 3 ? Int(fields[1]) ?? 0 : 0
        let peak = fields.count == 3 ? Int(fields[2]) ?? 0 : 0
        let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000
        samples.append((cpuTime ? cpu : elapsed, peak))
        spent += elapsed
    }
    let sorted = samples.sorted { $0.0 < $1.0 }
    return (sorted[sorted.count / 2].0, samples.map(\.1).max() ?? 0, largest)
}

// MARK: - Report

func format(_ milliseconds: Double?) -> String {
    guard let milliseconds else { return "–" }
    if milliseconds >= 100 { return String(Int(milliseconds.rounded())) }
    let tenths = (milliseconds * 10).rounded() / 10
    return milliseconds >= 10 ? String(tenths) : String((milliseconds * 100).rounded() / 100)
}

func megabytes(_ bytes: Int) -> String {
    String((Double(bytes) / 1_048_576 * 10).rounded() / 10) + " MB"
}

func ratio(_ value: Double) -> String {
    String((value * 10).rounded() / 10) + "×"
}

var rows: [String: [Double]] = [:]
let jobStage = cpuTime ? "job (user + system)" : "job (process wall)"
let stages = ["build", "bind", "translate", "validate", "YAML", "libyaml floor (YAML)", "JSON", "serverless.yml",
              "libyaml floor (serverless.yml)", "emit ×3, each alone", "emit ×3, one pass", jobStage]
@MainActor func record(_ stage: String, _ value: Double) {
    rows[stage, default: []].append(value)
}

let scratch = "/tmp/fanout-benchmark-\(getpid())"
mkdir(scratch, 0o700)
var context: [String] = []
for consumers in sizes {
    FileHandleless.standardError("measuring \(consumers) consumers…")
    let (buildTime, built) = timed { service(consumers: consumers) }
    record("build", buildTime)
    let (bindTime, bound) = timed { pipeline.bind(built) }
    record("bind", bindTime)
    let (translateTime, translation) = timed { pipeline.translate(bound) }
    record("translate", translateTime)
    record("validate", timed { pipeline.validate(bound, translation, for: .cloudFormation(nil)) }.milliseconds)
    let (yamlTime, yaml) = try timed { try pipeline.render(bound, translation, as: .cloudFormation(.yaml)) }
    record("YAML", yamlTime)
    let yamlFloor = libyamlFloor(of: yaml)
    record("libyaml floor (YAML)", yamlFloor.milliseconds)
    let (jsonTime, json) = try timed { try pipeline.render(bound, translation, as: .cloudFormation(.json)) }
    record("JSON", jsonTime)
    let (serverlessTime, serverless) = try timed { try pipeline.render(bound, translation, as: .serverless) }
    record("serverless.yml", serverlessTime)
    let serverlessFloor = libyamlFloor(of: serverless)
    record("libyaml floor (serverless.yml)", serverlessFloor.milliseconds)
    // The three outputs from the built service, as `check` used to emit them (the pipeline
    // once per output) and as it does now (once for all three, rendered side by side). Past
    // 50 consumers both end in validation's errors, after doing all the work.
    let outputs: [Pipeline.Output] = [.serverless, .cloudFormation(.yaml), .cloudFormation(.json)]
    record("emit ×3, each alone", median { for output in outputs { _ = try? pipeline.emit(built, as: output) } })
    record("emit ×3, one pass", median { _ = pipeline.emit(built, as: outputs) })
    let whole = runJob(consumers: consumers, directory: scratch)
    record(jobStage, whole.milliseconds)
    let resources = translation.template.mapValue?["Resources"]?.mapValue?.count ?? 0
    let yamlRatio = rows["YAML"]!.last! / yamlFloor.milliseconds
    let serverlessRatio = rows["serverless.yml"]!.last! / serverlessFloor.milliseconds
    context.append(
        "| \(consumers) | \(resources) | \(megabytes(yaml.utf8.count)) (\(yamlFloor.events) events) | \(megabytes(json.utf8.count)) | "
            + "\(megabytes(serverless.utf8.count)) | \(ratio(yamlRatio)) | \(ratio(serverlessRatio)) | \(megabytes(whole.peak)) "
            + "(\(ratio(Double(whole.peak) / Double(max(whole.largest, 1)))) the largest output) |")
}
rmdir(scratch)

let header = sizes.map { String($0) }
print((cpuTime ? "CPU milliseconds (the job: user + system)" : "Milliseconds (wall)")
    + ", medians of up to \(runs) runs; growth is the last size's time over the one before it.\n")
print("| stage | " + header.joined(separator: " | ") + " | growth |")
print("| --- |" + String(repeating: " ---: |", count: sizes.count + 1))
for stage in stages {
    let values = rows[stage] ?? []
    let growth = values.count >= 2 ? ratio(values[values.count - 1] / max(values[values.count - 2], 0.001)) : "–"
    print("| \(stage) | " + values.map { format($0) }.joined(separator: " | ") + " | \(growth) |")
}
print("\n| consumers | resources | YAML | JSON | serverless.yml | YAML / libyaml | serverless.yml / libyaml | job's peak memory |")
print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for line in context { print(line) }

// MARK: - Each rule alone

if perRule {
    let ruleSizes = [100, 1_000]
    FileHandleless.standardError("measuring each rule at \(ruleSizes)…")
    let contexts = ruleSizes.map { consumers in
        let bound = pipeline.bind(service(consumers: consumers))
        return ValidationContext(
            service: bound, translation: pipeline.translate(bound), date: day, target: .cloudFormation(nil))
    }
    let timings = pipeline.validator.rules.map { rule in
        (rule.code, contexts.map { context in median { _ = rule.check(context) } })
    }
    print("\n| rule | 100 consumers ms | 1,000 consumers ms | growth |")
    print("| --- | ---: | ---: | ---: |")
    for (code, times) in timings.sorted(by: { $0.1[1] > $1.1[1] }).prefix(15) {
        print("| \(code) | \(format(times[0])) | \(format(times[1])) | \(ratio(times[1] / max(times[0], 0.001))) |")
    }
}
