import Testing
@testable import Reconcile

@Suite struct NameRuleTests {
    @Test(arguments: [
        ("García Pérez, José", "jose garcia perez"),
        ("Ferreteria Tornillo, CA", "ferreteria tornillo"),
        ("Plasticos Hermanos, S.A. de C.V.", "plasticos hermanos"),
        ("Uno, Dos, Tres", "uno dos tres"),
    ])
    func commaOrderOfLedgers(name: String, written: String) {
        #expect(NameKey(name).tokens.joined(separator: " ") == written)
    }

    static func words(_ s: String) -> [[UInt8]] { NameKey(s).tokens.map { Array(FeatureSet.withoutEnye($0).utf8) } }

    @Test(arguments: [
        // (a, b, same words, one within the other)
        ("Ferretería El Tornillo", "FERRETERIA EL TORNIYO", true, true),
        ("Suministros Express Ibáñez", "Suministros Express Ibanez", true, true),
        ("Auto Partes del Norte", "AUTOzPARTES DEL NORTE", true, true),
        ("Valentina Mndez", "Valentina Méndez Esteban", false, true),
        ("Dist. Candelaria", "Distribuidora Candelaria", true, true),
        ("Marta Rodríguez Esteban", "Sofía Rodríguez Esteban", false, false),
        ("Inversiones Pérez Hermanos", "Comercial Pérez Hermanos", false, false),
        ("Miguel Moreno Moreno", "Miguel Herrero Moreno", false, false),
        ("Farmacia", "Farmacia San José", false, false),
    ])
    func tokenOverlap(a: String, b: String, same: Bool, subset: Bool) {
        let o = TokenOverlap(Self.words(a), Self.words(b))
        #expect(o.holds(.tokenMatch) == same)
        #expect(o.holds(.tokenSubset) == subset)
    }

    @Test(arguments: [
        // (a, b, first word and all words but one)
        ("Gabriela Quintero Molina", "Gabriela Renata Quintero", true),
        ("Julio Alberto Londoño", "Julio Londoño Londoño", true),
        ("Jaun Esteban Quintero Molina", "Juan Quintero Molina Soto", true),
        ("Marta Rodríguez Esteban", "Sofía Rodríguez Esteban", false),
        ("Inversiones Pérez Hermanos", "Comercial Pérez Hermanos", false),
        ("Gabriela Quintero", "Gabriela Renata", false),
        ("Ana Ruiz Soto", "Ana Pérez Gil", false),
    ])
    func allButOneWord(a: String, b: String, holds: Bool) {
        #expect(TokenOverlap(Self.words(a), Self.words(b)).holds(.allButOneWord) == holds)
    }

    @Test func vetoExceptionsParseAndApply() throws {
        let s = MatchSettings.default
        let veto = try #require(s.vetoes.first)
        #expect(veto.comparison == "name")
        #expect(veto.unless.map(\.comparison) == ["tax_id", "email"])
        // Relatives: one home phone, one address, different first names, no shared identifier.
        let relatives = [
            Fixture.customer("a.csv", 2, name: "Sofía Rodríguez Esteban", phones: ["+582418887766"], emails: ["sofia.r@gmail.com"],
                             address: "Calle 5 #12", city: "Valencia"),
            Fixture.customer("a.csv", 3, name: "Marta Rodríguez Esteban", phones: ["+582418887766"], emails: ["marta.r@gmail.com"],
                             address: "Calle 5 #12", city: "Valencia"),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(relatives))
        #expect(Fixture.customerID(of: relatives[0], in: result) != Fixture.customerID(of: relatives[1], in: result))
        // The same person under a name written two ways, sharing an email: linked despite the names.
        let samePerson = [
            Fixture.customer("a.csv", 2, name: "Beatriz Ferrer Durán", phones: ["+58333544635"], emails: ["beatriz_ferrer29@gmail.com"]),
            Fixture.customer("b.csv", 3, name: "BEATRIZ MONICA FERRER", phones: ["+58333544635"], emails: ["beatriz_ferrer29@gmail.com"]),
        ] + Fixture.others
        let linked = Reconciler().reconcile(Fixture.batch(samePerson))
        #expect(Fixture.customerID(of: samePerson[0], in: linked) == Fixture.customerID(of: samePerson[1], in: linked))
    }

    @Test func extraColumnsBlockAndCompare() throws {
        let s = try MatchSettings(yaml: """
            blocking: { keys: [extra.postcode] }
            comparisons:
              - field: extra.date_of_birth
                levels: [{ when: exact }, { when: levenshtein, threshold: 1 }, { when: else }]
            """)
        #expect(s.blockingExtras == ["postcode"])
        #expect(s.blockingKeys.isEmpty)
        #expect { try MatchSettings(yaml: "blocking: { keys: [extra.] }\ncomparisons: [{ field: name, levels: [{ when: else }] }]") } throws: { _ in true }
    }
}
