import Foundation
import Receivables
import Tabular

/// One note from a notes app (a Keep note, an Evernote note): its title names the customer and
/// its text holds dated entries as a notebook does. A note without any dated line is one entry,
/// dated when the note was last written.
struct SingleNoteParser {
    var file: String
    var options: NotesImportOptions
    /// Where line numbers count: `textContent` for Keep, `note 3` for the third ENEX note.
    var part: String
    /// The customer record's own location (the title).
    var sectionLocation: (part: String?, line: Int)

    func parse(title: String?, lines: [String], stamp: (date: LocalDate, time: TimeOfDay)?,
               extraFields: [SectionField] = []) -> ParsedNotes {
        var parser = NotebookParser(file: file, options: options, part: part)
        if options.defaultYear == nil, let s = stamp { parser.options.defaultYear = s.date.year }
        let name = title?.trimmingCharacters(in: .whitespacesAndNewlines)
        // The title becomes a synthetic heading line 0, removed from the counts afterwards.
        var out = parser.parse(lines: ["# " + ((name?.isEmpty == false ? name : nil) ?? "(untitled)")] + lines)
        out.accounting.rowsRead -= 1
        out.accounting.headerRows -= 1
        for i in out.sections.indices {
            out.sections[i].line = sectionLocation.line; out.sections[i].part = sectionLocation.part
        }
        if name?.isEmpty != false, !out.sections.isEmpty { out.sections[0].name = nil }
        for i in out.entries.indices { out.entries[i].line -= 1 }
        for i in out.rejects.indices {
            if let l = out.rejects[i].location.line { out.rejects[i].location.line = l - 1 }
        }
        for i in out.diagnostics.indices {
            if let l = out.diagnostics[i].location?.line { out.diagnostics[i].location?.line = l - 1 }
        }
        if !out.sections.isEmpty { out.sections[0].fields += extraFields }
        if out.entries.isEmpty, let d = stamp {
            let text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n")
            if !text.isEmpty {
                let firstLine = (lines.firstIndex { !NotesText.isBlank($0) } ?? 0) + 1
                out.entries.append(NoteEntry(line: firstLine, section: 0, date: d.date, time: d.time, author: nil,
                                             text: text, defaultChannel: .note, part: part))
                // Those lines were rejects or preamble; together they are the one entry now.
                out.rejects.removeAll()
                let nonBlank = lines.count - out.accounting.blank
                out.accounting.rejected = 0
                out.accounting.imported = 1
                out.accounting.headerRows = 0
                out.accounting.otherSkipped = nonBlank - 1
                out.diagnostics.append(Diagnostic(.info, code: "NOTES-UNDATED-NOTE",
                    "no line starts with a date; the whole note is one entry dated \(d.date.iso), when it was last written",
                    at: SourceLocation(file: file, sheet: part, line: firstLine)))
            }
        }
        return out
    }
}
