import Foundation
import Testing

/// `explain`, `report` and `diff` read the store a run left behind.
@Suite(.serialized) struct StoreCommandTests {
    @Test func explainReportAndDiffWorkFromTheStore() throws {
        let temp = try CommandRunner.temporaryFolder("store")
        defer { try? FileManager.default.removeItem(at: temp) }
        let out = temp.appendingPathComponent("out")
        let config = CommandRunner.packageRoot.appendingPathComponent("Examples/consolida.yaml").path
        #expect(try CommandRunner.run(["run", config, "--out", out.path, "-q"]).exitCode == 0)

        let customers = try CSVTable(url: out.appendingPathComponent("customers.csv"))
        let tornillo = try #require(customers.rows.first { $0["tax_id"] == "J301234561" }?["customer_id"])
        let explained = try CommandRunner.run(["explain", tornillo, "--out", out.path])
        #expect(explained.exitCode == 0)
        #expect(explained.stdout.contains("Customer \(tornillo)"))
        #expect(explained.stdout.contains("bits → probability"))
        #expect(explained.stdout.contains("cuaderno-cobranza.txt"))

        // A source record's ID explains the customer it belongs to.
        let byRecord = try CommandRunner.run(["explain", "erp-export.csv#2/customer", "--out", out.path])
        #expect(byRecord.stdout.contains("Customer \(tornillo)"))
        // So does the row's own ID (the invoice's), as `explain --help` writes it.
        let byRow = try CommandRunner.run(["explain", "erp-export.csv#2", "--out", out.path])
        #expect(byRow.exitCode == 0 && byRow.stdout == byRecord.stdout)
        #expect(try CommandRunner.run(["explain", "C-NOTHING", "--out", out.path]).exitCode == 2)
        // A contact's ID, as contacts.csv prints it, explains its customer.
        let contacts = try CSVTable(url: out.appendingPathComponent("contacts.csv"))
        let contact = try #require(contacts.rows.first { !($0["customer_id"] ?? "").isEmpty })
        let byContact = try CommandRunner.run(["explain", contact["contact_id"] ?? "", "--out", out.path])
        #expect(byContact.exitCode == 0 && byContact.stdout.contains("Customer \(contact["customer_id"] ?? "")"))

        let before = try Data(contentsOf: out.appendingPathComponent("customers.csv"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("customers.csv"))
        let report = try CommandRunner.run(["report", "--out", out.path])
        #expect(report.exitCode == 0, "\(report.stderr)")
        #expect(try Data(contentsOf: out.appendingPathComponent("customers.csv")) == before)

        // Written elsewhere, the outputs are the same files, import summary included.
        let elsewhere = out.deletingLastPathComponent().appendingPathComponent("copia")
        #expect(try CommandRunner.run(["report", "--out", out.path, "--to", elsewhere.path]).exitCode == 0)
        // Quiet as `run -q` is: nothing on stdout, the same files.
        let quiet = try CommandRunner.run(["report", "--out", out.path, "--to", elsewhere.path, "-q"])
        #expect(quiet.exitCode == 0 && quiet.stdout.isEmpty, "\(quiet.stderr)")
        for name in ["customers.csv", "discrepancies.json", "import-summary.json"] {
            #expect(try Data(contentsOf: elsewhere.appendingPathComponent(name)) == Data(contentsOf: out.appendingPathComponent(name)))
        }

        #expect(try CommandRunner.run(["run", config, "--out", out.path, "-q"]).exitCode == 0)
        let diff = try CommandRunner.run(["diff", "--out", out.path])
        #expect(diff.exitCode == 0)
        #expect(diff.stdout.contains("no changes"))
    }

    /// A nightly export sorted another way, with a new customer's row on top: every customer keeps
    /// its ID and `diff` reports the new customer, no merge or split.
    @Test func customerIDsSurviveASortedExportWithARowInserted() throws {
        let temp = try CommandRunner.temporaryFolder("store-sorted")
        defer { try? FileManager.default.removeItem(at: temp) }
        for name in ["erp-export.csv", "banco-pagos.csv"] {
            try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Examples/\(name)"),
                                             to: temp.appendingPathComponent(name))
        }
        let arguments = ["run", "erp-export.csv", "banco-pagos.csv", "--out", "out", "-q", "--as-of", "2024-06-30"]
        #expect(try CommandRunner.run(arguments, in: temp).exitCode == 0)
        func ids() throws -> [String: String] {
            let table = try CSVTable(url: temp.appendingPathComponent("out/customers.csv"))
            return Dictionary(table.rows.map { ($0["name"] ?? "", $0["customer_id"] ?? "") }) { a, _ in a }
        }
        let before = try ids()

        // The file is Latin-1 with `;` and no quotes: its lines can be reordered as bytes.
        let erp = temp.appendingPathComponent("erp-export.csv")
        var lines = try Data(contentsOf: erp).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        let header = lines.removeFirst()
        let added = Data("CL-9999;COMERCIAL NUEVA C.A.;J405060708;09999;FAC;01/06/2024;01/07/2024;100,00;100,00;USD;ANA R.".utf8)
        let sorted = [header, added] + lines.reversed()
        try Data(sorted.joined(separator: [UInt8(ascii: "\n")]) + [UInt8(ascii: "\n")]).write(to: erp)
        #expect(try CommandRunner.run(arguments, in: temp).exitCode == 0)

        let after = try ids()
        for (name, id) in before { #expect(after[name] == id, "\(name)") }
        #expect(after["COMERCIAL NUEVA C.A."] != nil)
        let diff = try CommandRunner.run(["diff", "--out", "out", "--json"], in: temp)
        #expect(diff.exitCode == 0, "\(diff.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        #expect((json["merges"] as? [Any])?.isEmpty == true && (json["splits"] as? [Any])?.isEmpty == true, "\(diff.stdout)")
        #expect((json["added_customers"] as? [String]) == [after["COMERCIAL NUEVA C.A."]!])
        #expect((json["removed_customers"] as? [String])?.isEmpty == true)
    }

    /// `report` writes the bytes the run wrote. QA: a customer with only a payment got the
    /// configured currency from `run` but none from `report` ("0.00 (sin moneda)"), because the
    /// report computed the collections view without the configuration's settings.
    @Test func reportWritesTheSameFilesAsTheRun() throws {
        let temp = try CommandRunner.temporaryFolder("store-same")
        defer { try? FileManager.default.removeItem(at: temp) }
        let files = [
            "erp.csv": """
                Cliente;NIT;Documento;Fecha;Vencimiento;Valor;Saldo;Moneda
                Ferreteria El Clavo SAS;9001234568;FE-1001;10/01/2024;09/02/2024;1.250.000,00;1.000.000,00;COP
                Distribuciones Andina Ltda.;860045123-1;FE-1003;01/02/2024;02/03/2024;2.300.000,00;1.500.000,00;COP

                """,
            // The second payer is no customer of the ERP: a customer with only a payment.
            "banco.csv": """
                Fecha,Referencia,Descripción,NIT ordenante,Valor,Factura
                2024-02-20,REF001,TRANSF FERRETERIA EL CLAVO FE-1001,900123456-8,250000.00,FE-1001
                2024-06-15,REF005,TRANSF DESCONOCIDA,999999999-9,100000.00,FE-7777

                """,
            "consolida.yaml": """
                sources:
                  - path: erp.csv
                    priority: 2
                  - path: banco.csv
                defaults: { country: CO, currency: COP }
                as_of: 2024-06-30
                collections: { dso_window_days: 30, contact_coverage_days: 7, promise_grace_days: 2 }

                """,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: temp.appendingPathComponent(name)) }
        let run = try CommandRunner.run(["run", "consolida.yaml", "-q"], in: temp)
        #expect(run.exitCode == 0, "\(run.stderr)")
        let report = try CommandRunner.run(["report", "--out", "out", "--to", "again"], in: temp)
        #expect(report.exitCode == 0, "\(report.stderr)")

        let customers = try CSVTable(url: temp.appendingPathComponent("out/customers.csv"))
        let payer = try #require(customers.rows.first { $0["tax_id"] == "9999999999" })
        #expect(payer["currency"] == "COP")
        let written = try FileManager.default.contentsOfDirectory(atPath: temp.appendingPathComponent("out").path)
            .filter { $0 != "consolida.sqlite" && !$0.hasPrefix(".") }
        #expect(written.count >= 13)
        for name in written {
            let ran = try Data(contentsOf: temp.appendingPathComponent("out/\(name)"))
            let reported = try Data(contentsOf: temp.appendingPathComponent("again/\(name)"))
            #expect(ran == reported, "\(name) differs between run and report")
        }
    }

    /// `report --run N` writes run N's own import summary, not the latest run's.
    @Test func anEarlierRunsReportHasItsOwnImportSummary() throws {
        let temp = try CommandRunner.temporaryFolder("store-summary")
        defer { try? FileManager.default.removeItem(at: temp) }
        for name in ["erp-export.csv", "banco-pagos.csv"] {
            try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Examples/\(name)"),
                                             to: temp.appendingPathComponent(name))
        }
        let run1 = try CommandRunner.run(["run", "erp-export.csv", "banco-pagos.csv", "--out", "out", "-q", "--as-of", "2024-06-30"],
                                         in: temp)
        #expect(run1.exitCode == 0, "\(run1.stderr)")
        let first = try Data(contentsOf: temp.appendingPathComponent("out/import-summary.json"))
        #expect(try CommandRunner.run(["run", "erp-export.csv", "--out", "out", "-q", "--as-of", "2024-06-30"], in: temp).exitCode == 0)
        let second = try Data(contentsOf: temp.appendingPathComponent("out/import-summary.json"))
        #expect(first != second)

        let report = try CommandRunner.run(["report", "--out", "out", "--run", "1", "--to", "primera"], in: temp)
        #expect(report.exitCode == 0, "\(report.stderr)")
        #expect(try Data(contentsOf: temp.appendingPathComponent("primera/import-summary.json")) == first)
        let latest = try CommandRunner.run(["report", "--out", "out", "--to", "ultima"], in: temp)
        #expect(latest.exitCode == 0)
        #expect(try Data(contentsOf: temp.appendingPathComponent("ultima/import-summary.json")) == second)
    }
}
