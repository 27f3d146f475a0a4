import Foundation
import Receivables
import Tabular
import Testing
@testable import Mapping

struct AmountParserTests {
    static func parse(_ text: String, column: [String] = [], configured: Character? = nil,
                      country: String? = nil) -> Result<AmountParser.Parsed, ValueError> {
        let cells = (column + [text]).map { CellValue.text($0) }
        let profile = AmountColumnProfile.profile(cells, configured: configured, country: country)
        return AmountParser.parse(.text(text), profile: profile)
    }

    static let cases: [(String, String, String?)] = [
        ("1.234,56", "1234.56", nil),
        ("1,234.56", "1234.56", nil),
        ("1234.5", "1234.5", nil),
        ("1234,5", "1234.5", nil),
        ("Bs. 1.234,56", "1234.56", "VES"),
        ("Bs.S 1.234,56", "1234.56", "VES"),
        ("Bs 10,00", "10.00", "VES"),
        ("VES 10", "10", "VES"),
        ("USD 12", "12", "USD"),
        ("US$ 1,250.00", "1250.00", "USD"),
        ("R$ 1.234,56", "1234.56", "BRL"),
        ("S/ 1,234.56", "1234.56", "PEN"),
        ("S/. 99.90", "99.90", "PEN"),
        ("€ 1.234,56", "1234.56", "EUR"),
        ("1.234,56 €", "1234.56", "EUR"),
        ("COP 1.234.567", "1234567", "COP"),
        ("(1.234,56)", "-1234.56", nil),
        ("-1.234,56", "-1234.56", nil),
        ("1.234,56-", "-1234.56", nil),
        ("-Bs. 1.234,56", "-1234.56", "VES"),
        ("Bs. -1.234,56", "-1234.56", "VES"),
        ("1.234.567", "1234567", nil),
        ("1,234,567", "1234567", nil),
        ("1 234 567,89", "1234567.89", nil),
        ("0,125", "0.125", nil),
        ("12", "12", nil),
        (",50", "0.50", nil),
        // The cents left out with a dash: a whole amount, never a negative one.
        ("1.500,-", "1500", nil),
        ("1.500,--", "1500", nil),
        ("1.500,– €", "1500", "EUR"),
        ("-1.500,-", "-1500", nil),
        ("(1.500,-)", "-1500", nil),
        ("500.-", "500", nil),
        // The minus of typeset text.
        ("\u{2212}1.234,56", "-1234.56", nil),
        ("1.234,56\u{2212}", "-1234.56", nil),
        // Central American and Paraguayan marks.
        ("Q 1.234,56", "1234.56", "GTQ"),
        ("Q. 1,234.56", "1234.56", "GTQ"),
        ("₡1.234,56", "1234.56", "CRC"),
        ("C$ 1,234.56", "1234.56", "NIO"),
        ("B/. 1,234.56", "1234.56", "PAB"),
        ("RD$ 1,234.56", "1234.56", "DOP"),
        ("₲ 1.234.567", "1234567", "PYG"),
        // A dollar sign beside the code, a currency named twice or in words.
        ("$1,234.56 MXN", "1234.56", "MXN"),
        ("USD$ 1.234,56", "1234.56", "USD"),
        ("$100,00 USD", "100.00", "USD"),
        ("US$ 100,00 USD", "100.00", "USD"),
        ("100,00 Dólar", "100.00", "USD"),
        ("100,00 dólares", "100.00", "USD"),
        // A ledger's side: a credit is negative, a debit positive.
        ("1.234,56 CR", "-1234.56", nil),
        ("1.234,56 Cr.", "-1234.56", nil),
        ("500,00 DB", "500.00", nil),
        ("500,00 DR", "500.00", nil),
        ("Bs. 500,00 CR", "-500.00", "VES"),
    ]

    /// Chile writes whole pesos as `$ 1.234.-`: the dash closes the amount, the point groups thousands.
    @Test func aDashAfterGroupedThousandsClosesTheAmount() throws {
        #expect(try Self.parse("$ 1.234.-", column: ["$ 12.345.678.-"], country: "CL").get().amount == 1234)
        #expect(try Self.parse("$ 12.345.678.-", country: "CL").get().amount == 12_345_678)
    }

    @Test(arguments: cases)
    func formats(_ text: String, _ expected: String, _ currency: String?) throws {
        let parsed = try Self.parse(text).get()
        #expect(parsed.amount == Decimal(string: expected, locale: Locale(identifier: "en_US_POSIX")))
        #expect(parsed.currency?.code == currency)
    }

    /// Excel's accounting format writes a zero as a dash; a CSV saved from it keeps the dash.
    @Test(arguments: [(" -   € ", "EUR"), ("$ -", "USD"), ("Bs. -", "VES"), ("-", nil), (" – ", nil)] as [(String, String?)])
    func aDashIsZero(_ text: String, _ currency: String?) throws {
        let parsed = try Self.parse(text, country: "VE").get()
        #expect(parsed.amount == 0 && parsed.currency?.code == currency)
    }

    @Test func bolivianBolivianosAreNotVenezuelanBolivars() throws {
        #expect(try Self.parse("Bs. 100,00", country: "BO").get().currency?.code == "BOB")
        #expect(try Self.parse("Bs. 100,00", country: "VE").get().currency?.code == "VES")
        #expect(try Self.parse("Bs.S 300,00", country: "BO").get().currency?.code == "VES")
        #expect(try Self.parse("$U 1.500", country: "UY").get().currency?.code == "UYU")
    }

    /// A formula's binary noise is read as Excel shows the number: to 15 significant digits.
    @Test func workbookNumbersToFifteenDigits() throws {
        let profile = AmountColumnProfile.profile([CellValue](), configured: nil, country: nil)
        #expect(try AmountParser.parse(.number(115.99999999999999), profile: profile).get().amount == 116)
        #expect(try AmountParser.parse(.number(0.15000000000000002), profile: profile).get().amount == Decimal(string: "0.15"))
        #expect(try AmountParser.parse(.number(1234.56), profile: profile).get().amount == Decimal(string: "1234.56"))
    }

    @Test func ambiguousThousandSettledByTheColumn() throws {
        // Another value in the column proves the comma is decimal, so the point groups thousands.
        #expect(try Self.parse("1.234", column: ["5,50"]).get().amount == 1234)
        #expect(try Self.parse("1.234", column: ["2.50"]).get().amount == Decimal(string: "1.234"))
        #expect(try Self.parse("$ 1.234", column: ["1.234.567"]).get().amount == 1234)
    }

    @Test func ambiguousThousandReportedWhenNothingSettlesIt() {
        guard case .failure(let e) = Self.parse("1.234", column: ["2.500", "3.000"]) else {
            Issue.record("expected ambiguity"); return
        }
        #expect(e.code == "MAP-AMOUNT-AMBIGUOUS")
    }

    /// A currency beside the amount settles it: euros and dollars never show three decimals.
    @Test(arguments: [("1.500 €", "1500"), ("12.000 €", "12000"), ("$ 12.000", "12000"), ("USD 2,500", "2500")])
    func aCurrencyWithTwoDecimalsSettlesAThousand(_ text: String, _ expected: String) throws {
        let parsed = try Self.parse(text).get()
        #expect(parsed.amount == Decimal(string: expected))
    }

    @Test func mappingSettlesAmbiguity() throws {
        #expect(try Self.parse("1.234", configured: ",").get().amount == 1234)
    }

    /// A column of `1.500`-style values only is read as the configured country writes amounts:
    /// thousands in Venezuela, decimals in Mexico; values that settle it, or the mapping, come first.
    @Test func countrySettlesWhatNothingElseDoes() throws {
        let column = ["1.500", "12.000", "250.000"]
        #expect(try Self.parse("2.500", column: column, country: "VE").get().amount == 2500)
        #expect(try Self.parse("2.500", column: column, country: "ve").get().amount == 2500)
        #expect(try Self.parse("2.500", column: column, country: "MX").get().amount == Decimal(string: "2.5"))
        #expect(try Self.parse("2.500", column: column + ["7.25"], country: "VE").get().amount == Decimal(string: "2.5"))
        #expect(try Self.parse("2.500", column: column, configured: ".", country: "VE").get().amount == Decimal(string: "2.5"))
        for country in [nil, "ZZ"] {
            guard case .failure(let e) = Self.parse("2.500", column: column, country: country) else {
                Issue.record("settled without a known country"); continue
            }
            #expect(e.code == "MAP-AMOUNT-AMBIGUOUS")
        }
        let p = AmountColumnProfile.profile((column + ["9,50"]).map { .text($0) }, configured: nil, country: "VE")
        #expect(!p.decidedByCountry && p.decimalSeparator == ",")
        let q = AmountColumnProfile.profile(column.map { .text($0) }, configured: nil, country: "VE")
        #expect(q.decidedByCountry && q.ambiguousValues == 3)
    }

    /// The currency every marked value of a column names is the column's: its unmarked values take it.
    @Test func markedValuesNameTheColumnsCurrency() {
        func currency(_ column: [String]) -> String? {
            AmountColumnProfile.profile(column.map { .text($0) }, configured: nil, country: "ES").currency?.code
        }
        #expect(currency(["€ 1.200,00", "350,00", "1.234,56 €"]) == "EUR")
        #expect(currency(["€ 1.200,00", "US$ 35", "350,00"]) == nil)
        #expect(currency(["1.200,00", "350,00"]) == nil)
        // One marked cell among many is that cell's currency, not the column's.
        #expect(currency(["$ 50,00"] + Array(repeating: "1.234,00", count: 299)) == nil)
        #expect(currency(["€ 1", "€ 2", "3", "4"]) == "EUR" && currency(["€ 1", "2", "3"]) == nil)
        // A workbook's number formats count as marks.
        let formatted = AmountColumnProfile.profile([(.number(1), "VES"), (.number(2), "VES"), (.number(3), nil)],
                                                    configured: nil, country: "VE")
        #expect(formatted.currency?.code == "VES" && formatted.markedValues == 2 && formatted.values == 3)
    }

    @Test func dollarSignFollowsTheCountry() throws {
        #expect(try Self.parse("$ 1.500,00", country: "CO").get().currency?.code == "COP")
        #expect(try Self.parse("$ 20", country: "VE").get().currency?.code == "USD")
        #expect(try Self.parse("$ 20").get().currency == nil)
    }

    @Test(arguments: ["abc", "12,5O", "1.23.4,5", "--", "1,2,3.4.5", "USD", "12 USD 3", "R$ 100,00 USD", "CR", "12 CRX"])
    func rejected(_ text: String) {
        guard case .failure = Self.parse(text, column: ["1.234,56"]) else {
            Issue.record("\(text) should not parse"); return
        }
    }

    @Test func numericCellsAreExact() throws {
        let p = AmountColumnProfile()
        #expect(try AmountParser.parse(.number(1234.56), profile: p).get().amount == Decimal(string: "1234.56"))
        #expect(try AmountParser.parse(.number(0.1), profile: p).get().amount == Decimal(string: "0.1"))
        #expect(try AmountParser.parse(.number(-3), profile: p).get().amount == -3)
    }

    /// A number cell's amount is built from its digits directly; it is the amount its text reads
    /// as, to Excel's 15 significant digits (a formula's binary noise is no amount).
    @Test func numberCellsGiveTheAmountTheirTextReadsAs() throws {
        let p = AmountColumnProfile(country: nil)
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.05, -0.5, 898.91, 1e15 - 1, 1e15, 1e13 - 0.01, 0.1 + 0.2, 123.456, 2e20]
        for _ in 0..<5_000 {
            values.append(Double(Int64.random(in: -10_000_000_000_000...10_000_000_000_000, using: &generator)) / 100)
            values.append(Double.random(in: -1e7...1e7, using: &generator))
        }
        for d in values {
            let direct = try AmountParser.parse(.number(d), profile: p).get().amount
            let excel = String(format: "%.15g", d)
            let read = try #require(Money.parsePlainDecimal(excel.contains("e") ? CellValue.number(d).numberText ?? "" : excel))
            #expect(direct == read && direct.description == read.description, "\(d)")
        }
    }
}

/// A table writes its amounts one way: a column that leaves the separator open reads as its
/// sibling amount columns prove it.
struct SiblingSeparatorTests {
    @Test(arguments: [
        ([["Cliente", "Factura", "Valor", "Saldo"], ["Alfa", "F-1", "1.190.000", "500.000"], ["Beta", "F-2", "50.000", "50.000"]],
         ["500000", "50000"]),
        ([["Cliente", "Factura", "Monto", "Abonado", "Saldo"], ["Alfa", "F-1", "1.500,50", "500", "1.000,50"],
          ["Beta", "F-2", "2.000,00", "1.000", "1.000"]], ["1000.50", "1000"]),
    ])
    func aProvenColumnDecidesForTheOthers(_ rows: [[String]], _ balances: [String]) {
        let batch = Importer(options: ImportOptions()).importSource(MemorySource(path: "sep.csv", csv: rows))
        #expect(batch.rejects.isEmpty)
        #expect(batch.invoices.map { $0.balance?.value.amount } == balances.map { Decimal(string: $0) })
        #expect(batch.diagnostics.contains { $0.code == "MAP-AMOUNT-SEPARATOR-FROM-COLUMN" })
    }
}


/// Amounts of digits, points and commas are read from their bytes (``AmountParser/parts(bytes:profile:)``,
/// through ``AmountParser/groupedParts(bytes:profile:)``) to exactly what the text path reads,
/// whatever the column decided; the byte path leaves to the text path whatever it rejects or finds
/// ambiguous.
struct GroupedAmountBytesTests {
    static let written = ["1.234,56", "-898,91", "0,00", "419.498,88", "12,500.00", "1,234,567.5", "1.234.567,5",
                          "1.234", "12,500", "0,125", "0.125", ",5", "-.5", "5.", "5,", "1.23.4,5", "1,2,3.4.5",
                          "1.2345,6", "12.34.567", "-0,00", "007,50", "02.589", "1234,5", "1234.5",
                          "9.999.999.999.999.999.999,99", "99999999999999999999,5", "1..5", ".,5", "-", "", "12,5O",
                          "1 234,56", "1.234,56-"]

    static func bytes<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// `count` random texts of digits, points, commas and minus signs, up to `length` characters.
    static func randomTexts(_ count: Int, length: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789.,-".utf8)
        return (0..<count).map { _ in
            String(decoding: (0..<Int.random(in: 1...length, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! },
                   as: UTF8.self)
        }
    }

    @Test(arguments: [nil, ".", ","] as [Character?])
    func bytesReadWhatTheTextReads(separator: Character?) {
        var profile = AmountColumnProfile(country: "VE")
        profile.decimalSeparator = separator
        var grouped = 0, affixes = AmountAffixes()
        for text in Self.written + Self.randomTexts(3_000, length: 12) {
            if Self.bytes(text, { AmountParser.groupedParts(bytes: $0, profile: profile) }) != nil { grouped += 1 }
            // The text path without the byte shortcuts: plain digits, else marks and signs read by AmountText.
            let slow: AmountParser.Parsed?
            if let (value, evidence) = AmountText.plain(text), evidence != .ambiguous(".") || separator == "." {
                slow = AmountParser.Parsed(amount: value, currency: nil)
            } else if case .success(let parsed) = AmountParser.parseMarked(text: text, profile: profile) {
                slow = parsed
            } else {
                slow = nil
            }
            let viaText = try? AmountParser.parse(text: text, profile: profile).get()
            // The same value written the same way (a `Decimal`'s description shows its exponent).
            #expect(viaText?.amount.description == slow?.amount.description && viaText?.currency == slow?.currency,
                    "\(text)")
            guard let (fast, currency) = Self.bytes(text, { AmountParser.parts(bytes: $0, profile: profile, affixes: &affixes) })
            else { continue }
            guard let slow else {
                Issue.record("\(text): the text path rejects what the bytes read as \(fast)")
                continue
            }
            #expect(slow.currency == currency, "\(text)")
            #expect(DecimalParts(slow.amount) == fast, "\(text)")
        }
        #expect(grouped > 100)
    }

    // What the column profile counts: the sign and separator evidence the text path finds.
    @Test func evidenceFromBytesIsTheTextsEvidence() {
        var read = 0
        for text in Self.written + Self.randomTexts(5_000, length: 10) {
            guard let (negative, evidence) = AmountText.groupedEvidence(text) else { continue }
            read += 1
            let slow = AmountText(text, country: "VE")
            #expect(slow?.negative == negative && slow?.separatorEvidence == evidence && slow?.currency == nil, "\(text)")
        }
        #expect(read > 500)
    }

    @Test func spanishAmountsAreReadFromTheirBytes() {
        var profile = AmountColumnProfile(country: "ES")
        profile.decimalSeparator = ","
        func read(_ text: String) -> DecimalParts? { Self.bytes(text) { AmountParser.groupedParts(bytes: $0, profile: profile) } }
        #expect(read("419.498,88") == DecimalParts(negative: false, exponent: -2, significand: 41_949_888))
        #expect(read("-898,91") == DecimalParts(negative: true, exponent: -2, significand: 89_891))
        #expect(read("1.234") == DecimalParts(negative: false, exponent: 0, significand: 1_234))
        #expect(read("0,00") == DecimalParts(negative: false, exponent: 0, significand: 0))
        #expect(read("1.234,56-") == nil && read("Bs. 1.234,56") == nil && read("1 234,56") == nil)
    }
}

/// Amounts with a currency mark, a code or other text beside their digits are read from their
/// bytes (``AmountParser/markedParts(bytes:profile:affixes:)``) to exactly what the text path
/// reads: the same value and currency, whatever the country and the column's separator; whatever
/// the text path rejects or finds ambiguous, the bytes leave to it.
struct MarkedAmountBytesTests {
    static let prefixes = ["", " ", "Bs. ", "Bs.", "Bs ", "bs.s ", "Bs.F. ", "Bs.D ", "$ ", "$", "US$ ", "USD ", "USD$ ",
                           "VES ", "S/ ", "S/.", "R$ ", "€ ", "€", "EUR ", "usd", "COP $", "Q. ", "Q ", "Q", "BSD ", "A ",
                           "x", "Bs. .", ". ", ", ", "CR ", "-", "- $", "$ -", "(", "−", "+", "'", "\u{00A0}", "é ",
                           "\u{0600}", "Gs. ", "₲ ", "₡", "¢ "]
    static let suffixes = ["", " ", " €", "€", " Bs.", " Bs", " USD", "USD", " $", " usd $", " MXN", " CR", " cr.", " DB",
                           " DR", " Bs.-", "-", ",-", ".-", ".", " .", ",", ")", " x", " €-", "\u{301}", "\u{301}€", "'",
                           " EUR", " EUR EUR", " R$", "– ", " Gs.", " ₲"]

    /// `count` random texts from the characters marks and signs are made of, up to `length` long.
    static func randomAffixes(_ count: Int, length: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("Bs.$USDE€/ RCcrQ-()'é,")
        return (0..<count).map { _ in String((0..<Int.random(in: 0...length, using: &generator)).map { _ in
            alphabet.randomElement(using: &generator)!
        }) }
    }

    /// Digits as amounts write them, and a few that are no amount.
    static func bodies() -> [String] {
        ["1.234,56", "898,91", "0,00", "12,500.00", "1.500", "12.000", "1,234", "0,125", "5", "10",
         "1.234.567,5", "1.23.4,5", "1234,5", "007,50", "9.999.999.999.999.999.999,99", "1 234,56"]
            + GroupedAmountBytesTests.randomTexts(60, length: 9).filter { !$0.contains("-") }
    }

    /// The texts put before and after the digits: each listed one alone, some pairs, random pairs.
    static func affixPairs() -> [(String, String)] {
        prefixes.map { ($0, "") } + suffixes.map { ("", $0) }
            + [("Bs. ", " Bs."), ("$", " USD"), ("USD ", " $"), ("R$ ", " USD"), ("€ ", " EUR")]
            + zip(randomAffixes(100, length: 4), randomAffixes(100, length: 4)).map { ($0, $1) }
    }

    @Test(arguments: [nil, "VE", "CO", "BO", "MX", "ES", "PY"] as [String?])
    func bytesReadWhatTheTextReads(country: String?) {
        let bodies = Self.bodies(), pairs = Self.affixPairs()
        var fast = 0
        for separator in [nil, ".", ","] as [Character?] {
            var profile = AmountColumnProfile(country: country)
            profile.decimalSeparator = separator
            // One memo per column, as a chunk's reader keeps one per amount column.
            var affixes = AmountAffixes()
            for (prefix, suffix) in pairs {
                for body in bodies {
                    let text = prefix + body + suffix
                    let slow = try? AmountParser.parseMarked(text: text, profile: profile).get()
                    // Rows read as cells take the same shortcut through the shared readings.
                    if AmountText.plain(text) == nil, AmountText.groupedEvidence(text) == nil {
                        let viaText = try? AmountParser.parse(text: text, profile: profile).get()
                        #expect(viaText?.amount.description == slow?.amount.description && viaText?.currency == slow?.currency,
                                "\(text)")
                    }
                    guard let (value, currency) = GroupedAmountBytesTests.bytes(text, {
                        AmountParser.markedParts(bytes: $0, profile: profile, affixes: &affixes)
                    }) else { continue }
                    fast += 1
                    guard let slow else {
                        Issue.record("\(text): the text path rejects what the bytes read as \(value)")
                        continue
                    }
                    #expect(slow.currency == currency, "\(text) (\(country ?? "no country"))")
                    #expect(DecimalParts(slow.amount) == value, "\(text) (\(country ?? "no country"), \(separator.map(String.init) ?? "no separator"))")
                }
            }
        }
        #expect(fast > 1_000)
    }

    // What the column profile counts: the sign, currency and separator evidence the text path finds.
    @Test(arguments: [nil, "VE", "BO", "CO"] as [String?])
    func evidenceFromBytesIsTheTextsEvidence(country: String?) {
        var read = 0, affixes = AmountAffixes()
        for (prefix, suffix) in Self.affixPairs() {
            for body in Self.bodies() {
                let text = prefix + body + suffix
                guard let (_, reading, evidence) = GroupedAmountBytesTests.bytes(text, {
                    AmountText.marked(bytes: $0, country: country, affixes: &affixes)
                }) else { continue }
                read += 1
                let slow = AmountText(text, country: country)
                #expect(slow?.separatorEvidence == evidence && slow?.currency == reading.currency
                        && slow?.negative == reading.negative, "\(text)")
            }
        }
        #expect(read > 500)
    }

    @Test func commonMarksAreReadFromTheirBytes() {
        var profile = AmountColumnProfile(country: "VE")
        profile.decimalSeparator = ","
        var affixes = AmountAffixes()
        func read(_ text: String) -> (DecimalParts, Currency?)? {
            GroupedAmountBytesTests.bytes(text) { AmountParser.markedParts(bytes: $0, profile: profile, affixes: &affixes) }
        }
        #expect(read("Bs. 419.498,88")?.0 == DecimalParts(negative: false, exponent: -2, significand: 41_949_888))
        #expect(read("Bs. 419.498,88")?.1 == "VES")
        #expect(read("898,91 €")?.1 == "EUR" && read("US$ 12,50")?.1 == "USD" && read("$ 1.500")?.1 == "USD")
        // A mark of a two-decimal currency settles `1.500` as thousands, as the text path does.
        #expect(read("€ 1.500")?.0 == DecimalParts(negative: false, exponent: 2, significand: 15))
        // Signs, dashes and anything the text path does not take off either side: left to it.
        #expect(read("-Bs. 1.234,56") == nil && read("(Bs. 1.234,56)") == nil && read("Bs. 1.234,56-") == nil)
        #expect(read("1.234,56") == nil && read("Bs. 1 234,56") == nil && read("Bsx 1.234,56") == nil)
    }
}
