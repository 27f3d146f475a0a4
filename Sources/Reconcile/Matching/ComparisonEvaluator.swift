/// Puts a pair of records into one level of each comparison (Splink's comparison levels: the
/// first level whose condition holds; `nil` when either side lacks the field).
struct ComparisonEvaluator: Sendable {
    let settings: MatchSettings
    let features: FeatureSet

    /// Level indices packed 4 bits per comparison (0 = null, k = level k-1), for EM patterns.
    func pattern(_ i: Int, _ j: Int) -> UInt64 {
        var p: UInt64 = 0
        for c in settings.comparisons.indices {
            let level = self.level(c, i, j).map { UInt64($0 + 1) } ?? 0
            p |= level << (4 * UInt64(c))
        }
        return p
    }

    static func level(in pattern: UInt64, comparison c: Int) -> Int? {
        let v = Int((pattern >> (4 * UInt64(c))) & 0xF)
        return v == 0 ? nil : v - 1
    }

    func level(_ c: Int, _ i: Int, _ j: Int) -> Int? {
        let comparison = settings.comparisons[c]
        let a = features.records[i], b = features.records[j]
        switch comparison.field {
        case .name:
            guard let fa = a.fingerprint, let fb = b.fingerprint else { return nil }
            return first(comparison) { condition, t in nameHolds(condition, t, a, b, fa, fb) }
        case .taxID:
            guard let ta = a.taxID, let tb = b.taxID else { return nil }
            return first(comparison) { condition, t in Self.taxHolds(condition, t, ta, tb) }
        case .phone:
            guard !a.phones.isEmpty, !b.phones.isEmpty else { return nil }
            return first(comparison) { condition, _ in
                switch condition {
                case .exact: a.phones.contains { p in b.phones.contains { $0.isSameLine(as: p) } }
                case .suffix: a.phones.contains { p in b.phones.contains { $0.suffix == p.suffix } }
                case .else: true
                default: false
                }
            }
        case .email:
            guard !a.emails.isEmpty, !b.emails.isEmpty else { return nil }
            return first(comparison) { condition, t in
                switch condition {
                case .exact: a.emails.contains { e in b.emails.contains { $0.address == e.address } }
                case .levenshtein:
                    a.emails.contains { e in b.emails.contains { Levenshtein.distance(e.address, $0.address, limit: Int(t)) <= Int(t) } }
                case .localPart: a.emails.contains { e in b.emails.contains { $0.local == e.local } }
                case .domain: a.emails.contains { e in b.emails.contains { !e.isFreeMail && $0.domain == e.domain } }
                case .else: true
                default: false
                }
            }
        case .address, .city, .extra:
            guard let ta = a.texts[c], let tb = b.texts[c] else { return nil }
            return first(comparison) { condition, t in
                switch condition {
                case .exact: ta.bytes == tb.bytes
                case .jaroWinkler: Self.jaroWinkler(ta.bytes, tb.bytes) >= t
                case .levenshtein: Self.levenshtein(ta.bytes, tb.bytes, Int(t)) <= Int(t)
                case .tokenSimilarity: Self.tokenSimilarity(ta, tb, weight: { _ in 1 }) >= t
                case .else: true
                default: false
                }
            }
        }
    }

    private func first(_ c: MatchSettings.Comparison, _ holds: (MatchSettings.Condition, Double) -> Bool) -> Int? {
        for (k, level) in c.levels.enumerated() where holds(level.condition, level.threshold ?? 0) { return k }
        return c.levels.count - 1
    }

    private func nameHolds(_ condition: MatchSettings.Condition, _ t: Double, _ a: RecordFeatures, _ b: RecordFeatures,
                           _ fa: FoldedText, _ fb: FoldedText) -> Bool {
        switch condition {
        case .exact: return fa.bytes == fb.bytes
        case .jaroWinkler:
            // Sorted tokens survive reordering; written order survives a typo in a first letter.
            return Self.jaroWinkler(fa.bytes, fb.bytes) >= t || Self.jaroWinkler(a.orderedName, b.orderedName) >= t
        case .levenshtein: return Self.levenshtein(fa.bytes, fb.bytes, Int(t)) <= Int(t)
        case .tokenSimilarity:
            let w = features.nameTokenWeights
            return Self.tokenSimilarity(fa, fb, weight: { w[Int($0)] }) >= t
        case .else: return true
        default: return false
        }
    }

    static func taxHolds(_ condition: MatchSettings.Condition, _ t: Double, _ a: TaxIDKey, _ b: TaxIDKey) -> Bool {
        switch condition {
        case .exactValid: return a.isValid && b.isValid && a.normalized == b.normalized
        case .exact: return a.normalized == b.normalized
        case .digitsEqual:
            guard a.digits.count >= 5, b.digits.count >= 5 else { return false }
            if a.digits == b.digits { return true }
            // One written without its check digit: `30123456` against `301234567`.
            let (short, long) = a.digits.count < b.digits.count ? (a.digits, b.digits) : (b.digits, a.digits)
            return long.count == short.count + 1 && long.hasPrefix(short)
        case .levenshtein: return Levenshtein.distance(a.normalized, b.normalized, limit: Int(t)) <= Int(t)
        case .bothValid: return a.isValid && b.isValid && a.normalized != b.normalized
        case .else: return true
        default: return false
        }
    }

    static func jaroWinkler(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in JaroWinkler.similarity(pa, pb) } }
    }

    static func levenshtein(_ a: [UInt8], _ b: [UInt8], _ limit: Int) -> Int {
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in Levenshtein.distance(pa, pb, limit: limit) } }
    }

    /// Frequency-weighted token overlap: each token counts its weight times its best similarity
    /// on the other side (equal = 1, Jaro–Winkler ≥ 0.9 = that value, else 0), summed both ways.
    static func tokenSimilarity(_ a: FoldedText, _ b: FoldedText, weight: (Int32) -> Double) -> Double {
        var matched = 0.0, total = 0.0
        for (x, y) in [(a, b), (b, a)] {
            for (k, token) in x.tokens.enumerated() {
                let w = weight(x.tokenIDs[k])
                total += w
                var best = 0.0
                for other in y.tokens {
                    if other == token { best = 1; break }
                    if token.count >= 3 && other.count >= 3 {
                        let s = jaroWinkler(token, other)
                        if s >= 0.9 && s > best { best = s }
                    }
                }
                matched += w * best
            }
        }
        return total > 0 ? matched / total : 0
    }
}
