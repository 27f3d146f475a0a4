import Tabular
import Testing
@testable import Mapping

struct TableFinderTests {
    let finder = TableFinder(settings: .defaults)

    @Test func headerUnderTitleRowsAndNotes() {
        let rows = ArrayRowStream.rows([
            ["Distribuidora Ferrecentro C.A."],
            ["Cuentas por cobrar al 30/06/2024"],
            [],
            ["Cliente", "RIF", "Nº Factura", "Fecha", "Monto", "Saldo"],
            ["Ferretería El Tornillo C.A.", "J-30123456-1", "00105", "15/01/2024", "1.200,00", "850,00"],
        ])
        let tables = finder.find(rows: rows, merged: [])
        #expect(tables.count == 1)
        #expect(tables[0].headerIndex == 3)
        #expect(tables[0].startIndex == 0)
        #expect(tables[0].title == "Cuentas por cobrar al 30/06/2024")
        #expect(tables[0].headers.map(\.text) == ["Cliente", "RIF", "Nº Factura", "Fecha", "Monto", "Saldo"])
    }

    /// A year heads a column of a summary (`2024`, as text or a number cell): still a header row
    /// (QA session 22: every row was rejected, "no row names two known columns").
    @Test func aYearInTheHeaderRow() {
        let text = ArrayRowStream.rows([["Cliente", "Factura", "Monto", "Saldo", "2024"], ["Acme", "F-1", "10,00", "10,00", "5"]])
        #expect(finder.find(rows: text, merged: []).first?.headerIndex == 0)
        let number = [Row(number: 1, cells: [.text("Cliente"), .text("Factura"), .text("Saldo"), .number(2023), .number(2024)]),
                      Row(number: 2, cells: [.text("Acme"), .text("F-1"), .number(10), .number(4), .number(6)])]
        #expect(finder.find(rows: number, merged: []).first?.headerIndex == 0)
        #expect(!TableFinder.isSymbolHeader("1500") && !TableFinder.isSymbolHeader("0414-5551234") && TableFinder.isSymbolHeader("2024"))
        // A report's parameters label their values: no header, year or not.
        #expect(!finder.isHeaderCandidate(Row(number: 1, cells: [.text("Vendedor:"), .text("Todos"), .text("Moneda:"), .text("USD"),
                                                                  .text("Ejercicio:"), .text("2024")])))
    }

    @Test func mergedTwoRowHeader() {
        let rows = ArrayRowStream.rows([
            ["Cliente", "", "Documento", "", "", "Importes (USD)", "", ""],
            ["Razón social", "R.I.F.", "Número", "Emisión", "Vence", "Total", "Pagado", "Pendiente"],
            ["Inversiones Hermanos Pérez C.A.", "J-40512345-1", "00129", "10/02/24", "11/03/24", "500", "0", "500"],
        ])
        let merged = [CellRange("A1:B1")!, CellRange("C1:E1")!, CellRange("F1:H1")!]
        let tables = finder.find(rows: rows, merged: merged)
        #expect(tables.count == 1)
        #expect(tables[0].headerIndex == 0 && tables[0].headerRowCount == 2)
        #expect(tables[0].headers[3].displayName == "Documento / Emisión")
        #expect(tables[0].headers[5].group == "Importes (USD)")
    }

    @Test func verticallyMergedHeaderCellTakesTheGroupText() {
        let rows = ArrayRowStream.rows([
            ["Cliente", "Documento", "", "Saldo"],
            ["", "Número", "Fecha", ""],
            ["Acme", "1", "01/02/2024", "10"],
        ])
        let merged = [CellRange("A1:A2")!, CellRange("B1:C1")!, CellRange("D1:D2")!]
        let tables = finder.find(rows: rows, merged: merged)
        #expect(tables.first?.headers.map(\.displayName) == ["Cliente", "Documento / Número", "Documento / Fecha", "Saldo"])
    }

    @Test func csvGroupRowWithBlanks() {
        let rows = ArrayRowStream.rows([
            ["Cliente", "", "Fechas", "", "Monto"],
            ["Nombre", "RIF", "Emisión", "Vencimiento", "Total"],
            ["Acme", "J-30123456-1", "01/02/2024", "01/03/2024", "10"],
        ])
        let tables = finder.find(rows: rows, merged: [])
        #expect(tables.first?.headerRowCount == 2)
        #expect(tables.first?.headers[1].displayName == "Cliente / RIF")
    }

    @Test func severalTablesOnOneSheetEachNamed() {
        let rows = ArrayRowStream.rows([
            ["Facturas pendientes"],
            ["Cliente", "Factura", "Fecha", "Saldo"],
            ["Acme", "F-1", "01/02/2024", "10"],
            ["Beta", "F-2", "02/02/2024", "20"],
            [],
            ["Pagos recibidos"],
            ["Fecha de pago", "Cliente", "Referencia", "Monto"],
            ["03/02/2024", "Acme", "REF-9", "5"],
        ])
        let tables = finder.find(rows: rows, merged: [])
        #expect(tables.count == 2)
        #expect(tables.map(\.title) == ["Facturas pendientes", "Pagos recibidos"])
        #expect(tables[0].endIndex == 4)
        #expect(tables[1].startIndex == 4 && tables[1].headerIndex == 6)
    }

    /// A totals line with its amount closes the table above it; a title that starts like one
    /// (`Totales por cliente`) still names the table below.
    @Test func aTotalsLineAboveTheNextTableStaysWithItsTable() {
        let rows = ArrayRowStream.rows([
            ["Cliente", "Factura", "Fecha", "Saldo"],
            ["Acme", "F-1", "01/02/2024", "10"],
            ["TOTAL", "", "", "10"],
            [],
            ["Totales por cliente"],
            ["Cliente", "Referencia", "Monto"],
            ["Acme", "REF-9", "5"],
        ])
        let tables = finder.find(rows: rows, merged: [])
        #expect(tables.count == 2)
        #expect(tables[0].endIndex == 3)
        #expect(tables[1].startIndex == 3 && tables[1].title == "Totales por cliente")
    }

    @Test func repeatedHeaderIsNotANewTable() {
        let rows = ArrayRowStream.rows([
            ["Cliente", "Factura", "Saldo"],
            ["Acme", "F-1", "10"],
            ["Cliente", "Factura", "Saldo"],
            ["Beta", "F-2", "20"],
        ])
        #expect(finder.find(rows: rows, merged: []).count == 1)
    }

    @Test func noHeaderNoTable() {
        let rows = ArrayRowStream.rows([["a", "b"], ["1", "2"]])
        #expect(finder.find(rows: rows, merged: []).isEmpty)
    }

    @Test func headerRowFromMapping() {
        let rows = ArrayRowStream.rows([["x"], ["Col A", "Col B"], ["1", "2"]])
        let t = finder.find(rows: rows, merged: [], headerRow: 2)
        #expect(t.count == 1 && t[0].headerIndex == 1 && t[0].headers.map(\.text) == ["Col A", "Col B"])
    }

    @Test(arguments: ["TOTAL", "Total general", "Subtotal", "Totales", "TOTAL:", "Sub-total zona 2", "Gran Total"])
    func totalsRows(_ label: String) {
        let header = Row(number: 1, cells: [.text("Cliente"), .text("Factura"), .text("Saldo")])
        let classifier = RowClassifier(settings: .defaults, headerRow: header, keyColumns: [2])
        #expect(classifier.classify(Row(number: 9, cells: [.text(label), .empty, .number(100)])) == .totals)
        #expect(classifier.classify(Row(number: 9, cells: [.empty, .text(label), .number(100)])) == .totals)
    }

    /// The first-word shortcut never rules out a label that folding would call a totals label, and
    /// rules out the usual customer names without folding them.
    @Test(arguments: ["TOTAL", "Total general", "Subtotal", "Totales", "TOTAL:", "Sub-total zona 2", "Gran Total",
                      "Sumas", "Total2024", "TOTAL\tgeneral", "S. U. B. total", "Grand total", "Totals.", "Súmas",
                      "Suma y sigue", "Total-general", "Tota\u{301}l", "Tótal general", "Gra\u{301}n total", "Sub\u{0300}total",
                      "Subtótal", "TÓTAL", "Grän total", "SUMÁS", "Tötales", "Sübtotal zona 2", "Gráñd total"])
    func firstWordShortcutKeepsTotalsLabels(_ label: String) {
        let header = Row(number: 1, cells: [.text("Cliente"), .text("Factura"), .text("Saldo")])
        let classifier = RowClassifier(settings: .defaults, headerRow: header, keyColumns: [2])
        let folded = TextFolding.fold(label.prefix(40))
        let isTotalsPhrase = classifier.totalsWords.contains { folded == $0 || folded.hasPrefix($0 + " ") }
        if isTotalsPhrase { #expect(!classifier.firstWordRulesOut(label)) }
    }

    @Test(arguments: ["Sanchez Distribuciones", "Gabriela Quintero", "Transportes Tovar C.A.", "Suministros SA",
                      "Totalmente Natural C.A.", "Subway", "Grande & Cia", "González & Cía", "Tecnología Andina",
                      "Gutiérrez S.A.", "Sánchez Distribuciones", "Gómez Hnos.", "Suárez & Asociados", "Sáez", "Tésis C.A.",
                      "Gärtner GmbH", "Sußmann"])
    func firstWordShortcutRulesOutNames(_ name: String) {
        let header = Row(number: 1, cells: [.text("Cliente"), .text("Factura"), .text("Saldo")])
        let classifier = RowClassifier(settings: .defaults, headerRow: header, keyColumns: [2])
        #expect(classifier.firstWordRulesOut(name))
        #expect(classifier.classify(Row(number: 9, cells: [.text(name), .empty, .number(1)])) == .data)
    }

    @Test func customerNamedTotalIsData() {
        let header = Row(number: 1, cells: [.text("Cliente"), .text("Factura"), .text("Saldo")])
        let classifier = RowClassifier(settings: .defaults, headerRow: header, keyColumns: [2])
        #expect(classifier.classify(Row(number: 9, cells: [.text("Total Distribuciones C.A."), .text("F-9"), .number(1)])) == .data)
    }

    /// Which columns are compared first changes only how soon a data row is told apart.
    @Test func theOrderOfComparisonDoesNotChangeTheVerdict() {
        let texts = ["Cliente", "RIF", "Factura", "Fecha", "Monto", "Saldo"]
        let header = Row(number: 1, cells: texts.map { .text($0) })
        let plain = RowClassifier(settings: .defaults, headerRow: header, keyColumns: [3])
        let ordered = RowClassifier(settings: .defaults, headerRow: header, keyColumns: [3], checkFirst: [5, 4, 6])
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            // Each cell is its header (any case, maybe accented), blank, or a data value.
            let cells: [CellValue] = texts.map { text in
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: return .text(text.uppercased())
                case 1: return .text(text)
                case 2: return .empty
                default: return .number(Double(Int.random(in: 0..<1000, using: &generator)))
                }
            }
            let row = Row(number: 5, cells: cells)
            #expect(plain.classify(row) == ordered.classify(row))
        }
    }

    /// A table is named by its nearest title line that is no note; a report of notes only keeps
    /// the nearest note.
    @Test func titlesAreNoNotes() {
        let finder = TableFinder(settings: .defaults)
        func title(_ above: [[String]]) -> String? {
            let rows = ArrayRowStream.rows(above + [["Documento", "Fecha", "Monto", "Saldo"], ["F-1", "01/05/2024", "10,00", "10,00"]])
            return finder.find(rows: rows, merged: []).first?.title
        }
        #expect(title([["ANTIGÜEDAD DE SALDOS POR CLIENTE"], ["Emitido: 30/06/2024 10:15"]]) == "ANTIGÜEDAD DE SALDOS POR CLIENTE")
        #expect(title([["Comercial Andina S.A.S."], ["Cartera por edades - corte 30/06/2024"], ["Nota: valores en pesos"]])
                == "Cartera por edades - corte 30/06/2024")
        #expect(title([["Pagos recibidos"], ["Subtotal"]]) == "Pagos recibidos")
        #expect(title([["Página 1 de 3"], ["Usuario: ADMIN"]]) == "Usuario: ADMIN")
        #expect(title([["Facturas 10:15"]]) == "Facturas 10:15")
    }

    /// Header cells without letters (a numbering column, aging buckets, a percentage) do not hide
    /// the header; a row of data, with its numbers and dates, is still no header.
    @Test func headersWithSymbolCells() {
        let finder = TableFinder(settings: .defaults)
        for header in [["#", "Cliente", "Factura", "Fecha", "Monto"],
                       ["Cliente", "Factura", "Saldo", "0-30", "31-60", "61-90", "+90"],
                       ["Cliente", "Factura", "Monto", "%"]] {
            let rows = ArrayRowStream.rows([header, ["Acme", "F-1", "10,00", "5", "", "", ""]])
            #expect(finder.find(rows: rows, merged: []).first?.headerIndex == 0, "\(header)")
        }
        #expect(!finder.isHeaderCandidate(Row(number: 1, cells: [.text("Factura"), .text("Pagado"), .text("100")])))
        #expect(!finder.isHeaderCandidate(Row(number: 1, cells: [.text("Factura"), .text("Pagado"), .text("15/03/2024")])))
        #expect(TableFinder.isSymbolHeader("#") && TableFinder.isSymbolHeader("0-30") && TableFinder.isSymbolHeader("> 90"))
        #expect(!TableFinder.isSymbolHeader("1.234,56") && !TableFinder.isSymbolHeader("20245") && !TableFinder.isSymbolHeader("-5"))
        // A year heads a summary's column; a data row with a year among its values is still data.
        #expect(TableFinder.isSymbolHeader("2024") && !finder.isHeaderCandidate(Row(number: 1, cells: [.text("Acme"), .text("F-1"), .text("2024")])))
        #expect(!TableFinder.isSymbolHeader("-") && !TableFinder.isSymbolHeader("0414-5551234") && !TableFinder.isSymbolHeader("/"))
        // Spaces, non-ASCII signs and padding, and the longest bucket pass the byte test before the full one.
        for header in [" 31 - 60 ", "181-365", "\u{00A0}Nº\u{00A0}", "Nº", "N°", "№", "€", "\t+90 ", "100-999"] {
            #expect(TableFinder.isSymbolHeader(header), "\(header)")
        }
        for data in ["1000-9999", "12345678", "2023-02-19", "898.91", "+58 412 555"] {
            #expect(!TableFinder.isSymbolHeader(data), "\(data)")
        }
    }

    /// A customer list whose text rows hold phones and `-` and words that are synonyms (`Pendiente`)
    /// is one table: no data row starts another.
    @Test func dataRowsWithPhonesAreNoHeaders() {
        let rows = ArrayRowStream.rows([["Cliente", "Teléfono", "Estatus", "Observaciones"],
                                        ["Juan Pérez", "0412-5551234", "Al día", "Cliente desde 2019"],
                                        ["María López", "0414-5551234", "Pendiente", "Pago parcial, llamar el lunes"],
                                        ["Pedro Díaz", "-", "Pendiente", "Pago parcial"],
                                        ["Ana Ruiz", "0424-5554321", "Moroso", "Enviar estado de cuenta"]])
        #expect(TableFinder(settings: .defaults).find(rows: rows, merged: []).count == 1)
    }

    /// A header written in camelCase (`NumeroFactura,NombreCliente,FechaEmision,MontoTotal`) is found.
    @Test func camelCaseHeadersAreHeaders() {
        let rows = ArrayRowStream.rows([["NumeroFactura", "NombreCliente", "FechaEmision", "MontoTotal"],
                                        ["1", "Acme", "2009-01-01", "1.98"]])
        #expect(TableFinder(settings: .defaults).find(rows: rows, merged: []).count == 1)
    }

    /// A name with a synonym in it beside a labelled phone or tax ID is data (`CLIENTES VARIOS |
    /// Telf. 0212-5551234`): it started a table, lost its row and the RIF column of the rows below.
    @Test(arguments: [["CLIENTES VARIOS", "", "Telf. 0212-5551234", ""], ["Cliente 19", "RIF J-30123456-7", "", ""],
                      ["Cliente contado", "", "tel: 0412 5551234", ""]])
    func labelledPhonesAndIDsAreNoHeaderLabels(_ row: [String]) {
        let rows = ArrayRowStream.rows([["Cliente", "RIF", "Teléfono", "Correo"],
                                        ["Ana Pérez", "V-12345678", "0412-5551234", "ana@x.com"],
                                        row,
                                        ["Dario Ruiz", "V-11222333", "0416-5551234", "dario@x.com"]])
        #expect(TableFinder(settings: .defaults).find(rows: rows, merged: []).count == 1)
        #expect(TableFinder(settings: .defaults).isLabel(.text("Saldo al 30/06/2024")))
    }
}

/// The reading thread judges rows read as bytes without building them (``TableStartWatch/judge(_:)-(TextRowView)``):
/// its verdicts are those on the rows built.
struct TableStartWatchTests {
    @Test(arguments: [
        ["Ana Pérez", "V-12345678", "0412-5551234", "120,50"],  // data
        ["Cliente", "RIF", "Teléfono", "Monto"],  // the header repeated
        ["Cliente", "Documento", "Emisión", "Saldo"],  // another header
        ["Estado de cuenta al 30/06/2024", "", "", ""],  // a title
        ["Cliente: Ferretería Luna", "", "", ""],  // a preamble line
        ["", "", "", ""], [" ", "\t", "", ""],  // blank
        ["Zona Norte", "Zona Sur", "", "Total"],  // labels
        ["12", "", "", ""], ["", "2024-01-05", "", "15"], ["Total", "", "", "1.234,56"],
        ["Vendedor", "Ana", "Luis", "Marta"], ["Ñandú", "Édgar", "", ""],
    ])
    func bytesGiveTheRowsVerdict(_ cells: [String]) {
        let header = Row(number: 1, cells: ["Cliente", "RIF", "Teléfono", "Monto"].map(CellValue.text))
        let watch = TableStartWatch(finder: TableFinder(settings: .defaults), headerRow: header, titleLines: [], merged: [])
        let row = Row(number: 5, line: 5, cells: cells.map { $0.isEmpty ? .empty : .text($0) })
        var rows = TextRows()
        let appended = rows.append(row)
        #expect(appended)
        let fromBytes: TableStartWatch.Verdict
        switch rows.withRow(0, watch.judge) {
        case .decided(let verdict): fromBytes = verdict
        case .open(let shape): fromBytes = watch.judge(rows.row(0), shape: shape)
        }
        #expect(fromBytes == watch.judge(row))
    }
}
