import Foundation
import Mapping
import Receivables
import Tabular

/// A growable run of bytes written through a pointer: a chunk's customer or invoice rows as
/// `consolida import` renders them (``ImportOutput/RowRenderer``).
///
/// A plain row's two dozen fields are stored into room made once for the whole row
/// (``write(maxLength:_:)``). Appended one by one to an array, each field paid for the array's
/// uniqueness and capacity checks: a sixth of a large import's time went to that.
///
/// `@unchecked Sendable`: filled on the worker that rendered the chunk, then handed whole to the
/// writer thread; never touched by two threads at once.
final class RowBytes: @unchecked Sendable {
    private(set) var count = 0
    private var capacity: Int
    private var storage: UnsafeMutablePointer<UInt8>

    init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// The bytes written so far (valid until the next write).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

    /// Makes room for `more` bytes past those written.
    func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        var grown = capacity * 2
        while grown < count + more { grown *= 2 }
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.update(from: storage, count: count)
        storage.deallocate()
        storage = bigger; capacity = grown
    }

    /// Writes at most `maxLength` bytes through `body`'s cursor. The bound is the caller's promise:
    /// a row that broke it would have written past the room, so it stops the program.
    func write(maxLength: Int, _ body: (inout ByteCursor) -> Void) {
        reserve(maxLength)
        let start = storage + count
        var cursor = ByteCursor(start)
        body(&cursor)
        let written = cursor.position - start
        precondition(written <= maxLength, "a rendered row overran its bound")
        count += written
    }

    /// Rows rendered into a ``CSVRowBuffer`` (records, which are not written through a cursor).
    func append(_ rows: CSVRowBuffer) {
        rows.bytes.withUnsafeBufferPointer { b in write(maxLength: b.count) { $0.put(b) } }
    }
}

/// Where the next byte goes in room made by ``RowBytes/write(maxLength:_:)``.
struct ByteCursor {
    private(set) var position: UnsafeMutablePointer<UInt8>

    init(_ start: UnsafeMutablePointer<UInt8>) { position = start }

    @inline(__always) mutating func put(_ byte: UInt8) {
        position.pointee = byte
        position += 1
    }

    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        position.update(from: base, count: bytes.count)
        position += bytes.count
    }

    mutating func put(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { put($0) } }

    mutating func put(_ text: String) {
        var text = text
        text.withUTF8 { put($0) }
    }

    /// `n`'s digits zero-padded to `width` (``DecimalDigits/write(_:width:at:)``): at most 40 bytes.
    mutating func put(digits n: UInt64, width: Int = 1) {
        position += DecimalDigits.write(n, width: width, at: position)
    }

    /// A whole number as ``CSVRowBuffer/field(number:)`` writes it, nothing for `nil`: at most 21 bytes.
    mutating func put(number n: Int?) {
        guard let n else { return }
        if n < 0 { put(UInt8(ascii: "-")) }
        put(digits: UInt64(n.magnitude))
    }

    /// An amount as ``CSVRowBuffer/field(_:)-(PlainAmount?)`` writes it, nothing for `nil`: at most
    /// its ``PlainAmount/textBound`` bytes.
    mutating func put(amount: PlainAmount?) {
        guard let amount else { return }
        position += amount.write(at: position)
    }

    /// A date as ``CSVRowBuffer/field(_:)-(LocalDate?)`` writes it, nothing for `nil`: at most
    /// ``dateBound`` bytes.
    mutating func put(date: LocalDate?) {
        guard let date else { return }
        put(part: date.year, width: 4); put(UInt8(ascii: "-"))
        put(part: date.month, width: 2); put(UInt8(ascii: "-"))
        put(part: date.day, width: 2)
    }

    static let dateBound = 3 * 21 + 2

    /// A currency's code, nothing for `nil`: at most 3 bytes.
    mutating func put(currency: Currency?) {
        currency?.withCodeBytes { put($0) }
    }

    private mutating func put(part n: Int, width: Int) {
        if n < 0 { put(UInt8(ascii: "-")) }
        put(digits: UInt64(n.magnitude), width: width)
    }
}
