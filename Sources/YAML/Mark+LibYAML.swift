internal import CLibYAML

extension Mark {
    /// A 1-based mark from libyaml's 0-based one.
    init(_ mark: yaml_mark_t) {
        self.init(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
