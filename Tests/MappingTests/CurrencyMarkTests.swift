import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

/// Currency marks and codes around amounts, in currency cells and in headers: Venezuela's three
/// bolívars are three ISO currencies, marks read the same before or after the digits, and three
/// letters are a code only when ISO 4217 lists them.
struct CurrencyMarkTests {
    @Test(arguments: [
        // Bolívar fuerte (VEF, to 2018), soberano (VES), digital (VED, from 2021).
        ("VEF 3,50", "VEF"), ("Bs.F. 3,50", "VEF"), ("Bs.F 1.000,00", "VEF"), ("BsF 3,50", "VEF"), ("BsF. 3,50", "VEF"),
        ("VED 3,50", "VED"), ("Bs.D 3,50", "VED"), ("Bs.D. 3,50", "VED"),
        ("VES 3,50", "VES"), ("Bs.S 3,50", "VES"), ("Bs.S. 3,50", "VES"), ("BsS 3,50", "VES"), ("BsS. 3,50", "VES"),
        ("Bs. 3,50", "VES"), ("Bs 3,50", "VES"), ("Bs.S.3,50", "VES"),
        // Trailing marks read as leading ones.
        ("3,50 Bs.", "VES"), ("3,50 Bs", "VES"), ("3,50 Bs.S", "VES"), ("3,50 Bs.F.", "VEF"), ("3,50 VED", "VED"),
        ("3.500,00 ARS", "ARS"), ("1.234,56 €", "EUR"), ("3,50 US$", "USD"),
        // Any ISO 4217 code as a word of its own, either side.
        ("JPY 1.200", "JPY"), ("1.200,50 CHF", "CHF"),
        // `BsD` is the bolívar digital's mark, in any case, not the Bahamian dollar.
        ("BsD 1.234,56", "VED"), ("1.234,56 BsD", "VED"), ("BSD 10", "VED"), ("bsd. 3,50", "VED"),
    ])
    func amountsNameTheirCurrency(_ text: String, _ code: String) throws {
        let parsed = try AmountParserTests.parse(text, column: ["1.234,56"]).get()
        #expect(parsed.currency?.code == code)
    }

    @Test(arguments: [("3,50 Bs.", "3.50"), ("BsS. 3,50", "3.50"), ("Bs.F 1.000,00", "1000.00"), ("VED 3,50", "3.50")])
    func amountsKeepTheirValue(_ text: String, _ value: String) throws {
        let parsed = try AmountParserTests.parse(text, column: ["1.234,56"]).get()
        #expect(parsed.amount == Decimal(string: value, locale: Locale(identifier: "en_US_POSIX")))
    }

    /// Letters that are no code or mark leave the cell no amount (as before: rejected with its cell).
    @Test(arguments: ["XYZ 3,50", "3,50 ABC", "ABC3,50"])
    func unknownLettersAreNoAmount(_ text: String) {
        #expect(throws: ValueError.self) { try AmountParserTests.parse(text, column: ["1.234,56"]).get() }
    }

    @Test(arguments: [
        ("VEF", "VEF"), ("vef", "VEF"), ("Bs.F.", "VEF"), ("BsF", "VEF"), ("VED", "VED"), ("Bs.D", "VED"),
        ("VES", "VES"), ("Bs.", "VES"), ("BsS.", "VES"), ("USD", "USD"), ("usd", "USD"), ("JPY", "JPY"),
        ("dólares", "USD"), (" EUR ", "EUR"),
        // The singular, dotted letters, a sign beside a code, the bolívar digital by name.
        ("Dólar", "USD"), ("DOLAR", "USD"), ("U.S.D.", "USD"), ("$ USD", "USD"), ("USD $", "USD"), ("Euro", "EUR"),
        ("Bs. Digitales", "VED"), ("Bolívares digitales", "VED"),
    ])
    func currencyCellsNameKnownCurrencies(_ text: String, _ code: String) {
        #expect(CurrencyToken.currency(named: text, country: "VE")?.code == code)
    }

    /// `MN` (moneda nacional) where the country says what is national: Peru's Concar and SUNAT
    /// books; `MXP`, the peso's old code, in Mexico. Without a country, nothing; `ME` (moneda
    /// extranjera) names none: Concar writes it beside amounts in soles (QA session 22).
    @Test(arguments: [
        ("MN", "PE", "PEN"), ("ME", "PE", nil), ("M.N.", "MX", "MXN"), ("MXP", "MX", "MXN"), ("mn", "CO", "COP"),
        ("MN", nil, nil), ("ME", nil, nil), ("MXP", "PE", nil), ("ME", "ES", nil),
    ] as [(String, String?, String?)])
    func nationalAndForeignCurrencyCodes(_ text: String, _ country: String?, _ code: String?) {
        #expect(CurrencyToken.currency(named: text, country: country)?.code == code)
    }

    @Test(arguments: ["XYZ", "ABC", "ZZZ", "XXX", "XAU", "Bolos", "12", "R$ USD", "USD EUR"])
    func currencyCellsWithoutAKnownCurrency(_ text: String) {
        #expect(CurrencyToken.currency(named: text, country: "VE") == nil)
    }

    @Test(arguments: [
        ("Monto Bs.", "VES"), ("Monto Bs.S.", "VES"), ("Monto Bs.F.", "VEF"), ("Saldo BsF", "VEF"), ("Monto VEF", "VEF"),
        ("Monto Bs.D", "VED"), ("Saldo (VED)", "VED"), ("Monto USD", "USD"),
    ])
    func headersNameTheBolivar(_ header: String, _ code: String) {
        #expect(CurrencyToken.currency(inHeader: TextFolding.fold(header))?.code == code)
    }

    /// A currency cell with three letters that are no ISO code warns, and the amount takes the
    /// next currency in the chain (here the configuration's, VES), on the record and plain-row
    /// paths alike.
    @Test func unknownCodeInACurrencyColumnWarnsAndFallsBack() throws {
        let rows = [["Factura", "Cliente", "Monto", "Moneda"]]
            + (1...12).map { ["K\($0)", "Cliente \($0 % 3)", "3,50", ["XYZ", "VEF", "", "Bs.D"][$0 % 4]] }
        let (plain, plainCount) = PlainRowTests.run(rows, plainRows: true)
        let records = PlainRowTests.run(rows, plainRows: false).0
        #expect(plain == records)
        #expect(plainCount > 0)
        let currencies = records.invoices.map { $0.split(separator: " ")[5] }
        #expect(currencies == (1...12).map { ["VES", "VEF", "VES", "VED"][$0 % 4] })
        let warnings = records.diagnostics.filter { $0.code == "MAP-CURRENCY-UNKNOWN" }
        #expect(warnings.map(\.found) == ["XYZ", "XYZ", "XYZ"])
        #expect(warnings.allSatisfy { $0.location?.column == 4 })
    }

    /// Unmarked amounts in a column whose marked ones all name a currency take it, on both paths;
    /// a currency column, a header or a mark of their own still come first.
    @Test func unmarkedAmountsTakeTheColumnsCurrency() throws {
        let rows = [["Factura", "Cliente", "Monto", "Saldo"]]
            + (1...10).map { ["E\($0)", "Cliente \($0 % 3)", $0 % 3 != 0 ? "€ 1.200,50" : "350,00", "€ 1,00"] }
        let (plain, plainCount) = PlainRowTests.run(rows, plainRows: true)
        let records = PlainRowTests.run(rows, plainRows: false).0
        #expect(plain == records)
        #expect(plainCount == 10)
        #expect(records.invoices.allSatisfy { $0.split(separator: " ")[5] == "EUR" })
        #expect(records.invoices.allSatisfy { ($0.contains("350.00 EUR") || $0.contains("1200.50 EUR")) && $0.contains("1.00 EUR") })
    }
}

/// A mark is tried at an end of a cell only when its byte there is the cell's
/// (``AmountText``'s `takeMark`): no text canonically equivalent to a mark may start or end with
/// another byte, or that text would lose its currency.
struct CurrencyMarkEndsTests {
    @Test func noEquivalentTextStartsOrEndsWithAnotherByte() {
        var ends = Set<Unicode.Scalar>()
        for (mark, _) in CurrencyToken.marks {
            let nfd = mark.decomposedStringWithCanonicalMapping
            #expect(nfd.utf8.first == mark.utf8.first && nfd.utf8.last == mark.utf8.last, "\(mark)")
            ends.insert(mark.unicodeScalars.first!); ends.insert(mark.unicodeScalars.last!)
        }
        // No other character is canonically equivalent to a mark's first or last one (as the Kelvin
        // sign is to `K`). Strings compare and hash by canonical equivalence.
        let endTexts = Set(ends.map { String($0) })
        for value in 0...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), !ends.contains(scalar) else { continue }
            #expect(!endTexts.contains(String(scalar)), "U+\(String(value, radix: 16))")
        }
    }
}
