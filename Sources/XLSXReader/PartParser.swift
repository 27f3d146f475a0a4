import Tabular
import XMLStream
import ZipArchive

/// Streams one zip entry through the SAX2 parser: inflated chunks go straight to libxml2.
struct PartParser {
    let zip: ZipArchive

    /// Parses a whole part; returns libxml2's warnings as diagnostics.
    @discardableResult
    func parse(_ entry: ZipEntry, with handler: any XMLStreamHandler) throws(XLSXError) -> [Diagnostic] {
        let parser = XMLPushParser(file: zip.path, part: entry.name, handler: handler)
        // Big parts (a million-entry string table) inflate on a second thread while libxml2 parses.
        let prefetching: ZipPrefetchingReader?
        let plain: ZipEntryReader?
        do {
            if entry.uncompressedSize > 4 << 20 {
                prefetching = try zip.prefetchingReader(for: entry); plain = nil
            } else {
                plain = try zip.reader(for: entry); prefetching = nil
            }
        } catch { throw .container(error) }
        while true {
            let chunk: UnsafeRawBufferPointer?
            do {
                if let prefetching { chunk = try prefetching.next() } else { chunk = try plain?.next() }
            } catch { throw .container(error) }
            guard let chunk else { break }
            do { try parser.feed(chunk) } catch { throw .malformedPart(error) }
        }
        do { try parser.finish() } catch { throw .malformedPart(error) }
        return parser.diagnostics
    }

    /// Parses the part with this name when it exists; `false` when it does not.
    func parse(partNamed name: String, with handler: any XMLStreamHandler) throws(XLSXError) -> Bool {
        guard let entry = zip.entry(named: name) else { return false }
        try parse(entry, with: handler)
        return true
    }
}
