import Receivables
import Tabular

/// An invoice row whose values are all plain: no reject, nothing but values (and the customer's
/// warnings, which go to the batch as usual). A consumer that only writes values
/// (``ChunkEncoding/takesPlainRows``) gets such rows like this instead of as a ``Customer`` and an
/// ``Invoice`` with provenance on every value, which cost most of an import's time on large
/// sheets. Whatever is not plain still arrives as records.
///
/// Its values are exactly those the records would hold: both come from the same ``TableImporter``
/// functions, and `consolida import --record-path` checks the bytes written both ways.
public struct PlainInvoiceRow: Sendable {
    /// The row's number and physical line in its sheet (file and sheet are its ``PlainInvoiceRows``').
    public var row: Int
    public var line: Int?
    /// The customer, shared by every plain row with the same customer cells.
    public var customer: CustomerValues
    public var number: String
    public var type: Invoice.DocumentType
    public var issueDate: LocalDate?
    public var dueDate: LocalDate?
    public var currency: Currency?
    public var amount: PlainAmount?
    public var paid: PlainAmount?
    public var balance: PlainAmount?
    /// The row's notes column, as ``Invoice/notes`` holds it. (A row with extra attributes is no
    /// plain row: it is imported as records.)
    public var notes: String?
    /// How many of the chunk's customer and invoice records come before this row's: a consumer
    /// writing both in row order puts this row's after them.
    public var customersBefore: Int
    public var invoicesBefore: Int
}

/// An amount of a plain row: the ``Money`` its record would hold, as plain parts (a million rows'
/// amounts are read, checked and written without a `Decimal` being built for any).
public struct PlainAmount: Sendable {
    public var value: DecimalParts
    public var currency: Currency?

    public init(_ value: DecimalParts, _ currency: Currency?) { self.value = value; self.currency = currency }

    /// The amount of a record's ``Money``; `nil` when its value does not fit ``DecimalParts``.
    init?(_ money: Money) {
        guard let parts = DecimalParts(money.amount) else { return nil }
        self.init(parts, money.currency)
    }

    /// The ``Money`` the record holds.
    public var money: Money { Money(value.decimal, currency) }

    /// The amount as a document of `type` carries it: a credit note's below zero
    /// (``Invoice/DocumentType/signed(_:)-(DecimalParts)``, as for a record's ``Money``).
    public func signed(as type: Invoice.DocumentType) -> PlainAmount { PlainAmount(type.signed(value), currency) }

    /// ``Money/plainText`` of ``money``, appended to `bytes`.
    public func appendPlainText(to bytes: inout [UInt8]) {
        value.appendPlainText(minimumScale: currency?.minorUnits ?? 2, to: &bytes)
    }

    /// The most bytes ``write(at:)`` writes.
    public var textBound: Int { value.textBound(minimumScale: currency?.minorUnits ?? 2) }

    /// ``appendPlainText(to:)``'s bytes written at `out`, which has room for ``textBound`` of them;
    /// returns how many it wrote.
    public func write(at out: UnsafeMutablePointer<UInt8>) -> Int {
        value.write(minimumScale: currency?.minorUnits ?? 2, at: out)
    }

    /// `self > other` (`other` `nil`: `self > 0`), exactly, as ``Money/isGreater(_:than:)``.
    func isGreater(than other: PlainAmount?) -> Bool {
        let zero = DecimalParts(negative: false, exponent: 0, significand: 0)
        if let greater = value.isGreater(than: other?.value ?? zero) { return greater }
        return Money.isGreater(value.decimal, than: other?.value.decimal ?? 0)
    }
}

/// A chunk's plain rows, all from one sheet: its file and sheet are kept once, not on every row.
public struct PlainInvoiceRows: Sendable {
    public var file: String
    public var sheet: String?
    public var rows: [PlainInvoiceRow] = []

    public init(file: String, sheet: String?) { self.file = file; self.sheet = sheet }

    /// A row's place (file, sheet, row, line): both its records' location and the source of their IDs.
    public func location(of p: PlainInvoiceRow) -> SourceLocation {
        SourceLocation(file: file, sheet: sheet, row: p.row, line: p.line)
    }

    /// The customer's record ID (``Customer/id``, and ``Invoice/customer``).
    public func customerID(of p: PlainInvoiceRow) -> RecordID { RecordID(location(of: p), suffix: "customer") }
}

/// A customer read from an invoice row, as its consumer encodes it, shared by every plain row with
/// the same customer cells (the ``Customer`` record itself is not kept: a table's distinct
/// customers can be many, and the encoding is all a plain row's consumer needs of it).
public final class CustomerValues: Sendable {
    /// What the consumer made of the customer's values (``ChunkEncoding/encodeValues(of:)``).
    public let encoded: [UInt8]
    /// What the cells raised (a tax ID's check digit, a phone kept as written), at the first row's
    /// place; each row using the customer raises them again at its own.
    let notes: [Diagnostic]

    init(encoded: [UInt8], notes: [Diagnostic]) {
        self.encoded = encoded; self.notes = notes
    }
}
