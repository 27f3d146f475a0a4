import Receivables
import Tabular
import Testing
@testable import Mapping

/// A tax ID whose check digit sits in a column of its own (`NIT | DV`, as Colombian systems export
/// it): the two columns are one tax ID, so the digit is checked, not dropped.
struct CheckDigitColumnTests {
    @Test(arguments: ["DV", "D.V.", "Dígito de verificación", "Dig. Verif.", "DV NIT"])
    func checkDigitColumnJoinsTheTaxID(_ header: String) {
        let m = AutomaticMapping.of(["Cliente", "NIT", header, "Factura", "Valor"],
                                    text: [["Alfa SAS", "900123456", "8", "F1", "100"],
                                           ["Beta Ltda", "800197268", "", "F2", "200"]], country: "CO")
        #expect(m[.taxID]?.columns == [2, 3] && m[.taxID]?.separator == "-")
        #expect(!m.extraHeaders.contains(header))
    }

    /// Not right after the tax ID, not single digits, or another header: the column stays apart.
    @Test(arguments: [
        (["Cliente", "NIT", "Factura", "DV", "Valor"], [["Alfa SAS", "900123456", "F1", "8", "100"]]),
        (["Cliente", "NIT", "DV", "Factura", "Valor"], [["Alfa SAS", "900123456", "18", "F1", "100"]]),
        (["Cliente", "NIT", "Días", "Factura", "Valor"], [["Alfa SAS", "900123456", "8", "F1", "100"]]),
    ])
    func otherColumnsStayApart(_ headers: [String], _ rows: [[String]]) {
        let m = AutomaticMapping.of(headers, text: rows, country: "CO")
        #expect(m[.taxID]?.columns == [2])
    }

    @Test func importedTaxIDsCheckTheirDigit() {
        let rows = ArrayRowStream.rows([["Cliente", "NIT", "DV", "Factura", "Valor"],
                                        ["Alfa SAS", "900123456", "8", "F1", "100"],
                                        ["Gama SAS", "900123456", "3", "F2", "100"],
                                        ["Beta Ltda", "800197268", "", "F3", "100"]])
        let batch = Importer(options: ImportOptions(country: "CO", currency: "COP")).importSource(
            MemorySource(path: "cartera.xlsx", sheets: [.init(name: "Hoja1", rows: rows)]))
        let ids = batch.customers.map { $0.taxID?.value }
        #expect(ids.map { $0?.normalized } == ["9001234568", "9001234563", "8001972684"])
        #expect(ids.map { $0?.validity } == [.valid, .checkDigitMismatch, .unchecked])
        #expect(ids.first??.display == "900123456-8")
        #expect(batch.diagnostics.contains { $0.code == "MAP-TAXID-CHECK-DIGIT" && $0.location?.row == 3 })
    }
}
