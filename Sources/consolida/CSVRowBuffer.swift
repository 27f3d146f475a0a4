import Mapping
import Receivables
import Reports
import Tabular

/// RFC 4180 bytes (CRLF) with formula neutralization: a text field starting with `=`, `+`, `-`,
/// `@`, tab or CR is prefixed with `'` so a spreadsheet shows it instead of evaluating it (CSV
/// injection). Plain decimals the importer wrote itself (`-185.00`) are numbers, not formulas, and
/// stay as they are.
struct CSVRowBuffer {
    var bytes: [UInt8] = []
    private var atRowStart = true

    mutating func field(_ text: String?) {
        separate()
        guard var text, !text.isEmpty else { return }
        text.withUTF8 { append($0) }
    }

    /// Several values in one field, separated by `; ` (a customer's phones or emails).
    mutating func joined(_ values: [Sourced<String>]) {
        if values.count <= 1 { field(values.first?.value); return }
        field(values.map(\.value).joined(separator: "; "))
    }

    /// Fields rendered before by another buffer (from the start of its row).
    mutating func fields(rendered: [UInt8]) {
        separate()
        bytes.append(contentsOf: rendered)
    }

    /// An amount as plain decimal text (``Money/plainText``), digits written directly: a plain
    /// number is never taken for a formula, nor quoted.
    mutating func field(_ money: Money?) {
        separate()
        money?.appendPlainText(to: &bytes)
    }

    /// A plain row's amount, as ``field(_:)-(Money?)`` writes its ``Money``.
    mutating func field(_ amount: PlainAmount?) {
        separate()
        amount?.appendPlainText(to: &bytes)
    }

    /// A date as `YYYY-MM-DD`, digits written directly.
    mutating func field(_ date: LocalDate?) {
        separate()
        guard let date else { return }
        digits(date.year, 4); bytes.append(UInt8(ascii: "-")); digits(date.month, 2)
        bytes.append(UInt8(ascii: "-")); digits(date.day, 2)
    }

    /// `n`'s digits zero-padded to `width` (a date part; a negative year keeps its sign).
    private mutating func digits(_ n: Int, _ width: Int) {
        if n < 0 { bytes.append(UInt8(ascii: "-")) }
        bytes.appendDigits(UInt64(n.magnitude), width: width)
    }

    /// Source file, sheet, row and line.
    mutating func location(_ l: SourceLocation) {
        field(l.file); field(l.sheet); field(number: l.row); field(number: l.line)
    }

    /// A location whose file and sheet are rendered already (``PlacePrefix``).
    mutating func location(_ place: PlacePrefix, row: Int?, line: Int?) {
        fields(rendered: place.fields); field(number: row); field(number: line)
    }

    /// A whole number, or nothing.
    mutating func field(number n: Int?) {
        separate()
        if let n { bytes.appendDecimal(n) }
    }

    mutating func endRow() {
        bytes.append(0x0D); bytes.append(0x0A)
        atRowStart = true
    }

    private mutating func separate() {
        if !atRowStart { bytes.append(0x2C) }
        atRowStart = false
    }

    private mutating func append(_ u: UnsafeBufferPointer<UInt8>) {
        // Most fields need neither guard nor quotes: appended as they are.
        guard let first = u.first else { return }
        if !Self.isFormulaStart[Int(first)] && !u.contains(where: Self.needsQuotes) {
            bytes.append(contentsOf: u)
            return
        }
        let n = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: Self.fieldBound(u)))
        let written = bytes.withUnsafeMutableBufferPointer { b in
            var w = ByteCursor(b.baseAddress! + n)
            Self.put(field: u, into: &w)
            return w.position - (b.baseAddress! + n)
        }
        bytes.removeLast(bytes.count - n - written)
    }

    /// A text field's bytes, guarded against formulas and quoted as RFC 4180 asks, through a cursor
    /// with room for ``fieldBound(_:)`` bytes.
    static func put(field u: UnsafeBufferPointer<UInt8>, into w: inout ByteCursor) {
        guard let first = u.first else { return }
        let formula = isFormulaStart[Int(first)] && !isPlainNumber(u) && !FormulaGuard.isPhoneList(u)
        // Every byte that calls for quotes (`,` `"` LF CR) is at most 0x2C: one compare for most bytes.
        let quoted = u.contains(where: needsQuotes)
        if !quoted {
            if formula { w.put(0x27) }
            w.put(u)
            return
        }
        w.put(0x22)
        if formula { w.put(0x27) }
        for b in u {
            if b == 0x22 { w.put(0x22) }
            w.put(b)
        }
        w.put(0x22)
    }

    /// The most bytes ``put(field:into:)`` writes for `u`: every byte a doubled quote, the quotes
    /// around and the formula guard.
    static func fieldBound(_ u: UnsafeBufferPointer<UInt8>) -> Int { 2 * u.count + 3 }

    @inline(__always)
    private static func needsQuotes(_ b: UInt8) -> Bool {
        guard b <= 0x2C else { return false }
        return b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D
    }

    /// ``FormulaGuard/formulaStartBytes`` by byte value.
    private static let isFormulaStart: [Bool] = (0..<256).map { FormulaGuard.formulaStartBytes.contains(UInt8($0)) }

    /// `-12`, `3.50`: an optional minus, digits, at most one point with digits on both sides.
    static func isPlainNumber(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        var body = u[...]
        if body.first == UInt8(ascii: "-") { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        var sawPoint = false, digitsBefore = 0, digitsAfter = 0
        for b in body {
            if b == UInt8(ascii: ".") {
                if sawPoint { return false }
                sawPoint = true
            } else if b >= 0x30 && b <= 0x39 {
                if sawPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            } else {
                return false
            }
        }
        return digitsBefore > 0 && (!sawPoint || digitsAfter > 0)
    }
}

/// What the rows of one sheet share in their output: file and sheet rendered once as the first
/// two location fields and, when they need no quotes and no formula guard, as the start of every
/// record ID (``RecordID/sheetPart(file:sheet:)``).
struct PlacePrefix {
    let file: String
    let sheet: String?
    /// `file,sheet` as CSV fields, quoted and guarded as ``CSVRowBuffer/field(_:)-(String?)`` would.
    let fields: [UInt8]
    /// `file#sheet!` when an ID starting with it is written as it is; `nil` when it is not.
    let idStart: [UInt8]?

    init(file: String, sheet: String?) {
        self.file = file; self.sheet = sheet
        var rendered = CSVRowBuffer()
        rendered.field(file); rendered.field(sheet)
        fields = rendered.bytes
        let start = RecordID.sheetPart(file: file, sheet: sheet)
        var alone = CSVRowBuffer()
        alone.field(start + "0")
        idStart = alone.bytes == Array((start + "0").utf8) ? Array(start.utf8) : nil
    }
}
