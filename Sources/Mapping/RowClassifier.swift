import Foundation
import Tabular

/// What a row inside a table's data area is.
enum RowClass: Equatable {
    case blank
    case repeatedHeader
    case totals
    case data
}

/// Tells data rows from blank rows, totals and subtotal rows, and header rows repeated inside the
/// data (printed reports repeat the header on every page).
///
/// A class, not a struct: it is asked about every row, and each call on a struct copy held by
/// another value retained and released its nine arrays and sets.
final class RowClassifier: Sendable {
    let totalsWords: [String]
    let headerRow: Row
    /// Columns whose values identify a real record (document number, payment reference): a totals
    /// row has none there, or a count of the documents it sums (``isDocumentCount(_:)``).
    let keyColumns: [Int]
    /// Date columns: a totals row under a bare totals label (`TOTAL`) may show its cut-off date;
    /// under a longer one (`Total Seguros C.A.`, perhaps a customer) a date makes the row data.
    let dateColumns: [Int]
    /// Document number columns (an invoice's, a payment's reference): where a report that repeats
    /// the customer on every row puts its totals label (``hasTotalsLabelInDocumentColumn(_:)``).
    let documentColumns: [Int]

    /// The header's folded texts by column, and their first letters (a quick filter).
    let foldedHeader: [(column: Int, text: String)]
    /// For each of `foldedHeader`, what a row's bytes are checked against (``bytesRuleOutRepeatedHeader(_:)``):
    /// the most bytes a field folding to the text may have, and the text's first byte.
    let headerByteChecks: [(column: Int, maxLength: Int, first: UInt8?)]
    /// How many of the header's texts a repeated header may miss: at least 60% must come back.
    let allowedHeaderMisses: Int
    let totalsInitials: Set<Character>
    /// Whether every totals word starts with an ASCII letter, so that a label starting with an
    /// accented one is none.
    let totalsInitialsAreASCII: Bool
    /// `totalsInitials` for ASCII letters, by byte: the per-row check without hashing a Character.
    let asciiTotalsInitial: [Bool]
    /// The first word of each totals word (`total`, `sub`, `gran`): its length, and its first eight
    /// bytes packed as ``firstWordRulesOut(_:)`` packs a label's.
    let totalsFirstWords: [(length: Int, packed: UInt64)]

    /// `checkFirst`: columns whose data values rarely look like their header (amounts, dates), so
    /// that a data row is told from a repeated header after the fewest comparisons.
    init(settings: MappingSettings, headerRow: Row, keyColumns: [Int], dateColumns: [Int] = [], documentColumns: [Int] = [],
         checkFirst: [Int] = []) {
        totalsWords = settings.totalsWords.map { TextFolding.fold($0) }
        self.headerRow = headerRow; self.keyColumns = keyColumns; self.dateColumns = dateColumns
        self.documentColumns = documentColumns
        let header: [(column: Int, text: String)] = headerRow.cells.enumerated().compactMap { i, c in
            if case .text(let s) = c, !c.isBlank { return (i + 1, TextFolding.fold(s)) }
            return nil
        }
        // The verdict does not depend on the order (it counts misses); the time does.
        let first = Set(checkFirst)
        foldedHeader = header.filter { first.contains($0.column) } + header.filter { !first.contains($0.column) }
        headerByteChecks = foldedHeader.map { ($0.column, $0.text.utf8.count * 2 + 8, $0.text.utf8.first) }
        allowedHeaderMisses = foldedHeader.count - (foldedHeader.count * 6 + 9) / 10
        totalsInitials = Set(totalsWords.compactMap(\.first))
        totalsInitialsAreASCII = totalsInitials.allSatisfy(\.isASCII)
        var ascii = [Bool](repeating: false, count: 128)
        for c in totalsInitials { if let a = c.asciiValue { ascii[Int(a)] = true } }
        asciiTotalsInitial = ascii
        totalsFirstWords = Set(totalsWords.compactMap { $0.split(separator: " ").first.map(String.init) }).sorted().map { word in
            var packed: UInt64 = 0
            for (i, b) in word.utf8.prefix(8).enumerated() { packed |= UInt64(b) << (8 * UInt64(i)) }
            return (word.utf8.count, packed)
        }
    }

    func classify(_ row: Row) -> RowClass {
        if row.isBlank { return .blank }
        if isRepeatedHeader(row) { return .repeatedHeader }
        if isTotals(row) || hasTotalsLabelInDocumentColumn(row) { return .totals }
        return .data
    }

    /// ``isRepeatedHeader(_:headerRow:)`` with the header folded once.
    func isRepeatedHeader(_ row: Row) -> Bool {
        guard foldedHeader.count >= 2 else { return false }
        // Misses the bytes prove come first, without folding a text: a data row has enough of them.
        if bytesRuleOutRepeatedHeader({ column -> String.UTF8View? in
            if case .text(let a) = row[column: column] { return a.utf8 }
            return nil
        }) { return false }
        // At least 60% of the header's texts must come back; stop once too many have not.
        var same = 0, misses = 0
        for (column, text) in foldedHeader {
            if case .text(let a) = row[column: column], a.utf8.count <= text.utf8.count * 2 + 8,
               TextFolding.mayFoldTo(a.utf8, text), TextFolding.fold(a) == text {
                same += 1
            } else {
                misses += 1
                if misses > allowedHeaderMisses { return false }
            }
        }
        return same * 10 >= foldedHeader.count * 6
    }

    /// A row whose first label is a totals word (`TOTAL`, `Total general:`, `Subtotal zona 2`) and
    /// that has no document number of its own, only perhaps the count of documents it sums
    /// (`TOTAL GENERAL | | 3 | | 3.500,00`); under a longer label, no date either (a customer called
    /// `Total Distribuciones C.A.` with an invoice number, or a date, is data). A tax ID beside the
    /// label is the group's (`Total Alfa C.A. | J-30123456-1`).
    func isTotals(_ row: Row) -> Bool {
        guard let s = Self.firstLabel(row), let initial = Self.initialLetter(s) else { return false }
        if let a = initial.asciiValue { guard asciiTotalsInitial[Int(a)] else { return false } }
        else if !totalsInitials.contains(initial) { return false }
        if firstWordRulesOut(s) { return false }
        let folded = TextFolding.fold(s.prefix(40))
        guard totalsWords.contains(where: { folded == $0 || folded.hasPrefix($0 + " ") }) else { return false }
        func isLabel(_ cell: CellValue) -> Bool {
            if case .text(let t) = cell, TextFolding.fold(t) == folded { return true }
            return false
        }
        // Under `Total Seguros C.A.` (perhaps a customer) a bare number is an invoice's: `00102`.
        let bareLabel = totalsWords.contains(folded)
        for c in keyColumns {
            let cell = row[column: c]
            if cell.isBlank || isLabel(cell) || Self.isDocumentCount(cell, bare: bareLabel) { continue }
            return false
        }
        if bareLabel { return true }
        return dateColumns.allSatisfy { row[column: $0].isBlank || isLabel(row[column: $0]) }
    }

    /// A count of documents where a totals row puts one in the document column: `3`, `(3)`,
    /// `3 facturas`, `12 docs.`. With `bare: false` a lone number is no count (an invoice numbered
    /// `2` whose customer is missing looks the same).
    static func isDocumentCount(_ cell: CellValue, bare: Bool) -> Bool {
        switch cell {
        case .number(let n):
            return bare && n >= 0 && n < 100_000 && n == n.rounded()
        case .text(let t):
            let words = TextFolding.fold(t).split(separator: " ")
            // A leading zero is a document number's padding (`00102`), never a count's.
            guard let first = words.first, (1...5).contains(first.count), first.allSatisfy(\.isASCIIDigit),
                  first.count == 1 || first.first != "0" else { return false }
            let parenthesized = t.trimmingCharacters(in: .whitespaces).hasPrefix("(")
            switch words.count {
            case 1: return bare || parenthesized
            case 2: return words[1].count <= 15 && words[1].allSatisfy(\.isLetter)
            default: return false
            }
        default:
            return false
        }
    }

    /// Whether the label's first word already tells it is no totals label, without folding it: when
    /// the text starts with two or more ASCII letters followed by an ASCII non-alphanumeric byte (or
    /// its end), that run lower-cased is the first word of its fold, and a totals label's first word
    /// is the first word of a totals word. Most customer names are decided here.
    func firstWordRulesOut(_ s: String) -> Bool { firstWordRulesOut(bytes: s.utf8) }

    /// ``firstWordRulesOut(_:)`` of a label's UTF-8 bytes.
    func firstWordRulesOut(bytes s: some Sequence<UInt8>) -> Bool {
        var utf8 = s.makeIterator()
        var word: (UInt64, Int) = (0, 0)  // up to 8 lower-cased letters packed, and the run's length
        func add(_ lower: UInt8) {
            if word.1 < 8 { word.0 |= UInt64(lower) << (8 * UInt64(word.1)) }
            word.1 += 1
        }
        while let b = utf8.next() {
            let lower = b | 0x20
            if b < 0x80 && lower >= 0x61 && lower <= 0x7A {
                add(lower)
                continue
            }
            if b >= 0x30 && b <= 0x39 { return false }  // digits: fold decides
            if b == 0xC3, let next = utf8.next(), next & 0xC0 == 0x80, let folded = Self.latin1Folds[Int(next & 0x3F)] {
                // `á` in `Sánchez`: a Latin-1 letter folds to the ASCII letters it stands for.
                for letter in folded { add(letter) }
                continue
            }
            if b >= 0x80 {
                // Folded, what follows is letters (`á` → `a`), nothing (a combining accent) or a
                // space: the first word starts with this run, so a totals word must too (`Gonz…`
                // is ruled out, `Su…` from `Suárez` is not).
                guard word.1 >= 2 else { return false }
                let mask: UInt64 = word.1 >= 8 ? .max : (1 << (8 * UInt64(word.1))) - 1
                return !totalsFirstWords.contains { $0.length >= word.1 && $0.packed & mask == word.0 }
            }
            break
        }
        guard word.1 >= 2 else { return false }
        // Past eight letters, the first eight and the length are compared (`subtotales` against `totalmente`).
        return !totalsFirstWords.contains { $0.length == word.1 && $0.packed == word.0 }
    }

    /// What ``TextFolding/fold(_:)`` makes of U+00C0…U+00FF (by their UTF-8 second byte's low six
    /// bits) when it is ASCII letters (`á` → `a`, `ß` → `ss`); `nil` for the rest (`×`, `þ`).
    static let latin1Folds: [[UInt8]?] = (0..<64).map { low in
        guard let scalar = Unicode.Scalar(0xC0 + low), let mapped = TextFolding.accentMap[scalar], !mapped.isEmpty,
              mapped.utf8.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        return Array(mapped.utf8)
    }

    /// The row's first text with a letter in it: where a totals row puts its label.
    static func firstLabel(_ row: Row) -> String? {
        for cell in row.cells {
            guard case .text(let s) = cell else { continue }
            if let b = s.utf8.first, isASCIILetter(b) { return s }  // the usual case, without a Unicode scan
            if s.contains(where: \.isLetter) { return s }
        }
        return nil
    }

    /// The first letter, lower-cased.
    static func initialLetter(_ s: String) -> Character? {
        if let b = s.utf8.first, isASCIILetter(b) { return Character(Unicode.Scalar(b | 0x20)) }
        return s.first(where: \.isLetter)?.lowercased().first
    }

    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }

    /// Most of the row repeats the header's texts.
    static func isRepeatedHeader(_ row: Row, headerRow: Row) -> Bool {
        var same = 0, total = 0
        for (i, h) in headerRow.cells.enumerated() where !h.isBlank {
            total += 1
            let cell = row[column: i + 1]
            if case .text(let a) = cell, case .text(let b) = h, TextFolding.fold(a) == TextFolding.fold(b) { same += 1 }
        }
        return total >= 2 && same * 10 >= total * 6
    }
}
