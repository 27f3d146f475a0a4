/// How the mutation tests corrupt a file: every `truncateEvery`-th round cuts it at a random
/// length; the other rounds overwrite 1 to `maxFlips` random bytes with random values.
public func mutated(_ original: [UInt8], round: Int, truncateEvery: Int = 10, maxFlips: Int = 8,
                    using rng: inout SeededRandom) -> [UInt8] {
    guard !original.isEmpty else { return original }
    if round % truncateEvery == truncateEvery - 1 {
        return Array(original.prefix(Int.random(in: 0..<original.count, using: &rng)))
    }
    var bytes = original
    for _ in 0..<Int.random(in: 1...maxFlips, using: &rng) {
        bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
    }
    return bytes
}
