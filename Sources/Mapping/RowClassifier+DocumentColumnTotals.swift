import Tabular

extension RowClassifier {
    /// A totals row whose label stands in the document column, as reports that repeat the
    /// customer on every row write it (`Ferretería Núñez | 30-71234567-1 | Total cliente | | | 3.000,00`,
    /// `… | 2 comprobantes | …`, or under the last group `| | Cantidad de comprobantes: 3 | …`):
    /// ``isTotals(_:)`` reads the row's first label, here the customer's name. The row must show no
    /// date, since a document without one is rare and a sum has none to show; a customer named
    /// `Total Seguros C.A.` changes nothing here, only the document cell counts.
    func hasTotalsLabelInDocumentColumn(_ row: Row) -> Bool {
        guard !documentColumns.isEmpty, dateColumns.allSatisfy({ row[column: $0].isBlank }) else { return false }
        return documentColumns.contains { column in
            guard case .text(let text) = row[column: column], text.utf8.count <= 60 else { return false }
            let folded = TextFolding.fold(text)
            return isTotalsLabel(folded: folded) || Self.isDocumentCountLabel(folded: folded)
        }
    }

    /// A totals word (`Total`, `Subtotal`, `Van`), or one followed by words that hold no document
    /// number (`Total cliente`, `Total Ferretería Núñez`) or by a count of documents
    /// (`Total: 3 comprobantes`). Digits after the word make it a number (`VAN-1002`, `Suma 12`).
    func isTotalsLabel(folded: String) -> Bool {
        totalsWords.contains { word in
            if folded == word { return true }
            guard folded.hasPrefix(word + " ") else { return false }
            let rest = folded.dropFirst(word.count + 1)
            return !rest.contains(where: \.isASCIIDigit) || Self.isDocumentCountLabel(folded: String(rest))
        }
    }

    /// A label counting the documents a totals row sums, folded: a number and a document noun
    /// (`2 comprobantes`, `1 factura`), or a count word, a document noun and the number
    /// (`Cantidad de comprobantes: 3`, `Nro. de documentos 12`, `Comprobantes: 3`). A bare number,
    /// or one beside any other word (`2 A`, `Factura 3`), may be a document's.
    static func isDocumentCountLabel(folded: String) -> Bool {
        let words = folded.split(separator: " ").map(String.init)
        guard words.count >= 2 else { return false }
        if isCount(words[0]) { return words.count == 2 && countedNouns.contains(words[1]) }
        guard let last = words.last, isCount(last) else { return false }
        var label = words.dropLast().filter { !countLinkWords.contains($0) }
        if let first = label.first, countWords.contains(first) { label.removeFirst() }
        // Plural: `Nro. Factura 12` names a document.
        return label.count == 1 && countedNouns.contains(label[0]) && label[0].hasSuffix("s")
    }

    /// One to five digits, no padding zero (`00102` is a document number).
    private static func isCount(_ word: String) -> Bool {
        (1...5).contains(word.count) && word.allSatisfy(\.isASCIIDigit) && (word.count == 1 || word.first != "0")
    }

    /// Words a count label opens with (`Cantidad de`, `Nro. de`, `Qtde.`), and those joining it to
    /// its noun.
    static let countWords: Set<String> = ["cantidad", "cant", "numero", "nro", "no", "num", "total", "count", "number",
                                          "qty", "quantidade", "qtd", "qtde"]
    static let countLinkWords: Set<String> = ["de", "of", "da", "do", "dos", "das"]
    /// What a totals row counts, singular and plural (Spanish, Portuguese, English).
    static let countedNouns: Set<String> = [
        "comprobante", "comprobantes", "cbte", "cbtes", "factura", "facturas", "documento", "documentos", "doc", "docs",
        "registro", "registros", "movimiento", "movimientos", "item", "items", "titulo", "titulos", "nota", "notas",
        "partida", "partidas", "operacion", "operaciones", "fatura", "faturas", "linea", "lineas",
        "invoice", "invoices", "document", "documents", "record", "records", "transaction", "transactions",
    ]
}
