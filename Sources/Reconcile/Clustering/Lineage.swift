/// Father and son, told apart by the word that ends one name (`Pedro Luis Mendoza Hijo`, `Jr.`,
/// `Sr.`, `II`): pairwise, a generation word one name has and the other lacks already keeps two
/// records from matching (``TokenOverlap/generationApart``). Clustering must not join them
/// either through a third record that names no one (a chat known only by its phone, a bank line
/// with a tax ID): each such pair is kept apart like a cannot-link.
enum Lineage {
    /// The generation a name's last word names: 1 son (`Hijo`, `Jr`), 2 father (`Padre`, `Sr`),
    /// 3 grandson, 4… `II`, `III`, `IV`; a name without one is 0.
    static let generations: [[UInt8]: Int8] = [
        "hijo": 1, "hija": 1, "jr": 1, "junior": 1, "padre": 2, "sr": 2, "senior": 2, "nieto": 3, "nieta": 3,
        "ii": 4, "iii": 5, "iv": 6,
    ].reduce(into: [:]) { $0[Array($1.key.utf8)] = $1.value }

    /// The pairs (``Clusterer/key(_:_:)``) of a record whose name ends in a generation word and a
    /// record whose name holds all its other words but names another generation (or none).
    static func apart(_ features: FeatureSet) -> Set<UInt64> {
        let n = features.records.count
        var generation = [Int8](repeating: 0, count: n)
        var marked: [Int] = []
        for i in 0..<n {
            let words = features.orderedName[i]
            guard words.count > 1, let last = words.last, let g = generations[features.vocabulary[Int(last)]] else { continue }
            generation[i] = g
            marked.append(i)
        }
        guard !marked.isEmpty else { return [] }
        // The records holding each word, for the words of the marked names only.
        var wanted = Set<Int32>()
        for i in marked { wanted.formUnion(features.orderedName[i].dropLast()) }
        var holders: [Int32: [Int]] = [:]
        for j in 0..<n {
            for w in features.orderedName[j] where wanted.contains(w) && holders[w]?.last != j { holders[w, default: []].append(j) }
        }
        var out = Set<UInt64>()
        for i in marked {
            let base = Set(features.orderedName[i].dropLast())
            // The rarest word's holders are the only candidates.
            guard let rarest = base.min(by: { (holders[$0]?.count ?? 0) < (holders[$1]?.count ?? 0) }) else { continue }
            for j in holders[rarest] ?? [] where j != i && generation[j] != generation[i] {
                let words = features.orderedName[j]
                // The same generation's word elsewhere in the name (`Pedro Mendoza Hijo (Herrería)`,
                // `Pedro Mendoza Jr.` beside `Hijo`) is the same person written longer.
                if words.contains(where: { generations[features.vocabulary[Int($0)]] == generation[i] }) { continue }
                if base.isSubset(of: words) { out.insert(Clusterer.key(i, j)) }
            }
        }
        return out
    }
}
