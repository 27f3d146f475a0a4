import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// Plain invoice rows (``PlainInvoiceRow``) carry exactly what the records of the same rows would,
/// arrive in row order among the records of rows that are not plain, and raise the same
/// diagnostics at the same places.
struct PlainRowTests {
    /// An invoice's and its customer's values as one line, from records or from a plain row.
    struct Flattened: ChunkEncoding {
        static var takesPlainRows: Bool { true }

        func encodeValues(of c: Customer) -> [UInt8] { Array(Self.values(of: c).utf8) }

        func encode(_ batch: inout ImportBatch, plain: PlainInvoiceRows) -> (customers: [String], invoices: [String], plain: Int) {
            var customers: [String] = [], invoices: [String] = []
            var c = 0, i = 0
            for p in plain.rows {
                while c < p.customersBefore { customers.append(Self.line(batch.customers[c])); c += 1 }
                while i < p.invoicesBefore { invoices.append(Self.line(batch.invoices[i])); i += 1 }
                let id = plain.customerID(of: p), location = plain.location(of: p)
                customers.append("\(id) \(String(decoding: p.customer.encoded, as: UTF8.self)) \(location)")
                invoices.append(Self.line(customer: id, p.number, p.type, p.issueDate, p.dueDate, p.currency,
                                          p.amount?.money, p.paid?.money, p.balance?.money, location))
            }
            customers += batch.customers[c...].map(Self.line); invoices += batch.invoices[i...].map(Self.line)
            batch.customers = []; batch.invoices = []
            return (customers, invoices, plain.rows.count)
        }

        static func values(of c: Customer) -> String {
            [c.name?.value, c.taxID?.value.normalized, c.taxID?.value.country, c.taxID?.value.validity.rawValue,
             c.phones.map(\.value).joined(separator: ";"), c.emails.map(\.value).joined(separator: ";"),
             c.address?.value, c.city?.value, c.salesperson?.value].map { $0 ?? "∅" }.joined(separator: "|")
        }

        static func line(_ c: Customer) -> String { "\(c.id) \(values(of: c)) \(c.provenance.location)" }

        static func line(_ i: Invoice) -> String {
            line(customer: i.customer, i.number.value, i.type, i.issueDate?.value, i.dueDate?.value, i.currency,
                 i.amount?.value, i.paid?.value, i.balance?.value, i.provenance.location)
        }

        static func line(customer: RecordID, _ number: String, _ type: Invoice.DocumentType, _ issued: LocalDate?,
                         _ due: LocalDate?, _ currency: Currency?, _ amount: Money?, _ paid: Money?, _ balance: Money?,
                         _ location: Tabular.SourceLocation) -> String {
            "\(customer) \(number) \(type) \(issued?.iso ?? "∅") \(due?.iso ?? "∅") \(currency?.code ?? "∅") "
                + "\(amount?.description ?? "∅") \(paid?.description ?? "∅") \(balance?.description ?? "∅") \(location)"
        }
    }

    struct Outcome: Equatable {
        var customers: [String] = [], invoices: [String] = []
        var rejects: [Reject] = [], diagnostics: [Diagnostic] = [], notListed: [String: Int] = [:]
        var accounting: [SourceAccounting] = []
    }

    /// The import's outcome, and how many rows came as plain rows.
    static func run(_ rows: [[String]], plainRows: Bool, flush: Int = 7, mapping: MappingFile? = nil,
                    country: String = "VE") -> (Outcome, plain: Int) {
        run(MemorySource(csv: rows), plainRows: plainRows, flush: flush, mapping: mapping, country: country)
    }

    /// ``run(_:plainRows:flush:mapping:)`` of any source (a workbook's rows, with number cells).
    static func run(_ source: MemorySource, plainRows: Bool, flush: Int = 7, window: Int = 10,
                    mapping: MappingFile? = nil, country: String = "VE") -> (Outcome, plain: Int) {
        var options = ImportOptions(mapping: mapping, country: country, currency: "VES")
        options.flushRows = flush; options.windowRows = window; options.plainRows = plainRows
        var batch = ImportBatch(), out = Outcome(), plain = 0
        Importer(options: options).importSource(source, encoding: Flattened(), into: &batch) { b, encoded in
            let own = Flattened().encode(&b, plain: PlainInvoiceRows(file: "", sheet: nil))
            out.customers += own.customers; out.invoices += own.invoices
            for e in encoded { out.customers += e.customers; out.invoices += e.invoices; plain += e.plain }
            out.rejects += b.rejects; b.rejects = []
        }
        out.diagnostics = batch.diagnostics; out.notListed = batch.diagnosticsNotListed; out.accounting = batch.accounting
        return (out, plain)
    }

    /// Rows of every kind: plain, repeated customers, warnings on customers (check digit, phone,
    /// email), an unknown currency, rejects (bad date, no amount, no number), a totals row.
    static let sheet: [[String]] = {
        var rows = [["Cartera"], ["Cliente", "RIF", "Teléfono", "Email", "Nº Factura", "Fecha", "Vence", "Monto", "Saldo", "Moneda"]]
        let customers = [["Ferretería Ñandú", "J-30123456-0", "0412-5551234", "pagos@nandu.com"],
                         ["Ferretería Ñandú", "J-30123456-7", "555", "no es correo"],
                         ["Inversiones  Lara ", "V-12345678", "(0212) 555.12.34 / 0414-1112233", ""],
                         ["José Pérez", "", "", "JOSE@MAIL.COM"],
                         ["Jose\u{301} Pe\u{301}rez", "", "", "JOSE@MAIL.COM"]]
        for i in 1...60 {
            let c = customers[i % customers.count]
            var row = c + ["F-\(100 + i)", "\(i % 28 + 1)/03/2024", "\(i % 28 + 1)/04/2024", "1.\(100 + i),50", "\(i),00", "VES"]
            if i % 11 == 0 { row[9] = "en efectivo" }
            if i % 13 == 0 { row[5] = "31/02/2024" }
            if i % 17 == 0 { row[7] = ""; row[8] = "" }
            if i % 19 == 0 { row[4] = "" }
            if i % 23 == 0 { row[4] = "NC-\(i)" }
            rows.append(row)
        }
        rows.append(["TOTAL", "", "", "", "", "", "", "99.999,00", "9.999,00", ""])
        return rows
    }()

    @Test(arguments: [1, 7, 256])
    func plainRowsGiveWhatRecordsGive(flush: Int) {
        let (plain, plainCount) = Self.run(Self.sheet, plainRows: true, flush: flush)
        let (records, none) = Self.run(Self.sheet, plainRows: false, flush: flush)
        #expect(plain == records)
        #expect(plainCount > 30 && none == 0)
        #expect(records.invoices.count > 40 && !records.rejects.isEmpty)
        #expect(records.diagnostics.contains { $0.code == "MAP-CURRENCY-UNKNOWN" })
        #expect(records.diagnostics.contains { $0.code == "MAP-PHONE-FORMAT" })
    }

    /// Composed and decomposed accents are different customers' bytes: written as they came.
    @Test func customerCellsMatchByTheirBytes() {
        let plain = Self.run(Self.sheet, plainRows: true).0
        func written(_ name: String) -> Bool {
            plain.customers.contains { Array($0.utf8).firstRange(of: Array(name.utf8)) != nil }
        }
        #expect(written("José Pérez") && written("Jose\u{301} Pe\u{301}rez"))
        let composed = CustomerKey.of(Row(number: 1, cells: [.text("José")]), columns: [1])
        let decomposed = CustomerKey.of(Row(number: 1, cells: [.text("Jose\u{301}")]), columns: [1])
        #expect(composed != decomposed)
        // Blank is blank whatever the cell holds; an error cell with no text is not blank.
        func key(_ cell: CellValue) -> [UInt8] { CustomerKey.of(Row(number: 1, cells: [cell]), columns: [1]) }
        #expect(key(.empty) == key(.text("")) && key(.text("  ")) == key(.empty))
        #expect(key(.error("")) != key(.text("")))
    }

    /// Beyond the listing limit, a plain row's customer warnings are only counted, as records' are.
    @Test func warningsPastTheLimitAreCountedAlike() {
        let rows = [["Cliente", "RIF", "Nº Factura", "Monto"]]
            + (1...(ImportBatch.listedPerCode + 40)).map { ["Cliente \($0 % 3)", "J-30123456-0", "F-\($0)", "10,00"] }
        let (plain, plainCount) = Self.run(rows, plainRows: true, flush: 64)
        #expect(plain == Self.run(rows, plainRows: false, flush: 64).0)
        #expect(plainCount == rows.count - 1)
        #expect(plain.notListed["MAP-TAXID-CHECK-DIGIT"] == 40)
    }
}

struct SharedMemoTests {
    @Test func valuesAreComputedOnceAndMemoryIsBounded() {
        let memo = SharedMemo<Int, Int>(limit: 16, shards: 2)
        var made = 0
        for k in 0..<8 { #expect(memo.value(for: k) { made += 1; return k * 10 } == k * 10) }
        for k in 0..<8 { #expect(memo.value(for: k) { made += 1; return -1 } == k * 10) }
        #expect(made == 8)
        // Far more keys than the limit: old ones are forgotten (and made again), values stay right.
        for k in 0..<1_000 { #expect(memo.value(for: k) { k * 10 } == k * 10) }
        made = 0
        _ = memo.value(for: 0) { made += 1; return 0 }
        #expect(made == 1)
    }

    @Test func aKeyInUseSurvivesAGenerationChange() {
        let memo = SharedMemo<Int, Int>(limit: 4, shards: 1)
        var made = 0
        for k in 100..<110 {
            _ = memo.value(for: 1) { made += 1; return 1 }
            _ = memo.value(for: k) { k }
        }
        #expect(made == 1)
    }
}

struct CustomerMemoTests {
    private static func customer(_ tag: String) -> CustomerValues { CustomerValues(encoded: Array(tag.utf8), notes: []) }

    private static func tag(_ c: CustomerValues?) -> String? { c.map { String(decoding: $0.encoded, as: UTF8.self) } }

    @Test func customersAreFoundByTheirKeysBytes() {
        let memo = CustomerMemo(columns: [1])
        let keys = (0..<5_000).map { CustomerKey.of(Row(number: 1, cells: [.text("Cliente \($0)")]), columns: [1]) }
        for (i, k) in keys.enumerated() {
            k.withUnsafeBytes { #expect(memo.known($0) == nil); memo.remember(Self.customer("c\(i)"), for: $0) }
        }
        for (i, k) in keys.enumerated() { k.withUnsafeBytes { #expect(Self.tag(memo.known($0)) == "c\(i)") } }
        // A key that is a prefix of another, and the empty key, are keys of their own.
        [UInt8]().withUnsafeBytes { #expect(memo.known($0) == nil) }
        Array(keys[1].dropLast()).withUnsafeBytes { #expect(memo.known($0) == nil) }
    }

    @Test func memoryIsBoundedAndAKeyInUseSurvives() {
        // One shard of four customers: the fifth starts a new generation, the ninth drops the first.
        let memo = CustomerMemo(columns: [1], limit: 4, shards: 1)
        func key(_ n: Int) -> [UInt8] { Array("k\(n)".utf8) }
        for n in 0..<20 {
            key(0).withUnsafeBytes { if memo.known($0) == nil { memo.remember(Self.customer("zero"), for: $0) } }
            key(100 + n).withUnsafeBytes { memo.remember(Self.customer("n\(n)"), for: $0) }
        }
        key(0).withUnsafeBytes { #expect(Self.tag(memo.known($0)) == "zero") }
        key(100).withUnsafeBytes { #expect(memo.known($0) == nil) }
        key(119).withUnsafeBytes { #expect(Self.tag(memo.known($0)) == "n19") }
    }

    // A chunk's keys looked up together find what looking each up finds: known ones (in either
    // generation), unknown ones, blank cells, and a key twice.
    @Test(arguments: [1, 16])
    func keysLookedUpTogetherFindWhatEachFinds(shards: Int) {
        let columns = [1, 3]
        var rows = TextRows()
        let names = ["Ana", "", "Beto", "Ana", "Zoe", "Carla Pérez", "Ana"]
        for (i, name) in names.enumerated() {
            let appended = rows.append(Row(number: i + 2, line: i + 2,
                                           cells: [name.isEmpty ? .empty : .text(name), .text("x"),
                                                   i % 2 == 0 ? .text("J-1") : .empty]))
            #expect(appended)
        }
        let memo = CustomerMemo(columns: columns, limit: 2 * shards, shards: shards)
        for i in [0, 2, 5] {  // Ana, Beto, Carla; the limit moves the first ones to the previous generation
            memo.remember(Self.customer("c\(i)"), for: rows.withRow(i) { view in
                var key: [UInt8] = []
                CustomerKey.append(view, columns: columns, to: &key)
                return key
            })
        }
        let together = memo.known(CustomerKeys(rows, columns: columns)).map(Self.tag)
        let each = (0..<rows.count).map { i in
            Self.tag(memo.known(CustomerKey.of(rows.row(i), columns: columns)))
        }
        #expect(together == each)
        #expect(together == ["c0", nil, "c2", nil, nil, "c5", "c0"])
    }

    @Test func aKeyLargerThanTheArenaLimitIsKept() {
        let memo = CustomerMemo(columns: [1], arenaLimit: 64, shards: 1)
        let big = [UInt8](repeating: 7, count: 10_000)
        big.withUnsafeBytes { memo.remember(Self.customer("big"), for: $0) }
        big.withUnsafeBytes { #expect(Self.tag(memo.known($0)) == "big") }
        [UInt8](repeating: 7, count: 9_999).withUnsafeBytes { #expect(memo.known($0) == nil) }
    }
}

/// First and last names in columns of their own are joined into the customer's name, and both are
/// part of what makes two plain rows the same customer.
struct FirstAndLastNameTests {
    @Test func namesAreJoinedOnBothPaths() throws {
        let mapping = try MappingFile.parse(yaml: """
            version: 1
            tables:
              - kind: invoices
                columns:
                  first_name: Nombre
                  last_name: Apellido
                  document_number: Factura
                  amount: Monto
            """)
        let rows = [["Nombre", "Apellido", "Factura", "Monto"], ["Ana María", "Pérez", "F1", "10"], ["Ana María", "Gómez", "F2", "20"],
                    ["", "Soto", "F3", "30"], ["Luis", "", "F4", "40"], ["Ana María", "Pérez", "F5", "50"]]
        let (plain, plainCount) = PlainRowTests.run(rows, plainRows: true, mapping: mapping)
        let records = PlainRowTests.run(rows, plainRows: false, mapping: mapping).0
        #expect(plain == records)
        #expect(plainCount == 5)
        let names = records.customers.map { $0.drop(while: { $0 != " " }).dropFirst().split(separator: "|")[0] }
        #expect(names == ["Ana María Pérez", "Ana María Gómez", "Soto", "Luis", "Ana María Pérez"])
    }
}
