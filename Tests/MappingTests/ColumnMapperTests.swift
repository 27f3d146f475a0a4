import Tabular
import Testing
@testable import Mapping

struct ColumnMapperTests {
    let mapper = ColumnMapper(settings: .defaults, country: "VE")

    func map(_ headers: [String], _ rows: [[String]], title: String? = nil) -> TableMapping {
        let hs = headers.enumerated().map { ColumnHeader(column: $0.offset + 1, text: $0.element) }
        var samples: [Int: [CellValue]] = [:]
        for r in rows { for (i, v) in r.enumerated() where !v.isEmpty { samples[i + 1, default: []].append(.text(v)) } }
        return mapper.map(headers: hs, samples: samples, title: title)
    }

    @Test(arguments: [
        ("Razón Social", Field.customerName), ("RAZON SOCIAL", .customerName), ("R.I.F.", .taxID), ("Nº Factura", .documentNumber),
        ("N° de factura", .documentNumber), ("Fecha de Emisión", .issueDate), ("Vencimiento", .dueDate), ("Importe", .amount),
        ("Abonado", .paid), ("Saldo pendiente", .balance), ("Moneda", .currency), ("Teléfono", .phone), ("Celular", .phone),
        ("WhatsApp", .phone), ("Correo electrónico", .email), ("Dirección", .address), ("Ciudad", .city),
        ("Vendedor", .salesperson), ("Cobrador", .salesperson), ("Observaciones", .notes), ("CNPJ", .taxID),
        ("Data de vencimento", .dueDate), ("Valor", .amount), ("Invoice No.", .documentNumber), ("Due Date", .dueDate),
        ("Outstanding", .balance), ("Customer", .customerName), ("Fecha de pago", .paymentDate), ("Forma de pago", .paymentMethod),
        // Abbreviations and delivery documents a sheet numbers its documents under.
        ("Fact.", .documentNumber), ("Fra.", .documentNumber), ("Nº Fra.", .documentNumber), ("Nº Doc.", .documentNumber),
        ("Albarán", .documentNumber), ("Remisión", .documentNumber), ("Nota de entrega", .documentNumber),
        ("Nº Albarán", .documentNumber), ("Guía de despacho", .documentNumber),
        ("Vto. Fact.", .dueDate), ("Venc. Factura", .dueDate), ("Fecha Vto. Doc.", .dueDate),
    ])
    func headerSynonyms(_ header: String, _ field: Field) {
        let hs = [ColumnHeader(column: 1, text: header)]
        #expect(mapper.headerMatch(hs[0])?.0 == field)
    }

    /// `Fac` names the document only as the whole header: `Mfg/Fac` is another thing.
    @Test func abbreviationsNameTheDocumentOnlyAlone() {
        #expect(mapper.headerMatch(ColumnHeader(column: 1, text: "Mfg/Fac"))?.0 != .documentNumber)
        #expect(mapper.headerMatch(ColumnHeader(column: 1, text: "Fac."))?.0 == .documentNumber)
    }

    /// Dates are no tax IDs whatever their digits check as (`31/03/2024`, a valid RUT's digits).
    @Test func datesAreNoTaxIDs() {
        let m = map(["Cliente", "Nº Fact.", "Fecha", "Vencim. Doc", "Monto"],
                    [["Delta", "1", "01/03/2024", "31/03/2024", "100,00"], ["Epsilon", "2", "02/03/2024", "31/03/2024", "200,00"],
                     ["Zeta", "3", "03/03/2024", "26/03/2024", "300,00"]])
        #expect(m[.taxID] == nil)
    }

    /// A delivery note's number beside the invoice's: the invoice's is the document number.
    @Test func theInvoiceNumberBeatsADeliveryNotes() {
        let m = map(["Cliente", "RIF", "Albarán", "Factura", "Fecha", "Monto"],
                    [["Acme C.A.", "J-30123456-1", "ALB-555", "2002", "05/02/2024", "800,00"]])
        #expect(m[.documentNumber]?.columns == [4])
        let alone = map(["Cliente", "Albarán", "Fecha", "Monto"], [["Acme C.A.", "ALB-555", "05/02/2024", "800,00"]])
        #expect(alone[.documentNumber]?.columns == [2])
    }

    /// `Debe` without `Haber` is what each document still owes: its balance (with `Haber` it is an
    /// account statement's charge; see AccountStatementTests).
    @Test func owedColumnIsTheBalance() {
        let m = map(["Cliente", "RIF", "Factura", "Fecha", "Vence", "Total", "Debe"],
                    [["Acme C.A.", "J-30123456-1", "1001", "05/02/2024", "06/03/2024", "1.250,00", "250,00"],
                     ["Beta C.A.", "J-30555666-0", "1003", "01/03/2024", "31/03/2024", "2.000,00", "0,00"]])
        #expect(m.kind == .invoices)
        #expect(m[.amount]?.columns == [6])
        #expect(m[.balance]?.columns == [7])
        #expect(m.extras.isEmpty)
        // A table of no documents (a bank's `Debe`, money out) keeps it as it was.
        let bank = map(["Fecha", "Concepto", "Debe", "Haber"], [["05/02/2024", "TRANSF", "", "250,00"]])
        #expect(bank[.balance] == nil)
    }

    @Test func invoiceTableWithConfidences() {
        let m = map(["Cliente", "RIF", "Nº Factura", "Fecha", "Vence", "Monto", "Abonado", "Saldo", "Zona"],
                    [["Acme C.A.", "J-30123456-1", "00105", "15/01/2024", "14/02/2024", "1.200,00", "350,00", "850,00", "Norte"]])
        #expect(m.kind == .invoices)
        #expect(m[.customerName]?.columns == [1])
        #expect(m[.taxID]?.columns == [2])
        #expect(m[.documentNumber]?.columns == [3])
        #expect(m[.issueDate]?.columns == [4] && m[.dueDate]?.columns == [5])
        #expect(m[.amount]?.columns == [6] && m[.paid]?.columns == [7] && m[.balance]?.columns == [8])
        #expect(m.extras.map(\.text) == ["Zona"])
        #expect(m.fields.allSatisfy { $0.confidence > 0.5 && $0.confidence <= 1 })
    }

    @Test func columnOfValidRIFsIsTheTaxIDWhateverItsHeader() {
        let m = map(["Nombre", "Documento", "Factura", "Saldo"],
                    [["Acme", "J-30123456-1", "F-1", "10"], ["Beta", "J-29654321-6", "F-2", "20"],
                     ["Gamma", "V-11470283-4", "F-3", "30"]])
        #expect(m[.taxID]?.columns == [2])
        #expect(m[.documentNumber]?.columns == [3])
    }

    @Test func headerIsNotEnoughWhenValuesDisagree() {
        // "Fecha" over text that is no date does not map as a date.
        let m = map(["Cliente", "Fecha", "Factura", "Saldo"], [["Acme", "pendiente", "F-1", "10"], ["B", "ver nota", "F-2", "5"]])
        #expect(m[.issueDate] == nil)
        #expect(m.extras.map(\.text) == ["Fecha"])
    }

    @Test func firstAndLastNameMakeTheCustomerName() {
        let m = map(["Nombres", "Apellidos", "Cédula", "Teléfono"], [["Ana", "Pérez", "V-11470283-4", "0412-5551234"]])
        #expect(m.kind == .customers)
        #expect(m[.customerName]?.columns == [1, 2])
    }

    @Test func recordKinds() {
        #expect(map(["Cliente", "RIF", "Teléfono", "Correo"], []).kind == .customers)
        #expect(map(["Fecha", "Referencia", "RIF ordenante", "Monto", "Factura"], []).kind == .payments)
        #expect(map(["Fecha", "Cliente", "Monto"], [], title: "Pagos recibidos").kind == .payments)
        #expect(map(["Factura", "Cliente", "Total", "Saldo"], []).kind == .invoices)
    }

    @Test func severalPhoneColumns() {
        let m = map(["Cliente", "Teléfono", "Celular"], [["A", "0212-5551234", "0412-5551234"]])
        #expect(m[.phone]?.columns == [2, 3])
    }
}
