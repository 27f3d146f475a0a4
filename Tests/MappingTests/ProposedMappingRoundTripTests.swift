import Tabular
import Testing
@testable import Mapping

/// `consolida map` then `consolida import --mapping` gives what automatic mapping gives, for the
/// layouts the mapping rules for names, money headers and bank statements are about.
struct ProposedMappingRoundTripTests {
    static let tables: [(String, [[String]])] = [
        ("nombre-apellido.csv", [["Apellido", "Nombre", "RIF", "Factura", "Fecha", "Monto"],
                                 ["González", "María", "V-14567890-2", "F1", "01/02/2024", "100,50"]]),
        ("nome-sobrenome.csv", [["Nome", "Sobrenome", "CPF", "Nº da Nota", "Data", "Valor"],
                                ["João", "Silva", "111.444.777-35", "N1", "01/02/2024", "100,50"]]),
        ("nombre-y-apellido.csv", [["Nombre y Apellido", "Cédula", "Factura", "Monto"], ["María González", "V-14567890", "F1", "100"]]),
        ("porcentaje.csv", [["Cliente", "Factura", "Fecha", "Monto", "Pagado %", "Saldo"],
                            ["Abasto Luna C.A.", "F-1", "01/03/2024", "100,00", "0,5", "50,00"]]),
        ("monto-abonado.csv", [["Cliente", "Factura", "Fecha", "Monto Total", "Monto Abonado", "Saldo"],
                               ["Abasto Luna C.A.", "F-1", "01/03/2024", "100,00", "40,00", "60,00"]]),
        ("banco.csv", [["Fecha", "Referencia", "Concepto", "Cargo", "Abono", "Saldo"],
                       ["03/06/2024", "000998877", "TRANSF DE ABASTO LUNA C.A.", "", "1.234,56", "11.234,56"],
                       ["04/06/2024", "000998878", "PAGO PROVEEDOR SERVICIOS", "500,00", "", "10.734,56"]]),
        ("ordenante.csv", [["Fecha", "Referencia", "Ordenante", "Monto"], ["03/06/2024", "000998877", "ABASTO LUNA C.A.", "1.234,56"]]),
    ]

    @Test(arguments: tables.map(\.0))
    func proposedMappingReproducesTheImport(_ name: String) throws {
        let rows = try #require(Self.tables.first { $0.0 == name }?.1)
        let source = MemorySource(path: name, csv: rows)
        let options = ImportOptions(country: "VE", currency: "USD")
        let automatic = Importer(options: options).importSource(source)
        let (proposal, _) = Importer(options: options).proposeMapping(source)
        let reread = try MappingFile.parse(yaml: try proposal.yaml(comment: "x"))
        let mapped = Importer(options: ImportOptions(mapping: reread, country: "VE", currency: "USD")).importSource(source)
        #expect(automatic.customers.count + automatic.payments.count > 0)
        #expect(mapped.invoices == automatic.invoices)
        #expect(mapped.customers == automatic.customers)
        #expect(mapped.payments == automatic.payments)
        #expect(mapped.rejects == automatic.rejects)
        #expect(mapped.accounting == automatic.accounting)
    }

    /// The whole name is read from both columns, first name first, and `map` writes both.
    @Test func firstAndLastNameAreWrittenAndRead() throws {
        let rows = try #require(Self.tables.first { $0.0 == "nombre-apellido.csv" }?.1)
        let source = MemorySource(path: "nombre-apellido.csv", csv: rows)
        let options = ImportOptions(country: "VE", currency: "USD")
        let (proposal, _) = Importer(options: options).proposeMapping(source)
        let spec = try #require(proposal.tables.first?.columns["customer_name"])
        #expect(spec.headers == ["Nombre", "Apellido"] && spec.columns == ["B", "A"])
        #expect(Importer(options: options).importSource(source).customers.first?.name?.value == "María González")
    }
}
