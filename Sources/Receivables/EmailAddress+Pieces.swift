extension EmailAddress {
    /// The pieces a cell of addresses is written in: split at spaces and list marks (`;`, `,`,
    /// `|`, `/`, line breaks), but a bracket or quote opened at a piece's start, or `<` anywhere,
    /// holds spaces and `/` inside it (`<img src=x onerror=alert(2)>@x.mx` is one piece, `</td>`
    /// too). Splitting inside markup would cut an address out of junk: `@x.mx`, or the valid-looking
    /// `a@x.mx` of `…>a@x.mx`. List marks always split, so one unclosed `(` cannot swallow the
    /// addresses after it.
    static func pieces(of text: String) -> [Substring] {
        var pieces: [Substring] = []
        var start = text.startIndex, i = text.startIndex
        // The closing marks of the brackets and quotes open at `i`, innermost last.
        var awaited: [Character] = []
        func cut(at end: String.Index) {
            if start < end { pieces.append(text[start..<end]) }
        }
        while i < text.endIndex {
            let ch = text[i], next = text.index(after: i)
            if ";,|".contains(ch) || ch.isNewline {
                cut(at: i); start = next; awaited.removeAll()
            } else if ch == awaited.last {
                awaited.removeLast()
            } else if let closing = closingMark[ch], ch == "<" || i == start || !awaited.isEmpty {
                // `'` and `"` open a quote only at a piece's start: `o'brien@x.com` is one address.
                awaited.append(closing)
            } else if awaited.isEmpty, ch.isWhitespace || ch == "/" {
                cut(at: i); start = next
            }
            i = next
        }
        cut(at: text.endIndex)
        return pieces
    }

    /// The address a piece holds once its wrapping is taken off: `Ana<ana@x.com>` and
    /// `<mailto:ana@x.com>` hold `ana@x.com`, `(ana@x.com).` and an unclosed `(ana@x.com` too. A
    /// piece with markup anywhere but around it (`<img src=x>@x.mx`, `<b>a@x.mx</b>`) is returned
    /// whole, as written: its `@` is not an address's.
    static func candidate(in piece: Substring) -> Substring {
        var p = piece
        func trimTrailingPunctuation() { while let l = p.last, l == "." || l == ":" { p = p.dropLast() } }
        trimTrailingPunctuation()
        if p.last == ">", let open = p.lastIndex(of: "<"),
           !p[..<open].contains(where: { $0 == "@" || isMarkup($0) }),
           case let inner = p[p.index(after: open)..<p.index(before: p.endIndex)], inner.contains("@") {
            // A name glued before the bracketed address names its holder.
            p = inner
        } else {
            var bare = p
            // (Two characters at least, tested by index: `count` walks the piece, which a hostile
            // cell of nested brackets would make quadratic.)
            while let f = bare.first, bare.index(after: bare.startIndex) < bare.endIndex, bare.last == closingMark[f] {
                bare = bare.dropFirst().dropLast()
            }
            // A bracket left open or closed on one side only (`(ana@x.com`).
            bare = bare.drop { closingMark[$0] != nil }
            while let l = bare.last, closingMarks.contains(l) { bare = bare.dropLast() }
            if !bare.contains(where: isMarkup) { p = bare }
        }
        if p.lowercased().hasPrefix("mailto:") { p = p.dropFirst(7) }
        trimTrailingPunctuation()
        return p
    }

    /// What closes each bracket or quote a piece may be wrapped in.
    private static let closingMark: [Character: Character] = ["<": ">", "(": ")", "[": "]", "\"": "\"", "'": "'"]
    private static let closingMarks = Set(closingMark.values)

    /// Brackets and double quotes, which no address holds (`'` may: `o'brien@x.com`).
    private static func isMarkup(_ c: Character) -> Bool { c != "'" && (closingMark[c] != nil || closingMarks.contains(c)) }
}
