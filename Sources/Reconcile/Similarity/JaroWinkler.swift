/// Jaro–Winkler similarity over bytes (folded names are ASCII except `ñ`, whose two UTF-8 bytes
/// still compare consistently). 1 = identical, 0 = nothing in common.
public enum JaroWinkler {
    public static func similarity(_ a: String, _ b: String) -> Double {
        similarity(Array(a.utf8), Array(b.utf8))
    }

    public static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { pa in b.withUnsafeBufferPointer { pb in similarity(pa, pb) } }
    }

    public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        let n = a.count, m = b.count
        if n == 0 && m == 0 { return 1 }
        if n == 0 || m == 0 { return 0 }
        if n == m && a.elementsEqual(b) { return 1 }
        // Scratch flags on the stack: this runs millions of times per reconciliation.
        return withUnsafeTemporaryAllocation(of: Bool.self, capacity: n + m) { flags in
            flags.initialize(repeating: false)
            let window = max(0, max(n, m) / 2 - 1)
            var matches = 0
            for i in 0..<n {
                let lo = max(0, i - window), hi = min(m - 1, i + window)
                if lo > hi { continue }
                for j in lo...hi where !flags[n + j] && a[i] == b[j] {
                    flags[i] = true; flags[n + j] = true; matches += 1
                    break
                }
            }
            if matches == 0 { return 0 }
            var transpositions = 0, k = 0
            for i in 0..<n where flags[i] {
                while !flags[n + k] { k += 1 }
                if a[i] != b[k] { transpositions += 1 }
                k += 1
            }
            let mm = Double(matches)
            let jaro = (mm / Double(n) + mm / Double(m) + (mm - Double(transpositions / 2)) / mm) / 3
            var prefix = 0
            while prefix < min(4, min(n, m)) && a[prefix] == b[prefix] { prefix += 1 }
            return jaro + Double(prefix) * 0.1 * (1 - jaro)
        }
    }
}
