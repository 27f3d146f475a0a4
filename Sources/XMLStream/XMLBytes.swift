/// A run of UTF-8 bytes borrowed from the parser (an element name, an attribute value, text).
///
/// Valid only during the callback that receives it: copy with ``string`` or ``bytes`` to keep it.
/// Comparing with a `StaticString` is a byte comparison, so hot paths never build a `String`.
public struct XMLBytes {
    /// Where the bytes start, and how many there are (`-1`: up to a NUL, measured on demand,
    /// because libxml2 hands names and namespace URIs over as C strings and most callbacks never
    /// look at the URI).
    @usableFromInline let start: UnsafePointer<UInt8>?
    @usableFromInline let length: Int
    /// Whether this is an attribute value (see ``buffer``).
    public let isAttributeValue: Bool

    /// The raw bytes. In an attribute value libxml2 writes each `&` as `&#38;` (it keeps
    /// attribute text re-escapable when entities are not substituted); ``string`` and ``bytes``
    /// undo that, so compare raw bytes only with `&`-free literals.
    @inlinable public var buffer: UnsafeBufferPointer<UInt8> {
        guard let start else { return UnsafeBufferPointer(start: nil, count: 0) }
        if length >= 0 { return UnsafeBufferPointer(start: start, count: length) }
        var n = 0
        while start[n] != 0 { n += 1 }
        return UnsafeBufferPointer(start: start, count: n)
    }

    @inlinable public init(_ buffer: UnsafeBufferPointer<UInt8>) {
        start = buffer.baseAddress; length = buffer.count; isAttributeValue = false
    }

    init(start: UnsafePointer<UInt8>?, count: Int, attribute: Bool = false) {
        self.start = start
        self.length = start == nil ? 0 : count
        isAttributeValue = attribute
    }

    /// The bytes of a NUL-terminated C string (libxml2 names and URIs), measured lazily.
    init(cString: UnsafePointer<UInt8>?) {
        start = cString
        length = -1
        isAttributeValue = false
    }

    @inlinable public var count: Int { buffer.count }
    @inlinable public var isEmpty: Bool { buffer.isEmpty }

    /// A copy as a Swift string (invalid UTF-8 is repaired with U+FFFD).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// A copy of the bytes (with `&#38;` turned back into `&` in attribute values).
    public var bytes: [UInt8] {
        guard isAttributeValue, buffer.contains(UInt8(ascii: "&")) else { return Array(buffer) }
        var out: [UInt8] = []
        out.reserveCapacity(buffer.count)
        var i = 0
        let amp: [UInt8] = Array("&#38;".utf8)
        while i < buffer.count {
            if buffer[i] == UInt8(ascii: "&"), i + 5 <= buffer.count, Array(buffer[i..<i + 5]) == amp {
                out.append(UInt8(ascii: "&")); i += 5
            } else {
                out.append(buffer[i]); i += 1
            }
        }
        return out
    }

    /// Whether the bytes equal `literal` exactly.
    @inlinable public func equals(_ literal: StaticString) -> Bool {
        let l = literal.utf8Start, n = literal.utf8CodeUnitCount
        guard let start else { return n == 0 }
        if length >= 0 {
            guard length == n else { return false }
            for i in 0..<n where start[i] != l[i] { return false }
            return true
        }
        // A C string: compare up to the literal's end, then require the terminator.
        for i in 0..<n where start[i] != l[i] { return false }
        return start[n] == 0
    }

    @inlinable public static func == (a: XMLBytes, b: StaticString) -> Bool { a.equals(b) }

    /// Whether the bytes end with `suffix` (namespace URIs differ only in their prefix).
    public func hasSuffix(_ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard n <= buffer.count else { return false }
        let s = suffix.utf8Start, offset = buffer.count - n
        for i in 0..<n where buffer[offset + i] != s[i] { return false }
        return true
    }
}

/// One attribute of a start tag: local name, namespace URI (empty when none) and value.
public struct XMLAttribute {
    public let localName: XMLBytes
    public let namespace: XMLBytes
    public let value: XMLBytes
}

/// The attributes of a start tag, borrowed for the duration of the callback.
public struct XMLAttributes: RandomAccessCollection {
    /// libxml2's layout: five pointers per attribute (localname, prefix, URI, value, end).
    let raw: UnsafePointer<UnsafePointer<UInt8>?>?
    public let count: Int

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(i: Int) -> XMLAttribute {
        guard let raw else { preconditionFailure("attribute index out of range") }
        let base = raw + 5 * i
        let value = base[3], end = base[4]
        let length = (value != nil && end != nil) ? end! - value! : 0
        return XMLAttribute(localName: XMLBytes(cString: base[0]), namespace: XMLBytes(cString: base[2]),
                            value: XMLBytes(start: value, count: length, attribute: true))
    }

    /// The value of the first attribute with this local name (any namespace).
    public func value(_ localName: StaticString) -> XMLBytes? {
        guard let raw else { return nil }
        let n = localName.utf8CodeUnitCount, l = localName.utf8Start
        outer: for i in 0..<count {
            let base = raw + 5 * i
            guard let name = base[0] else { continue }
            for j in 0..<n where name[j] != l[j] { continue outer }
            guard name[n] == 0 else { continue }
            let value = base[3], end = base[4]
            guard let value, let end else { return XMLBytes(start: nil, count: 0, attribute: true) }
            return XMLBytes(start: value, count: end - value, attribute: true)
        }
        return nil
    }

    /// The value of the attribute with this local name in a namespace whose URI ends with `namespaceSuffix`.
    public func value(_ localName: StaticString, namespaceSuffix: StaticString) -> XMLBytes? {
        for a in self where a.localName == localName && a.namespace.hasSuffix(namespaceSuffix) { return a.value }
        return nil
    }
}
