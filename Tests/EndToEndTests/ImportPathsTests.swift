import Foundation
import Testing

/// `consolida import` writes plain invoice rows straight from their values and builds full records
/// for the rest; `--record-path` builds records for every row. Both must write the same bytes.
struct ImportPathsTests {
    static let root = CommandRunner.packageRoot

    /// The files of one import folder, by name.
    static func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            out[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return out
    }

    static func importBothWays(_ inputs: [String], in folder: URL, extra: [String] = []) throws -> [String: Data] {
        // Not quiet: the warnings printed (the first of each table, in order, with their places) must agree too.
        let plain = try CommandRunner.run(["import"] + inputs + ["--out", "plain"] + extra, in: folder)
        let records = try CommandRunner.run(["import"] + inputs + ["--out", "records", "--record-path"] + extra,
                                            in: folder)
        #expect(plain.exitCode == records.exitCode)
        #expect(plain.stderr == records.stderr)
        let a = try files(folder.appendingPathComponent("plain")), b = try files(folder.appendingPathComponent("records"))
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, data) in a { #expect(data == b[name], "\(name) differs") }
        return a
    }

    @Test(arguments: [
        ["Examples/ventas-ana.xlsx", "Examples/ventas-carlos.xlsx", "Examples/ventas-luisa.xlsx"],
        ["Examples/erp-export.csv", "Examples/banco-pagos.csv"],
        ["Tests/MappingTests/Fixtures/messy.xlsx", "Tests/MappingTests/Fixtures/facturas-ve.csv",
         "Tests/MappingTests/Fixtures/cartera-regional.csv", "Tests/MappingTests/Fixtures/clientes-pagos.csv"],
    ])
    func bothPathsWriteTheSameFiles(inputs: [String]) throws {
        let folder = try CommandRunner.temporaryFolder("paths")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try Self.importBothWays(inputs.map { Self.root.appendingPathComponent($0).path }, in: folder,
                                              extra: ["--country", "VE"])
        #expect((written["invoices.csv"]?.count ?? 0) > 100)
        // With a short window a CSV's later rows reach the workers as bytes (``TextRows``).
        _ = try Self.importBothWays(inputs.map { Self.root.appendingPathComponent($0).path }, in: folder,
                                    extra: ["--country", "VE", "--window-rows", "12"])
    }

    /// A value not imported while its row is (a due date that reads as no date, a currency cell
    /// that names none) is a line of rejects.csv at its cell, as DESIGN.md has it; the row counts
    /// as imported, not rejected.
    @Test func valuesNotImportedAreRejectLines() throws {
        let folder = try CommandRunner.temporaryFolder("paths-values")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(("Cliente,Factura,Emisión,Vencimiento,Monto,Moneda\nAbasto Luna,F-1,01/03/2024,31/02/2024,100.00,USD\n"
                  + "Bodega Sol,F-2,02/03/2024,02/04/2024,50.00,pesos viejos\n").utf8).write(to: folder.appendingPathComponent("c.csv"))
        let written = try Self.importBothWays(["c.csv"], in: folder, extra: ["--country", "VE", "--quiet"])
        let rejects = String(decoding: written["rejects.csv"] ?? Data(), as: UTF8.self).split(whereSeparator: \.isNewline)
        #expect(rejects.count == 3, "\(rejects)")
        #expect(rejects.contains { $0.hasPrefix("c.csv,,2,2,D2,MAP-DUE-DATE-UNREADABLE,") && $0.hasSuffix(",31/02/2024") })
        #expect(rejects.contains { $0.hasPrefix("c.csv,,3,3,F3,MAP-CURRENCY-UNKNOWN,") })
        let summary = String(decoding: written["import-summary.json"] ?? Data(), as: UTF8.self)
        #expect(summary.contains("\"imported\" : 2") && summary.contains("\"rejected\" : 0") && summary.contains("\"rejects\" : 2"))
    }

    /// A row's notes and the cells no field took (kept as extra attributes) are written with its
    /// record, both ways: as `notes` and as the JSON object `extra`, whose keys are the headers.
    @Test func notesAndExtraAttributesAreWritten() throws {
        let folder = try CommandRunner.temporaryFolder("paths-extras")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(("Cliente,Factura,Monto,Observaciones,Zona\n"
                  + "Abasto Luna,F-1,100.00,\"Pagará el viernes, dice\",Norte\n"
                  + "Bodega Sol,F-2,50.00,=1+1,\n"
                  + "Kiosko \"El Rey\",F-3,75.00,,Sur \"B\",fuera\n").utf8).write(to: folder.appendingPathComponent("f.csv"))
        try Data(("Fecha de pago,Cliente,Referencia,Monto,Observaciones,Zona\n"
                  + "01/03/2024,Abasto Luna,778812,100.00,abono factura F-1,Norte\n").utf8)
            .write(to: folder.appendingPathComponent("p.csv"))
        let written = try Self.importBothWays(["f.csv", "p.csv"], in: folder, extra: ["--country", "VE", "--quiet"])
        let invoices = String(decoding: written["invoices.csv"] ?? Data(), as: UTF8.self).split(separator: "\r\n")
        #expect(invoices[0].contains(",balance,notes,extra,source_file,"))
        #expect(invoices[1].contains(",\"Pagará el viernes, dice\",\"{\"\"Zona\"\":\"\"Norte\"\"}\",f.csv,"), "\(invoices[1])")
        #expect(invoices[2].contains(",'=1+1,,f.csv,"), "\(invoices[2])")
        // A cell beyond the header is kept by its column letter.
        #expect(invoices[3].contains(",,\"{\"\"F\"\":\"\"fuera\"\",\"\"Zona\"\":\"\"Sur \\\"\"B\\\"\"\"\"}\",f.csv,"), "\(invoices[3])")
        let payments = String(decoding: written["payments.csv"] ?? Data(), as: UTF8.self).split(separator: "\r\n")
        #expect(payments[0].contains(",customer_name,notes,extra,source_file,"))
        #expect(payments[1].contains(",Abasto Luna,abono factura F-1,\"{\"\"Zona\"\":\"\"Norte\"\"}\",p.csv,"), "\(payments[1])")
        let customers = String(decoding: written["customers.csv"] ?? Data(), as: UTF8.self).split(separator: "\r\n")
        #expect(customers[0].contains(",salesperson,extra,source_file,"))
    }

    /// A file given twice is imported once (its records would repeat under the same IDs).
    @Test func aFileGivenTwiceIsImportedOnce() throws {
        let folder = try CommandRunner.temporaryFolder("paths-twice")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("Cliente,Factura,Monto\nAbasto Luna,F-1,100.00\n".utf8).write(to: folder.appendingPathComponent("c.csv"))
        let run = try CommandRunner.run(["import", "c.csv", "./c.csv", "--out", "out"], in: folder)
        #expect(run.exitCode == 0 && run.stderr.contains("given twice"), "\(run.stderr)")
        let invoices = try String(contentsOf: folder.appendingPathComponent("out/invoices.csv"), encoding: .utf8)
        #expect(invoices.split(whereSeparator: \.isNewline).count == 2)
    }

    /// A long generated list with what real ones hold: customers repeated with other spellings,
    /// failed check digits, phones that are no number, decomposed accents, unknown currencies,
    /// impossible dates, rows without amount or number, a comma and a formula in a name.
    @Test func aLongMessyListIsWrittenTheSameBothWays() throws {
        let folder = try CommandRunner.temporaryFolder("paths-long")
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "Cliente,RIF,Teléfono,Correo,Nº Factura,Emisión,Vencimiento,Monto,Abonado,Saldo,Moneda,Vendedor\n"
        let names = ["Ferretería Ñandú C.A.", "Jose\u{301} Pe\u{301}rez", "\"Lara, Hnos.\"", "=HYPERLINK(1)", "Inversiones  Sol "]
        let taxIDs = ["J-30123456-0", "J301234567", "V-12345678", "", "123"]
        let phones = ["0412-5551234", "(0212) 555.12.34 / 0414-1112233", "555", "", "+58 412 555 1234 ext 12"]
        let emails = ["pagos@nandu.com", "JOSE@MAIL.COM; cobros@x.com", "no es correo", "", "a@b.co"]
        for i in 1...3_000 {
            let c = i % names.count, t = (i / 3) % taxIDs.count
            let number = i % 97 == 0 ? "" : (i % 41 == 0 ? "NC-\(i)" : "F-\(i)")
            let issued = i % 89 == 0 ? "31/02/2024" : "\(i % 28 + 1)/\(i % 12 + 1)/2024"
            let amount = i % 83 == 0 ? "" : "\"\(i % 9).\(100 + i % 900),\(i % 100 / 10)\(i % 10)\""
            let currency = i % 71 == 0 ? "plata" : ["VES", "USD", "Bs.", ""][i % 4]
            csv += "\(names[c]),\(taxIDs[t]),\"\(phones[(i / 2) % phones.count])\",\"\(emails[(i / 5) % emails.count])\","
                + "\(number),\(issued),\(i % 28 + 1)/12/2024,\(amount),\"\(i % 50),00\",\"\(i % 7),50\",\(currency),Ana\n"
            if i == 1_500 { csv += "TOTAL,,,,,,,\"999.999,00\",,,,\n" }
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("cartera.csv"))
        let written = try Self.importBothWays(["cartera.csv"], in: folder, extra: ["--country", "VE"])
        _ = try Self.importBothWays(["cartera.csv"], in: folder, extra: ["--country", "VE", "--window-rows", "40"])
        let rejects = String(decoding: written["rejects.csv"] ?? Data(), as: UTF8.self)
        #expect(rejects.contains("MAP-NO-DOCUMENT") && rejects.contains("MAP-DATE-IMPOSSIBLE"))
        #expect((written["customers.csv"]?.count ?? 0) > 100_000)

        // A file name that record IDs must quote and guard against formulas.
        try Data(csv.utf8).write(to: folder.appendingPathComponent("=cartera, \"2024\".csv"))
        let guarded = try Self.importBothWays(["=cartera, \"2024\".csv"], in: folder, extra: ["--country", "VE"])
        let customers = String(decoding: guarded["customers.csv"] ?? Data(), as: UTF8.self)
        #expect(customers.contains("\r\n\"'=cartera, \"\"2024\"\".csv#2/customer\","))
    }

    /// Plain rows are written through a cursor into room bounded per row: document numbers that
    /// need quotes or a formula guard, amounts with many digits, negative, of currencies with no or
    /// three decimals, dates of odd years, must come out as their records'.
    @Test func plainRowsOfEveryShapeAreWrittenTheSameBothWays() throws {
        let folder = try CommandRunner.temporaryFolder("paths-shapes")
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "Cliente,Nº Factura,Emisión,Monto,Abonado,Saldo,Moneda\n"
        let numbers = ["F-1", "\"A,1\"", "\"Q\"\"7\"\"\"", "=2+3", "+58 412", "@x", "-17", "\"F 9\r\n2\"", "0001", "ÑÁ-ü"]
        let amounts = ["0", "-1234.5", "12345678901234567", "0.000001", "999999999.999", "100", "7.10"]
        let currencies = ["USD", "CLP", "KWD", "VES", "", "JPY"]
        for i in 1...600 {
            csv += "Cliente \(i % 13),\(numbers[i % numbers.count]),\(["0099-01-02", "2024-12-31", "1900-02-28"][i % 3]),"
                + "\(amounts[i % amounts.count]),\(amounts[(i / 3) % amounts.count]),\(amounts[(i / 7) % amounts.count]),"
                + "\(currencies[i % currencies.count])\n"
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("formas.csv"))
        let written = try Self.importBothWays(["formas.csv"], in: folder, extra: ["--quiet"])
        _ = try Self.importBothWays(["formas.csv"], in: folder, extra: ["--quiet", "--window-rows", "20"])
        let invoices = String(decoding: written["invoices.csv"] ?? Data(), as: UTF8.self)
        #expect(invoices.contains(",'=2+3,") && invoices.contains(",\"A,1\","))
    }

    /// Rows past the window reach the workers as bytes, and only surely plain invoice rows are read
    /// in place: here come what must not be (blank and ragged rows, a repeated header, totals
    /// labels with and without accents, names that start like totals words, stray and unclosed
    /// quotes, whitespace that collapses), among rows that must.
    @Test func rowsReadAsBytesAreWrittenTheSameBothWays() throws {
        let folder = try CommandRunner.temporaryFolder("paths-bytes")
        defer { try? FileManager.default.removeItem(at: folder) }
        let header = "Cliente,RIF,Nº Factura,Emisión,Vencimiento,Monto,Abonado,Saldo,Moneda,Teléfono,Correo"
        var csv = Array((header + "\n").utf8)
        let names = ["González & Cía", "Suárez Hnos.", "Ángel Pérez", "Total Distribuciones C.A.", "Tótal", "Gran total",
                     "  Sub  total ", "Ñandú C.A.", "Subway C.A.", "×Signo", "Sumas", "José Pérez", "Totales 2024",
                     "Sánchez e Hijos", "TÓTAL", "Gómez Hnos.", "Grän total"]
        for i in 1...1_200 {
            let name = names[i % names.count]
            let number = i % 37 == 0 ? "" : (i % 29 == 0 ? " F-\(i)  b " : "F-\(i)")
            let line: String
            switch i % 53 {
            case 5: line = ""
            case 6: line = ",,,,,,,,,,"
            case 7: line = header
            case 8: line = "\(name),J-30123456-0,F-\(i),2024-01-02"
            case 9: line = "\(name),J-30123456-0,F-\(i),2024-01-02,2024-02-02,1.234,56,0,VES,,,extra"
            case 10: line = "Nombre \"raro\" \(i),,F-\(i),2024-01-02,,10,,,USD,,"
            default:
                line = "\"\(name)\",J-30123456-\(i % 10),\(number),\(i % 31 == 0 ? "2024-02-30" : "2024-03-\(i % 28 + 1)"),"
                    + "\(i % 17 == 0 ? "15/03/2024" : ""),\(i % 19 == 0 ? "\"1.234,5\"" : "\(i).5"),\(i % 3),\(i % 23 == 0 ? "x" : "1"),"
                    + "\(["VES", "USD", "", "Bs."][i % 4]),0412-555\(1000 + i % 50),pagos\(i % 7)@x.com"
            }
            csv += Array(line.utf8)
            csv.append(0x0A)
        }
        csv += Array("\"sin cerrar,J-1,F-9999,2024-01-01,,5,,,,,\n".utf8)
        try Data(csv).write(to: folder.appendingPathComponent("bytes.csv"))
        let written = try Self.importBothWays(["bytes.csv"], in: folder, extra: ["--country", "VE", "--window-rows", "30"])
        let rejects = String(decoding: written["rejects.csv"] ?? Data(), as: UTF8.self)
        for code in ["MAP-DATE-IMPOSSIBLE", "MAP-NO-DOCUMENT", "MAP-AMOUNT-FORMAT"] { #expect(rejects.contains(code)) }
        #expect((written["invoices.csv"]?.count ?? 0) > 20_000)
    }

    /// A list with a document type column and currency marks beside its amounts (an ERP export)
    /// is read in place too: types a row names (`FAC`, `NC`, `Nota de débito`) give its document
    /// type, while receipts and unknown types, and marks with a sign, go the record path, which
    /// says so. Both ways write the same files.
    @Test func rowsWithATypeAndMarkedAmountsAreWrittenTheSameBothWays() throws {
        let folder = try CommandRunner.temporaryFolder("paths-types")
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "Tipo;Cliente;RIF;Documento;Emisión;Monto;Abonado;Saldo;Moneda\n"
        let types = ["FAC", "NC", "ND", "Factura", " nota  de crédito ", "Nota de Débito", "N/C", "Recibo", "Anticipo",
                     "XYZ", "", "fac.", "FACTURA ", "NC-12", "Devolución"]
        let amounts = ["Bs. 1.234,56", "Bs.1.234,56", "1.234,56 Bs.", "$ 1.500", "US$ 12,50", "898,91 €", "€ 1.500",
                       "-Bs. 10,00", "(Bs. 5,00)", "Bs. 1 234,56", "S/ 300,00", "USD 99", "1.234,56", "Bsx 10", "R$ 7,00"]
        for i in 1...900 {
            csv += "\(types[i % types.count]);Cliente \(i % 17);J-30123456-\(i % 10);F-\(i);15/03/2024;"
                + "\(amounts[i % amounts.count]);\(amounts[(i / 3) % amounts.count]);\(amounts[(i / 7) % amounts.count]);"
                + "\(["VES", "", "USD"][i % 3])\n"
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("tipos.csv"))
        let written = try Self.importBothWays(["tipos.csv"], in: folder, extra: ["--country", "VE", "--window-rows", "20"])
        let invoices = String(decoding: written["invoices.csv"] ?? Data(), as: UTF8.self)
        let summary = String(decoding: written["import-summary.json"] ?? Data(), as: UTF8.self)
        #expect(invoices.contains(",credit_note,") && invoices.contains(",debit_note,"))
        #expect(summary.contains("MAP-RECEIPT-AS-CREDIT") && summary.contains("MAP-DOCUMENT-TYPE-UNKNOWN"), "\(summary)")
    }
}

/// A balance or paid amount larger than the invoice's total is warned of on both paths, rows
/// read as bytes included: such a row leaves the plain path for the record path, which warns.
struct AmountWarningsEndToEndTests {
    @Test func bothPathsWarnOfAnExcessAlike() throws {
        let folder = try CommandRunner.temporaryFolder("paths-excess")
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "Cliente;NIT;Documento;Fecha;Importe;Abonado;Pendiente;Moneda\n"
        for i in 1...400 {
            let paid = i % 11 == 0 ? "1.200,00" : "100,00"
            let balance = i % 7 == 0 ? "1.500,00" : "900,00"
            let number = i % 13 == 0 ? "NC-\(i)" : "FE-\(i)"
            csv += "Cliente \(i % 9);900123456-8;\(number);10/01/2024;1.000,00;\(paid);\(balance);COP\n"
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("erp.csv"))
        for window in ["50000", "20"] {
            let written = try ImportPathsTests.importBothWays(["erp.csv"], in: folder,
                                                              extra: ["--country", "CO", "--window-rows", window])
            let summary = String(decoding: written["import-summary.json"] ?? Data(), as: UTF8.self)
            #expect(summary.contains("MAP-BALANCE-EXCEEDS-AMOUNT") && summary.contains("MAP-PAID-EXCEEDS-AMOUNT"), "\(summary)")
            #expect(!String(decoding: written["rejects.csv"] ?? Data(), as: UTF8.self).contains("EXCEEDS"))
        }
    }
}

/// Voided invoices (a status column) are skipped alike on both paths, rows read as bytes included,
/// while the other statuses keep the fast path.
struct VoidedRowsEndToEndTests {
    @Test func bothPathsSkipVoidedRowsAlike() throws {
        let folder = try CommandRunner.temporaryFolder("paths-voided")
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "Cliente,Factura,Fecha,Monto,Saldo,Estado\n"
        let statuses = ["Pendiente", "ANULADA", "Pagada", " anulado ", "Nula", "", "Anulada por error", "Vencida"]
        for i in 0..<400 { csv += "Cliente \(i % 7),F-\(i),01/03/2024,\(100 + i).00,\(100 + i).00,\(statuses[i % statuses.count])\n" }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("f.csv"))
        for window in ["50000", "30"] {
            let written = try ImportPathsTests.importBothWays(["f.csv"], in: folder,
                                                              extra: ["--country", "VE", "--currency", "USD", "--window-rows", window])
            let summary = try #require(try JSONSerialization.jsonObject(with: written["import-summary.json"] ?? Data()) as? [String: Any])
            #expect(summary["invoices"] as? Int == 250 && (summary["rejects"] as? Int) == 0, "\(summary)")
        }
    }
}

/// An ERP aging report (a heading per customer, its invoices under it, no customer column) read
/// as bytes in chunks and windows of many sizes: every invoice has its heading's customer.
struct CustomerSectionsEndToEndTests {
    @Test func everyInvoiceHasItsHeadingsCustomer() throws {
        let folder = try CommandRunner.temporaryFolder("sections")
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "ANTIGÜEDAD DE SALDOS POR CLIENTE\nEmitido: 30/06/2024 10:15\nDocumento;Fecha;Vencimiento;Monto;Saldo\n"
        var expected: [String: String] = [:], seller: [String: String] = [:]
        for c in 1...400 {
            // A salesperson heading every 30 customers heads the customer headings under it.
            if c % 30 == 1 { csv += "Vendedor: \(c / 30 + 1) VENDEDOR \(c / 30 + 1);;;;\n" }
            csv += "Cliente: CLIENTE NÚMERO \(c) C.A.;;;;\n"
            for k in 1...(c % 7 + 1) {
                let number = "F-\(c)-\(k)"
                expected[number] = "CLIENTE NÚMERO \(c) C.A."
                seller[number] = "\((c - 1) / 30 + 1) VENDEDOR \((c - 1) / 30 + 1)"
                csv += "\(number);01/05/2024;31/05/2024;\(k).000,00;\(k)00,00\n"
            }
            csv += "Total cliente;;;;\n"
        }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("aging.csv"))
        for extra in [["--country", "VE"], ["--country", "VE", "--window-rows", "37"]] {
            let written = try ImportPathsTests.importBothWays(["aging.csv"], in: folder, extra: extra)
            let customers = String(decoding: written["customers.csv"] ?? Data(), as: UTF8.self)
                .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            let invoices = String(decoding: written["invoices.csv"] ?? Data(), as: UTF8.self)
                .split(separator: "\r\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
            #expect(invoices.count == expected.count && customers.count == expected.count)
            let nameByID = Dictionary(uniqueKeysWithValues: customers.map { (String($0[0]), String($0[1])) })
            #expect(invoices.allSatisfy { nameByID[String($0[0])] == expected[String($0[1])] })
            let sellerByID = Dictionary(uniqueKeysWithValues: customers.map { (String($0[0]), String($0[9])) })
            #expect(invoices.allSatisfy { sellerByID[String($0[0])] == seller[String($0[1])] })
            #expect(String(decoding: written["rejects.csv"] ?? Data(), as: UTF8.self).split(separator: "\r\n").count == 1)
        }
    }
}

/// An empty line of a CSV is a row the spreadsheet shows: read and counted blank, on both paths and
/// in any window, so rows read is the file's last row number.
struct BlankLinesAccountingTests {
    @Test func emptyLinesAreBlankRows() throws {
        let folder = try CommandRunner.temporaryFolder("blank-lines")
        defer { try? FileManager.default.removeItem(at: folder) }
        var csv = "Factura,Cliente,Monto\n\n"
        for i in 1...600 { csv += "F\(i),Cliente \(i % 7),\(i).50\n" + (i % 50 == 0 ? "\n\n" : "") + (i % 77 == 0 ? ",,\n" : "") }
        try Data(csv.utf8).write(to: folder.appendingPathComponent("v.csv"))
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        for extra in [[String](), ["--window-rows", "30"]] {
            let written = try ImportPathsTests.importBothWays(["v.csv"], in: folder, extra: extra)
            let summary = try JSONSerialization.jsonObject(with: written["import-summary.json"] ?? Data()) as? [String: Any]
            let tables = ((summary?["sources"] as? [[String: Any]])?.first?["tables"] as? [[String: Any]]) ?? []
            #expect(tables.reduce(0) { $0 + (($1["rows_read"] as? Int) ?? 0) } == lines)
            #expect(tables.reduce(0) { $0 + (($1["blank"] as? Int) ?? 0) } == 1 + 2 * 12 + 7)
            #expect(tables.allSatisfy { ($0["balances"] as? Bool) == true })
        }
    }
}
