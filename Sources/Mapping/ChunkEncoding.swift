import Receivables

/// Turns a chunk's records into what its consumer keeps, on the worker thread that built them,
/// while they are still in that core's cache. `consolida import` renders its CSV rows there: done
/// later on a writer thread, the import took about 12% longer (the records had gone cold).
public protocol ChunkEncoding: Sendable {
    associatedtype Encoded: Sendable
    /// Takes the records it encodes out of `batch`; whatever it leaves (and the accounting and
    /// diagnostics) reaches the consumer as usual, before the encoded records.
    func encode(_ batch: inout ImportBatch) -> Encoded
}

/// No encoding: the records reach the consumer in the batch.
public struct KeepRecords: ChunkEncoding {
    public init() {}
    public func encode(_ batch: inout ImportBatch) {}
}
