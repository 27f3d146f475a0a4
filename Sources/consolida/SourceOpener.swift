import Foundation
import Pipeline
import Tabular

/// Opens a table-shaped file for `import` and `map` with the same reader `consolida run` uses
/// (format by content: `SourceFormat.detect`; readers: `DefaultImporter.openTable`).
enum SourceOpener {
    enum Failure: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)

        var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): cannot read: \(reason)"
            }
        }
    }

    /// Refuses a folder with a sentence that says what to do (a folder opened as a file fails with
    /// an operating-system error number), and a named pipe or a device (``SpecialFile``), which
    /// opening would wait on for ever.
    static func requireFile(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw Failure.unreadable(path: path, reason: "a folder, not a file: give the files in it, or `consolida run \(path)` to read every source in it")
        }
        if let refusal = SpecialFile.refusal(path) { throw Failure.unreadable(path: path, reason: refusal) }
    }

    /// Opens `path` as a table; `format` defaults to what its content says (zip → XLSX, else CSV).
    static func open(_ path: String, format: SourceFormat? = nil) throws -> any TabularSource {
        try requireFile(path)
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw Failure.unreadable(path: path, reason: "no such file or not readable")
        }
        // As `import` and `run` say it: an empty file is a source that cannot be read.
        if (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue == 0 {
            throw DefaultImporter.EmptySource(path: path)
        }
        let detected = format ?? SourceFormat.detect(path: path)
        do {
            return try DefaultImporter.openTable(path, format: detected == .xlsx ? .xlsx : .csv)
        } catch {
            throw Failure.unreadable(path: path, reason: "\(error)")
        }
    }
}
