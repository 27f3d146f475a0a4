import Foundation
import Testing
@testable import XLSXReader
import ZipArchive

/// A sheet state outside the schema makes a damaged workbook: Excel opens it only after a repair,
/// calamine and openpyxl refuse it, and so does Consolida, with an error that says what to do.
struct DamagedWorkbookTests {
    /// `layout.xlsx` with its hidden sheet's state rewritten.
    static func layout(withState state: String) throws -> String {
        let zip = try ZipArchive(path: fixture("layout.xlsx"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).xlsx").path
        let writer = try ZipWriter(path: path)
        for entry in zip.entries {
            var bytes = try zip.contents(of: entry)
            if entry.name == "book/main.xml" {
                bytes = Array(String(decoding: bytes, as: UTF8.self)
                    .replacingOccurrences(of: "state=\"hidden\"", with: "state=\"\(state)\"").utf8)
            }
            try writer.addEntry(named: entry.name, contents: bytes)
        }
        try writer.finish()
        return path
    }

    @Test func anUnknownSheetStateIsADamagedWorkbook() throws {
        let path = try Self.layout(withState: "show")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: XLSXError.damagedWorkbook(path: path, detail: "a sheet's state is \"show\", not visible, hidden or veryHidden")) {
            _ = try XLSXWorkbook(path: path)
        }
        #expect(XLSXError.damagedWorkbook(path: "a.xlsx", detail: "x").description.contains("repair"))
    }

    @Test func theSchemasStatesOpen() throws {
        let path = try Self.layout(withState: "veryHidden")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try XLSXWorkbook(path: path).sheets.map(\.visibility) == [.visible, .veryHidden, .veryHidden])
    }
}
