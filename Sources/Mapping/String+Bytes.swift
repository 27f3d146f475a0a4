import Foundation

extension String {
    /// Whether both hold the same UTF-8 bytes. `==` compares canonical equivalence instead (`é`
    /// equals `e` + combining accent), which a memo of values kept as written must not.
    func hasSameBytes(as other: String) -> Bool {
        var b = other
        return b.withUTF8 { hasSameBytes(as: $0) }
    }

    /// Whether its UTF-8 bytes are `bytes`.
    func hasSameBytes(as bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var a = self
        return a.withUTF8 { x in
            x.count == bytes.count && (x.isEmpty || memcmp(x.baseAddress!, bytes.baseAddress!, x.count) == 0)
        }
    }

    /// `contains(_:)` (Foundation's search) of two ASCII texts, decided on their bytes: on ASCII
    /// the search compares bytes anyway, without bridging both to `NSString` first (a header is
    /// searched for each of several hundred synonyms). A text with other bytes is searched by Foundation.
    func containsASCII(_ other: String) -> Bool {
        var haystack = self, needle = other
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty, h.allSatisfy({ $0 < 0x80 }), n.allSatisfy({ $0 < 0x80 }) else { return self.contains(other) }
                guard n.count <= h.count else { return false }
                for start in 0...(h.count - n.count) where h[start] == n[0]
                    && memcmp(h.baseAddress! + start, n.baseAddress!, n.count) == 0 {
                    return true
                }
                return false
            }
        }
    }
}
