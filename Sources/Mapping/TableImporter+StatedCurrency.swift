import Receivables
import Tabular

extension TableImporter {
    /// The one currency a table's preamble states (`Moneda: USD`, `Divisa: EUR`, `Expresado en
    /// dólares`, `Cifras en Bs.`); `nil` when none does, or lines state two.
    static func statedCurrency(_ preamble: ArraySlice<Row>) -> Currency? {
        var found: Set<Currency> = []
        for row in preamble {
            let texts = row.cells.compactMap { cell -> String? in
                if case .text(let t) = cell { return t }
                return nil
            }
            let folded = TextFolding.fold(texts.joined(separator: " "))
            guard let label = currencyLabels.first(where: { folded.hasPrefix($0 + " ") }) else { continue }
            if let c = CurrencyToken.currency(inHeader: String(folded.dropFirst(label.count + 1))) { found.insert(c) }
        }
        return found.count == 1 ? found.first : nil
    }

    static let currencyLabels = ["moneda", "divisa", "currency", "moeda", "expresado en", "expresados en", "expresada en",
                                 "cifras en", "valores en", "montos en", "importes en", "amounts in", "values in",
                                 "valores expresados en", "montos expresados en", "moneda de la cuenta"]
}
