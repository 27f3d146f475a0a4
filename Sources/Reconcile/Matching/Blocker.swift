/// Proposes candidate pairs: records sharing any blocking key are compared, no others.
///
/// Each key kind yields at most a few keys per record, so the number of keys grows linearly.
/// Blocks up to `maxBlockSize` are compared all-to-all; larger blocks (a common surname, a
/// switchboard phone) are sorted by name and each record meets only its `window` neighbours,
/// which keeps the pair count linear in the worst case too.
struct Blocker {
    let settings: MatchSettings
    let features: FeatureSet

    /// Sorted, unique pairs `(i, j)` with `i < j`, packed as `i << 32 | j`.
    func candidatePairs() -> [UInt64] {
        var entries: [(key: UInt64, record: Int32)] = []
        entries.reserveCapacity(features.count * settings.blockingKeys.count * 2)
        for (index, r) in features.records.enumerated() {
            for kind in settings.blockingKeys {
                for k in keys(kind, r) {
                    entries.append((StableHash.fnv1a64(kind.rawValue + "\u{1}" + k), Int32(index)))
                }
            }
            for (x, value) in r.blockingExtras.enumerated() {
                if let value { entries.append((StableHash.fnv1a64("extra\(x)\u{1}" + value), Int32(index))) }
            }
        }
        entries.sort { $0.key != $1.key ? $0.key < $1.key : $0.record < $1.record }
        var pairs: [UInt64] = []
        var start = 0
        while start < entries.count {
            var end = start + 1
            while end < entries.count && entries[end].key == entries[start].key { end += 1 }
            var members: [Int32] = []
            for e in entries[start..<end] where members.last != e.record { members.append(e.record) }
            addPairs(members, into: &pairs)
            start = end
        }
        pairs.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(pairs.count)
        for p in pairs where unique.last != p { unique.append(p) }
        return unique
    }

    private func addPairs(_ members: [Int32], into pairs: inout [UInt64]) {
        guard members.count >= 2 else { return }
        func add(_ a: Int32, _ b: Int32) {
            let (i, j) = a < b ? (a, b) : (b, a)
            pairs.append(UInt64(i) << 32 | UInt64(j))
        }
        if members.count <= settings.maxBlockSize {
            for x in 0..<members.count { for y in (x + 1)..<members.count { add(members[x], members[y]) } }
            return
        }
        let sorted = members.sorted { a, b in
            let fa = features.records[Int(a)].ordered?.bytes ?? [], fb = features.records[Int(b)].ordered?.bytes ?? []
            return fa != fb ? fa.lexicographicallyPrecedes(fb) : a < b
        }
        for x in 0..<sorted.count {
            for y in (x + 1)..<min(sorted.count, x + 1 + settings.window) { add(sorted[x], sorted[y]) }
        }
    }

    /// The keys of one kind for one record.
    func keys(_ kind: MatchSettings.BlockingKey, _ r: RecordFeatures) -> [String] {
        switch kind {
        case .taxID:
            guard let t = r.taxID, t.digits.count >= 5 else { return [] }
            // The digits, and the digits without a trailing check digit, so `30123456` meets `301234567`.
            return [t.digits, String(t.digits.dropLast())]
        case .nameFingerprint:
            return r.fingerprintText.map { [$0] } ?? []
        case .namePrefix:
            return r.fingerprintText.map { [String($0.prefix(6))] } ?? []
        case .nameTokenPair:
            let rare = rarestTokens(r, limit: 2)
            return rare.count == 2 ? [rare.sorted().joined(separator: " ")] : []
        case .nameRareTokens:
            guard let f = r.fingerprint else { return [] }
            return zip(f.tokens, f.tokenIDs).compactMap { token, id in
                token.count >= 3 && features.nameTokenFrequency[Int(id)] <= settings.rareTokenMaxFrequency
                    ? String(decoding: token, as: UTF8.self) : nil
            }
        case .namePhonetic:
            guard let n = r.ordered else { return [] }
            let codes = Array(Set(n.tokens.map { PhoneticKeyer.word(String(decoding: $0, as: UTF8.self)) })).sorted()
            return codes.isEmpty ? [] : [codes.joined(separator: " ")]
        case .phoneSuffix:
            return Array(Set(r.phones.map(\.suffix))).sorted()
        case .email:
            return r.emails.map(\.address)
        case .address:
            // The address words, sorted: `Av. Bolívar 12` and `AV BOLIVAR 12` meet.
            guard let c = settings.comparisons.firstIndex(where: { $0.field == .address }), let a = r.texts[c] else { return [] }
            return [a.tokens.map { String(decoding: $0, as: UTF8.self) }.sorted().joined(separator: " ")]
        }
    }

    /// The record's name tokens with the lowest document frequency (ties: alphabetical). Words
    /// seen only once are passed over while others remain: they are usually typos, and a typo
    /// must not change the key.
    private func rarestTokens(_ r: RecordFeatures, limit: Int) -> [String] {
        guard let f = r.fingerprint else { return [] }
        let ranked = zip(f.tokens, f.tokenIDs).map { (String(decoding: $0.0, as: UTF8.self), features.nameTokenFrequency[Int($0.1)]) }
            .sorted { ($0.1 < 2 ? 1 : 0, $0.1, $0.0) < ($1.1 < 2 ? 1 : 0, $1.1, $1.0) }
        return ranked.prefix(limit).map(\.0)
    }
}
