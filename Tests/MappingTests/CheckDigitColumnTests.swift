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

/// What a document-type cell says, in the words accounting systems write.
struct DocumentTypeWordsTests {
    @Test(arguments: [
        ("FACT", DocumentTypeWords.Meaning.invoice), ("FAC", .invoice), ("FV", .invoice), ("Factura", .invoice),
        ("Factura electrónica", .invoice), ("SI", .invoice), ("I", .invoice),
        ("NC", .creditNote), ("N/CR", .creditNote), ("NCR", .creditNote), ("Nota Cred.", .creditNote),
        ("Nota de crédito", .creditNote), ("DEV", .creditNote), ("E", .creditNote), ("RET", .creditNote),
        ("Retención IVA", .creditNote), ("ReteFuente", .creditNote),
        ("ND", .debitNote), ("N/DB", .debitNote), ("NDB", .debitNote), ("Nota de débito", .debitNote),
        ("REC", .receipt), ("RC", .receipt), ("Recibo de caja", .receipt), ("Pago", .receipt), ("ADEL", .receipt),
        ("Anticipo", .receipt), ("Abono", .receipt), ("P", .receipt),
        ("AJ", .unknown), ("XYZ", .unknown), ("Ajuste", .unknown),
        // A type with its number, glued or apart; not a single letter's, nor a word that is no type's.
        ("NC-9", .creditNote), ("ND 12", .debitNote), ("FC0001-00001234", .invoice), ("Fac.55", .invoice),
        ("NC#77", .creditNote), ("Factura rectificativa", .creditNote), ("Rectificativa", .creditNote),
        ("07", .creditNote), ("08", .debitNote), ("Saldo anterior", .invoice), ("Saldo de apertura", .invoice), ("01", .invoice), ("03", .invoice), ("REC-0456", .receipt), ("E001-123", .unknown), ("F-100", .unknown),
        ("IVA2024", .unknown), ("NC nueve", .unknown), ("TRF 123", .unknown),
        // Spain's credit invoice; Protheus' advance (`RA`), SAP Business One's received payment (`PR`).
        ("Factura de abono", .creditNote), ("Fra. de abono", .creditNote), ("RA", .receipt), ("PR", .receipt),
        ("Refund", .creditNote),
    ])
    func meanings(_ written: String, _ meaning: DocumentTypeWords.Meaning) {
        #expect(DocumentTypeWords.meaning(of: written) == meaning)
    }

    /// A number column without a type column: the number's own start names a note.
    @Test(arguments: [
        ("NC-5", Invoice.DocumentType.creditNote), ("N/C-0005", .creditNote), ("N.C. 12", .creditNote),
        ("Nota de Crédito 5", .creditNote), ("N/CR 5", .creditNote), ("NCR-5", .creditNote), ("NC", .creditNote),
        ("ND-7", .debitNote), ("N/D 7", .debitNote), ("Nota de débito 7", .debitNote), ("NDB-7", .debitNote),
        ("F-100", .invoice), ("1204", .invoice), ("Nacional 5", .invoice), ("NCARGO-5", .invoice), ("Nota 5", .invoice),
    ])
    func numbersNamingTheirType(_ number: String, _ type: Invoice.DocumentType) {
        #expect(TableImporter.documentType(number: number) == type)
    }

    /// Receipts and advances lower the balance as credits, said; unknown types are debts, warned.
    @Test func receiptsAreCreditsAndUnknownTypesAreWarned() {
        let rows = ArrayRowStream.rows([["Cliente", "Tipo", "Número", "Monto", "Saldo"],
                                        ["Abasto C.A.", "FACT", "100", "1160", "1160"],
                                        ["Abasto C.A.", "N/CR", "101", "116", "116"],
                                        ["Abasto C.A.", "ADEL", "103", "300", "300"],
                                        ["Abasto C.A.", "AJ", "104", "10", "10"]])
        let batch = Importer(options: ImportOptions(country: "VE", currency: "USD")).importSource(
            MemorySource(path: "cartera.xlsx", sheets: [.init(name: "Hoja1", rows: rows)]))
        #expect(batch.invoices.map(\.type) == [.invoice, .creditNote, .creditNote, .invoice])
        #expect(batch.invoices[2].extra["document_type_written"] == "ADEL")
        #expect(batch.invoices[3].extra["document_type_written"] == "AJ")
        #expect(batch.diagnostics.contains { $0.code == "MAP-RECEIPT-AS-CREDIT" && $0.location?.row == 4 })
        #expect(batch.diagnostics.contains { $0.code == "MAP-DOCUMENT-TYPE-UNKNOWN" && $0.severity == .warning })
    }
}

/// A QuickBooks aging detail: grouped by bucket under labels (`Actual`), a `Núm.` column, an
/// unapplied payment with no number. Every sum of money is accounted for.
struct AgingDetailTests {
    @Test func bucketLabelsAreSkippedAndAReceiptWithoutNumberIsACredit() {
        let batch = Importer(options: ImportOptions(country: "MX", currency: "MXN")).importSource(
            MemorySource(path: "qb.xlsx", sheets: [.init(name: "Hoja1", rows: ArrayRowStream.rows([
                ["Tipo", "Fecha", "Núm.", "Cliente", "Saldo abierto"],
                ["Actual"],
                ["Factura", "10/11/2026", "1045", "Refaccionaria López", "18560.00"],
                ["Total de Actual", "", "", "", "18560.00"],
                ["1 - 30 días vencidos"],
                ["Factura", "05/10/2026", "1010", "Abarrotes Doña Mary", "5220.00"],
                ["Pago", "20/11/2026", "", "Abarrotes Doña Mary", "-2000.00"],
            ]))]))
        #expect(batch.rejects.isEmpty, "\(batch.rejects)")
        #expect(batch.invoices.map(\.number.value) == ["1045", "1010", "Pago 2026-11-20 -2000.00 fila 7"])
        #expect(batch.invoices.last?.type == .creditNote)
        #expect(batch.diagnostics.filter { $0.code == "MAP-SECTION-LABEL" }.count == 2)
        #expect(batch.diagnostics.contains { $0.code == "MAP-RECEIPT-NO-NUMBER" })
        #expect(batch.accounting.first.map { $0.rowsRead == $0.imported + $0.rejected + $0.blank + $0.headerRows
                    + $0.totalsSkipped + $0.otherSkipped } == true)
    }
}

/// A document's series in a column of its own, right before its number (`Serie | Folio`,
/// `Prefijo | Número`): part of the number, so two series' documents 100 stay two documents.
struct SeriesColumnTests {
    @Test(arguments: [(["Serie", "Folio"], "A-100"), (["Prefijo", "Número"], "A-100"), (["Serie", "Número"], "A-100"),
                      (["Punto de venta", "Número"], "A-100")])
    func seriesJoinsTheNumber(_ headers: [String], _ first: String) {
        let rows = ArrayRowStream.rows([headers + ["Cliente", "Total"],
                                        ["A", "100", "Alfa SA de CV", "11600"],
                                        ["B", "100", "Alfa SA de CV", "5800"]])
        let batch = Importer(options: ImportOptions(country: "MX", currency: "MXN")).importSource(
            MemorySource(path: "cfdi.xlsx", sheets: [.init(name: "Hoja1", rows: rows)]))
        #expect(batch.invoices.map(\.number.value) == [first, "B-100"])
    }

    /// A series written with its dash (`A-`) is joined without a second one.
    @Test func aSeriesWithItsDash() {
        let rows = ArrayRowStream.rows([["Serie", "Folio", "Cliente", "Total"],
                                        ["A-", "103", "Alfa SA de CV", "11600"],
                                        ["B", "-104", "Alfa SA de CV", "5800"],
                                        ["C", "105", "Alfa SA de CV", "5800"]])
        let batch = Importer(options: ImportOptions(country: "MX", currency: "MXN")).importSource(
            MemorySource(path: "cfdi.xlsx", sheets: [.init(name: "Hoja1", rows: rows)]))
        #expect(batch.invoices.map(\.number.value) == ["A-103", "B-104", "C-105"])
    }

    /// Each instalment of one nota fiscal on a row of its own (`Parcela`: `1/3` …) is a document of
    /// its own; a `Cuota` of sums is no instalment.
    @Test func instalmentsAreDocumentsOfTheirOwn() {
        let rows = ArrayRowStream.rows([["Sacado", "CNPJ", "Nota Fiscal", "Parcela", "Emissão", "Vencimento", "Valor"],
                                        ["Comercial Alvorada Ltda", "11.222.333/0001-81", "1234", "1/3", "10/03/2024", "09/04/2024", "1000,00"],
                                        ["Comercial Alvorada Ltda", "11.222.333/0001-81", "1234", "2/3", "10/03/2024", "09/05/2024", "1000,00"],
                                        ["Comercial Alvorada Ltda", "11.222.333/0001-81", "1234", "3/3", "10/03/2024", "08/06/2024", "1000,00"]])
        let batch = Importer(options: ImportOptions(country: "BR", currency: "BRL")).importSource(
            MemorySource(path: "duplicatas.xlsx", sheets: [.init(name: "Títulos", rows: rows)]))
        #expect(batch.invoices.map(\.number.value) == ["1234-1/3", "1234-2/3", "1234-3/3"])
        let sums = AutomaticMapping.of(["Cliente", "Factura", "Cuota", "Saldo"], text: [["Alfa", "F-1", "150", "300"]])
        #expect(sums[.documentNumber]?.columns == [2])
        #expect(ColumnMapper.isInstalment("2/3") && ColumnMapper.isInstalment("12") && !ColumnMapper.isInstalment("4/3")
                    && !ColumnMapper.isInstalment("150") && !ColumnMapper.isInstalment("1.5"))
        #expect(ColumnMapper.isInstalment("A") && !ColumnMapper.isInstalment("AB") && !ColumnMapper.isInstalment("Ñ"))
    }

    /// Brazil's Protheus: the título's instalment is a letter, blank for a título paid at once, and
    /// its value is `Vlr.Titulo`; Peru's paid part is `Amortizado` and its type code column `TD`.
    @Test func protheusAndSunatColumns() {
        let rows = ArrayRowStream.rows([["No. Titulo", "Parcela", "Nome Cliente", "Vlr.Titulo", "Saldo"],
                                        ["000045678", "A", "Mercado Bom Preço S.A.", "10.500,00", "10.500,00"],
                                        ["000045678", "B", "Mercado Bom Preço S.A.", "10.500,00", "5.500,00"],
                                        ["000045700", "", "Mercado Bom Preço S.A.", "800,00", "800,00"]])
        let batch = Importer(options: ImportOptions(country: "BR", currency: "BRL")).importSource(
            MemorySource(path: "protheus.csv", sheets: [.init(name: "", rows: rows)]))
        #expect(batch.invoices.map(\.number.value) == ["000045678-A", "000045678-B", "000045700"])
        #expect(batch.invoices.map { $0.amount?.value.amount } == [10500, 10500, 800])
        let peru = AutomaticMapping.of(["TD", "Número", "Cliente", "Importe", "Amortizado", "Saldo"],
                                       text: [["07", "FC01-10", "Alfa SAC", "100", "0", "100"]])
        #expect(peru[.documentType]?.columns == [1] && peru[.paid]?.columns == [5])
    }

    /// Long texts, or a column not right before the number, stay apart (extras).
    @Test func otherColumnsStayApart() {
        let long = AutomaticMapping.of(["Serie", "Folio", "Cliente", "Total"],
                                       text: [["Serie de ventas norte", "100", "Alfa", "10"]])
        #expect(long[.documentNumber]?.columns == [2])
        let apart = AutomaticMapping.of(["Serie", "Cliente", "Folio", "Total"], text: [["A", "Alfa", "100", "10"]])
        #expect(apart[.documentNumber]?.columns == [3])
    }
}
