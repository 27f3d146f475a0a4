import Foundation
import Receivables

/// The consolidated ID of every source record from an earlier run, so a customer keeps its ID
/// when records are added, moved or renamed (kept in the store; until the store exists, in the
/// `--state` file). Records are followed by their ``RecordIdentity`` key first; the record ID
/// (file and row) only tells a record whose values changed in place.
public struct IDMap: Codable, Sendable, Equatable {
    public var version: Int
    /// Source record ID → consolidated customer ID.
    public var customerIDByRecord: [String: String]
    /// ``RecordIdentity`` key → consolidated customer ID (empty in maps of version 1, which
    /// follow records by position only).
    public var customerIDByIdentity: [String: String]

    public init(customerIDByRecord: [String: String] = [:], customerIDByIdentity: [String: String] = [:]) {
        self.version = 2
        self.customerIDByRecord = customerIDByRecord
        self.customerIDByIdentity = customerIDByIdentity
    }

    /// The map a reconciliation of `customers` left.
    public init(_ result: ReconciliationResult, customers: [Customer]) {
        self.init(customerIDByRecord: Dictionary(uniqueKeysWithValues: result.customerIDByRecord.map { ($0.key.rawValue, $0.value) }),
                  customerIDByIdentity: Self.idsByIdentity(customers, ids: result.customerIDByRecord))
    }

    /// The consolidated ID of each identity key; when records of one key ended in different
    /// customers (a cannot-link between copies), the one of the smallest record ID. Each facet
    /// key (``RecordIdentity/facets(_:)``) leads to its customer too, or to `""` when records of
    /// different customers share it (two customers of one name), which leads nowhere.
    public static func idsByIdentity(_ customers: [Customer], ids: [RecordID: String]) -> [String: String] {
        let identity = identities(customers)
        var byFacet: [String: String] = [:]
        for c in customers {
            guard let id = ids[c.id], identity[c.id] != nil else { continue }
            for facet in RecordIdentity.facets(c) {
                if let known = byFacet[facet], known != id { byFacet[facet] = "" } else { byFacet[facet] = id }
            }
        }
        return byFacet.merging(idsByRecordIdentity(identity, ids: ids, withoutIdentity: false)) { _, whole in whole }
    }

    /// The consolidated ID of each record's identity key, and, with `withoutIdentity`, of the
    /// record ID of each record that has none; when records of one key ended in different
    /// customers (a cannot-link between copies), the one of the smallest record ID.
    public static func idsByRecordIdentity(_ customers: [Customer], ids: [RecordID: String],
                                           withoutIdentity: Bool) -> [String: String] {
        idsByRecordIdentity(identities(customers), ids: ids, withoutIdentity: withoutIdentity)
    }

    /// Each record's ``RecordIdentity`` key, for the records that have one.
    private static func identities(_ customers: [Customer]) -> [RecordID: String] {
        var identity: [RecordID: String] = [:]
        identity.reserveCapacity(customers.count)
        for c in customers { if let key = RecordIdentity.key(c) { identity[c.id] = key } }
        return identity
    }

    private static func idsByRecordIdentity(_ identity: [RecordID: String], ids: [RecordID: String],
                                            withoutIdentity: Bool) -> [String: String] {
        var chosen: [String: (record: RecordID, id: String)] = [:]
        for (record, id) in ids {
            guard let key = identity[record] ?? (withoutIdentity ? record.rawValue : nil) else { continue }
            if chosen[key].map({ $0.record > record }) ?? true { chosen[key] = (record, id) }
        }
        return chosen.mapValues(\.id)
    }

    enum CodingKeys: String, CodingKey { case version, customerIDByRecord, customerIDByIdentity }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(Int.self, forKey: .version)
        customerIDByRecord = try c.decode([String: String].self, forKey: .customerIDByRecord)
        customerIDByIdentity = try c.decodeIfPresent([String: String].self, forKey: .customerIDByIdentity) ?? [:]
    }

    public static func load(from url: URL) throws -> IDMap {
        try JSONDecoder().decode(IDMap.self, from: Data(contentsOf: url))
    }

    /// Sorted keys, so the same map is always the same bytes.
    public func jsonData() throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try e.encode(self)
    }

    public func write(to url: URL) throws { try jsonData().write(to: url, options: .atomic) }
}

/// A customer that changed shape between two runs.
public struct IDChange: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable { case merge, split }
    public var kind: Kind
    /// merge: the surviving ID; split: the earlier ID that was split.
    public var customerID: String
    public var previousIDs: [String]
    public var currentIDs: [String]

    public init(kind: Kind, customerID: String, previousIDs: [String], currentIDs: [String]) {
        self.kind = kind; self.customerID = customerID; self.previousIDs = previousIDs; self.currentIDs = currentIDs
    }
}

/// One member of a cluster, as the ID assigner follows it.
struct ClusterMember {
    var record: RecordID
    /// Its ``RecordIdentity`` key, if it has one.
    var identity: String?
    /// Its ``RecordIdentity/facets(_:)``.
    var facets: [String]

    init(_ customer: Customer) {
        record = customer.id
        identity = RecordIdentity.key(customer)
        facets = identity == nil ? [] : RecordIdentity.facets(customer)
    }
}

/// Gives each cluster an ID, in this order:
/// 1. the earlier ID most of its members' identity keys had (each earlier ID goes to one cluster);
/// 2. else the one most of its members' facets (tax ID, name, email, phone) had, if no member of
///    another cluster is still known by it (a record edited in place keeps its customer);
/// 3. else, for members with no identity (nothing but their row), the one their record IDs had;
/// 4. else `C-` + 8 hex digits of FNV-1a of the smallest member's identity key (of its smallest
///    record ID when no member has one), so even a first run gives the same IDs when the files
///    are sorted again or renamed.
struct IDAssigner {
    let previous: IDMap?

    /// `clusters` hold members sorted by record ID; returns one ID per cluster and the changes.
    func assign(_ clusters: [[ClusterMember]]) -> (ids: [String], changes: [IDChange]) {
        let byIdentity = previous?.customerIDByIdentity ?? [:], byRecord = previous?.customerIDByRecord ?? [:]
        var ids = [String?](repeating: nil, count: clusters.count)
        var taken = Set<String>()
        /// Each member's earlier IDs with the weight of its evidence, summed per cluster.
        func vote(_ earlierIDs: (ClusterMember) -> [(id: String, weight: Int)]) {
            var candidates: [(count: Int, id: String, cluster: Int)] = []
            for (c, members) in clusters.enumerated() where ids[c] == nil {
                var counts: [String: Int] = [:]
                for m in members { for (id, w) in earlierIDs(m) where !taken.contains(id) { counts[id, default: 0] += w } }
                for (id, n) in counts { candidates.append((n, id, c)) }
            }
            candidates.sort { ($0.count, $1.id, $1.cluster) > ($1.count, $0.id, $0.cluster) }
            for cand in candidates where ids[cand.cluster] == nil && !taken.contains(cand.id) {
                ids[cand.cluster] = cand.id
                taken.insert(cand.id)
            }
        }
        vote { $0.identity.flatMap { byIdentity[$0] }.map { [($0, 1)] } ?? [] }
        // An ID that records still known by their identity lead to stays theirs (their customer
        // merged into another): no other record inherits it by a shared name or an old row.
        let followed = Set(clusters.joined().compactMap { $0.identity.flatMap { byIdentity[$0] } })
        // A tax ID or an email says more than a phone, a phone more than a name (namesakes).
        vote { m in
            var best: [String: Int] = [:]
            for facet in m.facets {
                guard let id = byIdentity[facet], !id.isEmpty, !followed.contains(id) else { continue }
                best[id] = max(best[id] ?? 0, RecordIdentity.weight(ofFacet: facet))
            }
            return best.map { ($0.key, $0.value) }
        }
        // A map of version 1 knows records by their rows only: it is followed so for every record.
        let byRowOnly = byIdentity.isEmpty
        vote { m in
            guard m.identity == nil || byRowOnly, let id = byRecord[m.record.rawValue], !followed.contains(id) else { return [] }
            return [(id, 1)]
        }

        var used = Set(byRecord.values).union(byIdentity.values.filter { !$0.isEmpty })
        used.formUnion(taken)
        for (c, members) in clusters.enumerated() where ids[c] == nil {
            let seed = members.compactMap(\.identity).min() ?? members.first?.record.rawValue ?? ""
            var id = "C-" + StableHash.hex8(seed)
            var salt = 1
            while used.contains(id) {
                id = "C-" + StableHash.hex8(seed + "#" + String(salt)); salt += 1
            }
            ids[c] = id
            used.insert(id)
        }
        let final = ids.map { $0 ?? "" }
        return (final, previous.map { changes(clusters, ids: final, previous: $0) } ?? [])
    }

    /// Customers that merged or split since the earlier run, judged by records known then by their
    /// identity key (by record ID only in a map of version 1): a record that moved is the same
    /// record, a new record at an old row is no evidence.
    private func changes(_ clusters: [[ClusterMember]], ids: [String], previous: IDMap) -> [IDChange] {
        let followsIdentity = !previous.customerIDByIdentity.isEmpty
        func earlierID(_ m: ClusterMember) -> String? {
            guard followsIdentity, let identity = m.identity else { return previous.customerIDByRecord[m.record.rawValue] }
            return previous.customerIDByIdentity[identity]
        }
        var changes: [IDChange] = []
        var currentByOld: [String: Set<String>] = [:]
        for (c, members) in clusters.enumerated() {
            let olds = Set(members.compactMap(earlierID))
            if olds.count > 1 {
                changes.append(IDChange(kind: .merge, customerID: ids[c], previousIDs: olds.sorted(), currentIDs: [ids[c]]))
            }
            for o in olds { currentByOld[o, default: []].insert(ids[c]) }
        }
        for (o, current) in currentByOld where current.count > 1 {
            changes.append(IDChange(kind: .split, customerID: o, previousIDs: [o], currentIDs: current.sorted()))
        }
        changes.sort { ($0.kind.rawValue, $0.customerID) < ($1.kind.rawValue, $1.customerID) }
        return changes
    }
}
