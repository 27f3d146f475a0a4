import Receivables
import Tabular
import Testing
@testable import Mapping
import TestSupport

/// Row accounting holds for any table, however messy: generated sheets mixing titles, blank rows,
/// good rows, bad amounts and dates, totals, repeated headers and stray notes.
struct AccountingPropertyTests {
    static func messyTable(seed: UInt64) -> [[String]] {
        var rng = SeededRandom(state: seed)
        let header = ["Cliente", "RIF", "Factura", "Fecha", "Monto", "Saldo", "Notas"]
        var rows: [[String]] = []
        for _ in 0..<Int.random(in: 0...3, using: &rng) { rows.append(Bool.random(using: &rng) ? ["Título"] : []) }
        rows.append(header)
        let pieces: [[String]] = [
            ["Acme", "J-30123456-1", "F-1", "01/02/2024", "1.234,56", "10,00", ""],
            ["Beta", "", "F-2", "2024-02-30", "10", "5", ""],
            ["Gamma", "V-11470283-4", "", "01/02/2024", "10", "5", ""],
            ["Delta", "x", "F-3", "", "abc", "", "nota"],
            ["TOTAL", "", "", "", "1.000,00", "", ""],
            [],
            ["", "", "", "", "", "", ""],
            header,
            ["Sólo una nota al pie"],
            ["Eps", "J-30123456-1", "F-4", "15/03/24", "(12,50)", "", "", "sobra"],
        ]
        for _ in 0..<Int.random(in: 0...40, using: &rng) {
            rows.append(pieces[Int.random(in: 0..<pieces.count, using: &rng)])
        }
        return rows
    }

    @Test(arguments: 0..<60)
    func accountingBalances(seed: Int) {
        let table = Self.messyTable(seed: UInt64(seed))
        let batch = Importer(options: ImportOptions(country: "VE")).importSource(MemorySource(csv: table))
        let read = batch.accounting.reduce(0) { $0 + $1.rowsRead }
        #expect(read == table.count)
        #expect(batch.accounting.allSatisfy { $0.balances })
        let imported = batch.accounting.reduce(0) { $0 + $1.imported }
        let rejected = batch.accounting.reduce(0) { $0 + $1.rejected }
        #expect(imported == batch.invoices.count)
        #expect(rejected == batch.rejects.count)
    }

    /// Small chunks change nothing (the same records, rejects and accounting as one pass), and a
    /// window much smaller than the table still accounts for every row. (With a tiny window the
    /// table's mapping is decided from its first rows only, so the records may differ.)
    @Test(arguments: 0..<40)
    func chunksChangeNothingAndSmallWindowsAccountForEveryRow(seed: Int) {
        let table = Self.messyTable(seed: UInt64(seed))
        let whole = Importer(options: ImportOptions(country: "VE")).importSource(MemorySource(csv: table))
        var chunked = ImportOptions(country: "VE")
        chunked.flushRows = 3
        let inChunks = Importer(options: chunked).importSource(MemorySource(csv: table))
        #expect(inChunks.invoices == whole.invoices && inChunks.customers == whole.customers)
        #expect(inChunks.payments == whole.payments && inChunks.rejects == whole.rejects)
        #expect(inChunks.accounting == whole.accounting)

        var windowed = chunked
        windowed.windowRows = 6
        let streamed = Importer(options: windowed).importSource(MemorySource(csv: table))
        #expect(streamed.accounting.reduce(0) { $0 + $1.rowsRead } == table.count)
        #expect(streamed.accounting.allSatisfy { $0.balances })
        let records = streamed.invoices.count + streamed.payments.count
            + streamed.customers.filter { !$0.id.rawValue.hasSuffix("/customer") }.count
        #expect(streamed.accounting.reduce(0) { $0 + $1.imported } == records)
        #expect(streamed.accounting.reduce(0) { $0 + $1.rejected } == streamed.rejects.count)
    }
}
