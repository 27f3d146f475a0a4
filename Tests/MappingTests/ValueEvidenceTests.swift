import Receivables
import Tabular
import Testing
@testable import Mapping

/// How far values go against a header: they confirm it or choose among candidates, but one or two
/// values do not override a header that clearly names another field; and number cells are judged
/// by their digits, as text cells are.
struct ValueEvidenceTests {
    /// `000998877` passes some country's tax-ID check digit: the premise of the tests below.
    @Test func aReferenceThatPassesACheckDigit() {
        #expect(TaxIDParser.parse("000998877", country: "VE").validity == .valid)
    }

    /// A clear header keeps its column against a few values that pass a check digit by chance.
    @Test(arguments: [
        ("Referencia", ["000998877"], Field.paymentReference),
        ("Referencia", ["000998877", "000998877"], .paymentReference),
        ("Nro. Operación", ["000998877"], .paymentReference),
        ("Referencia de pago", ["000998877"], .paymentReference),
        ("Referencia", ["000998877", "000998877", "000998877", "000998877"], .paymentReference),
    ])
    func clearHeaderOutweighsAFewValues(_ header: String, _ values: [String], _ field: Field) {
        let m = AutomaticMapping.of(["Fecha", header, "Ordenante", "Monto"],
                                    text: values.map { ["03/06/2024", $0, "ABASTO LUNA C.A.", "1.234,56"] })
        #expect(m[field]?.columns == [2])
        #expect(m[.taxID] == nil)
        #expect(m.kind == .payments)
    }

    /// Values still decide where the header is no clear name for another field: a `Documento` or
    /// `Cliente` column of RIFs, and a column with no known header.
    @Test(arguments: ["Documento", "Cliente", "Identificador", "Código"])
    func valuesDecideUnderAnUnclearHeader(_ header: String) {
        let m = AutomaticMapping.of(["Nombre", header, "Factura", "Saldo"],
                                    text: [["Acme", "J-30123456-1", "F-1", "10"], ["Beta", "J-29654321-6", "F-2", "20"],
                                           ["Gamma", "V-11470283-4", "F-3", "30"]])
        #expect(m[.taxID]?.columns == [2])
        #expect(m[.customerName]?.columns == [1])
    }

    /// With enough values, values more sure than a header's match may outvote it.
    @Test func manyValidValuesOutvoteAPartialHeader() {
        let rifs = ["J-30123456-1", "J-29654321-6", "V-11470283-4"]
        let m = AutomaticMapping.of(["Razón Social", "Referencia de pago", "Factura", "Saldo"],
                                    text: rifs.enumerated().map { ["C\($0.offset)", $0.element, "F-\($0.offset)", "10"] })
        #expect(m[.taxID]?.columns == [2])
    }

    /// A workbook stores a phone or a cédula typed without separators as a number; it is judged by
    /// its digits, so the workbook maps as the same sheet saved as CSV.
    @Test(arguments: [
        (["Cliente", "Cédula/RIF", "Nº Factura", "Monto", "Teléfono"], [Field.customerName, .taxID, .documentNumber, .amount, .phone]),
        (["Cliente", "Cédula", "Factura", "Monto", "Celular"], [.customerName, .taxID, .documentNumber, .amount, .phone]),
    ])
    func numberCellsAreJudgedByTheirDigits(_ headers: [String], _ fields: [Field]) {
        let rows: [[Double]] = [[14567890, 102, 100.1, 4125551234], [9876543, 1001, 200.5, 2125551234],
                                [12345678, 2002, 0.3, 4145551234]]
        let names = ["María González", "José Rodríguez", "Ana Ruiz"]
        let cells = rows.enumerated().map { i, r in [CellValue.text(names[i])] + r.map { .number($0) } }
        let text = cells.map { $0.map(\.displayText) }
        let workbook = AutomaticMapping.of(headers, cells), csv = AutomaticMapping.of(headers, text: text)
        for (i, field) in fields.enumerated() {
            #expect(workbook[field]?.columns == [i + 1], "\(field)")
            #expect(csv[field]?.columns == [i + 1], "\(field)")
        }
        #expect(workbook.fields.map(\.field) == csv.fields.map(\.field))
    }

    /// A profile counts a number cell's digits as a tax ID and a phone as it counts the same text.
    @Test(arguments: [4125551234.0, 14567890, 9876543])
    func profileOfNumberCellsMatchesText(_ number: Double) {
        let cell = CellValue.number(number)
        let asNumber = ColumnProfile([cell], country: "VE"), asText = ColumnProfile([.text(cell.displayText)], country: "VE")
        #expect(asNumber.phones == asText.phones)
        #expect(asNumber.anyTaxIDs == asText.anyTaxIDs && asNumber.validTaxIDs == asText.validTaxIDs)
    }

    /// Amounts with cents are no identifiers, whatever their digits.
    @Test func fractionalNumbersAreNoIdentifiers() {
        let p = ColumnProfile([.number(4125551234.5), .number(1234.56)], country: "VE")
        #expect(p.phones == 0 && p.anyTaxIDs == 0)
        #expect(p.amounts == 2)
    }
}
