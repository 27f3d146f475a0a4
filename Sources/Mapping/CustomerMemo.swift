import Foundation
import Receivables
import Tabular

/// The customers of a table's plain invoice rows, by the row's customer cells.
///
/// An invoice list repeats each customer's name, tax ID, phone and email on every one of its rows;
/// the memo builds the customer once per distinct set of cells, with the diagnostics those cells
/// raise (a row using it raises them again at its own place). One memo serves every chunk of a
/// table on every worker thread; its memory is bounded (``SharedMemo``).
final class CustomerMemo: Sendable {
    private let memo: SharedMemo<CustomerKey, CustomerValues>
    /// The table's customer columns (1-based), in order.
    let columns: [Int]

    init(columns: [Int], limit: Int = 131_072) {
        self.columns = columns
        memo = SharedMemo(limit: limit)
    }

    /// The customer known for a row's cells (their ``CustomerKey``), if any (``SharedMemo/cached(_:)``).
    func known(_ key: CustomerKey) -> CustomerValues? { memo.cached(key) }

    /// Keeps a customer built after ``known(_:)`` found none.
    func remember(_ customer: CustomerValues, for key: CustomerKey) { memo.remember(customer, for: key) }
}

/// The text of a row's customer columns, as one run of bytes: the customer is built from whether
/// each cell is blank and from its display text, so equal bytes mean an equal customer. (Byte
/// equality, not `==` on strings, which takes `é` and `e` + combining accent as equal: the
/// customer keeps the bytes it was written with.)
struct CustomerKey: Hashable, Sendable {
    private let bytes: [UInt8]
    private let hash: Int

    init(_ row: Row, columns: [Int]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(columns.count * 24)
        for c in columns {
            let cell = row[column: c]
            // A blank cell is skipped whatever it holds (`""`, spaces, `.empty`); another is its
            // tag, its length and its text, so no two different rows make the same bytes.
            if cell.isBlank { bytes.append(0); continue }
            bytes.append(1)
            var text = cell.displayText
            text.withUTF8 { Self.append(text: $0, to: &bytes) }
        }
        self.init(bytes)
    }

    /// The key of a row read as bytes: the same bytes as the ``Row`` it makes (when its bytes are
    /// UTF-8; else the raw bytes, which still tell different cells apart).
    init(_ row: TextRowView, columns: [Int]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(columns.count * 24)
        for c in columns {
            let field = row[c]
            if TextCell.isBlank(field) { bytes.append(0); continue }
            bytes.append(1)
            Self.append(text: field, to: &bytes)
        }
        self.init(bytes)
    }

    private init(_ bytes: [UInt8]) {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        self.bytes = bytes
        hash = hasher.finalize()
    }

    private static func append(text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: text.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: text)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (a: CustomerKey, b: CustomerKey) -> Bool {
        // memcmp: `==` on arrays compares element by element.
        a.hash == b.hash && a.bytes.count == b.bytes.count && a.bytes.withUnsafeBytes { x in
            b.bytes.withUnsafeBytes { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }
}
