import Foundation
import Tabular

/// Decoding, line splitting and cleaning shared by every notes format.
enum NotesText {
    /// Decodes a text file: UTF-8 (with or without BOM), UTF-16 with a BOM or without one (told by
    /// its zero bytes), else line by line: UTF-8 where a line is valid UTF-8, else Windows-1252,
    /// because notebooks typed on old Windows machines arrive in that code page, and a notebook
    /// kept over years mixes both (a cp1252 file with lines pasted from a phone).
    static func decode(_ data: Data) -> (text: String, encoding: String) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (String(decoding: bytes.dropFirst(3), as: UTF8.self), "utf-8-bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let enc: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let s = String(data: data.dropFirst(2), encoding: enc) { return (s, enc == .utf16LittleEndian ? "utf-16le" : "utf-16be") }
        }
        if let (enc, unit, name) = wideWithoutBOM(bytes), let s = String(data: data.prefix(data.count - data.count % unit), encoding: enc) {
            return (s, name)
        }
        if let s = String(validatingUTF8Bytes: bytes) { return (s, "utf-8") }
        var text = "", utf8Lines = 0
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            let line = bytes[start..<end]
            if line.contains(where: { $0 >= 0x80 }), let s = String(validatingUTF8Bytes: Array(line)) {
                text += s; utf8Lines += 1
            } else {
                text += windows1252(line)
            }
            start = end
        }
        return (text, utf8Lines > 0 ? "windows-1252 with utf-8 lines" : "windows-1252")
    }

    /// Whether the bytes are UTF-16 or UTF-32 text (a byte-order mark, or the zero bytes of its
    /// code units), in which zero bytes are no sign of binary content.
    static func isWideText(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) || wideWithoutBOM(bytes) != nil
    }

    /// UTF-16 or UTF-32 without a byte-order mark, as the CSV reader tells it (``ZeroBytePattern``):
    /// the encoding, its code unit's size and its name.
    static func wideWithoutBOM(_ bytes: [UInt8]) -> (String.Encoding, Int, String)? {
        switch bytes.withUnsafeBufferPointer(ZeroBytePattern.detect) {
        case .utf16LE: return (.utf16LittleEndian, 2, "utf-16le")
        case .utf16BE: return (.utf16BigEndian, 2, "utf-16be")
        case .utf32LE: return (.utf32LittleEndian, 4, "utf-32le")
        case .utf32BE: return (.utf32BigEndian, 4, "utf-32be")
        case nil: return nil
        }
    }

    /// Splits on `\n`, `\r\n` and lone `\r`, so line numbers match what an editor shows. A final
    /// newline does not start an extra line.
    static func lines(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var previousCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if previousCR { previousCR = false; continue }
                out.append(current); current = ""
            } else if scalar == "\r" {
                out.append(current); current = ""; previousCR = true; continue
            } else {
                current.unicodeScalars.append(scalar)
            }
            previousCR = false
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Removes the invisible marks WhatsApp and notes apps insert (direction marks, isolates, BOM)
    /// and turns the exotic spaces (narrow no-break, no-break, thin) into plain spaces and the
    /// hyphens phones are written with (no-break, figure) into `-`.
    static func clean(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x200E, 0x200F, 0x2068, 0x2069, 0x202A...0x202E, 0x2066, 0x2067, 0xFEFF, 0x200B, 0x200C, 0x200D:
                continue
            case 0x00A0, 0x202F, 0x2007, 0x2009, 0x2002, 0x2003, 0x205F, 0x0009:
                out.append(" ")
            case 0x2010, 0x2011, 0x2012, 0x2212:
                // Hyphens and dashes that phones are written with (`+58 414‑5552211`, a no-break
                // hyphen in Android's exports): the ASCII one the phone and date rules know.
                out.append("-")
            case 0x0000...0x0008, 0x000B, 0x000C, 0x000E...0x001F, 0x007F:
                // NUL padding and other control characters (a notebook saved by an old program):
                // no text, and before a heading they would hide it.
                continue
            default:
                out.append(u)
            }
        }
        return String(out)
    }

    /// Lower-cased, without diacritics (`Já Pagó` → `ja pago`), for keyword matching only.
    /// Each character maps to exactly one character, so offsets in the folded text are offsets in
    /// the original: patterns match the folded text and the original's slice is cut by offset.
    static func fold(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            if ch.isASCII { out.append(ch.isUppercase ? Character(ch.lowercased()) : ch); continue }
            let base = String(ch).decomposedStringWithCanonicalMapping.unicodeScalars.first.map { Character($0) } ?? ch
            let lower = base.lowercased()
            out.append(lower.count == 1 ? Character(lower) : base)
        }
        return out
    }

    /// The slice of `original` at the character offsets of `range` in `folded` (made by ``fold(_:)``).
    static func slice(_ original: String, folded: String, _ range: Range<String.Index>) -> Substring {
        let lo = folded.distance(from: folded.startIndex, to: range.lowerBound)
        let hi = folded.distance(from: folded.startIndex, to: range.upperBound)
        let a = original.index(original.startIndex, offsetBy: lo)
        let b = original.index(original.startIndex, offsetBy: hi)
        return original[a..<b]
    }

    /// The part of `original` after character offset of `index` in `folded`.
    static func suffix(_ original: String, folded: String, from index: String.Index) -> Substring {
        let lo = folded.distance(from: folded.startIndex, to: index)
        return original[original.index(original.startIndex, offsetBy: lo)...]
    }

    static func isBlank(_ s: String) -> Bool { clean(s).allSatisfy(\.isWhitespace) }

    /// Collapses runs of whitespace and trims.
    static func squeeze(_ s: String) -> String {
        s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func windows1252(_ bytes: some Sequence<UInt8>) -> String {
        // 0x80–0x9F differ from Latin-1; the rest maps straight to Unicode.
        let high: [UInt32] = [0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
                              0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C,
                              0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD,
                              0x017E, 0x0178]
        var view = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : UInt32(b)
            if let u = Unicode.Scalar(v) { view.append(u) }
        }
        return String(view)
    }
}

extension String {
    /// `nil` unless the bytes are valid UTF-8.
    init?(validatingUTF8Bytes bytes: [UInt8]) {
        var it = bytes.makeIterator()
        var decoder = UTF8()
        var view = String.UnicodeScalarView()
        loop: while true {
            switch decoder.decode(&it) {
            case .scalarValue(let u): view.append(u)
            case .emptyInput: break loop
            case .error: return nil
            }
        }
        self = String(view)
    }
}
