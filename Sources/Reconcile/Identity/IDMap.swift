import Foundation
import Receivables

/// The consolidated ID of every source record from an earlier run, so a customer keeps its ID
/// when records are added (kept in the store; until the store exists, in the `--state` file).
public struct IDMap: Codable, Sendable, Equatable {
    public var version: Int
    /// Source record ID → consolidated customer ID.
    public var customerIDByRecord: [String: String]

    public init(customerIDByRecord: [String: String] = [:]) {
        self.version = 1
        self.customerIDByRecord = customerIDByRecord
    }

    public init(_ result: ReconciliationResult) {
        self.init(customerIDByRecord: Dictionary(uniqueKeysWithValues: result.customerIDByRecord.map { ($0.key.rawValue, $0.value) }))
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

/// Gives each cluster an ID: the earlier ID most of its members had (each earlier ID goes to one
/// cluster only), else `C-` + 8 hex digits of FNV-1a of the smallest member's record ID.
struct IDAssigner {
    let previous: IDMap?

    /// `clusters` hold sorted record IDs; returns one ID per cluster and the changes.
    func assign(_ clusters: [[RecordID]]) -> (ids: [String], changes: [IDChange]) {
        let old = previous?.customerIDByRecord ?? [:]
        var candidates: [(count: Int, id: String, cluster: Int)] = []
        for (c, members) in clusters.enumerated() {
            var counts: [String: Int] = [:]
            for r in members { if let id = old[r.rawValue] { counts[id, default: 0] += 1 } }
            for (id, n) in counts { candidates.append((n, id, c)) }
        }
        candidates.sort { ($0.count, $1.id, $1.cluster) > ($1.count, $0.id, $0.cluster) }
        var ids = [String?](repeating: nil, count: clusters.count)
        var used = Set(old.values)
        var taken = Set<String>()
        for cand in candidates where ids[cand.cluster] == nil && !taken.contains(cand.id) {
            ids[cand.cluster] = cand.id
            taken.insert(cand.id)
        }
        for (c, members) in clusters.enumerated() where ids[c] == nil {
            let seed = members.first?.rawValue ?? ""
            var id = "C-" + StableHash.hex8(seed)
            var salt = 1
            while used.contains(id) || taken.contains(id) {
                id = "C-" + StableHash.hex8(seed + "#" + String(salt)); salt += 1
            }
            ids[c] = id
            taken.insert(id)
        }
        used.formUnion(taken)
        let final = ids.map { $0 ?? "" }

        var changes: [IDChange] = []
        if previous != nil {
            var currentByOld: [String: Set<String>] = [:]
            for (c, members) in clusters.enumerated() {
                let olds = Set(members.compactMap { old[$0.rawValue] })
                if olds.count > 1 {
                    changes.append(IDChange(kind: .merge, customerID: final[c], previousIDs: olds.sorted(), currentIDs: [final[c]]))
                }
                for o in olds { currentByOld[o, default: []].insert(final[c]) }
            }
            for (o, current) in currentByOld where current.count > 1 {
                changes.append(IDChange(kind: .split, customerID: o, previousIDs: [o], currentIDs: current.sorted()))
            }
        }
        changes.sort { ($0.kind.rawValue, $0.customerID) < ($1.kind.rawValue, $1.customerID) }
        return (final, changes)
    }
}
