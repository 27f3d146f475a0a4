import Receivables
import Tabular

/// A field and the column(s) it is read from, with how sure the mapping is.
public struct MappedField: Hashable, Sendable {
    public var field: Field
    /// 1-based columns; several are joined with `separator` (first and last name) or, for phones
    /// and emails, read one after the other.
    public var columns: [Int]
    /// 0…1: header evidence and value evidence combined (1 for columns named in a mapping file).
    public var confidence: Double
    public var separator: String

    public init(field: Field, columns: [Int], confidence: Double, separator: String = " ") {
        self.field = field; self.columns = columns; self.confidence = confidence; self.separator = separator
    }
}

/// How one table's columns map to the model, and what kind of records its rows are.
public struct TableMapping: Sendable {
    public var kind: RecordKind?
    public var fields: [MappedField]
    /// Columns no field claimed: kept on each record as `header → value`.
    public var extras: [ColumnHeader]

    public init(kind: RecordKind?, fields: [MappedField], extras: [ColumnHeader]) {
        self.kind = kind; self.fields = fields; self.extras = extras
    }

    public subscript(field: Field) -> MappedField? { fields.first { $0.field == field } }

    public func has(_ field: Field) -> Bool { self[field] != nil }

    /// The record kind the mapped fields describe:
    /// - payments when payment fields (or a payments title) come with an amount and no balance; a
    ///   payment amount beside an invoice's number and total (`Factura`, `Monto Total`, `Monto
    ///   Abonado`) is that invoice's part paid, which alone makes no payments table; a document
    ///   number with a due date and an amount is an invoice's, unless a payment date says otherwise
    ///   (a payment has no due date: Xero's `Invoice Number | Due Date | Reference | Amount`);
    /// - invoices when a document number comes with an amount, a balance or a sum paid;
    /// - payments when a date and a sum (the amount, or a sum paid) come without a document number
    ///   or a balance (`Fecha`, `Cliente`, `Monto cobrado`);
    /// - customers when only customer fields are present.
    static func decideKind(_ fields: Set<Field>, paymentHint: Bool) -> RecordKind? {
        let hasMoney = !fields.isDisjoint(with: [.amount, .paid, .paymentAmount])
        let partPaidOfInvoice = fields.isSuperset(of: [.paymentAmount, .amount, .documentNumber])
        let paymentEvidence = !fields.isDisjoint(with: [.paymentDate, .paymentReference, .paymentMethod])
            || (fields.contains(.paymentAmount) && !partPaidOfInvoice) || paymentHint
        // (A payment date says payments outright: a collector's list may give the due date of
        // the document each payment paid.)
        let dueDocuments = fields.isSuperset(of: [.documentNumber, .dueDate, .amount]) && !fields.contains(.paymentDate)
        if paymentEvidence && hasMoney && fields.isDisjoint(with: [.balance, .agingBucket]) && !dueDocuments { return .payments }
        if fields.contains(.documentNumber) && !fields.isDisjoint(with: [.amount, .balance, .paid, .paymentAmount, .agingBucket]) {
            return .invoices
        }
        // A customer's statement naming its documents by their type alone (`Factura F-100`).
        if fields.isSuperset(of: [.documentType, .credit]) && fields.contains(.amount) { return .invoices }
        if !fields.contains(.documentNumber), !fields.isDisjoint(with: [.issueDate, .paymentDate]),
           hasMoney, !fields.contains(.balance) { return .payments }
        if !fields.isDisjoint(with: [.customerName, .taxID, .firstName, .lastName]) { return .customers }
        return nil
    }
}
