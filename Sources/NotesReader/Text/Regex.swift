import Foundation

/// A compiled pattern and the few match helpers the extractors need. Patterns are constants
/// written in this module, so a bad one is a programming error caught by the tests.
struct Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable after creation and documented thread-safe.
    let regex: NSRegularExpression

    init(_ pattern: String, caseInsensitive: Bool = true) {
        var options: NSRegularExpression.Options = []
        if caseInsensitive { options.insert(.caseInsensitive) }
        do { regex = try NSRegularExpression(pattern: pattern, options: options) }
        catch { preconditionFailure("bad built-in pattern \(pattern): \(error)") }
    }

    /// Every match, each as the whole range plus its capture groups (nil when a group did not take part).
    func matches(in s: String) -> [PatternMatch] {
        let ns = NSRange(s.startIndex..<s.endIndex, in: s)
        return regex.matches(in: s, options: [], range: ns).compactMap { m in
            guard let whole = Range(m.range, in: s) else { return nil }
            var groups: [Range<String.Index>?] = []
            if m.numberOfRanges > 1 {
                for i in 1..<m.numberOfRanges { groups.append(Range(m.range(at: i), in: s)) }
            }
            return PatternMatch(range: whole, groups: groups, source: s)
        }
    }

    func firstMatch(in s: String) -> PatternMatch? {
        let ns = NSRange(s.startIndex..<s.endIndex, in: s)
        guard let m = regex.firstMatch(in: s, options: [], range: ns), let whole = Range(m.range, in: s) else { return nil }
        var groups: [Range<String.Index>?] = []
        if m.numberOfRanges > 1 {
            for i in 1..<m.numberOfRanges { groups.append(Range(m.range(at: i), in: s)) }
        }
        return PatternMatch(range: whole, groups: groups, source: s)
    }
}

struct PatternMatch {
    let range: Range<String.Index>
    let groups: [Range<String.Index>?]
    let source: String

    var text: String { String(source[range]) }

    /// The text of capture group `i` (1-based, as in the pattern), or nil.
    func group(_ i: Int) -> String? {
        guard i >= 1, i <= groups.count, let r = groups[i - 1] else { return nil }
        return String(source[r])
    }
}
