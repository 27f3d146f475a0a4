import Foundation
import Testing

/// Runs the whole job on `Examples/` as `make run` does and checks what a user gets: the expected
/// files byte for byte (`Examples/expected/`, re-recorded with `RECORD_SNAPSHOTS=1`), the facts the
/// example was built to show (Examples/README.md), row accounting, and determinism.
@Suite(.serialized) struct ExampleRunTests {
    static let examples = CommandRunner.packageRoot.appendingPathComponent("Examples")
    static let expected = examples.appendingPathComponent("expected")
    /// Files compared byte for byte (the store holds run times, the workbook is checked elsewhere).
    static let snapshotFiles = ["customers.csv", "customer_members.csv", "customer_balances.csv", "invoices.csv",
                                "payments.csv", "contacts.csv", "promises.csv", "discrepancies.csv",
                                "discrepancies.json", "rejects.csv", "worklist.csv", "import-summary.json", "report.html"]

    func runExample(into out: URL) throws -> CommandResult {
        try CommandRunner.run(["run", Self.examples.appendingPathComponent("consolida.yaml").path,
                               "--out", out.path, "--json", "--quiet"])
    }

    @Test func outputsMatchTheExpectedFiles() throws {
        let temp = try CommandRunner.temporaryFolder("example")
        defer { try? FileManager.default.removeItem(at: temp) }
        let out = temp.appendingPathComponent("out")
        let result = try runExample(into: out)
        #expect(result.exitCode == 0, "\(result.stderr)")
        let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
        if record { try FileManager.default.createDirectory(at: Self.expected, withIntermediateDirectories: true) }
        for name in Self.snapshotFiles {
            let actual = try Data(contentsOf: out.appendingPathComponent(name))
            let expectedURL = Self.expected.appendingPathComponent(name)
            if record || !FileManager.default.fileExists(atPath: expectedURL.path) {
                try FileManager.default.createDirectory(at: Self.expected, withIntermediateDirectories: true)
                try actual.write(to: expectedURL)
                continue
            }
            let expected = try Data(contentsOf: expectedURL)
            #expect(actual == expected, "\(name) differs from Examples/expected/\(name); if the change is intended, rerun with RECORD_SNAPSHOTS=1 and review the diff")
        }
    }

    @Test func theFactsTheExampleWasBuiltToShow() throws {
        let temp = try CommandRunner.temporaryFolder("facts")
        defer { try? FileManager.default.removeItem(at: temp) }
        let out = temp.appendingPathComponent("out")
        let result = try runExample(into: out)
        #expect(result.exitCode == 0)
        let customers = try CSVTable(url: out.appendingPathComponent("customers.csv"))
        #expect(customers.rows.count == 30)
        let members = try CSVTable(url: out.appendingPathComponent("customer_members.csv"))

        // Ferretería El Tornillo, written four ways in four files, is one customer.
        let tornillo = try #require(customers.rows.first { $0["tax_id"] == "J301234561" })
        let tornilloFiles = Set(members.rows.filter { $0["customer_id"] == tornillo["customer_id"] }.map { $0["source_file"] ?? "" })
        #expect(tornilloFiles.isSuperset(of: ["ventas-ana.xlsx", "erp-export.csv", "cuaderno-cobranza.txt",
                                              "WhatsApp Chat con Ferreteria El Tornillo.txt"]))

        // Sister companies sharing a phone keep apart: two valid, different RIFs.
        let sisters = customers.rows.filter { ["J405123451", "J412345672"].contains($0["tax_id"] ?? "") }
        #expect(Set(sisters.map { $0["customer_id"] ?? "" }).count == 2)

        // The iOS chat's phone author joins the customer Luisa lists with that phone.
        let chatMember = members.rows.first { $0["source_file"] == "Chat de WhatsApp con +58 414-5550199.txt" }
        let luisaMembers = members.rows.filter { $0["source_file"] == "ventas-luisa.xlsx" }.map { $0["customer_id"] }
        #expect(chatMember.map { luisaMembers.contains($0["customer_id"]) } == true)

        let discrepancies = try CSVTable(url: out.appendingPathComponent("discrepancies.csv"))
        let kinds = Set(discrepancies.rows.map { $0["kind"] ?? "" })
        #expect(kinds.isSuperset(of: ["invoice_field_conflict", "invalid_tax_id", "unknown_invoice_payment",
                                      "duplicate_document"]))
        let balanceConflict = discrepancies.rows.first { $0["kind"] == "invoice_field_conflict" && $0["field"] == "balance" }
        #expect(balanceConflict?["values"]?.contains("erp-export.csv") == true)
        #expect(balanceConflict?["values"]?.contains("ventas-ana.xlsx") == true)

        // Every input row is accounted for.
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("import-summary.json"))) as? [String: Any]
        let sources = try #require(summary?["sources"] as? [[String: Any]])
        #expect(sources.count == 8)
        for source in sources {
            for table in source["tables"] as? [[String: Any]] ?? [] {
                #expect(table["balances"] as? Bool == true, "\(source["file"] ?? "?") \(table)")
            }
        }
    }

    @Test func runningTwiceGivesByteIdenticalOutputs() throws {
        let temp = try CommandRunner.temporaryFolder("twice")
        defer { try? FileManager.default.removeItem(at: temp) }
        let first = temp.appendingPathComponent("first"), second = temp.appendingPathComponent("second")
        #expect(try runExample(into: first).exitCode == 0)
        #expect(try runExample(into: second).exitCode == 0)
        #expect(try runExample(into: second).exitCode == 0)  // a re-run over its own previous outputs
        let names = try FileManager.default.contentsOfDirectory(atPath: first.path).filter { $0 != "consolida.sqlite" }.sorted()
        #expect(names.count >= 12)
        for name in names {
            #expect(try Data(contentsOf: first.appendingPathComponent(name)) == Data(contentsOf: second.appendingPathComponent(name)), "\(name)")
        }
    }
}

/// A CSV file read into rows keyed by header (test helper; quoted fields with commas and quotes).
struct CSVTable {
    var header: [String]
    var rows: [[String: String]]

    init(url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var records: [[String]] = [], field = "", record: [String] = [], quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = nil
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let n = iterator.next() {
                        if n == "\"" { field.append("\"") } else { quoted = false; pending = n }
                    } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { record.append(field); field = "" }
            else if c == "\n" || c == "\r\n" { record.append(field); records.append(record); record = []; field = "" }
            else { field.append(c) }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        let names = records.first ?? []
        header = names
        rows = records.dropFirst().map { r in
            Dictionary(zip(names, r).map { ($0, $1) }, uniquingKeysWith: { a, _ in a })
        }
    }
}
