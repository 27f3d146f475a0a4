import Collections
import Foundation
import Receivables
import Reconcile
import Testing
@testable import Reports

/// QA: DESIGN says overrides are "shown in the report", but a cannot-link and a must-link left no
/// trace in report.html, and a field decision only one line under its customer.
@Suite struct OverridesSectionTests {
    static func render(_ overrides: [OverrideOutcome]) -> String {
        var r = Sample.result
        r.overrides = overrides
        let input = ReportInput(result: r, batch: Sample.batch,
                                collections: CollectionsReport(result: r, settings: CollectionsSettings(asOf: Sample.asOf)))
        return HTMLReport.render(input)
    }

    @Test func everyEntryIsListedWithWhatItDid() throws {
        let html = Self.render([
            OverrideOutcome(kind: .mustLink, position: 1, selectors: ["erp.csv#2", "ventas-ana.xlsx#Clientes!4"],
                            records: [[RecordID("erp.csv#2/customer")], [RecordID("ventas-ana.xlsx#Clientes!4")]],
                            customerIDs: [["C-00000001"], ["C-00000001"]], status: .applied),
            OverrideOutcome(kind: .cannotLink, position: 1, selectors: ["name:x <script>", "erp.csv#9"],
                            records: [[], [RecordID("erp.csv#9/customer")]], customerIDs: [[], ["C-00000001"]],
                            status: .unmatched),
            OverrideOutcome(kind: .field, position: 2, selectors: ["tax_id:J301234567"], field: "name",
                            value: "Tornillo <b>& Hijos</b>", records: [[RecordID("erp.csv#2/customer")]],
                            customerIDs: [["C-00000001"]], status: .applied),
        ])
        let section = try #require(html.range(of: "<section id=\"overrides\">").map { String(html[$0.lowerBound...]) }?
            .components(separatedBy: "</section>").first)
        #expect(section.contains("3 decisiones de overrides.yaml: 2 aplicada(s), 1 sin efecto, 0 no aplicada(s)."))
        #expect(section.contains("Unir (must_link) n.º 1"))
        #expect(section.contains("<li>erp.csv#2/customer</li>"))
        #expect(section.contains("Aplicada: los registros forman un solo cliente."))
        #expect(section.contains("<a href=\"#cliente-C-00000001\">C-00000001</a>"))
        #expect(section.contains("Sin efecto: un selector no selecciona ningún registro (override_unmatched)."))
        #expect(section.contains("Valor (fields) n.º 2: name = «Tornillo &lt;b&gt;&amp; Hijos&lt;/b&gt;»"))
        #expect(section.contains("name:x &lt;script&gt;"))
        #expect(!html.contains("<script") && !html.contains("<b>&"))
        #expect(WellFormedness(html).problems == [])
    }

    @Test func aRunWithoutOverridesSaysSo() {
        let html = Self.render([])
        #expect(html.contains("<section id=\"overrides\">"))
        #expect(html.contains("Ninguna decisión manual (overrides.yaml) en esta ejecución."))
    }
}
