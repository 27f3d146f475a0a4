import Foundation
import Testing
import Tabular
import ZipArchive
@testable import XLSXReader

/// A fast slice of the differential corpus test (`make corpus` runs all of it): ~40 workbooks of
/// ../shared/corpus/xlsx, each read completely and compared with the calamine and openpyxl
/// oracles under the documented equivalences. Skipped when the corpus folder is absent.
@Suite struct CorpusSubsetTests {
    static let corpus: URL = {
        // Tests/XLSXReaderTests/CorpusSubsetTests.swift → package root → ../shared/corpus
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    }()

    static var available: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("xlsx").path) }

    /// Every 12th workbook by name: a stable spread over sources and features.
    static let files: [String] = {
        guard available, let names = try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("xlsx").path)
        else { return [] }
        return names.sorted().enumerated().filter { $0.offset % 12 == 0 }.map(\.element)
    }()

    static let listedDifferences: Set<String> = {
        guard let url = Bundle.module.url(forResource: "Fixtures/corpus/corpus-differences", withExtension: "tsv"),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").dropFirst().compactMap { $0.split(separator: "\t").first.map(String.init) })
    }()

    @Test(.enabled(if: available, "../shared/corpus is absent"), arguments: files)
    func agreesWithAnOracle(_ name: String) throws {
        let oracles = ["calamine", "openpyxl"].compactMap { Oracle.load(Self.corpus, $0, name) }.filter(\.ok)
        let path = Self.corpus.appendingPathComponent("xlsx/\(name)").path
        guard !oracles.isEmpty else {
            #expect(throws: (any Error).self, "both oracles reject \(name)") {
                let book = try XLSXWorkbook(path: path)
                for s in book.sheets { _ = try allRows(book, sheet: s.index) }
            }
            return
        }
        let book = try XLSXWorkbook(path: path)
        var ours: [String: [[CellValue]]] = [:]
        for s in book.sheets {
            var grid: [[CellValue]] = []
            // As `inspect --cells` shows it: merged ranges display their top-left value only.
            if let rows = try? displayedRows(book, sheet: s.index) {
                for r in rows {
                    while grid.count < r.number { grid.append([]) }
                    grid[r.number - 1] = r.cells
                }
            }
            ours[s.name ?? ""] = grid
        }
        let agreeing = oracles.filter { $0.agrees(with: ours) }
        if Self.listedDifferences.contains(name) { return }
        #expect(!agreeing.isEmpty, "\(name) differs from every oracle")
    }
}

/// A sheet's rows as Excel displays them (see ``MergedCellMask``).
func displayedRows(_ book: XLSXWorkbook, sheet: Int) throws -> [Row] {
    var stream = try book.rowStream(ofSheet: sheet)
    var rows: [Row] = []
    while let row = try stream.nextRow() { rows.append(row) }
    return MergedCellMask.apply(to: rows, mergedRanges: stream.layout.mergedRanges, file: book.path, sheet: nil).rows
}

/// One oracle dump (see ../shared/corpus/README.md) and the documented equivalences.
struct Oracle {
    let reader: String
    let ok: Bool
    let sheets: [(name: String, rows: [[Any]], error: Bool)]

    static func load(_ corpus: URL, _ reader: String, _ name: String) -> Oracle? {
        let url = corpus.appendingPathComponent("oracle/\(reader)/\(name).json.gz")
        guard let gz = try? Data(contentsOf: url), let data = gunzip(gz),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        let sheets = (object["sheets"] as? [[String: Any]] ?? []).map {
            (name: $0["name"] as? String ?? "", rows: $0["rows"] as? [[Any]] ?? [], error: !($0["error"] is NSNull))
        }
        return Oracle(reader: reader, ok: object["ok"] as? Bool ?? false, sheets: sheets)
    }

    static func gunzip(_ data: Data) -> Data? {
        (try? Gzip.decompress(Array(data))).map { Data($0) }
    }

    func agrees(with ours: [String: [[CellValue]]]) -> Bool {
        // openpyxl returns no sheets for strict OOXML: unusable there.
        if reader == "openpyxl", sheets.isEmpty, ours.values.contains(where: { !$0.isEmpty }) { return false }
        for sheet in sheets where !sheet.error {
            let grid = ours[sheet.name] ?? []
            for r in 0..<max(grid.count, sheet.rows.count) {
                let a = r < grid.count ? grid[r] : [], b = r < sheet.rows.count ? sheet.rows[r] : []
                for c in 0..<max(a.count, b.count) where !same(c < a.count ? a[c] : .empty, c < b.count ? b[c] : NSNull()) {
                    return false
                }
            }
        }
        return true
    }

    private func same(_ ours: CellValue, _ theirs: Any) -> Bool {
        guard let pair = theirs as? [Any], pair.count == 2, let kind = pair[0] as? String else {
            if case .empty = ours { return true }
            // calamine cannot tell an empty string or an error from an empty cell.
            if reader == "calamine" {
                if case .error = ours { return true }
                if case .text(let s) = ours, s.allSatisfy(\.isWhitespace) { return true }
            }
            return false
        }
        let value = pair[1]
        switch (ours, kind) {
        case (.text(let s), "s"):
            let t = value as? String ?? ""
            return reader == "calamine" ? s.trimmingCharacters(in: .whitespaces) == t.trimmingCharacters(in: .whitespaces) : s == t || s == Self.decodeEscapes(t)
        case (.number(let d), "n"): return Double(value as? String ?? "") == d
        case (.boolean(let b), "b"): return (value as? Bool) == b
        case (.date(let d), "d"): return value as? String == d.iso
        case (.date(let d), "dt"): return value as? String == d.iso + "T00:00:00"
        case (.dateTime(let dt), "dt"): return value as? String == dt.iso
        case (.dateTime(let dt), "d"): return dt.iso == (value as? String ?? "") + "T00:00:00"
        case (.time(let t), "t"): return value as? String == t.iso
        case (.time(let t), "dt"): return ["1899-12-30T" + t.iso, "1899-12-31T" + t.iso].contains(value as? String ?? "")
        case (.duration(let s), "dur"): return abs((Double(value as? String ?? "") ?? .nan) - s) < 1e-3
        case (.error(let e), "e"): return value as? String == e
        default: return false
        }
    }

    static func decodeEscapes(_ s: String) -> String {
        var bytes = Array(s.utf8)
        EscapedText.decode(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
