import Foundation
import Collections
import Receivables
import Reconcile
import Reports
import Tabular

/// A small hand-built company: three customers (one name carries HTML, one a formula), documents
/// in two currencies, a credit note, payments, contacts, promises, discrepancies and rejects.
enum Sample {
    static func date(_ iso: String) -> LocalDate {
        guard let d = LocalDate(iso: iso) else { preconditionFailure("bad test date \(iso)") }
        return d
    }

    static func money(_ text: String, _ currency: Currency? = .usd) -> Money {
        guard let m = Money(text, currency) else { preconditionFailure("bad test amount \(text)") }
        return m
    }

    static func xlsx(_ sheet: String, _ row: Int, column: Int? = nil, file: String = "ventas-ana.xlsx") -> Provenance {
        Provenance(SourceLocation(file: file, sheet: sheet, row: row, column: column), sourceLabel: "Vendedora Ana")
    }

    static func csv(_ row: Int, line: Int? = nil, column: Int? = nil, file: String = "erp.csv") -> Provenance {
        Provenance(SourceLocation(file: file, row: row, column: column, line: line ?? row), sourceLabel: "ERP")
    }

    static let asOf = date("2026-03-31")

    static var result: ReconciliationResult {
        let ferreteria = ConsolidatedCustomer(
            customerID: "C-00000001", name: "Ferretería El Tornillo, C.A.",
            taxID: TaxID(normalized: "J301234567", country: "VE", kind: .rif, isCompany: true, validity: .valid,
                         display: "J-30123456-7"),
            phones: ["+584125551234", "+582125550000"], emails: ["pagos@tornillo.example"],
            address: "Av. Bolívar 12, \"Local 3\"\nValencia", salesperson: "Ana", currency: .usd,
            members: [
                CustomerMember(customerID: "C-00000001", record: RecordID("ventas-ana.xlsx#Clientes!4"),
                               provenance: xlsx("Clientes", 4), sourceName: "Ferreteria El Tornillo",
                               sourceTaxID: "J-30123456-7", matchScore: nil, matchRule: "seed"),
                CustomerMember(customerID: "C-00000001", record: RecordID("erp.csv#7"), provenance: csv(7),
                               sourceName: "FERRETERIA EL TORNILLO CA", sourceTaxID: "J301234567",
                               matchScore: 0.98765, matchRule: "tax_id"),
            ],
            decisions: [FieldDecision(field: "name", value: "Ferretería El Tornillo, C.A.",
                                      chosenFrom: xlsx("Clientes", 4), rule: "most_complete")])
        let hostile = ConsolidatedCustomer(
            customerID: "C-00000002", name: "<script>alert('x')</script> & Hijos", phones: ["+573001112233"],
            salesperson: "=HYPERLINK(\"http://evil\")", currency: .usd,
            members: [CustomerMember(customerID: "C-00000002", record: RecordID("notas.txt#L3"),
                                     provenance: Provenance(SourceLocation(file: "notas.txt", line: 3)),
                                     sourceName: "<script>alert('x')</script> & Hijos", sourceTaxID: nil,
                                     matchScore: nil, matchRule: "seed")])
        let formula = ConsolidatedCustomer(
            customerID: "C-00000003", name: "=1+2", emails: ["@cmd"], currency: .ves,
            members: [CustomerMember(customerID: "C-00000003", record: RecordID("erp.csv#9"), provenance: csv(9),
                                     sourceName: "=1+2", sourceTaxID: "-5", matchScore: nil, matchRule: "seed")])
        let invoices = [
            ConsolidatedInvoice(customerID: "C-00000001", documentNumber: "F-0012", documentType: .invoice,
                                issueDate: date("2025-12-01"), dueDate: date("2025-12-31"), currency: .usd,
                                amount: money("1500.00"), paid: money("500"), balance: money("1000.00"),
                                members: [RecordID("ventas-ana.xlsx#Facturas!5"), RecordID("erp.csv#12")],
                                memberProvenance: [xlsx("Facturas", 5), csv(12)], hasConflict: true),
            ConsolidatedInvoice(customerID: "C-00000001", documentNumber: "NC-0003", documentType: .creditNote,
                                issueDate: date("2026-03-20"), dueDate: nil, currency: .usd, amount: money("120.5"),
                                paid: nil, balance: nil, members: [RecordID("erp.csv#13")],
                                memberProvenance: [csv(13)], hasConflict: false),
            ConsolidatedInvoice(customerID: "C-00000001", documentNumber: "F-0020", documentType: .invoice,
                                issueDate: date("2026-03-10"), dueDate: date("2026-04-09"), currency: .usd,
                                amount: money("300"), paid: nil, balance: money("300"), members: [RecordID("erp.csv#14")],
                                memberProvenance: [csv(14)], hasConflict: false),
            ConsolidatedInvoice(customerID: "C-00000002", documentNumber: "=SUM(A1)", documentType: .invoice,
                                issueDate: date("2026-01-15"), dueDate: date("2026-02-14"), currency: .usd,
                                amount: money("80"), paid: nil, balance: money("80"), members: [RecordID("notas.txt#L3")],
                                memberProvenance: [Provenance(SourceLocation(file: "notas.txt", line: 3))],
                                hasConflict: false),
            ConsolidatedInvoice(customerID: "C-00000003", documentNumber: "V-1", documentType: .debitNote,
                                issueDate: date("2026-02-01"), dueDate: date("2026-03-01"), currency: .ves,
                                amount: money("2500000.75", .ves), paid: nil, balance: money("2500000.75", .ves),
                                members: [RecordID("erp.csv#15")], memberProvenance: [csv(15)], hasConflict: false),
        ]
        let payments = [
            ConsolidatedPayment(customerID: "C-00000001", invoiceNumber: "F-0012", invoiceFound: true,
                                payment: Payment(id: RecordID("banco.csv#3"), date: Sourced(date("2026-03-05")),
                                                 amount: Sourced(money("500")), reference: Sourced("TRX-991"),
                                                 method: Sourced("transferencia"), provenance: csv(3, file: "banco.csv"))),
            ConsolidatedPayment(customerID: nil, invoiceNumber: "F-9999", invoiceFound: false,
                                payment: Payment(id: RecordID("banco.csv#4"), date: Sourced(date("2026-03-06")),
                                                 amount: Sourced(money("-25")), reference: Sourced("+REV"),
                                                 provenance: csv(4, file: "banco.csv"))),
        ]
        let contacts = [
            ReconciliationResult.AttachedContact(customerID: "C-00000001", event: ContactEvent(
                id: RecordID("chat-ana.txt#L10"), customer: nil, date: date("2026-03-01"),
                time: TimeOfDay(hour: 9, minute: 30), channel: .whatsapp, author: "Ana", outcome: .promiseToPay,
                outcomeConfidence: 0.9, text: "Le pago el viernes 6, \"seguro\"", mentionedAmounts: [money("500")],
                mentionedInvoices: ["F-0012"],
                provenance: Provenance(SourceLocation(file: "chat-ana.txt", line: 10)))),
        ]
        let promises = [
            ReconciliationResult.AttachedPromise(customerID: "C-00000001", promise: PromiseToPay(
                id: RecordID("chat-ana.txt#L10/p1"), customer: nil, madeOn: date("2026-03-01"),
                promisedDate: date("2026-03-06"), amount: money("500"), invoiceNumbers: ["F-0012"], confidence: 0.8,
                text: "Le pago el viernes 6", provenance: Provenance(SourceLocation(file: "chat-ana.txt", line: 10)))),
            ReconciliationResult.AttachedPromise(customerID: "C-00000002", promise: PromiseToPay(
                id: RecordID("notas.txt#L4/p1"), customer: nil, madeOn: date("2026-02-20"),
                promisedDate: date("2026-02-27"), amount: money("80"), confidence: 0.6,
                text: "-paga la otra semana", provenance: Provenance(SourceLocation(file: "notas.txt", line: 4)))),
        ]
        let discrepancies = [
            Discrepancy(id: "D-0000000A", kind: "invoice_amount_conflict", severity: .error, entity: "invoice",
                        entityID: "C-00000001/F-0012", field: "balance",
                        values: [.init(value: "1000.00", provenance: xlsx("Facturas", 5, column: 6)),
                                 .init(value: "1200.00", provenance: csv(12, column: 8))],
                        chosen: "1000.00", rule: "most_recent", message: "El saldo difiere entre fuentes."),
            Discrepancy(id: "D-0000000B", kind: "customer_field_conflict", severity: .warning, entity: "customer",
                        entityID: "C-00000001", field: "phones",
                        values: [.init(value: "+584125551234", provenance: xlsx("Clientes", 4, column: 3)),
                                 .init(value: "<b>0412-555</b>", provenance: csv(7, column: 4))],
                        chosen: "+584125551234", rule: "source_priority", message: "Teléfonos distintos, \"a | b\"."),
            Discrepancy(id: "D-0000000C", kind: "unknown_invoice_payment", severity: .warning, entity: "payment",
                        entityID: "banco.csv#4", field: "invoice_number",
                        values: [.init(value: "F-9999", provenance: csv(4, column: 2, file: "banco.csv"))],
                        chosen: nil, rule: nil, message: "El pago nombra una factura que no existe."),
        ]
        return ReconciliationResult(customers: [formula, hostile, ferreteria], invoices: invoices.reversed(),
                                    payments: payments, contacts: contacts, promises: promises,
                                    discrepancies: discrepancies.reversed(), customerIDByRecord: [:])
    }

    static var batch: ImportBatch {
        var b = ImportBatch()
        var erp = SourceAccounting(file: "erp.csv")
        erp.rowsRead = 20; erp.imported = 16; erp.rejected = 2; erp.headerRows = 1; erp.blank = 1
        var ana = SourceAccounting(file: "ventas-ana.xlsx", sheet: "Facturas")
        ana.rowsRead = 12; ana.imported = 9; ana.rejected = 1; ana.headerRows = 2
        b.accounting = [erp, ana]
        b.rejects = [
            Reject(location: SourceLocation(file: "erp.csv", row: 17, column: 5, line: 18), code: "MAP-BAD-AMOUNT",
                   reason: "monto ilegible", rawText: "F-77 | =cmd|' /C calc'!A0 | 12,5O"),
            Reject(location: SourceLocation(file: "ventas-ana.xlsx", sheet: "Facturas", row: 9), code: "MAP-NO-AMOUNT",
                   reason: "fila sin monto", rawText: "F-0031 | | "),
            Reject(location: SourceLocation(file: "erp.csv", row: 4, line: 4), code: "MAP-NO-CUSTOMER",
                   reason: "sin cliente", rawText: "-12 | \"x\""),
        ]
        b.diagnostics = [Diagnostic(.warning, code: "CSV-ENCODING-GUESSED", "encoding guessed as Windows-1252",
                                    at: SourceLocation(file: "erp.csv"))]
        return b
    }

    static var input: ReportInput {
        let r = result
        return ReportInput(result: r, batch: batch,
                           collections: CollectionsReport(result: r, settings: CollectionsSettings(asOf: asOf)))
    }

    /// The rendered files by name.
    static func files(_ input: ReportInput = Sample.input) -> [String: String] {
        Dictionary(uniqueKeysWithValues: OutputWriter.render(input).map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
    }
}
