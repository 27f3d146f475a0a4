import Foundation
import Receivables
import Tabular

/// Reads one Google Keep note from Takeout (`.json`): the title names the customer, `textContent`
/// (or `listContent`) holds the entries. Dated lines are entries as in a notebook; a note with no
/// dated line is one entry dated by its last edit.
struct KeepReader {
    var file: String
    var options: NotesImportOptions

    func parse(_ data: Data) throws -> ParsedNotes {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw NotesError.notJSON(path: file)
        }
        let title = (object["title"] as? String).map(NotesText.clean)?.trimmingCharacters(in: .whitespacesAndNewlines)
        var lines: [String] = []
        if let text = object["textContent"] as? String { lines = NotesText.lines(text) }
        else if let list = object["listContent"] as? [[String: Any]] {
            lines = list.compactMap { $0["text"] as? String }.flatMap { NotesText.lines($0) }
        }
        let edited = (object["userEditedTimestampUsec"] as? NSNumber)?.int64Value
            ?? (object["createdTimestampUsec"] as? NSNumber)?.int64Value
        let trashed = (object["isTrashed"] as? Bool) ?? false
        let labels = (object["labels"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []

        let part = "textContent"
        if trashed && !options.includeTrashed {
            var out = ParsedNotes(file: file)
            out.accounting.sheet = part
            out.accounting.rowsRead = lines.count
            out.accounting.otherSkipped = lines.count
            out.diagnostics.append(Diagnostic(.info, code: "KEEP-TRASHED", "the note is in Keep's trash; skipped",
                                              at: SourceLocation(file: file)))
            return out
        }
        let editDate = edited.map { Self.date(fromMicroseconds: $0) }
        // The title is the section heading; line numbers count within textContent.
        var parser = NotebookParser(file: file, options: options, part: part)
        if options.defaultYear == nil, let d = editDate { parser.options.defaultYear = d.date.year }
        var out = parser.parse(lines: ["# " + (title?.isEmpty == false ? title! : "(untitled)")] + lines)
        // Drop the synthetic heading line from the counts and renumber to textContent lines.
        out.accounting.rowsRead -= 1
        out.accounting.headerRows -= 1
        // The customer comes from the note's title: its location is the title, line 1.
        for i in out.sections.indices { out.sections[i].line = 1; out.sections[i].part = "title" }
        if title?.isEmpty != false { out.sections[0].name = nil }
        for i in out.entries.indices { out.entries[i].line -= 1 }
        for i in out.rejects.indices {
            if let l = out.rejects[i].location.line { out.rejects[i].location.line = l - 1 }
        }
        for i in out.diagnostics.indices {
            if let l = out.diagnostics[i].location?.line { out.diagnostics[i].location?.line = l - 1 }
        }
        if !labels.isEmpty, !out.sections.isEmpty {
            out.sections[0].fields.append(SectionField(key: .contact, label: "labels", value: labels.joined(separator: ", "), line: 0))
        }
        // A note without dated lines is one entry as of its last edit.
        if out.entries.isEmpty, let d = editDate {
            let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty {
                let firstLine = (lines.firstIndex { !NotesText.isBlank($0) } ?? 0) + 1
                out.entries.append(NoteEntry(line: firstLine, section: 0, date: d.date, time: d.time, author: nil,
                                             text: text, defaultChannel: .note, part: part))
                // Those lines were rejects or preamble; they are the one entry now.
                out.rejects.removeAll()
                out.accounting.rejected = 0
                out.accounting.imported = 1
                out.accounting.headerRows = 0
                out.accounting.otherSkipped = lines.count - out.accounting.blank - 1
            }
        }
        return out
    }

    /// Keep stores UTC microseconds; notes are read as UTC dates (Takeout carries no zone).
    static func date(fromMicroseconds us: Int64) -> (date: LocalDate, time: TimeOfDay) {
        let seconds = us / 1_000_000
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rem = seconds - Int64(days) * 86_400
        let time = TimeOfDay(microseconds: rem * 1_000_000)
        return (LocalDate(daysSinceEpoch: days), time)
    }
}
