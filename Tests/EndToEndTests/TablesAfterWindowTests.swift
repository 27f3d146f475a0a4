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

    /// Sheets the window can cut in awkward places; each must import the same, whole or in parts.
    static let awkwardSheets: [String: String] = {
        var sheets: [String: String] = [:]
        let payments = "Pagos\nCliente,Fecha de pago,Monto pagado,Referencia\n"
            + (1...20).map { "C\($0),2024-02-03,\($0).00,R-\($0)" }.joined(separator: "\n") + "\n"
        // A long run of blank rows between two tables, across chunks of 256.
        sheets["blanks"] = "Cliente,Factura,Fecha,Monto\n" + (1...250).map { "C\($0),F-\($0),2024-01-02,\($0).00\n" }.joined()
            + String(repeating: ",,,\n", count: 300) + payments
        // A two-column table: its rows are no preamble of the next.
        sheets["two-columns"] = "Cliente,Saldo\n" + (1...100).map { "C\($0),\($0).00\n" }.joined() + payments
        // A repeat of the first header, of two cells, right above the next table's title.
        sheets["repeat"] = "Cliente,Factura,Monto\n" + (1...60).map { "C\($0),F-\($0),\($0).00\n" }.joined()
            + "Cliente,Factura,\n" + payments
        // A two-row header (a group row over sub-headers) in the middle of the sheet.
        sheets["group"] = "Cliente,Factura,Fecha,Monto\n" + (1...60).map { "C\($0),F-\($0),2024-01-02,\($0).00\n" }.joined()
            + "Cobros,,,\nCliente,Fecha de pago,Monto pagado,Referencia\n"
            + (1...40).map { "C\($0),2024-02-03,\($0).00,R-\($0)\n" }.joined()
        // A group row of two labels over four sub-headers.
        sheets["two-row"] = "Cliente,Factura,Fecha,Monto\n" + (1...60).map { "C\($0),F-\($0),2024-01-02,\($0).00\n" }.joined()
            + "Datos del cliente,,Importes (USD),\nRazón social,RIF,Monto,Saldo\n"
            + (1...40).map { "C\($0),J-3012345\($0 % 10)-0,\($0).00,\($0).00\n" }.joined()
        // A row of three labels over a two-row header: the sub-header row wins, as inside a window.
        sheets["labels-over-two-rows"] = "Cliente,Factura,Fecha,Monto,Saldo,Moneda\n"
            + (1...40).map { "C\($0),F-\($0),2024-01-02,\($0).00,\($0).00,USD\n" }.joined()
            + "Sección uno,,Sección dos,,Sección tres,\nCliente,RIF,Factura,,Monto,\nNombre,Numero,Fecha,Vence,Importe,Saldo\n"
            + (1...30).map { "C\($0),G-\($0),2024-03-04,2024-04-04,\($0).00,\($0).00\n" }.joined()
        // A group row of three labels over the next table's header.
        sheets["group-of-three"] = "Cliente,Factura,Fecha,Monto,Saldo,Moneda\n"
            + (1...60).map { "C\($0),F-\($0),2024-01-02,\($0).00,\($0).00,USD\n" }.joined()
            + "Sección uno,,Sección dos,,Sección tres,\nCliente,RIF,Factura,Fecha,Monto,Saldo\n"
            + (1...40).map { "C\($0),J-3012345\($0 % 10)-0,G-\($0),2024-03-04,\($0).00,\($0).00\n" }.joined()
        return sheets
    }()

    @Test(arguments: ["blanks", "two-columns", "repeat", "group", "two-row", "group-of-three", "labels-over-two-rows"])
    func awkwardCutsImportTheSame(_ name: String) throws {
        let folder = try CommandRunner.temporaryFolder("tables-after-window-\(name)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data((Self.awkwardSheets[name] ?? "").utf8).write(to: folder.appendingPathComponent("tablas.csv"))
        let whole = try Self.importFiles([], in: folder)
        let summary = String(decoding: whole["import-summary.json"] ?? Data(), as: UTF8.self)
        #expect(summary.contains("\"table\" : \"Table 1\""), "\(summary)")  // one of several tables
        for window in ["2", "10", "41", "42", "43", "59", "60", "61", "62", "63", "101", "102", "103", "251", "400", "552"] {
            for path in [[], ["--record-path"]] {
                let parts = try Self.importFiles(["--window-rows", window] + path, in: folder)
                for (file, data) in whole { #expect(parts[file] == data, "\(name): \(file) differs with a window of \(window) rows \(path)") }
            }
        }
    }

    /// `consolida map` finds the tables an import finds, past the window too, so importing with the
    /// mapping it writes gives what the automatic import gives.
    @Test func aMappingWrittenForALongSheetNamesEveryTable() throws {
        let folder = try CommandRunner.temporaryFolder("tables-after-window-map")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.sheet().utf8).write(to: folder.appendingPathComponent("tablas.csv"))
        for window in ["50", "405"] {
            let map = try CommandRunner.run(["map", "tablas.csv", "--write", "tablas-\(window).yaml", "--window-rows", window,
                                             "--country", "VE"], in: folder)
            #expect(map.exitCode == 0, "\(map.stderr)")
            let yaml = try String(contentsOf: folder.appendingPathComponent("tablas-\(window).yaml"), encoding: .utf8)
            #expect(yaml.contains("Pagos recibidos") && yaml.contains("Table 3"), "\(yaml)")
            let automatic = try Self.importFiles(["--window-rows", window], in: folder)
            let mapped = try Self.importFiles(["--window-rows", window, "--mapping", "tablas-\(window).yaml"], in: folder)
            for (file, data) in automatic where file != "import-summary.json" {
                #expect(mapped[file] == data, "\(file) differs with the mapping written with a window of \(window) rows")
            }
        }
    }

    /// A first window without any header: its rows are rejected, and the next windows are looked
    /// at until a table starts, so the table is imported (its records as with one window; only the
    /// rows above it are rejected instead of counted as its title lines).
    @Test func aSheetWhoseFirstHeaderIsPastTheWindowStillImportsIt() throws {
        let folder = try CommandRunner.temporaryFolder("tables-after-window-no-header")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = "Código,Descripción,Cantidad\n" + (1...40).map { "X\($0),Artículo \($0),\($0)\n" }.joined()
            + "Cliente,Factura,Fecha,Monto\n" + (1...20).map { "C\($0),F-\($0),2024-01-02,\($0).00\n" }.joined()
        try Data(csv.utf8).write(to: folder.appendingPathComponent("tablas.csv"))
        let whole = try Self.importFiles([], in: folder)
        for window in ["30", "41"] {
            for path in [[], ["--record-path"]] {
                let parts = try Self.importFiles(["--window-rows", window] + path, in: folder)
                #expect(parts["payments.csv"] == whole["payments.csv"])
                for file in ["customers.csv", "invoices.csv", "payments.csv"] { #expect(parts[file] == whole[file], "\(file), window \(window)") }
                let rejects = String(decoding: parts["rejects.csv"] ?? Data(), as: UTF8.self)
                #expect(rejects.contains("MAP-NO-HEADER"))
            }
        }
    }

    /// The title and group row right above a sheet's first header, past the first window, still
    /// open its table (the rows above them are rejected).
    @Test func theTitleAndGroupRowAboveALateFirstHeaderStayWithIt() throws {
        let folder = try CommandRunner.temporaryFolder("tables-after-window-late-title")
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = (1...12).map { "nota \($0),,,,\n" }.joined() + "Reporte de cartera\nDatos,,Importes,,\n"
            + "Cliente,Factura,Fecha,Monto,Saldo\n" + (1...30).map { "C\($0),F-\($0),2024-01-02,\($0).00,\($0).00\n" }.joined()
        try Data(csv.utf8).write(to: folder.appendingPathComponent("tablas.csv"))
        let whole = try Self.importFiles([], in: folder)
        for window in ["1", "2", "5", "13", "14"] {
            let parts = try Self.importFiles(["--window-rows", window], in: folder)
            #expect(parts["invoices.csv"] == whole["invoices.csv"])
            let summary = String(decoding: parts["import-summary.json"] ?? Data(), as: UTF8.self)
            #expect(summary.contains("\"table\" : \"Reporte de cartera\""), "window \(window): \(summary)")
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
