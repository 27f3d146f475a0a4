import Foundation
import Testing
import Receivables
import Reconcile
@testable import Collections

@Suite struct AgingTests {
    @Test(arguments: [(-30, AgingBucket.current), (0, .current), (1, .days1to30), (30, .days1to30),
                      (31, .days31to60), (60, .days31to60), (61, .days61to90), (90, .days61to90),
                      (91, .days91to120), (120, .days91to120), (121, .over120), (4000, .over120)])
    func bucketBoundaries(days: Int, bucket: AgingBucket) {
        #expect(AgingBucket(daysOverdue: days) == bucket)
    }

    @Test func bucketLabelsAreTheContract() {
        #expect(AgingBucket.allCases.map(\.rawValue) == ["current", "1-30", "31-60", "61-90", "91-120", ">120"])
    }

    /// As-of 2026-03-31: the due date decides, the issue date stands in for a missing due date.
    @Test(arguments: [("2026-03-01", nil, 30, AgingBucket.days1to30),
                      ("2026-01-01", "2026-03-01", 30, .days1to30),
                      ("2026-01-01", "2026-04-10", -10, .current),
                      ("2025-12-01", "2025-12-01", 120, .days91to120),
                      ("2025-11-30", "2025-11-30", 121, .over120)] as [(String, String?, Int, AgingBucket)])
    func daysOverdueUseDueDateElseIssueDate(issued: String, due: String?, days: Int, bucket: AgingBucket) {
        let settings = CollectionsSettings(asOf: Fx.date("2026-03-31"))
        let a = InvoiceAging(invoiceIndex: 0, invoice: Fx.invoice("C1", "F1", issued: issued, due: due, amount: "100"),
                             customerCurrency: nil, settings: settings)
        #expect(a.daysOverdue == days)
        #expect(a.bucket == bucket)
        #expect(a.openAmount == 100)
    }

    @Test func settledAndUndatedDocumentsAreNotAged() {
        let settings = CollectionsSettings(asOf: Fx.date("2026-03-31"))
        let paid = InvoiceAging(invoiceIndex: 0, invoice: Fx.invoice("C1", "F1", issued: "2025-01-01", amount: "100",
                                                                     paid: "100"),
                                customerCurrency: nil, settings: settings)
        #expect(paid.openAmount == 0 && paid.bucket == nil && paid.daysOverdue == nil)
        let undated = InvoiceAging(invoiceIndex: 0, invoice: Fx.invoice("C1", "F2", amount: "50"),
                                   customerCurrency: nil, settings: settings)
        #expect(undated.openAmount == 50 && undated.bucket == nil)
    }

    @Test func creditNotesAreNegativeWhateverTheSourceSign() {
        let settings = CollectionsSettings(asOf: Fx.date("2026-03-31"))
        for text in ["40", "-40"] {
            let a = InvoiceAging(invoiceIndex: 0, invoice: Fx.invoice("C1", "NC1", type: .creditNote,
                                                                      issued: "2026-03-20", amount: text),
                                 customerCurrency: nil, settings: settings)
            #expect(a.openAmount == -40)
            #expect(a.amount == -40)
        }
    }

    @Test func openAmountIsBalanceElseAmountMinusPaid() {
        let settings = CollectionsSettings(asOf: Fx.date("2026-03-31"))
        let stated = InvoiceAging(invoiceIndex: 0, invoice: Fx.invoice("C1", "F1", due: "2026-03-01", amount: "100",
                                                                       paid: "10", balance: "70"),
                                  customerCurrency: nil, settings: settings)
        #expect(stated.openAmount == 70)
        let derived = InvoiceAging(invoiceIndex: 0, invoice: Fx.invoice("C1", "F1", due: "2026-03-01", amount: "100.10",
                                                                        paid: "0.20"),
                                   customerCurrency: nil, settings: settings)
        #expect(derived.openAmount == Decimal(string: "99.9"))
    }

    @Test func currencyFallsBackToCustomerThenDefault() {
        let settings = CollectionsSettings(asOf: Fx.date("2026-03-31"), defaultCurrency: .cop)
        let inv = Fx.invoice("C1", "F1", amount: "1", currency: nil)
        #expect(InvoiceAging(invoiceIndex: 0, invoice: inv, customerCurrency: .ves, settings: settings).currency == .ves)
        #expect(InvoiceAging(invoiceIndex: 0, invoice: inv, customerCurrency: nil, settings: settings).currency == .cop)
    }
}
