import Foundation

/// A telephone number normalized to E.164 (`+584125551234`), with its extension.
public struct PhoneNumber: Hashable, Sendable, CustomStringConvertible {
    /// `+` and the country calling code and national significant number.
    public var e164: String
    /// The extension, digits only (`ext. 204` → `204`).
    public var ext: String?
    /// ISO 3166-1 alpha-2 of the numbering plan, when known.
    public var country: String?

    public init(e164: String, ext: String? = nil, country: String? = nil) {
        self.e164 = e164; self.ext = ext; self.country = country
    }

    /// `+582125551234` or `+582125551234;ext=204` (RFC 3966's extension form).
    public var description: String { ext.map { e164 + ";ext=" + $0 } ?? e164 }

    /// Reads one number written nationally for `defaultCountry` (`0412-5551234` in VE) or
    /// internationally (`+58 412 555 1234`, `0058…`); `nil` when it cannot be made E.164.
    public static func parse(_ text: String, defaultCountry: String?) -> PhoneNumber? {
        // A WhatsApp link (`https://wa.me/584145550125`) carries an international number without
        // its `+`; one that carries none is no number.
        if let digits = whatsAppLinkDigits(text) {
            guard (minimumDigits...17).contains(digits.utf8.count) else { return nil }
            return international(digits, ext: nil)
        }
        let (body, ext) = splitExtension(strippingLabels(text))
        let trimmed = body.trimmingWhitespace
        let digits: String, hasLetter: Bool
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly always): digits and letters told byte by byte, not by Character.
            digits = String(decoding: trimmed.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }, as: UTF8.self)
            hasLetter = trimmed.utf8.contains { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
        } else {
            digits = String(trimmed.filter(\.isASCIIDigit))
            hasLetter = trimmed.contains(where: \.isLetter)
        }
        guard digits.utf8.count >= minimumDigits, digits.utf8.count <= 17 else { return nil }
        // Letters other than an extension marker mean this is not a phone number (`F-0012345`).
        guard !hasLetter else { return nil }
        if trimmed.hasPrefix("+") { return international(digits, ext: ext) }
        if digits.hasPrefix("00"), !(defaultCountry.flatMap { PhonePlan.plans[$0] }?.trunk == "0"
                                    && digits.count <= 12) {
            return international(String(digits.dropFirst(2)), ext: ext)
        }
        guard let country = defaultCountry?.uppercased(), let plan = PhonePlan.plans[country] else {
            return digits.count >= 10 ? international(digits, ext: ext) : nil
        }
        if let nsn = plan.nationalSignificant(digits) {
            return PhoneNumber(e164: "+" + plan.callingCode + nsn, ext: ext, country: country)
        }
        // Written with the country code but no `+` (`58 412 5551234`).
        if digits.hasPrefix(plan.callingCode),
           let nsn = plan.nationalSignificant(String(digits.dropFirst(plan.callingCode.count)), allowTrunk: false) {
            return PhoneNumber(e164: "+" + plan.callingCode + nsn, ext: ext, country: country)
        }
        return nil
    }

    /// Every number in a cell (`0412-5551234 / 0414-1112233`, `0212 555 1234; 0414 111 2233`).
    /// Pieces that are not phone numbers come back in `unparsed`, as written.
    public static func parseAll(_ text: String, defaultCountry: String?) -> (phones: [PhoneNumber], unparsed: [String]) {
        // A number takes at least seven ASCII digits, and no piece of the cell has more than the
        // whole cell: a name or a note with fewer is all unparsed, without the label and extension
        // rules (Foundation string searches, about 50 µs a cell) being tried on each piece.
        guard text.utf8.count(where: { $0 >= 0x30 && $0 <= 0x39 }) >= minimumDigits else { return ([], splitList(text)) }
        return parseEachPiece(text, defaultCountry: defaultCountry)
    }

    /// ``parseAll(_:defaultCountry:)`` without its shortcut: every piece of the cell read as a number.
    static func parseEachPiece(_ text: String, defaultCountry: String?) -> (phones: [PhoneNumber], unparsed: [String]) {
        var phones: [PhoneNumber] = [], unparsed: [String] = []
        for piece in splitList(text) {
            if let p = parse(piece, defaultCountry: defaultCountry) { phones.append(p); continue }
            // Two numbers separated only by spaces (`04125551234 04141112233`).
            let words = piece.split(whereSeparator: \.isWhitespace).map(String.init)
            let each = words.compactMap { parse($0, defaultCountry: defaultCountry) }
            if words.count > 1, each.count == words.count {
                phones += each
            } else if let each = parseLabelledParts(piece, defaultCountry: defaultCountry) {
                phones += each
            } else {
                unparsed.append(piece)
            }
        }
        return (phones, unparsed)
    }

    /// The numbers of a piece that holds several told apart by line labels or by a dash with
    /// spaces around it, the way the list separators do not (`Tel: 0212-5551234 Cel: 0414-5551235`,
    /// `0414 555 1240 - 0414 555 1241`, `0212-555.12.36 (oficina) - 0412-555.12.37 (Sra. María)`).
    /// Labels and parentheses holding letters are dropped wherever they stand; a dash inside a
    /// number (`0212-5551234`) separates nothing. `nil` unless every part left is a number, so
    /// a piece with other words in it (`Celia 0412-5551234`) stays unparsed, as written.
    static func parseLabelledParts(_ piece: String, defaultCountry: String?) -> [PhoneNumber]? {
        // Separators become line breaks, which `splitList` has already taken out of every piece.
        let chars = Array(piece)
        var marked = "", i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "(", let close = chars[i...].firstIndex(of: ")"), chars[i..<close].contains(where: \.isLetter) {
                marked.append("\n"); i = close + 1; continue
            }
            if c == "-" || c == "–", i > 0, chars[i - 1].isWhitespace, i + 1 < chars.count, chars[i + 1].isWhitespace {
                marked.append("\n"); i += 1; continue
            }
            marked.append(c); i += 1
        }
        var parts: [String] = []
        for run in marked.split(separator: "\n") {
            var words: [Substring] = []
            for word in run.split(whereSeparator: \.isWhitespace) {
                // A label ends a number's words, and may be joined to the next by its point or colon (`Tel:0212…`).
                let letters = word.prefix(while: \.isLetter), rest = word.dropFirst(letters.count)
                guard !letters.isEmpty, isLineLabel(letters), rest.isEmpty || rest.first == "." || rest.first == ":" else {
                    words.append(word); continue
                }
                if !words.isEmpty { parts.append(words.joined(separator: " ")); words = [] }
                let number = rest.drop { $0 == "." || $0 == ":" }
                if !number.isEmpty { words.append(number) }
            }
            if !words.isEmpty { parts.append(words.joined(separator: " ")) }
        }
        let phones = parts.compactMap { parse($0, defaultCountry: defaultCountry) }
        return !phones.isEmpty && phones.count == parts.count ? phones : nil
    }

    /// The fewest digits a number is read from (a national number without its area code).
    static let minimumDigits = 7

    private static func international(_ digits: String, ext: String?) -> PhoneNumber? {
        for (country, plan) in PhonePlan.byCallingCodeLength where digits.hasPrefix(plan.callingCode) {
            let rest = String(digits.dropFirst(plan.callingCode.count))
            if let nsn = plan.nationalSignificant(rest, allowTrunk: false, international: true) {
                return PhoneNumber(e164: "+" + plan.callingCode + nsn, ext: ext, country: country)
            }
            // Calling codes are prefix-free: these digits are this country's, and too few or too
            // many for its numbers (`+58 414 555`). No number then, kept as written and said.
            if !PhonePlan.byCallingCodeLength.contains(where: { $0.1.callingCode.count > plan.callingCode.count
                                                                && digits.hasPrefix($0.1.callingCode) }) {
                return nil
            }
        }
        guard (8...15).contains(digits.count), !digits.hasPrefix("0") else { return nil }
        return PhoneNumber(e164: "+" + digits, ext: ext, country: nil)
    }

    /// Words that say what kind of line a number is (`Cel. 0412-5551234`, `Telf: 0212…`,
    /// `0412-5551234 cel`), folded to ASCII lower case without their point or colon.
    static let lineLabels: Set<String> = [
        "tel", "tel.", "telf", "telef", "telefono", "tlf", "tlfn", "tfno", "fono", "cel", "celular", "movil", "mov",
        "fijo", "whatsapp", "wsp", "wa", "oficina", "ofic", "ofi", "casa", "hab", "habitacion", "fax", "local", "personal",
        "trabajo", "phone", "mobile", "cell",
    ]

    /// `text` without a label before or after the number (`Cel. 0412-5551234`, `Tel: 0212…`,
    /// `0412-5551234 (WhatsApp)`, `0412-555-1234 (Sra. María)`, `0414-5551234 cel`): a
    /// parenthesis holding letters at the end, a known label word at either end.
    static func strippingLabels(_ text: String) -> String {
        guard text.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 }) else { return text }
        var s = Substring(text.trimmingWhitespace)
        if s.hasSuffix(")"), let open = s.lastIndex(of: "("), s[open...].contains(where: \.isLetter) {
            s = s[..<open].drop(while: \.isWhitespace)
            while s.last?.isWhitespace == true { s = s.dropLast() }
        }
        // A leading label ends at its point, colon or space: `Cel.0412…`, `Tel: 0212…`.
        if let first = s.first, first.isLetter {
            let word = s.prefix { $0.isLetter }
            if isLineLabel(word) { s = s.dropFirst(word.count).drop { $0 == "." || $0 == ":" || $0 == "-" || $0.isWhitespace } }
        }
        if let last = s.last, last.isLetter || last == "." {
            let words = s.split(separator: " ")
            if words.count > 1, let tail = words.last, isLineLabel(tail) { s = s.dropLast(tail.count); while s.last?.isWhitespace == true { s = s.dropLast() } }
        }
        return String(s)
    }

    /// Whether `word` is one of the ``lineLabels``, in any case, with or without accents, point or colon.
    static func isLineLabel(_ word: Substring) -> Bool {
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: CharacterSet(charactersIn: ".:-"))
        return lineLabels.contains(folded)
    }

    /// The digits of the number a WhatsApp click-to-chat link carries: after `wa.me/`, or in the
    /// `phone=` query parameter of `api.whatsapp.com/send`, `web.whatsapp.com/send` (with or without
    /// `https://` or `www.`, a leading `+` or `%2B` allowed). The link may have a line label beside
    /// it (`WhatsApp: https://wa.me/…`, `wa.me/… (cel)`). `nil` when the text is not such a link;
    /// empty when it is one without a number (`wa.me/message/AB12`).
    static func whatsAppLinkDigits(_ text: String) -> String? {
        guard let run = whatsAppLinkRange(text) else { return nil }
        // Anything else beside the link must be a label, or the text is more than a link.
        guard strippingLabels(String(text[..<run.lowerBound] + " " + text[run.upperBound...])).trimmingWhitespace.isEmpty else {
            return nil
        }
        var link = Substring(text[run].lowercased())
        for scheme in ["https://", "http://"] where link.hasPrefix(scheme) { link = link.dropFirst(scheme.count) }
        if link.hasPrefix("www.") { link = link.dropFirst(4) }
        let number: Substring
        if link.hasPrefix("wa.me/") {
            number = link.dropFirst(6).prefix { $0 != "?" && $0 != "/" && $0 != "#" }
        } else if let query = link.firstIndex(of: "?") {
            let phone = link[link.index(after: query)...].split(separator: "&").first { $0.hasPrefix("phone=") }
            number = phone?.dropFirst(6) ?? ""
        } else {
            number = ""
        }
        var digits = String(number).replacingAll("%2b", with: "").replacingAll("%20", with: "")
        if digits.hasPrefix("+") { digits.removeFirst() }
        return digits.allSatisfy(\.isASCIIDigit) ? digits : ""
    }

    /// Hosts whose links carry a WhatsApp number, lower case, each with the slash after it.
    static let whatsAppHosts = ["wa.me/", "api.whatsapp.com/", "web.whatsapp.com/"]

    /// Where a WhatsApp link is in `text`: the run of characters around a known host up to white
    /// space or a list separator other than `/` (`,` `;` `|`), which a link does not hold.
    static func whatsAppLinkRange(_ text: String) -> Range<String.Index>? {
        // Every host holds a `w` and ends at a `/`: cells without both skip the search.
        guard text.utf8.contains(UInt8(ascii: "/")), text.utf8.contains(where: { $0 | 0x20 == UInt8(ascii: "w") }) else {
            return nil
        }
        let lower = text.lowercased()
        // Offsets in `lower` match `text` only when lower-casing kept every character's length.
        guard lower.utf8.count == text.utf8.count else { return nil }
        // The first link in the text, whichever its host, so links are met in the order written.
        var first: Range<String.Index>?
        for host in whatsAppHosts {
            var from = lower.startIndex
            while let hit = lower.range(of: host, range: from..<lower.endIndex) {
                from = hit.upperBound
                // The host starts the link or follows `//` or `www.` (not `java.me/`).
                let before = lower[..<hit.lowerBound]
                guard before.isEmpty || before.hasSuffix("/") || before.hasSuffix("www.") || isLinkEnd(before.last!) else { continue }
                let start = before.lastIndex(where: isLinkEnd).map { lower.index(after: $0) } ?? lower.startIndex
                let end = lower[hit.upperBound...].firstIndex(where: isLinkEnd) ?? lower.endIndex
                if first.map({ start < $0.lowerBound }) ?? true { first = start..<end }
                break
            }
        }
        guard let first else { return nil }
        let inText = { (i: String.Index) in
            text.utf8.index(text.startIndex, offsetBy: lower.utf8.distance(from: lower.startIndex, to: i))
        }
        return inText(first.lowerBound)..<inText(first.upperBound)
    }

    /// A character a link ends at: white space or a list separator a link does not hold.
    private static func isLinkEnd(_ c: Character) -> Bool { c.isWhitespace || c == "," || c == ";" || c == "|" }

    /// Splits `… ext. 204`, `… x204`, `… anexo 12`, `… int. 3`, `… ramal 5` into number and extension.
    static func splitExtension(_ text: String) -> (String, String?) {
        // No letters, no extension marker (the usual case).
        guard text.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 }) else { return (text, nil) }
        let lower = text.lowercased()
        for marker in ["extensión", "extension", "ext.", "ext", "anexo", "interno", "int.", "ramal", "x"] {
            guard let r = lower.range(of: marker, options: .backwards) else { continue }
            let after = lower[r.upperBound...].drop { $0 == " " || $0 == "." || $0 == ":" || $0 == "-" }
            let digits = after.prefix(while: \.isASCIIDigit)
            guard !digits.isEmpty, digits.count <= 6, after.dropFirst(digits.count).allSatisfy(\.isWhitespace) else { continue }
            // Keep the original casing of the number part: offsets in `lower` match `text` for these markers.
            let cut = text.index(text.startIndex, offsetBy: lower.distance(from: lower.startIndex, to: r.lowerBound))
            return (String(text[..<cut]), String(digits))
        }
        return (text, nil)
    }

    static func splitList(_ text: String) -> [String] {
        // One number and no separators: the usual cell.
        if !text.utf8.contains(where: { $0 == 0x3B || $0 == 0x2C || $0 == 0x2F || $0 == 0x7C || $0 == 0x0A || $0 == 0x0D
                                        || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }) {
            let t = text.trimmingWhitespace
            return t.isEmpty ? [] : [t]
        }
        // A WhatsApp link holds slashes that separate no numbers: it stands apart while the rest
        // is split, then goes back in its piece (which may hold a label too: `WhatsApp: wa.me/…`).
        var s = text, links: [Substring] = []
        if !text.unicodeScalars.contains(linkMark) {
            while let link = whatsAppLinkRange(s) { links.append(s[link]); s.replaceSubrange(link, with: String(linkMark)) }
        }
        if s.utf8.contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) {
            for word in [" y ", " o ", " or ", " e ", " and "] { s = s.replacingAll(word, with: ";") }
        }
        var pieces = s.split(whereSeparator: { ";,/|\n\r".contains($0) })
            .map { String($0).trimmingWhitespace }
            .filter { !$0.isEmpty }
        if !links.isEmpty {
            // Marks are met in the order they were made, piece after piece.
            var next = links.makeIterator()
            pieces = pieces.map { piece in
                var out = ""
                for c in piece.unicodeScalars {
                    if c == linkMark { out += next.next() ?? "" } else { out.unicodeScalars.append(c) }
                }
                return out
            }
        }
        return pieces
    }

    /// Stands in for a WhatsApp link while a cell is split (a private-use character, not text).
    private static let linkMark: Unicode.Scalar = "\u{E000}"
}

/// How one country writes its numbers: calling code, trunk prefix and national lengths.
struct PhonePlan: Sendable {
    var callingCode: String
    /// Prefixes dialled before a national number and dropped in E.164 (`0` in Venezuela).
    var trunks: [String]
    var lengths: Set<Int>
    var trunk: String? { trunks.first }

    static let plans: [String: PhonePlan] = [
        "VE": PhonePlan(callingCode: "58", trunks: ["0"], lengths: [10]),
        "CO": PhonePlan(callingCode: "57", trunks: ["03", "09", "0"], lengths: [10]),
        "MX": PhonePlan(callingCode: "52", trunks: ["044", "045", "01"], lengths: [10]),
        "AR": PhonePlan(callingCode: "54", trunks: ["0"], lengths: [10]),
        "CL": PhonePlan(callingCode: "56", trunks: ["0"], lengths: [9]),
        "PE": PhonePlan(callingCode: "51", trunks: ["0"], lengths: [8, 9]),
        "EC": PhonePlan(callingCode: "593", trunks: ["0"], lengths: [8, 9]),
        "ES": PhonePlan(callingCode: "34", trunks: [], lengths: [9]),
        "BR": PhonePlan(callingCode: "55", trunks: ["0"], lengths: [10, 11]),
        "US": PhonePlan(callingCode: "1", trunks: ["1"], lengths: [10]),
    ]

    /// Longest calling codes first, so `593` is tried before a shorter code could claim it.
    static let byCallingCodeLength: [(String, PhonePlan)] = plans.sorted {
        ($0.value.callingCode.count, $0.key) > ($1.value.callingCode.count, $1.key)
    }.map { ($0.key, $0.value) }

    /// The national significant number, or `nil` when the digits do not fit the plan.
    func nationalSignificant(_ digits: String, allowTrunk: Bool = true, international: Bool = false) -> String? {
        if lengths.contains(digits.count), !(trunk == "0" && digits.hasPrefix("0")) { return digits }
        if allowTrunk {
            for t in trunks where digits.hasPrefix(t) {
                let rest = String(digits.dropFirst(t.count))
                if lengths.contains(rest.count) { return rest }
                if let special = countrySpecific(rest) { return special }
            }
        }
        if international {
            // Argentina's mobiles carry a 9 after +54; Mexico's used to carry a 1 after +52.
            if callingCode == "54", digits.count == 11, digits.hasPrefix("9") { return digits }
            if callingCode == "52", digits.count == 11, digits.hasPrefix("1") { return String(digits.dropFirst()) }
        }
        return countrySpecific(digits)
    }

    /// National quirks: Argentine mobiles dialled as `0 11 15 5555 1234` are `+54 9 11 5555 1234`;
    /// Colombian pre-2021 landlines `1 5551234` (area + 7) became `60 1 5551234`.
    private func countrySpecific(_ digits: String) -> String? {
        switch callingCode {
        case "54" where digits.count == 12:
            let d = Array(digits)
            for areaLength in 2...4 where d.count > areaLength + 1 && d[areaLength] == "1" && d[areaLength + 1] == "5" {
                return "9" + String(d[0..<areaLength]) + String(d[(areaLength + 2)...])
            }
            return nil
        case "57" where digits.count == 8 && !digits.hasPrefix("0") && !digits.hasPrefix("3"):
            return "60" + digits
        default:
            return nil
        }
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var out = "", rest = Substring(self)
        while let r = rest.range(of: target) {
            out += rest[..<r.lowerBound]; out += replacement; rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
