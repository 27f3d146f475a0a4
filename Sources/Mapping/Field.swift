/// A model field a column can be mapped to. Raw values are the keys used in mapping files.
public enum Field: String, CaseIterable, Codable, CodingKeyRepresentable, Sendable, Comparable {
    case customerName = "customer_name"
    case firstName = "first_name"
    case lastName = "last_name"
    case taxID = "tax_id"
    case documentNumber = "document_number"
    case documentType = "document_type"
    case issueDate = "issue_date"
    case dueDate = "due_date"
    case amount
    case paid
    case balance
    case currency
    case phone
    case email
    case address
    case city
    case country
    case salesperson
    case notes
    case paymentDate = "payment_date"
    case paymentAmount = "payment_amount"
    case paymentReference = "payment_reference"
    case paymentMethod = "payment_method"
    /// A bank statement's money out of the account (`Débito`, `Cargo`): no customer's payment. A
    /// row with it and no payment amount is a debit line, skipped (never a synonym: only a
    /// statement's debit column, beside its credit column, is one).
    case moneyOut = "money_out"
    /// A customer's account statement's credits (`Haber`, `Abonos`, `Créditos`) beside its charges
    /// (`Debe`, `Cargos`, mapped as `amount`) and its running balance (`Saldo`, mapped as
    /// `balance`): each line is a charge (an invoice, a debit note) or a credit (a receipt, a
    /// credit note), and the balance is the account's, no document's.
    case credit
    /// An aging report's bucket columns (`Por vencer`, `1-30`, `31-60`, `Más de 90`), mapped when
    /// the table has no balance column: a document's balance is the sum of its buckets.
    case agingBucket = "aging_bucket"

    /// Fields that may take several columns (two phone columns, two note columns).
    public var allowsSeveralColumns: Bool {
        switch self {
        case .phone, .email, .notes, .agingBucket: return true
        default: return false
        }
    }

    /// What the column's values must look like for the mapping to stand.
    var valueKind: ValueKind {
        switch self {
        case .issueDate, .dueDate, .paymentDate: return .date
        case .amount, .paid, .balance, .paymentAmount, .moneyOut, .credit, .agingBucket: return .amount
        case .taxID: return .taxID
        case .phone: return .phone
        case .email: return .email
        default: return .text
        }
    }

    public static func < (a: Field, b: Field) -> Bool { a.ordinal < b.ordinal }

    /// The position in ``allCases``, without a search or a hash: per-value lookups index arrays by it.
    var ordinal: Int {
        switch self {
        case .customerName: return 0
        case .firstName: return 1
        case .lastName: return 2
        case .taxID: return 3
        case .documentNumber: return 4
        case .documentType: return 5
        case .issueDate: return 6
        case .dueDate: return 7
        case .amount: return 8
        case .paid: return 9
        case .balance: return 10
        case .currency: return 11
        case .phone: return 12
        case .email: return 13
        case .address: return 14
        case .city: return 15
        case .country: return 16
        case .salesperson: return 17
        case .notes: return 18
        case .paymentDate: return 19
        case .paymentAmount: return 20
        case .paymentReference: return 21
        case .paymentMethod: return 22
        case .moneyOut: return 23
        case .credit: return 24
        case .agingBucket: return 25
        }
    }
}

/// The kinds of values the parsers know.
enum ValueKind: Sendable {
    case text, date, amount, taxID, phone, email
}

/// What one table's rows describe.
public enum RecordKind: String, Codable, Sendable, CaseIterable {
    /// Invoice (or credit/debit note) rows, each also describing its customer.
    case invoices
    /// A customer master list.
    case customers
    /// Payments received.
    case payments
}
