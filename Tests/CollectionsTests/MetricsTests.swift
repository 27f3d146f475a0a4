import Foundation
import Testing
import Receivables
import Reconcile
@testable import Collections

@Suite struct MetricsTests {
    @Test func metricsPerCurrency() throws {
        let result = Fx.result(
            customers: [Fx.customer("A", currency: .usd), Fx.customer("B", currency: .usd),
                        Fx.customer("C", currency: .usd)],
            invoices: [Fx.invoice("A", "1", issued: "2026-03-01", due: "2026-03-15", amount: "300"),
                       Fx.invoice("A", "2", issued: "2026-03-20", due: "2026-04-20", amount: "600"),
                       Fx.invoice("B", "3", issued: "2025-12-01", due: "2025-12-31", amount: "100"),
                       Fx.invoice("C", "4", issued: "2026-03-01", due: "2026-04-01", amount: "50", currency: .ves)],
            contacts: [Fx.contact("A", on: "2026-03-25")],
            promises: [Fx.promise("A", made: "2026-03-01", by: "2026-03-02", amount: "10"),
                       Fx.promise("A", made: "2026-03-25", by: "2026-04-02", amount: "10")])
        let m = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Fx.date("2026-03-31"))).metrics
        #expect(m.currencies.map(\.currency) == [.usd, .ves])
        let usd = try #require(m.currencies.first)
        #expect(usd.receivables == 1000)
        #expect(usd.overdue == 400)
        #expect(usd.overdueShare == Decimal(string: "0.4"))
        // Sales in the 90 days before 2026-03-31: 300 + 600 (the December invoice is older).
        #expect(usd.creditSales == 900)
        #expect(usd.dso == Decimal(string: "100"))
        #expect(usd.buckets[.current] == 600 && usd.buckets[.days1to30] == 300 && usd.buckets[.days61to90] == 100)
        #expect(usd.unworkedInvoices == 1 && usd.unworkedOverdue == 100)
        #expect(m.customersWithOverdue == 2)
        #expect(m.customersWithOverdueContacted == 1)
        #expect(m.contactCoverage == Decimal(string: "0.5"))
        #expect(m.promisesBroken == 1 && m.promisesPending == 1 && m.promisesKept == 0)
        #expect(m.brokenPromiseRate == 1)
        #expect(m.unworkedCustomers == 1 && m.unworkedInvoices == 1)
        let ves = try #require(m.currencies.last)
        #expect(ves.receivables == 50 && ves.overdue == 0 && ves.overdueShare == 0)
    }

    /// One customer's credit nets against the book's balance, not against another's overdue
    /// debt: the overdue share is over what the debtors owe, never past 100 %.
    @Test func anotherCustomersCreditDoesNotPushTheOverdueSharePastTheWhole() throws {
        let result = Fx.result(
            customers: [Fx.customer("A", currency: .usd), Fx.customer("B", currency: .usd)],
            invoices: [Fx.invoice("A", "1", issued: "2026-01-01", due: "2026-01-31", amount: "1000"),
                       Fx.invoice("B", "2", issued: "2026-01-01", due: "2026-01-31", amount: "-500")])
        let m = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Fx.date("2026-03-31"))).metrics
        let usd = try #require(m.currencies.first)
        #expect(usd.receivables == 500 && usd.overdue == 1000)
        #expect(usd.overdueShare == 1)
    }

    @Test func ratiosAreAbsentWithoutADenominator() {
        let m = CollectionsReport(result: Fx.result(), settings: CollectionsSettings(asOf: Fx.date("2026-03-31"))).metrics
        #expect(m.currencies.isEmpty)
        #expect(m.contactCoverage == nil && m.brokenPromiseRate == nil)
    }

    @Test func contactCoverageWindowIsInclusive() {
        let result = Fx.result(customers: [Fx.customer("A")],
                               invoices: [Fx.invoice("A", "1", due: "2026-03-01", amount: "1")],
                               contacts: [Fx.contact("A", on: "2026-03-01")])
        let m = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Fx.date("2026-03-31"),
                                                                               contactCoverageDays: 30)).metrics
        #expect(m.contactCoverage == 1)
    }
}
