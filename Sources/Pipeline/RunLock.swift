import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on an output folder, so two runs on one store cannot interleave (and on a
/// store kept outside it, ``ExternalStore``, which runs with other output folders may share).
///
/// Uses `flock` on `<output>.lock` beside the folder: the kernel releases it when the process
/// ends, so a killed run never leaves a stale lock behind.
public final class RunLock {
    public let path: String
    private let descriptor: Int32

    public struct Busy: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "another consolida run holds \(path); try again when it has finished" }
    }

    /// Takes the lock or throws ``Busy`` at once (never waits).
    public init(outputFolder: String) throws {
        // Beside the folder a link names, so that runs through the link and the folder share it.
        let standardized = OutputFolder.resolved(outputFolder)
        path = standardized.path + ".lock"
        try? FileManager.default.createDirectory(at: standardized.deletingLastPathComponent(),
                                                 withIntermediateDirectories: true)
        descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            close(descriptor)
            throw Busy(path: path)
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
