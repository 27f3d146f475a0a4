import Foundation
import Testing
import Collections
import Receivables
import Reconcile
@testable import Reports

@Suite struct OutputFilesTests {
    static let expectedHeaders: [(String, String)] = [
        ("customers.csv", "customer_id,name,tax_id,tax_id_country,phones,emails,address,salesperson,currency,balance,"
            + "overdue_balance,oldest_due_date,last_contact_date,member_count"),
        ("customer_members.csv", "customer_id,source_file,source_sheet,source_row,source_line,source_name,"
            + "source_tax_id,match_score,match_rule"),
        ("invoices.csv", "customer_id,document_number,document_type,issue_date,due_date,currency,amount,paid,balance,"
            + "days_overdue,aging_bucket,source_count,has_conflict"),
        ("payments.csv", "payment_id,customer_id,date,currency,amount,invoice_number,invoice_found,reference,method,"
            + "source_file,source_sheet,source_row,source_line"),
        ("contacts.csv", "contact_id,customer_id,date,time,channel,author,outcome,outcome_confidence,text,"
            + "mentioned_amounts,mentioned_invoices,source_file,source_sheet,source_row,source_line"),
        ("promises.csv", "promise_id,customer_id,made_on,promised_date,deadline,currency,amount,paid_in_window,status,"
            + "invoice_numbers,confidence,text,source_file,source_sheet,source_row,source_line"),
        ("discrepancies.csv", "id,kind,severity,entity,entity_id,field,values,value_count,chosen,rule,message"),
        ("rejects.csv", "source_file,source_sheet,source_row,source_line,source_cell,code,reason,raw_text"),
        ("worklist.csv", "rank,customer_id,name,score,currency,overdue_balance,overdue_documents,max_days_overdue,"
            + "oldest_due_date,other_overdue,broken_promises,pending_promises,next_promise_date,last_contact_date,"
            + "days_since_contact,phones,salesperson,reason,score_detail"),
        ("customer_balances.csv", "customer_id,currency,is_main_currency,balance,overdue_balance,open_documents,"
            + "overdue_documents,bucket_current,bucket_1_30,bucket_31_60,bucket_61_90,bucket_91_120,bucket_over_120,"
            + "undated"),
    ]

    @Test(arguments: expectedHeaders)
    func headersAreExact(file: String, header: String) throws {
        let text = try #require(Sample.files()[file])
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) == header)
    }

    @Test func everyFileIsWritten() {
        #expect(OutputWriter.render(Sample.input).map(\.name) == [
            "customers.csv", "customer_members.csv", "customer_balances.csv", "invoices.csv", "payments.csv",
            "contacts.csv", "promises.csv", "discrepancies.csv", "rejects.csv", "worklist.csv", "discrepancies.json",
            "report.html",
        ])
    }

    @Test func customersRowsAreSortedAndInMainCurrency() throws {
        let text = try #require(Sample.files()["customers.csv"])
        // C-00000001: USD 1000 (F-0012, 90 days) − 120.50 (credit note) + 300 (not due) = 1179.50;
        // overdue = 1000 − 120.50 (the credit note is 11 days old, so it nets in 1-30).
        #expect(text.contains("\nC-00000001,\"Ferretería El Tornillo, C.A.\",J301234567,VE,"
                + "+584125551234; +582125550000,pagos@tornillo.example,\"Av. Bolívar 12, \"\"Local 3\"\"\nValencia\","
                + "Ana,USD,1179.50,879.50,2025-12-31,2026-03-01,2\n"))
        #expect(text.hasPrefix(OutputFilesTests.expectedHeaders[0].1 + "\nC-00000001,"))
        #expect(text.contains("\nC-00000002,<script>alert('x')</script> & Hijos,,,+573001112233,,,"
                              + "\"'=HYPERLINK(\"\"http://evil\"\")\",USD,80.00,80.00,2026-02-14,,1\n"))
        #expect(text.contains("\nC-00000003,'=1+2,,,,'@cmd,,,VES,2500000.75,2500000.75,2026-03-01,,1\n"))
    }

    @Test func invoicesCarrySignedBalancesAndAging() throws {
        let text = try #require(Sample.files()["invoices.csv"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines[1] == "C-00000001,F-0012,invoice,2025-12-01,2025-12-31,USD,1500.00,500.00,1000.00,90,61-90,2,true")
        #expect(lines[2] == "C-00000001,F-0020,invoice,2026-03-10,2026-04-09,USD,300.00,,300.00,-9,current,1,false")
        #expect(lines[3] == "C-00000001,NC-0003,credit_note,2026-03-20,,USD,-120.50,,-120.50,11,1-30,1,false")
        #expect(lines[4] == "C-00000002,'=SUM(A1),invoice,2026-01-15,2026-02-14,USD,80.00,,80.00,45,31-60,1,false")
    }

    @Test func locationColumnsAndNegativeAmounts() throws {
        let files = Sample.files()
        let payments = try #require(files["payments.csv"])
        #expect(payments.contains("\nbanco.csv#4,,2026-03-06,USD,-25.00,F-9999,false,'+REV,,banco.csv,,4,4\n"))
        let members = try #require(files["customer_members.csv"])
        #expect(members.contains("\nC-00000001,ventas-ana.xlsx,Clientes,4,,Ferreteria El Tornillo,J-30123456-7,,seed\n"))
        #expect(members.contains("\nC-00000001,erp.csv,,7,7,FERRETERIA EL TORNILLO CA,J301234567,0.9877,tax_id\n"))
        #expect(members.contains("\nC-00000003,erp.csv,,9,9,'=1+2,'-5,,seed\n"))
        let rejects = try #require(files["rejects.csv"]).split(separator: "\n").map(String.init)
        #expect(rejects[1] == "erp.csv,,4,4,,MAP-NO-CUSTOMER,sin cliente,\"'-12 | \"\"x\"\"\"")
        #expect(rejects[2] == "erp.csv,,17,18,E17,MAP-BAD-AMOUNT,monto ilegible,F-77 | =cmd|' /C calc'!A0 | 12,5O"
                .replacingOccurrences(of: "F-77 | =cmd|' /C calc'!A0 | 12,5O", with: "\"F-77 | =cmd|' /C calc'!A0 | 12,5O\""))
        #expect(rejects[3] == "ventas-ana.xlsx,Facturas,9,,,MAP-NO-AMOUNT,fila sin monto,F-0031 | | ")
    }

    @Test func promisesAndContacts() throws {
        let files = Sample.files()
        let promises = try #require(files["promises.csv"]).split(separator: "\n").map(String.init)
        #expect(promises[1] == "chat-ana.txt#L10/p1,C-00000001,2026-03-01,2026-03-06,2026-03-06,USD,500.00,500.00,kept,"
                + "F-0012,0.8000,Le pago el viernes 6,chat-ana.txt,,,10")
        #expect(promises[2] == "notas.txt#L4/p1,C-00000002,2026-02-20,2026-02-27,2026-02-27,USD,80.00,0.00,broken,,"
                + "0.6000,'-paga la otra semana,notas.txt,,,4")
        let contacts = try #require(files["contacts.csv"]).split(separator: "\n").map(String.init)
        #expect(contacts[1] == "chat-ana.txt#L10,C-00000001,2026-03-01,09:30:00,whatsapp,Ana,promise_to_pay,0.9000,"
                + "\"Le pago el viernes 6, \"\"seguro\"\"\",500.00 USD,F-0012,chat-ana.txt,,,10")
    }

    @Test func discrepanciesFlattenCompetingValues() throws {
        let lines = try #require(Sample.files()["discrepancies.csv"]).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1] == "D-0000000A,invoice_amount_conflict,error,invoice,C-00000001/F-0012,balance,"
                + "1000.00 @ ventas-ana.xlsx › Facturas!F5 | 1200.00 @ erp.csv › H12 (line 12),2,1000.00,most_recent,"
                + "El saldo difiere entre fuentes.")
        #expect(lines[2].hasPrefix("D-0000000B,customer_field_conflict,warning,customer,C-00000001,phones,"
                                   + "'+584125551234 @ ventas-ana.xlsx › Clientes!C4 | <b>0412-555</b> @ erp.csv › D7"))
        #expect(lines[3].hasPrefix("D-0000000C,unknown_invoice_payment,warning,payment,banco.csv#4,invoice_number,"
                                   + "F-9999 @ banco.csv › B4 (line 4),1,,,"))
    }

    @Test func discrepanciesJSONKeepsTheStructure() throws {
        let text = try #require(Sample.files()["discrepancies.json"])
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        let list = try #require(parsed)
        #expect(list.count == 3)
        #expect(list.map { $0["id"] as? String } == ["D-0000000A", "D-0000000B", "D-0000000C"])
        let values = try #require(list[0]["values"] as? [[String: Any]])
        #expect(values.count == 2)
        #expect(values[0]["value"] as? String == "1000.00")
        #expect(values[0]["source_sheet"] as? String == "Facturas")
        #expect(values[0]["source_cell"] as? String == "F5")
        #expect(values[0]["source_row"] as? Int == 5)
        #expect(values[1]["source_line"] as? Int == 12)
        #expect(list[2]["chosen"] is NSNull)
        #expect(text.hasPrefix("[\n  {\n    \"id\": \"D-0000000A\",\n"))
    }

    @Test func worklistOrderAndReason() throws {
        let lines = try #require(Sample.files()["worklist.csv"]).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // Scores: C-3 owes the most in VES and was never contacted (35 + 4 + 15 + 10 = 64); C-1 owes
        // the most in USD, 90 days, contacted 30 days ago (35 + 12 + 7 = 54); C-2 owes less in USD
        // but broke a promise and was never contacted (17 + 6 + 5 + 15 + 10 = 53).
        #expect(lines[1].hasPrefix("1,C-00000003,'=1+2,64,VES,2500000.75,1,30,2026-03-01,"))
        #expect(lines[2].hasPrefix("2,C-00000001,\"Ferretería El Tornillo, C.A.\",54,USD,879.50,1,90,"))
        #expect(lines[2].contains("último contacto hace 30 días."))
        #expect(lines[3].hasPrefix("3,C-00000002,<script>alert('x')</script> & Hijos,53,"))
        #expect(lines[3].contains("1 promesa de pago incumplida; nunca contactado."))
        #expect(lines[3].hasSuffix("amount 17; age 6; broken_promises 5; contact 15; never_contacted 10; waiting 0"))
    }

    @Test func outputIsByteIdenticalWhateverTheInputOrder() {
        let first = OutputWriter.render(Sample.input)
        #expect(first == OutputWriter.render(Sample.input))
        var r = Sample.result
        r.customers.reverse(); r.invoices.shuffle(); r.discrepancies.shuffle(); r.payments.reverse()
        for i in r.customers.indices { r.customers[i].members.reverse() }
        var b = Sample.batch
        b.rejects.reverse()
        let shuffled = ReportInput(result: r, batch: b,
                                   collections: CollectionsReport(result: r, settings: CollectionsSettings(asOf: Sample.asOf)))
        let second = OutputWriter.render(shuffled)
        for (a, b) in zip(first, second) {
            #expect(a.bytes == b.bytes, "\(a.name) differs")
        }
    }

    @Test func writesEveryFileIntoTheFolder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("consolida-reports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = Sample.input
        let urls = try OutputWriter.write(result: input.result, batch: input.batch, collections: input.collections,
                                          to: dir)
        #expect(urls.count == 13)
        #expect(urls.last?.lastPathComponent == "consolidated.xlsx")
        for url in urls {
            let data = try Data(contentsOf: url)
            #expect(!data.isEmpty, "\(url.lastPathComponent) is empty")
        }
        if let out = ProcessInfo.processInfo.environment["CONSOLIDA_SAMPLE_OUT"] {
            try OutputWriter.write(input, to: URL(fileURLWithPath: out))
        }
    }

    @Test func writingIntoAFileFails() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("consolida-notadir-\(UUID().uuidString)")
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: OutputWriteError.self) { try OutputWriter.write(Sample.input, to: file) }
    }
}
