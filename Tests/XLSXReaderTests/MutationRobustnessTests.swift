import Foundation
import Tabular
import Testing
@testable import XLSXReader
import ZipArchive
import TestSupport

/// Hostile input never crashes the reader: seeded random corruptions of the fixture workbooks
/// (flipped bytes anywhere, in the zip structures or the compressed XML, and truncations) either
/// read or fail with an error, for the opening, every sheet's rows and the layout pass alike.
struct MutationRobustnessTests {
    static let fixtures = ["cell_types.xlsx", "layout.xlsx", "rich_text.xlsx", "strict.xlsx", "merged_values.xlsx",
                           "zip64.xlsx", "data_descriptor.xlsx", "missing_r.xlsx", "date_1904.xlsx"]

    @Test(arguments: fixtures)
    func corruptedWorkbooksReadOrFailCleanly(_ name: String) throws {
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture(name))))
        var rng = SeededRandom(state: name.utf8.reduce(UInt64(17)) { $0 &* 31 &+ UInt64($1) })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutant-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var outcomes = (read: 0, failed: 0)
        for round in 0..<300 {
            let bytes = mutated(original, round: round, using: &rng)
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
            if Self.readEverything(path) { outcomes.read += 1 } else { outcomes.failed += 1 }
        }
        #expect(outcomes.read + outcomes.failed == 300)
    }

    /// The same with a sound zip around corrupted XML: every part's bytes are flipped or cut and
    /// zipped again, so the damage reaches libxml2 and the workbook, style and sheet handlers.
    @Test(arguments: ["cell_types.xlsx", "layout.xlsx", "rich_text.xlsx", "strict.xlsx", "date_1904.xlsx"])
    func corruptedPartsReadOrFailCleanly(_ name: String) throws {
        let zip = try ZipArchive(path: fixture(name))
        let parts = try zip.entries.map { ($0.name, try zip.contents(of: $0)) }
        var rng = SeededRandom(state: name.utf8.reduce(UInt64(5)) { $0 &* 131 &+ UInt64($1) })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mutant-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for round in 0..<150 {
            let victim = Int.random(in: 0..<parts.count, using: &rng)
            let writer = try ZipWriter(path: path)
            for (i, (entry, original)) in parts.enumerated() {
                let bytes = i == victim ? mutated(original, round: round, truncateEvery: 5, maxFlips: 6, using: &rng) : original
                try writer.addEntry(named: entry, contents: bytes)
            }
            try writer.finish()
            _ = Self.readEverything(path)
        }
    }

    /// A zip64 directory record may state any 64-bit offset: one near 2^64 is an error, not an
    /// arithmetic overflow (found by the corruptions above).
    @Test func aZip64OffsetNearTwoToTheSixtyFourIsAnError() throws {
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture("zip64.xlsx"))))
        let signature: [UInt8] = [0x50, 0x4b, 0x06, 0x06]
        let at = try #require((0...(bytes.count - 56)).last { Array(bytes[$0..<$0 + 4]) == signature })
        for i in 0..<8 { bytes[at + 48 + i] = i == 0 ? 0x00 : 0xFF }  // central directory offset
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zip64-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(throws: XLSXError.self) { _ = try XLSXWorkbook(path: path) }
    }

    /// Opens the workbook and reads every sheet's rows and layout; whether all of it succeeded.
    static func readEverything(_ path: String) -> Bool {
        guard let book = try? XLSXWorkbook(path: path) else { return false }
        var ok = true
        for sheet in book.sheets.indices {
            do {
                var stream = try book.rowStream(ofSheet: sheet)
                var rows = 0
                while try stream.nextRow() != nil, rows < 100_000 { rows += 1 }
                _ = stream.drainDiagnostics()
                _ = try book.mergedRanges(ofSheet: sheet)
            } catch {
                ok = false
            }
        }
        return ok
    }
}
