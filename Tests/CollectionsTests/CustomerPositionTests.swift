import Foundation
import Testing
import Receivables
import Reconcile
@testable import Collections

@Suite struct CustomerPositionTests {
    let settings = CollectionsSettings(asOf: Fx.date("2026-03-31"))

    @Test func balancesStayPerCurrencyWithMainCurrencyFirst() throws {
        let result = Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            invoices: [Fx.invoice("C1", "F1", due: "2026-01-31", amount: "100.50"),
                       Fx.invoice("C1", "F2", due: "2026-04-30", amount: "200"),
                       Fx.invoice("C1", "NC1", type: .creditNote, issued: "2026-03-30", amount: "20.25"),
                       Fx.invoice("C1", "F3", due: "2026-02-28", amount: "5000", currency: .ves)])
        let p = try #require(CollectionsReport(result: result, settings: settings).position(of: "C1"))
        #expect(p.mainCurrency == .usd)
        #expect(p.main.balance == Decimal(string: "280.25"))
        // The credit note is aged by its own date (1 day) and nets against the past-due money.
        #expect(p.main.overdue == Decimal(string: "80.25"))
        #expect(p.main.maxDaysOverdue == 59)
        #expect(p.otherCurrencies.map(\.currency) == [.ves])
        #expect(p.otherCurrencies.first?.balance == 5000)
        #expect(p.otherCurrencies.first?.overdue == 5000)
        // The oldest due date looks at every currency: dates compare, money does not.
        #expect(p.oldestDueDate == Fx.date("2026-01-31"))
    }

    @Test func aRecentCreditNoteCancellingAnOldInvoiceLeavesNothingOverdue() {
        let result = Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            invoices: [Fx.invoice("C1", "F1", due: "2025-12-31", amount: "100"),
                       Fx.invoice("C1", "NC1", type: .creditNote, issued: "2026-03-31", amount: "100")])
        let report = CollectionsReport(result: result, settings: settings)
        #expect(report.position(of: "C1")?.main.balance == 0)
        #expect(report.position(of: "C1")?.main.overdue == 0)
        #expect(report.worklist.isEmpty)
    }

    /// A credit counts whatever its own date: one its source gives a future due date, or an
    /// overpaid invoice not due yet, is applied to the oldest debt as a past-due credit note is.
    @Test func creditsNotYetDueAreAppliedToTheOldestDebt() {
        let result = Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            invoices: [Fx.invoice("C1", "F1", due: "2025-12-01", amount: "1000"),
                       Fx.invoice("C1", "F2", due: "2026-04-15", amount: "500"),
                       Fx.invoice("C1", "NC1", type: .creditNote, issued: "2026-03-20", due: "2026-04-20", amount: "300"),
                       Fx.invoice("C1", "F3", due: "2026-04-30", amount: "50", paid: "100")])
        let p = CollectionsReport(result: result, settings: settings).position(of: "C1")
        #expect(p?.main.balance == 1150)
        #expect(p?.main.overdue == 650)
        #expect(p?.main.overdueDocuments == 1)
        #expect(p?.main.maxDaysOverdue == 120)
    }

    /// A credit covers the oldest debt first: what stays overdue is the younger debt, and the
    /// worklist speaks of its days, not of the debt the credit cancelled.
    @Test func aCreditCoveringTheOldestDebtLeavesTheYoungerOne() {
        let result = Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            invoices: [Fx.invoice("C1", "F1", due: "2025-12-01", amount: "100"),
                       Fx.invoice("C1", "F2", due: "2026-03-01", amount: "200"),
                       Fx.invoice("C1", "NC1", type: .creditNote, issued: "2026-03-31", amount: "150")])
        let report = CollectionsReport(result: result, settings: settings)
        let p = report.position(of: "C1")
        #expect(p?.main.overdue == 150)
        #expect(p?.main.overdueDocuments == 1)
        #expect(p?.main.maxDaysOverdue == 30)
        #expect(report.worklist.first?.maxDaysOverdue == 30)
    }

    @Test func mainCurrencyWithoutCustomerCurrencyIsTheMostUsed() {
        let docs = [Fx.invoice("C1", "F1", amount: "1", currency: .ves),
                    Fx.invoice("C1", "F2", amount: "1", currency: .usd),
                    Fx.invoice("C1", "F3", amount: "1", currency: .usd)]
        let report = CollectionsReport(result: Fx.result(customers: [Fx.customer("C1")], invoices: docs),
                                       settings: settings)
        #expect(report.position(of: "C1")?.mainCurrency == .usd)
    }

    /// A run as of a past date does not owe what was invoiced after it (as its payments after
    /// it are not received yet); the document is still listed.
    @Test func documentsIssuedAfterAsOfAreNotOwedYet() {
        let result = Fx.result(customers: [Fx.customer("C1", currency: .usd)],
                               invoices: [Fx.invoice("C1", "F1", issued: "2026-02-01", due: "2026-03-01", amount: "100"),
                                          Fx.invoice("C1", "F2", issued: "2026-04-15", due: "2026-05-15", amount: "900")])
        let report = CollectionsReport(result: result, settings: settings)
        #expect(report.position(of: "C1")?.main.balance == 100)
        #expect(report.invoices.count == 2)
        #expect(report.metrics.currencies.first?.receivables == 100)
    }

    @Test func lastContactIgnoresEventsAfterAsOf() {
        let result = Fx.result(customers: [Fx.customer("C1")],
                               contacts: [Fx.contact("C1", on: "2026-03-01"), Fx.contact("C1", on: "2026-03-20"),
                                          Fx.contact("C1", on: "2026-04-02")])
        let p = CollectionsReport(result: result, settings: settings).position(of: "C1")
        #expect(p?.lastContactDate == Fx.date("2026-03-20"))
        #expect(p?.contactCount == 2)
    }

    @Test func documentsOfUnknownCustomersStillGetAPosition() {
        let result = Fx.result(invoices: [Fx.invoice("C9", "F1", due: "2026-01-01", amount: "10")])
        let report = CollectionsReport(result: result, settings: settings)
        #expect(report.position(of: "C9")?.main.overdue == 10)
    }
}
