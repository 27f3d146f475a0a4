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
            guard let fa = a.fingerprint, let fb = b.fingerprint, let oa = a.ordered, let ob = b.ordered else { return nil }
            var sims = Similarities()
            return first(comparison) { condition, t in nameHolds(condition, t, fa, fb, oa, ob, &sims) }
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
        case .legalForm:
            guard let la = a.legalForm, let lb = b.legalForm else { return nil }
            return first(comparison) { condition, _ in condition == .else || (condition == .exact && la == lb) }
        case .country:
            guard let ca = a.country, let cb = b.country else { return nil }
            return first(comparison) { condition, _ in condition == .else || (condition == .exact && ca == cb) }
        case .address, .city, .extra:
            guard let ta = a.texts[c], let tb = b.texts[c] else { return nil }
            var sims = Similarities()
            return first(comparison) { condition, t in
                switch condition {
                case .exact: return ta.bytes == tb.bytes
                case .jaroWinkler:
                    if sims.jaroWinkler == nil { sims.jaroWinkler = JaroWinkler.similarity(ta.bytes, tb.bytes) }
                    return (sims.jaroWinkler ?? 0) >= t
                case .levenshtein: return Self.levenshtein(ta.bytes, tb.bytes, Int(t)) <= Int(t)
                case .tokenSimilarity:
                    if sims.tokens == nil { sims.tokens = Self.tokenSimilarity(ta, tb, weight: { _ in 1 }) }
                    return (sims.tokens ?? 0) >= t
                case .tokenMatch, .tokenSubset:
                    if sims.overlap == nil { sims.overlap = TokenOverlap(ta.tokens, tb.tokens) }
                    return sims.overlap?.holds(condition) ?? false
                case .else: return true
                default: return false
                }
            }
        }
    }

    /// Similarities computed at most once per pair, whichever levels ask for them.
    struct Similarities {
        var jaroWinkler: Double?
        var tokens: Double?
        var overlap: TokenOverlap?
    }

    private func first(_ c: MatchSettings.Comparison, _ holds: (MatchSettings.Condition, Double) -> Bool) -> Int? {
        for (k, level) in c.levels.enumerated() where holds(level.condition, level.threshold ?? 0) { return k }
        return c.levels.count - 1
    }

    private func nameHolds(_ condition: MatchSettings.Condition, _ t: Double, _ fa: FoldedText, _ fb: FoldedText,
                           _ oa: FoldedText, _ ob: FoldedText, _ sims: inout Similarities) -> Bool {
        switch condition {
        case .exact: return fa.bytes == fb.bytes
        case .jaroWinkler:
            // Sorted tokens survive reordering; written order survives a typo in a first letter.
            if sims.jaroWinkler == nil {
                sims.jaroWinkler = max(JaroWinkler.similarity(fa.bytes, fb.bytes), JaroWinkler.similarity(oa.bytes, ob.bytes))
            }
            return (sims.jaroWinkler ?? 0) >= t
        case .levenshtein: return Self.levenshtein(fa.bytes, fb.bytes, Int(t)) <= Int(t)
        case .tokenSimilarity:
            if sims.tokens == nil {
                let w = features.nameTokenWeights
                sims.tokens = Self.tokenSimilarity(fa, fb, weight: { w[Int($0)] })
            }
            return (sims.tokens ?? 0) >= t
        case .tokenMatch, .tokenSubset:
            if sims.overlap == nil { sims.overlap = TokenOverlap(oa.tokens, ob.tokens) }
            return sims.overlap?.holds(condition) ?? false
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

    static func levenshtein(_ a: [UInt8], _ b: [UInt8], _ limit: Int) -> Int {
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in Levenshtein.distance(pa, pb, limit: limit) } }
    }

    /// Frequency-weighted token overlap: each token counts its weight times its best similarity
    /// on the other side (equal = 1, Jaro–Winkler ≥ 0.9 = that value, else 0), summed both ways.
    static func tokenSimilarity(_ a: FoldedText, _ b: FoldedText, weight: (Int32) -> Double) -> Double {
        var matched = 0.0, total = 0.0
        for (x, y) in [(a, b), (b, a)] {
            for (k, token) in x.tokens.enumerated() {
                let w = k < x.tokenIDs.count ? weight(x.tokenIDs[k]) : 1
                total += w
                var best = 0.0
                for other in y.tokens {
                    if other == token { best = 1; break }
                    if token.count >= 3 && other.count >= 3 {
                        let s = JaroWinkler.similarity(token, other)
                        if s >= 0.9 && s > best { best = s }
                    }
                }
                matched += w * best
            }
        }
        return total > 0 ? matched / total : 0
    }
}

/// How the words of two names pair up one-to-one: equal, a typo apart (Jaro–Winkler ≥ 0.9 or one
/// edit in a word of four letters or more),
/// or an abbreviation/initial (`dist` ~ `distribuidora`, `j` ~ `jose`).
struct TokenOverlap: Sendable {
    var matched: Int
    var shorter: Int
    var longer: Int

    init(_ a: [[UInt8]], _ b: [[UInt8]]) {
        let (s, l) = a.count <= b.count ? (a, b) : (b, a)
        // Which words of the longer name are taken, as bits (names have far fewer than 64 words;
        // words past the 64th are simply never matched).
        var used: UInt64 = 0
        var matched = 0
        var pendingMask: UInt64 = 0
        // Exact pairs first, then fuzzy ones, so a typo never steals a word's exact partner.
        for (x, t) in s.enumerated() {
            var found = false
            for k in 0..<min(l.count, 64) where used & (1 << UInt64(k)) == 0 && l[k] == t {
                used |= 1 << UInt64(k); matched += 1; found = true; break
            }
            if !found && x < 64 { pendingMask |= 1 << UInt64(x) }
        }
        if pendingMask != 0 {
            for x in 0..<min(s.count, 64) where pendingMask & (1 << UInt64(x)) != 0 {
                for k in 0..<min(l.count, 64) where used & (1 << UInt64(k)) == 0 && Self.similar(s[x], l[k]) {
                    used |= 1 << UInt64(k); matched += 1; break
                }
            }
        }
        self.matched = matched; self.shorter = s.count; self.longer = l.count
        // Words split or glued by a typo (`AUTOzPARTES`, `Restrep oMuñoz`): compare without spaces.
        if matched < l.count {
            let la = a.reduce(0) { $0 + $1.count }, lb = b.reduce(0) { $0 + $1.count }
            let limit = min(la, lb) >= 16 ? 2 : min(la, lb) >= 8 ? 1 : 0
            if limit > 0 && abs(la - lb) <= limit
                && ComparisonEvaluator.levenshtein(Array(a.joined()), Array(b.joined()), limit) <= limit {
                self.matched = l.count; self.shorter = l.count
            }
        }
    }

    static func similar(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        if short.count == 1 || (short.count >= 3 && long.count > short.count + 2) { return long.starts(with: short) }
        guard short.count >= 3 else { return false }
        // One slip in a word of four letters or more (`Mndez`), else Jaro–Winkler ≥ 0.9.
        return JaroWinkler.similarity(x, y) >= 0.9 || (short.count >= 4 && ComparisonEvaluator.levenshtein(x, y, 1) <= 1)
    }

    /// `token_match`: the same words (typos allowed); `token_subset`: every word of the shorter
    /// name (at least two) is in the longer one.
    func holds(_ c: MatchSettings.Condition) -> Bool {
        switch c {
        case .tokenMatch: matched == shorter && shorter == longer
        case .tokenSubset: matched == shorter && matched >= 2
        default: false
        }
    }
}
