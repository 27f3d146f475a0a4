/// A run of UTF-8 bytes borrowed from the parser (an element name, an attribute value, text).
///
/// Valid only during the callback that receives it: copy with ``string`` or ``bytes`` to keep it.
/// Comparing with a `StaticString` is a byte comparison, so hot paths never build a `String`.
public struct XMLBytes {
    public let buffer: UnsafeBufferPointer<UInt8>

    @inlinable public init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    init(start: UnsafePointer<UInt8>?, count: Int) {
        buffer = UnsafeBufferPointer(start: start, count: start == nil ? 0 : count)
    }

    /// The bytes of a NUL-terminated C string (libxml2 names and URIs).
    init(cString: UnsafePointer<UInt8>?) {
        guard let cString else { buffer = UnsafeBufferPointer(start: nil, count: 0); return }
        var n = 0
        while cString[n] != 0 { n += 1 }
        buffer = UnsafeBufferPointer(start: cString, count: n)
    }

    @inlinable public var count: Int { buffer.count }
    @inlinable public var isEmpty: Bool { buffer.isEmpty }

    /// A copy as a Swift string (invalid UTF-8 is repaired with U+FFFD).
    public var string: String { String(decoding: buffer, as: UTF8.self) }

    /// A copy of the bytes.
    public var bytes: [UInt8] { Array(buffer) }

    /// Whether the bytes equal `literal` exactly.
    @inlinable public func equals(_ literal: StaticString) -> Bool {
        guard literal.utf8CodeUnitCount == buffer.count else { return false }
        let l = literal.utf8Start
        for i in 0..<buffer.count where buffer[i] != l[i] { return false }
        return true
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
                            value: XMLBytes(start: value, count: length))
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
            guard let value, let end else { return XMLBytes(start: nil, count: 0) }
            return XMLBytes(start: value, count: end - value)
        }
        return nil
    }

    /// The value of the attribute with this local name in a namespace whose URI ends with `namespaceSuffix`.
    public func value(_ localName: StaticString, namespaceSuffix: StaticString) -> XMLBytes? {
        for a in self where a.localName == localName && a.namespace.hasSuffix(namespaceSuffix) { return a.value }
        return nil
    }
}
