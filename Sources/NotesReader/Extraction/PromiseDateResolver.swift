import Tabular

/// Resolves the date a promise names against the day the entry was written: `el viernes` (the
/// next Friday after the entry), `mañana`, `la próxima semana` (next Monday), `el 15`, `el 15/03`,
/// `fin de mes`, `quinta-feira`, `next Monday`, `en 3 días`.
enum PromiseDateResolver {
    struct Found: Sendable, Equatable {
        var date: LocalDate
        var confidence: Double
        /// The words the date was read from, folded.
        var phrase: String
    }

    static func resolve(_ text: String, on entryDate: LocalDate, dayFirst: Bool = true) -> Found? {
        let t = " " + NotesText.squeeze(NotesText.fold(text)) + " "
        var candidates: [(String.Index, Found)] = []
        func add(_ m: PatternMatch, _ d: LocalDate?, _ c: Double) {
            if let d, d >= entryDate { candidates.append((m.range.lowerBound, Found(date: d, confidence: c, phrase: m.text.trimmingCharacters(in: .whitespaces)))) }
        }
        for m in relative.matches(in: t) {
            let w = m.text.trimmingCharacters(in: .whitespaces)
            if w.hasPrefix("pasado") || w.hasPrefix("depois") || w.hasPrefix("day after") { add(m, entryDate.adding(days: 2), 0.9) }
            else if w.hasPrefix("man") || w.hasPrefix("ama") || w.hasPrefix("tomorrow") { add(m, entryDate.adding(days: 1), 0.9) }
            else { add(m, entryDate, 0.8) }
        }
        for m in weekday.matches(in: t) {
            guard let name = m.group(2), let wd = Lexicon.weekday(named: name) else { continue }
            if let after = m.group(3), !after.isEmpty { continue } // `el lunes pasado`: a past day
            // `el viernes 21/06`, `el lunes 24`: the written date says which Friday, and wins.
            if let next = dayAfterWeekday.firstMatch(in: String(t[m.range.upperBound...])) {
                if next.group(2) != nil { continue }  // a full or named date: read by its own pattern below
                if let d = next.group(1).flatMap({ Int($0) }), let date = nextDayOfMonth(d, from: entryDate) {
                    add(m, date, 0.85)
                    continue
                }
            }
            var delta = (wd - entryDate.weekday + 7) % 7
            if delta == 0 { delta = 7 }
            add(m, entryDate.adding(days: delta), 0.85)
        }
        for m in nextWeek.matches(in: t) {
            let delta = (7 - entryDate.weekday) % 7 == 0 ? 7 : (7 - entryDate.weekday)
            add(m, entryDate.adding(days: delta), 0.7)
        }
        for m in nextMonth.matches(in: t) {
            // `el mes que viene`: no day said; the month's last day is the promise's deadline.
            add(m, lastDayOfNextMonth(entryDate), 0.6)
        }
        for m in fortnight.matches(in: t) {
            // `la quincena`: payday, the 15th or the month's last day, whichever comes first (the
            // one after that for `la próxima quincena`).
            let paydays = nextPaydays(from: entryDate)
            add(m, m.group(1) == nil ? paydays.first : paydays.last, 0.7)
        }
        for m in isoDate.matches(in: t) {
            guard let y = m.group(1).flatMap({ Int($0) }), let mo = m.group(2).flatMap({ Int($0) }),
                  let d = m.group(3).flatMap({ Int($0) }) else { continue }
            add(m, LocalDate(year: y, month: mo, day: d), 0.9)
        }
        for m in monthEnd.matches(in: t) {
            var end = LocalDate(year: entryDate.year, month: entryDate.month,
                                day: LocalDate.daysIn(month: entryDate.month, year: entryDate.year))
            if end == entryDate { end = lastDayOfNextMonth(entryDate) }
            add(m, end, 0.75)
        }
        for m in inDays.matches(in: t) {
            if let n = m.group(1).flatMap({ Int($0) }), n < 400 { add(m, entryDate.adding(days: n), 0.8) }
        }
        for m in fullDate.matches(in: t) {
            guard let a = m.group(1).flatMap({ Int($0) }), let b = m.group(2).flatMap({ Int($0) }) else { continue }
            // `2.5` without a year is an amount (`pagar 2.5 el 20`) unless a date word says otherwise.
            if m.group(3) == nil, m.text.contains("."),
               dateWordBefore.firstMatch(in: String(t[..<m.range.lowerBound])) == nil { continue }
            let (d, mo) = dayFirst ? (a, b) : (b, a)
            var y = m.group(3).flatMap(PartialDate.fullYear) ?? entryDate.year
            if m.group(3) == nil, let guess = LocalDate(year: y, month: mo, day: d), guess < entryDate,
               entryDate.daysSinceEpoch - guess.daysSinceEpoch > 60 { y += 1 }
            add(m, LocalDate(year: y, month: mo, day: d), 0.9)
        }
        for m in namedDate.matches(in: t) {
            guard let d = m.group(1).flatMap({ Int($0) }), let mo = m.group(2).flatMap(Lexicon.month(named:)) else { continue }
            var y = m.group(3).flatMap { Int($0) } ?? entryDate.year
            if m.group(3) == nil, let guess = LocalDate(year: y, month: mo, day: d), guess < entryDate,
               entryDate.daysSinceEpoch - guess.daysSinceEpoch > 60 { y += 1 }
            add(m, LocalDate(year: y, month: mo, day: d), 0.9)
        }
        for m in dayOfMonth.matches(in: t) {
            guard let d = m.group(1).flatMap({ Int($0) }) else { continue }
            add(m, nextDayOfMonth(d, from: entryDate), 0.75)
        }
        return candidates.min { $0.0 < $1.0 }?.1
    }

    /// Day `d` of the entry's month, or of the next month when that one has passed or has no such day.
    private static func nextDayOfMonth(_ d: Int, from entryDate: LocalDate) -> LocalDate? {
        guard (1...31).contains(d) else { return nil }
        var date = LocalDate(year: entryDate.year, month: entryDate.month, day: d)
        if date == nil || date! < entryDate {
            let nm = entryDate.month == 12 ? 1 : entryDate.month + 1
            date = LocalDate(year: entryDate.month == 12 ? entryDate.year + 1 : entryDate.year, month: nm, day: d)
        }
        return date
    }

    /// A day number right after a weekday (`viernes 21`), and what follows it when it is a full
    /// or named date (`viernes 21/06`, `viernes 21 de junio`).
    /// (`viernes 20 dolares` is an amount, not a day: what `dayOfMonth` refuses, refused here too.)
    private static let dayAfterWeekday = Pattern(#"^\s+(\d{1,2})(?!\d|[.,]\d{3}|\s*(?:dias|days|%|\$|usd|bs|r\$|dolares|bolivares|pesos)\b|\s?(?:"# + SpokenMultiplier.alternation + #")\b)([/.\-]\d|\s+(?:de\s+)?(?:"# + Lexicon.monthAlternation + #")\b)?"#)

    /// The next two paydays on or after `d`: the 15th and the month's last day.
    private static func nextPaydays(from d: LocalDate) -> [LocalDate] {
        var out: [LocalDate] = []
        var (y, m) = (d.year, d.month)
        while out.count < 2 {
            for day in [15, LocalDate.daysIn(month: m, year: y)] {
                if let date = LocalDate(year: y, month: m, day: day), date >= d, out.count < 2 { out.append(date) }
            }
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return out
    }

    private static func lastDayOfNextMonth(_ d: LocalDate) -> LocalDate? {
        let y = d.month == 12 ? d.year + 1 : d.year, m = d.month == 12 ? 1 : d.month + 1
        return LocalDate(year: y, month: m, day: LocalDate.daysIn(month: m, year: y))
    }

    private static let relative = Pattern(#"(?<=\s)(?:pasado manana|depois de amanha|day after tomorrow|manana|amanha|tomorrow|hoy|hoje|today|tonight|esta tarde|esta noche|hoy mismo)(?=[\s.,;!?])"#)
    private static let weekday = Pattern(#"(?<=\s)((?:el|este|esta|o|a|na|no|on|next|this|proximo|proxima|el proximo|la proxima)\s+)?("# + Lexicon.weekdayAlternation + #")(?:-feira)?(\s+(?:pasado|pasada|passado|passada|last|anterior))?(?=[\s.,;!?])"#)
    private static let nextWeek = Pattern(#"(?:proxima semana|semana que viene|semana que vem|next week|semana proxima|la otra semana)"#)
    private static let nextMonth = Pattern(#"(?:mes que viene|proximo mes|mes proximo|mes que vem|next month)"#)
    private static let fortnight = Pattern(#"(?<=\s)(?:la|esta|a|na)?\s*(proxima\s+)?quincena\b"#)
    private static let isoDate = Pattern(#"(?<![\d/.\-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/\-])"#)
    /// A word that makes the numbers after it a date (`el 2.5`, `para el 2.5`).
    private static let dateWordBefore = Pattern(#"(?:\bel|\bdia|\bhasta|\bpara|\bate|\bo)\s+$"#)
    private static let monthEnd = Pattern(#"(?:fin de mes|fin del mes|final de mes|final del mes|fim do mes|fim de mes|final do mes|end of (?:the )?month)"#)
    private static let inDays = Pattern(#"(?:en|em|in|dentro de)\s+(\d{1,3})\s+(?:dias|days)"#)
    private static let fullDate = Pattern(#"(?<![\d/.\-])(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}|\d{2}))?(?![\d/\-]|\.\d)"#)
    private static let namedDate = Pattern(#"(?<![\d/])(\d{1,2})\s+(?:de\s+)?("# + Lexicon.monthAlternation + #")\b(?:\s+(?:de\s+)?(\d{4}))?"#)
    private static let dayOfMonth = Pattern(#"(?<=\s)(?:el|dia|el dia|ate dia|ate o dia|hasta el|para el|on the|the|o dia|no dia)\s+(\d{1,2})(?:st|nd|rd|th)?(?![\d/.\-:]|[.,]\d|\s*(?:de\s+)?(?:"# + Lexicon.monthAlternation + #")\b|\s*(?:dias|days|%|\$|usd|bs|r\$)|\s?(?:"# + SpokenMultiplier.alternation + #")\b)"#)
}
