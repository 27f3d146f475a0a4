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

    /// One name spelled several ways is one name to the rules: the spelling most members write
    /// is kept, not the latest row's typo nor the longest one (QA session 22: `Raffael` over six
    /// `Rafael`, `IMPORTADORA EL CAIBE S.A.` over the ERP's `CARIBE`); source priority still decides first.
    @Test func aNameIsWrittenAsMostMembersWriteIt() throws {
        let consolidator = CustomerConsolidator(settings: .default)
        func member(_ name: String, _ row: Int, day: Int, priority: Int = 0) -> Customer {
            let place = SourceLocation(file: "ventas.csv", row: row)
            return Customer(id: RecordID(place, suffix: "customer"), name: Sourced(name, from: Provenance(place)),
                            provenance: Provenance(place), sourcePriority: priority, asOf: LocalDate(year: 2024, month: 6, day: day))
        }
        var found: [Discrepancy] = []
        let members = (2...7).map { member("Rafael Torres García", $0, day: $0) } + [member("Raffael Torres Garcia", 8, day: 28)]
        let (typo, decisions) = consolidator.consolidate(id: "C-1", members: members, overrides: [:], discrepancies: &found)
        #expect(typo.name == "Rafael Torres García")
        #expect(decisions.first { $0.field == "name" }?.rule == "most_frequent")
        #expect(found.contains { $0.field == "name" })
        // Priority first: the ERP's spelling, however few write it.
        let erp = [member("IMPORTADORA EL CARIBE SA", 9, day: 1, priority: 5)]
            + (2...4).map { member("Importadora El Caibe S.A.", $0, day: 20) }
        #expect(consolidator.consolidate(id: "C-2", members: erp, overrides: [:], discrepancies: &found).0.name
                    == "IMPORTADORA EL CARIBE SA")
        // Two names (a rename), not spellings: the rules choose, the latest here.
        let renamed = [member("Comercial Pérez C.A.", 2, day: 1), member("Comercial Pérez C.A.", 3, day: 2),
                       member("Distribuidora Oriente C.A.", 4, day: 30)]
        #expect(consolidator.consolidate(id: "C-3", members: renamed, overrides: [:], discrepancies: &found).0.name
                    == "Distribuidora Oriente C.A.")
        #expect(Survivorship.completeness("PEREZ JUAN") > Survivorship.completeness("juan pérez"))
        // A name cut short (a bank's payer, at 25 characters) is another value, not a spelling: the
        // many payments never write the customer's name.
        let cut = [member("Transporte del Valle S.A. de C.V.", 2, day: 1)]
            + (3...6).map { member("TRANSPORTE DEL VALLE SA D", $0, day: 1) }
        #expect(NameSpellings.sameName([Array("transporte".utf8), Array("valle".utf8)],
                                       [Array("transporte".utf8), Array("valle".utf8), Array("d".utf8)]) == false)
        _ = consolidator.consolidate(id: "C-4", members: cut, overrides: [:], discrepancies: &found)
    }

    /// A chat's contact name (newer: the chat's last message) does not replace the name a sheet
    /// records, unless the priorities say the chat is the better source.
    @Test func recordedNameBeatsChatName() throws {
        let sheet = Fixture.customer("erp.csv", 2, name: "Inversiones Márquez & Hijos, C.A.", phones: ["+584145550199"])
        let chatPlace = SourceLocation(file: "WhatsApp Chat con Inversiones Marquez.txt", line: 1)
        func chat(priority: Int) -> Customer {
            Customer(id: RecordID(chatPlace, suffix: "customer"), name: Sourced("Inversiones Marquez", from: Provenance(chatPlace)),
                     phones: [Sourced("+584145550199", from: Provenance(chatPlace))], provenance: Provenance(chatPlace),
                     sourcePriority: priority, asOf: LocalDate(year: 2024, month: 6, day: 10))
        }
        let consolidator = CustomerConsolidator(settings: .default)
        var found: [Discrepancy] = []
        let (plain, decisions) = consolidator.consolidate(id: "C-1", members: [sheet, chat(priority: 0)], overrides: [:], discrepancies: &found)
        #expect(plain.name == "Inversiones Márquez & Hijos, C.A.")
        #expect(decisions.first { $0.field == "name" }?.rule == "recorded_name")
        let (preferred, _) = consolidator.consolidate(id: "C-1", members: [sheet, chat(priority: 5)], overrides: [:], discrepancies: &found)
        #expect(preferred.name == "Inversiones Marquez")
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

    /// One ID written with and without its check digit is one value, not a conflict: the parser
    /// completes what it can (`J-30123456`, `900123456`), and a bare cédula whose letter is only
    /// inferred takes the cluster's one fuller ID it starts.
    @Test func checkDigitLeftOutIsNoConflict() throws {
        func ids(_ texts: [String], _ country: String) -> [Customer] {
            texts.enumerated().map { i, t in
                Fixture.customer("s\(i).csv", 2, name: "Abasto Luna C.A.", tax: TaxIDParser.parse(t, country: country))
            }
        }
        for (texts, country, kept) in [(["J-30123456", "J-30123456-1"], "VE", "J-30123456-1"),
                                       (["12345678", "V-12345678-1", "V12345678"], "VE", "V-12345678-1"),
                                       (["900123456", "900.123.456-8"], "CO", "900.123.456-8")] {
            let result = Reconciler().reconcile(Fixture.batch(ids(texts, country) + Fixture.others))
            let conflicts = result.discrepancies.filter { $0.field == "tax_id" }
            #expect(conflicts.isEmpty, "\(texts): \(conflicts.map(\.message))")
            let merged = try #require(result.customers.first { $0.name == "Abasto Luna C.A." })
            #expect(merged.taxID?.display == kept && merged.taxID?.validity == .valid)
        }
        // Two different IDs still disagree.
        let two = Reconciler().reconcile(Fixture.batch(ids(["J-30123456-1", "J-30123457-8"], "VE") + Fixture.others))
        #expect(two.discrepancies.contains { $0.field == "tax_id" })
    }

    @Test func sameIDKeysTakeTheOneFullerID() {
        let k = { (t: String) in TaxIDKey(TaxIDParser.parse(t, country: "VE")) }
        #expect(CustomerConsolidator.sameIDKeys([k("12345678"), k("V-12345678-1")]) == ["V123456781", "V123456781"])
        // Two fuller IDs it might start: it keeps its own key.
        #expect(CustomerConsolidator.sameIDKeys([k("30123456"), k("J-30123456-1"), k("G-30123456-4")])
                    == ["V30123456", "J301234561", "G301234564"])
        // A failed check digit is no fuller form to take.
        #expect(CustomerConsolidator.sameIDKeys([k("12345678"), k("V-12345678-9")]) == ["V12345678", "V123456789"])
    }
}
