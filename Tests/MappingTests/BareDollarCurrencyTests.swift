import Receivables
import Tabular
import Testing
@testable import Mapping

/// A bare `$` beside an amount is only a dollar sign, which the country reads (MXN in Mexico, ARS
/// in Argentina) when nothing else names the currency: the row's own currency cell (`USD`,
/// `Dólares`) names it (QA session 21, finding 2: with `--country MX` a USD invoice written
/// `$2,320.00` became MXN, and the same sheet as a workbook stayed USD). A mark of its own in the
/// cell (`US$`, `MXN`, `R$`) stays the cell's.
struct BareDollarCurrencyTests {
    static func currencies(_ rows: [[String]], country: String?) -> [String?] {
        let header = ["Cliente", "Factura", "Fecha", "Moneda", "Total", "Saldo"]
        let batch = Importer(options: ImportOptions(country: country)).importSource(MemorySource(csv: [header] + rows))
        return batch.invoices.map { $0.currency?.code }
    }

    @Test(arguments: [
        // (country, currency cell, amount, balance, currency)
        ("MX", "USD", "$2,320.00", "$1,320.00", "USD"),
        ("AR", "USD", "$ 2.500,00", "$ 2.500,00", "USD"),
        ("AR", "Dólares", "$ 100,00", "$ 100,00", "USD"),
        ("MX", "USD", "-$2,320.00", "$ -", "USD"),
        ("MX", "usd", "(2,320.00 $)", "", "USD"),
        ("CO", "EUR", "$ 2.320,00", "", "EUR"),
        (nil, "USD", "$2,320.00", "$1,320.00", "USD"),
        // Nothing else names it: the country reads the sign.
        ("MX", "", "$2,320.00", "$1,320.00", "MXN"),
        ("AR", "", "$ 2.500,00", "", "ARS"),
        ("MX", "XYZ", "$2,320.00", "", "MXN"),
        // The cell's own mark or code beats the row's.
        ("MX", "MXN", "US$ 2,320.00", "US$ 1,320.00", "USD"),
        ("MX", "USD", "MXN 2,320.00", "MXN 1,320.00", "MXN"),
        ("MX", "USD", "MX$ 2,320.00", "", "MXN"),
        ("AR", "ARS", "U$S 3.000,00", "", "USD"),
        ("MX", "USD", "R$ 2.320,00", "", "BRL"),
        ("MX", "USD", "$2,320.00 MXN", "", "MXN"),
    ] as [(String?, String, String, String, String)])
    func theRowsCurrencyBeatsABareDollar(_ country: String?, _ cell: String, _ amount: String, _ balance: String, _ code: String) {
        let got = Self.currencies([["Abarrotes del Centro", "A-1002", "10/05/2024", cell, amount, balance]], country: country)
        #expect(got == [code], "\(country ?? "-") \(cell) \(amount)")
    }

    /// The amount and balance of a row agree on its currency (no `MAP-CURRENCY-MISMATCH` between a
    /// `$` read as USD and one read as MXN); a balance in a currency of its own is still left out.
    @Test func figuresOfOneRowAgree() {
        let header = ["Cliente", "Factura", "Moneda", "Total", "Saldo"]
        let rows = [header, ["Servicios XYZ", "A-1", "USD", "US$ 2,320.00", "$1,320.00"],
                    ["Servicios XYZ", "A-2", "USD", "$2,320.00", "MXN 1,320.00"]]
        let batch = Importer(options: ImportOptions(country: "MX")).importSource(MemorySource(csv: rows))
        #expect(batch.invoices.map { $0.balance?.value.currency?.code } == ["USD", nil])
        #expect(batch.diagnostics.filter { $0.code == "MAP-CURRENCY-MISMATCH" }.map { $0.location?.row } == [3])
    }

    /// A workbook formatted `"$"#,##0.00` and its CSV export give one currency, both paths alike.
    @Test func workbookAndCSVAgree() {
        let header: [CellValue] = ["Cliente", "Factura", "Moneda", "Total"].map { .text($0) }
        let sheet = [Row(number: 1, cells: header),
                     Row(number: 2, cells: [.text("Servicios XYZ"), .text("A-1002"), .text("USD"), .number(2320)], currencies: [4: "$"]),
                     Row(number: 3, cells: [.text("Abarrotes"), .text("A-1001"), .text("MXN"), .number(11600)], currencies: [4: "$"]),
                     Row(number: 4, cells: [.text("Abarrotes"), .text("A-1003"), .empty, .number(500)], currencies: [4: "$"])]
        let csv = [["Cliente", "Factura", "Moneda", "Total"], ["Servicios XYZ", "A-1002", "USD", "$2,320.00"],
                   ["Abarrotes", "A-1001", "MXN", "$11,600.00"], ["Abarrotes", "A-1003", "", "$500.00"]]
        let workbook = MemorySource(path: "cxc.xlsx", sheets: [MemorySource.Sheet(name: "CxC", rows: sheet)])
        var outcomes: [[String]] = []
        for plainRows in [true, false] {
            for source in [workbook, MemorySource(csv: csv)] {
                let (out, _) = PlainRowTests.run(source, plainRows: plainRows, country: "MX")
                outcomes.append(out.invoices.map { $0.split(separator: " ")[5 ... 6].joined(separator: " ") })
            }
        }
        #expect(outcomes.allSatisfy { $0 == ["USD 2320.00", "MXN 11600.00", "MXN 500.00"] }, "\(outcomes)")
    }

    @Test(arguments: [("$ 1.234,56", true), ("-$1,234.56", true), ("(1.500 $)", true), ("$ -", true), ("$", true),
                      ("US$ 12", false), ("MX$ 12", false), ("$U 12", false), ("$ 12 CR", false), ("R$ 12", false),
                      ("$ 12 $", false), ("12", false), ("$\u{A0}12", false)])
    func bareDollars(_ text: String, _ bare: Bool) {
        #expect(CurrencyToken.isBareDollar(text.utf8) == bare)
    }
}
