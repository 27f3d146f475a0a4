/// Resolves relationship targets to zip entry names (OPC part names without the leading `/`).
enum PackagePath {
    /// The folder of a part, with a trailing `/` (`xl/` for `xl/workbook.xml`, empty at the root).
    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// The `_rels` part that holds a part's relationships (`xl/_rels/workbook.xml.rels`).
    static func relationshipsPart(of part: String) -> String {
        let folder = folder(of: part)
        return folder + "_rels/" + part.dropFirst(folder.count) + ".rels"
    }

    /// Resolves `target` (absolute `/xl/a.xml`, or relative `worksheets/../a.xml`) against the
    /// folder of `source`, decoding `%XX` escapes and `\` separators.
    static func resolve(_ target: String, from source: String) -> String {
        var t = String(percentDecoded(target).map { $0 == "\\" ? "/" : $0 })
        let absolute = t.hasPrefix("/")
        if absolute { t.removeFirst() }
        let joined = absolute ? t : folder(of: source) + t
        var parts: [Substring] = []
        for p in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(p)
        }
        return parts.joined(separator: "/")
    }

    static func percentDecoded(_ s: String) -> String {
        guard s.contains("%") else { return s }
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let h = hexValue(b[i + 1]), let l = hexValue(b[i + 2]) {
                out.append(h << 4 | l); i += 3
            } else {
                out.append(b[i]); i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
