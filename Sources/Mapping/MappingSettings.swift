/// The data behind automatic mapping: header synonyms per field, the words that mark totals
/// rows and payment tables, and the weights that turn header and value evidence into a
/// confidence. Plain data, so a deployment can load its own (see ``MappingSettings/defaults``).
public struct MappingSettings: Codable, Sendable {
    /// Synonyms per field, in Spanish, English and Portuguese; compared folded (case, accents and
    /// punctuation ignored) and as whole words.
    public var synonyms: [Field: [String]]
    /// First words of totals rows (`TOTAL`, `Total general`, `Subtotal`, `Totales`).
    public var totalsWords: [String]
    /// Words in a table's name or headers that say it lists payments.
    public var paymentWords: [String]
    /// Weight of the header match in a column's confidence (the rest is the value profile).
    public var headerWeight: Double
    /// Below this confidence a column is left unmapped (kept as an extra attribute).
    public var minimumConfidence: Double
    /// Share of a column's values that must parse as tax IDs (or emails…) for the values alone to map it.
    public var valueOnlyShare: Double

    public init(synonyms: [Field: [String]], totalsWords: [String], paymentWords: [String],
                headerWeight: Double, minimumConfidence: Double, valueOnlyShare: Double) {
        self.synonyms = synonyms; self.totalsWords = totalsWords; self.paymentWords = paymentWords
        self.headerWeight = headerWeight; self.minimumConfidence = minimumConfidence
        self.valueOnlyShare = valueOnlyShare
    }

    /// Folded synonyms, longest first, so that `fecha de vencimiento` wins over `fecha`.
    func foldedSynonyms() -> [(Field, String)] {
        var out: [(Field, String)] = []
        for (field, words) in synonyms {
            for w in words { out.append((field, TextFolding.fold(w))) }
        }
        return out.sorted { ($0.1.count, $1.0) > ($1.1.count, $0.0) }
    }
}
