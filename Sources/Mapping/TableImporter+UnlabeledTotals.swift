import Tabular

extension TableImporter {
    /// Whether a data row is a totals row with no label: nothing but amounts in the table's amount
    /// columns (and perhaps a currency in its currency column, its cut-off date in a date column,
    /// or the count of documents in the document column: `(3)`, `3 facturas`, or a bare `3` where
    /// the column's documents are no bare numbers, ``documentsAreBareNumbers``), no document, customer or other value
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
                guard RowClassifier.isDocumentCount(cell, bare: !documentsAreBareNumbers) else { return false }
            } else if column != currency && !dateColumns.contains(column) {
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
    static func isPageLine(_ row: Row) -> Bool { isPageLine(single: CustomerSections.singleText(row)) }

    /// ``isPageLine(_:)`` of a row whose ``CustomerSections/singleText(_:)`` is `single`.
    static func isPageLine(single: (column: Int, text: String)?) -> Bool {
        guard let (_, only) = single, only.utf8.count <= 40 else { return false }
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

    /// The column of a bank statement's opening or closing balance line (`SALDO INICIAL`,
    /// `Saldo anterior`, `SALDO FINAL`, `Saldo al 31/03/2024`): its amount is the account's, no
    /// payment. `nil` for any other row.
    static func balanceLineColumn(_ row: Row) -> Int? {
        for (i, cell) in row.cells.enumerated() {
            guard case .text(let text) = cell, text.utf8.count <= 60,
                  let first = text.utf8.first(where: { $0 != 0x20 }), first | 0x20 == UInt8(ascii: "s") else { continue }
            let folded = TextFolding.fold(text)
            if balanceLineWords.contains(where: { folded == $0 || folded.hasPrefix($0 + " ") }) { return i + 1 }
        }
        return nil
    }

    static let balanceLineWords = ["saldo inicial", "saldo anterior", "saldo final", "saldo actual", "saldo al",
                                   "saldo disponible", "saldo contable", "saldo de apertura", "saldo de cierre"]

    /// Whether most of a table's first document numbers are bare small numbers (`1`, `2`, `17`): then
    /// a bare `3` under them may be an invoice; where they are `00101` or `FAC-001`, it is a count.
    static func documentsAreBareNumbers(_ rows: ArraySlice<Row>, documentColumns: [Int]) -> Bool {
        var documents = 0, bare = 0
        for row in rows {
            guard let cell = documentColumns.lazy.map({ row[column: $0] }).first(where: { !$0.isBlank }) else { continue }
            documents += 1
            if RowClassifier.isDocumentCount(cell, bare: true) { bare += 1 }
        }
        return documents == 0 || bare * 2 >= documents
    }

    /// Whether a data row is a report's title line repeated at a page break (`DISTRIBUIDORA
    /// FERRECENTRO C.A.`, `Reporte de cuentas por cobrar al 30/06/2024`): one cell whose text is a
    /// line of the table's preamble. Such a line is no customer heading (``CustomerSections``).
    func isRepeatedTitle(_ row: Row) -> Bool {
        !titleLines.isEmpty && isRepeatedTitle(single: CustomerSections.singleText(row))
    }

    /// ``isRepeatedTitle(_:)`` of a row whose ``CustomerSections/singleText(_:)`` is `single`.
    func isRepeatedTitle(single: (column: Int, text: String)?) -> Bool {
        guard !titleLines.isEmpty, let (_, text) = single else { return false }
        return titleLines.contains(TextFolding.fold(text))
    }
}
