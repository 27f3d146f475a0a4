import Receivables
import Tabular

/// Maps a table's columns to model fields automatically: header synonyms (any case, accents or
/// punctuation) confirmed by what the values look like, with a column of valid tax IDs or emails
/// mapped by its values alone. Each field takes one column (phones, emails and notes may take
/// several); the rest are kept as extras.
struct ColumnMapper {
    let settings: MappingSettings
    let finder: TableFinder
    let country: String?

    init(settings: MappingSettings, country: String?) {
        self.settings = settings; self.country = country
        finder = TableFinder(settings: settings)
    }

    /// `samples[column]` are the column's first non-blank data cells.
    func map(headers: [ColumnHeader], samples: [Int: [CellValue]], title: String?) -> TableMapping {
        var candidates: [(column: Int, field: Field, confidence: Double)] = []
        let hw = settings.headerWeight
        for h in headers {
            let profile = ColumnProfile(samples[h.column] ?? [], country: country)
            if let (field, headerScore) = headerMatch(h) {
                var fit = profile.fit(field)
                if field == .documentNumber || field == .customerName {
                    // A "Documento" column full of valid RIFs holds tax IDs, not invoice numbers.
                    fit *= 1 - 0.8 * profile.share(profile.validTaxIDs)
                }
                var confidence = hw * headerScore + (1 - hw) * fit
                if field.valueKind != .text && profile.count > 0 && fit < 0.3 { confidence *= 0.5 }
                candidates.append((h.column, field, confidence))
            }
            if profile.count > 0, profile.share(profile.validTaxIDs) >= settings.valueOnlyShare {
                candidates.append((h.column, .taxID, 0.55 + 0.45 * profile.share(profile.validTaxIDs)))
            }
            if profile.count > 0, profile.share(profile.emails) >= settings.valueOnlyShare {
                candidates.append((h.column, .email, 0.55 + 0.45 * profile.share(profile.emails)))
            }
        }
        candidates.sort { ($0.confidence, -$0.column, $1.field) > ($1.confidence, -$1.column, $0.field) }
        var byField: [Field: MappedField] = [:]
        var taken = Set<Int>()
        for c in candidates where c.confidence >= settings.minimumConfidence && !taken.contains(c.column) {
            if var existing = byField[c.field] {
                guard c.field.allowsSeveralColumns else { continue }
                existing.columns.append(c.column); existing.columns.sort()
                existing.confidence = min(existing.confidence, c.confidence)
                byField[c.field] = existing
            } else {
                byField[c.field] = MappedField(field: c.field, columns: [c.column], confidence: rounded(c.confidence))
            }
            taken.insert(c.column)
        }
        // First and last name make the customer name when no column holds it whole.
        if byField[.customerName] == nil, let first = byField[.firstName] {
            let last = byField[.lastName]
            byField[.customerName] = MappedField(field: .customerName, columns: first.columns + (last?.columns ?? []),
                                                 confidence: min(first.confidence, last?.confidence ?? 1))
            byField[.firstName] = nil; byField[.lastName] = nil
        } else {
            for f in [Field.firstName, .lastName] {
                if let m = byField[f] { taken.subtract(m.columns); byField[f] = nil }
            }
        }
        let fields = byField.values.sorted { $0.field < $1.field }
        let extras = headers.filter { !taken.contains($0.column) && !($0.displayName.isEmpty && (samples[$0.column] ?? []).isEmpty) }
        let hint = isPaymentTitle(title)
        return TableMapping(kind: TableMapping.decideKind(Set(fields.map(\.field)), paymentHint: hint),
                            fields: fields, extras: extras)
    }

    /// The field a header names: its own text first, then with its group (`Montos / USD`), then the
    /// group alone (a vertically merged header).
    func headerMatch(_ h: ColumnHeader) -> (Field, Double)? {
        let text = TextFolding.fold(h.text)
        if let m = finder.bestField(text) { return m }
        if let g = h.group {
            let group = TextFolding.fold(g)
            if let m = finder.bestField(group + " " + text) { return (m.0, m.1 * 0.95) }
            if let m = finder.bestField(group) { return (m.0, m.1 * 0.85) }
        }
        return nil
    }

    func isPaymentTitle(_ title: String?) -> Bool {
        guard let title else { return false }
        let folded = TextFolding.fold(title)
        return settings.paymentWords.contains { TextFolding.containsWords(folded, TextFolding.fold($0)) }
    }

    private func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
}
