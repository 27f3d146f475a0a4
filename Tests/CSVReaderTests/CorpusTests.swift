import Foundation
import Testing
import Tabular
@testable import CSVReader

/// The reader over the shared corpus: csv-spectrum's expected parses, every file read without a
/// crash, and dialect/encoding detection accuracy over the annotated files.
@Suite struct CorpusTests {
    /// The accuracy `make corpus` measured when this was written; the test keeps it from regressing.
    static let minimumAccuracy = 0.97

    @Test func csvSpectrumParsesToExpectedRecords() throws {
        guard Corpus.isPresent else { print(Corpus.absentMessage); return }
        let truths = Corpus.files(in: "csv_truth").filter { $0.pathExtension == "json" }
        #expect(!truths.isEmpty)
        for truth in truths {
            let name = truth.lastPathComponent.replacingOccurrences(of: "__json_", with: "__csvs_")
                .replacingOccurrences(of: ".json", with: ".csv")
            let csv = Corpus.root.appendingPathComponent("csv").appendingPathComponent(name)
            let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: truth)) as? [[String: String]]
            let file = try CSVFile.open(path: csv.path)
            var stream = try file.rowStream()
            var rows: [[String]] = []
            while let row = try stream.next() { rows.append(row.cells.map(\.displayText)) }
            let header = rows.first ?? []
            let records = rows.dropFirst().map { r in
                Dictionary(zip(header, r + Array(repeating: "", count: max(0, header.count - r.count))),
                           uniquingKeysWith: { a, _ in a })
            }
            #expect(records == expected, "\(name)")
        }
    }

    @Test func everyCorpusFileReadsWithoutCrashing() throws {
        guard Corpus.isPresent else { print(Corpus.absentMessage); return }
        let files = Corpus.files(in: "csv")
        #expect(files.count > 100)
        for url in files {
            let file = try CSVFile.open(path: url.path)
            var stream = try file.rowStream()
            var rows = 0
            while try stream.next() != nil { rows += 1 }
            _ = stream.drainDiagnostics()
            #expect(rows >= 0)
        }
    }

    @Test func dialectAndEncodingAccuracy() throws {
        guard Corpus.isPresent else { print(Corpus.absentMessage); return }
        let report = try DialectAccuracy.measure()
        let verbose = ProcessInfo.processInfo.environment["CSV_CORPUS_REPORT"] != nil
        if verbose {
            for m in report.misses { print("MISS \(m)") }
        }
        print(String(format: "CSV dialect+encoding accuracy: %d/%d = %.1f%% (delimiter, quote and encoding all right)",
                     report.right, report.total, report.accuracy * 100))
        #expect(report.total > 200)
        #expect(report.accuracy >= CorpusTests.minimumAccuracy, "misses: \(report.misses)")
    }
}

/// Detection accuracy over MANIFEST rows with a `dialect` and no `NOTE` in `dialect_source`.
enum DialectAccuracy {
    struct Report { var right = 0, total = 0, misses: [String] = []
        var accuracy: Double { total == 0 ? 0 : Double(right) / Double(total) } }

    static func measure() throws -> Report {
        var report = Report()
        for row in try Corpus.manifest() where row["kind"] == "csv" {
            guard let file = row["file"], let annotation = row["dialect"], !annotation.isEmpty,
                  !(row["dialect_source"] ?? "").contains("NOTE"),
                  let truth = DialectTruth(file: file, annotation: annotation) else { continue }
            report.total += 1
            let opened = try CSVFile.open(path: Corpus.root.appendingPathComponent(file).path)
            let misses = truth.misses(encoding: opened.detectedEncoding.encoding.rawValue,
                                      delimiter: opened.detectedDialect.delimiter, quote: opened.detectedDialect.quote)
            if misses.isEmpty { report.right += 1 } else { report.misses.append("\(file): \(misses.joined(separator: "; "))") }
        }
        return report
    }
}
