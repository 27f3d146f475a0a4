import Receivables
import Testing
@testable import Reconcile

@Suite struct OverrideTests {
    @Test func mustLinkCannotLinkAndFieldDecisions() throws {
        let records = Fixture.tornillo
        let overrides = try Overrides(yaml: """
            must_link:
              - ["erp.csv#10", "erp.csv#12"]
            cannot_link:
              - ["cobranza.xlsx#Clientes!5", "tax_id:J-30123456-7"]
            fields:
              - { customer: "erp.csv#7", field: name, value: "Ferretería El Tornillo, C.A." }
            """)
        let result = Reconciler(overrides: overrides).reconcile(Fixture.batch(records))
        let tornillo = try #require(Fixture.customerID(of: records[0], in: result))
        #expect(Fixture.customerID(of: records[2], in: result) != tornillo)
        #expect(Fixture.customerID(of: records[1], in: result) == tornillo)
        #expect(Fixture.customerID(of: records[5], in: result) == Fixture.customerID(of: records[8], in: result))
        let customer = try #require(result.customers.first { $0.customerID == tornillo })
        #expect(customer.name == "Ferretería El Tornillo, C.A.")
        #expect(customer.decisions.contains { $0.field == "name" && $0.rule == "override" })
        let joined = try #require(result.matchExplanations.first { $0.record.rawValue == "erp.csv#12" || $0.partner.rawValue == "erp.csv#12" })
        #expect(joined.rule == "must_link")
        #expect(explain(customerID: Fixture.customerID(of: records[5], in: result) ?? "", in: result).contains("must-link"))
        // Explaining either side of the cannot-link says what kept the records apart (QA session 22:
        // it said nothing), and the field decision is named on its customer.
        let apart = try #require(Fixture.customerID(of: records[2], in: result))
        for (id, other) in [(tornillo, apart), (apart, tornillo)] {
            let text = explain(customerID: id, in: result)
            #expect(text.contains("cannot_link #1 [cobranza.xlsx#Clientes!5 | tax_id:J-30123456-7]: applied; kept apart from \(other)"),
                    "\(text)")
        }
        #expect(explain(customerID: tornillo, in: result).contains("fields #1 [erp.csv#7] name = \"Ferretería El Tornillo, C.A.\": applied"))
    }

    /// The customer record an importer reads from an invoice row: `file#Sheet!row/customer`.
    static func rowCustomer(_ file: String, _ row: Int, name: String, tax: TaxID) -> Customer {
        var customer = Fixture.customer(file, row, name: name, tax: tax)
        customer.id = RecordID(customer.provenance.location, suffix: "customer")
        return customer
    }

    /// QA: the documented selectors name rows (`ventas.xlsx#Clientes!12`, `erp.csv#45`), but an
    /// invoice row's customer is `…/customer`, so a cannot-link by row split nothing.
    static let tornilloRows = [
        rowCustomer("ventas-ana.xlsx", 5, name: "Ferretería El Tornillo C.A.", tax: Fixture.rif("J-30123456-7")),
        rowCustomer("erp-export.csv", 2, name: "FERRETERIA EL TORNILLO", tax: Fixture.rif("J301234567")),
    ] + Fixture.others

    @Test(arguments: [
        ("ventas-ana.xlsx#Clientes!5", "erp-export.csv#2"),
        ("ventas-ana.xlsx#Clientes!5/customer", "erp-export.csv#2/customer"),
    ])
    func aRowSelectorSelectsTheCustomerOfAnInvoiceRow(a: String, b: String) throws {
        let records = Self.tornilloRows
        let together = Reconciler().reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: together) == Fixture.customerID(of: records[1], in: together))
        let overrides = try Overrides(yaml: "cannot_link: [[\"\(a)\", \"\(b)\"]]")
        let result = Reconciler(overrides: overrides).reconcile(Fixture.batch(records))
        #expect(Fixture.customerID(of: records[0], in: result) != Fixture.customerID(of: records[1], in: result))
        #expect(!result.discrepancies.contains { $0.kind == "override_unmatched" })
    }

    @Test func aFieldDecisionByRowSetsTheValue() throws {
        let records = Self.tornilloRows
        let overrides = try Overrides(yaml: "fields: [{ customer: \"erp-export.csv#2\", field: name, value: \"Tornillo, C.A.\" }]")
        let result = Reconciler(overrides: overrides).reconcile(Fixture.batch(records))
        let id = try #require(Fixture.customerID(of: records[1], in: result))
        #expect(result.customers.first { $0.customerID == id }?.name == "Tornillo, C.A.")
        #expect(!result.discrepancies.contains { $0.kind == "override_unmatched" })
    }

    /// QA: a field decision that selected nothing was dropped without a word; and a cannot-link
    /// whose first side selected nothing never looked at (nor warned about) its second side.
    @Test func everyUnmatchedSelectorIsWarnedOnce() throws {
        let records = Self.tornilloRows
        let overrides = try Overrides(yaml: """
            cannot_link:
              - ["nada.csv#1", "nada.csv#2"]
              - ["erp-export.csv#2", "tax_id:J-11111111-1"]
            fields:
              - { customer: "tax_id:J-99999999-9", field: name, value: "X" }
              - { customer: "ventas-ana.xlsx#Clientes!99", field: city, value: "Y" }
            """)
        let result = Reconciler(overrides: overrides).reconcile(Fixture.batch(records))
        let unmatched = result.discrepancies.filter { $0.kind == "override_unmatched" }
        #expect(unmatched.map(\.entityID).sorted() == [
            "cannot_link:nada.csv#1", "cannot_link:nada.csv#2", "cannot_link:tax_id:J-11111111-1",
            "fields:tax_id:J-99999999-9", "fields:ventas-ana.xlsx#Clientes!99",
        ])
        // Named as the file writes them, so that a person finds the entry; two spellings of one
        // tax ID or name still select the same records.
        #expect(Overrides.Selector("tax_id:J-11111111-1") == Overrides.Selector("tax_id:J111111111"))
        #expect(Overrides.Selector("name:Nadie Existe SA")?.description == "name:Nadie Existe SA")
        #expect(unmatched.allSatisfy { $0.severity == .warning })
        #expect(result.customers.allSatisfy { $0.name != "X" })
    }

    /// Every entry of the file, in order, with the records and customers it selected and its effect.
    @Test func eachEntrySaysWhatItDid() throws {
        let records = Fixture.tornillo
        let overrides = try Overrides(yaml: """
            must_link:
              - ["erp.csv#10", "erp.csv#12"]
              - ["erp.csv#8", "nada.csv#1"]
              - ["erp.csv#9", "erp.csv#11"]
            cannot_link:
              - ["cobranza.xlsx#Clientes!5", "tax_id:J-30123456-7"]
              - ["erp.csv#9", "erp.csv#11"]
              - ["erp.csv#7", "erp.csv#7"]
            fields:
              - { customer: "erp.csv#7", field: name, value: "Tornillo uno" }
              - { customer: "ventas.xlsx#Clientes!2", field: name, value: "Tornillo dos" }
              - { customer: "name:Nadie", field: city, value: "Maracay" }
            """)
        let result = Reconciler(overrides: overrides).reconcile(Fixture.batch(records))
        let o = result.overrides
        #expect(o.map(\.kind) == [.mustLink, .mustLink, .mustLink, .cannotLink, .cannotLink, .cannotLink, .field, .field, .field])
        #expect(o.map(\.position) == [1, 2, 3, 1, 2, 3, 1, 2, 3])
        // The must-link #3 meets the cannot-link #2; the cannot-link #3 names erp.csv#7 on both
        // sides; the field decision #1 is replaced by #2 for the same customer.
        #expect(o.map(\.status) == [.applied, .unmatched, .overruled, .applied, .applied, .overruled, .overruled, .applied, .unmatched])
        #expect(o[0].selectors == ["erp.csv#10", "erp.csv#12"])
        #expect(o[0].records == [[RecordID("erp.csv#10")], [RecordID("erp.csv#12")]])
        let joined = try #require(Fixture.customerID(of: records[5], in: result))
        #expect(o[0].customerIDs == [[joined], [joined]])
        #expect(o[3].records[1] == [RecordID("erp.csv#7"), RecordID("ventas.xlsx#Clientes!2")])
        #expect(o[7].field == "name" && o[7].value == "Tornillo dos")
        #expect(result.discrepancies.contains { $0.kind == "override_conflict" })
    }

    /// A run stored before overrides were listed still decodes, with none listed.
    @Test func aStoredResultWithoutOverridesDecodes() throws {
        let result = Reconciler().reconcile(Fixture.batch(Fixture.tornillo))
        var object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(result)) as? [String: Any])
        #expect(object.removeValue(forKey: "overrides") != nil)
        let decoded = try JSONDecoder().decode(ReconciliationResult.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(decoded.overrides.isEmpty)
        #expect(decoded.customers == result.customers)
    }

    @Test(arguments: [
        ("must_link: [[\"a.csv#1\"]]", "must_link[0]"),
        ("cannot_link: [[\"nonsense\", \"a.csv#1\"]]", "cannot_link[0][0]"),
        ("fields: [{ customer: \"a.csv#1\", field: phones, value: x }]", "fields[0].field"),
        ("must_lnk: []", "must_lnk"),
        ("version: 2", "version"),
        ("version: banana", "version"),
    ])
    func invalidOverridesNamePath(yaml: String, path: String) {
        #expect { try Overrides(yaml: yaml) } throws: { ($0 as? SettingsError)?.path == path }
    }

    @Test func emptyFileOverridesNothing() throws {
        #expect(try Overrides(yaml: "") == .none)
    }
}

@Suite struct OverridesFileTests {
    @Test func shippedTemplateParsesAndOverridesNothing() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Mappings/overrides.yaml")
        #expect(try Overrides(contentsOf: url) == .none)
    }
}

import Foundation
