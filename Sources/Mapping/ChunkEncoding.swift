import Receivables

/// Turns a chunk's records into what its consumer keeps, on the worker thread that built them,
/// while they are still in that core's cache. `consolida import` renders its CSV rows there: done
/// later on a writer thread, the import took about 12% longer (the records had gone cold).
public protocol ChunkEncoding: Sendable {
    associatedtype Encoded: Sendable
    /// Whether invoice rows whose values are all plain may come as ``PlainInvoiceRow``s instead of
    /// records (only when ``ImportOptions/plainRows`` allows it too).
    static var takesPlainRows: Bool { get }
    /// Takes the records it encodes out of `batch`; whatever it leaves (and the accounting and
    /// diagnostics) reaches the consumer as usual, before the encoded records. `plain` holds the
    /// chunk's plain rows, each saying where among the records it belongs.
    func encode(_ batch: inout ImportBatch, plain: PlainInvoiceRows) -> Encoded
    /// The part of a customer's encoding that depends on its values alone (not on its ID or place):
    /// made once per distinct customer of plain rows, kept in ``CustomerValues/encoded``.
    func encodeValues(of customer: Customer) -> [UInt8]
}

extension ChunkEncoding {
    public func encodeValues(of customer: Customer) -> [UInt8] { [] }
}

/// No encoding: the records reach the consumer in the batch.
public struct KeepRecords: ChunkEncoding {
    public init() {}
    public static var takesPlainRows: Bool { false }
    public func encode(_ batch: inout ImportBatch, plain: PlainInvoiceRows) {}
}
