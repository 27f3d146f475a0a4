import Tabular
import XMLStream

/// The SAX handler of a worksheet part: turns `<row>`/`<c>` events into typed rows, and records
/// merged ranges and hidden rows and columns on the way. Only the current row is held; finished
/// rows wait in `pending` until the row stream hands them out.
final class SheetHandler: XMLStreamHandler {
    /// The error a cell whose shared string cannot be found holds (`XLSX-BAD-SHARED-STRING`).
    static let unreadableText = "#UNREADABLE"

    struct Context {
        let file: String
        let sheet: String
        let strings: SharedStrings
        let formats: [NumberFormatKind]
        /// What each cell format shows beside its numbers, if anything (indexed as `formats`).
        var extras: [NumberFormatExtras?] = []
        let date1904: Bool
        /// The package has no shared strings part (``XLSXWorkbook/stringsMissing``).
        var stringsMissing = false
    }

    let context: Context
    /// `false` when only the layout (merged ranges, hidden rows/columns) is wanted.
    let readsCells: Bool

    // Output.
    var pending: [Row] = []
    var pendingHead = 0
    var diagnostics: [Diagnostic] = []
    var mergedRanges: [CellRange] = []
    var hiddenRows: [Int] = []
    /// Hidden rows that hold a cell (``hiddenRows`` also lists empty rows hidden for layout).
    var hiddenRowsWithValues: [Int] = []
    private var rowHidden = false
    /// The current row's `r` was a number outside the sheet (``startRow(_:)``).
    private var rowOutsideSheet = false
    var hiddenColumns: [ClosedRange<Int>] = []
    var maxColumnSeen = 0

    // Reading ahead before the string table exists (see `SheetSpeculation`).
    var defersSharedStrings = false
    /// Shared-string cells left as placeholders: row index in `pending`, 0-based column, string index.
    var deferredCells: [(row: Int, column: Int, index: Int)] = []
    /// Set when a deferred read could differ from a plain one; the speculation is then dropped.
    var speculationFailed = false

    // Where the parser is.
    @exclusivity(unchecked) private var inSheetData = false
    @exclusivity(unchecked) private var rowNumber = 0
    @exclusivity(unchecked) private var rowHasNumber = false
    @exclusivity(unchecked) private var cells: [CellValue] = []
    /// The current row's number cells whose format shows a currency: column → mark.
    @exclusivity(unchecked) private var cellCurrencies: [Int: String] = [:]
    /// The current row's number cells whose format pads them: column → the text shown.
    @exclusivity(unchecked) private var cellShown: [Int: String] = [:]
    private var lastWidth = 16

    // The current cell.
    @exclusivity(unchecked) private var column = 0
    @exclusivity(unchecked) private var type: CellType = .number
    @exclusivity(unchecked) private var style = 0
    @exclusivity(unchecked) private var collecting = false
    @exclusivity(unchecked) private var hasValue = false
    @exclusivity(unchecked) private var hasFormula = false
    /// Formula cells with no saved result (a file written by a program that does not compute
    /// formulas): how many, and the first. Their cells read as empty; the sheet says so once.
    private var formulasWithoutValue = 0
    private var firstFormulaWithoutValue: (row: Int, column: Int)?
    @exclusivity(unchecked) private var inInlineString = false
    @exclusivity(unchecked) private var sawInlineString = false
    @exclusivity(unchecked) private var phoneticDepth = 0
    @exclusivity(unchecked) private var text = ScratchBuffer()

    enum CellType: UInt8 { case number, sharedString, string, inlineString, boolean, error, isoDate, unknown }

    /// Hot-path copies of the context: the string table, and the format kinds in a buffer whose
    /// element reads need no reference counting.
    @exclusivity(unchecked) private var strings: [String]
    private let formats: UnsafeMutableBufferPointer<NumberFormatKind>
    /// Per cell format: 0, or 1 + the index in `distinctExtras` of what it shows beside its numbers
    /// (no optionals to unwrap and count references of on every number cell).
    private let extrasIndex: UnsafeMutableBufferPointer<UInt16>
    private let distinctExtras: [NumberFormatExtras]

    init(context: Context, readsCells: Bool = true) {
        self.context = context
        self.readsCells = readsCells
        strings = context.strings.strings
        formats = .allocate(capacity: context.formats.count)
        _ = formats.initialize(from: context.formats)
        var distinct: [NumberFormatExtras] = []
        extrasIndex = .allocate(capacity: context.formats.count)
        extrasIndex.initialize(repeating: 0)
        for (i, extras) in context.extras.enumerated() where i < context.formats.count {
            guard let extras else { continue }
            if !distinct.contains(extras) { distinct.append(extras) }
            extrasIndex[i] = UInt16(truncatingIfNeeded: distinct.firstIndex(of: extras)! + 1)
        }
        distinctExtras = distinct
        cells.reserveCapacity(lastWidth)
    }

    /// Fills the placeholders of a read ahead (rows waiting in `pending` and the row under way)
    /// and continues as a plain read; `false` when an index is out of range.
    func resolveDeferred(with table: SharedStrings) -> Bool {
        for fix in deferredCells {
            guard let s = table.string(at: fix.index) else { return false }
            if fix.row < pending.count {
                pending[fix.row].cells[fix.column] = .text(s)
            } else {
                cells[fix.column] = .text(s)
            }
        }
        deferredCells = []
        defersSharedStrings = false
        strings = table.strings
        return true
    }

    deinit {
        text.free()
        formats.deallocate()
        extrasIndex.deallocate()
    }

    // MARK: SAX events (names compared as bytes: this is the hot path)

    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
        let name = localName.buffer
        switch name.count {
        case 1:
            guard inSheetData else { return }
            switch name[0] {
            case UInt8(ascii: "c"): startCell(attributes)
            case UInt8(ascii: "v"):
                collecting = readsCells
                text.reset()
            case UInt8(ascii: "t"):
                if inInlineString, phoneticDepth == 0 { collecting = readsCells }
            case UInt8(ascii: "f"):
                hasFormula = true
            default: break
            }
        case 2 where inSheetData && localName == "is":
            inInlineString = true
            sawInlineString = true
            text.reset()
        case 3:
            if localName == "row" { startRow(attributes) }
            else if localName == "rPh" { phoneticDepth += 1 }
            else if localName == "col" { column(attributes) }
        case 9 where localName == "sheetData":
            inSheetData = true
        case 9 where localName == "mergeCell":
            if let ref = attributes.value("ref"), let range = CellRange(ref.string) { mergedRanges.append(range) }
        default:
            break
        }
    }

    func endElement(localName: XMLBytes, namespace: XMLBytes) {
        let name = localName.buffer
        switch name.count {
        case 1:
            guard inSheetData else { return }
            switch name[0] {
            case UInt8(ascii: "c"): endCell()
            case UInt8(ascii: "v"):
                collecting = false
                hasValue = true
            case UInt8(ascii: "t"):
                if inInlineString { collecting = false }
            default: break
            }
        case 2 where inSheetData && localName == "is":
            inInlineString = false
            hasValue = true
        case 3:
            if localName == "row" { endRow() }
            else if localName == "rPh" { phoneticDepth = max(0, phoneticDepth - 1) }
        case 9 where localName == "sheetData":
            inSheetData = false
            noteFormulasWithoutValue()
        default:
            break
        }
    }

    private func noteFormulasWithoutValue() {
        guard formulasWithoutValue > 0, let first = firstFormulaWithoutValue else { return }
        diagnostics.append(Diagnostic(.warning, code: "XLSX-FORMULA-NO-VALUE",
            "\(formulasWithoutValue) formula cell(s) have no saved result (the program that wrote the file did not compute them), so they read as empty; open and save the file in Excel or LibreOffice to keep their values",
            at: SourceLocation(file: context.file, sheet: context.sheet, row: first.row, column: first.column)))
    }

    func characters(_ bytes: XMLBytes) {
        guard collecting else { return }
        // A cell's text beyond what Excel can hold is dropped as it streams in (said at the cell's end).
        if text.count + bytes.buffer.count > CellTextLimit.bytes {
            textCut = true
            text.append(UnsafeBufferPointer(rebasing: bytes.buffer.prefix(max(0, CellTextLimit.bytes - text.count))))
            return
        }
        text.append(bytes.buffer)
    }

    /// The current cell's text went past ``CellTextLimit``.
    private var textCut = false

    // MARK: Rows

    private func startRow(_ attributes: XMLAttributes) {
        guard inSheetData else { return }
        column = 0
        var number: Int?
        var hidden = false
        for a in attributes {
            let n = a.localName.buffer
            if n.count == 1, n[0] == UInt8(ascii: "r") { number = ByteParsing.int(a.value.buffer) }
            else if a.localName == "hidden" { hidden = a.value == "1" || a.value == "true" }
        }
        rowOutsideSheet = false
        if let number, number >= 1, number <= CellRef.maxRow, number <= rowNumber {
            // A row number again, or one going back (a hand-edited or broken writer's file): two
            // rows would share one place, and their records one ID. Read after the previous row.
            rowNumber += 1
            rowHasNumber = true
            let text = Array(String(number).utf8)
            text.withUnsafeBufferPointer {
                problem("XLSX-ROW-OUT-OF-ORDER", "row number not after the previous row's; read as row \(rowNumber)", found: $0)
            }
        } else if let number, number >= 1, number <= CellRef.maxRow {
            rowNumber = number
            rowHasNumber = true
        } else {
            // No (or a bad) `r`: the row follows the previous one, as Excel writes them.
            rowNumber += 1
            rowHasNumber = false
            rowOutsideSheet = number != nil
            if let number {
                // A number no sheet has: said, since the row's place in the outputs is then a guess.
                let text = Array(String(number).utf8)
                text.withUnsafeBufferPointer {
                    problem("XLSX-BAD-ROW-NUMBER", "row number outside the sheet (1 to \(CellRef.maxRow)); read as row \(rowNumber), after the previous row",
                            found: $0)
                }
            }
        }
        if hidden { hiddenRows.append(rowNumber) }
        rowHidden = hidden
        column = 0
    }

    private func endRow() {
        guard inSheetData else { return }
        if !cells.isEmpty {
            if rowHidden && cells.contains(where: { !$0.isBlank }) { hiddenRowsWithValues.append(rowNumber) }
            pending.append(Row(number: rowNumber, cells: cells, currencies: cellCurrencies.isEmpty ? nil : cellCurrencies,
                               shown: cellShown.isEmpty ? nil : cellShown))
            if !cellCurrencies.isEmpty { cellCurrencies = [:] }
            if !cellShown.isEmpty { cellShown = [:] }
            lastWidth = max(lastWidth, cells.count)
            cells = []
            cells.reserveCapacity(lastWidth)
        }
        column = 0
    }

    private func column(_ attributes: XMLAttributes) {
        guard attributes.value("hidden").map({ $0 == "1" || $0 == "true" }) == true,
              let min = attributes.value("min").flatMap({ ByteParsing.int($0.buffer) }),
              let max = attributes.value("max").flatMap({ ByteParsing.int($0.buffer) }), min >= 1, min <= max,
              min <= CellRef.maxColumn else { return }  // (past the last column: no range to build)
        hiddenColumns.append(min...Swift.min(max, CellRef.maxColumn))
    }

    // MARK: Cells

    private func startCell(_ attributes: XMLAttributes) {
        var ref: (column: Int, row: Int)?
        var t: CellType = .number
        var s = 0
        var badReference: UnsafeBufferPointer<UInt8>?
        for a in attributes {
            let n = a.localName.buffer
            guard n.count == 1 else { continue }
            switch n[0] {
            case UInt8(ascii: "r"):
                ref = ByteParsing.cellReference(a.value.buffer)
                if ref == nil { badReference = a.value.buffer }
            case UInt8(ascii: "t"): t = Self.cellType(a.value)
            case UInt8(ascii: "s"): s = ByteParsing.int(a.value.buffer) ?? 0
            default: break
            }
        }
        if let ref {
            column = ref.column
            if !rowHasNumber, ref.row >= 1, cells.isEmpty {
                // A row without `r` whose cells carry references: trust the cells.
                rowNumber = ref.row
                rowHasNumber = true
            }
        } else {
            column += 1
            // (In a row whose own number was outside the sheet, said once for the row.)
            if let badReference, !rowOutsideSheet {
                problem("XLSX-BAD-CELL-REFERENCE", "cell reference outside the sheet (A1 to XFD1048576); read as the cell after the previous one",
                        found: badReference)
            }
        }
        type = t
        style = s
        hasValue = false
        hasFormula = false
        sawInlineString = false
        collecting = false
        phoneticDepth = 0
    }

    @inline(__always)
    static func cellType(_ v: XMLBytes) -> CellType {
        let b = v.buffer
        switch b.count {
        case 1:
            switch b[0] {
            case UInt8(ascii: "s"): return .sharedString
            case UInt8(ascii: "n"): return .number
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .isoDate
            default: return .unknown
            }
        case 3 where v == "str": return .string
        case 9 where v == "inlineStr": return .inlineString
        default: return .unknown
        }
    }

    private func endCell() {
        collecting = false
        defer { textCut = false }
        // (`<v/>` is no result either, unless the formula's result is the empty string: `t="str"`.)
        if hasFormula, readsCells, !hasValue || (text.isEmpty && type != .string) {
            formulasWithoutValue += 1
            if firstFormulaWithoutValue == nil { firstFormulaWithoutValue = (rowNumber, column) }
        }
        guard readsCells, hasValue, column >= 1, column <= CellRef.maxColumn else { return }
        let value: CellValue
        switch type {
        case .string where text.isEmpty:
            // A formula whose cached result is the empty string shows nothing, like an empty cell.
            return
        case .inlineString where !sawInlineString:
            // ECMA-376 puts an inline string in <is>; a <v> in such a cell (old LibreOffice wrote
            // formula results that way) is outside the schema, and calamine and openpyxl both
            // ignore it. Report its text as a diagnostic rather than guess a value.
            problem("XLSX-INLINE-STRING-IN-V", "inline-string cell holds its text in <v>, not <is>; cell read as empty", found: text.buffer)
            return
        case .string, .inlineString:
            var bytes = Array(text.buffer)
            if textCut {
                textCut = false
                CellTextLimit.cut(&bytes)
                problem("XLSX-CELL-TOO-LONG", "cell text longer than Excel allows (32,767 characters); kept to its first "
                        + "\(CellTextLimit.bytes / 1024) KiB", found: text.buffer)
            }
            EscapedText.decode(&bytes)
            value = .text(String(decoding: bytes, as: UTF8.self))
        default:
            value = cellValue(text.buffer)
        }
        if case .empty = value { return }
        if defersSharedStrings, column <= cells.count {
            // A cell written over an earlier one could overwrite a placeholder: not worth the care.
            speculationFailed = true
        }
        if column > cells.count {
            if column > cells.count + 1 {
                cells.append(contentsOf: repeatElement(CellValue.empty, count: column - 1 - cells.count))
            }
            cells.append(value)
        } else {
            if !cells[column - 1].isBlank {
                // The cell given twice in its row (a broken writer): the later value is read, and said.
                let earlier = Array(cells[column - 1].displayText.utf8)
                earlier.withUnsafeBufferPointer {
                    problem("XLSX-DUPLICATE-CELL", "the cell is given twice in its row; the later value is read", found: $0)
                }
            }
            cells[column - 1] = value
        }
        if column > maxColumnSeen { maxColumnSeen = column }
    }

    private func cellValue(_ b: UnsafeBufferPointer<UInt8>) -> CellValue {
        switch type {
        case .number:
            guard !b.isEmpty else { return .empty }
            guard let d = ByteParsing.double(b) else {
                problem("XLSX-BAD-NUMBER", "number cell does not hold a number", found: b)
                return .text(String(decoding: b, as: UTF8.self))
            }
            if style > 0, style < formats.count {
                let kind = formats[style]
                if kind != .general, let v = ExcelSerial.value(d, kind: kind, date1904: context.date1904) { return v }
                if extrasIndex[style] > 0 {
                    let extras = distinctExtras[Int(extrasIndex[style]) - 1]
                    if let mark = extras.currency { cellCurrencies[column] = mark }
                    if let shown = extras.padding?.text(d) { cellShown[column] = shown }
                }
            }
            return .number(d)
        case .sharedString where defersSharedStrings:
            guard let i = ByteParsing.int(b) else {
                speculationFailed = true
                return .empty
            }
            deferredCells.append((pending.count, column - 1, i))
            return .text("")
        case .sharedString:
            guard let i = ByteParsing.int(b), i < strings.count else {
                if context.stringsMissing {
                    // The whole workbook's text is gone, not one cell's: one error per sheet, which
                    // makes the source one that could not be read in full.
                    if !reportedMissingStrings {
                        reportedMissingStrings = true
                        problem("XLSX-MISSING-SHARED-STRINGS",
                                "the workbook's shared strings part is missing: the sheet's text cells, from this one on, cannot be read",
                                found: b, severity: .error)
                    }
                } else {
                    problem("XLSX-BAD-SHARED-STRING", "shared string index out of range (\(strings.count) strings)", found: b)
                    // Not blank: a cell that held text nobody can read must not take the value above it
                    // (a customer filled down from the row before).
                    return .error(Self.unreadableText)
                }
                return .empty
            }
            return .text(strings[i])
        case .string, .inlineString:
            return .text(String(decoding: b, as: UTF8.self))
        case .boolean:
            if b.count == 1 { return .boolean(b[0] == UInt8(ascii: "1")) }
            let s = String(decoding: b, as: UTF8.self).lowercased().trimmingSpaces()
            if s == "true" { return .boolean(true) }
            if s == "false" || s.isEmpty { return .boolean(false) }
            problem("XLSX-BAD-BOOLEAN", "boolean cell holds neither 0 nor 1", found: b)
            return .text(s)
        case .error:
            return .error(String(decoding: b, as: UTF8.self))
        case .isoDate:
            let s = String(decoding: b, as: UTF8.self).trimmingSpaces()
            if s.isEmpty { return .empty }
            if let v = ISODateText.value(s) { return v }
            problem("XLSX-BAD-DATE", "ISO date cell is not an ISO 8601 date", found: b)
            return .text(s)
        case .unknown:
            problem("XLSX-UNKNOWN-CELL-TYPE", "unknown cell type; value kept as text", found: b)
            return b.isEmpty ? .empty : .text(String(decoding: b, as: UTF8.self))
        }
    }

    /// ``Context/stringsMissing`` was reported for this sheet.
    private var reportedMissingStrings = false

    private func problem(_ code: String, _ message: String, found: UnsafeBufferPointer<UInt8>,
                         severity: Diagnostic.Severity = .warning) {
        guard diagnostics.count < 1000 else { return }
        diagnostics.append(Diagnostic(severity, code: code, message,
                                      at: SourceLocation(file: context.file, sheet: context.sheet, row: rowNumber, column: column),
                                      found: String(decoding: found.prefix(100), as: UTF8.self)))
    }
}
