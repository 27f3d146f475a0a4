import Foundation
import Testing
@testable import Receivables

/// A credit note's figures are credits however a source signs them; an invoice's and a debit
/// note's stay as written. Money and plain parts are signed to the same text.
struct CreditSignTests {
    @Test(arguments: [
        (Invoice.DocumentType.creditNote, "1160.00", "-1160.00"), (.creditNote, "-1160.00", "-1160.00"),
        (.creditNote, "0", "0.00"), (.creditNote, "0.00", "0.00"), (.creditNote, "150000", "-150000.00"),
        (.invoice, "1160.00", "1160.00"), (.invoice, "-50.00", "-50.00"), (.debitNote, "300.00", "300.00"),
    ])
    func figuresAreSignedByTheirDocument(_ type: Invoice.DocumentType, _ written: String, _ signed: String) throws {
        let money = try #require(Money(written, "ARS"))
        #expect(type.signed(money).plainText == signed)
        let parts = try #require(written.utf8.withContiguousStorageIfAvailable { DecimalParts.parse(plain: $0) } ?? nil)
        var bytes: [UInt8] = []
        type.signed(parts).appendPlainText(minimumScale: 2, to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == signed)
    }
}
