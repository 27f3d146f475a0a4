import Foundation
import Testing
@testable import Reports
import Collections
import Receivables
import Reconcile

@Suite struct HTMLReportTests {
    let html = HTMLReport.render(Sample.input)

    @Test func pageIsWellFormed() {
        let check = WellFormedness(html)
        #expect(check.problems == [])
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
    }

    @Test func hasEverySectionInOrder() {
        let ids = WellFormedness(html).ids
        #expect(HTMLReport.sectionIDs.allSatisfy(ids.contains))
        let positions = HTMLReport.sectionIDs.compactMap { html.range(of: "<section id=\"\($0)\">")?.lowerBound }
        #expect(positions.count == HTMLReport.sectionIDs.count)
        #expect(positions == positions.sorted())
    }

    @Test func everyValueIsEscaped() {
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>0412"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Hijos"))
        #expect(html.contains("&lt;b&gt;0412-555&lt;/b&gt;"))
    }

    @Test func isSelfContained() {
        let check = WellFormedness(html)
        #expect(!check.elements.contains("script"))
        #expect(!check.elements.contains("link"))
        #expect(!check.elements.contains("img"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        // Every link is an anchor inside the page, and every anchor exists.
        let ids = Set(check.ids)
        for href in check.hrefs {
            #expect(href.hasPrefix("#"), "external link \(href)")
            #expect(ids.contains(String(href.dropFirst())), "dangling link \(href)")
        }
        #expect(ids.count == check.ids.count, "duplicate ids")
    }

    @Test func customersLinkToTheirMembers() {
        #expect(html.contains("<a href=\"#cliente-C-00000001\">C-00000001</a>"))
        #expect(html.contains("id=\"cliente-C-00000001-registros\""))
        #expect(html.contains("FERRETERIA EL TORNILLO CA"))
        #expect(html.contains("name: «Ferretería El Tornillo, C.A.» — el dato más completo (most_complete), "
                              + "tomado de ventas-ana.xlsx › Clientes › fila 4"))
    }

    @Test func discrepanciesShowCompetingValuesWithPlaces() {
        #expect(html.contains("Monto de documento distinto entre fuentes (1)"))
        #expect(html.contains("<td class=\"chosen\">1000.00</td><td>1200.00</td>"))
        #expect(html.contains("<td class=\"chosen\">ventas-ana.xlsx</td><td>erp.csv</td>"))
        #expect(html.contains("<td class=\"chosen\">F5</td><td>H12 (línea 12)</td>"))
        #expect(html.contains("el dato más reciente (most_recent)"))
        #expect(html.contains("Sin valor elegido"))
    }

    @Test func importsShowRowsAndReasons() {
        #expect(html.contains("<td>erp.csv</td><td></td><td class=\"num\">20</td><td class=\"num\">16</td>"))
        #expect(html.contains("MAP-BAD-AMOUNT"))
        #expect(html.contains("monto ilegible"))
        #expect(html.contains("CSV-ENCODING-GUESSED"))
    }

    @Test func chartsAreInlineSVG() {
        let check = WellFormedness(html)
        #expect(check.elements.filter { $0 == "svg" }.count >= 3)
        #expect(html.contains("Saldo por tramo — USD"))
        #expect(html.contains("Mayores deudores vencidos — USD"))
    }

    @Test func controlCharactersNeverBreakThePage() {
        #expect(HTMLBuilder.escape("a\u{0}b\u{1B}c\r") == "a\u{FFFD}b\u{FFFD}c&#13;")
    }
}

@Suite struct EmptyReportTests {
    @Test func anEmptyRunStillGivesEveryFileAndAWellFormedPage() {
        let result = ReconciliationResult(customers: [], invoices: [], payments: [], contacts: [], promises: [],
                                          discrepancies: [], customerIDByRecord: [:])
        let input = ReportInput(result: result, batch: ImportBatch(),
                                collections: CollectionsReport(result: result, settings: CollectionsSettings(asOf: Sample.asOf)))
        let files = OutputWriter.render(input)
        #expect(files.count == 12)
        let html = String(decoding: files.first { $0.name == "report.html" }?.bytes ?? [], as: UTF8.self)
        let check = WellFormedness(html)
        #expect(check.problems == [])
        #expect(HTMLReport.sectionIDs.allSatisfy(check.ids.contains))
        #expect(String(decoding: files.first { $0.name == "discrepancies.json" }?.bytes ?? [], as: UTF8.self) == "[]\n")
        #expect(String(decoding: files.first { $0.name == "customers.csv" }?.bytes ?? [], as: UTF8.self)
                == OutputFilesTests.expectedHeaders[0].1 + "\n")
    }
}

@Suite struct DiscrepancyGroupingTests {
    @Test func identicalCompetingValuesShareAColumn() {
        var r = Sample.result
        r.discrepancies = [Discrepancy(
            id: "D-1", kind: "customer_field_conflict", severity: .error, entity: "customer", entityID: "C-00000001",
            field: "tax_id",
            values: (2...9).map { .init(value: "J1", provenance: Sample.csv($0, column: 3)) }
                + [.init(value: "J-2", provenance: Sample.xlsx("Hoja1", 2, column: 2))],
            chosen: "J1", rule: "valid_tax_id", message: "m")]
        let input = ReportInput(result: r, batch: Sample.batch,
                                collections: CollectionsReport(result: r, settings: CollectionsSettings(asOf: Sample.asOf)))
        let html = HTMLReport.render(input)
        #expect(html.contains("<tr><th>Valor</th><td class=\"chosen\">J1</td><td>J-2</td></tr>"))
        #expect(html.contains("<tr><th>Veces</th><td class=\"chosen\">8</td><td>1</td></tr>"))
        #expect(html.contains("<td class=\"chosen\">C2 (línea 2), C3 (línea 3), C4 (línea 4), C5 (línea 5), "
                              + "C6 (línea 6), C7 (línea 7) y 2 más</td><td>B2</td>"))
        #expect(WellFormedness(html).problems == [])
    }
}

/// Every kind of discrepancy reconciliation raises has a Spanish title in the report (the
/// fallback, the code with spaces, is for kinds a newer store may hold).
@Suite struct DiscrepancyTitleTests {
    @Test(arguments: ["ambiguous_match", "ambiguous_payment", "balance_mismatch", "cluster_split", "credit_note_as_payment", "customer_field_conflict",
                      "document_under_several_customers", "duplicate_document", "duplicate_payment", "duplicate_promise", "invalid_tax_id",
                      "invoice_field_conflict", "invoice_from_description", "large_cluster", "overpayment", "override_conflict",
                      "override_unmatched", "payment_currency_mismatch", "possible_duplicate_document", "payment_for_other_customer", "payment_not_reflected",
                      "shared_tax_id", "stated_balance_mismatch", "tax_id_numbers_differ", "two_tax_ids", "uncertain_match", "unapplied_payment", "unassigned_payment",
                      "unknown_customer", "unknown_invoice_payment"])
    func everyKindHasATitle(kind: String) {
        #expect(HTMLFormat.kind(kind) != kind.replacingOccurrences(of: "_", with: " "))
    }
}
