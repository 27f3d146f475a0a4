/// Why a zip container could not be read or written.
///
/// Every case names the file, and the entry when one is involved, so a message can say exactly
/// where the problem is (the way swift-nio's `IOError` keeps the failing call with its errno).
public enum ZipError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The operating system refused an operation (`call` is `open`, `pread`, `rename`…).
    case io(path: String, call: String, errno: Int32)
    /// The file is not a zip archive at all; `found` describes what it starts with.
    case notAZip(path: String, found: String)
    /// The file is an OLE2 compound file (CFB), not a zip.
    case compoundFile(path: String, kind: CompoundFileKind)
    /// The archive ends early or its directory points past the end of the file.
    case truncated(path: String, detail: String)
    /// A structure inside the archive is inconsistent.
    case corrupt(path: String, entry: String?, detail: String)
    /// The entry uses a compression method other than stored (0) or deflate (8).
    case unsupportedCompression(path: String, entry: String, method: UInt16)
    /// The entry is encrypted with zip's own (legacy or AES) encryption.
    case encryptedEntry(path: String, entry: String)
    /// The inflated bytes do not match the CRC-32 the directory records.
    case checksumMismatch(path: String, entry: String, expected: UInt32, found: UInt32)
    /// A zip-bomb guard stopped reading.
    case limitExceeded(path: String, entry: String?, limit: ZipLimits.Kind, value: UInt64, maximum: UInt64)
    /// No entry has that name (compared without case, with `\` read as `/`).
    case entryNotFound(path: String, entry: String)

    public var description: String {
        switch self {
        case .io(let path, let call, let errno):
            return "\(path): \(call) failed (errno \(errno): \(ZipError.errnoText(errno)))"
        case .notAZip(let path, let found):
            return "\(path): not a zip archive (\(found)); an .xlsx file is a zip container"
        case .compoundFile(let path, let kind):
            return "\(path): \(kind.explanation)"
        case .truncated(let path, let detail):
            return "\(path): truncated zip archive (\(detail)); the file was cut short, copy it again"
        case .corrupt(let path, let entry, let detail):
            return "\(path)\(entry.map { " › \($0)" } ?? ""): corrupt zip archive: \(detail)"
        case .unsupportedCompression(let path, let entry, let method):
            return "\(path) › \(entry): unsupported zip compression method \(method) (only stored and deflate)"
        case .encryptedEntry(let path, let entry):
            return "\(path) › \(entry): the zip entry is encrypted; save the file without a password"
        case .checksumMismatch(let path, let entry, let expected, let found):
            return "\(path) › \(entry): CRC-32 mismatch (expected \(hex(expected)), found \(hex(found))); the file is damaged"
        case .limitExceeded(let path, let entry, let limit, let value, let maximum):
            return "\(path)\(entry.map { " › \($0)" } ?? ""): \(limit.rawValue) \(value) exceeds the limit \(maximum) (possible zip bomb)"
        case .entryNotFound(let path, let entry):
            return "\(path): no entry named \(entry)"
        }
    }

    static func errnoText(_ e: Int32) -> String {
        switch e {
        case 2: return "no such file or directory"
        case 13: return "permission denied"
        case 21: return "is a directory"
        case 28: return "no space left on device"
        default: return "see errno(3)"
        }
    }
}

private func hex(_ v: UInt32) -> String {
    let s = String(v, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - s.count)) + s
}

/// What an OLE2 compound file most likely holds, judged from its stream names.
public enum CompoundFileKind: String, Hashable, Sendable {
    /// `EncryptionInfo` + `EncryptedPackage`: an Office Open XML workbook saved with a password.
    case encryptedWorkbook
    /// A `Workbook` or `Book` stream: a legacy Excel 97–2003 `.xls` (BIFF) workbook.
    case legacyExcel
    /// Some other compound file (Word, an unknown stream layout).
    case unknown

    public var explanation: String {
        switch self {
        case .encryptedWorkbook:
            return "password-protected workbook (an encrypted OLE2 container, not a zip); open it in Excel and save it without a password"
        case .legacyExcel:
            return "legacy Excel 97-2003 workbook (.xls, BIFF in an OLE2 container); save it as .xlsx"
        case .unknown:
            return "an OLE2 compound file (a legacy Office document or a password-protected workbook), not a zip; save it as .xlsx without a password"
        }
    }
}
