import Tabular
import Testing
@testable import Mapping

/// An email cell that holds no valid address is kept as written in the customer's emails, with a
/// MAP-EMAIL-FORMAT warning for each piece, on the record and plain-row paths alike. (The columns
/// hold mostly valid addresses: a column of few is not taken for emails at all, and is kept as an
/// extra attribute.)
struct InvalidEmailImportTests {
    static let cells = ["bad-email@", "pagos@losandes.cl", "mar@kiosko", "ventas@abasto.com", "juan.soto@gmail",
                        "Ana@Acme.com", "rey at taller.com", "ok@acme.com; malo@", "iris@gmail.com"]

    @Test func invalidEmailsAreKeptAndReported() throws {
        let rows = [["Cliente", "Nº Factura", "Monto", "Correo"]]
            + Self.cells.enumerated().map { ["Cliente \($0.offset)", "F-\($0.offset)", "10,00", $0.element] }
        let (plain, plainCount) = PlainRowTests.run(rows, plainRows: true)
        let records = PlainRowTests.run(rows, plainRows: false).0
        #expect(plain == records)
        #expect(plainCount == Self.cells.count)
        // The emails field (sixth of a customer's values) holds every piece, the valid ones normalized.
        let emails = records.customers.map { $0.split(separator: "|", omittingEmptySubsequences: false)[5] }
        #expect(emails == ["bad-email@", "pagos@losandes.cl", "mar@kiosko", "ventas@abasto.com", "juan.soto@gmail",
                           "ana@acme.com", "rey at taller.com", "ok@acme.com;malo@", "iris@gmail.com"])
        let warned = records.diagnostics.filter { $0.code == "MAP-EMAIL-FORMAT" }
        #expect(warned.map(\.found) == ["bad-email@", "mar@kiosko", "juan.soto@gmail", "rey at taller.com", "malo@"])
        #expect(warned.allSatisfy { $0.severity == .warning && $0.location?.column == 4 })
    }

    @Test func customerTablesKeepThemToo() throws {
        let source = MemorySource(csv: [["Cliente", "RIF", "Correo"],
                                        ["Abasto Luna", "J-30123456-1", "ventas@abasto.com"],
                                        ["Taller Rey", "J-40123456-9", "rey at taller.com"],
                                        ["Bodega Sol", "J-29876543-0", "sol@bodega.com.ve"]])
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(source)
        let customer = try #require(batch.customers.dropFirst().first)
        #expect(customer.emails.map(\.value) == ["rey at taller.com"])
        #expect(customer.emails.first?.provenance?.location.column == 3)
        #expect(customer.extra.isEmpty)
        #expect(batch.diagnostics.filter { $0.code == "MAP-EMAIL-FORMAT" }.map(\.found) == ["rey at taller.com"])
    }
}
