/// Why a value cannot become one of the model's types: the message says what stands in the
/// way. Internal to the importer, which turns it into a finding or a fallback.
struct Refusal: Error {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
