import Foundation
import Testing

/// A sheet longer than the table-finding window is read in parts: the window, then the rest as it
/// streams. Tables that start after the window must be found there as inside it (named, with their
/// titles and header rows), so the import gives the same files whatever the window's size.
struct TablesAfterWindowTests {
    /// Three tables on one sheet: a titled invoice list with a repeated header and a totals row in
    /// it, a payments table under a title and a note, and an untitled customer list.
    static func sheet() -> String {
        var lines = ["Cartera de enero", "Cliente,RIF,Nº Factura,Fecha,Monto,Saldo,Moneda"]
        for i in 1...400 {
            lines.append("Cliente \(i % 37),J-3012345\(i % 10)-0,F-\(i),2024-01-\(String(format: "%02d", i % 28 + 1)),\(100 + i).50,\(i).00,USD")
            if i == 180 { lines.append("Cliente,RIF,Nº Factura,Fecha,Monto,Saldo,Moneda") }
        }
        lines += ["TOTAL,,,,40000.00,,", "", "(montos en dólares)", "Pagos recibidos",
                  "Cliente,Fecha de pago,Monto pagado,Referencia,Factura"]
        for i in 1...30 { lines.append("Cliente \(i % 37),2024-02-\(String(format: "%02d", i % 28 + 1)),\(50 + i).00,REF-\(i),F-\(i)") }
        lines += ["", "Cliente,RIF,Teléfono,Correo"]
        for i in 1...20 { lines.append("Cliente \(i),J-3012345\(i % 10)-0,0412-555\(1000 + i),c\(i)@x.com") }
        return lines.joined(separator: "\n") + "\n"
    }

    static func importFiles(_ extra: [String], in folder: URL) throws -> [String: Data] {
        let out = "out-\(extra.joined(separator: "-"))"
        let run = try CommandRunner.run(["import", "tablas.csv", "--out", out, "--quiet", "--country", "VE"] + extra, in: folder)
        #expect(run.exitCode == 0, "\(run.stderr)")
        return try ImportPathsTests.files(folder.appendingPathComponent(out))
    }

    @Test func tablesAfterTheWindowAreFoundAsInsideIt() throws {
        let folder = try CommandRunner.temporaryFolder("tables-after-window")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.sheet().utf8).write(to: folder.appendingPathComponent("tablas.csv"))
        let whole = try Self.importFiles([], in: folder)

        let summary = try JSONSerialization.jsonObject(with: whole["import-summary.json"] ?? Data()) as? [String: Any]
        let tables = ((summary?["sources"] as? [[String: Any]])?.first?["tables"] as? [[String: Any]]) ?? []
        #expect(tables.map { $0["table"] as? String } == ["Cartera de enero", "Pagos recibidos", "Table 3"])
        #expect(tables.map { $0["imported"] as? Int } == [400, 30, 20])
        #expect(tables.map { $0["totals_skipped"] as? Int } == [1, 0, 0])
        #expect((whole["payments.csv"]?.count ?? 0) > 30 * 40)

        // Windows that end inside each table, on a title, right above a header; rows read as
        // bytes, and as Rows (`--record-path`).
        for window in ["30", "181", "403", "404", "405", "406", "407", "440"] {
            for path in [[], ["--record-path"]] {
                let parts = try Self.importFiles(["--window-rows", window] + path, in: folder)
                #expect(parts.keys.sorted() == whole.keys.sorted())
                for (name, data) in whole { #expect(parts[name] == data, "\(name) differs with a window of \(window) rows \(path)") }
            }
        }
    }

    /// A repeated header of the same table, past the window, is skipped as inside it: no new table.
    @Test func aRepeatedHeaderAfterTheWindowStartsNoTable() throws {
        let folder = try CommandRunner.temporaryFolder("tables-after-window-repeat")
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "Cliente,Nº Factura,Fecha,Monto\n"
        for i in 1...100 {
            csv += "Cliente \(i),F-\(i),2024-01-02,\(i).00\n"
            if i % 25 == 0 { csv += "CLIENTE,Nº FACTURA,FECHA,MONTO\n" }
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("tablas.csv"))
        let whole = try Self.importFiles([], in: folder)
        let parts = try Self.importFiles(["--window-rows", "10"], in: folder)
        for (name, data) in whole { #expect(parts[name] == data, "\(name) differs") }
        let summary = String(decoding: parts["import-summary.json"] ?? Data(), as: UTF8.self)
        #expect(summary.contains("\"imported\" : 100"))
        #expect(!summary.contains("Table 2"))
    }
}
