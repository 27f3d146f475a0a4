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
}
