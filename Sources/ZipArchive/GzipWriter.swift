/// A gzip member written piece by piece: what a caller makes in parts (a run's snapshot, JSON of
/// every record, gigabytes for a large book) is compressed as it comes and never held whole.
/// ``Gzip/decompress(_:maximumSize:)`` reads the result back.
public final class GzipWriter {
    private let deflater: Deflater
    /// The compressed bytes so far (complete once ``finish()`` returned).
    public private(set) var compressed: [UInt8] = []
    private var finished = false

    /// `level`: 1 fastest … 9 smallest.
    public init(level: Int32 = 6) throws(Gzip.Failure) {
        guard let deflater = Deflater(level: level, framing: .gzip) else { throw Gzip.Failure(description: "zlib could not start") }
        self.deflater = deflater
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws(Gzip.Failure) {
        precondition(!finished, "writing to a finished gzip member")
        guard bytes.count > 0 else { return }
        try run(bytes, finish: false)
    }

    public func write(_ bytes: [UInt8]) throws(Gzip.Failure) {
        let result = bytes.withUnsafeBytes { b in Result { () throws(Gzip.Failure) in try write(b) } }
        try result.get()
    }

    /// Ends the member; returns every compressed byte.
    public func finish() throws(Gzip.Failure) -> [UInt8] {
        if !finished {
            try run(UnsafeRawBufferPointer(start: nil, count: 0), finish: true)
            finished = true
        }
        return compressed
    }

    private func run(_ bytes: UnsafeRawBufferPointer, finish: Bool) throws(Gzip.Failure) {
        let ok = deflater.deflate(bytes, finish: finish) { (piece: UnsafeRawBufferPointer) in compressed.append(contentsOf: piece) }
        guard ok else { throw Gzip.Failure(description: "zlib could not compress") }
    }
}
