import Tabular

/// The order of day, month and year in all-numeric dates.
public enum DateOrder: String, Codable, Sendable, CaseIterable {
    case dmy, mdy, ymd
}

/// Reads dates: workbook date cells, Excel serial numbers in date columns (1900 system; as text,
/// five digits from 20000 to 80000, 1954 to 2119), ISO
/// `2024-03-15`, `15/03/2024` or `03/15/2024` as the column decides, two-digit years,
/// `15-mar-2024`, `15/Mar/24`, `15 de marzo de 2024`, `March 15, 2024`, in Spanish, English and
/// Portuguese. Impossible dates (`31/02/2024`) are errors, never shifted to a neighbour.
public enum DateParser {
    public static func parse(_ cell: CellValue, profile: DateColumnProfile) -> Result<LocalDate, ValueError> {
        switch cell {
        case .date(let d): return .success(d)
        case .dateTime(let dt): return .success(dt.date)
        case .number(let serial): return excelSerial(serial)
        case .text(let s): return parse(text: s, order: profile.order)
        default:
            return .failure(ValueError("MAP-DATE-FORMAT", "date: expected a date", expected: "date"))
        }
    }

    /// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the 29 February 1900 that
    /// never existed (kept by Excel for Lotus compatibility). Fractions are a time of day, dropped.
    static func excelSerial(_ serial: Double) -> Result<LocalDate, ValueError> {
        guard serial.isFinite, serial >= 1, serial < 2_958_466 else {
            return .failure(ValueError("MAP-DATE-SERIAL", "date: \(CellValue.shortestText(serial)) is not an Excel date serial",
                                       expected: "serial 1…2958465"))
        }
        let whole = Int(serial.rounded(.down))
        if whole == 60 {
            return .failure(ValueError("MAP-DATE-IMPOSSIBLE", "date: serial 60 is 1900-02-29, which does not exist",
                                       expected: "a real date"))
        }
        // 1899-12-30 is serial 0 for every serial after the phantom leap day.
        let base = LocalDate(year: 1899, month: 12, day: whole < 60 ? 31 : 30)!
        return .success(base.adding(days: whole))
    }

    static func parse(text raw: String, order: DateOrder) -> Result<LocalDate, ValueError> {
        if raw.utf8.count > longestDate { return .failure(notADate) }
        if let date = raw.utf8.withContiguousStorageIfAvailable({ dateBeforeTime($0, order: order) }) ?? nil { return date }
        return parseTokens(text: raw, order: order)
    }

    /// More bytes than any date is written with (`miércoles, 15 de septiembre de 2024, 10:30:00 a. m.`
    /// has 55): a longer text is no date, and is not tokenized (a hostile cell of megabytes took
    /// minutes there).
    static let longestDate = 200
    private static let notADate = ValueError("MAP-DATE-FORMAT", "date: not a date", expected: "date")

    /// ``parse(text:order:)`` through its tokens, without the shortcut for a date and a time.
    static func parseTokens(text raw: String, order: DateOrder) -> Result<LocalDate, ValueError> {
        parse(DateTokens.numericOnly(raw.utf8) ?? DateTokens(raw), order: order)
    }

    /// ``parse(text:order:)`` of a text cell's UTF-8 bytes.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, order: DateOrder) -> Result<LocalDate, ValueError> {
        if bytes.count > longestDate { return .failure(notADate) }
        if let date = threeNumbers(bytes, order: order) ?? dateBeforeTime(bytes, order: order) { return date }
        return parse(DateTokens.numericOnly(bytes) ?? DateTokens(String(decoding: bytes, as: UTF8.self)), order: order)
    }

    /// Three numbers, one space and a time of day (`2024-03-15 00:00:00`, `15/03/2024 10:30`, as
    /// databases and ERPs export dates): the tokens drop a word with a colon, so the date reads as
    /// the three numbers alone (``threeNumbers(_:order:)``); `nil` for any other text. Such dates
    /// took the Character-level token path, about 8 µs each.
    private static func dateBeforeTime(_ text: UnsafeBufferPointer<UInt8>, order: DateOrder) -> Result<LocalDate, ValueError>? {
        // No whitespace at the start (nothing to trim); the time is digits, colons and points
        // only, one of them a colon, to the end.
        guard let first = text.first, first.startsVisibleCharacter,
              let space = text.firstIndex(of: 0x20), space <= 10, space + 1 < text.count else { return nil }
        let time = text[(space + 1)...]
        guard time.contains(0x3A), time.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x3A || $0 == 0x2E }) else { return nil }
        return threeNumbers(UnsafeBufferPointer(rebasing: text[..<space]), order: order)
    }

    /// The commonest date text, three numbers between two separators (`2024-03-15`, `15/03/2024`),
    /// read as ``parse(_:order:)`` reads its tokens but without building them (a large sheet has
    /// two dates a row); `nil` for any other text.
    private static func threeNumbers(_ text: UnsafeBufferPointer<UInt8>, order: DateOrder) -> Result<LocalDate, ValueError>? {
        // At most ten bytes: no number longer than eight digits, as ``DateTokens/isPlausible`` asks.
        guard text.count <= 10 else { return nil }
        var numbers = (DateTokens.Number(value: 0, digits: 0), DateTokens.Number(value: 0, digits: 0),
                       DateTokens.Number(value: 0, digits: 0))
        var found = 0
        let separators = DateTokens.scanNumbers(text) { n in
            switch found {
            case 0: numbers.0 = n
            case 1: numbers.1 = n
            case 2: numbers.2 = n
            default: return false
            }
            found += 1
            return true
        }
        guard separators == 2, found == 3 else { return nil }
        return date(numbers.0, numbers.1, numbers.2, order: order)
    }

    /// The date three numbers without a month name write: year first when the first has three or
    /// four digits, else in the column's `order`.
    private static func date(_ a: DateTokens.Number, _ b: DateTokens.Number, _ c: DateTokens.Number,
                             order: DateOrder) -> Result<LocalDate, ValueError> {
        if a.digits == 4 || a.digits == 3 { return validated(a.value, b.value, c.value, order: order) }
        switch order {
        case .mdy: return validated(expandYear(c), a.value, b.value, order: order)
        case .dmy, .ymd: return validated(expandYear(c), b.value, a.value, order: order)
        }
    }

    private static func validated(_ y: Int, _ m: Int, _ d: Int, order: DateOrder) -> Result<LocalDate, ValueError> {
        guard let date = LocalDate(year: y, month: m, day: d) else {
            return .failure(ValueError("MAP-DATE-IMPOSSIBLE", "date: day \(d) of month \(m) of \(y) does not exist",
                                       expected: "a real date (column order \(order.rawValue))"))
        }
        return .success(date)
    }

    private static func parse(_ tokens: DateTokens, order: DateOrder) -> Result<LocalDate, ValueError> {
        guard tokens.isPlausible else {
            return .failure(ValueError("MAP-DATE-FORMAT", "date: not a date", expected: "date"))
        }
        let n = tokens.numbers
        var y: Int, m: Int, d: Int
        if let month = tokens.month {
            guard n.count == 2 || n.count == 1 else {
                return .failure(ValueError("MAP-DATE-FORMAT", "date: not a date", expected: "date"))
            }
            m = month
            if n.count == 1 { return .failure(ValueError("MAP-DATE-FORMAT", "date: no day or year", expected: "date")) }
            if n[0].digits == 4 { y = n[0].value; d = n[1].value }
            else if n[1].digits == 4 || !tokens.monthFirst { d = n[0].value; y = expandYear(n[1]) }
            else { d = n[0].value; y = expandYear(n[1]) }
        } else {
            if n.count == 1, n[0].digits == 8 {
                // Compact YYYYMMDD.
                let v = n[0].value
                y = v / 10_000; m = v / 100 % 100; d = v % 100
            } else if n.count == 1, n[0].digits == 5, tokens.separators == 0, (20_000...80_000).contains(n[0].value) {
                // An Excel serial written as text (a workbook saved as CSV from a General-format
                // column): five digits, 1954 to 2119, as the date column of a sheet shows them.
                return excelSerial(Double(n[0].value))
            } else {
                guard n.count == 3 else {
                    return .failure(ValueError("MAP-DATE-FORMAT", "date: not a date", expected: "date"))
                }
                return date(n[0], n[1], n[2], order: order)
            }
        }
        return validated(y, m, d, order: order)
    }

    /// Two-digit years as spreadsheets read them: 00–29 are 2000–2029, 30–99 are 1930–1999.
    static func expandYear(_ n: DateTokens.Number) -> Int {
        guard n.digits <= 2 else { return n.value }
        return n.value < 30 ? 2000 + n.value : 1900 + n.value
    }
}

/// A date's text split into numbers and at most one month name; times and weekday names dropped.
struct DateTokens {
    struct Number: Equatable { var value: Int; var digits: Int }
    var numbers: [Number] = []
    var month: Int?
    var monthFirst = false
    var unknownWords = 0
    var separators = 0

    init(_ raw: String) {
        var text = Substring(raw.trimmingWhitespace)
        // Drop a time part: ISO `T10:30`, or ` 10:30[:00] [am|pm]`.
        if let t = text.firstIndex(where: { $0 == "T" }), text.distance(from: text.startIndex, to: t) == 10 {
            text = text[..<t]
        }
        var words: [Substring] = text.split(whereSeparator: { $0 == " " }).filter { !$0.contains(":") }
        words.removeAll { ["am", "pm", "a.m.", "p.m.", "hrs", "h"].contains($0.lowercased()) }
        var current = "", isDigit = false
        func flush() {
            guard !current.isEmpty else { return }
            if isDigit {
                numbers.append(Number(value: Int(current.prefix(9)) ?? 0, digits: current.count))
            } else {
                let w = TextFolding.fold(current)
                if let m = MonthNames.month(w) {
                    if month == nil { month = m; monthFirst = numbers.isEmpty } else { unknownWords += 1 }
                } else if !MonthNames.fillers.contains(w) {
                    unknownWords += 1
                }
            }
            current = ""
        }
        for word in words {
            for ch in word {
                if ch.isASCIIDigit {
                    if !isDigit { flush() }
                    isDigit = true; current.append(ch)
                } else if ch.isLetter {
                    if isDigit { flush() }
                    isDigit = false; current.append(ch)
                } else {
                    flush(); separators += 1
                }
            }
            flush()
        }
    }

    private init() {}

    /// The common all-numeric dates (`2024-03-15`, `15/03/2024`) read straight from the bytes;
    /// `nil` for anything else, which takes the general path.
    static func numericOnly<Bytes: Collection<UInt8>>(_ text: Bytes) -> DateTokens? {
        guard text.count <= 10 else { return nil }
        var t = DateTokens()
        t.numbers.reserveCapacity(3)
        guard let separators = scanNumbers(text, { t.numbers.append($0); return true }) else { return nil }
        t.separators = separators
        return t
    }

    /// The numbers of an all-numeric date text, in order, each to `body` (which returns `false` to
    /// stop): runs of digits between single separators (`-`, `/`, `.`). Returns how many separators
    /// there were; `nil` for any other text, or when `body` stopped. (One reading for the tokens
    /// and for ``DateParser``'s three-number shortcut.)
    static func scanNumbers<Bytes: Collection<UInt8>>(_ text: Bytes, _ body: (Number) -> Bool) -> Int? {
        var value = 0, digits = 0, separators = 0
        for b in text {
            if b >= 0x30 && b <= 0x39 { value = value * 10 + Int(b - 0x30); digits += 1 }
            else if b == 0x2D || b == 0x2F || b == 0x2E {
                guard digits > 0, body(Number(value: value, digits: digits)) else { return nil }
                value = 0; digits = 0; separators += 1
            } else { return nil }
        }
        guard digits > 0, body(Number(value: value, digits: digits)) else { return nil }
        return separators
    }

    var isPlausible: Bool { unknownWords == 0 && !numbers.isEmpty && numbers.allSatisfy { $0.digits <= 8 } }
}

enum MonthNames {
    static func month(_ folded: String) -> Int? {
        if let m = names[folded] { return m }
        // `sept.`, `setiembre`, `dic`… are in the table; longer forms by their first three letters.
        if folded.count > 3, let m = names[String(folded.prefix(3))], full.contains(folded) { return m }
        return nil
    }

    static let names: [String: Int] = {
        var m: [String: Int] = [:]
        let lists: [[String]] = [
            ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
            ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
            ["janeiro", "fevereiro", "marco", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
            ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"],
            ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
        ]
        for list in lists { for (i, name) in list.enumerated() { m[name] = i + 1 } }
        m["setiembre"] = 9; m["sept"] = 9; m["set"] = 9
        return m
    }()

    static let full: Set<String> = Set(names.keys.filter { $0.count > 3 })

    /// Words that may surround a date: `15 de marzo de 2024`, `March 15th`, weekday names.
    static let fillers: Set<String> = [
        "de", "del", "of", "the", "st", "nd", "rd", "th", "do", "da", "el",
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lun", "mie", "jue", "vie", "sab", "dom", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
        "segunda", "terca", "quarta", "quinta", "sexta", "feira",
    ]
}

/// A column's decision about its dates: the order of all-numeric dates, from every value.
public struct DateColumnProfile: Hashable, Sendable {
    public var order: DateOrder
    /// Whether the values themselves decided the order (else the mapping or the country did).
    public var decidedByValues: Bool
    public var dmyVotes = 0, mdyVotes = 0
    /// All-numeric dates that read two ways (`03/04/2024`: 3 April or March 4).
    public var openValues = 0

    public init(order: DateOrder, decidedByValues: Bool = false) {
        self.order = order; self.decidedByValues = decidedByValues
    }

    /// A value like `13/02/2024` proves day-first; `02/13/2024` proves month-first; the majority of
    /// such proofs decides. Without proof: the mapping's order, else month-first only for the US.
    public static func profile(_ cells: some Sequence<CellValue>, configured: DateOrder?, country: String?) -> DateColumnProfile {
        var dmy = 0, mdy = 0, open = 0
        for cell in cells {
            guard case .text(let s) = cell else { continue }
            let t = DateTokens.numericOnly(s.utf8) ?? DateTokens(s)
            guard t.month == nil, t.numbers.count == 3, t.numbers[0].digits <= 2, t.numbers[1].digits <= 2 else { continue }
            let a = t.numbers[0].value, b = t.numbers[1].value
            if a > 12 && b <= 12 { dmy += 1 } else if b > 12 && a <= 12 { mdy += 1 } else if a != b && a >= 1 && b >= 1 { open += 1 }
        }
        var p: DateColumnProfile
        if dmy > mdy { p = DateColumnProfile(order: .dmy, decidedByValues: true) }
        else if mdy > dmy { p = DateColumnProfile(order: .mdy, decidedByValues: true) }
        else if let configured { p = DateColumnProfile(order: configured) }
        else { p = DateColumnProfile(order: country?.uppercased() == "US" ? .mdy : .dmy) }
        p.dmyVotes = dmy; p.mdyVotes = mdy; p.openValues = open
        return p
    }
}
