import Tabular

extension TableImporter {
    /// Whether a data row is a totals row with no label: nothing but amounts in the table's amount
    /// columns (and perhaps a currency in its currency column, or the count of documents in the
    /// document column: `(3)`, `3 facturas`), no document, date, customer or other value
    /// (`,,,,"3.500,00","500,00","3.000,00"` under an invoice list, or the subtotal under each
    /// customer of an ERP report). Such a row holds no record; a totals word would have
    /// made it a totals row (``RowClassifier/isTotals(_:)``), and without one it was rejected for
    /// having no document number, listing a sum among the rows that needed fixing.
    func isUnlabeledTotals(_ row: Row) -> Bool {
        var amounts = 0
        let currency = columns(.currency).first, documents = columns(.documentNumber)
        for (i, cell) in row.cells.enumerated() where !cell.isBlank {
            let column = i + 1
            if column < amountColumns.count && amountColumns[column] {
                guard case .success = AmountParser.parse(cell, profile: amountProfile(column)) else { return false }
                amounts += 1
            } else if documents.contains(column) {
                guard RowClassifier.isDocumentCount(cell, bare: false) else { return false }
            } else if column != currency {
                return false
            }
        }
        return amounts > 0
    }

    /// By 1-based column, whether it is mapped to a field holding an amount (amount, paid, balance …):
    /// looked up for the first filled cell of every data row read as a ``Row``.
    static func amountColumns(_ fieldColumns: [[Int]]) -> [Bool] {
        let columns = Field.allCases.filter { $0.valueKind == .amount }.flatMap { fieldColumns[$0.ordinal] }
        var mask = [Bool](repeating: false, count: (columns.max() ?? 0) + 1)
        for c in columns { mask[c] = true }
        return mask
    }

    /// Whether a data row is a printed report's page line: one cell, `Página 1 de 2`, `Pág. 3/10`,
    /// `Page 2 of 5`, `Hoja 4` (its page break repeats the header too, which is skipped as such).
    static func isPageLine(_ row: Row) -> Bool {
        var only: String?
        for cell in row.cells where !cell.isBlank {
            guard only == nil, case .text(let text) = cell, text.utf8.count <= 40 else { return false }
            only = text
        }
        guard let only else { return false }
        let words = TextFolding.fold(only).split(separator: " ")
        guard words.count >= 2, ["pagina", "pag", "page", "hoja", "folio"].contains(words[0]),
              words[1].allSatisfy(\.isASCIIDigit) else { return false }
        switch words.count {
        case 2: return true
        case 3: return words[2].allSatisfy(\.isASCIIDigit)
        case 4: return ["de", "of"].contains(words[2]) && words[3].allSatisfy(\.isASCIIDigit)
        default: return false
        }
    }
}
