import Foundation
import Testing

/// What `consolida import` writes for the receivables exports of QA session 21 (findings 1–3),
/// the same bytes through plain rows, rows read as bytes (a short window) and `--record-path`.
struct ImportSession21Tests {
    /// invoices.csv's rows, its header left out, each cut to `document_number` … `balance`.
    static func documents(_ written: [String: Data]) -> [String] {
        String(decoding: written["invoices.csv"] ?? Data(), as: UTF8.self).split(separator: "\r\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false)[1...8].joined(separator: ",") }
    }

    static func importAllWays(_ name: String, _ csv: String, country: String) throws -> [[String]] {
        let folder = try CommandRunner.temporaryFolder("session21")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(csv.utf8).write(to: folder.appendingPathComponent(name))
        return try ["50000", "3"].map { window in
            Self.documents(try ImportPathsTests.importBothWays([name], in: folder,
                                                               extra: ["--country", country, "--quiet", "--window-rows", window]))
        }
    }

    /// Totals rows that repeat the customer, with the label in the document column, are left out;
    /// the grand total under the last customer is nobody's invoice.
    @Test func totalsRowsRepeatingTheCustomerAreLeftOut() throws {
        let csv = """
            Cliente;CUIT;Comprobante;Fecha;Vencimiento;Importe;Saldo
            Ferretería Núñez S.R.L.;30-71234567-1;FC A 0001-00000100;03/06/2024;03/07/2024;$ 1.000,00;$ 1.000,00
            Ferretería Núñez S.R.L.;30-71234567-1;FC A 0001-00000101;04/06/2024;04/07/2024;$ 2.000,00;$ 2.000,00
            Ferretería Núñez S.R.L.;30-71234567-1;Total;;;$ 3.000,00;$ 3.000,00
            Ferretería Núñez S.R.L.;;Subtotal;;;$ 3.000,00;$ 3.000,00
            Construcciones Pampa S.A.;30-70998877-4;FC B 0002-00000200;05/06/2024;05/07/2024;$ 500,00;$ 500,00
            Construcciones Pampa S.A.;30-70998877-4;2 comprobantes;;;$ 500,00;$ 500,00
            Total Seguros S.A.;30-70998877-4;00102;;;$ 700,00;$ 700,00
            ;;Cantidad de comprobantes: 4;;;$ 4.200,00;$ 4.200,00
            Total ARS;;;;;$ 4.200,00;$ 4.200,00

            """
        for documents in try Self.importAllWays("ar_tot.csv", csv, country: "AR") {
            #expect(documents == ["FC A 0001-00000100,invoice,2024-06-03,2024-07-03,ARS,1000.00,,1000.00",
                                  "FC A 0001-00000101,invoice,2024-06-04,2024-07-04,ARS,2000.00,,2000.00",
                                  "FC B 0002-00000200,invoice,2024-06-05,2024-07-05,ARS,500.00,,500.00",
                                  "00102,invoice,,,ARS,700.00,,700.00"], "\(documents)")
        }
    }

    /// A bare `$` is the row's `USD` (or `Dólares`), not the country's peso; other marks stay theirs.
    @Test func theRowsCurrencyBeatsABareDollar() throws {
        let csv = """
            Cliente;CUIT;Comprobante;Fecha;Moneda;Importe;Saldo
            Agro Pampa S.A.;30-71234567-1;FC A 0001-00000010;03/06/2024;USD;$ 2.500,00;$ 2.500,00
            Agro Pampa S.A.;30-71234567-1;FC A 0001-00000011;04/06/2024;ARS;$ 1.000,00;$ 1.000,00
            Agro Pampa S.A.;30-71234567-1;FC A 0001-00000012;05/06/2024;;$ 3.000,00;$ -
            Agro Pampa S.A.;30-71234567-1;FC A 0001-00000013;06/06/2024;ARS;US$ 700,00;US$ 700,00
            Agro Pampa S.A.;30-71234567-1;FC A 0001-00000014;07/06/2024;Dólares;$ 100,00;$ 100,00

            """
        for documents in try Self.importAllWays("ar_moneda.csv", csv, country: "AR") {
            #expect(documents.map { $0.split(separator: ",", omittingEmptySubsequences: false)[4] } == ["USD", "ARS", "ARS", "USD", "USD"], "\(documents)")
        }
    }

    /// A credit note is written below zero however the source signs it: amount, paid and balance.
    @Test func creditNotesAreWrittenBelowZero() throws {
        let csv = """
            Cliente;CUIT;Tipo;Comprobante;Fecha;Importe;Pagado;Saldo
            Agro Pampa S.A.;30-71234567-1;FC;0001-00000300;03/06/2024;12.500,00;0,00;12.500,00
            Agro Pampa S.A.;30-71234567-1;NCA;0001-00000301;04/06/2024;12.500,00;2.500,00;10.000,00
            Agro Pampa S.A.;30-71234567-1;NCA;0001-00000302;05/06/2024;-1.000,00;;-1.000,00
            Agro Pampa S.A.;30-71234567-1;ND;0001-00000303;06/06/2024;300,00;;300,00

            """
        for documents in try Self.importAllWays("ar_saldos.csv", csv, country: "AR") {
            #expect(documents == ["0001-00000300,invoice,2024-06-03,,,12500.00,0.00,12500.00",
                                  "0001-00000301,credit_note,2024-06-04,,,-12500.00,-2500.00,-10000.00",
                                  "0001-00000302,credit_note,2024-06-05,,,-1000.00,,-1000.00",
                                  "0001-00000303,debit_note,2024-06-06,,,300.00,,300.00"], "\(documents)")
        }
    }
}
