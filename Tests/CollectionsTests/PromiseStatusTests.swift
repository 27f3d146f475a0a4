import Foundation
import Testing
import Receivables
import Reconcile
@testable import Collections

@Suite struct PromiseStatusTests {
    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var asOf: String
        var grace = 0
        var promisedBy: String?
        var amount: String? = "100"
        var payments: [(String, String, Currency)]
        var expected: PromiseToPay.Status
    }

    static let cases: [Case] = [
        Case(description: "paid in full by the date", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-05", "60", .usd), ("2026-03-10", "40", .usd)], expected: .kept),
        Case(description: "paid on the day it was made", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-01", "100", .usd)], expected: .kept),
        Case(description: "paid before it was made does not count", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-02-28", "100", .usd)], expected: .broken),
        Case(description: "partial payment, date passed", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-05", "99.99", .usd)], expected: .broken),
        Case(description: "paid late", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-11", "100", .usd)], expected: .broken),
        Case(description: "paid late but within grace", asOf: "2026-03-31", grace: 2, promisedBy: "2026-03-10",
             payments: [("2026-03-12", "100", .usd)], expected: .kept),
        Case(description: "other currency never counts", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-05", "100", .ves)], expected: .broken),
        Case(description: "date not passed yet", asOf: "2026-03-10", promisedBy: "2026-03-10",
             payments: [], expected: .pending),
        Case(description: "date passed yesterday", asOf: "2026-03-11", promisedBy: "2026-03-10",
             payments: [], expected: .broken),
        Case(description: "no amount: any payment keeps it", asOf: "2026-03-31", promisedBy: "2026-03-10",
             amount: nil, payments: [("2026-03-09", "1", .usd)], expected: .kept),
        Case(description: "undated promise judged 7 days after", asOf: "2026-03-08", promisedBy: nil,
             payments: [], expected: .pending),
        Case(description: "undated promise broken after 7 days", asOf: "2026-03-09", promisedBy: nil,
             payments: [], expected: .broken),
        Case(description: "payment after as-of is ignored", asOf: "2026-03-05", promisedBy: "2026-03-04",
             payments: [("2026-03-06", "100", .usd)], expected: .broken),
        Case(description: "a bounced cheque keeps nothing", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-05", "100", .usd), ("2026-03-07", "-100", .usd)], expected: .broken),
        Case(description: "bounced after the date, still kept nothing", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-05", "100", .usd), ("2026-03-20", "-100", .usd)], expected: .broken),
        Case(description: "bounced the day it came in", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-05", "100", .usd), ("2026-03-05", "-100", .usd)], expected: .broken),
        Case(description: "the bounced one of two payments", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-03", "100", .usd), ("2026-03-05", "40", .usd), ("2026-03-06", "-40", .usd)],
             expected: .kept),
        Case(description: "a reversal after as-of has not happened yet", asOf: "2026-03-15", promisedBy: "2026-03-10",
             payments: [("2026-03-05", "100", .usd), ("2026-03-20", "-100", .usd)], expected: .kept),
        Case(description: "a reversal in another currency takes nothing", asOf: "2026-03-31", promisedBy: "2026-03-10",
             payments: [("2026-03-05", "100", .usd), ("2026-03-06", "-100", .ves)], expected: .kept),
    ]

    @Test(arguments: cases)
    func status(c: Case) {
        let result = Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            payments: c.payments.enumerated().map { i, p in
                Fx.payment("C1", on: p.0, p.1, currency: p.2, id: "bank.csv#\(i + 2)")
            },
            promises: [Fx.promise("C1", made: "2026-03-01", by: c.promisedBy, amount: c.amount)])
        let report = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Fx.date(c.asOf),
                                                                                    promiseGraceDays: c.grace))
        #expect(report.promises.first?.status == c.expected)
    }

    /// A payment counts once: promises take the customer's payments in the order they fall due,
    /// so one payment of 500 keeps the promise of 300 due first and leaves 200 for the one of 500.
    @Test func aPaymentKeepsOnePromiseNotTwo() {
        let result = Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            payments: [Fx.payment("C1", on: "2024-09-19", "500")],
            promises: [Fx.promise("C1", made: "2024-09-12", by: "2024-09-20", amount: "500"),
                       Fx.promise("C1", made: "2024-09-10", by: "2024-09-19", amount: "300")])
        let report = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Fx.date("2024-09-30")))
        #expect(report.promises.map(\.promiseIndex) == [0, 1])
        #expect(report.promises.map(\.status) == [.broken, .kept])
        #expect(report.promises.map(\.paidInWindow) == [200, 300])
        // Two payments, two promises: each kept.
        let both = CollectionsReport(result: Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            payments: [Fx.payment("C1", on: "2024-09-19", "300", id: "bank.csv#2"),
                       Fx.payment("C1", on: "2024-09-20", "500", id: "bank.csv#3")],
            promises: [Fx.promise("C1", made: "2024-09-12", by: "2024-09-20", amount: "500"),
                       Fx.promise("C1", made: "2024-09-10", by: "2024-09-19", amount: "300")]),
            settings: CollectionsSettings(asOf: Fx.date("2024-09-30")))
        #expect(both.promises.map(\.status) == [.kept, .kept])
    }

    /// A promise made after the as-of date has not been made yet: it neither waits nor counts.
    @Test func aPromiseMadeAfterTheAsOfDateIsNotCounted() {
        let result = Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            invoices: [Fx.invoice("C1", "F1", due: "2024-05-01", amount: "100")],
            promises: [Fx.promise("C1", made: "2024-09-10", by: "2024-09-13", amount: "100")])
        let report = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Fx.date("2024-07-01")))
        #expect(report.position(of: "C1")?.promisesPending == 0)
        #expect(report.worklist.first.map { !$0.reason.contains("promesa pendiente") } == true)
    }

    /// The report's promise counts leave out a promise made after the as-of date, as the
    /// customers' positions and the worklist do.
    @Test func metricsDoNotCountAPromiseMadeAfterTheAsOfDate() {
        let result = Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            invoices: [Fx.invoice("C1", "F1", due: "2024-05-01", amount: "100")],
            promises: [Fx.promise("C1", made: "2024-06-20", by: "2024-07-05", amount: "50"),
                       Fx.promise("C1", made: "2024-09-10", by: "2024-09-13", amount: "100")])
        let report = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Fx.date("2024-07-01")))
        #expect(report.metrics.promisesPending == 1)
        #expect(report.metrics.promisesKept + report.metrics.promisesBroken == 0)
    }

    @Test func unattachedPromiseStaysPending() {
        let result = Fx.result(promises: [Fx.promise(nil, made: "2026-01-01", by: "2026-01-02", amount: "5")])
        let report = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Fx.date("2026-03-31")))
        #expect(report.promises.first?.status == .pending)
    }

    @Test func countsFeedThePosition() {
        let result = Fx.result(
            customers: [Fx.customer("C1", currency: .usd)],
            payments: [Fx.payment("C1", on: "2026-03-02", "10")],
            promises: [Fx.promise("C1", made: "2026-03-01", by: "2026-03-03", amount: "10"),
                       Fx.promise("C1", made: "2026-03-01", by: "2026-03-03", amount: "50"),
                       Fx.promise("C1", made: "2026-03-20", by: "2026-04-05", amount: "50")])
        let p = CollectionsReport(result: result, settings: CollectionsSettings(asOf: Fx.date("2026-03-31")))
            .position(of: "C1")
        #expect(p?.promisesKept == 1)
        #expect(p?.promisesBroken == 1)
        #expect(p?.promisesPending == 1)
        #expect(p?.nextPromiseDeadline == Fx.date("2026-04-05"))
    }
}
