/// How one member joined its cluster: the partner it matched best and the evidence used.
struct MemberLink: Sendable {
    var partner: Int
    var probability: Double
    var weight: Double
    /// Comparison levels of the pair (nil for a must-link without scoring).
    var pattern: UInt64?
    /// `must_link`, `identical`, `tax_id` or `score`.
    var rule: String
}

struct Cluster: Sendable {
    /// Record indices, ascending (records are sorted by RecordID, so the first is the seed).
    var members: [Int]
    /// Link for every member except the seed, by member.
    var links: MemberLinks

    init(members: [Int], links: [Int: MemberLink]) {
        self.members = members
        self.links = MemberLinks(links)
    }
}

/// Member → link, as one sorted array: a dictionary per cluster (100 000 of them) costs several
/// times the links it holds.
struct MemberLinks: Sendable {
    private let entries: [(member: Int, link: MemberLink)]

    init(_ links: [Int: MemberLink]) { entries = links.sorted { $0.key < $1.key }.map { ($0.key, $0.value) } }

    var count: Int { entries.count }

    subscript(member: Int) -> MemberLink? {
        var lo = 0, hi = entries.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entries[mid].member < member { lo = mid + 1 } else { hi = mid }
        }
        return lo < entries.count && entries[lo].member == member ? entries[lo].link : nil
    }
}

/// A cluster of the match graph whose members did not all support each other.
struct ClusterSplit: Sendable {
    var parts: [[Int]]
    /// Average pairwise probability between the parts that were kept apart.
    var crossSupport: Double
}

struct ClusteringOutcome: Sendable {
    var clusters: [Cluster]
    var splits: [ClusterSplit]
    /// Must-link pairs that contradicted a cannot-link override (the cannot-link won).
    var overrideConflicts: [(Int, Int)]
    /// Clusters too large for the pairwise support check.
    var unchecked: [[Int]]
    /// Records kept apart because they matched incompatible clusters equally well.
    var ambiguous: [AmbiguousMatch] = []
    /// Matches refused because their clusters carry tax IDs of different numbers.
    var taxNumberRefusals: [TaxNumberRefusal] = []
}

/// A match that joined no clusters because of the tax IDs (`cannot_link_different_tax_id_numbers`):
/// records `i` and `j` scored as one customer, but the clusters they were in hold records `x` and
/// `y` whose tax IDs are different numbers (``TaxIDKey/isAnotherNumber(than:)``). Said, so the
/// decision can be checked (`explain` lists it).
struct TaxNumberRefusal: Sendable {
    var i: Int
    var j: Int
    var x: Int
    var y: Int
    var probability: Double
}

/// A record, or a must-linked group of records, that matched two or more clusters with the same
/// weight while those clusters cannot be one customer (different valid tax IDs, a cannot-link):
/// which one it belongs to is a person's call, so it is kept apart and reported.
struct AmbiguousMatch: Sendable {
    /// The records kept apart, ascending.
    var members: [Int]
    /// A record of each cluster it matched, ascending.
    var candidates: [Int]
    /// The weight of those matches.
    var weight: Double
}

/// Clusters records without chaining unrelated ones through a weak link.
///
/// 1. Must-link overrides join first; then match edges (probability ≥ threshold) join in order of
///    decreasing weight, each refused when it would put two different valid tax IDs, two tax IDs
///    of different numbers (``taxNumbers``) or a cannot-link pair in one cluster.
/// 2. Each resulting cluster is re-checked with every pair scored: average-linkage agglomeration
///    rebuilds it from its members, merging groups only while their average pairwise probability
///    is at least `cluster_min_support`. A cluster that comes out in several parts is split, and
///    the split is reported.
struct Clusterer {
    let settings: MatchSettings
    /// Scores any pair on demand (the support check scores pairs blocking never proposed).
    let scorePair: (Int, Int) -> ScoredPair
    /// Whether a pair's levels are vetoed (never a link by score).
    var isVetoed: (UInt64) -> Bool = { _ in false }
    let validTaxIDs: [String?]
    /// The surely valid tax IDs (``TaxIDKey/isSurelyValid``): one on both records links them.
    var linkingTaxIDs: [String?] = []
    /// Each record's tax ID when it tells holders apart (``TaxIDKey/tellsHoldersApart``), under
    /// `cannot_link_different_tax_id_numbers`: two different numbers
    /// (``TaxIDKey/isAnotherNumber(than:)``) never share a cluster, as two different valid tax
    /// IDs do not; empty when the rule is off.
    var taxNumbers: [TaxIDKey?] = []
    let mustLinks: [(Int, Int)]
    /// `mustLinks` as pair keys, built once (every cluster's support check reads it).
    private let mustSet: Set<UInt64>
    /// Must-links that join records with identical matching content (labelled `identical`).
    var identical: Set<UInt64> = []
    /// Links of the previous run (``MatchSettings/keepPreviousLinks``): once clustering is done,
    /// clusters they join are joined (``rejoin(_:)``), unless a cannot-link, two different valid
    /// tax IDs or two of different numbers refuse it (silently: the override or the new tax ID is
    /// the newer word).
    var keptLinks: [(Int, Int)] = []
    let cannotLinks: Set<UInt64>

    init(settings: MatchSettings, scorePair: @escaping (Int, Int) -> ScoredPair, validTaxIDs: [String?],
         mustLinks: [(Int, Int)], cannotLinks: Set<UInt64>) {
        self.settings = settings; self.scorePair = scorePair; self.validTaxIDs = validTaxIDs
        self.mustLinks = mustLinks; self.cannotLinks = cannotLinks
        mustSet = Set(mustLinks.map { Self.key($0.0, $0.1) })
    }

    static func key(_ a: Int, _ b: Int) -> UInt64 {
        let (i, j) = a < b ? (a, b) : (b, a)
        return UInt64(i) << 32 | UInt64(j)
    }

    func cluster(count n: Int, edges: [ScoredPair]) -> ClusteringOutcome {
        // A record that matches two incompatible clusters equally well stays apart (its edges are
        // dropped and the joining redone), rather than joining whichever sorted first; dropping
        // its edges may leave another record in the same position, hence the loop.
        var skipped = Set<Int>()
        var ambiguous: [AmbiguousMatch] = []
        var joined = join(count: n, edges: edges, skipping: skipped)
        while !joined.ambiguous.isEmpty {
            ambiguous += joined.ambiguous
            for a in joined.ambiguous { skipped.formUnion(a.members) }
            joined = join(count: n, edges: edges, skipping: skipped)
        }
        var uf = joined.unionFind
        let treeEdges = joined.treeEdges

        // Groups in order of their first member, without a dictionary of arrays over all records.
        var groupOfRoot = [Int32](repeating: -1, count: n)
        var groups: [[Int]] = []
        for i in 0..<n {
            let r = uf.find(i)
            if groupOfRoot[r] < 0 { groupOfRoot[r] = Int32(groups.count); groups.append([i]) } else { groups[Int(groupOfRoot[r])].append(i) }
        }
        var tree: [Int: [(Int, MemberLink)]] = [:]
        var outcome = ClusteringOutcome(clusters: [], splits: [], overrideConflicts: joined.conflicts, unchecked: [],
                                        ambiguous: ambiguous.sorted { $0.members[0] < $1.members[0] },
                                        taxNumberRefusals: joined.taxNumberRefusals)
        outcome.clusters.reserveCapacity(groups.count)
        for members in groups {
            if members.count == 1 {
                outcome.clusters.append(Cluster(members: members, links: [:]))
            } else if members.count > settings.supportCheckMaxSize {
                outcome.unchecked.append(members)
                if tree.isEmpty {
                    for (i, j, link) in treeEdges {
                        tree[i, default: []].append((j, link))
                        var back = link; back.partner = i
                        tree[j, default: []].append((i, back))
                    }
                }
                outcome.clusters.append(Cluster(members: members, links: Self.linksFromTree(members, tree)))
            } else {
                let (parts, split) = refine(members)
                if let split { outcome.splits.append(split) }
                outcome.clusters.append(contentsOf: parts)
            }
        }
        // (A record kept apart as an ambiguous match stays apart: the previous run's join was the guess.)
        if !keptLinks.isEmpty { outcome.clusters = rejoin(outcome.clusters, keepingApart: skipped) }
        outcome.clusters.sort { $0.members[0] < $1.members[0] }
        return outcome
    }

    /// The clusters with those a previous run's link joins made one again. Only links the model
    /// no longer makes change anything: on unchanged data the result is what clustering alone gives.
    private func rejoin(_ clusters: [Cluster], keepingApart apart: Set<Int>) -> [Cluster] {
        var clusterOf: [Int: Int] = [:]
        for (c, cluster) in clusters.enumerated() { for m in cluster.members { clusterOf[m] = c } }
        var uf = UnionFind(count: clusters.count)
        var taxSets: [Int: Set<String>] = [:]
        var numberHolders: [Int: [Int]] = [:]
        for (c, cluster) in clusters.enumerated() {
            let ids = Set(cluster.members.compactMap { validTaxIDs[$0] })
            if !ids.isEmpty { taxSets[c] = ids }
            if let holders = joinedHolders(nil, cluster.members) { numberHolders[c] = holders }
        }
        var cannotOf: [Int: [Int]] = [:]
        for k in cannotLinks { let a = Int(k >> 32), b = Int(k & 0xFFFF_FFFF); cannotOf[a, default: []].append(b); cannotOf[b, default: []].append(a) }
        var members: [Int: [Int]] = [:]
        for c in clusters.indices { members[c] = clusters[c].members }
        var joins: [(Int, Int)] = []
        for (a, b) in keptLinks.sorted(by: { $0 < $1 }) where !apart.contains(a) && !apart.contains(b) {
            guard let ca = clusterOf[a], let cb = clusterOf[b] else { continue }
            let ra = uf.find(ca), rb = uf.find(cb)
            if ra == rb { continue }
            if settings.cannotLinkDifferentValidTaxIDs, let x = taxSets[ra], let y = taxSets[rb], x.union(y).count > max(x.count, y.count) { continue }
            if differingNumbers(numberHolders[ra], numberHolders[rb]) != nil { continue }
            let other = Set(members[rb] ?? [])
            if (members[ra] ?? []).contains(where: { m in (cannotOf[m] ?? []).contains(where: other.contains) }) { continue }
            let r = uf.union(ra, rb), gone = r == ra ? rb : ra
            members[r, default: []] += members.removeValue(forKey: gone) ?? []
            if let t = taxSets.removeValue(forKey: gone) { taxSets[r, default: []].formUnion(t) }
            if let h = numberHolders.removeValue(forKey: gone) { numberHolders[r] = joinedHolders(numberHolders[r], h) }
            joins.append((a, b))
        }
        guard !joins.isEmpty else { return clusters }
        // Each joined cluster's tree: every member's link as an edge, the previous run's links
        // besides, walked from the seed (the smallest member).
        var edgesOf: [Int: [(Int, MemberLink)]] = [:]
        func addEdge(_ x: Int, _ y: Int, _ link: MemberLink) {
            var there = link; there.partner = y
            var back = link; back.partner = x
            edgesOf[x, default: []].append((y, there)); edgesOf[y, default: []].append((x, back))
        }
        for (a, b) in joins { addEdge(a, b, MemberLink(partner: b, probability: 1, weight: .infinity, pattern: nil, rule: "previous_run")) }
        var partsOf: [Int: [Int]] = [:]
        for c in clusters.indices { partsOf[uf.find(c), default: []].append(c) }
        var out: [Cluster] = []
        out.reserveCapacity(partsOf.count)
        for c in clusters.indices {
            guard let parts = partsOf[uf.find(c)], parts[0] == c else { continue }
            if parts.count == 1 { out.append(clusters[c]); continue }
            let all = parts.flatMap { clusters[$0].members }.sorted()
            for part in parts { for m in clusters[part].members { if let l = clusters[part].links[m] { addEdge(m, l.partner, l) } } }
            out.append(Cluster(members: all, links: Self.linksFromTree(all, edgesOf)))
        }
        return out
    }

    /// What joining the edges made: the sets, every union made (for clusters too big to re-check),
    /// the must-links a cannot-link refused, and the ambiguous matches met.
    private struct Joined {
        var unionFind: UnionFind
        var treeEdges: [(Int, Int, MemberLink)]
        var conflicts: [(Int, Int)]
        var ambiguous: [AmbiguousMatch]
        var taxNumberRefusals: [TaxNumberRefusal]
    }

    /// The tax ID of record `i` that tells holders apart, if it has one and the rule is on.
    private func taxNumber(_ i: Int) -> TaxIDKey? { i < taxNumbers.count ? taxNumbers[i] : nil }

    /// A cluster's number holders (one record per tax ID it carries, what it is checked by) with
    /// those of `b` whose ID they lack added.
    private func joinedHolders(_ a: [Int]?, _ b: [Int]) -> [Int]? {
        var holders = a ?? []
        for y in b {
            guard let key = taxNumber(y), !holders.contains(where: { taxNumber($0) == key }) else { continue }
            holders.append(y)
        }
        return holders.isEmpty ? nil : holders
    }

    /// A record of `a` and one of `b` (each a cluster's number holders) whose tax IDs are
    /// different numbers, if any: then the two clusters are two customers.
    private func differingNumbers(_ a: [Int]?, _ b: [Int]?) -> (Int, Int)? {
        guard let a, let b else { return nil }
        for x in a {
            for y in b {
                if let m = taxNumber(x), let n = taxNumber(y), m.isAnotherNumber(than: n) { return (x, y) }
            }
        }
        return nil
    }

    /// Must-links, then the match edges by decreasing weight (those touching `skipped` left out),
    /// each refused when it would put two different valid tax IDs, two tax IDs of different
    /// numbers or a cannot-link pair together.
    ///
    /// A must-link group (often a single record) that joined a cluster through an edge, and whose
    /// edge of the same weight to another cluster is then refused, is an ambiguous match: it fits
    /// either, and the order of the edges alone chose. It is reported so it can be kept apart.
    private func join(count n: Int, edges: [ScoredPair], skipping skipped: Set<Int>) -> Joined {
        var uf = UnionFind(count: n)
        var taxSets: [Int: Set<String>] = [:]
        for (i, t) in validTaxIDs.enumerated() { if let t { taxSets[i] = [t] } }
        var numberHolders: [Int: [Int]] = [:]
        for i in taxNumbers.indices where taxNumbers[i] != nil { numberHolders[i] = [i] }
        var refusals: [TaxNumberRefusal] = []
        var forbidden: [Int: [Int]] = [:]
        for k in cannotLinks.sorted() {
            let a = Int(k >> 32), b = Int(k & 0xFFFF_FFFF)
            forbidden[a, default: []].append(b); forbidden[b, default: []].append(a)
        }
        // Every union as one flat list (an adjacency list per record would cost an array each);
        // only clusters too big for the support check walk it.
        var treeEdges: [(Int, Int, MemberLink)] = []
        var conflicts: [(Int, Int)] = []

        func blockedByCannotLink(_ ra: Int, _ rb: Int) -> Bool {
            for f in forbidden[ra] ?? [] where uf.find(f) == rb { return true }
            return false
        }
        func blockedByTaxIDs(_ a: Set<String>?, _ b: Set<String>?) -> Bool {
            guard settings.cannotLinkDifferentValidTaxIDs, let a, let b else { return false }
            return a.union(b).count > max(a.count, b.count)
        }
        func merge(_ ra: Int, _ rb: Int) {
            let r = uf.union(ra, rb)
            let other = r == ra ? rb : ra
            if let t = taxSets.removeValue(forKey: other) { taxSets[r, default: []].formUnion(t) }
            if let h = numberHolders.removeValue(forKey: other) { numberHolders[r] = joinedHolders(numberHolders[r], h) }
            if let f = forbidden.removeValue(forKey: other) { forbidden[r, default: []].append(contentsOf: f) }
        }

        for (a, b) in mustLinks.sorted(by: { $0 < $1 }) {
            let ra = uf.find(a), rb = uf.find(b)
            if ra == rb { continue }
            if blockedByCannotLink(ra, rb) { conflicts.append((a, b)); continue }
            merge(ra, rb)
            treeEdges.append((a, b, MemberLink(partner: b, probability: 1, weight: .infinity, pattern: nil,
                                               rule: identical.contains(Self.key(a, b)) ? "identical" : "must_link")))
        }
        // The must-link groups as they stand before any edge: each one's root, tax IDs and
        // cannot-links, and, once an edge joins it to others, that edge's weight and partner.
        let group = (0..<n).map { uf.find($0) }
        let groupTaxIDs = taxSets, groupNumbers = numberHolders, groupForbidden = forbidden
        var alone = Set(group)
        var joinedBy: [Int: (weight: Double, partner: Int)] = [:]
        var found: [Int: AmbiguousMatch] = [:]
        /// Whether group `g` alone would be refused by the cluster rooted at `r`.
        func groupRefused(_ g: Int, by r: Int) -> Bool {
            if let t = groupTaxIDs[g], blockedByTaxIDs(t, taxSets[r]) { return true }
            if differingNumbers(groupNumbers[g], numberHolders[r]) != nil { return true }
            for f in groupForbidden[g] ?? [] where uf.find(f) == r { return true }
            return false
        }

        for e in edges {
            let i = Int(e.i), j = Int(e.j)
            if skipped.contains(i) || skipped.contains(j) { continue }
            let ra = uf.find(i), rb = uf.find(j)
            if ra == rb { continue }
            let refused = blockedByCannotLink(ra, rb) || blockedByTaxIDs(taxSets[ra], taxSets[rb])
            // (Said only when nothing else refused it: the rule's own decisions.)
            let numbers = refused ? nil : differingNumbers(numberHolders[ra], numberHolders[rb])
            if let (x, y) = numbers { refusals.append(TaxNumberRefusal(i: i, j: j, x: x, y: y, probability: e.probability)) }
            if refused || numbers != nil {
                for (x, other, r) in [(i, j, rb), (j, i, ra)] {
                    let g = group[x]
                    guard let via = joinedBy[g], via.weight == e.weight, !groupRefused(g, by: r) else { continue }
                    var match = found[g] ?? AmbiguousMatch(members: [], candidates: [via.partner], weight: e.weight)
                    if !match.candidates.contains(other) { match.candidates.append(other) }
                    found[g] = match
                }
                continue
            }
            for (x, partner) in [(i, j), (j, i)] where alone.contains(group[x]) {
                joinedBy[group[x]] = (e.weight, partner)
                alone.remove(group[x])
            }
            merge(ra, rb)
            treeEdges.append((i, j, MemberLink(partner: j, probability: e.probability, weight: e.weight, pattern: e.pattern,
                                               rule: rule(for: e.pattern))))
        }
        if !found.isEmpty { for x in 0..<n where found[group[x]] != nil { found[group[x]]!.members.append(x) } }
        let ambiguous = found.keys.sorted().map { g in
            var match = found[g]!
            match.candidates.sort()
            return match
        }
        return Joined(unionFind: uf, treeEdges: treeEdges, conflicts: conflicts, ambiguous: ambiguous, taxNumberRefusals: refusals)
    }

    private func rule(for pattern: UInt64) -> String {
        for (c, comparison) in settings.comparisons.enumerated() where comparison.field == .taxID {
            if let k = ComparisonEvaluator.level(in: pattern, comparison: c),
               [.exact, .exactValid].contains(comparison.levels[k].condition) { return "tax_id" }
        }
        return "score"
    }

    /// The support check and the spanning links of each part.
    private func refine(_ members: [Int]) -> ([Cluster], ClusterSplit?) {
        let n = members.count
        var links = [[MemberLink?]](repeating: [MemberLink?](repeating: nil, count: n), count: n)
        var p = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for x in 0..<n {
            for y in (x + 1)..<n {
                let i = members[x], j = members[y], k = Self.key(i, j)
                let link: MemberLink
                if mustSet.contains(k) {
                    link = MemberLink(partner: j, probability: 1, weight: .infinity, pattern: nil,
                                      rule: identical.contains(k) ? "identical" : "must_link")
                } else if cannotLinks.contains(k) {
                    link = MemberLink(partner: j, probability: 0, weight: -.infinity, pattern: nil, rule: "cannot_link")
                } else {
                    let s = scorePair(i, j)
                    var prob = s.probability
                    if settings.cannotLinkDifferentValidTaxIDs, let a = validTaxIDs[i], let b = validTaxIDs[j], a != b { prob = 0 }
                    if let a = taxNumber(i), let b = taxNumber(j), a.isAnotherNumber(than: b) { prob = 0 }
                    if isVetoed(s.pattern) { prob = 0 }
                    // One valid tax ID on both: one legal entity, whatever the names (link_same_valid_tax_ids).
                    if settings.linkSameValidTaxIDs, i < linkingTaxIDs.count, j < linkingTaxIDs.count,
                       let a = linkingTaxIDs[i], a == linkingTaxIDs[j] {
                        prob = max(prob, settings.matchThreshold)
                    }
                    link = MemberLink(partner: j, probability: prob, weight: s.weight, pattern: s.pattern, rule: rule(for: s.pattern))
                }
                links[x][y] = link; links[y][x] = link
                p[x][y] = link.probability; p[y][x] = link.probability
            }
        }
        // Start from must-link groups and the records of one surely valid tax ID (one legal entity:
        // a third record that agrees with only one of them must not pull them apart), then average
        // linkage. A cannot-link still parts them (it has probability 0 and stops the merging).
        var local = UnionFind(count: n)
        for x in 0..<n {
            for y in (x + 1)..<n {
                let i = members[x], j = members[y]
                let sameTaxID = settings.linkSameValidTaxIDs && i < linkingTaxIDs.count && j < linkingTaxIDs.count
                    && linkingTaxIDs[i] != nil && linkingTaxIDs[i] == linkingTaxIDs[j] && links[x][y]?.rule != "cannot_link"
                if links[x][y]?.weight == .infinity || sameTaxID { local.union(x, y) }
            }
        }
        var partsByRoot: [Int: [Int]] = [:]
        for x in 0..<n { partsByRoot[local.find(x), default: []].append(x) }
        var parts = partsByRoot.values.sorted { $0[0] < $1[0] }
        func average(_ a: [Int], _ b: [Int]) -> Double {
            var s = 0.0
            for x in a { for y in b { if p[x][y] == 0 && links[x][y]?.rule == "cannot_link" { return -1 }; s += p[x][y] } }
            return s / Double(a.count * b.count)
        }
        while parts.count > 1 {
            var best = (-1.0, 0, 0)
            for a in 0..<parts.count { for b in (a + 1)..<parts.count {
                let s = average(parts[a], parts[b])
                if s > best.0 { best = (s, a, b) }
            } }
            guard best.0 >= settings.clusterMinSupport else { break }
            parts[best.1] = (parts[best.1] + parts[best.2]).sorted()
            parts.remove(at: best.2)
        }
        var split: ClusterSplit?
        if parts.count > 1 {
            var s = 0.0, c = 0
            for a in 0..<parts.count { for b in (a + 1)..<parts.count { for x in parts[a] { for y in parts[b] { s += p[x][y]; c += 1 } } } }
            split = ClusterSplit(parts: parts.map { $0.map { members[$0] } }.sorted { $0[0] < $1[0] },
                                 crossSupport: c > 0 ? s / Double(c) : 0)
        }
        // Maximum spanning tree (Prim) from each part's seed: every member's strongest way in.
        var clusters: [Cluster] = []
        for part in parts {
            var inTree: Set<Int> = [part[0]]
            var result: [Int: MemberLink] = [:]
            while inTree.count < part.count {
                var best = (-1.0, -1, -1)
                for x in inTree.sorted() { for y in part where !inTree.contains(y) && p[x][y] > best.0 { best = (p[x][y], x, y) } }
                let (_, x, y) = best
                guard x >= 0, var link = links[x][y] else { break }
                link.partner = members[x]
                result[members[y]] = link
                inTree.insert(y)
            }
            clusters.append(Cluster(members: part.map { members[$0] }, links: result))
        }
        return (clusters, split)
    }

    /// Links along the union-find tree, walked from the seed (for clusters too big to re-check).
    static func linksFromTree(_ members: [Int], _ tree: [Int: [(Int, MemberLink)]]) -> [Int: MemberLink] {
        var result: [Int: MemberLink] = [:]
        var seen: Set<Int> = [members[0]]
        var queue = [members[0]]
        while !queue.isEmpty {
            let x = queue.removeFirst()
            for (y, link) in (tree[x] ?? []).sorted(by: { $0.0 < $1.0 }) where !seen.contains(y) {
                var l = link; l.partner = x
                result[y] = l
                seen.insert(y); queue.append(y)
            }
        }
        return result
    }
}
