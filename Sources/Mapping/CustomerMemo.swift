import Foundation
import Receivables
import Tabular

/// The customers of a table's plain invoice rows, by the row's customer cells.
///
/// An invoice list repeats each customer's name, tax ID, phone and email on every one of its rows;
/// the memo builds the customer once per distinct set of cells, with the diagnostics those cells
/// raise (a row using it raises them again at its own place). One memo serves every chunk of a
/// table on every worker thread.
///
/// It is looked up once per row, so it is laid out for that: keys are the cells' bytes
/// (``CustomerKey``) kept in one byte arena per shard, found through an open-addressing table of
/// hash fragments and entry numbers. A lookup touches a slot and its key's bytes; no key is
/// allocated, hashed twice or reference-counted. Memory stays bounded as in ``SharedMemo``: each
/// shard keeps two generations, a full one becoming the previous one, and a customer found in the
/// previous one moves to the current one.
final class CustomerMemo: @unchecked Sendable {
    // @unchecked: a shard's generations are read and written under its lock only.
    private final class Shard {
        let lock = NSLock()
        var current: CustomerTable
        var previous: CustomerTable?
        init(capacity: Int, arenaLimit: Int) { current = CustomerTable(capacity: capacity, arenaLimit: arenaLimit) }
    }

    /// The table's customer columns (1-based), in order.
    let columns: [Int]
    private let shards: [Shard]
    /// A hash seed of this process's own, so no file can be written to make its keys collide.
    private let seed = UInt64.random(in: .min ... .max)

    /// `limit` customers in each generation, in all shards together; `arenaLimit` bytes of keys.
    init(columns: [Int], limit: Int = 131_072, arenaLimit: Int = 32 << 20, shards: Int = 16) {
        self.columns = columns
        let capacity = max(1, limit / shards), arena = max(1, arenaLimit / shards)
        self.shards = (0..<shards).map { _ in Shard(capacity: capacity, arenaLimit: arena) }
    }

    deinit {
        // A long sheet's memo holds a hundred thousand customers: freeing them took a tenth of a
        // second of the reading thread's time at the end of each table, so a helper thread does it.
        guard shards.reduce(0, { $0 + $1.current.count + ($1.previous?.count ?? 0) }) > 10_000 else { return }
        nonisolated(unsafe) let shards: [AnyObject] = shards
        Thread {
            HelperThreadPriority.lowerCurrentThread()
            withExtendedLifetime(shards) {}
        }.start()
    }

    /// The customer known for a row's cells (their ``CustomerKey`` bytes), if any.
    func known(_ key: [UInt8]) -> CustomerValues? { key.withUnsafeBytes { known($0) } }

    /// Keeps a customer built after ``known(_:)-([UInt8])`` found none.
    func remember(_ customer: CustomerValues, for key: [UInt8]) { key.withUnsafeBytes { remember(customer, for: $0) } }

    /// ``known(_:)-([UInt8])`` of a key's bytes.
    func known(_ key: UnsafeRawBufferPointer) -> CustomerValues? {
        let hash = CustomerKey.hash(key, seed: seed)
        let shard = shard(for: hash)
        shard.lock.lock()
        defer { shard.lock.unlock() }
        return known(key, hash, in: shard)
    }

    /// The customers known for a chunk's keys, in their order: what ``known(_:)-([UInt8])`` gives
    /// for each, at a fraction of the cost.
    ///
    /// One key at a time, a lookup waits for each memory load in turn (its slot, its key's bytes,
    /// its customer), the table being far larger than the caches: most of the lookup's time. Here
    /// every key's slot is loaded first, then every slot's entry, so that the loads of different
    /// keys overlap, and the lookups proper then find them in the cache.
    func known(_ keys: CustomerKeys) -> [CustomerValues?] {
        let hashes = keys.indices.map { k in keys.withKey(k) { CustomerKey.hash($0, seed: seed) } }
        for shard in shards { shard.lock.lock() }
        defer { for shard in shards { shard.lock.unlock() } }
        var loaded: UInt64 = 0
        for h in hashes { loaded &+= shard(for: h).current.loadSlot(hash: h) }
        for h in hashes { loaded &+= shard(for: h).current.loadEntry(hash: h) }
        let found = keys.indices.map { k in keys.withKey(k) { known($0, hashes[k], in: shard(for: hashes[k])) } }
        // Each row then reads its customer's notes and encoded values, each in a memory block of its
        // own: loaded here together too, one row's wait no longer holding up the next's.
        for customer in found { if let customer { loaded &+= UInt64(customer.notes.count &+ customer.encoded.count) } }
        // Stored, so that the loads above are not left out as unused.
        loadSink = loaded
        return found
    }

    /// Written by ``known(_:)-CustomerKeys``'s loads (under every shard's lock); never read.
    private var loadSink: UInt64 = 0

    /// The customer known for `key` in `shard`, whose lock the caller holds.
    private func known(_ key: UnsafeRawBufferPointer, _ hash: UInt64, in shard: Shard) -> CustomerValues? {
        if let known = shard.current.find(key, hash: hash) { return known }
        if let old = shard.previous?.find(key, hash: hash) {
            store(old, key, hash, in: shard)
            return old
        }
        return nil
    }

    /// ``remember(_:for:)-([UInt8])`` of a key's bytes (two threads building the same customer
    /// keep the first; both built the same values).
    func remember(_ customer: CustomerValues, for key: UnsafeRawBufferPointer) {
        let hash = CustomerKey.hash(key, seed: seed)
        let shard = shard(for: hash)
        shard.lock.lock()
        defer { shard.lock.unlock() }
        if shard.current.find(key, hash: hash) == nil { store(customer, key, hash, in: shard) }
    }

    private func shard(for hash: UInt64) -> Shard {
        // The low bits pick the slot inside a shard; the high ones pick the shard.
        shards[Int((hash >> 40) % UInt64(shards.count))]
    }

    private func store(_ customer: CustomerValues, _ key: UnsafeRawBufferPointer, _ hash: UInt64, in shard: Shard) {
        if !shard.current.hasRoom(forKey: key.count) {
            shard.previous = shard.current
            shard.current = CustomerTable(capacity: shard.current.capacity, arenaLimit: shard.current.arenaLimit)
        }
        shard.current.insert(customer, key, hash: hash)
    }
}

/// One generation of a ``CustomerMemo`` shard: up to `capacity` customers and their keys.
///
/// Slots hold the high half of a key's hash and its entry number plus one (0: empty), probed
/// linearly; entry `i`'s key is `arena[keyEnds[i - 1] ..< keyEnds[i]]`. Plain memory, not arrays:
/// a class's array properties are checked for exclusive access on every use.
final class CustomerTable {
    let capacity: Int
    let arenaLimit: Int
    private(set) var count = 0
    private let slotMask: Int
    private let slots: UnsafeMutablePointer<UInt64>
    private let keyEnds: UnsafeMutablePointer<Int>
    private let values: UnsafeMutablePointer<CustomerValues>
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity: Int

    init(capacity: Int, arenaLimit: Int) {
        self.capacity = capacity; self.arenaLimit = arenaLimit
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount <<= 1 }
        slotMask = slotCount - 1
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        keyEnds = .allocate(capacity: capacity)
        arenaCapacity = 4096
        arena = .allocate(capacity: arenaCapacity)
        values = .allocate(capacity: capacity)
    }

    deinit {
        values.deinitialize(count: count)
        slots.deallocate(); keyEnds.deallocate(); arena.deallocate(); values.deallocate()
    }

    /// Whether a key of `length` bytes fits: room for one more entry, and for its bytes unless the
    /// table is empty (a key larger than the whole limit still gets a table to itself).
    func hasRoom(forKey length: Int) -> Bool {
        count < capacity && (count == 0 || arenaUsed + length <= arenaLimit)
    }

    private var arenaUsed: Int { count == 0 ? 0 : keyEnds[count - 1] }

    func find(_ key: UnsafeRawBufferPointer, hash: UInt64) -> CustomerValues? {
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var i = Int(truncatingIfNeeded: hash) & slotMask
        while true {
            let slot = slots[i]
            if slot == 0 { return nil }
            if slot & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = Int(slot & 0xFFFF_FFFF) - 1
                let start = entry == 0 ? 0 : keyEnds[entry - 1], end = keyEnds[entry]
                if end - start == key.count && (key.isEmpty || memcmp(arena + start, key.baseAddress!, key.count) == 0) {
                    return values[entry]
                }
            }
            i = (i + 1) & slotMask
        }
    }

    /// The slot a key's probe starts at, loaded for ``CustomerMemo/known(_:)-CustomerKeys``.
    func loadSlot(hash: UInt64) -> UInt64 { slots[Int(truncatingIfNeeded: hash) & slotMask] }

    /// What the entry of a key's first slot holds, loaded for ``CustomerMemo/known(_:)-CustomerKeys``
    /// when that slot has the key's tag: its key's first and last bytes, and its customer's first
    /// word (read without retaining the customer: a retain is an atomic operation, which waits for
    /// every load before it).
    func loadEntry(hash: UInt64) -> UInt64 {
        let slot = slots[Int(truncatingIfNeeded: hash) & slotMask]
        guard slot != 0, slot & 0xFFFF_FFFF_0000_0000 == hash & 0xFFFF_FFFF_0000_0000 else { return 0 }
        let entry = Int(slot & 0xFFFF_FFFF) - 1
        let start = entry == 0 ? 0 : keyEnds[entry - 1], end = keyEnds[entry]
        let customer = UnsafeRawPointer(values + entry).load(as: UnsafeRawPointer.self)
        return UInt64(end > start ? arena[start] &+ arena[end - 1] : 0) &+ customer.load(as: UInt64.self)
    }

    /// Adds a key ``find(_:hash:)`` did not find; the caller checked ``hasRoom(forKey:)``.
    func insert(_ customer: CustomerValues, _ key: UnsafeRawBufferPointer, hash: UInt64) {
        let start = arenaUsed
        if start + key.count > arenaCapacity {
            var grown = arenaCapacity * 2
            while grown < start + key.count { grown *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: arena, count: start)
            arena.deallocate()
            arena = bigger; arenaCapacity = grown
        }
        if let base = key.baseAddress { (arena + start).update(from: base.assumingMemoryBound(to: UInt8.self), count: key.count) }
        keyEnds[count] = start + key.count
        (values + count).initialize(to: customer)
        count += 1
        var i = Int(truncatingIfNeeded: hash) & slotMask
        while slots[i] != 0 { i = (i + 1) & slotMask }
        slots[i] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(count)
    }
}

/// The customer keys (``CustomerKey``) of a chunk's rows, one after another.
struct CustomerKeys {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    /// The keys of every row of `rows` (read as cells), of its cells in `columns`.
    init(_ rows: [Row], columns: [Int]) {
        ends.reserveCapacity(rows.count)
        for row in rows {
            CustomerKey.append(row, columns: columns, to: &bytes)
            ends.append(bytes.count)
        }
    }

    /// The keys of every row of `rows` (read as bytes), of its fields in `columns`.
    init(_ rows: TextRows, columns: [Int]) {
        ends.reserveCapacity(rows.count)
        for r in 0..<rows.count {
            rows.withRow(r) { CustomerKey.append($0, columns: columns, to: &bytes) }
            ends.append(bytes.count)
        }
    }

    var indices: Range<Int> { ends.indices }

    /// Calls `body` with key `k`'s bytes.
    func withKey<R>(_ k: Int, _ body: (UnsafeRawBufferPointer) -> R) -> R {
        let start = k == 0 ? 0 : ends[k - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[k]])) }
    }
}

/// The text of a row's customer columns, as one run of bytes: the customer is built from whether
/// each cell is blank and from its display text, so equal bytes mean an equal customer. (Byte
/// equality, not `==` on strings, which takes `é` and `e` + combining accent as equal: the
/// customer keeps the bytes it was written with.)
///
/// A blank cell is one byte whatever it holds (`""`, spaces, `.empty`); another is a tag, its
/// length and its text, so no two different rows make the same bytes.
enum CustomerKey {
    /// Appends the key of `row`'s cells in `columns` to `bytes`.
    static func append(_ row: Row, columns: [Int], to bytes: inout [UInt8]) {
        for c in columns {
            let cell = row[column: c]
            if cell.isBlank { bytes.append(0); continue }
            var text = row.shownText(column: c)
            text.withUTF8 { append(text: $0, to: &bytes) }
        }
    }

    /// The key of a row read as bytes: the same bytes as the ``Row`` it makes (when its bytes are
    /// UTF-8; else the raw bytes, which still tell different cells apart).
    static func append(_ row: TextRowView, columns: [Int], to bytes: inout [UInt8]) {
        // Measured first, then written in place: appended piece by piece, each append checked the
        // array's uniqueness and capacity (a key is built for every row of a large sheet).
        var length = 0
        for c in columns {
            let field = row[c]
            length += TextCell.isBlank(field) ? 1 : 5 + field.count
        }
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: length))
        bytes.withUnsafeMutableBufferPointer { out in
            var i = start
            for c in columns {
                let field = row[c]
                if TextCell.isBlank(field) { out[i] = 0; i += 1; continue }
                out[i] = 1
                let count = UInt32(truncatingIfNeeded: field.count)
                for k in 0..<4 { out[i + 1 + k] = UInt8(truncatingIfNeeded: count >> (8 * UInt32(k))) }
                i += 5
                if let base = field.baseAddress, !field.isEmpty {
                    (out.baseAddress! + i).update(from: base, count: field.count)
                }
                i += field.count
            }
        }
    }

    /// The key of `row`'s cells in `columns`, on its own (for tests and the odd caller).
    static func of(_ row: Row, columns: [Int]) -> [UInt8] {
        var bytes: [UInt8] = []
        append(row, columns: columns, to: &bytes)
        return bytes
    }

    private static func append(text: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(1)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: text.count).littleEndian) { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: text)
    }

    /// A 64-bit hash of a key's bytes, eight at a time (a multiply-and-fold mix with a 64-bit
    /// finalizer: what a table of entries checked byte for byte needs, at a few cycles a word).
    static func hash(_ key: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var h = seed ^ (UInt64(key.count) &* 0x9E37_79B9_7F4A_7C15)
        var i = 0
        let n = key.count
        while i + 8 <= n {
            h = fold(h ^ key.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for k in i..<n { tail |= UInt64(key[k]) << UInt64(8 * (k - i)) }
            h = fold(h ^ tail)
        }
        // splitmix64's finalizer: every input bit reaches the high (tag, shard) and low (slot) bits.
        h = (h ^ (h >> 30)) &* 0xBF58_476D_1CE4_E5B9
        h = (h ^ (h >> 27)) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 31)
    }

    @inline(__always)
    private static func fold(_ x: UInt64) -> UInt64 {
        let m = x.multipliedFullWidth(by: 0x9E37_79B9_7F4A_7C15)
        return m.high ^ m.low
    }
}
