import Tabular

/// Decides a file's encoding from its first bytes (a bounded sample).
///
/// Order of evidence: a byte order mark; the zero bytes that UTF-16 and UTF-32 text without a BOM
/// has in every other (or three of every four) bytes; valid UTF-8; otherwise a Windows code page
/// (1252; 1251 when the high bytes form whole Cyrillic words; Shift_JIS or GB18030 when they form
/// the double-byte characters of those code pages).
public enum EncodingDetector {
    /// Detects the encoding of `sample` (the start of the file). `isWholeFile` says whether the
    /// sample is all of it, so that a multi-byte sequence cut at its end is not held against UTF-8.
    public static func detect(_ sample: UnsafeBufferPointer<UInt8>, isWholeFile: Bool) -> DetectedEncoding {
        if let bom = bomEncoding(sample) { return bom }
        if let wide = zeroBytePattern(sample) { return DetectedEncoding(encoding: wide, bomLength: 0, evidence: "zero-bytes") }
        if UTF8Validator.isValid(sample, allowTruncatedEnd: !isWholeFile) {
            return DetectedEncoding(encoding: .utf8, bomLength: 0, evidence: "valid-utf8")
        }
        // Mostly UTF-8, with a line or two typed in the old code page: read as UTF-8, those lines'
        // stray bytes as Windows-1252 (``CSVRowStream``). Read whole as cp1252, every other
        // accented letter (and the header the mapping reads) would turn to mojibake.
        let counts = UTF8Validator.sequenceCounts(sample)
        if counts.multiByte > counts.invalid {
            return DetectedEncoding(encoding: .utf8, bomLength: 0, evidence: "mostly-utf8")
        }
        let truncated = !isWholeFile
        let guess: TextEncoding
        if EastAsianDetector.looksShiftJIS(sample, allowTruncatedEnd: truncated) { guess = .shiftJIS }
        else if EastAsianDetector.looksGB2312(sample, allowTruncatedEnd: truncated) { guess = .gb18030 }
        else if looksCyrillic(sample) { guess = .windows1251 }
        else { guess = .windows1252 }
        return DetectedEncoding(encoding: guess, bomLength: 0, evidence: "not-utf8")
    }

    /// Convenience for arrays (tests, small files).
    public static func detect(_ sample: [UInt8], isWholeFile: Bool = true) -> DetectedEncoding {
        sample.withUnsafeBufferPointer { detect($0, isWholeFile: isWholeFile) }
    }

    static func bomEncoding(_ s: UnsafeBufferPointer<UInt8>) -> DetectedEncoding? {
        // UTF-32LE's BOM starts with UTF-16LE's, so the longer marks are tried first.
        for enc in [TextEncoding.utf32LE, .utf32BE, .utf8, .utf16LE, .utf16BE] {
            let bom = enc.byteOrderMark
            if s.count >= bom.count, zip(bom, s).allSatisfy({ $0 == $1 }) {
                return DetectedEncoding(encoding: enc, bomLength: bom.count, evidence: "bom")
            }
        }
        return nil
    }

    /// UTF-16/32 without a BOM (``ZeroBytePattern``).
    static func zeroBytePattern(_ s: UnsafeBufferPointer<UInt8>) -> TextEncoding? {
        switch ZeroBytePattern.detect(s) {
        case .utf16LE: return .utf16LE
        case .utf16BE: return .utf16BE
        case .utf32LE: return .utf32LE
        case .utf32BE: return .utf32BE
        case nil: return nil
        }
    }

    /// Cyrillic in cp1251 is runs of bytes 0xC0–0xFF; Western text in cp1252 has isolated high
    /// bytes inside ASCII words (José, Müller). Counts high bytes that sit next to another one.
    ///
    /// Spanish accented letters in a row (`ÁÉÍÓÚñÑ`) pair up too: when nearly all high bytes are
    /// those letters' (`á é í ó ú ñ ü` and capitals), the text is Latin. In Russian they are
    /// б й н у ъ с ь, about a fifth of its letters.
    static func looksCyrillic(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        var high = 0, paired = 0, spanish = 0
        var prevHigh = false
        for b in s {
            let isHigh = b >= 0xC0
            if isHigh {
                high += 1
                if prevHigh { paired += 1 }
                if spanishLetters[Int(b) - 0xC0] { spanish += 1 }
            }
            prevHigh = isHigh
        }
        return high >= 20 && Double(paired) / Double(high) > 0.6 && spanish * 10 < high * 7
    }

    /// `Á É Í Ó Ú Ñ Ü á é í ó ú ñ ü` in Latin-1, indexed from 0xC0.
    private static let spanishLetters: [Bool] = (0xC0...0xFF).map {
        [0xC1, 0xC9, 0xCD, 0xD3, 0xDA, 0xD1, 0xDC, 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xF1, 0xFC].contains($0)
    }
}
