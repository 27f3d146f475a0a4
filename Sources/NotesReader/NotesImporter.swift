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
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) || data.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            guard kind == nil || kind == .whatsapp else {
                throw NotesError.unsupported(path: path, reason: "a zip can only be a WhatsApp export")
            }
            let chat = try WhatsAppZip.chatText(path: path)
            return whatsapp(chat.data, file: options.displayName ?? path, part: chat.entry, hint: path, options: options)
        }
        return try importData(data, path: path, kind: kind, options: options)
    }

    /// Imports bytes already read; `path` names the file in provenance and gives the chat's name.
    public static func importData(_ data: Data, path: String, kind: NotesKind? = nil,
                                  options: NotesImportOptions = NotesImportOptions()) throws -> NotesImportResult {
        let file = options.displayName ?? path
        // Random bytes, an image or a PDF named .txt would read as a notebook of nothing: refused instead.
        let prefix = Array(data.prefix(64 << 10))
        if let what = prefix.withUnsafeBufferPointer({ BinaryContent.describe($0, wideText: NotesText.isWideText(prefix)) }) {
            throw NotesError.unsupported(path: path, reason: "not a text file: \(what)")
        }
        let k = kind ?? NotesKind.detect(prefix: Array(data.prefix(8192)), path: path)
        if data.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw NotesError.unsupported(path: path, reason: "a zipped export is read from a file: use importFile")
        }
        switch k {
        case .notebook:
            let parsed = NotebookParser(file: file, options: options).parse(lines: NotesText.lines(NotesText.decode(data).text))
            return RecordBuilder(file: file, options: options, customerSuffix: nil, channelFromText: true).build(parsed)
        case .whatsapp:
            return whatsapp(data, file: file, part: nil, hint: path, options: options)
        case .keep:
            let parsed = try KeepReader(file: file, options: options).parse(data)
            return RecordBuilder(file: file, options: options, customerSuffix: nil, channelFromText: true).build(parsed)
        case .enex:
            var result = NotesImportResult(batch: ImportBatch(), mentions: [])
            for note in try EnexReader(file: file, options: options).parse(data) {
                let r = RecordBuilder(file: file, options: options, customerSuffix: nil, channelFromText: true).build(note)
                result.batch.append(r.batch)
                result.mentions += r.mentions
            }
            return result
        }
    }

    private static func whatsapp(_ data: Data, file: String, part: String?, hint: String,
                                 options: NotesImportOptions) -> NotesImportResult {
        let parsed = WhatsAppParser(file: file, options: options, hintName: hint, part: part)
            .parse(lines: NotesText.lines(NotesText.decode(data).text))
        return RecordBuilder(file: file, options: options, customerSuffix: "customer", channelFromText: false).build(parsed)
    }
}
