import CSVReader
import Foundation
import Receivables
import Tabular
import Testing
import XLSXReader
@testable import Mapping
import TestSupport

/// Corrupted sources (seeded flipped bytes and truncations of the messy fixtures, CSV and XLSX)
/// import with every row accounted for, or fail with an error, through windows and chunks alike.
struct ImportMutationTests {
    @Test(arguments: ["facturas-ve.csv", "cartera-regional.csv", "clientes-pagos.csv", "messy.xlsx"])
    func corruptedSourcesImportWithEveryRowAccountedFor(_ name: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: FixtureEquivalenceTests.fixture(name))))
        var rng = SeededRandom(state: UInt64(name.utf8.count) &* 1_000_003)
        let ext = (name as NSString).pathExtension
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutant-\(UUID().uuidString).\(ext)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var options = ImportOptions(country: "VE", currency: "USD")
        options.windowRows = 7; options.flushRows = 2
        for round in 0..<150 {
            let bytes = mutated(original, round: round, using: &rng)
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            let source: (any TabularSource)?
            if ext == "xlsx" { source = try? XLSXWorkbook(path: path) } else { source = try? CSVFile.open(path: path) }
            guard let source else { continue }
            let batch = Importer(options: options).importSource(source)
            #expect(batch.accounting.allSatisfy { $0.balances }, "round \(round)")
        }
    }
}
