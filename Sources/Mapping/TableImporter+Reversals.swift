import Receivables
import Tabular

/// A bounced cheque takes back the payment it made. Collectors write it as a line of its own,
/// often positive (`600,00 | Cheque devuelto`); banks as a debit line (`CHEQUE DEVUELTO … | 600,00 |`).
/// Either way it is imported as a payment of the amount below zero (a reversal, which lowers what
/// the cheque paid), and said (`MAP-PAYMENT-REVERSAL`). The bank's fee for it (`COMISION CHEQUE
/// DEVUELTO`) stays money out of the account.
extension TableImporter {
    /// Folded phrases that say a cheque came back or a payment was reversed.
    static let reversalPhrases = [
        "cheque devuelto", "cheques devueltos", "ch devuelto", "chq devuelto", "chque devuelto", "devolucion de cheque",
        "devolucion cheque", "cheque rebotado", "cheque sin fondos", "cheque rechazado", "reverso de pago", "pago reversado",
        "reverso", "reversion de pago", "returned check", "returned cheque", "bounced check", "bounced cheque",
        "cheque devolvido", "cheque sem fundos", "estorno",
    ]
    /// Folded words that make such a line a charge for it, not the cheque itself.
    static let feeWords = ["comision", "comisiones", "cargo por", "gasto", "gastos", "fee", "iva", "tarifa", "tasa"]

    /// Whether a payment row says it takes a payment back: a reversal phrase in any of its text
    /// cells but the customer's name, and no fee word.
    func saysReversal(_ row: Row) -> Bool {
        let name = Set(columns(.customerName))
        var said = false
        for (i, cell) in row.cells.enumerated() where !name.contains(i + 1) {
            guard case .text(let text) = cell, text.utf8.count >= 5 else { continue }
            let folded = TextFolding.fold(text)
            if Self.feeWords.contains(where: { TextFolding.containsWords(folded, $0) }) { return false }
            if Self.reversalPhrases.contains(where: { TextFolding.containsWords(folded, $0) }) { said = true }
        }
        return said
    }

    /// The payment a reversal line makes: `payment` with its amount below zero (from the debit
    /// column `moneyOut` for a bank's line), said at its amount cell.
    func reversal(of payment: Payment, _ row: Row, moneyOut: Int?, into batch: inout ImportBatch) throws -> Payment {
        var payment = payment
        let value = payment.amount.value
        if !value.isNegative { payment.amount = Sourced(-value, from: payment.amount.provenance ?? payment.provenance) }
        let column = moneyOut ?? (columns(.paymentAmount) + columns(.amount)).first
        note(.info, "MAP-PAYMENT-REVERSAL", "a bounced cheque or reversed payment (its text says so): imported as \(payment.amount.value), "
                + "taking back what it paid", at: location(row, column: column), found: column.map { row.shownText(column: $0) },
             into: &batch)
        return payment
    }
}
