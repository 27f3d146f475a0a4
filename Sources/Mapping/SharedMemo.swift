import Foundation

/// A bounded memo that many threads read and fill at once: values by key, each computed once
/// (outside any lock; two threads computing the same key store the same value).
///
/// The keys are spread over a few shards, each with its own lock, so two worker threads rarely
/// wait for each other. Each shard keeps two generations: when the current one is full it becomes
/// the previous one and a new one starts; a value found in the previous generation moves to the
/// current one. Values in use survive and memory stays bounded: at most two generations of
/// `limit / shards` entries per shard, `2 × limit` entries in all, however many distinct values
/// a table has.
final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
    // @unchecked: a shard's dictionaries are read and written under its lock only.
    private final class Shard {
        let lock = NSLock()
        var current: [Key: Value] = [:]
        var previous: [Key: Value] = [:]
    }

    private let shards: [Shard]
    private let generationSize: Int

    init(limit: Int, shards: Int = 8) {
        self.shards = (0..<shards).map { _ in Shard() }
        generationSize = max(1, limit / shards)
    }

    deinit {
        // A long sheet's memo holds a hundred thousand entries: freeing them took a tenth of a
        // second of the reading thread's time at the end of each table, so a helper thread does it.
        guard shards.reduce(0, { $0 + $1.current.count + $1.previous.count }) > 10_000 else { return }
        nonisolated(unsafe) let shards: [AnyObject] = shards
        Thread {
            HelperThreadPriority.lowerCurrentThread()
            withExtendedLifetime(shards) {}
        }.start()
    }

    /// The value for `key`, computed by `make` when not known yet.
    func value(for key: Key, make: () -> Value) -> Value {
        if let known = cached(key) { return known }
        let value = make()
        remember(value, for: key)
        return value
    }

    /// The value known for `key`, if any. With ``remember(_:for:)``, ``value(for:make:)`` for a
    /// caller whose computation is best not wrapped in a closure (one capturing a large struct
    /// copies it).
    func cached(_ key: Key) -> Value? {
        let shard = shard(for: key)
        shard.lock.lock()
        defer { shard.lock.unlock() }
        if let known = shard.current[key] { return known }
        if let old = shard.previous[key] {
            store(old, for: key, in: shard)
            return old
        }
        return nil
    }

    /// Keeps `value`, computed for `key` outside any lock after ``cached(_:)`` found none.
    func remember(_ value: Value, for key: Key) {
        let shard = shard(for: key)
        shard.lock.lock()
        store(value, for: key, in: shard)
        shard.lock.unlock()
    }

    private func shard(for key: Key) -> Shard {
        shards[Int(UInt(bitPattern: key.hashValue) % UInt(shards.count))]
    }

    private func store(_ value: Value, for key: Key, in shard: Shard) {
        if shard.current.count >= generationSize {
            shard.previous = shard.current
            shard.current = Dictionary(minimumCapacity: generationSize)
        }
        shard.current[key] = value
    }
}
