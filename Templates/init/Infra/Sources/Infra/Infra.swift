import Fanout
import FanoutCommandLine

/// The project's command line: `swift run --package-path Infra Infra --help` in the project
/// root lists every command (`emit`, `lint`, `check`, `graph`). The service itself is in
/// Service.swift; the outputs are Fanout's defaults, serverless.yml and cloudformation.yaml in
/// the current directory.
@main
struct Infra: FanoutCommand {}
