import Foundation
import Receivables
import Tabular

/// Reads amounts written the many ways people write them: `1.234,56`, `1,234.56`, `1234.5`,
/// `$ 1.234`, `Bs. 1.234,56`, `USD 12`, `(1.234,56)`, `-1.234,56`, `1.234,56-`, and numeric cells.
///
/// The decimal separator is decided per column (``AmountColumnProfile``) from every value, because
/// one cell cannot tell whether `1.234` is a thousand or one and a quarter.
public enum AmountParser {
    /// An amount read from a cell: exact value and the currency the cell itself names, if any.
    public struct Parsed: Hashable, Sendable {
        public var amount: Decimal
        public var currency: Currency?
    }

    /// Parses one cell with the column's decided separator.
    public static func parse(_ cell: CellValue, profile: AmountColumnProfile) -> Result<Parsed, ValueError> {
        switch cell {
        case .number(let d):
            // The digits the cell shows (``CellValue/numberText``), without writing them out first.
            if let (negative, significand, exponent) = CellValue.decimalDigits(d) {
                return .success(Parsed(amount: Money.decimal(negative: negative, significand: significand, exponent: exponent),
                                       currency: nil))
            }
            guard d.isFinite else {
                return .failure(ValueError("MAP-AMOUNT-FORMAT", "amount: not a finite number", expected: "amount"))
            }
            // A formula's result carries the binary noise of its arithmetic (`=C2*1.16` stores
            // 115.99999999999999): Excel shows and computes with 15 significant digits, so the
            // amount is the number to 15 digits (116), as the sheet shows it and its CSV export says.
            let excelDigits = String(format: "%.15g", d)
            if !excelDigits.contains("e"), let dec = Money.parsePlainDecimal(excelDigits) {
                return .success(Parsed(amount: dec, currency: nil))
            }
            guard let text = cell.numberText, let dec = Money.parsePlainDecimal(text) else {
                return .failure(ValueError("MAP-AMOUNT-FORMAT", "amount: not a finite number", expected: "amount"))
            }
            return .success(Parsed(amount: dec, currency: nil))
        case .text(let s):
            return parse(text: s, profile: profile)
        default:
            return .failure(ValueError("MAP-AMOUNT-FORMAT", "amount: expected a number", expected: "amount"))
        }
    }

    static func parse(text: String, profile: AmountColumnProfile) -> Result<Parsed, ValueError> {
        var text = text
        if let read = text.withUTF8({ readFromBytes($0, profile: profile) }) { return .success(read) }
        return parseMarked(text: text, profile: profile)
    }

    /// What ``parseMarked(text:profile:)`` reads, read from the bytes where a shortcut does it:
    /// plain digits, grouped digits (``groupedParts(bytes:profile:)``), digits beside a currency
    /// mark (``markedParts(bytes:profile:affixes:)``, with the readings every thread shares);
    /// `nil` for the rest.
    private static func readFromBytes(_ bytes: UnsafeBufferPointer<UInt8>, profile: AmountColumnProfile) -> Parsed? {
        if let (value, evidence) = AmountText.plain(bytes: bytes), readsPlain(evidence, profile) {
            return Parsed(amount: value, currency: nil)
        }
        if let grouped = groupedParts(bytes: bytes, profile: profile) { return Parsed(amount: grouped.decimal, currency: nil) }
        var shared = SharedAmountAffixes.shared
        if let (value, currency) = markedParts(bytes: bytes, profile: profile, affixes: &shared) {
            return Parsed(amount: value.decimal, currency: currency)
        }
        return nil
    }

    /// An amount that is neither plain nor only grouped digits: a dash for zero (``dashZero(_:country:)``),
    /// else what ``AmountText`` reads, marks and signs around the digits.
    static func parseMarked(text: String, profile: AmountColumnProfile) -> Result<Parsed, ValueError> {
        if let zero = dashZero(text, country: profile.country) { return .success(zero) }
        return parseWritten(text, profile: profile)
    }

    /// Excel's accounting format shows a zero as a dash, and a sheet saved as CSV keeps it
    /// (` -   € `, `$ -`, `Bs. -`, a bare `-`): the amount is 0, in the currency beside it.
    static func dashZero(_ text: String, country: String?) -> Parsed? {
        // No `-` and no byte that may start `–` or `—`: no dash (most amounts), told from the bytes.
        guard text.utf8.contains(where: { $0 == 0x2D || $0 == 0xE2 }) else { return nil }
        let squeezed = text.filter { !$0.isWhitespace }
        guard let dash = squeezed.firstIndex(where: { $0 == "-" || $0 == "–" || $0 == "—" }),
              squeezed.filter({ $0 == "-" || $0 == "–" || $0 == "—" }).count == 1 else { return nil }
        let mark = String(squeezed[..<dash]) + String(squeezed[squeezed.index(after: dash)...])
        if mark.isEmpty { return Parsed(amount: 0, currency: nil) }
        guard let currency = CurrencyToken.currency(named: mark, country: country) else { return nil }
        return Parsed(amount: 0, currency: currency)
    }

    /// ``parse(bytes:profile:)`` as exact parts and the currency the text names, for a plain row
    /// (``PlainAmount``); `nil` when that fails or the value does not fit ``DecimalParts``.
    /// `affixes` keeps what the column's currency marks were read as.
    static func parts(bytes: UnsafeBufferPointer<UInt8>, profile: AmountColumnProfile,
                      affixes: inout AmountAffixes) -> (DecimalParts, Currency?)? {
        // Plain digits, as ``parse(bytes:profile:)`` takes them first, without a `Decimal`.
        if let (value, evidence) = AmountText.plainParts(bytes: bytes), readsPlain(evidence, profile) { return (value, nil) }
        if let value = groupedParts(bytes: bytes, profile: profile) { return (value, nil) }
        if let marked = markedParts(bytes: bytes, profile: profile, affixes: &affixes) { return marked }
        guard case .success(let p) = parseMarked(text: String(decoding: bytes, as: UTF8.self), profile: profile),
              let value = DecimalParts(p.amount) else { return nil }
        return (value, p.currency)
    }

    /// Whether plain digits are read as written: unless they are `1.234` in a column whose
    /// separator is the comma.
    private static func readsPlain(_ evidence: AmountText.Evidence, _ profile: AmountColumnProfile) -> Bool {
        evidence != .ambiguous(".") || profile.decimalSeparator == "."
    }

    /// ``parse(text:profile:)`` of a text cell's UTF-8 bytes.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, profile: AmountColumnProfile) -> Result<Parsed, ValueError> {
        if let read = readFromBytes(bytes, profile: profile) { return .success(read) }
        return parseMarked(text: String(decoding: bytes, as: UTF8.self), profile: profile)
    }

    /// An amount that is not plain digits: grouped, with a comma, a currency mark, a sign around it.
    private static func parseWritten(_ text: String, profile: AmountColumnProfile) -> Result<Parsed, ValueError> {
        guard let pieces = AmountText(text, country: profile.country) else {
            return .failure(ValueError("MAP-AMOUNT-FORMAT", "amount: not a number", expected: "amount"))
        }
        let sep: Character
        switch pieces.separatorEvidence {
        case .decimal(let c): sep = c
        case .none: sep = "."
        case .ambiguous(let c):
            guard let decided = profile.decimalSeparator else {
                return .failure(ValueError("MAP-AMOUNT-AMBIGUOUS",
                    "amount: \"\(c)\" may be a decimal or a thousands separator, and the column does not settle it",
                    expected: "amount with an unambiguous separator, or decimal_separator in the mapping"))
            }
            sep = decided
        }
        guard let dec = pieces.decimal(separator: sep) else {
            return .failure(ValueError("MAP-AMOUNT-FORMAT",
                "amount: digit grouping does not fit the column's decimal separator \"\(profile.decimalSeparator ?? sep)\"",
                expected: "amount"))
        }
        return .success(Parsed(amount: pieces.negative ? -dec : dec, currency: pieces.currency))
    }
}

/// What the text of an amount is made of: sign, currency mark and the digits with separators.
struct AmountText {
    var negative = false
    var currency: Currency?
    var sawCurrencyMark = false
    /// Digits and the separators `.`, `,`, `'` and spaces between digit groups, as written.
    var body: [Character] = []

    enum Evidence: Equatable { case none, decimal(Character), ambiguous(Character) }

    init?(_ raw: String, country: String?) {
        var s = raw.trimmingWhitespace
        guard !s.isEmpty else { return nil }
        // The minus sign of typeset text (U+2212) is a minus.
        if s.unicodeScalars.contains("\u{2212}") { s = s.replacingOccurrences(of: "\u{2212}", with: "-") }
        takeCreditOrDebitMark(&s)
        if s.hasPrefix("("), s.hasSuffix(")") { negative = true; s = String(s.dropFirst().dropLast()) }
        s = s.trimmingWhitespace
        // Signs may sit before or after the currency mark, or trail the number (`1.234,56-`).
        takeTrailingMinus(&s)
        if s.hasPrefix("-") { negative.toggle(); s = String(s.dropFirst()) } else if s.hasPrefix("+") { s = String(s.dropFirst()) }
        s = s.trimmingWhitespace
        // Currency mark in front or behind (skipped for the common bare number: digits and
        // separators only; a trailing `.` may end a mark, as in `3,50 Bs.`).
        if !Self.isBareNumber(s) { readCurrencyMark(&s, country: country) }
        s = s.trimmingWhitespace
        if s.hasPrefix("-") { negative.toggle(); s = String(s.dropFirst()) }
        takeTrailingMinus(&s)
        if s.hasPrefix("("), s.hasSuffix(")") { negative.toggle(); s = String(s.dropFirst().dropLast()) }
        s = s.trimmingWhitespace
        guard let first = s.first, first.isASCIIDigit || first == "." || first == "," else { return nil }
        for ch in s {
            if ch.isASCIIDigit || ch == "." || ch == "," { body.append(ch) }
            else if ch == " " || ch == "\u{00A0}" || ch == "\u{202F}" || ch == "'" { body.append(" ") }
            else { return nil }
        }
        guard body.contains(where: \.isASCIIDigit), let last = body.last, last.isASCIIDigit || last == "." || last == "," else { return nil }
    }

    /// Takes an accounting ledger's side off the end of `s`: `1.234,56 CR` is a credit (negative,
    /// what the customer is owed), `500,00 DB` or `DR` a debit (positive).
    private mutating func takeCreditOrDebitMark(_ s: inout String) {
        let u = Array(s.utf8)
        guard u.count > 3 else { return }
        var end = u.count
        if u[end - 1] == 0x2E { end -= 1 }  // `CR.`
        guard end >= 4, u[end - 3] == 0x20 else { return }
        let mark = (u[end - 2] | 0x20, u[end - 1] | 0x20)
        let credit = mark == (0x63, 0x72), debit = mark == (0x64, 0x62) || mark == (0x64, 0x72)
        guard credit || debit, u[..<(end - 3)].contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
        if credit { negative.toggle() }
        s = String(decoding: u[..<(end - 3)], as: UTF8.self).trimmingWhitespace
    }

    /// Takes a trailing minus off `s` (`1.234,56-`). A dash right after a separator is no sign but
    /// the cents left out, as whole amounts are written (`1.500,-`, `1.500,--`, Chile's `$ 1.234.-`):
    /// the separator then stays as the evidence it is (`1.500,00`), unless it already groups the
    /// thousands before it (`1.234.-` is `1.234`).
    private mutating func takeTrailingMinus(_ s: inout String) {
        var core = Substring(s)
        while let last = core.last, last == "-" || last == "\u{2013}" || last == "\u{2014}" { core = core.dropLast() }
        guard core.count < s.count else { return }
        if let separator = core.last, separator == "," || separator == ".",
           core.dropLast().last?.isASCIIDigit == true {
            let digits = core.dropLast()
            s = digits.contains(separator) ? String(digits) : String(digits) + String(separator) + "00"
            return
        }
        guard s.hasSuffix("-"), core.count == s.count - 1 else { return }
        negative.toggle()
        s = String(core)
    }

    /// Whether `s` holds only digits and the separators a number is written with (no mark to look for).
    private static func isBareNumber(_ s: String) -> Bool {
        s.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2C || $0 == 0x20 || $0 == 0x27 }
    }

    /// Takes the ISO 4217 code or currency mark (``CurrencyToken/marks``) off the front or back
    /// of `s`, the same marks either side (`Bs. 3,50` and `3,50 Bs.`). A code comes first: `BSD 10`
    /// is Bahamian dollars, not the mark `Bs` before `D 10`.
    ///
    /// A second mark of the same currency may stand on the other side, or a dollar sign beside a
    /// code (`$1,234.56 MXN`, `USD$ 100,00`, `$100,00 USD`): it is taken too. A second mark of
    /// another currency (`R$ 100 USD`) is left, and the amount is no amount.
    private mutating func readCurrencyMark(_ s: inout String, country: String?) {
        guard let first = Self.takeMark(&s, country: country) else { return }
        sawCurrencyMark = true; currency = first.currency
        var rest = s.trimmingWhitespace
        if let second = Self.takeMark(&rest, country: country), second.bareDollar || second.currency == first.currency {
            s = rest
        }
    }

    /// Takes one ISO 4217 code or currency mark off the front or back of `s`: what it names, and
    /// whether it was a bare `$`.
    private static func takeMark(_ s: inout String, country: String?) -> (currency: Currency?, bareDollar: Bool)? {
        if let (code, rest) = CurrencyToken.code(around: s) {
            s = String(rest)
            return (code, false)
        }
        let lower = s.lowercased()
        // A mark is tried at an end only when its byte there is the text's: `hasPrefix` and
        // `hasSuffix` compare Characters, about a tenth of a microsecond each, for seventy marks.
        // (No mark starts or ends with a character another one is canonically equivalent to.)
        let first = lower.utf8.first, last = lower.utf8.last
        for (mark, cur) in CurrencyToken.marks {
            if mark.utf8.first == first && lower.hasPrefix(mark) {
                s = String(s.dropFirst(mark.count))
            } else if mark.utf8.last == last && lower.hasSuffix(mark), lower.count > mark.count {
                s = String(s.dropLast(mark.count))
            } else {
                continue
            }
            return (cur.map { CurrencyToken.local($0, mark: mark, country: country) } ?? Currency.dollarSign(country: country), cur == nil)
        }
        return nil
    }

    /// The common `1234.56` / `-1234` read straight from the bytes, with what it says about the
    /// separator; `nil` for anything else (grouping, commas, currency marks), which takes the general path.
    static func plain(_ text: String) -> (Decimal, Evidence)? {
        var text = text
        return text.withUTF8 { plain(bytes: $0) }
    }

    /// ``plain(_:)`` of UTF-8 bytes.
    static func plain(bytes text: UnsafeBufferPointer<UInt8>) -> (Decimal, Evidence)? {
        guard let evidence = plainEvidence(text), let value = Money.parsePlainDecimal(bytes: text) else { return nil }
        return (value, evidence)
    }

    /// ``plain(bytes:)`` as ``DecimalParts``; `nil` also past 19 digits.
    static func plainParts(bytes text: UnsafeBufferPointer<UInt8>) -> (DecimalParts, Evidence)? {
        guard let evidence = plainEvidence(text), let value = DecimalParts.parse(plain: text) else { return nil }
        return (value, evidence)
    }

    /// What plain digits (`1234.56`, `-1234`) say about the separator; `nil` when the bytes are not
    /// plain digits.
    private static func plainEvidence(_ text: UnsafeBufferPointer<UInt8>) -> Evidence? {
        var digitsAfter = -1, digits = 0, i = 0
        for b in text {
            if b >= 0x30 && b <= 0x39 { digits += 1; if digitsAfter >= 0 { digitsAfter += 1 } }
            else if b == 0x2E { guard digitsAfter < 0, digits > 0 else { return nil }; digitsAfter = 0 }
            else if b == 0x2D && i == 0 {}
            else { return nil }
            i += 1
        }
        guard digits > 0, digitsAfter != 0 else { return nil }
        let before = digits - max(digitsAfter, 0)
        let leadingZero = text[0] == 0x30 || text[0] == 0x2D && text.count > 1 && text[1] == 0x30
        return digitsAfter < 0 ? Evidence.none
            : (digitsAfter == 3 && before <= 3 && !leadingZero) ? .ambiguous(".") : .decimal(".")
    }

    /// What this value alone says about the decimal separator.
    var separatorEvidence: Evidence {
        let dots = body.filter { $0 == "." }.count, commas = body.filter { $0 == "," }.count
        if dots > 0 && commas > 0 {
            return .decimal(body.lastIndex(of: ".")! > body.lastIndex(of: ",")! ? "." : ",")
        }
        let sep: Character
        switch (dots, commas) {
        case (0, 0): return .none
        case (_, 0): sep = "."
        default: sep = ","
        }
        if dots + commas > 1 { return .decimal(sep == "." ? "," : ".") }
        let after = body.count - 1 - body.lastIndex(of: sep)!
        let before = body.prefix { $0 != sep }.filter(\.isASCIIDigit).count
        // `1.234` or `12,500`: three digits after a single separator could be either reading;
        // `0.125` cannot be a thousands group (a group never follows a lone 0).
        if after == 3 && before >= 1 && before <= 3 && !(before == 1 && body.first == "0") {
            // A currency written beside it whose amounts have two decimals (or none) never shows
            // three: `1.500 €`, `$ 12.000` are thousands.
            if sawCurrencyMark, (currency?.minorUnits ?? 2) < 3 { return .decimal(sep == "." ? "," : ".") }
            return .ambiguous(sep)
        }
        return .decimal(sep)
    }

    /// The exact value, reading `separator` as the decimal point and the other marks as grouping;
    /// `nil` when the groups are malformed (`1.23.4`).
    func decimal(separator: Character) -> Decimal? {
        var intPart = "", frac = "", seenDecimal = false
        var groups: [Int] = [], current = 0
        for ch in body {
            if ch.isASCIIDigit {
                if seenDecimal { frac.append(ch) } else { intPart.append(ch); current += 1 }
            } else if ch == separator && ch != " " {
                guard !seenDecimal else { return nil }
                seenDecimal = true
            } else {
                guard !seenDecimal else { return nil }
                groups.append(current); current = 0
            }
        }
        if !groups.isEmpty {
            groups.append(current)
            guard let head = groups.first, (1...3).contains(head), groups.dropFirst().allSatisfy({ $0 == 3 }) else { return nil }
        }
        if intPart.isEmpty && frac.isEmpty { return nil }
        let text = (intPart.isEmpty ? "0" : intPart) + (frac.isEmpty ? "" : "." + frac)
        return Money.parsePlainDecimal(text)
    }
}

/// A column's decision about its amounts, made from all its values: which character is the
/// decimal separator, and the currency its header names.
public struct AmountColumnProfile: Hashable, Sendable {
    /// The decimal separator the column's values settle, else the mapping's, else the country's
    /// convention; `nil` when none decides (ambiguous cells are then reported).
    public var decimalSeparator: Character?
    /// Country used to read a bare `$`.
    public var country: String?
    /// Values that voted for each reading, and values either reading fits (`1.234`).
    public var commaVotes = 0, dotVotes = 0, ambiguousValues = 0
    /// The column's amount values, and those that name a currency (a mark, a code, a format).
    public var values = 0, markedValues = 0
    /// Whether the country's convention decided the separator for the column's ambiguous values.
    public var decidedByCountry = false
    /// The currency the column's currency-marked values name, when they all name the same one and
    /// are at least half its values: the currency of its unmarked values too (`350,00` under
    /// `€ 1.200,00`).
    public var currency: Currency?

    public init(decimalSeparator: Character? = nil, country: String? = nil) {
        self.decimalSeparator = decimalSeparator; self.country = country
    }

    /// Decides from the column's cells; `configured` (the mapping's decimal separator) settles ties,
    /// else the country's convention does (`1.500` is fifteen hundred in Venezuela).
    public static func profile(_ cells: some Sequence<CellValue>, configured: Character?, country: String?) -> AmountColumnProfile {
        profile(cells.lazy.map { ($0, nil) }, configured: configured, country: country)
    }

    /// ``profile(_:configured:country:)`` of a workbook's cells, each with the currency its number
    /// format shows, if any (`"Bs." #,##0.00`).
    static func profile(_ cells: some Sequence<(CellValue, Currency?)>, configured: Character?,
                        country: String?) -> AmountColumnProfile {
        var p = AmountColumnProfile(country: country)
        var marked: Currency?, mixedCurrencies = false, affixes = AmountAffixes()
        func mark(_ c: Currency?) {
            guard let c else { return }
            p.markedValues += 1
            if marked == nil { marked = c } else if marked != c { mixedCurrencies = true }
        }
        for (cell, formatCurrency) in cells {
            if case .number = cell { p.values += 1; mark(formatCurrency); continue }
            guard case .text(let s) = cell else { continue }
            // What the value says of the separator, and its currency: plain digits, and digits and
            // separators only (`1.234,56`), read from the bytes as the text reads; a currency mark
            // or code beside them (`Bs. 1.234,56`) too, the text beside them read once
            // (``AmountText/marked(bytes:country:affixes:)``); anything else by ``AmountText``.
            let evidence: AmountText.Evidence, currency: Currency?
            if let (_, plain) = AmountText.plain(s) {
                (evidence, currency) = (plain, nil)
            } else if let (_, grouped) = AmountText.groupedEvidence(s) {
                (evidence, currency) = (grouped, nil)
            } else if let (_, reading, written) = s.utf8.withContiguousStorageIfAvailable({
                AmountText.marked(bytes: $0, country: country, affixes: &affixes)
            }) ?? nil {
                (evidence, currency) = (written, reading.currency)
            } else if let t = AmountText(s, country: country) {
                (evidence, currency) = (t.separatorEvidence, t.currency)
            } else {
                continue
            }
            p.values += 1
            switch evidence {
            case .decimal(let c): if c == "," { p.commaVotes += 1 } else { p.dotVotes += 1 }
            case .ambiguous: p.ambiguousValues += 1
            case .none: break
            }
            mark(currency)
        }
        if p.commaVotes > p.dotVotes { p.decimalSeparator = "," }
        else if p.dotVotes > p.commaVotes { p.decimalSeparator = "." }
        else if let configured { p.decimalSeparator = configured }
        else if let byCountry = countryDecimalSeparator(country) {
            p.decimalSeparator = byCountry
            p.decidedByCountry = p.ambiguousValues > 0
        }
        // A column's currency is what most of its values say, all alike: one `$ 50,00` among
        // three hundred bolívar amounts is that cell's currency, not the column's.
        if !mixedCurrencies, p.markedValues * 2 >= p.values { p.currency = marked }
        return p
    }

    /// The decimal separator a country writes amounts with (ISO 3166 alpha-2); `nil` when unknown.
    public static func countryDecimalSeparator(_ country: String?) -> Character? {
        guard let country = country?.uppercased() else { return nil }
        if commaCountries.contains(country) { return "," }
        if pointCountries.contains(country) { return "." }
        return nil
    }

    /// Countries writing `1.234,56`: most of South America, Spain, Portugal, Costa Rica, Cuba, and
    /// continental Europe.
    static let commaCountries: Set<String> = [
        "AR", "BO", "BR", "CL", "CO", "CR", "CU", "EC", "PY", "UY", "VE", "ES", "PT", "AD",
        "DE", "AT", "BE", "NL", "IT", "FR", "DK", "NO", "SE", "FI", "GR", "TR", "ID",
    ]
    /// Countries writing `1,234.56`: Mexico, Central America and the Caribbean, Peru, the
    /// English-speaking world, East Asia.
    static let pointCountries: Set<String> = [
        "MX", "GT", "HN", "SV", "NI", "PA", "DO", "PR", "PE", "US", "CA", "GB", "IE", "AU", "NZ",
        "IN", "JP", "CN", "KR", "PH", "SG", "IL",
    ]
}
