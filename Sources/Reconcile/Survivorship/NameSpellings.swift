/// Names that are one name spelled differently: a typo (`Raffael` for `Rafael`, `Caibe` for
/// `Caribe`), each word like one of the other's. (Not a name with words more or fewer: a bank's
/// payer name cut at 25 characters would be written for the customer by the many payments.) Survivorship
/// weighs them as one name, so the rules choose between names, not between spellings, and the
/// spelling most members write is kept: otherwise the name on the latest invoice row, or the
/// longest one, wins, however one-off its typo.
enum NameSpellings {
    /// `candidates` with each key replaced by its spelling group's (the spelling key most members
    /// write; equal counts by the keys' order, the same on every run), so a group is one value to
    /// survivorship.
    static func grouped(_ candidates: [Candidate]) -> [Candidate] {
        let keys = Array(Set(candidates.map(\.key))).sorted()
        guard keys.count > 1 else { return candidates }
        let words = keys.map { $0.split(separator: " ").map { Array($0.utf8) } }
        var parent = Array(keys.indices)
        func root(_ i: Int) -> Int { parent[i] == i ? i : root(parent[i]) }
        for i in keys.indices {
            for j in keys.indices where j > i && sameName(words[i], words[j]) {
                let (a, b) = (root(i), root(j))
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        let count = Dictionary(candidates.map { ($0.key, 1) }, uniquingKeysWith: +)
        var groupKey: [Int: String] = [:]
        for (i, key) in keys.enumerated() {
            let r = root(i)
            if let best = groupKey[r], (count[best] ?? 0, best) >= (count[key] ?? 0, key) { continue }
            groupKey[r] = key
        }
        return candidates.map { c in
            var c = c
            c.spelling = c.key
            if let i = keys.firstIndex(of: c.key), let key = groupKey[root(i)] { c.key = key }
            return c
        }
    }

    /// Whether two names' folded words (legal form left out) are one name: the same number of
    /// words, each like one of the other's.
    static func sameName(_ a: [[UInt8]], _ b: [[UInt8]]) -> Bool {
        guard a.count == b.count, !a.isEmpty else { return false }
        var free = b
        for word in a {
            guard let k = free.firstIndex(where: { TokenOverlap.similar(word, $0) }) else { return false }
            free.remove(at: k)
        }
        return true
    }
}
