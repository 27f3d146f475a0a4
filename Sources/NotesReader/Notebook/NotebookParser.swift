import Foundation
import Receivables
import Tabular

/// Reads a collector's notebook (plain text or Markdown): customer sections, their key-value
/// lines, and dated entries (one per line, or a paragraph starting with a date).
///
/// Every line is accounted for: entry lines are imported, continuation lines of a paragraph and
/// headings are skipped as header/other lines, and a line that cannot be placed (no section, no
/// date, no year) is rejected with its line number.
struct NotebookParser {
    var file: String
    var options: NotesImportOptions
    /// A sub-part of the file (Keep's `textContent`); line numbers count within it.
    var part: String?

    func parse(lines raw: [String]) -> ParsedNotes {
        var out = ParsedNotes(file: file)
        out.accounting.sheet = part
        let lines = raw.map(NotesText.clean)
        out.accounting.rowsRead = lines.count

        let leading = lines.map { NotesText.isBlank($0) ? nil : LeadingDate.parse($0) }
        let order = options.dayFirst.map { DateOrder(dayFirst: $0, reason: "forced") }
            ?? DateOrder.decide(leading.compactMap { $0?.date }, chronological: false,
                                defaultDayFirst: options.defaultDayFirst)
        out.dayFirst = order.dayFirst
        if order.reason == "conflict" {
            out.diagnostics.append(Diagnostic(.warning, code: "NOTES-DATE-ORDER-CONFLICT",
                "the file has dates that only read day-first and others that only read month-first; read as \(order.dayFirst ? "day-first" : "month-first")",
                at: SourceLocation(file: file, sheet: part)))
        }
        let firstExplicitYear = Self.firstYearWritten(lines, leading: leading)

        var state = State()
        var underlined = Set<Int>()
        for (i, line) in lines.enumerated() {
            let n = i + 1
            if underlined.contains(i) { out.accounting.headerRows += 1; continue }
            if NotesText.isBlank(line) {
                out.accounting.blank += 1; state.openEntry = nil; continue
            }
            // A text line followed by `===`/`---` is a Setext heading.
            if i + 1 < lines.count, NotebookHeading.isUnderline(lines[i + 1]), !NotebookHeading.isUnderline(line),
               leading[i] == nil {
                underlined.insert(i + 1)
                heading(line.trimmingCharacters(in: .whitespaces), line: n, into: &out, state: &state)
                continue
            }
            if NotebookHeading.isUnderline(line) { out.accounting.headerRows += 1; state.openEntry = nil; continue }
            if let lead = leading[i] {
                if lead.rest.isEmpty {
                    // A date alone on its line: the following lines are that day's entries.
                    state.dateContext = lead.date
                    if let y = lead.date.year { state.year = y; state.startYear = y }
                    out.accounting.headerRows += 1; state.openEntry = nil; continue
                }
                addEntry(date: lead.date, time: lead.time, text: lead.rest, line: n, into: &out, state: &state,
                         order: order, firstExplicitYear: firstExplicitYear)
                continue
            }
            if let weekdayDay = WeekdayDay.parse(line), let prev = state.previousDate,
               let date = weekdayDay.nearestDate(onOrAfter: prev) {
                // `lunes 4 llamé de nuevo` under a 01/03/2024 entry: Monday 4 March, a new entry.
                addEntry(date: PartialDate(first: date.day, second: date.month, year: date.year, numeric: false), time: nil,
                         text: weekdayDay.rest, line: n, into: &out, state: &state, order: order,
                         firstExplicitYear: firstExplicitYear)
                continue
            }
            if LeadingDate.startsWithImpossibleDate(line) {
                // `31/02/2024 promete pagar`: an entry whose date no calendar has. Said so with its
                // line, never glued to the entry above as more of its text.
                state.openEntry = nil
                out.reject(file, line: n, code: "NOTES-BAD-DATE",
                           "line starts with a date no calendar has; fix the date to import the entry", raw: raw[i], part: part)
                continue
            }
            if let h = NotebookHeading.parse(line),
               h.strong || state.openEntry == nil
                || i + 1 < lines.count && leading[i + 1] != nil && NotebookHeading.namesABusiness(h.name) {
                if state.section == nil && out.entries.isEmpty
                    && (!h.strong && (Self.headingFollows(lines, after: i) || Self.namesTheNotebook(line))
                        || h.strong && Self.namesTheNotebook(line) && Self.headingFollows(lines, after: i)) {
                    // `CUADERNO DE COBRANZA 2024` over the first customer's heading, or naming the
                    // notebook (`CUADERNO DE COBROS - MARZO 2024`, `# Cobranzas 2024` over
                    // `## Ferretería`): the file's title, not a customer.
                    title(line, into: &out, state: &state); continue
                }
                heading(h.name, line: n, into: &out, state: &state)
                // `FERRETERIA LA LLAVE (J-29654321-6)`: the ID or phone after the name is the section's.
                if let s = state.section, out.sections[s].line == n, let (key, id) = NotebookHeading.identifier(line) {
                    out.sections[s].fields.append(SectionField(key: key, label: key == .phone ? "Tel" : "RIF", value: id, line: n))
                }
                continue
            }
            if let field = SectionFieldParser.parse(line, lineNumber: n), let s = state.section, state.openEntry == nil {
                out.sections[s].fields.append(field)
                out.accounting.headerRows += 1; continue
            }
            if let e = state.openEntry {
                // A paragraph's later lines belong to the entry its first line opened.
                out.entries[e].text += "\n" + line.trimmingCharacters(in: .whitespaces)
                out.accounting.otherSkipped += 1; continue
            }
            if state.section == nil && out.entries.isEmpty {
                title(line, into: &out, state: &state); continue
            }
            if let ctx = state.dateContext, state.section != nil {
                addEntry(date: ctx, time: nil, text: line.trimmingCharacters(in: .whitespaces), line: n, into: &out,
                         state: &state, order: order, firstExplicitYear: firstExplicitYear)
                continue
            }
            out.reject(file, line: n, code: "NOTES-NO-DATE", state.section == nil
                       ? "text outside any customer section and without a date"
                       : "line does not start with a date and does not continue an entry", raw: raw[i], part: part)
        }
        return out
    }

    private struct State {
        var section: Int?
        var openEntry: Int?
        var year: Int?
        var dateContext: PartialDate?
        /// The last entry's date in the current section (reset at each customer heading).
        var previousDate: LocalDate?
        /// The year each customer's section starts from: the last year written (in the title, a
        /// date heading or an entry), else the first entry's. A notebook kept by customer runs
        /// through the same months once per customer: one customer's entries turning past
        /// December must not move the next customer's January a year on, but a year written
        /// stands until another is.
        var startYear: Int?
        /// The last line taken for the notebook's title, named when an entry has no customer above it.
        var lastTitle: String?
    }

    /// A title line before the first customer; a year there dates the whole file.
    private func title(_ line: String, into out: inout ParsedNotes, state: inout State) {
        if let y = Self.lonelyYear(line) { state.year = state.year ?? y; state.startYear = state.startYear ?? y }
        out.accounting.headerRows += 1
        state.lastTitle = line.trimmingCharacters(in: .whitespaces)
    }

    private func heading(_ text: String, line n: Int, into out: inout ParsedNotes, state: inout State) {
        out.accounting.headerRows += 1
        state.openEntry = nil
        if let header = DateHeader.parse(text) {
            if let y = header.year { state.year = y; state.startYear = y }
            state.dateContext = header.date
            return
        }
        out.sections.append(NoteSection(line: n, name: text, part: part))
        state.section = out.sections.count - 1
        state.dateContext = nil
        state.previousDate = nil
        if let y = state.startYear { state.year = y }
    }

    private func addEntry(date: PartialDate, time: TimeOfDay?, text: String, line n: Int, into out: inout ParsedNotes,
                          state: inout State, order: DateOrder, firstExplicitYear: Int?) {
        let loc = SourceLocation(file: file, sheet: part, line: n)
        guard let section = state.section else {
            // A title-case name above the entries was read as the notebook's title: say so, and how to write it.
            let reason = state.lastTitle.map { t in
                "dated entry before any customer heading: the line \"\(t)\" above it is read as the notebook's title; "
                    + "write the customer's name in capitals or as `Cliente: \(t)`"
            } ?? "dated entry before any customer heading: put the customer's name on a line of its own (or `Cliente: Name`) above its entries"
            out.reject(file, line: n, code: "NOTES-NO-SECTION", reason, raw: text, part: part)
            state.openEntry = nil
            return
        }
        var resolved: LocalDate?
        if let y = date.year {
            resolved = date.resolve(dayFirst: order.dayFirst, year: y)
            state.year = y
            state.startYear = y
        } else {
            var year: Int?, source = ""
            if let y = state.year { year = y; source = "the section or an earlier entry" }
            else if let y = firstExplicitYear { year = y; source = "the first year written in the file" }
            else if let y = options.defaultYear { year = y; source = "the import options" }
            else if let asOf = options.asOf, let y = Self.yearOnOrBefore(asOf, date, dayFirst: order.dayFirst) {
                year = y; source = "the as-of date \(asOf.iso) (the latest such date not after it)"
            }
            if var y = year {
                // December → January inside one notebook: the year turned.
                if let prev = state.previousDate, let guess = date.resolve(dayFirst: order.dayFirst, year: y),
                   prev.daysSinceEpoch - guess.daysSinceEpoch > 180 {
                    y += 1; source += ", plus one because the dates wrapped past December"
                }
                resolved = date.resolve(dayFirst: order.dayFirst, year: y)
                if resolved != nil {
                    out.diagnostics.append(Diagnostic(.info, code: "NOTES-YEAR-INFERRED",
                        "the date has no year; took \(y) from \(source)", at: loc))
                    state.year = y
                }
            } else {
                out.reject(file, line: n, code: "NOTES-NO-YEAR",
                           "the date has no year and neither the section nor the file gives one", raw: text, part: part)
                state.openEntry = nil
                return
            }
        }
        guard let d = resolved else {
            out.reject(file, line: n, code: "NOTES-BAD-DATE", "the date does not exist", raw: text, part: part)
            state.openEntry = nil
            return
        }
        state.previousDate = d
        if state.startYear == nil { state.startYear = d.year }
        out.entries.append(NoteEntry(line: n, section: section, date: d, time: time, author: nil, text: text,
                                     defaultChannel: .note, part: part))
        out.accounting.imported += 1
        state.openEntry = out.entries.count - 1
    }

    /// The first year the file writes in an entry's date or a date heading (`## Marzo 2024`,
    /// `## 20/03/2024`), wherever it stands: the year of entries above it that write none.
    static func firstYearWritten(_ lines: [String], leading: [LeadingDate?]) -> Int? {
        for (line, lead) in zip(lines, leading) {
            if let y = lead?.date.year { return y }
            if let heading = NotebookHeading.parse(line), let y = DateHeader.parse(heading.name)?.year { return y }
        }
        return nil
    }

    /// Whether the next line that is not blank opens a section (a heading, or text underlined).
    static func headingFollows(_ lines: [String], after i: Int) -> Bool {
        guard let next = lines[(i + 1)...].firstIndex(where: { !NotesText.isBlank($0) }) else { return false }
        if NotebookHeading.parse(lines[next]) != nil { return true }
        return next + 1 < lines.count && NotebookHeading.isUnderline(lines[next + 1]) && !NotebookHeading.isUnderline(lines[next])
    }

    /// Whether a capitals line names the notebook itself: a notebook's word (`CUADERNO`,
    /// `COBRANZA`, `LIBRETA`…), or a month with its year (`MARZO 2024`), which no business is named.
    static func namesTheNotebook(_ line: String) -> Bool {
        let words = Set(NotesText.fold(line).split { !$0.isLetter }.map(String.init))
        if !words.isDisjoint(with: notebookWords) { return true }
        return lonelyYear(line) != nil && words.contains { Lexicon.month(named: $0) != nil && $0.count >= 4 }
    }

    private static let notebookWords: Set<String> = [
        "cuaderno", "cobranza", "cobranzas", "cobros", "libreta", "agenda", "bitacora", "seguimiento", "gestiones",
        "llamadas", "visitas", "apuntes", "caderno", "cobrancas",
    ]

    /// The year that puts a date without one on or before `asOf`: `asOf`'s, else the one before.
    static func yearOnOrBefore(_ asOf: LocalDate, _ date: PartialDate, dayFirst: Bool) -> Int? {
        if let d = date.resolve(dayFirst: dayFirst, year: asOf.year), d.daysSinceEpoch <= asOf.daysSinceEpoch { return asOf.year }
        return date.resolve(dayFirst: dayFirst, year: asOf.year - 1) != nil ? asOf.year - 1 : nil
    }

    /// A year written alone in a title (`Cobranzas 2024`), if there is exactly one.
    static func lonelyYear(_ line: String) -> Int? {
        let years = yearPattern.matches(in: line).compactMap { Int($0.text) }
        return years.count == 1 ? years[0] : nil
    }

    private static let yearPattern = Pattern(#"(?<![\d/.\-])(?:19|20)\d{2}(?![\d/.\-])"#)
}
