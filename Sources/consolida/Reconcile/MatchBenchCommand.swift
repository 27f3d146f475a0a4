import ArgumentParser
import Foundation
import Receivables
import Reconcile
import Tabular

/// `consolida match-bench FILE.csv`: reconciles a benchmark customer master that carries the
/// truth (`truth` column) and prints pairwise and B-cubed precision/recall/F1, time and memory.
/// Hidden: it serves `make bench`, not users.
struct MatchBenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match-bench",
        abstract: "Score customer matching against a benchmark CSV with truth (for make bench).",
        shouldDisplay: false)

    @Argument(help: "CSV with rec_id, truth, name, tax_id, tax_validity, phone, email, address, city, country, source_priority, as_of; other columns become extra fields.")
    var file: String

    @Option(help: "Matching settings YAML (default: the embedded Mappings/matching.yaml).")
    var settings: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    @Option(help: "ID map JSON of the previous run: read when it exists (customers keep their IDs), then rewritten.")
    var state: String?

    @Flag(help: "Print each reconciliation stage with elapsed time and resident memory (stderr).")
    var stages = false

    @Option(help: "Print up to this many wrongly merged customers (with explanations) and missed matches.")
    var errors = 0

    func run() throws {
        var matchSettings = MatchSettings.default
        if let settings {
            do { matchSettings = try MatchSettings(contentsOf: URL(fileURLWithPath: settings)) }
            catch { FileHandle.standardError.write(Data("error: \(error)\n".utf8)); throw ConsolidaExit.usage }
        }
        let (batch, truth) = try Self.load(file)

        let loadedMiB = Self.peakMemoryMiB()
        let clock = ContinuousClock()
        let start = clock.now
        var reconciler = Reconciler(settings: matchSettings)
        if let state, FileManager.default.fileExists(atPath: state) {
            do { reconciler.previous = try IDMap.load(from: URL(fileURLWithPath: state)) }
            catch { FileHandle.standardError.write(Data("error: cannot read state \(state): \(error)\n".utf8)); throw ConsolidaExit.usage }
        }
        if stages {
            let t0 = clock.now
            reconciler.observer = { stage in
                let e = clock.now - t0
                let s = Double(e.components.seconds) + Double(e.components.attoseconds) / 1e18
                FileHandle.standardError.write(Data(String(format: "  %7.2f s %6d MiB  ", s, Self.residentMiB()).utf8 + Data((stage + "\n").utf8)))
            }
        }
        let result = reconciler.reconcile(batch)
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        let m = Self.metrics(predicted: result.customerIDByRecord, truth: truth)
        if let state {
            do { try IDMap(result, customers: batch.customers).write(to: URL(fileURLWithPath: state)) }
            catch { FileHandle.standardError.write(Data("error: cannot write state \(state): \(error)\n".utf8)); throw ConsolidaExit.outputFailed }
            if let previous = reconciler.previous {
                let kept = result.customerIDByRecord.filter { previous.customerIDByRecord[$0.key.rawValue] == $0.value }.count
                let known = result.customerIDByRecord.keys.filter { previous.customerIDByRecord[$0.rawValue] != nil }.count
                let merges = result.idChanges.filter { $0.kind == .merge }.count, splits = result.idChanges.count - merges
                FileHandle.standardError.write(Data("state: \(kept)/\(known) earlier records kept their customer ID; \(merges) merges, \(splits) splits\n".utf8))
            }
        }
        if errors > 0 {
            printErrors(result, truth: truth, customers: batch.customers)
            if let model = result.model {
                print("prior \(model.prior), \(model.iterations) EM iterations")
                for c in model.comparisons {
                    for l in c.levels { print("  \(c.name) / \(l.label): m \(f(l.m)) u \(f(l.u)) → \(String(format: "%+.2f", l.log2BayesFactor)) bits") }
                }
            }
        }
        let peak = Self.peakMemoryMiB()
        if json {
            print("{\"file\":\"\(file)\",\"records\":\(batch.customers.count),\"customers\":\(result.customers.count),"
                + "\"true_customers\":\(Set(truth.values).count),\"candidate_pairs\":\(result.model?.candidatePairs ?? 0),"
                + "\"pairwise_precision\":\(f(m.pp)),\"pairwise_recall\":\(f(m.pr)),\"pairwise_f1\":\(f(m.pf)),"
                + "\"bcubed_precision\":\(f(m.bp)),\"bcubed_recall\":\(f(m.br)),\"bcubed_f1\":\(f(m.bf)),"
                + "\"reconcile_seconds\":\(String(format: "%.2f", seconds)),\"peak_mib\":\(peak)}")
        } else {
            print("\(file): \(batch.customers.count) records → \(result.customers.count) customers (truth \(Set(truth.values).count)), "
                + "\(result.model?.candidatePairs ?? 0) candidate pairs")
            print("  pairwise  precision \(f(m.pp))  recall \(f(m.pr))  F1 \(f(m.pf))")
            print("  B-cubed   precision \(f(m.bp))  recall \(f(m.br))  F1 \(f(m.bf))")
            print("  reconcile \(String(format: "%.2f", seconds)) s, peak memory \(peak) MiB (\(loadedMiB) MiB after loading the CSV), discrepancies \(result.discrepancies.count)")
        }
    }

    /// The customers of a benchmark CSV and the truth of each record. In a function of its own so
    /// the file's text and parsed rows are released before reconciliation starts.
    static func load(_ file: String) throws -> (ImportBatch, [RecordID: String]) {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file))) }
        catch { FileHandle.standardError.write(Data("error: cannot read \(file): \(error.localizedDescription)\n".utf8)); throw ConsolidaExit.unreadableSource }
        var batch = ImportBatch()
        var truth: [RecordID: String] = [:]
        // Rows become customers as they are read (the rows of a 200 000-record file at once cost
        // more than the customers made of them).
        let lines = bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        batch.customers.reserveCapacity(lines)
        truth.reserveCapacity(lines)
        var header: [String]?
        var truthColumn = 0
        var n = 0
        BenchCSV.forEachRow(bytes) { row in
            n += 1
            guard let header else {
                header = row
                truthColumn = row.firstIndex(of: "truth") ?? -1
                return
            }
            guard row.count == header.count, truthColumn >= 0 else { return }
            let c = Self.customer(header: header, row: row, file: file, line: n)
            truth[c.id] = row[truthColumn]
            batch.customers.append(c)
        }
        guard truthColumn >= 0, header != nil else {
            FileHandle.standardError.write(Data("error: \(file) has no truth column\n".utf8)); throw ConsolidaExit.usage
        }
        return (batch, truth)
    }

    /// Samples of false merges (explained) and missed matches, for tuning.
    private func printErrors(_ result: ReconciliationResult, truth: [RecordID: String], customers: [Customer]) {
        var shown = 0
        for c in result.customers where shown < errors {
            let truths = Set(c.members.compactMap { truth[$0.record] })
            if truths.count > 1 {
                shown += 1
                print("=== FALSE MERGE (truth \(truths.sorted().joined(separator: ", ")))")
                print(explain(customerID: c.customerID, in: result))
            }
        }
        var byTruth: [String: [RecordID]] = [:]
        for (r, t) in truth { byTruth[t, default: []].append(r) }
        let byID = Dictionary(customers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        shown = 0
        for (t, records) in byTruth.sorted(by: { $0.key < $1.key }) where shown < errors {
            let ids = Set(records.compactMap { result.customerIDByRecord[$0] })
            guard ids.count > 1 else { continue }
            shown += 1
            print("=== MISSED (truth \(t)) split into \(ids.sorted().joined(separator: ", "))")
            for r in records.sorted() {
                guard let c = byID[r] else { continue }
                print("  \(result.customerIDByRecord[r] ?? "?")  \(r)  name=\(c.name?.value ?? "∅")  tax=\(c.taxID?.value.display ?? "∅")/\(c.taxID?.value.validity.rawValue ?? "")  phone=\(c.phones.first?.value ?? "∅")  email=\(c.emails.first?.value ?? "∅")  addr=\(c.address?.value ?? "∅")  city=\(c.city?.value ?? "∅")")
            }
        }
    }

    private func f(_ x: Double) -> String { String(format: "%.4f", x) }

    static func customer(header: [String], row: [String], file: String, line: Int) -> Customer {
        var v: [String: String] = [:]
        for (k, h) in header.enumerated() where !row[k].isEmpty { v[h] = row[k] }
        let recID = v["rec_id"] ?? "\(file)#\(line)"
        var location = SourceLocation(file: file, row: line, line: line)
        if let hash = recID.firstIndex(of: "#"), let r = Int(recID[recID.index(after: hash)...]) {
            location = SourceLocation(file: String(recID[..<hash]), row: r)
        }
        let p = Provenance(location, sourceLabel: v["source"])
        var tax: TaxID?
        if let t = v["tax_id"] {
            let validity: TaxID.Validity = switch v["tax_validity"] {
            case "valid": .valid
            case "invalid": .checkDigitMismatch
            case "malformed": .malformed
            default: .unchecked
            }
            tax = TaxID(normalized: TaxIDKeyer.compact(t), country: v["country"], kind: .unknown, validity: validity, display: t)
        }
        let known: Set<String> = ["rec_id", "truth", "source", "name", "tax_id", "tax_validity", "phone", "email", "address",
                                  "city", "country", "source_priority", "as_of"]
        return Customer(
            id: RecordID(recID), name: v["name"].map { Sourced($0, from: p) }, taxID: tax.map { Sourced($0, from: p) },
            phones: v["phone"].map { [Sourced($0, from: p)] } ?? [], emails: v["email"].map { [Sourced($0, from: p)] } ?? [],
            address: v["address"].map { Sourced($0, from: p) }, city: v["city"].map { Sourced($0, from: p) },
            country: v["country"], extra: v.keys.allSatisfy(known.contains) ? [:] : v.filter { !known.contains($0.key) }, provenance: p,
            sourcePriority: v["source_priority"].flatMap { Int($0) } ?? 0, asOf: v["as_of"].flatMap { LocalDate(iso: $0) })
    }

    /// Pairwise (over all record pairs) and B-cubed (per record) precision, recall and F1.
    static func metrics(predicted: [RecordID: String], truth: [RecordID: String])
        -> (pp: Double, pr: Double, pf: Double, bp: Double, br: Double, bf: Double) {
        // Clusters as small integers (string keys per record would cost more than the result).
        var predictedNumber: [String: Int] = [:], truthNumber: [String: Int] = [:]
        var both: [Int: Int] = [:], predSize: [Int] = [], truthSize: [Int] = []
        for (r, t) in truth {
            let pKey = predicted[r] ?? "?" + r.rawValue
            let p = predictedNumber[pKey] ?? { predictedNumber[pKey] = predSize.count; predSize.append(0); return predSize.count - 1 }()
            let q = truthNumber[t] ?? { truthNumber[t] = truthSize.count; truthSize.append(0); return truthSize.count - 1 }()
            both[p << 32 | q, default: 0] += 1
            predSize[p] += 1
            truthSize[q] += 1
        }
        func pairs(_ n: Int) -> Double { Double(n * (n - 1) / 2) }
        let tp = both.values.reduce(0) { $0 + pairs($1) }
        let predPairs = predSize.reduce(0) { $0 + pairs($1) }
        let truePairs = truthSize.reduce(0) { $0 + pairs($1) }
        let pp = predPairs > 0 ? tp / predPairs : 1, pr = truePairs > 0 ? tp / truePairs : 1
        var bp = 0.0, br = 0.0
        for (key, n) in both {
            let ps = Double(predSize[key >> 32]), ts = Double(truthSize[key & 0xFFFF_FFFF])
            bp += Double(n) * Double(n) / ps
            br += Double(n) * Double(n) / ts
        }
        let count = Double(max(truth.count, 1))
        bp /= count; br /= count
        func f1(_ p: Double, _ r: Double) -> Double { p + r > 0 ? 2 * p * r / (p + r) : 0 }
        return (pp, pr, f1(pp, pr), bp, br, f1(bp, br))
    }

    /// Current resident memory of this process (Linux `VmRSS`), in MiB; 0 where unknown.
    static func residentMiB() -> Int { procStatus("VmRSS:") }

    static func procStatus(_ key: String) -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix(key) {
            return (line.split(separator: " ").compactMap { Int($0) }.first ?? 0) / 1024
        }
        return 0
    }

    /// Peak resident memory of this process (Linux `VmHWM`), in MiB; 0 where unknown.
    static func peakMemoryMiB() -> Int {
        guard let s = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in s.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kb = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kb / 1024
        }
        return 0
    }
}
