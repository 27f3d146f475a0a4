#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A ``ZipEntryReader`` run one step ahead on its own thread: while the caller parses one chunk,
/// the next ones are read, inflated and checksummed. Memory is a ring of four chunks.
///
/// Same contract as ``ZipEntryReader/next()``: each chunk stays valid until the following call.
/// Dropping the reader early stops and joins the thread.
public final class ZipPrefetchingReader: @unchecked Sendable {
    // Everything below is shared with the producer thread and guarded by `mutex`, except the
    // slot buffers themselves: a slot belongs to the producer while it is free and to the
    // consumer from the moment it is filled until the consumer's next call.
    private let inner: ZipEntryReader
    private let slots: [UnsafeMutableRawBufferPointer]
    private var lengths: [Int]
    private var head = 0, filled = 0
    private var holding = false
    private var finished = false, cancelled = false
    private var failure: ZipError?
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var thread: pthread_t?

    public var entry: ZipEntry { inner.entry }

    init(inner: ZipEntryReader, slotCount: Int = 4, chunkSize: Int) throws(ZipError) {
        self.inner = inner
        slots = (0..<slotCount).map { _ in .allocate(byteCount: chunkSize, alignment: 16) }
        lengths = Array(repeating: 0, count: slotCount)
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
        var tid = pthread_t()
        let context = Unmanaged.passUnretained(self).toOpaque()
        let rc = pthread_create(&tid, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<ZipPrefetchingReader>.fromOpaque(raw).takeUnretainedValue().produce()
            return nil
        }, context)
        // On failure `thread` stays nil and deinit (which runs for a fully initialized object
        // whose init throws) frees the buffers.
        guard rc == 0 else { throw .io(path: inner.path, call: "pthread_create", errno: rc) }
        thread = tid
    }

    deinit {
        pthread_mutex_lock(mutex)
        cancelled = true
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
        if let thread { pthread_join(thread, nil) }
        cleanUp()
    }

    private func cleanUp() {
        for s in slots { s.deallocate() }
        pthread_cond_destroy(condition); condition.deallocate()
        pthread_mutex_destroy(mutex); mutex.deallocate()
    }

    /// The next chunk of uncompressed bytes, or `nil` after the last one.
    public func next() throws(ZipError) -> UnsafeRawBufferPointer? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if holding {
            // Hand the previous chunk's slot back to the producer.
            holding = false
            head = (head + 1) % slots.count
            filled -= 1
            pthread_cond_broadcast(condition)
        }
        while filled == 0, !finished, failure == nil { pthread_cond_wait(condition, mutex) }
        if filled > 0 {
            holding = true
            return UnsafeRawBufferPointer(rebasing: slots[head][0..<lengths[head]])
        }
        if let failure { throw failure }
        return nil
    }

    /// The producer thread: fills free slots until the entry ends, fails, or the reader is dropped.
    private func produce() {
        while true {
            pthread_mutex_lock(mutex)
            while filled == slots.count, !cancelled { pthread_cond_wait(condition, mutex) }
            if cancelled { pthread_mutex_unlock(mutex); return }
            let slot = (head + filled) % slots.count
            pthread_mutex_unlock(mutex)

            var length = 0
            var outcome: ZipError?
            var ended = false
            do {
                length = try inner.next(into: slots[slot])
                ended = length == 0
            } catch {
                outcome = error
            }

            pthread_mutex_lock(mutex)
            if let outcome {
                failure = outcome
            } else if ended {
                finished = true
            } else {
                lengths[slot] = length
                filled += 1
            }
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
            if outcome != nil || ended { return }
        }
    }
}

extension ZipArchive {
    /// Like ``reader(for:chunkSize:)``, with reading and inflating done ahead on a second thread.
    public func prefetchingReader(for entry: ZipEntry, chunkSize: Int = 64 << 10) throws(ZipError) -> ZipPrefetchingReader {
        try ZipPrefetchingReader(inner: reader(for: entry, chunkSize: chunkSize), chunkSize: max(1024, chunkSize))
    }
}
