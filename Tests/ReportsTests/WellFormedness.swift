/// A small XML well-formedness checker for the report (Foundation's XMLDocument is not available
/// on Linux): tags balanced and properly nested, attributes quoted and unique, no raw `<` or bare
/// `&` in text or attribute values, only the five XML entities or numeric references, and one
/// root element. Returns the problems found and the ids seen.
struct WellFormedness {
    var problems: [String] = []
    var ids: [String] = []
    var hrefs: [String] = []
    var elements: [String] = []

    init(_ text: String) {
        let s = Array(text.unicodeScalars)
        var i = 0, stack: [String] = [], roots = 0
        func fail(_ message: String) { problems.append("at \(i): \(message)") }
        func checkEntities(_ chars: ArraySlice<Unicode.Scalar>) {
            var j = chars.startIndex
            while j < chars.endIndex {
                if chars[j] == "<" { fail("raw < in text or attribute") }
                if chars[j] == "&" {
                    guard let semi = chars[j...].firstIndex(of: ";") else { fail("bare &"); return }
                    let name = String(String.UnicodeScalarView(chars[(j + 1)..<semi]))
                    let ok = ["amp", "lt", "gt", "quot", "apos"].contains(name)
                        || (name.hasPrefix("#x") && name.count > 2 && UInt32(name.dropFirst(2), radix: 16) != nil)
                        || (name.hasPrefix("#") && name.count > 1 && UInt32(name.dropFirst()) != nil)
                    if !ok { fail("unknown entity &\(name);") }
                    j = semi
                }
                j += 1
            }
        }
        while i < s.count {
            if s[i] != "<" {
                let start = i
                while i < s.count && s[i] != "<" { i += 1 }
                let chunk = s[start..<i]
                if stack.isEmpty && chunk.contains(where: { !$0.properties.isWhitespace }) {
                    fail("text outside the root element")
                }
                checkEntities(chunk)
                continue
            }
            // Markup.
            if s[i...].starts(with: Array("<!--".unicodeScalars)) {
                guard let end = find("-->", in: s, from: i + 4) else { fail("unclosed comment"); return }
                i = end + 3; continue
            }
            if s[i...].starts(with: Array("<!DOCTYPE".unicodeScalars)) {
                guard let end = s[i...].firstIndex(of: ">") else { fail("unclosed doctype"); return }
                i = end + 1; continue
            }
            guard let end = endOfTag(s, from: i) else { fail("unclosed tag"); return }
            var body = Array(s[(i + 1)..<end])
            i = end + 1
            if body.first == "/" {
                let name = String(String.UnicodeScalarView(body.dropFirst())).trimmingSpaces
                guard let open = stack.popLast() else { fail("closing </\(name)> with nothing open"); continue }
                if open != name { fail("</\(name)> closes <\(open)>") }
                continue
            }
            let selfClosing = body.last == "/"
            if selfClosing { body.removeLast() }
            guard let (name, attrs) = parseTag(body) else { fail("malformed tag"); continue }
            elements.append(name)
            var seen: Set<String> = []
            for (k, v) in attrs {
                if !seen.insert(k).inserted { fail("duplicate attribute \(k) on <\(name)>") }
                checkEntities(ArraySlice(v.unicodeScalars))
                if k == "id" { ids.append(v) }
                if k == "href" { hrefs.append(v) }
            }
            if stack.isEmpty { roots += 1 }
            if !selfClosing { stack.append(name) }
        }
        if !stack.isEmpty { problems.append("unclosed elements: \(stack)") }
        if roots != 1 { problems.append("\(roots) root elements") }
    }

    private func find(_ needle: String, in s: [Unicode.Scalar], from: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        var i = from
        while i + n.count <= s.count {
            if Array(s[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    /// The `>` ending a tag, skipping quoted attribute values.
    private func endOfTag(_ s: [Unicode.Scalar], from: Int) -> Int? {
        var quote: Unicode.Scalar?
        var i = from + 1
        while i < s.count {
            let c = s[i]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" { quote = c }
            else if c == ">" { return i }
            else if c == "<" { return nil }
            i += 1
        }
        return nil
    }

    private func parseTag(_ body: [Unicode.Scalar]) -> (String, [(String, String)])? {
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_" || c == ":" || c == "."
        }
        while i < body.count && isNameChar(body[i]) { i += 1 }
        guard i > 0 else { return nil }
        let name = String(String.UnicodeScalarView(body[0..<i]))
        var attrs: [(String, String)] = []
        while true {
            while i < body.count && body[i].properties.isWhitespace { i += 1 }
            if i >= body.count { break }
            let start = i
            while i < body.count && isNameChar(body[i]) { i += 1 }
            guard i > start, i < body.count, body[i] == "=" else { return nil }
            let key = String(String.UnicodeScalarView(body[start..<i]))
            i += 1
            guard i < body.count, body[i] == "\"" || body[i] == "'" else { return nil }
            let q = body[i]
            i += 1
            let vs = i
            while i < body.count && body[i] != q { i += 1 }
            guard i < body.count else { return nil }
            attrs.append((key, String(String.UnicodeScalarView(body[vs..<i]))))
            i += 1
        }
        return (name, attrs)
    }
}

extension String {
    var trimmingSpaces: String {
        String(unicodeScalars.drop { $0.properties.isWhitespace }.reversed().drop { $0.properties.isWhitespace }
            .reversed().map(Character.init))
    }
}
