import Foundation
import Receivables

/// A text value folded once for comparisons: its bytes and its tokens.
struct FoldedText: Sendable {
    var bytes: [UInt8]
    /// Tokens as bytes, plus interned IDs for frequency lookups.
    var tokens: [[UInt8]]
    var tokenIDs: [Int32]
}

/// Everything the matcher compares about one customer record, computed once per record.
///
/// A class, so the comparison loop (millions of pairs) reads fields without copying and
/// retaining every array of the record; never mutated once ``FeatureSet`` is built.
final class RecordFeatures: @unchecked Sendable {
    /// The name's fingerprint (sorted words without legal form) as text.
    var fingerprintText: String?
    /// Sorted fingerprint tokens (deduplicated) and the written-order tokens (legal form removed).
    var fingerprint: FoldedText?
    var ordered: FoldedText?
    var legalForm: String?
    var taxID: TaxIDKey?
    var phones: [PhoneKey] = []
    var emails: [EmailKey] = []
    var country: String?
    /// One folded text per comparison that reads a free-text field (address, city, extra.*);
    /// indexed like `MatchSettings.comparisons`, nil for other comparisons or missing values.
    var texts: [FoldedText?]
    /// How many records share this exact fingerprint (term frequency).
    var fingerprintCount = 1
    /// Folded values of the extra columns used as blocking keys (`MatchSettings.blockingExtras`).
    var blockingExtras: [String?] = []

    /// Everything the comparisons read, as one string: records with equal content are copies
    /// (a customer repeated on every invoice row). `nil` when the record has no identifier.
    var contentKey: String? {
        guard fingerprintText != nil || taxID != nil || !phones.isEmpty || !emails.isEmpty else { return nil }
        var parts: [String] = [fingerprintText ?? "", legalForm ?? "", taxID?.normalized ?? "",
                               taxID.map { $0.validity.rawValue } ?? "", phones.map(\.digits).sorted().joined(separator: ","),
                               emails.map(\.address).sorted().joined(separator: ","), country ?? ""]
        for t in texts { parts.append(t.map { String(decoding: $0.bytes, as: UTF8.self) } ?? "") }
        return parts.joined(separator: "\u{1}")
    }

    init(comparisons: Int) { texts = Array(repeating: nil, count: comparisons) }
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
}

/// Builds features for every record and the frequency tables the comparisons need.
struct FeatureSet: Sendable {
    var records: [RecordFeatures]
    /// log2(N / df) per name token: common words (`inversiones`, `de`, `garcia`) weigh less.
    var nameTokenWeights: [Double]
    var nameTokenFrequency: [Int]
    var count: Int { records.count }

    /// One record's features, and its sorted name words for interning.
    private static func features(of c: Customer, settings: MatchSettings) -> (RecordFeatures, [String]) {
        let f = RecordFeatures(comparisons: settings.comparisons.count)
        var sortedTokens: [String] = []
        if let n = c.name?.value {
            let key = NameKey(n)
            if !key.isEmpty {
                f.fingerprintText = key.fingerprint
                sortedTokens = Array(Set(key.tokens)).sorted()
                f.fingerprint = FoldedText(bytes: Array(key.fingerprint.utf8), tokens: sortedTokens.map { Array($0.utf8) }, tokenIDs: [])
                // Fuzzy comparisons read `ñ` as `n` (keyboards without ñ); exact ones keep it.
                let loose = key.tokens.map(Self.withoutEnye)
                f.ordered = FoldedText(bytes: Array(loose.joined(separator: " ").utf8), tokens: loose.map { Array($0.utf8) }, tokenIDs: [])
                f.legalForm = key.legalForms.isEmpty ? nil : key.legalForms.joined(separator: " ")
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
        f.country = c.country.map { $0.uppercased() }
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
            f.texts[i] = FoldedText(bytes: Array(tokens.joined(separator: " ").utf8), tokens: tokens.map { Array($0.utf8) }, tokenIDs: [])
        }
        f.blockingExtras = settings.blockingExtras.map { h in c.extra[h].map(TextFolding.fold).flatMap { $0.isEmpty ? nil : $0 } }
        return (f, sortedTokens)
    }

    static func withoutEnye(_ s: String) -> String {
        guard s.unicodeScalars.contains("ñ") else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "ñ" ? "n" : $0 }))
    }

    init(customers: CustomerView, settings: MatchSettings) {
        // Folding and keys per record are independent: build them on every core, then intern
        // the name words in record order (so token IDs never depend on scheduling).
        let built = Parallel.map(count: customers.count) { i in Self.features(of: customers[i], settings: settings) }
        var nameTokens = TokenTable()
        var records: [RecordFeatures] = []
        records.reserveCapacity(built.count)
        for (f, sortedTokens) in built {
            if var fp = f.fingerprint {
                fp.tokenIDs = sortedTokens.map { nameTokens.intern($0) }
                nameTokens.countDocument(fp.tokenIDs)
                f.fingerprint = fp
            }
            records.append(f)
        }
        var fingerprintCounts: [String: Int] = [:]
        for r in records { if let fp = r.fingerprintText { fingerprintCounts[fp, default: 0] += 1 } }
        for r in records { if let fp = r.fingerprintText { r.fingerprintCount = fingerprintCounts[fp] ?? 1 } }
        let n = Double(max(records.count, 1))
        nameTokenFrequency = nameTokens.documentFrequency
        nameTokenWeights = nameTokenFrequency.map { max(0.5, log2(n / Double(max($0, 1)))) }
        self.records = records
    }
}
