#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to an open file descriptor with write(2) and reports failures as errors: unlike
/// Foundation's `FileHandle.write(_:)`, which traps when the write fails (a full disk, a
/// closed pipe), it never stops the process.
public enum DescriptorWriter {
    /// Writes all of `text` to `descriptor`, retrying after interruptions and partial writes,
    /// and waiting when the descriptor is non-blocking and full. `name` names the destination
    /// in the error ("standard output", a path).
    public static func write(_ text: String, to descriptor: Int32, name: String) throws(FileWriteError) {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(FileWriteError) in try write(bytes, to: descriptor, name: name) }
        }
        try result.get()
    }

    /// Writes all of `bytes` to `descriptor` (see `write(_:to:name:)`).
    public static func write(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, name: String) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if count > 0 {
                offset += count
                continue
            }
            let code = count == 0 ? EIO : errno
            switch code {
            case EINTR:
                continue
            case EAGAIN, EWOULDBLOCK:
                // Someone made the descriptor non-blocking (a shared terminal or pipe): wait
                // until it takes more instead of failing.
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
            default:
                throw FileWriteError.system(name, code)
            }
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Musl)
private let systemWrite = Musl.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
