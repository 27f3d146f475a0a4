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
            let fa = features.sortedName[i], fb = features.sortedName[j]
            guard !fa.isEmpty, !fb.isEmpty else { return nil }
            let oa = features.orderedName[i], ob = features.orderedName[j]
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
                case .exactRole: a.emails.contains { e in e.isRoleMailbox && b.emails.contains { $0.address == e.address } }
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
            guard let lists = features.texts[c] else { return nil }
            let ta = lists[i], tb = lists[j]
            guard !ta.isEmpty, !tb.isEmpty else { return nil }
            var sims = Similarities()
            return first(comparison) { condition, t in
                switch condition {
                case .exact: return ta.elementsEqual(tb)
                case .jaroWinkler:
                    if sims.jaroWinkler == nil && !canReach(t, ta, tb) { return false }
                    if sims.jaroWinkler == nil { sims.jaroWinkler = jaroWinkler(ta, tb) }
                    return (sims.jaroWinkler ?? 0) >= t
                case .levenshtein: return levenshtein(ta, tb, Int(t)) <= Int(t)
                case .tokenSimilarity:
                    if sims.tokens == nil { sims.tokens = Self.tokenSimilarity(ta, tb, features.vocabulary, weights: nil) }
                    return (sims.tokens ?? 0) >= t
                case .tokenMatch, .tokenSubset:
                    if sims.overlap == nil { sims.overlap = TokenOverlap(ta, tb, features) }
                    return sims.overlap?.holds(condition) ?? false
                case .else: return true
                default: return false
                }
            }
        }
    }

    /// Whether Jaro–Winkler between the joined lists can reach `t` at all: with lengths n ≤ m at
    /// most n characters match, so Jaro ≤ (1 + n/m + 1) / 3 and the prefix bonus adds at most
    /// 0.4 · (1 − Jaro). Most blocked pairs of unrelated names fail this without comparing.
    func canReach(_ t: Double, _ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>) -> Bool {
        let la = joinedLength(a), lb = joinedLength(b)
        guard la > 0, lb > 0 else { return true }
        let jaro = (2 + Double(min(la, lb)) / Double(max(la, lb))) / 3
        return jaro + 0.4 * (1 - jaro) >= t - 1e-12
    }

    private func joinedLength(_ list: ArraySlice<Int32>) -> Int {
        var n = max(0, list.count - 1)
        for id in list { n += features.vocabulary[Int(id)].count }
        return n
    }

    /// Jaro–Winkler between two word lists joined by spaces.
    func jaroWinkler(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>) -> Double {
        features.withJoined(a) { pa in features.withJoined(b) { pb in JaroWinkler.similarity(pa, pb) } }
    }

    /// Edit distance between two word lists joined by spaces (capped at `limit + 1`).
    func levenshtein(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, _ limit: Int) -> Int {
        features.withJoined(a) { pa in features.withJoined(b) { pb in Levenshtein.distance(pa, pb, limit: limit) } }
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

    private func nameHolds(_ condition: MatchSettings.Condition, _ t: Double, _ fa: ArraySlice<Int32>, _ fb: ArraySlice<Int32>,
                           _ oa: ArraySlice<Int32>, _ ob: ArraySlice<Int32>, _ sims: inout Similarities) -> Bool {
        switch condition {
        case .exact: return fa.elementsEqual(fb)
        case .jaroWinkler:
            // Sorted tokens survive reordering; written order survives a typo in a first letter.
            if sims.jaroWinkler == nil && !canReach(t, fa, fb) && !canReach(t, oa, ob) { return false }
            if sims.jaroWinkler == nil { sims.jaroWinkler = max(jaroWinkler(fa, fb), jaroWinkler(oa, ob)) }
            return (sims.jaroWinkler ?? 0) >= t
        case .levenshtein: return levenshtein(fa, fb, Int(t)) <= Int(t)
        case .tokenSimilarity:
            if sims.tokens == nil {
                sims.tokens = Self.tokenSimilarity(fa, fb, features.vocabulary, weights: features.nameTokenWeights)
            }
            return (sims.tokens ?? 0) >= t
        case .tokenMatch, .tokenSubset, .allButOneWord:
            if sims.overlap == nil { sims.overlap = TokenOverlap(oa, ob, features) }
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
            guard a.digits.count >= 5, b.digits.count >= 5, a.lettersAgree(with: b) else { return false }
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
    static func tokenSimilarity(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, _ vocabulary: [[UInt8]], weights: [Double]?) -> Double {
        var matched = 0.0, total = 0.0
        func oneWay(_ x: ArraySlice<Int32>, _ y: ArraySlice<Int32>) {
            for id in x {
                let w = weights.map { $0[Int(id)] } ?? 1
                total += w
                var best = 0.0
                let token = vocabulary[Int(id)]
                for otherID in y {
                    if otherID == id { best = 1; break }
                    let other = vocabulary[Int(otherID)]
                    if token.count >= 3 && other.count >= 3 {
                        let s = JaroWinkler.similarity(token, other)
                        if s >= 0.9 && s > best { best = s }
                    }
                }
                matched += w * best
            }
        }
        oneWay(a, b)
        oneWay(b, a)
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
    /// The first words (in written order) are equal or a typo apart.
    var firstAgrees = false
    /// The longer name ends in a generation word the shorter lacks (`Juan Carlos Martínez Hijo`
    /// beside `Juan Carlos Martínez`): father and son, two people, not a name written shorter.
    var generationApart = false

    /// Words that end a name to tell a son from his father (folded).
    static let generationWords: Set<[UInt8]> = Set(Lineage.generations.keys)

    /// Words as interned IDs (equal IDs are equal words) with their bytes in `features.vocabulary`.
    init(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, _ features: FeatureSet) {
        self.init(a, b, vocabulary: features.vocabulary)
    }

    /// Words as bytes (tests and small inputs): interned locally, then compared as above.
    init(_ a: [[UInt8]], _ b: [[UInt8]]) {
        var vocabulary: [[UInt8]] = []
        var ids: [[UInt8]: Int32] = [:]
        func intern(_ w: [UInt8]) -> Int32 {
            if let id = ids[w] { return id }
            ids[w] = Int32(vocabulary.count); vocabulary.append(w)
            return Int32(vocabulary.count - 1)
        }
        let ia = ArraySlice(a.map(intern)), ib = ArraySlice(b.map(intern))
        self.init(ia, ib, vocabulary: vocabulary)
    }

    private init(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, vocabulary: [[UInt8]]) {
        // Slices, not copies (this runs for most candidate pairs): indexed from their start.
        let (s, l) = a.count <= b.count ? (a, b) : (b, a)
        let s0 = s.startIndex, l0 = l.startIndex
        // Which words of the longer name are taken, as bits (names have far fewer than 64 words;
        // words past the 64th are simply never matched).
        var used: UInt64 = 0
        var matched = 0
        var pendingMask: UInt64 = 0
        // Exact pairs first, then fuzzy ones, so a typo never steals a word's exact partner.
        for (x, t) in s.enumerated() {
            var found = false
            for k in 0..<min(l.count, 64) where used & (1 << UInt64(k)) == 0 && l[l0 + k] == t {
                used |= 1 << UInt64(k); matched += 1; found = true; break
            }
            if !found && x < 64 { pendingMask |= 1 << UInt64(x) }
        }
        if pendingMask != 0 {
            for x in 0..<min(s.count, 64) where pendingMask & (1 << UInt64(x)) != 0 {
                for k in 0..<min(l.count, 64) where used & (1 << UInt64(k)) == 0
                    && Self.similar(vocabulary[Int(s[s0 + x])], vocabulary[Int(l[l0 + k])]) {
                    used |= 1 << UInt64(k); matched += 1; break
                }
            }
        }
        self.matched = matched; self.shorter = s.count; self.longer = l.count
        if let x = s.first, let y = l.first { firstAgrees = x == y || Self.similar(vocabulary[Int(x)], vocabulary[Int(y)]) }
        if l.count > s.count, l.count <= 64, used & (1 << UInt64(l.count - 1)) == 0, let last = l.last {
            generationApart = Self.generationWords.contains(vocabulary[Int(last)])
        }
        // Words split or glued by a typo (`AUTOzPARTES`, `Restrep oMuñoz`): compare without spaces.
        if matched < l.count {
            let la = a.reduce(0) { $0 + vocabulary[Int($1)].count }, lb = b.reduce(0) { $0 + vocabulary[Int($1)].count }
            let limit = min(la, lb) >= 16 ? 2 : min(la, lb) >= 8 ? 1 : 0
            if limit > 0 && abs(la - lb) <= limit && Self.gluedDistance(a, b, vocabulary, limit) <= limit {
                self.matched = l.count; self.shorter = l.count
            }
        }
    }

    /// Edit distance between the words of each side written without spaces.
    static func gluedDistance(_ a: ArraySlice<Int32>, _ b: ArraySlice<Int32>, _ vocabulary: [[UInt8]], _ limit: Int) -> Int {
        func glued<R>(_ list: ArraySlice<Int32>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let length = list.reduce(0) { $0 + vocabulary[Int($1)].count }
            return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { buffer in
                var at = 0
                for id in list { for byte in vocabulary[Int(id)] { buffer[at] = byte; at += 1 } }
                return body(UnsafeBufferPointer(rebasing: buffer[0..<length]))
            }
        }
        return glued(a) { pa in glued(b) { pb in Levenshtein.distance(pa, pb, limit: limit) } }
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
        case .tokenSubset: matched == shorter && matched >= 2 && !generationApart
        case .allButOneWord: firstAgrees && matched >= 2 && matched + 1 >= shorter && longer - matched <= 2 && !generationApart
        default: false
        }
    }
}
