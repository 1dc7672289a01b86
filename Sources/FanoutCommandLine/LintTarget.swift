import ArgumentParser

/// The `--target` values of `lint`.
enum LintTarget: String, CaseIterable, ExpressibleByArgument {
    case cloudformation, serverless
}
