/// FNV-1a 64-bit: a fixed, documented hash, so IDs derived from it are the same on every machine,
/// every run and every Swift version (`Hasher` is seeded per process and must not be used).
public enum StableHash {
    public static func fnv1a64(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01B3
        }
        return h
    }

    /// FNV-1a fed value by value, each value ended by a separator byte (so `"ab","c"` and
    /// `"a","bc"` differ), without building the joined text.
    public struct FNV1a {
        public private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325
        public init() {}

        public mutating func add(_ text: String?) {
            if let text { for b in text.utf8 { mix(b) } }
            separate()
        }

        /// Ends a value (or a list of values).
        public mutating func separate() { mix(0x1F) }

        private mutating func mix(_ b: UInt8) {
            value ^= UInt64(b)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    /// Sixteen upper-case hex digits of a 64-bit hash.
    public static func hex16(_ h: UInt64) -> String {
        let s = String(h, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - s.count) + s
    }

    /// Eight upper-case hex digits from the hash, folding the high half into the low half.
    public static func hex8(_ text: String) -> String {
        let h = fnv1a64(text)
        let v = UInt32(truncatingIfNeeded: h ^ (h >> 32))
        let s = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: 8 - s.count) + s
    }
}

/// SplitMix64: a tiny seeded generator, so sampling (random pairs for u) is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
