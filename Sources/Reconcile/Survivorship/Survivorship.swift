import Receivables
import Tabular

/// One member's value for a field, as survivorship sees it.
struct Candidate: Sendable {
    /// The value as written.
    var value: String
    /// The comparison key: values with the same key are the same value written differently.
    var key: String
    var record: RecordID
    var provenance: Provenance
    var sourcePriority: Int
    var asOf: LocalDate?
    /// Higher is better for fields with a quality order (tax IDs: valid > unchecked > invalid;
    /// names: a sheet's before a chat's or notebook's).
    var quality: Int = 0
    /// ``Survivorship/completeness(_:)`` of the value, computed once.
    var completeness: Int
    /// For a name grouped with its other spellings (``NameSpellings``): its own key, while
    /// ``key`` is the group's.
    var spelling: String?

    init(value: String, key: String, record: RecordID, provenance: Provenance, sourcePriority: Int, asOf: LocalDate?,
         quality: Int = 0) {
        self.value = value; self.key = key; self.record = record; self.provenance = provenance
        self.sourcePriority = sourcePriority; self.asOf = asOf; self.quality = quality
        self.completeness = Survivorship.completeness(value)
    }
}

/// The outcome of choosing one value among members.
struct SurvivorshipChoice: Sendable {
    var chosen: Candidate
    var rule: String
    /// Whether members disagreed (more than one key).
    var conflict: Bool
}

/// Picks a field's value among a cluster's members with the configured rules in order
/// (source priority, most recent, most complete, most frequent), each narrowing the candidates
/// until one value (key) is left; the rule that left one value is recorded.
struct Survivorship {
    let order: [MatchSettings.SurvivorshipRule]

    /// `qualityRule` names the rule when the candidates' quality alone leaves one value.
    ///
    /// Names grouped with their other spellings (``Candidate/spelling``, ``NameSpellings``) are
    /// chosen in two steps: the rules choose the name (the group), then ``spelling(_:qualityRule:)``
    /// how to write it.
    func choose(_ candidates: [Candidate], qualityRule: String = "valid_tax_id") -> SurvivorshipChoice? {
        guard !candidates.isEmpty else { return nil }
        let all = candidates.sorted { $0.record < $1.record }
        let distinctKeys = Set(all.map(\.key)).count
        if distinctKeys == 1 {
            if Set(all.map(\.spelling)).count > 1 {
                let (chosen, rule) = spelling(all, qualityRule: qualityRule)
                return SurvivorshipChoice(chosen: chosen, rule: rule, conflict: true)
            }
            return SurvivorshipChoice(chosen: pick(all), rule: "only_value", conflict: false)
        }
        var remaining = all
        var rule = "first_record"
        if Set(all.map(\.quality)).count > 1 {
            let best = all.map(\.quality).max() ?? 0
            remaining = all.filter { $0.quality == best }
            if Set(remaining.map(\.key)).count == 1 {
                return SurvivorshipChoice(chosen: chosenValue(remaining, all), rule: qualityRule, conflict: true)
            }
        }
        let frequency = Dictionary(all.map { ($0.key, 1) }, uniquingKeysWith: +)
        for r in order {
            switch r {
            case .sourcePriority:
                let best = remaining.map(\.sourcePriority).max() ?? 0
                remaining = remaining.filter { $0.sourcePriority == best }
            case .mostRecent:
                if let best = remaining.compactMap(\.asOf).max() { remaining = remaining.filter { $0.asOf == best } }
            case .mostComplete:
                let best = remaining.map(\.completeness).max() ?? 0
                remaining = remaining.filter { $0.completeness == best }
            case .mostFrequent:
                let best = remaining.map { frequency[$0.key] ?? 0 }.max() ?? 0
                remaining = remaining.filter { frequency[$0.key] == best }
            }
            if Set(remaining.map(\.key)).count == 1 { rule = r.rawValue; break }
        }
        return SurvivorshipChoice(chosen: chosenValue(remaining, all), rule: rule, conflict: true)
    }

    /// The value of the key the rules left (`remaining`): for a name, its spelling among every
    /// member writing it (`all`), not only the rows the rules kept (the latest row's typo).
    private func chosenValue(_ remaining: [Candidate], _ all: [Candidate]) -> Candidate {
        guard let key = remaining.first?.key, remaining.contains(where: { $0.spelling != nil }) else { return pick(remaining) }
        return spelling(all.filter { $0.key == key }, qualityRule: "").0
    }

    /// How one name is written, among its spellings: the best quality's (a sheet's before a
    /// chat's), then the highest source priority's, then the spelling most members write, then,
    /// one against one, the latest and the fullest (``pick(_:)``); with the rule that settled it.
    private func spelling(_ group: [Candidate], qualityRule: String) -> (Candidate, String) {
        var c = group
        func settled() -> Bool { Set(c.map(\.spelling)).count == 1 }
        let quality = c.map(\.quality).max() ?? 0
        c = c.filter { $0.quality == quality }
        let byQuality = settled()
        // (The best source writes it, however one spelling's key groups its ways of writing.)
        let priority = c.map(\.sourcePriority).max() ?? 0
        c = c.filter { $0.sourcePriority == priority }
        if byQuality { return (pick(c), qualityRule) }
        if settled() { return (pick(c), MatchSettings.SurvivorshipRule.sourcePriority.rawValue) }
        let writers = Dictionary(c.compactMap { $0.spelling.map { ($0, 1) } }, uniquingKeysWith: +)
        let most = writers.values.max() ?? 0
        c = c.filter { $0.spelling.flatMap { writers[$0] } == most }
        if settled() { return (pick(c), MatchSettings.SurvivorshipRule.mostFrequent.rawValue) }
        if let latest = c.compactMap(\.asOf).max() {
            c = c.filter { $0.asOf == latest }
            if settled() { return (pick(c), MatchSettings.SurvivorshipRule.mostRecent.rawValue) }
        }
        return (pick(c), MatchSettings.SurvivorshipRule.mostComplete.rawValue)
    }

    /// Among candidates with one key (or the tie left at the end), the best-written value: a
    /// verified tax ID before the same ID written without its check digit, then the fullest.
    private func pick(_ c: [Candidate]) -> Candidate {
        c.min { a, b in
            if a.quality != b.quality { return a.quality > b.quality }
            return a.completeness != b.completeness ? a.completeness > b.completeness : a.record < b.record
        } ?? c[0]
    }

    /// Length, plus a bonus for accents and mixed case: `Ferretería` says more than `FERRETERIA`;
    /// text all in lower case (`juan pérez`, typed in passing) says less than its capitals.
    static func completeness(_ s: String) -> Int {
        var score = 0, hasLower = false, hasUpper = false
        for b in s.utf8 {
            switch b {
            case 0x61...0x7A: hasLower = true; score += 2
            case 0x41...0x5A: hasUpper = true; score += 2
            case 0xC0...0xFF: score += 3 // the lead byte of an accented letter (or other non-ASCII)
            case 0x80...0xBF: continue
            default: score += 2
            }
        }
        return score + (hasLower && hasUpper ? 1 : 0) - (hasLower && !hasUpper ? 4 : 0)
    }
}
