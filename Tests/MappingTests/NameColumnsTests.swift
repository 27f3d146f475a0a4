import Tabular
import Testing
@testable import Mapping

/// Customer names written whole (`Nombre y Apellido`), split in two (`Nombre` + `Apellido`), or as
/// the payer of a payments table (`Ordenante`).
struct NameColumnsTests {
    /// Headers that name the first name and the surname together name the whole name.
    @Test(arguments: [
        "Nombre y Apellido", "Nombres y Apellidos", "Apellidos y Nombres", "Nombre completo", "Apellido y Nombre",
        "Nome completo", "Nome e Sobrenome", "Apellidos, Nombres", "Nombre y Apellido del Cliente", "First and Last Name",
        "Full Name",
    ])
    func wholeNameHeaders(_ header: String) {
        #expect(AutomaticMapping.field(header) == .customerName)
        let m = AutomaticMapping.of(["Cédula", header, "Factura", "Monto"],
                                    text: [["V-14567890", "María González", "F1", "100"]])
        #expect(m[.customerName]?.columns == [2])
        #expect(m.extraHeaders.isEmpty)
    }

    /// A sentence that mentions a name and a surname is no header naming the whole name.
    @Test func aLongTextAboutSurnamesIsNoWholeName() {
        #expect(AutomaticMapping.field("definition: the surname, or family name of an individual") != .customerName)
    }

    /// Beside a surname column and no whole-name column, a bare `Nombre` is the first name: the two
    /// make the customer's name, first name first, whichever column comes first.
    @Test(arguments: [
        (["Nombre", "Apellido", "Factura", "Monto"], [1, 2]),
        (["Apellido", "Nombre", "Factura", "Monto"], [2, 1]),
        (["Nombres", "Apellidos", "Factura", "Monto"], [1, 2]),
        (["Nome", "Sobrenome", "Factura", "Monto"], [1, 2]),
        (["Name", "Surname", "Factura", "Monto"], [1, 2]),
        (["First Name", "Last Name", "Factura", "Monto"], [1, 2]),
        // A customer code is no name: it does not take the customer name from the two.
        (["Cód. Cliente", "Nombre", "Apellido", "Factura", "Monto"], [2, 3]),
    ])
    func firstAndLastNameMakeTheName(_ headers: [String], _ columns: [Int]) {
        let values: [String: String] = ["Cód. Cliente": "C010", "Factura": "F1", "Monto": "100"]
        let first = ["Nombre", "Nombres", "Nome", "Name", "First Name"], last = ["Apellido", "Apellidos", "Sobrenome", "Surname", "Last Name"]
        let row = headers.map { h in first.contains(h) ? "María" : last.contains(h) ? "González" : values[h] ?? "" }
        let m = AutomaticMapping.of(headers, text: [row])
        #expect(m.kind == .invoices)
        #expect(m[.customerName]?.columns == columns)
        #expect(m[.firstName] == nil && m[.lastName] == nil)
    }

    /// Beside a whole-name column, first and last name are extras, whatever their order.
    @Test(arguments: [["Nombre", "Apellido", "Razón Social"], ["Razón Social", "Nombre", "Apellido"]])
    func wholeNameColumnWins(_ headers: [String]) {
        let m = AutomaticMapping.of(headers + ["Factura", "Monto"], text: [["Ana", "Pérez", "Acme C.A.", "F1", "100"]])
        let wholeName = headers.firstIndex(of: "Razón Social")! + 1
        #expect(m[.customerName]?.columns == [wholeName])
        #expect(Set(m.extraHeaders) == ["Nombre", "Apellido"])
    }

    /// Alone, a bare `Nombre` is the whole name still.
    @Test func bareNameAloneIsTheWholeName() {
        let m = AutomaticMapping.of(["Nombre", "Factura", "Monto"], text: [["María González", "F1", "100"]])
        #expect(m[.customerName]?.columns == [1])
    }

    /// The payer of a payments table is the customer.
    @Test(arguments: ["Ordenante", "Pagador", "Depositante", "Remitente", "Titular", "Cliente", "Nombre del Ordenante"])
    func payerColumnsNameTheCustomer(_ header: String) {
        let m = AutomaticMapping.of(["Fecha", "Referencia", header, "Monto"],
                                    text: [["03/06/2024", "000998877", "ABASTO LUNA C.A.", "1.234,56"]])
        #expect(m.kind == .payments)
        #expect(m[.customerName]?.columns == [3])
        #expect(m[.paymentReference]?.columns == [2])
    }

    /// Outside a payments table a payer word names nothing (`Titular` of a customer list's bank account).
    @Test func payerWordsOnlyInPaymentsTables() {
        let m = AutomaticMapping.of(["Razón Social", "RIF", "Titular"], text: [["Acme C.A.", "J-30123456-1", "Ana Pérez"]])
        #expect(m.kind == .customers)
        #expect(m[.customerName]?.columns == [1])
        #expect(m.extraHeaders == ["Titular"])
    }

    /// The tax ID beside the payer (`RIF Ordenante`) stays the tax ID.
    @Test func payerTaxIDStaysTheTaxID() {
        let m = AutomaticMapping.of(["Fecha Valor", "Nro. Operación", "Detalle", "Ordenante", "RIF Ordenante", "Importe"],
                                    text: [["03/06/2024", "000998877", "TRANSFERENCIA", "ABASTO LUNA C.A.", "J-30123456-1", "1.234,56"]])
        #expect(m.kind == .payments)
        #expect(m[.customerName]?.columns == [4])
        #expect(m[.taxID]?.columns == [5])
    }

    /// A customer noun beside another field's word says whose the value is; with a code word it is
    /// the customer's code, which no field holds.
    @Test(arguments: [
        ("Teléfono del cliente", Field.phone), ("Email cliente", .email), ("Correo cliente", .email),
        ("Ciudad cliente", .city), ("Saldo cliente", .balance), ("RIF Cliente", .taxID), ("Dirección empresa", .address),
        ("Nombre de la empresa", .customerName), ("Razón social del cliente", .customerName),
    ])
    func customerNounsSayWhose(_ header: String, _ field: Field) {
        #expect(AutomaticMapping.field(header) == field)
    }

    @Test(arguments: ["Cód. Cliente", "Código Cliente", "ID Cliente", "Nº de Cliente", "Cliente Nro.", "Tipo de Cliente",
                      "Estado cliente", "Categoría cliente"])
    func customerCodesAndKindsAreNoNames(_ header: String) {
        #expect(AutomaticMapping.field(header) == nil)
    }
}
