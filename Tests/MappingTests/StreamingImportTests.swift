import CSVReader
import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// A streaming import (records handed over in small batches, a sheet read as a window and then row
/// by row) gives the same records and accounting as holding the whole sheet.
struct StreamingImportTests {
    /// An invoice list long enough to outgrow a small window, with blanks, a repeated header, a
    /// totals row and a bad date after the window's end.
    static let longSheet: [[String]] = {
        var rows = [["Reporte de cartera"], [""],
                    ["Cliente", "RIF", "Nº Factura", "Fecha", "Monto", "Saldo"]]
        for i in 1...40 {
            rows.append(["Cliente \(i % 7)", "J-30123456-7", "F-\(1000 + i)", "\(i % 28 + 1)/03/2024",
                         "1.\(100 + i),50", "\(i),00"])
            if i == 20 { rows.append([""]) }
            if i == 25 { rows.append(["Cliente", "RIF", "Nº Factura", "Fecha", "Monto", "Saldo"]) }
        }
        rows.append(["Cliente 9", "J-30123456-7", "F-2000", "31/02/2024", "10,00", "10,00"])
        rows.append(["TOTAL", "", "", "", "99.999,00", "9.999,00"])
        return rows
    }()

    static func run(window: Int, flush: Int) -> (ImportBatch, taken: ImportBatch) {
        var options = ImportOptions(country: "VE", currency: "VES")
        options.windowRows = window; options.flushRows = flush
        var batch = ImportBatch(), taken = ImportBatch(), handOvers = 0
        Importer(options: options).importSource(MemorySource(csv: longSheet), into: &batch) { b in
            handOvers += 1
            taken.customers += b.customers; taken.invoices += b.invoices; taken.rejects += b.rejects
            b.customers = []; b.invoices = []; b.rejects = []
        }
        #expect(handOvers > 1 || flush >= longSheet.count)
        return (batch, taken)
    }

    @Test(arguments: [(5, 3), (12, 1), (30, 7), (1_000, 4_096)])
    func windowsAndHandOversDoNotChangeTheResult(window: Int, flush: Int) {
        let whole = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(MemorySource(csv: Self.longSheet))
        let (kept, taken) = Self.run(window: window, flush: flush)
        #expect(taken.invoices == whole.invoices)
        #expect(taken.customers == whole.customers)
        #expect(taken.rejects == whole.rejects)
        #expect(kept.accounting == whole.accounting)
        #expect(kept.invoices.isEmpty && kept.customers.isEmpty)
        #expect(whole.invoices.count == 40)
        #expect(whole.rejects.map(\.code) == ["MAP-DATE-IMPOSSIBLE"])
        #expect(whole.accounting.count == 1 && whole.accounting[0].balances)
        #expect(whole.accounting[0].rowsRead == Self.longSheet.count)
        #expect(whole.accounting[0].totalsSkipped == 1)
    }

    /// Takes a chunk's invoices and keeps their IDs, as `consolida import` takes them to render rows.
    struct InvoiceIDs: ChunkEncoding {
        static var takesPlainRows: Bool { false }
        func encode(_ batch: inout ImportBatch, plain: PlainInvoiceRows) -> [RecordID] {
            defer { batch.invoices = [] }
            return batch.invoices.map(\.id)
        }
    }

    /// Records encoded on the workers reach the consumer in row order, after the batch's own, and
    /// nothing else changes.
    @Test(arguments: [(5, 3), (12, 1), (1_000, 4_096)])
    func encodedChunksArriveInRowOrder(window: Int, flush: Int) {
        let whole = Importer(options: ImportOptions(country: "VE", currency: "VES")).importSource(MemorySource(csv: Self.longSheet))
        var options = ImportOptions(country: "VE", currency: "VES")
        options.windowRows = window; options.flushRows = flush
        var batch = ImportBatch(), ids: [RecordID] = [], customers: [Customer] = [], rejects: [Reject] = []
        Importer(options: options).importSource(MemorySource(csv: Self.longSheet), encoding: InvoiceIDs(), into: &batch) { b, encoded in
            #expect(b.invoices.isEmpty)
            ids += encoded.flatMap { $0 }
            customers += b.customers; rejects += b.rejects
            b.customers = []; b.rejects = []
        }
        #expect(ids == whole.invoices.map(\.id))
        #expect(customers == whole.customers)
        #expect(rejects == whole.rejects)
        #expect(batch.accounting == whole.accounting)
    }

    @Test func aSheetWithoutHeaderIsRejectedRowByRowPastTheWindow() {
        var options = ImportOptions()
        options.windowRows = 2
        let rows = (1...9).map { ["nota \($0)", "sin encabezado"] }
        var batch = ImportBatch()
        Importer(options: options).importSource(MemorySource(csv: rows), into: &batch) { _ in }
        #expect(batch.rejects.count == 9)
        #expect(batch.rejects.map { $0.location.row } == Array(1...9))
        #expect(batch.accounting.first?.rowsRead == 9 && batch.accounting.first?.balances == true)
    }

    @Test func aWarningOnEveryRowIsListedUpToTheLimitAndCountedBeyondIt() {
        let rows = [["Cliente", "RIF", "Nº Factura", "Monto"]]
            + (1...(ImportBatch.listedPerCode + 250)).map { ["Cliente \($0)", "J-30123456-0", "F-\($0)", "10,00"] }
        var options = ImportOptions(country: "VE", currency: "VES")
        options.flushRows = 100
        let batch = Importer(options: options).importSource(MemorySource(csv: rows))
        let listed = batch.diagnostics.filter { $0.code == "MAP-TAXID-CHECK-DIGIT" }
        #expect(listed.count == ImportBatch.listedPerCode)
        #expect(batch.diagnosticsNotListed["MAP-TAXID-CHECK-DIGIT"] == 250)
        #expect(batch.diagnosticCounts["MAP-TAXID-CHECK-DIGIT"] == ImportBatch.listedPerCode + 250)
        #expect(listed.last?.location?.row == ImportBatch.listedPerCode + 1)
    }
}
