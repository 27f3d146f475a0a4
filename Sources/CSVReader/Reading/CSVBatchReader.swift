import Foundation

/// Reads a ``CSVFile`` on a background thread and hands out ``CSVRecordBatch``es, at most
/// ``depth`` waiting at a time, so memory stays constant while parsing overlaps with whatever the
/// caller does with the records (typed conversion, mapping).
public final class CSVBatchReader {
    /// Records per batch, and batches parsed ahead of the caller.
    public static let batchRecords = 8192, depth = 2

    private let queue = BatchQueue(capacity: CSVBatchReader.depth)

    /// Starts reading the table of `file` (after its preamble; the header is the first record).
    public init(file: CSVFile) {
        let queue = self.queue
        let thread = Thread {
            do {
                let reader = try file.records()
                var batch = CSVRecordBatch()
                batch.firstRecordNumber = reader.recordCount + 1
                while try reader.next() {
                    batch.append(reader)
                    if batch.count >= CSVBatchReader.batchRecords {
                        guard queue.put(.success(batch)) else { return }
                        batch = CSVRecordBatch()
                        batch.firstRecordNumber = reader.recordCount + 1
                    }
                }
                if batch.count > 0, !queue.put(.success(batch)) { return }
                _ = queue.put(nil)
            } catch {
                _ = queue.put(.failure(error))
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit { queue.cancel() }

    /// The next batch, or `nil` at the end; rethrows the reader's file-level error.
    public func next() throws -> CSVRecordBatch? {
        guard let item = queue.take() else { return nil }
        return try item.get()
    }
}

/// A bounded hand-off between the parsing thread and the caller.
private final class BatchQueue: @unchecked Sendable {
    // @unchecked: every access to the mutable state holds `condition`.
    private let condition = NSCondition()
    private var items: [Result<CSVRecordBatch, any Error>?] = []
    private var cancelled = false
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    /// Adds an item (`nil` marks the end), waiting while full; `false` when the reader went away.
    func put(_ item: Result<CSVRecordBatch, any Error>?) -> Bool {
        condition.lock(); defer { condition.unlock() }
        while items.count >= capacity && !cancelled { condition.wait() }
        if cancelled { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    func take() -> Result<CSVRecordBatch, any Error>? {
        condition.lock(); defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        let item = items.removeFirst()
        if item == nil { items.insert(nil, at: 0) }  // the end stays the end
        condition.broadcast()
        return item
    }

    func cancel() {
        condition.lock(); defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }
}
