import Foundation
import Testing

/// `consolida inspect` shows what `consolida import` makes of a table (DESIGN.md: "proposed column
/// mapping, sample normalized rows, problems found"), and what it shows is what the import writes.
struct InspectMappingTests {
    static let root = CommandRunner.packageRoot

    /// The `mapping` object of `inspect --json FILE` (one file).
    static func mapping(_ arguments: [String], in folder: URL? = nil) throws -> [String: Any] {
        let result = try CommandRunner.run(["inspect", "--json"] + arguments, in: folder)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let line = result.stdout.split(separator: "\n").first.map(String.init) ?? ""
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        return object?["mapping"] as? [String: Any] ?? [:]
    }

    static func tables(_ mapping: [String: Any]) -> [[String: Any]] { mapping["tables"] as? [[String: Any]] ?? [] }

    static func samples(_ table: [String: Any], _ kind: String) -> [[String: String]] {
        (table["samples"] as? [String: Any])?[kind] as? [[String: String]] ?? []
    }

    /// An RFC 4180 file (as import writes it) as rows of named values.
    static func csvRecords(_ url: URL) throws -> [[String: String]] {
        let rows = parseCSV(String(decoding: try Data(contentsOf: url), as: UTF8.self))
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { row in
            Dictionary(uniqueKeysWithValues: header.indices.map { (header[$0], $0 < row.count ? row[$0] : "") })
        }
    }

    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// For whole workbooks and exports: every sample record is a row import writes, each table's
    /// accounting is import-summary.json's, and the first table shows the import's first rows.
    @Test(arguments: [
        "Examples/ventas-ana.xlsx", "Examples/ventas-carlos.xlsx", "Examples/ventas-luisa.xlsx",
        "Examples/erp-export.csv", "Examples/banco-pagos.csv",
        "Tests/MappingTests/Fixtures/messy.xlsx", "Tests/MappingTests/Fixtures/cartera-regional.csv",
        "Tests/MappingTests/Fixtures/clientes-pagos.csv", "Tests/MappingTests/Fixtures/facturas-ve.csv",
    ])
    func theSamplesAndAccountingAreWhatImportWrites(file: String) throws {
        let folder = try CommandRunner.temporaryFolder("inspect-mapping")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = Self.root.appendingPathComponent(file).path
        let mapping = try Self.mapping([path, "--country", "VE"])
        let imported = try CommandRunner.run(["import", path, "--out", "out", "--country", "VE", "--quiet"], in: folder)
        #expect(imported.exitCode == 0)
        let out = folder.appendingPathComponent("out")
        let tables = Self.tables(mapping)
        #expect(!tables.isEmpty)
        // Accounting, table by table, as import-summary.json has it.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("import-summary.json"))) as? [String: Any]
        let summaryTables = ((summary?["sources"] as? [[String: Any]])?.first?["tables"] as? [[String: Any]]) ?? []
        let shown = tables.compactMap { $0["accounting"] as? [String: Any] } + (mapping["other_rows"] as? [[String: Any]] ?? [])
        #expect(shown.count == summaryTables.count)
        func canonical(_ o: [String: Any]) -> String {
            String(decoding: (try? JSONSerialization.data(withJSONObject: o, options: .sortedKeys)) ?? Data(), as: UTF8.self)
        }
        #expect(Set(shown.map(canonical)) == Set(summaryTables.map(canonical)))
        for (kind, name) in [("invoices", "invoices.csv"), ("payments", "payments.csv"), ("customers", "customers.csv"),
                             ("rejects", "rejects.csv")] {
            let written = try Self.csvRecords(out.appendingPathComponent(name))
            for t in tables {
                let samples = Self.samples(t, kind)
                #expect(samples.count <= 5)
                for s in samples { #expect(written.contains(s), "\(file): \(kind) sample \(s) is not a row import wrote") }
            }
            // The first table's first rows are the file's first rows of that kind (its rows come first).
            let first = Self.samples(tables[0], kind)
            if kind != "rejects", !first.isEmpty { #expect(Array(written.prefix(first.count)) == first, "\(file): \(kind)") }
        }
    }

    /// Each of a sheet's tables shows its own columns and records, and a column no field takes is
    /// said to be kept as an extra attribute.
    @Test func eachTableShowsItsOwnColumnsAndRows() throws {
        let folder = try CommandRunner.temporaryFolder("inspect-tables")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(("Cartera Enero\nCliente,RIF,Factura,Monto,Zona\nAbasto Luna,J-30123456-1,F-1,10.00,Centro\n"
                  + "Bodega Sol,J-29876543-0,F-2,20.00,Este\nTOTAL,,,30.00,\n\n"
                  + "Cartera Febrero\nCliente,RIF,Factura,Monto,Zona\nComercial Río,J-40512345-1,F-3,30.00,Oeste\n").utf8)
            .write(to: folder.appendingPathComponent("cartera.csv"))
        let tables = Self.tables(try Self.mapping(["cartera.csv", "--currency", "USD"], in: folder))
        #expect(tables.map { $0["table"] as? String } == ["Cartera Enero", "Cartera Febrero"])
        #expect(tables.map { $0["header_row"] as? Int } == [2, 8])
        #expect(tables.allSatisfy { $0["kind"] as? String == "invoices" })
        let columns = tables[0]["columns"] as? [[String: Any]] ?? []
        #expect(columns.map { $0["field"] as? String } == ["customer_name", "tax_id", "document_number", "amount", nil])
        #expect(columns.last?["extra"] as? Bool == true && columns.last?["header"] as? String == "Zona")
        #expect(Self.samples(tables[0], "invoices").map { $0["document_number"] } == ["F-1", "F-2"])
        #expect(Self.samples(tables[1], "invoices").map { $0["document_number"] } == ["F-3"])
        #expect(Self.samples(tables[1], "invoices").first?["amount"] == "30.00")
        #expect(Self.samples(tables[1], "customers").first?["tax_id"] == "J405123451")
        #expect((tables[0]["accounting"] as? [String: Any])?["totals_skipped"] as? Int == 1)

        let text = try CommandRunner.run(["inspect", "cartera.csv"], in: folder).stdout
        #expect(text.contains("table \"Cartera Febrero\" (header row 8): invoices"))
        #expect(text.contains("→ tax_id"))
        #expect(text.contains("Zona") && text.contains("kept as an extra attribute"))
        #expect(text.contains("row 9: document_number=F-3"))
        #expect(text.contains("customer: name=Comercial Río"))
    }

    /// With `--mapping`, the mapping file's columns are shown (and used for the samples).
    @Test func aMappingFileIsWhatIsShown() throws {
        let folder = try CommandRunner.temporaryFolder("inspect-mapping-file")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,Factura,Monto,Otro monto\nAbasto Luna,F-1,10.00,99.00\n".utf8)
            .write(to: folder.appendingPathComponent("f.csv"))
        try Data("""
            version: 1
            files: ["f.csv"]
            currency: USD
            tables:
              - kind: invoices
                columns:
                  customer_name: { header: "Cliente" }
                  document_number: { header: "Factura" }
                  amount: { header: "Otro monto" }
            """.utf8).write(to: folder.appendingPathComponent("m.yaml"))
        let automatic = Self.tables(try Self.mapping(["f.csv", "--currency", "USD"], in: folder))
        #expect(Self.samples(automatic[0], "invoices").first?["amount"] == "10.00")
        let mappedJSON = try Self.mapping(["f.csv", "--mapping", "m.yaml"], in: folder)
        #expect(mappedJSON["mapping_file"] as? String == "m.yaml" && mappedJSON["mapping_applies"] as? Bool == true)
        let mapped = Self.tables(mappedJSON)
        #expect(Self.samples(mapped[0], "invoices").first?["amount"] == "99.00")
        let columns = mapped[0]["columns"] as? [[String: Any]] ?? []
        #expect(columns.first { $0["column"] as? String == "D" }?["field"] as? String == "amount")
        // A column the mapping ignores is said to be ignored, not kept.
        try Data("""
            version: 1
            files: ["f.csv"]
            tables:
              - kind: invoices
                ignore: ["Otro monto"]
            """.utf8).write(to: folder.appendingPathComponent("ignore.yaml"))
        let ignoring = Self.tables(try Self.mapping(["f.csv", "--mapping", "ignore.yaml"], in: folder))
        let d = (ignoring[0]["columns"] as? [[String: Any]] ?? []).first { $0["column"] as? String == "D" }
        #expect(d?["ignored"] as? Bool == true && d?["extra"] as? Bool == false && d?["field"] is NSNull)
        let text = try CommandRunner.run(["inspect", "f.csv", "--mapping", "ignore.yaml"], in: folder).stdout
        #expect(text.contains("(mapping file ignore.yaml)") && text.contains("ignored (the mapping file's ignore list)"))
        // A mapping whose patterns do not match this file says so.
        try FileManager.default.copyItem(at: folder.appendingPathComponent("f.csv"), to: folder.appendingPathComponent("g.csv"))
        let other = try Self.mapping(["g.csv", "--mapping", "m.yaml"], in: folder)
        #expect(other["mapping_applies"] as? Bool == false)
    }

    /// A notebook is inspected as `import` reads it: with the command's country and currency, its
    /// phones in E.164 and its bare promise amounts in the default currency.
    @Test func aNotebookIsInspectedWithTheImportsDefaults() throws {
        let folder = try CommandRunner.temporaryFolder("inspect-notebook")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("CLIENTE: Bodega Sol\nTel: 0414-555.01.23\n12/03/2024 promete pagar 300 el viernes\n".utf8)
            .write(to: folder.appendingPathComponent("cuaderno.txt"))
        let result = try CommandRunner.run(["inspect", "--json", "cuaderno.txt", "--country", "VE", "--currency", "USD"], in: folder)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let customers = object?["customers"] as? [[String: Any]] ?? []
        #expect(customers.first?["phones"] as? [String] == ["+584145550123"], "\(result.stdout)")
        let promises = object?["promises"] as? [[String: Any]] ?? []
        #expect(promises.first?["currency"] as? String == "USD" && promises.first?["amount"] as? String == "300.00")
    }

    /// Rows no table takes are counted and shown, to the last of them; a file import refuses as
    /// empty is said to be refused.
    @Test func rowsOutsideTablesAndRefusedFilesAreShown() throws {
        let folder = try CommandRunner.temporaryFolder("inspect-outside")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("x\ny\nz\n".utf8).write(to: folder.appendingPathComponent("junk.csv"))
        let mapping = try Self.mapping(["junk.csv"], in: folder)
        #expect((mapping["other_rejects"] as? [[String: String]])?.map { $0["source_row"] } == ["1", "2", "3"])
        #expect((mapping["other_rows"] as? [[String: Any]])?.first?["rejected"] as? Int == 3)
        let text = try CommandRunner.run(["inspect", "junk.csv"], in: folder).stdout
        #expect(text.contains("rows outside any table: 3 read, 3 rejected"))
        try Data("\n\n\n".utf8).write(to: folder.appendingPathComponent("blank.csv"))
        let refused = try CommandRunner.run(["inspect", "blank.csv"], in: folder).stdout
        #expect(refused.contains("`consolida import` refuses the file") && refused.contains("is empty"))
        // A long value is cut in the text (the JSON keeps it whole).
        try Data(("Cliente,Factura,Monto\n" + String(repeating: "N", count: 5_000) + ",F-1,10.00\n").utf8)
            .write(to: folder.appendingPathComponent("long.csv"))
        let long = try CommandRunner.run(["inspect", "long.csv", "--currency", "USD"], in: folder).stdout
        #expect(long.contains("name=" + String(repeating: "N", count: 60) + "…") && long.count < 5_000)
    }

    /// Rows no table takes, and problems, are shown with their places.
    @Test func rejectsAndProblemsAreShown() throws {
        let folder = try CommandRunner.temporaryFolder("inspect-problems")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,Factura,Emisión,Monto\nAbasto Luna,F-1,01/03/2024,10.00\nBodega Sol,F-2,31/02/2024,abc\n".utf8)
            .write(to: folder.appendingPathComponent("f.csv"))
        let mapping = try Self.mapping(["f.csv", "--currency", "USD"], in: folder)
        let rejects = Self.samples(Self.tables(mapping)[0], "rejects")
        #expect(rejects.count == 1 && rejects.first?["source_row"] == "3", "\(rejects)")
        let text = try CommandRunner.run(["inspect", "f.csv", "--currency", "USD"], in: folder).stdout
        #expect(text.contains("rejected (first 1):"))
        #expect(text.contains("D3: MAP-AMOUNT-FORMAT"))
    }
}
