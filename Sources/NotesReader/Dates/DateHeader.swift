import Foundation

/// A line (or heading) that only sets the date context: `Marzo 2024`, `março de 2024`, `2024`,
/// `03/2024`, or a full date standing alone (`## 12/03/2024`).
struct DateHeader: Sendable {
    var year: Int?
    var month: Int?
    /// Set when the header is a whole date: undated lines below it take this date.
    var date: PartialDate?

    static func parse(_ text: String) -> DateHeader? {
        let folded = NotesText.squeeze(NotesText.fold(text)).trimmingCharacters(in: CharacterSet(charactersIn: "#=-*:. "))
        if let m = monthYear.firstMatch(in: folded), m.range.upperBound == folded.endIndex {
            if let mo = m.group(1).flatMap(Lexicon.month(named:)) {
                return DateHeader(year: m.group(2).flatMap { Int($0) }, month: mo)
            }
            if let mo = m.group(3).flatMap({ Int($0) }), (1...12).contains(mo), let y = m.group(4).flatMap({ Int($0) }) {
                return DateHeader(year: y, month: mo)
            }
            if let y = m.group(5).flatMap({ Int($0) }) { return DateHeader(year: y, month: nil) }
        }
        if let lead = LeadingDate.parse(folded), lead.rest.isEmpty {
            return DateHeader(year: lead.date.year, month: nil, date: lead.date)
        }
        return nil
    }

    private static let monthYear = Pattern(
        #"^(?:("# + Lexicon.monthAlternation + #")\.?(?:\s+(?:de\s+|del\s+)?(\d{4}))?|(\d{1,2})[/\-](\d{4})|((?:19|20)\d{2}))$"#)
}
