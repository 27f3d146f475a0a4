import Foundation
import Receivables

/// What the matcher compares about one customer record besides its words, computed once per
/// record. The words of names and addresses live in ``FeatureSet`` as interned token lists.
///
/// A class, so the comparison loop (millions of pairs) reads fields without copying and
/// retaining every array of the record; never mutated once ``FeatureSet`` is built.
final class RecordFeatures: @unchecked Sendable {
    var legalForm: String?
    var taxID: TaxIDKey?
    var phones: [PhoneKey] = []
    var emails: [EmailKey] = []
    var country: String?
    /// Folded values of the extra columns used as blocking keys (`MatchSettings.blockingExtras`).
    var blockingExtras: [String?] = []
}

/// The token lists of every record in one buffer: a record's list is a slice of it, so 200 000
/// records cost a few megabytes instead of an array (and its header) per record and per word.
/// An empty list means the value is missing.
struct TokenLists: Sendable {
    private(set) var ids: [Int32] = []
    private(set) var ends: [Int32] = []

    mutating func append(_ list: [Int32]) {
        ids.append(contentsOf: list)
        ends.append(Int32(ids.count))
    }

    subscript(i: Int) -> ArraySlice<Int32> {
        let lo = i == 0 ? 0 : Int(ends[i - 1])
        return ids[lo..<Int(ends[i])]
    }
}

/// One record's values folded to words, before interning (built in parallel).
private struct RecordWords {
    var features: RecordFeatures
    /// Name words without legal form: sorted and deduplicated (the fingerprint), and in written
    /// order with `ñ` read as `n` (fuzzy comparisons).
    var sortedName: [String] = []
    var orderedName: [String] = []
    /// Words of each free-text comparison (address, city, extra.*), by comparison index.
    var texts: [(Int, [String])] = []
}

/// Builds features for every record and the frequency tables the comparisons need.
struct FeatureSet: Sendable {
    var records: [RecordFeatures]
    /// Bytes of every distinct word, by token ID.
    let vocabulary: [[UInt8]]
    /// Name fingerprint (sorted unique words, legal form removed) and written-order words.
    let sortedName: TokenLists
    let orderedName: TokenLists
    /// Words of each free-text comparison, indexed like `MatchSettings.comparisons` (nil for others).
    let texts: [TokenLists?]
    /// How many records share each record's exact fingerprint (term frequency).
    let fingerprintCount: [Int32]
    /// The average frequency of the fingerprint two agreeing records share (pairs of records
    /// with one fingerprint weigh by their number): Σ c(c−1)·c/N ÷ Σ c(c−1).
    let fingerprintReferenceFrequency: Double
    /// log2(N / df) per name token: common words (`inversiones`, `de`, `garcia`) weigh less.
    var nameTokenWeights: [Double]
    /// In how many records' names each token appears (by token ID; 0 for words of other fields).
    var nameTokenFrequency: [Int]
    var count: Int { records.count }

    /// Records are folded in chunks of this many, so the words of all records never exist as
    /// strings at once.
    static let chunk = 16_384

    private static func words(of c: Customer, settings: MatchSettings) -> RecordWords {
        let f = RecordFeatures()
        var w = RecordWords(features: f)
        if let n = c.name?.value {
            let key = NameKey(n)
            if !key.isEmpty {
                w.sortedName = Array(Set(key.tokens)).sorted()
                // Fuzzy comparisons read `ñ` as `n` (keyboards without ñ); exact ones keep it.
                w.orderedName = key.tokens.map(Self.withoutEnye)
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
            if !tokens.isEmpty { w.texts.append((i, tokens)) }
        }
        if !settings.blockingExtras.isEmpty {
            f.blockingExtras = settings.blockingExtras.map { h in c.extra[h].map(TextFolding.fold).flatMap { $0.isEmpty ? nil : $0 } }
        }
        return w
    }

    static func withoutEnye(_ s: String) -> String {
        guard s.unicodeScalars.contains("ñ") else { return s }
        return String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "ñ" ? "n" : $0 }))
    }

    static func isTextField(_ field: MatchSettings.Field) -> Bool {
        switch field {
        case .address, .city, .extra: true
        default: false
        }
    }

    init(customers: CustomerView, settings: MatchSettings) {
        // Folding is independent per record: each chunk is folded on every core, then its words
        // are interned in record order (so token IDs never depend on scheduling).
        var ids: [String: Int32] = [:]
        var vocabulary: [[UInt8]] = []
        var frequency: [Int] = []
        func intern(_ token: String) -> Int32 {
            if let id = ids[token] { return id }
            let id = Int32(vocabulary.count)
            ids[token] = id
            vocabulary.append(Array(token.utf8))
            frequency.append(0)
            return id
        }
        var records: [RecordFeatures] = []
        records.reserveCapacity(customers.count)
        var sortedName = TokenLists(), orderedName = TokenLists()
        var texts: [TokenLists?] = settings.comparisons.map { Self.isTextField($0.field) ? TokenLists() : nil }
        var start = 0
        while start < customers.count {
            let base = start, size = min(Self.chunk, customers.count - start)
            let built = Parallel.map(count: size) { k in Self.words(of: customers[base + k], settings: settings) }
            for w in built {
                records.append(w.features)
                let fp = w.sortedName.map(intern)
                for id in fp { frequency[Int(id)] += 1 }
                sortedName.append(fp)
                orderedName.append(w.orderedName.map(intern))
                var k = 0
                for c in texts.indices where texts[c] != nil {
                    if k < w.texts.count && w.texts[k].0 == c {
                        texts[c]?.append(w.texts[k].1.map(intern)); k += 1
                    } else {
                        texts[c]?.append([])
                    }
                }
            }
            start += size
        }
        // Term frequency of each exact fingerprint.
        var fingerprintCounts: [ArraySlice<Int32>: Int32] = [:]
        for i in records.indices where !sortedName[i].isEmpty { fingerprintCounts[sortedName[i], default: 0] += 1 }
        fingerprintCount = records.indices.map { fingerprintCounts[sortedName[$0]] ?? 1 }
        var agreeingPairs = 0.0, weighted = 0.0
        for c in fingerprintCounts.values where c > 1 {
            let pairs = Double(c) * Double(c - 1)
            agreeingPairs += pairs; weighted += pairs * Double(c)
        }
        fingerprintReferenceFrequency = agreeingPairs > 0 ? weighted / agreeingPairs / Double(max(records.count, 1))
            : 1 / Double(max(records.count, 1))
        let n = Double(max(records.count, 1))
        nameTokenFrequency = frequency
        nameTokenWeights = frequency.map { max(0.5, log2(n / Double(max($0, 1)))) }
        self.vocabulary = vocabulary
        self.sortedName = sortedName
        self.orderedName = orderedName
        self.texts = texts
        self.records = records
    }

    /// The name's fingerprint (sorted words without legal form) as text; nil without a name.
    func fingerprintText(_ i: Int) -> String? {
        let list = sortedName[i]
        return list.isEmpty ? nil : text(list)
    }

    /// Words joined by single spaces.
    func text(_ list: ArraySlice<Int32>) -> String {
        list.map { String(decoding: vocabulary[Int($0)], as: UTF8.self) }.joined(separator: " ")
    }

    /// The words joined by single spaces, as bytes, without allocating on the heap.
    func withJoined<R>(_ list: ArraySlice<Int32>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var length = max(0, list.count - 1)
        for id in list { length += vocabulary[Int(id)].count }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(length, 1)) { buffer in
            var at = 0
            for (k, id) in list.enumerated() {
                if k > 0 { buffer[at] = 0x20; at += 1 }
                for b in vocabulary[Int(id)] { buffer[at] = b; at += 1 }
            }
            return body(UnsafeBufferPointer(rebasing: buffer[0..<length]))
        }
    }

    /// Everything the comparisons read about a record, as one string: records with equal content
    /// are copies (a customer repeated on every invoice row). `nil` without any identifier.
    func contentKey(_ i: Int) -> String? {
        let r = records[i]
        let fingerprint = fingerprintText(i)
        guard fingerprint != nil || r.taxID != nil || !r.phones.isEmpty || !r.emails.isEmpty else { return nil }
        var parts: [String] = [fingerprint ?? "", r.legalForm ?? "", r.taxID?.normalized ?? "",
                               r.taxID.map { $0.validity.rawValue } ?? "", r.phones.map(\.digits).sorted().joined(separator: ","),
                               r.emails.map(\.address).sorted().joined(separator: ","), r.country ?? ""]
        for t in texts { parts.append(t.map { text($0[i]) } ?? "") }
        return parts.joined(separator: "\u{1}")
    }
}
