import Foundation
import Receivables
import Tabular

/// Imports notes files (collectors' notebooks, WhatsApp chats, Google Keep notes) into contact
/// events, promises to pay and customers, with rejects and line accounting.
public enum NotesImporter {
    /// Reads `path`, detecting its kind from its content unless `kind` is given.
    public static func importFile(path: String, kind: NotesKind? = nil,
                                  options: NotesImportOptions = NotesImportOptions()) throws -> ImportBatch {
        try importFileWithMentions(path: path, kind: kind, options: options).batch
    }

    /// As ``importFile(path:kind:options:)``, plus every extracted fact with its confidence.
    public static func importFileWithMentions(path: String, kind: NotesKind? = nil,
                                              options: NotesImportOptions = NotesImportOptions()) throws -> NotesImportResult {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) }
        catch { throw NotesError.cannotRead(path: path, reason: "\(error.localizedDescription)") }
        return try importData(data, path: path, kind: kind, options: options)
    }

    /// Imports bytes already read; `path` names the file in provenance and gives the chat's name.
    public static func importData(_ data: Data, path: String, kind: NotesKind? = nil,
                                  options: NotesImportOptions = NotesImportOptions()) throws -> NotesImportResult {
        let file = options.displayName ?? path
        let k = kind ?? NotesKind.detect(prefix: Array(data.prefix(8192)), path: path)
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw NotesError.unsupported(path: path, reason: "zipped WhatsApp exports are read once the zip reader is available; unzip and import the .txt")
        }
        switch k {
        case .notebook:
            let parsed = NotebookParser(file: file, options: options).parse(lines: NotesText.lines(NotesText.decode(data).text))
            return RecordBuilder(file: file, options: options, customerSuffix: nil, channelFromText: true).build(parsed)
        case .whatsapp:
            let parsed = WhatsAppParser(file: file, options: options, hintName: path)
                .parse(lines: NotesText.lines(NotesText.decode(data).text))
            return RecordBuilder(file: file, options: options, customerSuffix: "customer", channelFromText: false).build(parsed)
        case .keep:
            let parsed = try KeepReader(file: file, options: options).parse(data)
            return RecordBuilder(file: file, options: options, customerSuffix: nil, channelFromText: true).build(parsed)
        case .enex:
            throw NotesError.unsupported(path: path, reason: "Evernote .enex is read once the XML reader is available")
        }
    }
}
