import Tabular
import Testing
@testable import Mapping

/// Headers as invoice lists write them: number marks (`Nº`, `N°`, `No.`, `#`) with abbreviated
/// document nouns, due dates after `Fecha`, and the Brazilian nota fiscal.
struct HeaderSynonymTests {
    let mapper = ColumnMapper(settings: .defaults, country: nil)

    func field(_ header: String) -> Field? {
        mapper.headerMatch(ColumnHeader(column: 1, text: header))?.0
    }

    @Test(arguments: [
        // Document numbers: the mark folds the same whether written º, ° (degree sign), No. or #.
        ("N° Doc.", Field.documentNumber), ("Nº Doc", .documentNumber), ("No. Doc", .documentNumber),
        ("Nro. Documento", .documentNumber), ("Nro. de Documento", .documentNumber), ("Inv #", .documentNumber),
        ("Invoice #", .documentNumber), ("Inv. No.", .documentNumber), ("# Factura", .documentNumber),
        ("Factura Nº", .documentNumber), ("Núm. Factura", .documentNumber), ("Nº Fact.", .documentNumber),
        ("Nro. Cbte.", .documentNumber), ("Nº Boleta", .documentNumber),
        // Words written together in camelCase, as exports name columns; a brand stays a word.
        ("NumeroFactura", .documentNumber), ("FechaEmision", .issueDate), ("NombreCliente", .customerName),
        ("FechaVencimiento", .dueDate), ("WhatsApp", .phone),
        // A payment's column of the documents it paid.
        ("Facturas pagadas", .documentNumber), ("Factura cancelada", .documentNumber),
        // The nota fiscal's number is the document number; notes stay notes.
        ("Nº da Nota", .documentNumber), ("Número da Nota", .documentNumber), ("Nota Fiscal", .documentNumber),
        ("NF", .documentNumber), ("NF-e", .documentNumber), ("Nº NF-e", .documentNumber), ("NFe", .documentNumber),
        ("Notas", .notes), ("Nota", .notes), ("Observaciones", .notes),
        // Due dates, alone or after a date word that alone would be the issue date.
        ("Fecha Vto.", .dueDate), ("Vto.", .dueDate), ("Vencto.", .dueDate), ("F. Venc.", .dueDate), ("Vence", .dueDate),
        ("Fecha de Vto.", .dueDate), ("Fecha Vcto", .dueDate), ("Data de Vencimento", .dueDate), ("Vencimiento", .dueDate),
        // Issue dates named by the document (whose noun alone is the document number).
        ("Fecha Comprobante", .issueDate), ("Data da Nota", .issueDate), ("F. Factura", .issueDate), ("Fecha", .issueDate),
        // Colombian exports call the customer the third party; a Brazilian receivable is a título.
        ("Tercero", .customerName), ("Nombre Tercero", .customerName), ("NIT Tercero", .taxID),
        ("Identificación Tercero", .taxID), ("Emitida", .issueDate), ("Título", .documentNumber),
        ("Nº Título", .documentNumber), ("Duplicata", .documentNumber), ("Correlativo", .documentNumber),
        ("Consecutivo", .documentNumber), ("Valor Líquido", .amount),
        // Neighbours that must not move.
        ("Tipo Doc", .documentType), ("Fecha Doc", .issueDate), ("Doc. Identidad", .taxID), ("Nro. Documento Identidad", .taxID),
        ("Número de teléfono", .phone), ("Fecha de pago", .paymentDate),
        // An address word qualifying a mail word names an email, not an address.
        ("Email Address", .email), ("Email Address (REQUIRED)", .email), ("E-mail Address", .email),
        ("Dirección de correo electrónico", .email), ("Dirección electrónica", .email), ("Endereço de e-mail", .email),
        ("Dirección", .address), ("Dirección fiscal", .address),
        // A number mark alone (QuickBooks' `Núm.`), balances as Odoo and others write them, creation dates.
        ("Núm.", .documentNumber), ("Num", .documentNumber), ("No.", .documentNumber), ("Nº", .documentNumber),
        ("N°", .documentNumber), ("Número", .documentNumber),
        ("Importe adeudado", .balance), ("Importe adeudado con signo", .balance), ("Total adeudado", .balance),
        ("Adeudado", .balance), ("Importe residual", .balance), ("Saldo abierto", .balance), ("Saldo insoluto", .balance),
        ("Creación", .issueDate), ("Fecha de creación", .issueDate), ("Fecha elaboración", .issueDate),
    ])
    func headers(_ header: String, _ expected: Field) {
        #expect(field(header) == expected)
    }

    /// A bare number mark loses to a document noun: `Nº | Cliente | Factura` takes `Factura`.
    @Test func aBareNumberMarkLosesToADocumentNoun() {
        let m = AutomaticMapping.of(["Nº", "Cliente", "Factura", "Monto"], text: [["1", "Alfa C.A.", "F-100", "10"],
                                                                                ["2", "Beta C.A.", "F-101", "20"]])
        #expect(m[.documentNumber]?.columns == [3])
        let alone = AutomaticMapping.of(["Núm.", "Cliente", "Saldo abierto"], text: [["1001", "Alfa C.A.", "10"]])
        #expect(alone[.documentNumber]?.columns == [1] && alone[.balance]?.columns == [3])
    }

    /// The generated spellings name one field each: none is another field's synonym too.
    @Test func generatedSynonymsClaimNoOtherFieldsWords() {
        let generated: [(Field, [String])] = [(.documentNumber, MappingSettings.numberedDocuments),
                                              (.issueDate, MappingSettings.datedDocuments),
                                              (.dueDate, MappingSettings.datedDueWords)]
        for (field, words) in generated {
            for (other, synonyms) in MappingSettings.defaults.synonyms where other != field {
                let folded = Set(synonyms.map { TextFolding.fold($0) })
                let clashes = words.map { TextFolding.fold($0) }.filter(folded.contains)
                #expect(clashes.isEmpty, "\(field) and \(other) both claim \(clashes)")
            }
        }
    }

    @Test(arguments: [
        ("Inv #", "inv no"), ("# Factura", "no factura"), ("Factura#12", "factura no 12"), ("N° Doc.", "no doc"),
        ("Nº Doc", "no doc"), ("No. Doc", "no doc"), ("Nº #", "no no"), ("#", "no"),
    ])
    func numberSignFoldsLikeNumeroSign(_ text: String, _ folded: String) {
        #expect(TextFolding.fold(text) == folded)
        #expect(TextFolding.mayFoldTo(Array(text.utf8), folded))
    }

    /// Whole invoice tables whose number or due-date header was missed came out as customer lists.
    @Test(arguments: [
        ["Razón Social", "R.U.T.", "Nº Factura", "F. Emisión", "Fecha Vto.", "Importe Total", "Deuda"],
        ["NOMBRE DEL CLIENTE", "RIF", "N° Doc.", "FECHA", "VENCE", "MONTO BS.", "SALDO PENDIENTE"],
        ["Sacado", "CNPJ", "Nº da Nota", "Emissão", "Vencimento", "Valor", "Em aberto"],
        ["Customer Name", "VAT ID", "Inv #", "Inv Date", "Due", "Amount", "Outstanding"],
        ["Cliente", "N.I.F.", "Núm. Factura", "Fecha Factura", "Vto.", "Base Imponible", "Total Factura"],
    ])
    func invoiceTablesAreInvoices(_ headers: [String]) {
        let hs = headers.enumerated().map { ColumnHeader(column: $0.offset + 1, text: $0.element) }
        let values = ["Empresa Uno", "J-30123456-1", "A-001", "05/03/2024", "04/04/2024", "1.000,00", "500,00"]
        let samples = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($0.offset + 1, [CellValue.text($0.element)]) })
        let m = mapper.map(headers: hs, samples: samples, title: nil)
        #expect(m.kind == .invoices)
        #expect(m[.documentNumber]?.columns == [3])
        #expect(m[.dueDate]?.columns == [5])
        #expect(m[.notes] == nil)
    }
}
