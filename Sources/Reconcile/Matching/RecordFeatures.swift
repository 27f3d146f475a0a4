import Receivables

/// A text value folded once for comparisons: its bytes and its tokens.
struct FoldedText: Sendable {
    var bytes: [UInt8]
    /// Tokens as bytes, plus interned IDs for frequency lookups.
    var tokens: [[UInt8]]
    var tokenIDs: [Int32]

    var isEmpty: Bool { bytes.isEmpty }
}

/// Everything the matcher compares about one customer record, computed once per record.
struct RecordFeatures: Sendable {
    var name: NameKey?
    /// The sorted fingerprint and the written-order folded name as bytes.
    var fingerprint: FoldedText?
    var orderedName: [UInt8]
    var taxID: TaxIDKey?
    var phones: [PhoneKey]
    var emails: [EmailKey]
    /// One folded text per comparison that reads a free-text field (address, city, extra.*);
    /// indexed like `MatchSettings.comparisons`, nil for other comparisons or missing values.
    var texts: [FoldedText?]
    /// How many records share this exact fingerprint (term frequency).
    var fingerprintCount: Int = 1
}

/// Interns tokens to small integers and counts in how many records each appears.
struct TokenTable {
    private(set) var ids: [String: Int32] = [:]
    private(set) var documentFrequency: [Int] = []

    mutating func intern(_ token: String) -> Int32 {
        if let id = ids[token] { return id }
        let id = Int32(documentFrequency.count)
        ids[token] = id
        documentFrequency.append(0)
        return id
    }

    mutating func countDocument(_ tokenIDs: [Int32]) {
        for id in Set(tokenIDs) { documentFrequency[Int(id)] += 1 }
    }

    func frequency(_ id: Int32) -> Int { documentFrequency[Int(id)] }
}

/// Builds features for every record and the frequency tables the comparisons need.
struct FeatureSet: Sendable {
    var records: [RecordFeatures]
    /// log2(N / df) per name token: common words (`inversiones`, `de`, `garcia`) weigh less.
    var nameTokenWeights: [Double]
    var nameTokenFrequency: [Int]
    /// Per text comparison: token weights (unweighted = 1).
    var count: Int { records.count }

    init(customers: [Customer], settings: MatchSettings) {
        var nameTokens = TokenTable()
        var textTokens = TokenTable()
        var records: [RecordFeatures] = []
        records.reserveCapacity(customers.count)
        for c in customers {
            var f = RecordFeatures(name: nil, fingerprint: nil, orderedName: [], taxID: nil, phones: [], emails: [],
                                   texts: Array(repeating: nil, count: settings.comparisons.count))
            if let n = c.name?.value {
                let key = NameKey(n)
                if !key.isEmpty {
                    f.name = key
                    let sortedTokens = key.fingerprint.split(separator: " ").map(String.init)
                    let ids = sortedTokens.map { nameTokens.intern($0) }
                    nameTokens.countDocument(ids)
                    f.fingerprint = FoldedText(bytes: Array(key.fingerprint.utf8),
                                               tokens: sortedTokens.map { Array($0.utf8) }, tokenIDs: ids)
                    f.orderedName = Array(key.tokens.joined(separator: " ").utf8)
                }
            }
            if let t = c.taxID?.value {
                let key = TaxIDKey(t)
                if !key.normalized.isEmpty { f.taxID = key }
            }
            var seenPhones = Set<String>()
            for p in c.phones { if let k = PhoneKey(p.value), seenPhones.insert(k.digits).inserted { f.phones.append(k) } }
            var seenEmails = Set<String>()
            for e in c.emails { if let k = EmailKey(e.value), seenEmails.insert(k.address).inserted { f.emails.append(k) } }
            for (i, comparison) in settings.comparisons.enumerated() {
                let raw: String?
                switch comparison.field {
                case .address: raw = c.address?.value
                case .city: raw = c.city?.value
                case .extra(let header): raw = c.extra[header]
                default: raw = nil
                }
                guard let raw else { continue }
                let tokens = TextFolding.tokens(raw)
                guard !tokens.isEmpty else { continue }
                let ids = tokens.map { textTokens.intern("\(i)|" + $0) }
                textTokens.countDocument(ids)
                f.texts[i] = FoldedText(bytes: Array(tokens.joined(separator: " ").utf8),
                                        tokens: tokens.map { Array($0.utf8) }, tokenIDs: ids)
            }
            records.append(f)
        }
        var fingerprintCounts: [String: Int] = [:]
        for r in records { if let fp = r.name?.fingerprint { fingerprintCounts[fp, default: 0] += 1 } }
        for i in records.indices { if let fp = records[i].name?.fingerprint { records[i].fingerprintCount = fingerprintCounts[fp] ?? 1 } }
        let n = Double(max(records.count, 1))
        nameTokenFrequency = (0..<nameTokens.documentFrequency.count).map { nameTokens.frequency(Int32($0)) }
        nameTokenWeights = nameTokenFrequency.map { max(0.5, log2(n / Double(max($0, 1)))) }
        self.records = records
    }
}

import Foundation
