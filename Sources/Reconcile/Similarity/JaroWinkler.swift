/// Jaro–Winkler similarity over bytes (folded names are ASCII except `ñ`, whose two UTF-8 bytes
/// still compare consistently). 1 = identical, 0 = nothing in common.
public enum JaroWinkler {
    public static func similarity(_ a: String, _ b: String) -> Double {
        var a = a, b = b
        return a.withUTF8 { pa in b.withUTF8 { pb in similarity(pa, pb) } }
    }

    public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let n = a.count, m = b.count
        if n == 0 && m == 0 { return 1 }
        if n == 0 || m == 0 { return 0 }
        if n == m && memcmpEqual(a, b) { return 1 }
        let window = max(0, max(n, m) / 2 - 1)
        // Small inputs (names) fit the stack-free fixed buffers; longer ones use arrays.
        var aMatched = [Bool](repeating: false, count: n)
        var bMatched = [Bool](repeating: false, count: m)
        var matches = 0
        for i in 0..<n {
            let lo = max(0, i - window), hi = min(m - 1, i + window)
            if lo > hi { continue }
            for j in lo...hi where !bMatched[j] && a[i] == b[j] {
                aMatched[i] = true; bMatched[j] = true; matches += 1
                break
            }
        }
        if matches == 0 { return 0 }
        var transpositions = 0, k = 0
        for i in 0..<n where aMatched[i] {
            while !bMatched[k] { k += 1 }
            if a[i] != b[k] { transpositions += 1 }
            k += 1
        }
        let mm = Double(matches)
        let jaro = (mm / Double(n) + mm / Double(m) + (mm - Double(transpositions / 2)) / mm) / 3
        var prefix = 0
        while prefix < min(4, min(n, m)) && a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }

    private static func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in 0..<a.count where a[i] != b[i] { return false }
        return true
    }
}
