import CSVReader
import Foundation
import NotesReader
import Tabular

/// What a file is, decided from its first bytes and its name, never from the name alone.
public enum SourceFormat: String, Sendable, CaseIterable {
    case csv, xlsx, notebook, whatsapp, enex, keep

    /// The format a source is read as: the configured kind when given, else detected.
    public static func detect(path: String, forced: SourceKind = .auto) -> SourceFormat {
        if let kind = SourceFormat(rawValue: forced.rawValue) { return kind }
        let prefix = readPrefix(path)
        let lower = path.lowercased()
        let zip: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0]
        if prefix.starts(with: zip) {
            // A zip is a workbook unless it is named as an archive (a zipped WhatsApp export).
            return lower.hasSuffix(".zip") ? .whatsapp : .xlsx
        }
        // Legacy .xls and password-protected workbooks: the XLSX reader rejects them with a clear message.
        if prefix.starts(with: ole) { return .xlsx }
        if workbookExtensions.contains(where: lower.hasSuffix) {
            // A CSV export saved under a workbook's name (a common rename) is read as what it is.
            return looksTabular(prefix) ? .csv : .xlsx
        }
        if [".csv", ".tsv", ".tab", ".psv"].contains(where: lower.hasSuffix) { return .csv }
        switch NotesKind.detect(prefix: prefix, path: path) {
        case .whatsapp: return .whatsapp
        case .enex: return .enex
        case .keep: return .keep
        case .notebook:
            // Plain text: a table when most lines split into the same number of fields.
            return looksTabular(prefix) ? .csv : .notebook
        }
    }

    static let workbookExtensions = [".xlsx", ".xlsm", ".xltx", ".xls", ".xlsb"]

    /// A warning when a file named as a workbook is read as delimited text (``detect(path:forced:)``).
    public static func misnamedWorkbook(path: String, shownAs displayPath: String, format: SourceFormat) -> Diagnostic? {
        guard format == .csv, workbookExtensions.contains(where: path.lowercased().hasSuffix) else { return nil }
        return Diagnostic(.warning, code: "SOURCE-WORKBOOK-NAME-HOLDS-TEXT",
                          "the file is named as a workbook but holds delimited text (a CSV export renamed?): read as CSV",
                          at: SourceLocation(file: displayPath))
    }

    /// Whether a text sample reads as a consistent table of at least two columns.
    public static func looksTabular(_ prefix: [UInt8]) -> Bool {
        guard let file = try? CSVFile.open(bytes: prefix, name: "<sample>") else { return false }
        let scalar = file.detectedDialect.delimiter
        guard scalar != " " else { return false }
        let delimiter = Character(scalar)
        var lines = sampleText(prefix).split(whereSeparator: \.isNewline).prefix(30)
        // A full sample ends inside a line, whose fields are cut short: it is not counted.
        if prefix.count >= sampleSize, lines.count > 2 { lines = lines.dropLast() }
        guard lines.count >= 2 else { return false }
        let counts = lines.map { $0.filter { $0 == delimiter }.count }
        let common = Dictionary(counts.map { ($0, 1) }, uniquingKeysWith: +).max { ($0.value, $0.key) < ($1.value, $1.key) }
        guard let common, common.key >= 1 else { return false }
        return Double(common.value) >= Double(lines.count) * 0.8
    }

    /// The sample as text: UTF-16 by its byte-order mark (Excel's "Unicode text" export is
    /// tab-separated UTF-16LE, which read as UTF-8 has no lines to count), else UTF-8. A sample
    /// cut inside a character only spoils its last line.
    static func sampleText(_ prefix: [UInt8]) -> String {
        func utf16(bigEndian: Bool) -> String {
            var units: [UInt16] = []
            units.reserveCapacity(prefix.count / 2)
            var i = 2
            while i + 1 < prefix.count {
                let first = UInt16(prefix[i]), second = UInt16(prefix[i + 1])
                units.append(bigEndian ? first << 8 | second : second << 8 | first)
                i += 2
            }
            return String(decoding: units, as: UTF16.self)
        }
        if prefix.starts(with: [0xFF, 0xFE]) { return utf16(bigEndian: false) }
        if prefix.starts(with: [0xFE, 0xFF]) { return utf16(bigEndian: true) }
        return String(decoding: prefix, as: UTF8.self)
    }

    /// How much of a file its format is judged by.
    public static let sampleSize = 8192

    /// The first ``sampleSize`` bytes of the file (empty when it cannot be read, or is a named pipe
    /// or a device, which opening would wait on: ``SpecialFile``).
    public static func readPrefix(_ path: String) -> [UInt8] {
        guard SpecialFile.refusal(path) == nil, let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: sampleSize)) ?? Data())
    }
}
