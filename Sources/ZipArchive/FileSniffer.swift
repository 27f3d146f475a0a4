/// Recognizes what a file is when it is not a zip, so the error can say what to do.
struct FileSniffer {
    let file: RandomAccessFile

    static let cfbMagic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    func rejectIfNotZip(head: [UInt8]) throws(ZipError) {
        if head.isEmpty { throw .notAZip(path: file.path, found: "the file is empty") }
        if head.starts(with: Self.cfbMagic) {
            throw .compoundFile(path: file.path, kind: compoundFileKind())
        }
        if head.starts(with: [0x50, 0x4b]) { return }  // PK: zip local header, empty zip, spanned marker
        throw .notAZip(path: file.path, found: Self.describe(head))
    }

    static func describe(_ head: [UInt8]) -> String {
        let text = String(decoding: head.prefix(8), as: UTF8.self).lowercased()
        if text.hasPrefix("<?xml") || text.hasPrefix("\u{FEFF}<?xml") { return "it is an XML text file (perhaps an Excel 2003 XML spreadsheet)" }
        if text.hasPrefix("<html") || text.hasPrefix("<!doc") { return "it is an HTML page" }
        if head.starts(with: [0x09, 0x08]) || head.starts(with: [0x09, 0x04]) { return "it is a BIFF worksheet (Excel 2-4 .xls)" }
        if head.starts(with: [0x1F, 0x8B]) { return "it is gzip data" }
        let hex = head.prefix(4).map { b -> String in let h = String(b, radix: 16); return h.count == 1 ? "0" + h : h }
        return "it starts with bytes " + hex.joined(separator: " ")
    }

    /// Reads the compound file's directory to tell an encrypted OOXML package from a BIFF workbook.
    func compoundFileKind() -> CompoundFileKind {
        guard let names = try? directoryNames() else { return .unknown }
        if names.contains("EncryptedPackage") || names.contains("EncryptionInfo") { return .encryptedWorkbook }
        if names.contains("Workbook") || names.contains("Book") { return .legacyExcel }
        return .unknown
    }

    /// Stream names from the first directory sectors (following the FAT for at most 64 sectors).
    private func directoryNames() throws(ZipError) -> Set<String> {
        let header = try file.bytes(at: 0, count: 512)
        guard header.count == 512 else { return [] }
        let shift = Int(header.u16(0x1E))
        guard shift == 9 || shift == 12 else { return [] }
        let sectorSize = 1 << shift
        let difat = (0..<109).map { header.u32(0x4C + 4 * $0) }
        func fatNext(_ sector: UInt32) throws(ZipError) -> UInt32? {
            let perSector = UInt32(sectorSize / 4)
            let fatIndex = Int(sector / perSector)
            guard fatIndex < difat.count, difat[fatIndex] < 0xFFFF_FFFA else { return nil }
            let at = UInt64(difat[fatIndex] + 1) << UInt64(shift) + UInt64(sector % perSector) * 4
            let b = try file.bytes(at: at, count: 4)
            guard b.count == 4 else { return nil }
            let next = b.u32(0)
            return next < 0xFFFF_FFFA ? next : nil
        }
        var names: Set<String> = []
        var sector: UInt32? = header.u32(0x30)
        var visited = 0
        while let s = sector, s < 0xFFFF_FFFA, visited < 64 {
            visited += 1
            let dir = try file.bytes(at: UInt64(s + 1) << UInt64(shift), count: sectorSize)
            guard dir.count == sectorSize else { break }
            for e in stride(from: 0, to: sectorSize, by: 128) {
                let length = Int(dir.u16(e + 0x40))
                guard length >= 2, length <= 64 else { continue }
                var units: [UInt16] = []
                for i in stride(from: 0, to: length - 2, by: 2) { units.append(dir.u16(e + i)) }
                names.insert(String(decoding: units, as: UTF16.self))
            }
            sector = try fatNext(s)
        }
        return names
    }
}
