import Tabular

extension RowClassifier {
    /// Whether ``classify(_:)`` would call the row these bytes make `.data`, told from the bytes
    /// where that is quick: `true` only when it surely would. `false` when it would not, or when
    /// telling takes the row itself (a label starting with an accented letter, a possible totals
    /// word): the caller then builds the row and classifies it.
    func isSurelyData(_ row: TextRowView) -> Bool {
        var visible = false
        for c in 0..<row.count {
            if let b = row[c + 1].first, b > 0x20, b < 0x80 { visible = true; break }
        }
        return visible && surelyNoRepeatedHeader(row) && surelyNoTotals(row) && surelyNoTotalsLabelInDocumentColumn(row)
    }

    /// ``hasTotalsLabelInDocumentColumn(_:)`` needs every date blank and a document cell: a row
    /// with a date (nearly every invoice) or no document is surely none; any other is built and
    /// classified.
    private func surelyNoTotalsLabelInDocumentColumn(_ row: TextRowView) -> Bool {
        if documentColumns.allSatisfy({ TextCell.isBlank(row[$0]) }) { return true }
        return dateColumns.contains { !TextCell.isBlank(row[$0]) }
    }

    /// ``isRepeatedHeader(_:)`` on the bytes alone (``bytesRuleOutRepeatedHeader(_:)``).
    /// (Repairing invalid UTF-8 never shortens a text, so a field too long here is too long as text.)
    private func surelyNoRepeatedHeader(_ row: TextRowView) -> Bool {
        foldedHeader.count < 2 || bytesRuleOutRepeatedHeader { column -> UnsafeBufferPointer<UInt8>? in
            let field = row[column]
            return field.isEmpty ? nil : field
        }
    }

    /// ``isRepeatedHeader(_:)`` counts the header texts a row misses and gives up past the allowed
    /// number; this counts only misses the bytes prove (no text, one too long, one whose first
    /// letter or digit is not the header's), so past the same number the row is no header.
    /// `text(column)` is the bytes of a column's text, `nil` for a cell that is no text.
    func bytesRuleOutRepeatedHeader<Text: Collection<UInt8>>(_ text: (Int) -> Text?) -> Bool {
        var misses = 0
        for (column, maxLength, first) in headerByteChecks {
            if let bytes = text(column), bytes.count <= maxLength, TextFolding.mayFoldTo(bytes, first: first) { continue }
            misses += 1
            if misses > allowedHeaderMisses { return true }
        }
        return false
    }

    /// ``isTotals(_:)`` looks at the first field with a letter in it; this decides from its bytes
    /// when its first word rules a totals label out (or there is no such field).
    private func surelyNoTotals(_ row: TextRowView) -> Bool {
        for c in 0..<row.count {
            let field = row[c + 1]
            guard let first = field.first else { continue }
            let initial: UInt8
            if Self.isASCIILetter(first) {
                initial = first | 0x20
            } else if first == 0xC3, field.count > 1, field[1] & 0xC0 == 0x80, field[1] != 0x97, field[1] != 0xB7 {
                // U+00C0…U+00FF but × and ÷: a Latin-1 letter (`Á`, `ñ`) begins the label. (A 0xC3
                // not followed by a continuation byte is invalid UTF-8, read as U+FFFD: no letter.)
                return totalsInitialsAreASCII
            } else if field.contains(where: { $0 >= 0x80 }) {
                return false  // whether it has a letter, and which comes first, takes Unicode
            } else if let letter = field.first(where: Self.isASCIILetter) {
                initial = letter | 0x20
            } else {
                continue  // no letter: no label
            }
            return !asciiTotalsInitial[Int(initial)] || firstWordRulesOut(bytes: field)
        }
        return true
    }
}
