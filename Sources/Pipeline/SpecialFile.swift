import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that are not files of bytes: a named pipe, a socket, a device. Opening a named pipe waits
/// for a writer that may never come, and a device may never end, so a nightly job that met one
/// in its source folder would hang; they are refused as unreadable sources before anything
/// opens them.
public enum SpecialFile {
    /// Why `path` (its link followed) cannot be a source, or `nil` for a regular file, a folder or
    /// a path that does not exist (those are said elsewhere).
    public static func refusal(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG, S_IFDIR: return nil
        case S_IFIFO: return "a named pipe, not a file: sources are read from files"
        case S_IFSOCK: return "a socket, not a file: sources are read from files"
        default: return "a device, not a file: sources are read from files"
        }
    }
}
