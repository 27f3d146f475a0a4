import Receivables
import Tabular

/// A customer section of a notebook, a chat's other party, or a note.
struct NoteSection: Sendable {
    var line: Int
    var name: String?
    var fields: [SectionField] = []
    /// Phones that identify the party (a chat author written as a number).
    var authorPhones: [String] = []
    /// Authors that speak for this customer in a chat; promises are read only from them.
    var customerAuthors: Set<String> = []
    /// Authors known to be the company's own side (``ChatParty/ownAuthors``).
    var ownAuthors: Set<String> = []
    /// A sub-part of the file (Keep's `textContent`, an ENEX note) that line numbers count within.
    var part: String?
}

/// A key-value line inside a section (`RIF: J-12345678-9`).
struct SectionField: Sendable {
    enum Key: String, Sendable { case taxID, phone, email, address, balance, contact, salesperson, city }
    var key: Key
    var label: String
    var value: String
    var line: Int
}

/// One dated entry (a notebook line or paragraph, a chat message, a note).
struct NoteEntry: Sendable {
    var line: Int
    var section: Int?
    var date: LocalDate
    var time: TimeOfDay?
    var author: String?
    var text: String
    var defaultChannel: ContactEvent.Channel
    var part: String?
}

/// What a format parser produced before extraction turns entries into records.
struct ParsedNotes: Sendable {
    var sections: [NoteSection] = []
    var entries: [NoteEntry] = []
    var rejects: [Reject] = []
    var diagnostics: [Diagnostic] = []
    var accounting: SourceAccounting
    /// Day-first reading of numeric dates (for `el 15/03` inside entries).
    var dayFirst: Bool = true

    init(file: String) { accounting = SourceAccounting(file: file) }

    mutating func reject(_ file: String, line: Int, code: String, _ reason: String, raw: String, part: String? = nil) {
        let loc = SourceLocation(file: file, sheet: part, line: line)
        rejects.append(Reject(location: loc, code: code, reason: reason, rawText: raw))
        accounting.rejected += 1
    }
}
