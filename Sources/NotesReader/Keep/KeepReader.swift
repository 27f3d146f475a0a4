import Foundation
import Receivables
import Tabular

/// Reads one Google Keep note from Takeout (`.json`): the title names the customer, `textContent`
/// (or `listContent`) holds the entries; see ``SingleNoteParser``.
struct KeepReader {
    var file: String
    var options: NotesImportOptions

    func parse(_ data: Data) throws -> ParsedNotes {
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw NotesError.notJSON(path: file)
        }
        let title = (object["title"] as? String).map(NotesText.clean)
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
        let labelField = labels.isEmpty ? [] : [SectionField(key: .contact, label: "labels",
                                                             value: labels.joined(separator: ", "), line: 1)]
        // The customer comes from the note's title: its location is the title, line 1.
        return SingleNoteParser(file: file, options: options, part: part, sectionLocation: ("title", 1))
            .parse(title: title, lines: lines, stamp: edited.map(Self.date(fromMicroseconds:)), extraFields: labelField)
    }

    /// Keep stores UTC microseconds; notes are read as UTC dates (Takeout carries no zone).
    static func date(fromMicroseconds us: Int64) -> (date: LocalDate, time: TimeOfDay) {
        let seconds = us / 1_000_000
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let rem = seconds - Int64(days) * 86_400
        return (LocalDate(daysSinceEpoch: days), TimeOfDay(microseconds: rem * 1_000_000))
    }
}
