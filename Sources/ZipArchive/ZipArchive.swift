/// A zip archive opened for reading: its central directory, and streams over its entries.
///
/// ```swift
/// let zip = try ZipArchive(path: "book.xlsx")
/// if let sheet = zip.entry(named: "xl/worksheets/sheet1.xml") {
///     let reader = try zip.reader(for: sheet)
///     while let chunk = try reader.next() { /* at most 64 KiB, valid until the next call */ }
/// }
/// ```
public final class ZipArchive {
    public let path: String
    /// Entries in central-directory order.
    public let entries: [ZipEntry]
    public let limits: ZipLimits
    /// Names that appear more than once in the central directory (lookup returns the last).
    public let duplicateNames: [String]
    let file: RandomAccessFile
    private let index: [String: Int]

    /// Opens an archive and reads its central directory. Throws ``ZipError`` for a file that is not
    /// a zip (naming what it is when it can tell: an encrypted workbook, a legacy `.xls`), a
    /// truncated or corrupt archive, or one whose declared sizes break `limits`.
    public init(path: String, limits: ZipLimits = .default) throws(ZipError) {
        self.path = path
        self.limits = limits
        let file = try RandomAccessFile(path: path)
        self.file = file
        let entries = try ZipDirectoryParser(file: file, limits: limits).parse()
        self.entries = entries
        // A name listed twice resolves to the later entry, as Python's zipfile and Info-ZIP do
        // (an archive updated by appending); callers can warn through `duplicateNames`.
        var index: [String: Int] = [:]
        var duplicates: [String] = []
        for (i, e) in entries.enumerated() {
            if index[e.normalizedName] != nil { duplicates.append(e.name) }
            index[e.normalizedName] = i
        }
        self.index = index
        self.duplicateNames = duplicates
    }

    /// The entry with this name, compared without case and with `\` read as `/`.
    public func entry(named name: String) -> ZipEntry? {
        index[ZipEntry.normalize(name)].map { entries[$0] }
    }

    /// A stream over an entry's uncompressed bytes, in chunks of at most `chunkSize`.
    /// `checksCRC: false` skips the CRC-32 (sizes and zip-bomb limits are still checked): for a
    /// pass that only looks for something in an entry another reader reads and checks in full.
    public func reader(for entry: ZipEntry, chunkSize: Int = 64 << 10, checksCRC: Bool = true) throws(ZipError) -> ZipEntryReader {
        try ZipEntryReader(archive: self, entry: entry, chunkSize: chunkSize, checksCRC: checksCRC)
    }

    /// An entry's whole content. Use ``reader(for:chunkSize:)`` for anything large.
    public func contents(of entry: ZipEntry) throws(ZipError) -> [UInt8] {
        let r = try reader(for: entry)
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(entry.uncompressedSize, 64 << 20)))
        while let chunk = try r.next() { out.append(contentsOf: chunk) }
        return out
    }

    /// The whole content of the entry with this name.
    public func contents(ofEntryNamed name: String) throws(ZipError) -> [UInt8] {
        guard let e = entry(named: name) else { throw .entryNotFound(path: path, entry: name) }
        return try contents(of: e)
    }
}
