import Foundation
import Receivables
import Tabular
import XMLStream

/// Reads an Evernote export (`.enex`) with the libxml2 SAX wrapper (no network, no entity
/// loading): every `<note>` is a notebook section whose ENML content becomes text lines.
struct EnexReader {
    var file: String
    var options: NotesImportOptions

    func parse(_ data: Data) throws -> [ParsedNotes] {
        let collector = EnexCollector()
        let parser = XMLPushParser(file: file, part: "enex", handler: collector)
        collector.parser = parser
        // Fed in 64 KiB pieces, as the XLSX reader feeds inflated parts.
        let bytes = [UInt8](data)
        var failure: XMLStreamError?
        var offset = 0
        while offset < bytes.count && failure == nil {
            let end = min(bytes.count, offset + 64 << 10)
            bytes[offset..<end].withUnsafeBytes { raw in
                do { try parser.feed(raw) } catch let e as XMLStreamError { failure = e } catch {}
            }
            offset = end
        }
        if failure == nil {
            do throws(XMLStreamError) { try parser.finish() } catch { failure = error }
        }
        if let failure {
            throw NotesError.cannotRead(path: file, reason: "not a readable Evernote export: \(failure)")
        }
        var out: [ParsedNotes] = []
        for (i, note) in collector.notes.enumerated() {
            let part = "note \(i + 1)"
            let lines = ENMLText.lines(note.content)
            let tags = note.tags.isEmpty ? [] : [SectionField(key: .contact, label: "tags",
                                                              value: note.tags.joined(separator: ", "), line: note.line)]
            var parsed = SingleNoteParser(file: file, options: options, part: part, sectionLocation: (nil, note.line))
                .parse(title: NotesText.clean(note.title), lines: lines,
                       stamp: EnexNote.timestamp(note.updated) ?? EnexNote.timestamp(note.created), extraFields: tags)
            parsed.diagnostics += parser.diagnostics.filter { _ in i == 0 }
            out.append(parsed)
        }
        return out
    }
}

/// Collects notes from SAX events; only the elements Consolida uses are kept.
final class EnexCollector: XMLStreamHandler {
    var notes: [EnexNote] = []
    weak var parser: XMLPushParser?
    private var current: EnexNote?
    private var field: String?
    private var text: [UInt8] = []

    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
        if localName == "note" {
            current = EnexNote(line: parser?.line ?? 0)
        } else if current != nil, localName == "title" || localName == "content" || localName == "created"
                    || localName == "updated" || localName == "tag" {
            field = localName.string
            text.removeAll(keepingCapacity: true)
        }
    }

    func endElement(localName: XMLBytes, namespace: XMLBytes) {
        if localName == "note" {
            if let n = current { notes.append(n) }
            current = nil
        } else if let f = field, localName.string == f {
            let s = String(decoding: text, as: UTF8.self)
            switch f {
            case "title": current?.title = s
            case "content": current?.content = s
            case "created": current?.created = s
            case "updated": current?.updated = s
            case "tag": current?.tags.append(s)
            default: break
            }
            field = nil
        }
    }

    func characters(_ t: XMLBytes) {
        if field != nil { text += t.bytes }
    }
}
