import Foundation
@testable import Mapping
import Receivables
import Testing

/// What a row's own amounts say against each other (``InvoiceAmountCheck``).
struct InvoiceAmountCheckTests {
    static func money(_ text: String?) -> Money? {
        guard let text else { return nil }
        let parts = text.split(separator: " ")
        return Money(Decimal(string: String(parts[0]))!, parts.count > 1 ? Currency(code: parts[1]) : nil)
    }

    /// amount, paid, balance → mixed currencies, balance exceeds amount, paid exceeds amount.
    @Test(arguments: [
        ("100 USD", "40 USD", "60 USD", false, false, false),
        ("100 USD", nil, "60 VES", true, false, false),
        ("100 USD", "40 VES", nil, true, false, false),
        (nil, "40 VES", "60 USD", true, false, false),
        (nil, "40 VES", "60 VES", false, false, false),
        ("100", "40 USD", "60", false, false, false),
        ("100 USD", nil, "150 USD", false, true, false),
        ("100 USD", "150 USD", nil, false, false, true),
        // Another currency's figure is no bound.
        ("100 USD", "150 VES", nil, true, false, false),
    ] as [(String?, String?, String?, Bool, Bool, Bool)])
    func amountsAgainstEachOther(_ c: (String?, String?, String?, Bool, Bool, Bool)) {
        let check = InvoiceAmountCheck(type: .invoice, amount: Self.money(c.0), paid: Self.money(c.1), balance: Self.money(c.2))
        #expect(check.mixedCurrencies == c.3)
        #expect(check.balanceExceedsAmount == c.4)
        #expect(check.paidExceedsAmount == c.5)
        #expect(check.callsForWarning == (c.3 || c.4 || c.5))
    }

    @Test func aCreditNoteIsNotBoundByItsTotal() {
        let check = InvoiceAmountCheck(type: .creditNote, amount: Self.money("-100 USD"), paid: nil, balance: Self.money("-150 USD"))
        #expect(!check.callsForWarning)
    }
}
