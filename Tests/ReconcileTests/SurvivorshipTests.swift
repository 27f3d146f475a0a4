import Receivables
import Tabular
import Testing
@testable import Reconcile

@Suite struct SurvivorshipTests {
    static func candidate(_ value: String, _ row: Int, priority: Int = 0, asOf: LocalDate? = nil) -> Candidate {
        Candidate(value: value, key: TextFolding.fold(value), record: RecordID("s.csv#\(row)"),
                  provenance: Provenance(SourceLocation(file: "s.csv", row: row)), sourcePriority: priority, asOf: asOf)
    }

    @Test func rulesApplyInOrder() throws {
        let order = MatchSettings.SurvivorshipRule.allCases
        let s = Survivorship(order: order)
        let byPriority = try #require(s.choose([Self.candidate("Calle 1", 2), Self.candidate("Calle 2", 3, priority: 5)]))
        #expect(byPriority.chosen.value == "Calle 2" && byPriority.rule == "source_priority" && byPriority.conflict)
        let recent = try #require(s.choose([Self.candidate("Calle 1", 2, asOf: LocalDate(year: 2024, month: 1, day: 1)),
                                            Self.candidate("Calle 2", 3, asOf: LocalDate(year: 2025, month: 1, day: 1))]))
        #expect(recent.chosen.value == "Calle 2" && recent.rule == "most_recent")
        let complete = try #require(s.choose([Self.candidate("Calle 1", 2), Self.candidate("Calle 1, Local 4", 3)]))
        #expect(complete.rule == "most_complete" && complete.chosen.value == "Calle 1, Local 4")
        let frequent = try #require(s.choose([Self.candidate("Calle 1", 2), Self.candidate("Calle 9", 3), Self.candidate("calle 9", 4)]))
        #expect(frequent.rule == "most_frequent" && frequent.chosen.key == "calle 9")
        let same = try #require(s.choose([Self.candidate("CALLE 1", 2), Self.candidate("Calle 1", 3)]))
        #expect(same.rule == "only_value" && !same.conflict && same.chosen.value == "Calle 1")
    }

    @Test func configurableOrder() throws {
        let s = Survivorship(order: [.mostFrequent, .sourcePriority])
        let c = try #require(s.choose([Self.candidate("A", 2, priority: 9), Self.candidate("B", 3), Self.candidate("B", 4)]))
        #expect(c.chosen.value == "B" && c.rule == "most_frequent")
    }

    @Test func losingValuesBecomeDiscrepancies() throws {
        let records = Fixture.tornillo
        let result = Reconciler().reconcile(Fixture.batch(records))
        let id = try #require(Fixture.customerID(of: records[0], in: result))
        let address = try #require(result.discrepancies.first { $0.kind == "customer_field_conflict" && $0.entityID == id && $0.field == "address" })
        #expect(address.severity == .warning)
        #expect(address.values.count == 3)
        #expect(address.chosen == "Av. Bolívar 12, Valencia" && address.rule == "source_priority")
        #expect(address.id.hasPrefix("D-") && address.id.count == 10)
        // Same writing of the name modulo case/accents/legal form is not a conflict.
        let again = Reconciler().reconcile(Fixture.batch(records.reversed()))
        #expect(again.discrepancies.map(\.id) == result.discrepancies.map(\.id))
    }

    @Test func explainShowsWaterfallAndProvenance() throws {
        let records = Fixture.tornillo
        let result = Reconciler().reconcile(Fixture.batch(records))
        let id = try #require(Fixture.customerID(of: records[0], in: result))
        let text = explain(customerID: id, in: result)
        #expect(text.contains("Customer \(id): Ferretería El Tornillo C.A."))
        #expect(text.contains("prior"))
        #expect(text.contains("tax_id"))
        #expect(text.contains("exact, both valid"))
        #expect(text.contains("→ probability"))
        #expect(text.contains("name: \"Ferretería El Tornillo C.A.\"  from ventas.xlsx › Clientes!A2"))
        #expect(explain(customerID: "C-NOPE", in: result).hasPrefix("No customer"))
    }

    @Test func taxIDDiscrepancies() throws {
        let records = [
            Fixture.customer("a.csv", 2, name: "Cliente Uno C.A.", tax: Fixture.rif("J-11111111-1", valid: false)),
            Fixture.customer("a.csv", 3, name: "Otra Empresa Distinta S.A.", tax: Fixture.rif("J-22222222-2")),
            Fixture.customer("b.csv", 3, name: "Grupo Completamente Diferente", tax: Fixture.rif("J-22222222-2")),
        ] + Fixture.others
        let overrides = Overrides(cannotLink: [.init(.record(records[1].id), .record(records[2].id))])
        let result = Reconciler(overrides: overrides).reconcile(Fixture.batch(records))
        #expect(result.discrepancies.contains { $0.kind == "invalid_tax_id" })
        #expect(result.discrepancies.contains { $0.kind == "shared_tax_id" && $0.entityID == "J222222222" })
    }
}
