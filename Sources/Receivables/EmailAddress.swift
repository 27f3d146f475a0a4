/// Email addresses read from a cell: validated, lower-cased and split when a cell holds several.
public enum EmailAddress {
    /// Every address in `text` (`Ana <ANA@Acme.com>; pagos@acme.com`), lower-cased; pieces that
    /// are not addresses come back in `invalid`, as written: each piece with an `@` that is no
    /// address (`ana@kiosko`), or, when the text holds no address and no `@` at all
    /// (`rey at taller.com`), the whole text. Words beside a piece with an `@` (`Ana`, `Sra.`)
    /// name its holder and are neither. Pieces come from ``pieces(of:)``: markup glued to an `@`
    /// (`<img src=x onerror=alert(2)>@x.mx`) stays one invalid piece, never an address cut out of it.
    public static func parseAll(_ text: String) -> (emails: [String], invalid: [String]) {
        var emails: [String] = [], invalid: [String] = []
        // The common cell holds one bare address: no separators to split on.
        if !text.utf8.contains(where: { isSeparator[Int($0)] }) {
            if let email = normalize(text) { return ([email], []) }
        }
        let pieces = self.pieces(of: text)
        for raw in pieces {
            let piece = candidate(in: raw)
            guard !piece.isEmpty else { continue }
            if let email = normalize(String(piece)) {
                if !emails.contains(email) { emails.append(email) }
            } else if raw.contains("@") || pieces.count == 1 {
                // Words around addresses (`Ana`, `Sra.`) are not addresses and not errors.
                invalid.append(String(piece))
            }
        }
        if emails.isEmpty && invalid.isEmpty {
            // Nothing here looked like an address, yet the cell was meant to hold one: the text is
            // kept whole rather than dropped word by word.
            let whole = text.trimmingWhitespace
            if !whole.isEmpty { invalid.append(whole) }
        }
        return (emails, invalid)
    }

    /// Bytes that separate addresses or wrap them (`;`, `,`, spaces, `<>` …), by byte value (a table:
    /// hashing each byte into a set cost more than the rest of checking an address).
    private static let isSeparator = byteTable(" \t\r\n;,|/<>\"'()[]")

    /// The lower-cased address when `text` is one valid address, else `nil`. Byte-level: only ASCII
    /// addresses are accepted (the local part's allowed characters are ASCII anyway).
    public static func normalize(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        while let f = bytes.first, f == 0x20 || f == 0x09 { bytes.removeFirst() }
        while let l = bytes.last, l == 0x20 || l == 0x09 || l == 0x0A || l == 0x0D { bytes.removeLast() }
        guard let at = bytes.firstIndex(of: 0x40), bytes.lastIndex(of: 0x40) == at else { return nil }
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= 64, domain.count <= 253, local.first != 0x2E, local.last != 0x2E,
              local.allSatisfy({ isLocalAllowed[Int($0)] }) else { return nil }
        var previousDot = false
        for b in local { if b == 0x2E { if previousDot { return nil }; previousDot = true } else { previousDot = false } }
        let labels = domain.split(separator: 0x2E, omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.first != 0x2D, label.last != 0x2D,
                  label.allSatisfy({ isAlnum($0) || $0 == 0x2D }) else { return nil }
        }
        guard let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes a local part may hold (after lower-casing), by byte value.
    private static let isLocalAllowed = byteTable("abcdefghijklmnopqrstuvwxyz0123456789.!#$%&'*+/=?^_`{|}~-")

    /// For each byte value, whether `bytes` (ASCII) holds it.
    private static func byteTable(_ bytes: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for b in bytes.utf8 { table[Int(b)] = true }
        return table
    }

    private static func isAlnum(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }
}
