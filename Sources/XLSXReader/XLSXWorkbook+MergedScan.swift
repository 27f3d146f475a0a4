#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tabular
import ZipArchive

extension XLSXWorkbook {
    /// Whether a sheet's XML names merged cells at all, found by inflating it and searching the
    /// bytes for `mergeCell` (any namespace prefix), without parsing.
    ///
    /// A worksheet's `mergeCells` come after all its cells, so a streaming importer that needs them
    /// before the rows of a long sheet would otherwise parse the whole sheet twice; most long
    /// sheets (exports) have none, and this tells so at the cost of inflating alone. A `true` may be
    /// a false alarm (the word inside an inline string); the caller then parses the layout.
    public func sheetMentionsMergedCells(_ index: Int) throws(XLSXError) -> Bool {
        guard sheets.indices.contains(index) else { throw .noSuchSheet(path: path, index: index) }
        guard let part = sheetParts[index], let entry = zip.entry(named: part) else { return false }
        let needle = Array("mergeCell".utf8)
        do {
            // The row stream checks this entry's CRC; a search for one word need not, and reads
            // in larger chunks.
            let reader = try zip.reader(for: entry, chunkSize: 1 << 20, checksCRC: false)
            var carry: [UInt8] = []  // the previous chunk's last bytes, for a word split across chunks
            while let chunk = try reader.next() {
                if !carry.isEmpty {
                    let joined = carry + chunk.prefix(needle.count - 1)
                    if Self.find(needle, in: joined) { return true }
                }
                if Self.find(needle, in: chunk) { return true }
                carry = Array(chunk.suffix(needle.count - 1))
            }
        } catch {
            throw .container(error)
        }
        return false
    }

    /// Merged ranges of a sheet: none, at the cost of inflating it, when its XML never mentions
    /// them; else from a pass over the sheet that skips values.
    public func mergedRanges(ofSheet index: Int) throws -> [CellRange] {
        guard try sheetMentionsMergedCells(index) else { return [] }
        return try layout(ofSheet: index).mergedRanges
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { find(needle, in: $0) }
    }

    /// memchr for the first byte, then a compare: fast over the megabytes of a long sheet.
    private static func find(_ needle: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= needle.count else { return false }
        return needle.withUnsafeBytes { n -> Bool in
            var offset = 0
            while bytes.count - offset >= needle.count {
                guard let hit = memchr(base + offset, Int32(needle[0]), bytes.count - offset - needle.count + 1) else {
                    return false
                }
                if memcmp(hit, n.baseAddress!, needle.count) == 0 { return true }
                offset = base.distance(to: UnsafeRawPointer(hit)) + 1
            }
            return false
        }
    }
}
