/// Month and weekday names in Spanish, Portuguese and English, in folded form (no accents, lower
/// case), longest first within each entry so that an alternation never stops at a prefix.
enum Lexicon {
    /// Index 0 is January.
    static let months: [[String]] = [
        ["january", "janeiro", "enero", "jan", "ene"],
        ["fevereiro", "february", "febrero", "feb", "fev"],
        ["march", "marzo", "marco", "mar"],
        ["april", "abril", "abr", "apr"],
        ["mayo", "maio", "may", "mai"],
        ["junio", "junho", "june", "jun"],
        ["julio", "julho", "july", "jul"],
        ["august", "agosto", "ago", "aug"],
        ["septiembre", "setiembre", "september", "setembro", "sept", "sep", "set"],
        ["october", "octubre", "outubro", "oct", "out"],
        ["november", "noviembre", "novembro", "nov"],
        ["december", "diciembre", "dezembro", "dec", "dic", "dez"],
    ]

    /// Index 0 is Monday (as `LocalDate.weekday`).
    static let weekdays: [[String]] = [
        ["segunda-feira", "segunda feira", "monday", "segunda", "lunes", "lun", "seg", "mon"],
        ["terca-feira", "terca feira", "tuesday", "martes", "terca", "tues", "tue", "ter"],
        ["quarta-feira", "quarta feira", "wednesday", "miercoles", "quarta", "mie", "qua", "wed"],
        ["quinta-feira", "quinta feira", "thursday", "jueves", "quinta", "thurs", "thu", "jue", "qui"],
        ["sexta-feira", "sexta feira", "viernes", "friday", "sexta", "vie", "sex", "fri"],
        ["saturday", "sabado", "sab", "sat"],
        ["domingo", "sunday", "dom", "sun"],
    ]

    /// A regex alternation of every month name, longest first.
    static let monthAlternation: String = alternation(months)
    static let weekdayAlternation: String = alternation(weekdays)

    static func month(named folded: String) -> Int? {
        let key = folded.hasSuffix(".") ? String(folded.dropLast()) : folded
        return months.firstIndex { $0.contains(key) }.map { $0 + 1 }
    }

    static func weekday(named folded: String) -> Int? {
        weekdays.firstIndex { $0.contains(folded) }
    }

    private static func alternation(_ table: [[String]]) -> String {
        table.flatMap { $0 }.sorted { $0.count > $1.count }
            .map { $0.replacingOccurrences(of: "-", with: "\\-").replacingOccurrences(of: " ", with: "\\s") }
            .joined(separator: "|")
    }
}
