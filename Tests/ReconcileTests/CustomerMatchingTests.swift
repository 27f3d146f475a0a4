import Receivables
import Tabular
import Testing
@testable import Reconcile

@Suite struct CustomerMatchingTests {
    @Test func tornilloCopiesBecomeOneCustomer() throws {
        let records = Fixture.tornillo
        let result = Reconciler().reconcile(Fixture.batch(records))
        let ids = records.prefix(3).map { Fixture.customerID(of: $0, in: result) }
        #expect(Set(ids).count == 1)
        let id = try #require(ids[0])
        #expect(id.hasPrefix("C-") && id.count == 10)
        let customer = try #require(result.customers.first { $0.customerID == id })
        #expect(customer.members.count == 3)
        #expect(customer.name == "Ferretería El Tornillo C.A.")
        #expect(customer.taxID?.normalized == "J301234567")
        // The other customers stay apart except the two Candelaria copies (same phone, same name).
        #expect(result.customers.count == 6)
        #expect(Fixture.customerID(of: records[3], in: result) == Fixture.customerID(of: records[6], in: result))
    }

    /// A member joined by a scored match below `review_below` is said for a person to confirm;
    /// matches on a tax ID are not, and 0 says none.
    @Test func uncertainMatchesAreSaidForReview() throws {
        let records = Fixture.tornillo
        var everything = MatchSettings.default
        everything.reviewBelow = 1
        let flagged = Reconciler(settings: everything).reconcile(Fixture.batch(records))
        let uncertain = flagged.discrepancies.filter { $0.kind == "uncertain_match" }
        #expect(!uncertain.isEmpty && uncertain.allSatisfy { $0.severity == .warning && $0.values.count == 2 })
        #expect(uncertain.allSatisfy { $0.message.contains("please confirm") && $0.rule == "review_below" })
        var none = MatchSettings.default
        none.reviewBelow = 0
        #expect(!Reconciler(settings: none).reconcile(Fixture.batch(records)).discrepancies.contains { $0.kind == "uncertain_match" })
        // The same customers either way: the setting only says, it does not decide.
        #expect(Reconciler(settings: none).reconcile(Fixture.batch(records)).customers.map(\.customerID)
                == flagged.customers.map(\.customerID))
    }

    /// Two records of one valid RIF stay one customer when a third record agrees with only one of
    /// them (a salesperson's trade name and phone beside the ERP's legal name): the cluster's
    /// support check does not part one legal entity.
    @Test func oneValidTaxIDIsNotSplitByAThirdRecord() {
        let records = [
            Fixture.customer("erp.csv", 2, name: "Distribuidora Rojas C.A.", tax: Fixture.rif("J-40999888-6"), phones: ["+584242222222"]),
            Fixture.customer("pedro.csv", 2, name: "Inversiones Rojas", tax: Fixture.rif("J-40999888-6"), phones: ["+584141111111"]),
            Fixture.customer("ana.csv", 2, name: "Inversiones Rojas", phones: ["+584141111111"]),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        let ids = records.prefix(3).map { Fixture.customerID(of: $0, in: result) }
        #expect(Set(ids).count == 1)
        #expect(!result.discrepancies.contains { $0.kind == "cluster_split" || $0.kind == "shared_tax_id" })
    }

    @Test func sisterCompaniesSharingAPhoneStayApart() {
        let records = [
            Fixture.customer("erp.csv", 2, name: "Inversiones Pérez Hermanos C.A.", tax: Fixture.rif("J-40111222-3"), phones: ["+582125550000"]),
            Fixture.customer("erp.csv", 3, name: "Inversiones Pérez & Asociados C.A.", tax: Fixture.rif("J-40333444-5"), phones: ["+582125550000"]),
            Fixture.customer("ventas.xlsx", 4, name: "Inversiones Perez Hermanos", phones: ["0212-555.00.00"]),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: result) != Fixture.customerID(of: records[1], in: result))
        #expect(Fixture.customerID(of: records[0], in: result) == Fixture.customerID(of: records[2], in: result))
    }

    @Test func relativesAtOneAddressStayApart() {
        let records = [
            Fixture.customer("erp.csv", 2, name: "José Antonio García Pérez", tax: Fixture.rif("V-10111222-1"), phones: ["+582418887766"],
                             address: "Calle 5 con Av. 3, Casa 12", city: "Valencia"),
            Fixture.customer("erp.csv", 3, name: "María Elena García Pérez", tax: Fixture.rif("V-12333444-2"), phones: ["+582418887766"],
                             address: "Calle 5 con Av. 3, Casa 12", city: "Valencia"),
            Fixture.customer("notas.xlsx", 4, name: "Maria Elena Garcia", phones: ["0241-888.77.66"], city: "Valencia"),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: result) != Fixture.customerID(of: records[1], in: result))
        #expect(Fixture.customerID(of: records[1], in: result) == Fixture.customerID(of: records[2], in: result))
    }

    /// A father and his son at one phone are two people; a branch's longer name with another phone
    /// is another company, however many records share the legal form.
    @Test func aGenerationWordOrAnotherBranchKeepsNamesApart() {
        let records = [
            Fixture.customer("a.csv", 2, name: "Juan Carlos Martínez", phones: ["+584245556003"]),
            Fixture.customer("a.csv", 3, name: "Juan Carlos Martínez Hijo", phones: ["+584245556003"]),
            Fixture.customer("a.csv", 4, name: "Ferretería Central C.A.", phones: ["+582415556004"]),
            Fixture.customer("a.csv", 5, name: "Ferretería Central Norte C.A.", phones: ["+582415556005"]),
            Fixture.customer("b.csv", 2, name: "Ferreteria Central"),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        let id = { (i: Int) in Fixture.customerID(of: records[i], in: result) }
        #expect(id(0) != id(1))
        #expect(id(2) != id(3))
        #expect(id(2) == id(4))
    }

    /// Nor does a record that names no one (a chat known by its phone, a bank line with the
    /// father's tax ID) join the son to the father: father and son never share a cluster.
    @Test func aNamelessRecordDoesNotJoinFatherAndSon() {
        let records = [
            Fixture.customer("erp.csv", 2, name: "Pedro Luis Mendoza (Herrería Mendoza)", tax: Fixture.rif("V-13579246-9"),
                             phones: ["+584145550199"]),
            Fixture.customer("ventas.xlsx", 3, name: "Pedro Luis Mendoza", tax: Fixture.rif("V-13579246-9"), phones: ["+584145550199"]),
            Fixture.customer("cartera.csv", 4, name: "Pedro Luis Mendoza Hijo", phones: ["+584145550199"]),
            Fixture.customer("chat.txt", 1, name: nil, phones: ["+584145550199"]),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        let id = { (i: Int) in Fixture.customerID(of: records[i], in: result) }
        #expect(id(0) == id(1))
        #expect(id(2) != id(0))
        #expect(id(3) != id(2) || id(3) != id(0))
        #expect(Lineage.apart(FeatureSet(customers: CustomerView(records), settings: .default)).count >= 2)
        // The son written longer (`Hijo` not last) is the son still, not kept apart from himself.
        let son = [Fixture.customer("a.csv", 2, name: "Pedro Luis Mendoza Hijo", phones: ["+584145550199"]),
                   Fixture.customer("b.csv", 3, name: "Pedro Luis Mendoza Hijo (Herrería)", phones: ["+584145550199"])]
        #expect(Lineage.apart(FeatureSet(customers: CustomerView(son), settings: .default)).isEmpty)
    }

    /// Records one customer in the previous run and unchanged since stay one customer, though the
    /// model (here a stricter threshold; at night, weights re-estimated on more data) would now
    /// part them; a cannot-link still parts them, and `keep_previous_links: false` matches afresh.
    @Test func aPreviousRunsCustomerStaysTogether() throws {
        let records = [Fixture.customer("a.csv", 8, name: "Ferretería Central C.A.", phones: ["+582415556004"]),
                       Fixture.customer("b.csv", 6, name: "Ferreteria Central")] + Fixture.others
        let first = Reconciler().reconcile(Fixture.batch(records))
        let id = try #require(Fixture.customerID(of: records[0], in: first))
        #expect(Fixture.customerID(of: records[1], in: first) == id)
        let map = IDMap(first, customers: records)
        var strict = MatchSettings.default
        strict.matchThreshold = 0.999999
        #expect(Fixture.customerID(of: records[1], in: Reconciler(settings: strict).reconcile(Fixture.batch(records))) != id)
        let kept = Reconciler(settings: strict, previous: map).reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: kept) == id && Fixture.customerID(of: records[1], in: kept) == id)
        #expect(kept.matchExplanations.contains { $0.rule == "previous_run" })
        let parted = Reconciler(settings: strict, overrides: try Overrides(yaml: "cannot_link:\n  - [\"a.csv#8\", \"b.csv#6\"]\n"),
                                previous: map).reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: parted) != Fixture.customerID(of: records[1], in: parted))
        strict.keepPreviousLinks = false
        let afresh = Reconciler(settings: strict, previous: map).reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: afresh) != Fixture.customerID(of: records[1], in: afresh))
    }

    @Test func twoDifferentValidTaxIDsNeverMerge() {
        let records = [
            Fixture.customer("a.csv", 2, name: "Comercial Zamora C.A.", tax: Fixture.rif("J-30000001-1"), phones: ["+582121234567"], emails: ["admin@zamora.com"]),
            Fixture.customer("b.csv", 2, name: "Comercial Zamora C.A.", tax: Fixture.rif("J-30000002-2"), phones: ["+582121234567"], emails: ["admin@zamora.com"]),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: result) != Fixture.customerID(of: records[1], in: result))
        #expect(result.discrepancies.contains { $0.kind == "shared_tax_id" } == false)
    }

    /// A bare cédula whose last digit checks as a Colombian NIT's by chance (`43100012`), beside
    /// the same number with its check digit written apart (`43.100.012-4`): one person. Before,
    /// the two read as two valid tax IDs, which may never merge, and her debt counted twice.
    @Test func aBareNumberValidByChanceIsTheFullIDWithoutItsCheckDigit() {
        let bare = TaxIDParser.parse("43100012", country: "CO"), full = TaxIDParser.parse("43.100.012-4", country: "CO")
        #expect(bare.validity == .valid && full.validity == .valid && bare.normalized != full.normalized)
        let records = [
            Fixture.customer("ventas.xlsx", 12, name: "Ospina María Camila", tax: bare, phones: ["+573001234567"]),
            Fixture.customer("erp.csv", 21, name: "MARIA CAMILA OSPINA", tax: full),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: result) == Fixture.customerID(of: records[1], in: result))
        // Two IDs valid beyond chance still refuse each other.
        let keys = [TaxIDKey(bare), TaxIDKey(full), TaxIDKey(TaxIDParser.parse("900.123.456-8", country: "CO")),
                    TaxIDKey(TaxIDParser.parse("800.234.567-0", country: "CO"))]
        let refusing = CustomerMatcher.cannotLinkTaxIDs(keys)
        #expect(refusing[0] == nil && refusing[1] != nil)
        #expect(refusing[2] != nil && refusing[3] != nil)
    }

    /// Chile's RUT whose check digit is `K`, written without it (`76.928.916`): its number reads as
    /// another RUT valid by chance (7.692.891-6), yet it is `76.928.916-K` with the `K` left out. One
    /// customer, no `two_tax_ids`, no conflict (QA session 22: split in two, or said as an error).
    @Test(arguments: [("76.928.916-K", "76.928.916"), ("77.650.482-3", "77.650.482"), ("14.210.637-K", "14.210.637")])
    func aRUTWithoutItsCheckLetterIsTheFullRUT(full: String, bare: String) {
        let records = [
            Fixture.customer("ventas.csv", 2, name: "Inversiones Centauro SpA", tax: TaxIDParser.parse(full, country: "CL"),
                             phones: ["+56222334455"]),
            Fixture.customer("ventas.csv", 9, name: "Inversiones Centauro SpA", tax: TaxIDParser.parse(bare, country: "CL"),
                             phones: ["+56222334455"]),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        let id = Fixture.customerID(of: records[0], in: result)
        #expect(id != nil && id == Fixture.customerID(of: records[1], in: result))
        #expect(!result.discrepancies.contains { ["two_tax_ids", "invalid_tax_id"].contains($0.kind)
            || ($0.kind == "customer_field_conflict" && $0.field == "tax_id") })
        #expect(result.customers.first { $0.customerID == id }?.taxID?.normalized == TaxIDKey(TaxIDParser.parse(full, country: "CL")).normalized)
    }

    /// One valid tax ID, two names (the legal name and a trade name): one legal entity, one
    /// customer, the name conflict said; `link_same_valid_tax_ids: false` leaves it to the score.
    @Test func oneValidTaxIDIsOneCustomerWhateverTheNames() throws {
        let records = [
            Fixture.customer("ventas.csv", 2, name: "Grupo Martillo Industrial C.A.", tax: Fixture.rif("J-40777222-8"),
                             phones: ["+582512223344"]),
            Fixture.customer("erp.csv", 2, name: "FERRETERIA EL MARTILLO INDUSTRIAL", tax: Fixture.rif("J-40777222-8")),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: result) == Fixture.customerID(of: records[1], in: result))
        #expect(!result.discrepancies.contains { $0.kind == "shared_tax_id" })
        let off = try MatchSettings(yaml: MatchSettings.defaultYAML.replacingOccurrences(
            of: "link_same_valid_tax_ids: true", with: "link_same_valid_tax_ids: false"))
        #expect(!off.linkSameValidTaxIDs && MatchSettings.default.linkSameValidTaxIDs)
        let byScore = Reconciler(settings: off).reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: byScore) != Fixture.customerID(of: records[1], in: byScore))
    }

    @Test func weakChainIsSplit() {
        // 0–1 and 2–3 are strong pairs; only 1–2 links the two groups, and nothing else agrees.
        let strong: [UInt64: Double] = [Clusterer.key(0, 1): 0.99, Clusterer.key(1, 2): 0.96, Clusterer.key(2, 3): 0.99]
        let probability = { (i: Int, j: Int) in strong[Clusterer.key(i, j)] ?? 0.02 }
        let score = { (i: Int, j: Int) in
            ScoredPair(i: Int32(i), j: Int32(j), pattern: 0, weight: log2(probability(i, j) / (1 - probability(i, j))))
        }
        let edges = [(0, 1), (2, 3), (1, 2)].map { score($0.0, $0.1) }
        let clusterer = Clusterer(settings: .default, scorePair: score, validTaxIDs: [nil, nil, nil, nil, nil],
                                  mustLinks: [], cannotLinks: [])
        let outcome = clusterer.cluster(count: 5, edges: edges)
        #expect(outcome.clusters.map(\.members) == [[0, 1], [2, 3], [4]])
        #expect(outcome.splits.map(\.parts) == [[[0, 1], [2, 3]]])
        // A must-link keeps the chain together; a cannot-link stops even a strong edge.
        let forced = Clusterer(settings: .default, scorePair: score, validTaxIDs: [nil, nil, nil, nil, nil],
                               mustLinks: [(1, 2)], cannotLinks: [Clusterer.key(0, 1)]).cluster(count: 5, edges: edges)
        #expect(forced.clusters.map(\.members) == [[0], [1, 2, 3], [4]])
    }

    /// A record without a tax ID that matches two companies with different valid tax IDs equally
    /// well joins neither: which one it is, is a person's call, and the discrepancy says so.
    @Test func equallyGoodMatchesToIncompatibleCustomersStayApart() throws {
        let records = [
            Fixture.customer("a.csv", 2, name: "Comercial Zamora C.A.", tax: Fixture.rif("J-30000001-1"), phones: ["+582121234567"]),
            Fixture.customer("b.csv", 2, name: "Comercial Zamora C.A.", tax: Fixture.rif("J-30000002-2"), phones: ["+582121234567"]),
            Fixture.customer("c.csv", 2, name: "Comercial Zamora C.A.", phones: ["+582121234567"]),
        ] + Fixture.others
        let result = Reconciler().reconcile(Fixture.batch(records))
        let ids = records.prefix(3).map { Fixture.customerID(of: $0, in: result) }
        #expect(Set(ids).count == 3)
        let ambiguous = try #require(result.discrepancies.first { $0.kind == "ambiguous_match" })
        #expect(ambiguous.entityID == ids[2])
        #expect(ambiguous.values.count == 3)
        let (a, b) = (try #require(ids[0]), try #require(ids[1]))
        #expect(ambiguous.message.contains(a) && ambiguous.message.contains(b))
        // A must-link settles it.
        let overrides = try Overrides(yaml: "must_link:\n  - [\"c.csv#2\", \"a.csv#2\"]\n")
        let settled = Reconciler(overrides: overrides).reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[2], in: settled) == Fixture.customerID(of: records[0], in: settled))
        #expect(!settled.discrepancies.contains { $0.kind == "ambiguous_match" })
    }

    @Test func ambiguityNeedsEqualWeightsAndIncompatibleClusters() {
        // 2 matches 0 and 1 with the same weight; 0 and 1 have different valid tax IDs.
        let weights: [UInt64: Double] = [Clusterer.key(0, 2): 12, Clusterer.key(1, 2): 12, Clusterer.key(3, 4): 12]
        let score = { (i: Int, j: Int) in ScoredPair(i: Int32(i), j: Int32(j), pattern: 0, weight: weights[Clusterer.key(i, j)] ?? -20) }
        let edges = [(0, 2), (1, 2), (3, 4)].map { score($0.0, $0.1) }
        let taxIDs: [String?] = ["J1", "J2", nil, nil, nil]
        let outcome = Clusterer(settings: .default, scorePair: score, validTaxIDs: taxIDs, mustLinks: [], cannotLinks: [])
            .cluster(count: 5, edges: edges)
        #expect(outcome.clusters.map(\.members) == [[0], [1], [2], [3, 4]])
        #expect(outcome.ambiguous.map(\.members) == [[2]] && outcome.ambiguous.map(\.candidates) == [[0, 1]])
        // A stronger match wins without a report.
        let stronger = [score(0, 2), score(1, 2)].enumerated().map { k, e in var e = e; e.weight += k == 0 ? 1 : 0; return e }
        let clear = Clusterer(settings: .default, scorePair: score, validTaxIDs: taxIDs, mustLinks: [], cannotLinks: [])
            .cluster(count: 5, edges: stronger)
        #expect(clear.clusters.map(\.members) == [[0, 2], [1], [3], [4]] && clear.ambiguous.isEmpty)
        // A record whose own tax ID rules out the other cluster is not ambiguous.
        let own = Clusterer(settings: .default, scorePair: score, validTaxIDs: ["J1", "J2", "J1", nil, nil], mustLinks: [],
                            cannotLinks: []).cluster(count: 5, edges: edges)
        #expect(own.clusters.map(\.members) == [[0, 2], [1], [3, 4]] && own.ambiguous.isEmpty)
    }

    @Test func splitIsReportedAsDiscrepancy() throws {
        let customers = CustomerView(Fixture.tornillo)
        var output = CustomerMatcher(settings: .default, overrides: .none).match(customers)
        output.outcome.splits = [ClusterSplit(parts: [[0, 1], [2]], crossSupport: 0.12)]
        let ids: [RecordID: String] = [customers[0].id: "C-00000001", customers[1].id: "C-00000001", customers[2].id: "C-00000002"]
        let split = try #require(output.clusterDiscrepancies(customers: customers, idByRecord: ids).first { $0.kind == "cluster_split" })
        #expect(split.severity == .warning && split.values.count == 3)
        #expect(split.entityID == "C-00000001+C-00000002")
        #expect(split.message.contains("0.120"))
    }

    @Test func resultDoesNotDependOnInputOrder() throws {
        let records = Array(Fixture.tornillo.prefix(6))
        let reference = try canonical(Reconciler().reconcile(Fixture.batch(records)))
        for permutation in permutations(records) {
            #expect(try canonical(Reconciler().reconcile(Fixture.batch(permutation))) == reference)
        }
    }

    @Test func idsSurviveAddedRecordsAndMergesAreReported() throws {
        let first = Reconciler().reconcile(Fixture.batch(Array(Fixture.tornillo.dropFirst())))
        let map = IDMap(first, customers: Array(Fixture.tornillo.dropFirst()))
        let tornilloID = try #require(first.customerIDByRecord[Fixture.tornillo[1].id])
        // Add the third copy (a smaller record ID that would otherwise seed a different hash).
        let second = Reconciler(previous: map).reconcile(Fixture.batch(Fixture.tornillo))
        #expect(second.customerIDByRecord[Fixture.tornillo[0].id] == tornilloID)
        for (record, id) in first.customerIDByRecord { #expect(second.customerIDByRecord[record] == id) }
        #expect(second.idChanges.isEmpty)
        // A map that had the Tornillo copies apart now sees a merge.
        var apart = map
        apart.customerIDByIdentity[try #require(RecordIdentity.key(Fixture.tornillo[2]))] = "C-00000001"
        let third = Reconciler(previous: apart).reconcile(Fixture.batch(Fixture.tornillo))
        #expect(third.idChanges.contains { $0.kind == .merge && $0.previousIDs.contains("C-00000001") })
    }

    /// A nightly export sorted differently, with a new row on top and a phone edited in place: no
    /// customer changes ID, no merge or split is reported, the new customer gets a new ID.
    @Test func idsFollowRecordsThatMoveNotRowPositions() throws {
        let first = [Fixture.customer("erp.csv", 2, name: "Abasto Luna C.A.", phones: ["+584125551234"]),
                     Fixture.customer("erp.csv", 3, name: "Bodega Sol S.R.L.", emails: ["pagos@bodegasol.com"]),
                     Fixture.customer("erp.csv", 4, name: "Ferretería Norte C.A.", phones: ["+582125550000"])]
        let before = Reconciler().reconcile(Fixture.batch(first))
        let map = IDMap(before, customers: first)
        let second = [Fixture.customer("erp.csv", 2, name: "Zapatería Nueva C.A."),
                      Fixture.customer("erp.csv", 3, name: "Ferretería Norte C.A.", phones: ["+582125550000"]),
                      Fixture.customer("erp.csv", 4, name: "Bodega Sol S.R.L.", emails: ["pagos@bodegasol.com"]),
                      Fixture.customer("erp.csv", 5, name: "Abasto Luna C.A.", phones: ["+584125559999"])]
        let after = Reconciler(previous: map).reconcile(Fixture.batch(second))
        func id(_ records: [Customer], _ result: ReconciliationResult, _ name: String) -> String? {
            records.first { $0.name?.value == name }.flatMap { result.customerIDByRecord[$0.id] }
        }
        for name in ["Bodega Sol S.R.L.", "Ferretería Norte C.A."] {
            #expect(id(second, after, name) == id(first, before, name), "\(name)")
        }
        // Abasto Luna's phone changed: a new identity, but its old row now holds Zapatería Nueva, which
        // must not inherit the ID; Abasto Luna's own record moved, so its ID is free for nobody.
        #expect(id(second, after, "Zapatería Nueva C.A.") != id(first, before, "Abasto Luna C.A."))
        #expect(after.idChanges.isEmpty)
        // Edited in place (same row, new phone): the row keeps its customer's ID.
        let edited = [first[0], first[1], Fixture.customer("erp.csv", 4, name: "Ferretería Norte C.A.", phones: ["+582125551111"])]
        let third = Reconciler(previous: map).reconcile(Fixture.batch(edited))
        #expect(third.customerIDByRecord[edited[2].id] == before.customerIDByRecord[first[2].id])
    }

    /// Four unrelated Mexican companies of one legal form, two RFCs of one date: a batch this small
    /// makes every record share the country and the legal form, which is no evidence, and one
    /// date in two RFCs is no shared ID. Four customers.
    @Test func aTinyBatchOfUnrelatedCompaniesStaysApart() {
        func rfc(_ text: String) -> TaxID {
            TaxID(normalized: text, country: "MX", kind: .rfc, isCompany: true, validity: .valid, display: text)
        }
        func company(_ row: Int, _ name: String, _ tax: String?, email: String?, address: String) -> Customer {
            var c = Fixture.customer("cartera.csv", row, name: name, tax: tax.map(rfc), emails: email.map { [$0] } ?? [],
                                     address: address)
            c.country = "MX"
            return c
        }
        let records = [company(2, "Ferretería El Martillo SA de CV", "FEM150312K38", email: "a@b.mx", address: "Calle 1"),
                       company(3, "Aceros y Cementos de Monterrey SA de CV", "ACM150312H71", email: "b@c.mx", address: "Calle 2"),
                       company(4, "Descuentos Varios SA de CV", nil, email: nil, address: "Calle 3"),
                       company(5, "Papelería Santa Fe SA de CV", "PSF150312AB3", email: "c@x.mx", address: "Calle 4")]
        let result = Reconciler().reconcile(Fixture.batch(records))
        #expect(result.customers.count == 4)
        // What every record shares is worth little: not the twenty bits of a u estimated near zero.
        for name in ["country", "legal_form"] {
            let levels = result.model?.comparisons.first { $0.name == name }?.levels ?? []
            #expect(!levels.isEmpty && levels.allSatisfy { $0.log2BayesFactor < 6 }, "\(name): \(levels)")
        }
    }

    @Test func idMapRoundTripsAsSortedJSON() throws {
        let result = Reconciler().reconcile(Fixture.batch(Fixture.tornillo))
        let map = IDMap(result, customers: Fixture.tornillo)
        let data = try map.jsonData()
        #expect(try JSONDecoder().decode(IDMap.self, from: data) == map)
        #expect(try map.jsonData() == data)
    }

    @Test func idIsHashOfSmallestMemberIdentity() throws {
        let records = [Fixture.customer("z.csv", 9, name: "Solo Cliente S.A.")]
        let result = Reconciler().reconcile(Fixture.batch(records))
        let identity = try #require(RecordIdentity.key(records[0]))
        #expect(result.customers.map(\.customerID) == ["C-" + StableHash.hex8(identity)])
        // The same record at another row of a renamed file: the same ID, on a first run too.
        let moved = [Fixture.customer("z-2026-11-30.csv", 41, name: "Solo Cliente S.A.")]
        #expect(Reconciler().reconcile(Fixture.batch(moved)).customers.map(\.customerID) == result.customers.map(\.customerID))
        // A record with nothing to recognize it by is known by its row.
        let blank = Customer(id: RecordID("z.csv#3/customer"), provenance: records[0].provenance)
        #expect(RecordIdentity.key(blank) == nil)
        #expect(Reconciler().reconcile(Fixture.batch([blank])).customers.map(\.customerID) == ["C-" + StableHash.hex8("z.csv#3/customer")])
        #expect(StableHash.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(StableHash.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    }

    private func canonical(_ r: ReconciliationResult) throws -> String {
        // A dictionary with non-string keys encodes in hash order, so compare it sorted.
        var r = r
        let ids = r.customerIDByRecord.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
        r.customerIDByRecord = [:]
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return ids + String(decoding: try e.encode(r), as: UTF8.self)
    }

    private func permutations<T>(_ a: [T]) -> [[T]] {
        guard a.count > 1 else { return [a] }
        var out: [[T]] = []
        for i in a.indices {
            var rest = a
            let x = rest.remove(at: i)
            for p in permutations(rest) { out.append([x] + p) }
        }
        return out
    }
}

import Foundation

@Suite struct TermFrequencyTests {
    /// The name comparison's exact level (term frequency on) and a level without it.
    static let settings = MatchSettings.default
    static var nameExact: (Int, Int) {
        let c = settings.comparisons.firstIndex { $0.field == .name } ?? 0
        return (c, settings.comparisons[c].levels.firstIndex { $0.condition == .exact } ?? 0)
    }

    @Test(arguments: [(2, 0.0), (1, 1.0), (8, -2.0), (32, -4.0)])
    func adjustmentIsRelativeToTheAverageAgreement(count: Int, bits: Double) {
        // 10 000 records; agreeing pairs share, on average, a name held by 2 records.
        let (c, exact) = Self.nameExact
        let tf = PairScorer.termFrequencyAdjustment(settings: Self.settings, c, exact, fingerprintCount: count,
                                                    records: 10_000, reference: 2.0 / 10_000)
        #expect(abs(tf - bits) < 1e-9)
    }

    @Test func onlyTheExactLevelOfBigEnoughDataIsAdjusted() {
        let (c, exact) = Self.nameExact
        #expect(PairScorer.termFrequencyAdjustment(settings: Self.settings, c, exact + 1, fingerprintCount: 1,
                                                   records: 10_000, reference: 2.0 / 10_000) == 0)
        #expect(PairScorer.termFrequencyAdjustment(settings: Self.settings, c, exact, fingerprintCount: 1,
                                                   records: 500, reference: 2.0 / 500) == 0)
    }
}

/// QA session 21 (F2): two tax IDs whose numbers are entirely different are two customers, however
/// alike their names, phones and emails, checked or not (`J-29111222` written without its check
/// digit beside `J-31777888-0`); one typo, a left-out check digit, or a document number inside
/// its tax ID is the same number.
@Suite struct TaxNumberTests {
    @Test(arguments: [
        ("317778880", "291112225", true), ("31777888", "29111222", true), ("317778880", "319978880", true),
        ("900123456", "800234567", true),
        // A check digit left out, a digit wrong, missing or extra, two neighbours swapped.
        ("291112225", "29111222", false), ("317778880", "317778890", false), ("317778880", "137778880", false),
        ("31777888", "3177788", false), ("317778880", "3177788805", false), ("317778880", "317778880", false),
        // A person's document number inside the tax ID made of it: DNI in CUIT, cédula in Ecuador's RUC.
        ("20123456786", "12345678", false), ("1712345678001", "1712345678", false), ("9001234568", "900123456", false),
    ])
    func numbersDiffer(a: String, b: String, differ: Bool) {
        #expect(TaxIDKey.numbersDiffer(a, b) == differ)
        #expect(TaxIDKey.numbersDiffer(b, a) == differ)
    }

    /// Only an ID that names its holder counts: not text that fits no format, a generic RFC or a
    /// short code; checked or not, it does.
    @Test(arguments: [("J-29111222", "VE", true), ("291112225", "VE", true), ("J-31777888-0", "VE", true),
                      ("XAXX010101000", "MX", false), ("12345", "VE", false), ("N/A 99", "VE", false)])
    func tellsHoldersApart(text: String, country: String, tells: Bool) {
        #expect(TaxIDKey(TaxIDParser.parse(text, country: country)).tellsHoldersApart == tells)
    }

    /// Two IDs whose check digits both fail each hold a typo: two typos apart, they are one number
    /// still (`30-71168316-6` written `…516…` in one copy and `…198…` in another, as a generated
    /// master has them); beside a valid ID, one typo is all a failed check explains.
    @Test(arguments: [("30-71168516-6", "30-71198316-6", false), ("30-71168316-6", "30-71168516-6", false),
                      ("30-71168316-6", "30-71198516-6", true), ("J-31777888-0", "J-29111222", true),
                      ("J-31777888-0", "XAXX010101000", false)])
    func checkDigitFailuresAllowATypoEach(a: String, b: String, another: Bool) {
        let country = { (text: String) in text.hasPrefix("J") ? "VE" : text.hasPrefix("X") ? "MX" : "AR" }
        let (ka, kb) = (TaxIDKey(TaxIDParser.parse(a, country: country(a))), TaxIDKey(TaxIDParser.parse(b, country: country(b))))
        if a == "30-71168516-6" { #expect(ka.validity == .checkDigitMismatch && kb.validity == .checkDigitMismatch) }
        #expect(ka.isAnotherNumber(than: kb) == another && kb.isAnotherNumber(than: ka) == another)
    }

    struct Pair: Sendable, CustomTestStringConvertible {
        var taxA: String, taxB: String, contacts: Bool, oneCustomer: Bool
        var testDescription: String { "\(taxA) ~ \(taxB)\(contacts ? " with phone and email" : ""): \(oneCustomer ? "one" : "two")" }
    }

    static let pairs: [Pair] = [
        // d9: a valid RIF and another company's written without its check digit, or without its letter.
        .init(taxA: "J-31777888-0", taxB: "J-29111222", contacts: false, oneCustomer: false),
        .init(taxA: "J-31777888-0", taxB: "291112225", contacts: false, oneCustomer: false),
        .init(taxA: "J-31777888", taxB: "J-29111222", contacts: false, oneCustomer: false),
        // No name, phone or email agreement outweighs two numbers.
        .init(taxA: "J-31777888-0", taxB: "J-29111222", contacts: true, oneCustomer: false),
        // One ID written with and without its check digit; a one-digit typo; two digits swapped.
        .init(taxA: "J-29111222-5", taxB: "J-29111222", contacts: false, oneCustomer: true),
        .init(taxA: "J-31777888-0", taxB: "J-31777889", contacts: true, oneCustomer: true),
        .init(taxA: "J-31777888-0", taxB: "J-13777888", contacts: true, oneCustomer: true),
    ]

    static func records(_ pair: Pair) -> [Customer] {
        let phones = pair.contacts ? ["+582415557777"] : [], emails = pair.contacts ? ["cobranza@elsol.com.ve"] : []
        return [Fixture.customer("a.csv", 3, name: "Comercial El Sol C.A.", tax: TaxIDParser.parse(pair.taxA, country: "VE"),
                                 phones: phones, emails: emails),
                Fixture.customer("b.csv", 3, name: "Comercial El Sol CA", tax: TaxIDParser.parse(pair.taxB, country: "VE"),
                                 phones: phones, emails: emails)] + Fixture.others
    }

    @Test(arguments: pairs)
    func sameNameDifferentNumbers(_ pair: Pair) throws {
        let records = Self.records(pair)
        let result = Reconciler().reconcile(Fixture.batch(records))
        let (a, b) = (try #require(Fixture.customerID(of: records[0], in: result)), try #require(Fixture.customerID(of: records[1], in: result)))
        #expect((a == b) == pair.oneCustomer)
        let said = result.discrepancies.filter { $0.kind == "tax_id_numbers_differ" }
        if !pair.oneCustomer, let d = said.first {
            // Said once, for both customers, citing both IDs where they were read.
            #expect(said.count == 1 && d.entityID == [a, b].sorted().joined(separator: "+") && d.severity == .info)
            #expect(d.values.map(\.value) == [pair.taxA, pair.taxB] && d.rule == "cannot_link_different_tax_id_numbers")
            #expect(!result.discrepancies.contains { $0.kind == "customer_field_conflict" && $0.field == "tax_id" })
        }
        if pair.oneCustomer { #expect(said.isEmpty) }
    }

    /// `consolida explain` of either customer gives the reason they are two.
    @Test func explainSaysWhy() throws {
        let records = Self.records(Self.pairs[3])
        let result = Reconciler().reconcile(Fixture.batch(records))
        #expect(result.discrepancies.contains { $0.kind == "tax_id_numbers_differ" })
        for record in records.prefix(2) {
            let text = explain(customerID: try #require(Fixture.customerID(of: record, in: result)), in: result)
            #expect(text.contains("tax_id_numbers_differ") && text.contains("J-31777888-0 and J-29111222 are different numbers"))
        }
    }

    /// A record with no tax ID that matches both does not join them (it joins one, or neither when
    /// equally close), and a previous run's customer of the two is parted: clusters, not pairs,
    /// carry the numbers.
    @Test func clustersCarryTheirNumbers() throws {
        let weights: [UInt64: Double] = [Clusterer.key(0, 2): 12, Clusterer.key(1, 2): 11]
        let score = { (i: Int, j: Int) in ScoredPair(i: Int32(i), j: Int32(j), pattern: 0, weight: weights[Clusterer.key(i, j)] ?? -20) }
        let rif = { (text: String) in TaxIDKey(TaxIDParser.parse(text, country: "VE")) }
        var clusterer = Clusterer(settings: .default, scorePair: score, validTaxIDs: [nil, nil, nil], mustLinks: [], cannotLinks: [])
        clusterer.taxNumbers = [rif("J-31777888-0"), rif("J-29111222"), nil]
        let outcome = clusterer.cluster(count: 3, edges: [score(0, 2), score(1, 2)])
        #expect(outcome.clusters.map(\.members) == [[0, 2], [1]])
        #expect(outcome.taxNumberRefusals.map { [$0.i, $0.j, $0.x, $0.y] } == [[1, 2, 1, 0]])
        let equal = clusterer.cluster(count: 3, edges: [score(0, 2), ScoredPair(i: 1, j: 2, pattern: 0, weight: 12)])
        #expect(equal.clusters.map(\.members) == [[0], [1], [2]] && equal.ambiguous.map(\.members) == [[2]])
        // Two numbers a typo apart are one customer's.
        clusterer.taxNumbers = [rif("J-31777888-0"), rif("J-31777889"), nil]
        #expect(clusterer.cluster(count: 3, edges: [score(0, 2), score(1, 2)]).clusters.map(\.members) == [[0, 1, 2]])

        // A previous run's customer (here joined by an override) is not kept together.
        let records = TaxNumberTests.records(Self.pairs[0])
        let joined = Reconciler(overrides: try Overrides(yaml: "must_link:\n  - [\"a.csv#3\", \"b.csv#3\"]\n")).reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: joined) == Fixture.customerID(of: records[1], in: joined))
        let next = Reconciler(previous: IDMap(joined, customers: records)).reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: next) != Fixture.customerID(of: records[1], in: next))
    }

    /// `cannot_link_different_tax_id_numbers: false` leaves such pairs to the score.
    @Test func theRuleCanBeTurnedOff() throws {
        let off = try MatchSettings(yaml: MatchSettings.defaultYAML.replacingOccurrences(
            of: "cannot_link_different_tax_id_numbers: true", with: "cannot_link_different_tax_id_numbers: false"))
        #expect(!off.cannotLinkDifferentTaxIDNumbers && MatchSettings.default.cannotLinkDifferentTaxIDNumbers)
        let result = Reconciler(settings: off).reconcile(Fixture.batch(Self.records(Self.pairs[3])))
        #expect(!result.discrepancies.contains { $0.kind == "tax_id_numbers_differ" })
    }
}
