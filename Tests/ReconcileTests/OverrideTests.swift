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
    }

    @Test(arguments: [
        ("must_link: [[\"a.csv#1\"]]", "must_link[0]"),
        ("cannot_link: [[\"nonsense\", \"a.csv#1\"]]", "cannot_link[0][0]"),
        ("fields: [{ customer: \"a.csv#1\", field: phones, value: x }]", "fields[0].field"),
        ("must_lnk: []", "must_lnk"),
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
