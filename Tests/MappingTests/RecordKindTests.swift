import Testing
@testable import Mapping

/// The record kind a table's mapped fields describe (``TableMapping/decideKind(_:paymentHint:)``).
struct RecordKindTests {
    @Test(arguments: [
        // A payment amount beside an invoice's number and total is its part paid.
        ([Field.customerName, .documentNumber, .amount, .paymentAmount], false, RecordKind?.some(.invoices)),
        ([.customerName, .documentNumber, .amount, .paymentAmount, .balance], false, .invoices),
        // Alone, or with payment fields, a payment amount makes payments.
        ([.customerName, .issueDate, .paymentAmount], false, .payments),
        ([.paymentReference, .documentNumber, .amount, .paymentAmount], false, .payments),
        ([.paymentReference, .documentNumber, .amount], false, .payments),
        // A document number with a due date is an invoice's: Xero's `Reference` is the customer's order.
        ([.customerName, .documentNumber, .issueDate, .dueDate, .paymentReference, .amount], false, .invoices),
        ([.documentNumber, .dueDate, .paymentReference, .amount], false, .invoices),
        // A sum paid without the document's amount is a payment's.
        ([.documentNumber, .dueDate, .paymentReference, .paymentAmount], false, .payments),
        // … but a payment date says payments: a collector's list giving each paid document's due date.
        ([.paymentDate, .customerName, .documentNumber, .dueDate, .paymentAmount], false, .payments),
        // A date and a sum (the amount, or a sum paid) without a document number or balance.
        ([.issueDate, .customerName, .amount], false, .payments),
        ([.issueDate, .customerName, .paid], false, .payments),
        ([.issueDate, .customerName, .paid, .balance], false, .customers),
        // A payments title with a sum.
        ([.customerName, .amount], true, .payments),
        ([.documentNumber, .amount, .balance], false, .invoices),
        ([.customerName, .taxID, .phone], false, .customers),
        ([.issueDate, .paymentReference, .balance], false, nil),
    ])
    func kinds(_ fields: [Field], _ hint: Bool, _ kind: RecordKind?) {
        #expect(TableMapping.decideKind(Set(fields), paymentHint: hint) == kind)
    }
}
