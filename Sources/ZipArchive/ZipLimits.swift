/// Guards against zip bombs: an archive whose entries inflate to far more than is reasonable.
///
/// Declared sizes are checked when the archive opens, and the bytes actually produced are checked
/// while inflating (an entry may never inflate past its declared size).
public struct ZipLimits: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case entrySize = "uncompressed entry size"
        case totalSize = "total uncompressed size"
        case ratio = "compression ratio"
        case entryCount = "number of entries"
    }

    /// Largest uncompressed size of one entry (a 1M-row sheet is a few hundred MiB).
    public var maxEntrySize: UInt64
    /// Largest sum of uncompressed sizes over all entries.
    public var maxTotalSize: UInt64
    /// Largest uncompressed/compressed ratio, applied to entries above `ratioThreshold` bytes.
    public var maxRatio: UInt64
    /// Entries smaller than this are never judged by their ratio (tiny parts compress oddly well).
    public var ratioThreshold: UInt64
    /// Largest number of entries in the central directory.
    public var maxEntries: Int

    public init(maxEntrySize: UInt64 = 4 << 30, maxTotalSize: UInt64 = 16 << 30, maxRatio: UInt64 = 1_000,
                ratioThreshold: UInt64 = 16 << 20, maxEntries: Int = 100_000) {
        self.maxEntrySize = maxEntrySize; self.maxTotalSize = maxTotalSize
        self.maxRatio = maxRatio; self.ratioThreshold = ratioThreshold; self.maxEntries = maxEntries
    }

    public static let `default` = ZipLimits()
}
