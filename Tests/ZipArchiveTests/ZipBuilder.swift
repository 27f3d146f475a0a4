import Foundation

/// Builds zip archives byte by byte, so tests can produce the odd layouts real files have
/// (comments, data descriptors, zip64 records, prepended stubs) without binary fixtures.
struct ZipBuilder {
    struct Item {
        var name: String
        var data: [UInt8]
        var dataDescriptor = false
        var zip64 = false
        var badCRC = false
    }

    var items: [Item] = []
    var comment: [UInt8] = []
    var prefix: [UInt8] = []
    var zip64EOCD = false

    func build() -> [UInt8] {
        var out = prefix
        var central: [UInt8] = []
        for item in items {
            let offset = UInt32(out.count - prefix.count) + UInt32(prefix.count)
            let name = Array(item.name.utf8)
            var crc = crc32(item.data)
            if item.badCRC { crc ^= 1 }
            let size = UInt32(item.data.count)
            let flags: UInt16 = item.dataDescriptor ? 8 : 0
            out.le32(0x0403_4b50); out.le16(20); out.le16(flags); out.le16(0); out.le16(0); out.le16(0x21)
            if item.dataDescriptor { out.le32(0); out.le32(0); out.le32(0) } else { out.le32(crc); out.le32(size); out.le32(size) }
            out.le16(UInt16(name.count)); out.le16(0)
            out += name
            out += item.data
            if item.dataDescriptor { out.le32(0x0807_4b50); out.le32(crc); out.le32(size); out.le32(size) }
            central.le32(0x0201_4b50); central.le16(20); central.le16(20); central.le16(flags); central.le16(0)
            central.le16(0); central.le16(0x21); central.le32(crc)
            var extra: [UInt8] = []
            if item.zip64 {
                central.le32(0xFFFF_FFFF); central.le32(0xFFFF_FFFF)
                extra.le16(1); extra.le16(24)
                extra.le64(UInt64(size)); extra.le64(UInt64(size)); extra.le64(UInt64(offset))
            } else {
                central.le32(size); central.le32(size)
            }
            central.le16(UInt16(name.count)); central.le16(UInt16(extra.count)); central.le16(0)
            central.le16(0); central.le16(0); central.le32(0)
            central.le32(item.zip64 ? 0xFFFF_FFFF : offset)
            central += name + extra
        }
        let cdOffset = out.count
        out += central
        if zip64EOCD {
            let eocd64 = out.count
            out.le32(0x0606_4b50); out.le64(44); out.le16(45); out.le16(45); out.le32(0); out.le32(0)
            out.le64(UInt64(items.count)); out.le64(UInt64(items.count))
            out.le64(UInt64(central.count)); out.le64(UInt64(cdOffset))
            out.le32(0x0706_4b50); out.le32(0); out.le64(UInt64(eocd64)); out.le32(1)
        }
        out.le32(0x0605_4b50); out.le16(0); out.le16(0)
        let n = UInt16(zip64EOCD ? 0xFFFF : items.count)
        out.le16(n); out.le16(n)
        out.le32(UInt32(central.count)); out.le32(zip64EOCD ? 0xFFFF_FFFF : UInt32(cdOffset - prefix.count + prefix.count))
        out.le16(UInt16(comment.count))
        out += comment
        return out
    }
}

func crc32(_ bytes: [UInt8]) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes {
        c ^= UInt32(b)
        for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
    }
    return ~c
}

extension Array where Element == UInt8 {
    mutating func le16(_ v: UInt16) { append(UInt8(v & 0xFF)); append(UInt8(v >> 8)) }
    mutating func le32(_ v: UInt32) { for i in 0..<4 { append(UInt8((v >> (8 * UInt32(i))) & 0xFF)) } }
    mutating func le64(_ v: UInt64) { le32(UInt32(v & 0xFFFF_FFFF)); le32(UInt32(v >> 32)) }
}

/// A fresh temporary file holding `bytes`; removed when the test process ends.
func temporaryFile(_ bytes: [UInt8], suffix: String = ".zip") throws -> String {
    let path = NSTemporaryDirectory() + "consolida-zip-\(UUID().uuidString)\(suffix)"
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
}

/// A minimal OLE2 compound file whose directory holds the given stream names.
func compoundFile(streams: [String]) -> [UInt8] {
    var header = [UInt8](repeating: 0, count: 512)
    let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    header.replaceSubrange(0..<8, with: magic)
    header[0x1E] = 9  // 512-byte sectors
    // Sector 0: FAT; sector 1: directory.
    func put32(_ a: inout [UInt8], _ at: Int, _ v: UInt32) { for i in 0..<4 { a[at + i] = UInt8((v >> (8 * UInt32(i))) & 0xFF) } }
    put32(&header, 0x30, 1)
    for i in 0..<109 { put32(&header, 0x4C + 4 * i, 0xFFFF_FFFF) }
    put32(&header, 0x4C, 0)
    var fat = [UInt8](repeating: 0xFF, count: 512)
    put32(&fat, 0, 0xFFFF_FFFD); put32(&fat, 4, 0xFFFF_FFFE)
    var dir = [UInt8](repeating: 0, count: 512)
    for (i, name) in (["Root Entry"] + streams).prefix(4).enumerated() {
        let units = Array(name.utf16)
        for (j, u) in units.enumerated() { dir[i * 128 + 2 * j] = UInt8(u & 0xFF); dir[i * 128 + 2 * j + 1] = UInt8(u >> 8) }
        let length = UInt16((units.count + 1) * 2)
        dir[i * 128 + 0x40] = UInt8(length & 0xFF); dir[i * 128 + 0x41] = UInt8(length >> 8)
    }
    return header + fat + dir
}
