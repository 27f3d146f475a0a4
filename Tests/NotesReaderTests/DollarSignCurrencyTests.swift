import Foundation
import Receivables
import Tabular
import Testing
@testable import NotesReader

/// A bare `$` in notes and chats is read by the rule spreadsheet amounts follow: the configured
/// country's peso (CO, MX …) or dollar (VE, EC …); without a configuration, US dollars as before.
@Suite struct DollarSignCurrencyTests {
    static let notebook = """
        CLIENTE: Ferre El Clavo
        Debe: $ 2.140.000
        12/06/2024 llamé a doña Luz, promete pagar 500.000 el viernes 14/06 (FE-1002)
        """

    static let mexicanChat = """
        10/06/24 10:15 - Lupita Cobranza: Buen día, le recuerdo la factura A-600 por $15,000.00
        10/06/24 10:20 - +52 55 2931 9117: El viernes 14 le deposito $5,000
        """

    static func promises(_ text: String, kind: NotesKind, path: String = "cuaderno.txt",
                         _ options: NotesImportOptions) throws -> [PromiseToPay] {
        try NotesImporter.importData(Data(text.utf8), path: path, kind: kind, options: options).batch.promises
    }

    /// The balance line's `$` is the country's peso, and lends it to the bare promised amount.
    @Test(arguments: [
        (NotesImportOptions(defaultCountry: "CO"), "500000.00 COP"),
        (NotesImportOptions(defaultCurrency: .cop, defaultCountry: "CO"), "500000.00 COP"),
        (NotesImportOptions(defaultCurrency: .cop), "500000.00 COP"),
        (NotesImportOptions(defaultCountry: "VE"), "500000.00 USD"),
        (NotesImportOptions(), "500000.00 USD"),
    ])
    func notebookBalanceDollarFollowsTheConfiguration(_ options: NotesImportOptions, _ expected: String) throws {
        let promises = try Self.promises(Self.notebook, kind: .notebook, options)
        #expect(promises.map { $0.amount?.description } == [expected])
    }

    @Test(arguments: [
        (NotesImportOptions(defaultCountry: "MX"), "5000.00 MXN"),
        (NotesImportOptions(defaultCurrency: .mxn), "5000.00 MXN"),
        (NotesImportOptions(defaultCurrency: .usd, defaultCountry: "MX"), "5000.00 MXN"),
        (NotesImportOptions(defaultCountry: "EC"), "5000.00 USD"),
        (NotesImportOptions(), "5000.00 USD"),
    ])
    func chatDollarFollowsTheConfiguration(_ options: NotesImportOptions, _ expected: String) throws {
        let promises = try Self.promises(Self.mexicanChat, kind: .whatsapp,
                                         path: "Chat de WhatsApp con +52 55 2931 9117.txt", options)
        #expect(promises.map { $0.amount?.description } == [expected])
    }

    /// `US$`, `USD` and `dólares` name US dollars wherever the notes come from.
    @Test(arguments: ["paga US$ 500", "paga USD 500", "paga 500 dólares", "paga 500 usd"])
    func namedDollarsStayUSD(_ text: String) {
        let found = AmountExtractor.extract(text, defaultCurrency: .cop, dollarSign: .cop)
        #expect(found.map(\.money.description) == ["500.00 USD"])
    }

    @Test(arguments: [("paga $500", "500.00 COP"), ("paga 500$", "500.00 COP"), ("paga $ 1.500", "1500.00 COP")])
    func bareDollarTakesTheGivenCurrency(_ text: String, _ expected: String) {
        #expect(AmountExtractor.extract(text, defaultCurrency: nil, dollarSign: .cop).map(\.money.description) == [expected])
    }
}
