import Foundation
import Testing
import Receivables
import Reconcile
@testable import Collections

@Suite struct WorklistTests {
    let settings = CollectionsSettings(asOf: Fx.date("2026-03-31"))

    @Test func onlyCustomersWithOverdueMoneyAreListed() {
        let result = Fx.result(
            customers: [Fx.customer("C1"), Fx.customer("C2"), Fx.customer("C3")],
            invoices: [Fx.invoice("C1", "F1", due: "2026-03-01", amount: "100"),
                       Fx.invoice("C2", "F2", due: "2026-04-30", amount: "100"),
                       Fx.invoice("C3", "F3", due: "2026-03-01", amount: "100", paid: "100")])
        let list = CollectionsReport(result: result, settings: settings).worklist
        #expect(list.map(\.customerID) == ["C1"])
        #expect(list.first?.rank == 1)
    }

    @Test func biggerOlderUncontactedDebtsComeFirst() {
        let result = Fx.result(
            customers: [Fx.customer("A"), Fx.customer("B"), Fx.customer("C"), Fx.customer("D")],
            invoices: [Fx.invoice("A", "1", due: "2026-03-21", amount: "100"),   // small, 10 days
                       Fx.invoice("B", "2", due: "2025-10-01", amount: "5000"),  // big, 181 days
                       Fx.invoice("C", "3", due: "2025-10-01", amount: "5000"),  // same, but contacted yesterday
                       Fx.invoice("D", "4", due: "2026-01-30", amount: "1000")], // medium, 60 days
            contacts: [Fx.contact("C", on: "2026-03-30")])
        let list = CollectionsReport(result: result, settings: settings).worklist
        #expect(list.map(\.customerID) == ["B", "C", "D", "A"])
        #expect(list.map(\.rank) == [1, 2, 3, 4])
        let b = list[0]
        #expect(b.score.neverContacted == 10 && b.score.contact == 15 && b.score.age == 25)
        #expect(b.reason.contains("nunca contactado"))
        #expect(b.reason.contains("USD 5000.00") == false && b.reason.contains("5000.00 USD"))
        #expect(b.reason.contains("181 días de atraso"))
        #expect(list[1].reason.contains("último contacto hace 1 día"))
    }

    /// An unanswered call works the debt but reaches nobody: the customer is no less urgent than
    /// one never called, and the reason says it was tried.
    @Test func unansweredCallsAreNoContact() {
        let result = Fx.result(
            customers: [Fx.customer("A"), Fx.customer("B")],
            invoices: [Fx.invoice("A", "1", due: "2025-12-31", amount: "1100"),
                       Fx.invoice("B", "2", due: "2026-03-20", amount: "1100")],
            contacts: [Fx.contact("A", on: "2026-03-23", id: "notas.txt#L1", outcome: .noAnswer),
                       Fx.contact("B", on: "2026-03-30", id: "notas.txt#L2")])
        let report = CollectionsReport(result: result, settings: settings)
        #expect(report.worklist.map(\.customerID) == ["A", "B"])
        let a = report.worklist[0]
        #expect(a.lastContactDate == nil && a.reason.contains("nunca contactado")
                    && a.reason.contains("1 intento sin respuesta (el último el 2026-03-23)"), "\(a.reason)")
        // Worked all the same: no debt of A is counted as nobody's work.
        #expect(report.position(of: "A")?.contactCount == 1)
    }

    @Test func brokenPromisesRaiseAndPendingPromisesLowerThePriority() {
        let result = Fx.result(
            customers: [Fx.customer("A", currency: .usd), Fx.customer("B", currency: .usd),
                        Fx.customer("C", currency: .usd)],
            invoices: [Fx.invoice("A", "1", due: "2026-02-01", amount: "300"),
                       Fx.invoice("B", "2", due: "2026-02-01", amount: "300"),
                       Fx.invoice("C", "3", due: "2026-02-01", amount: "300")],
            contacts: [Fx.contact("A", on: "2026-03-20"), Fx.contact("B", on: "2026-03-20"),
                       Fx.contact("C", on: "2026-03-20")],
            promises: [Fx.promise("B", made: "2026-03-01", by: "2026-03-05", amount: "300"),
                       Fx.promise("C", made: "2026-03-20", by: "2026-04-03", amount: "300")])
        let list = CollectionsReport(result: result, settings: settings).worklist
        #expect(list.map(\.customerID) == ["B", "A", "C"])
        #expect(list[0].score.brokenPromises == 5)
        #expect(list[0].reason.contains("1 promesa de pago incumplida"))
        #expect(list[2].score.waiting == -20)
        #expect(list[2].reason.contains("promesa pendiente hasta el 2026-04-03"))
    }

    @Test func amountsRankWithinTheirOwnCurrency() {
        // 1,000,000 VES is not "more" than 900 USD: each is the largest in its currency.
        let result = Fx.result(
            customers: [Fx.customer("U1", currency: .usd), Fx.customer("U2", currency: .usd),
                        Fx.customer("V1", currency: .ves)],
            invoices: [Fx.invoice("U1", "1", due: "2026-03-01", amount: "900"),
                       Fx.invoice("U2", "2", due: "2026-03-01", amount: "100"),
                       Fx.invoice("V1", "3", due: "2026-03-01", amount: "1000000", currency: .ves)])
        let list = CollectionsReport(result: result, settings: settings).worklist
        let score = Dictionary(uniqueKeysWithValues: list.map { ($0.customerID, $0.score.amount) })
        #expect(score["U1"] == 35 && score["V1"] == 35 && score["U2"] == 17)
    }

    @Test func otherCurrenciesAreListedNotAdded() {
        let result = Fx.result(
            customers: [Fx.customer("A", currency: .usd)],
            invoices: [Fx.invoice("A", "1", due: "2026-03-01", amount: "10"),
                       Fx.invoice("A", "2", due: "2026-03-01", amount: "700", currency: .ves)])
        let entry = CollectionsReport(result: result, settings: settings).worklist.first
        #expect(entry?.currency == .usd && entry?.overdue == 10)
        #expect(entry?.otherOverdue == [Fx.money("700", .ves)])
        #expect(entry?.reason.contains("también vencido: 700.00 VES") == true)
    }

    /// The age that ranks a customer is its oldest overdue debt's, whatever the currency: days
    /// compare across currencies, only money does not.
    @Test func ageCountsTheOldestDebtInAnyCurrency() {
        let result = Fx.result(
            customers: [Fx.customer("A", currency: .usd), Fx.customer("B", currency: .usd)],
            invoices: [Fx.invoice("A", "1", due: "2026-03-30", amount: "999"),
                       Fx.invoice("A", "2", due: "2025-12-01", amount: "700", currency: .ves),
                       Fx.invoice("B", "3", due: "2026-03-30", amount: "999")])
        let list = CollectionsReport(result: result, settings: settings).worklist
        let a = list.first { $0.customerID == "A" }, b = list.first { $0.customerID == "B" }
        #expect(a?.maxDaysOverdue == 120 && b?.maxDaysOverdue == 1)
        #expect((a?.score.age ?? 0) > (b?.score.age ?? 0))
        #expect(list.first?.customerID == "A")
        #expect(a?.reason.contains("también vencido: 700.00 VES (el más antiguo con 120 días de atraso)") == true)
    }

    @Test func orderIsIndependentOfInputOrder() {
        let invoices = (1...8).map { i in
            Fx.invoice("C\(i % 4)", "F\(i)", due: "2026-0\(1 + i % 3)-0\(1 + i % 7)", amount: "\(i * 37)")
        }
        let customers = (0..<4).map { Fx.customer("C\($0)") }
        let a = CollectionsReport(result: Fx.result(customers: customers, invoices: invoices), settings: settings)
        let b = CollectionsReport(result: Fx.result(customers: customers.reversed(), invoices: invoices.reversed()),
                                  settings: settings)
        #expect(a.worklist == b.worklist)
        #expect(a.customers == b.customers)
        #expect(a.metrics == b.metrics)
    }
}

@Suite struct PercentileTests {
    @Test(arguments: [(Decimal(0), 0), (Decimal(1), 2), (Decimal(2), 3), (Decimal(5), 4), (Decimal(9), 5)])
    func countAtOrBelow(value: Decimal, count: Int) {
        #expect(WorklistBuilder.countAtOrBelow(value, in: [1, 1, 2, 5, 7]) == count)
    }
}
