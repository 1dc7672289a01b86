/// Bytes appended to memory: either a buffer of a known size that it fills (and never writes
/// past: a byte beyond it only marks ``overflowed``), or memory of its own that grows.
///
/// `JSONRenderer` writes the text into a string's own storage through it, so a template is
/// not held twice (an array, then its copy in a string) and no buffer grows by doubling.
struct ByteWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The bytes written so far.
    private(set) var count = 0
    /// Whether a fixed buffer was too small for what was appended (the rest was dropped).
    private(set) var overflowed = false
    /// Whether the memory is the writer's own, freed with it.
    private let owned: Bool
    /// Whether the memory grows as needed (only the writer's own).
    private let growable: Bool

    /// Writes into `buffer`, which stays the caller's.
    init(into buffer: UnsafeMutableBufferPointer<UInt8>) {
        // An empty buffer may have no address: a one-byte stand-in that is never written.
        base = buffer.baseAddress ?? .allocate(capacity: 1)
        capacity = buffer.baseAddress == nil ? 0 : buffer.count
        owned = buffer.baseAddress == nil
        growable = false
    }

    /// Writes into memory of its own, `capacity` bytes to start with.
    init(growingFrom capacity: Int) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        owned = true
        growable = true
    }

    deinit {
        if owned { base.deallocate() }
    }

    /// The bytes written, as a string (with invalid UTF-8 repaired, as `String(decoding:)` does).
    func string() -> String {
        String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self)
    }

    mutating func append(_ byte: UInt8) {
        guard count < capacity || makeRoom(for: 1) else { return }
        base[count] = byte
        count += 1
    }

    mutating func append(repeating byte: UInt8, count repeated: Int) {
        guard repeated > 0, count + repeated <= capacity || makeRoom(for: repeated) else { return }
        (base + count).update(repeating: byte, count: repeated)
        count += repeated
    }

    /// Appends `text`'s UTF-8 bytes.
    mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in append(bytes) }
        guard copied == nil else { return }
        // A string not stored as contiguous UTF-8 (bridged): byte by byte.
        for byte in text.utf8 { append(byte) }
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty,
              count + bytes.count <= capacity || makeRoom(for: bytes.count) else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Makes room for `extra` more bytes where the memory grows; otherwise marks the overflow.
    private mutating func makeRoom(for extra: Int) -> Bool {
        guard growable else {
            overflowed = true
            return false
        }
        let grown = max(capacity * 2, count + extra)
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        memory.moveInitialize(from: base, count: count)
        base.deallocate()
        base = memory
        capacity = grown
        return true
    }
}
