/// Edit distance (insertions, deletions, substitutions) over bytes, with an early exit once the
/// distance exceeds `limit` (the comparison levels only ask "within k edits?").
public enum Levenshtein {
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in distance(pa, pb, limit: limit) } }
    }

    public static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>,
                                limit: Int = .max) -> Int {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return limit &+ 1 }
        if n == 0 { return m }
        if m == 0 { return n }
        var previous = Array(0...m)
        var current = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            current[0] = i
            var rowMin = i
            for j in 1...m {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit &+ 1 }
            swap(&previous, &current)
        }
        return previous[m]
    }
}
