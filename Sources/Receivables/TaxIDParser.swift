/// Reads a national tax identifier from text as a source wrote it, validates its check digit and
/// tells which country and kind it is.
///
/// Each country's rules live in its own file (`TaxIDParser+Venezuela.swift` …) as a function that
/// returns `nil` when the text does not have that country's shape. When a country is configured
/// and the text has its shape, it is that country's ID, valid or not: a mistyped Chilean RUT is a
/// RUT with a wrong check digit, not the Colombian NIT it happens to spell. Otherwise (no country,
/// or a text in none of its shapes) every country's shape is tried and a verified check digit
/// decides between look-alikes (an 11-digit number may be an Argentine CUIT, a Peruvian RUC or a
/// Brazilian CPF).
public enum TaxIDParser {
    /// Countries whose identifiers are understood, in the order tried when nothing else decides.
    /// Colombia comes late: its NIT has no fixed length, so it would claim other countries' numbers.
    public static let countries = ["VE", "CL", "AR", "PE", "EC", "BR", "CO", "MX", "ES"]

    /// Parses `text` as an ID of `country` (ISO alpha-2, the configured one) when it has that
    /// country's shape, else infers the country from the shape. A label naming another country's
    /// kind (`CUIT 30-…` where Chile is configured) outranks the configuration. Never fails: text
    /// that fits no format comes back as `.malformed` with kind `.unknown` and the text kept in `display`.
    public static func parse(_ text: String, country: String? = nil) -> TaxID {
        let display = text.trimmingWhitespace
        let input = TaxIDInput(display)
        // `0000000` and the like are placeholders, not identifiers, whatever their check digit says.
        let placeholder = input.chars.allSatisfy { $0 == input.chars[0] }
        let hinted = input.kindHint.flatMap(countryForKind)
        let configured = country?.uppercased()
        // A cédula de ciudadanía (`C.C. 71.234.567`) is a Colombian person's ID, whatever the
        // configured country or another country's check digit its numbers happen to pass.
        if !placeholder, input.cedulaLabel, hinted == "CO", let id = colombia(input) { return id }
        if !placeholder, let configured, hinted == nil || hinted == configured {
            if let id = parse(input, country: configured) { return id }
            if let id = nationalNumber(input, country: configured) {
                // A number missing part of the configured shape (a RIF's letter) that passes no
                // check is no evidence of that country; another country's verified check digit is
                // (`76.086.428-5`, a Chilean RUT). A label (`RIF 30123456-2`) settles it, though.
                if id.validity == .checkDigitMismatch, hinted == nil,
                   let verified = bestReading(input, hinted: nil), verified.isValid {
                    return verified
                }
                return id
            }
        }
        if !placeholder, let best = bestReading(input, hinted: hinted) { return best }
        return TaxID(normalized: input.compact, country: country?.uppercased(), kind: .unknown,
                     validity: .malformed, display: display)
    }

    /// The first valid reading of `input` among every country's, else the first unchecked one,
    /// else the first; the `hinted` country's is first, then ``countries``'s order. Read one country
    /// at a time, stopping at a valid one: each reading builds its texts.
    static func bestReading(_ input: TaxIDInput, hinted: String?) -> TaxID? {
        var unchecked: TaxID?, first: TaxID?
        func consider(_ country: String) -> TaxID? {
            guard let id = parse(input, country: country) else { return nil }
            if id.validity == .valid { return id }
            if unchecked == nil, id.validity == .unchecked { unchecked = id }
            if first == nil { first = id }
            return nil
        }
        if let hinted, let valid = consider(hinted) { return valid }
        for country in countries where country != hinted {
            if let valid = consider(country) { return valid }
        }
        return unchecked ?? first
    }

    /// A bare number where the configured country writes its IDs that way, which no other
    /// country's shape may then claim (a Chilean RUT, a Colombian NIT): in Venezuela a cédula of
    /// seven or eight digits with no `V` in front (`14567890` is `V14567890`), or a RIF of nine
    /// digits without its letter (``venezuelaWithoutLetter(_:)``); in Ecuador a cédula of ten
    /// digits (``ecuadorCedula(_:)``); in Brazil a CPF or CNPJ without its leading zeros
    /// (``brazilWithoutLeadingZeros(_:)``). Only for a configured country: without one, a bare number's
    /// country is anybody's guess. A leading zero makes seven or eight digits a code (an ERP's
    /// `001234`), not a Venezuelan cédula.
    static func nationalNumber(_ input: TaxIDInput, country: String) -> TaxID? {
        if country == "EC", input.kindHint == nil { return ecuadorCedula(input) }
        if country == "BR" { return brazilWithoutLeadingZeros(input) }
        guard country == "VE", input.kindHint == nil || input.kindHint == .rif, input.isAllDigits else { return nil }
        if input.lastGroup == nil, (7...8).contains(input.chars.count), input.chars.first != "0" {
            // Shown as written: the `V` is the parser's, which matching must not take for the source's.
            var cedula = venezuela(TaxIDInput("V" + input.compact), letterWritten: input.cedulaLabel)
            cedula?.display = input.display
            return cedula
        }
        return venezuelaWithoutLetter(input)
    }

    static func parse(_ input: TaxIDInput, country: String) -> TaxID? {
        switch country {
        case "VE": return venezuela(input)
        case "CO": return colombia(input)
        case "CL": return chile(input)
        case "AR": return argentina(input)
        case "PE": return peru(input)
        case "EC": return ecuador(input)
        case "BR": return brazil(input)
        case "MX": return mexico(input)
        case "ES": return spain(input)
        default: return nil
        }
    }

    static func countryForKind(_ kind: TaxID.Kind) -> String? {
        switch kind {
        case .rif: return "VE"
        case .nit: return "CO"
        case .rut: return "CL"
        case .cuit, .cuil: return "AR"
        case .rfc: return "MX"
        case .cpf, .cnpj: return "BR"
        case .nif, .nie, .cif: return "ES"
        case .ruc, .cedula, .unknown: return nil
        }
    }
}

/// The text of a tax ID taken apart once: an optional label (`RIF:`), the compact characters and
/// the groups the writer separated with dashes, dots or spaces.
struct TaxIDInput {
    let display: String
    /// Upper-case letters and digits only (`Ñ` and `&` kept for Mexican RFCs).
    let compact: String
    let chars: [Character]
    /// The kind named by a label in front of the number (`RUT 76.123.456-7`).
    let kindHint: TaxID.Kind?
    /// Whether the writer put a dash (or slash) before the last character group.
    let lastGroup: String?
    /// The number came under a cédula label (`C.I. 12.345.678`, `Cédula: …`): a person's ID, so
    /// in Venezuela a `V` is what was meant, as surely as if written.
    let cedulaLabel: Bool

    init(_ text: String) {
        display = text
        var upper = text.uppercased()
        var hint: TaxID.Kind?
        var cedula = false
        // Every cédula label starts with a C: other texts skip the list.
        if upper.first == "C" {
            for (label, colombian) in Self.cedulaLabels where upper.hasPrefix(label) {
                let rest = upper.dropFirst(label.count)
                if let f = rest.first, !f.isLetter || label.hasSuffix(".") {
                    cedula = true; upper = String(rest.drop { $0 == ":" || $0 == " " || $0 == "." })
                    // A cédula de ciudadanía is Colombia's: the NIT a person's cédula is the body of.
                    if colombian { hint = .nit }
                    break
                }
            }
        }
        cedulaLabel = cedula
        let labels: [(String, TaxID.Kind)] = [
            ("CNPJ", .cnpj), ("CUIT", .cuit), ("CUIL", .cuil), ("RIF", .rif), ("RUT", .rut), ("NIT", .nit),
            ("RFC", .rfc), ("RUC", .ruc), ("CPF", .cpf), ("NIF", .nif), ("NIE", .nie), ("CIF", .cif),
        ]
        for (label, kind) in labels where hint == nil && upper.hasPrefix(label) {
            let rest = upper.dropFirst(label.count)
            // Only a label when followed by a separator or a digit (`RIF:J-…`, `RUT 7…`), not `RUTH`.
            if let f = rest.first, !f.isLetter {
                hint = kind; upper = String(rest); break
            }
        }
        kindHint = hint
        if upper.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (nearly always): keep letters, digits and `&` byte by byte (upper case: the
            // letters are `A`…`Z`), and split the groups the same way.
            func isLetterOrDigit(_ b: UInt8) -> Bool { (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
            let kept = upper.utf8.filter { isLetterOrDigit($0) || $0 == 0x26 }
            compact = String(decoding: kept, as: UTF8.self)
            chars = kept.map { Character(Unicode.Scalar($0)) }
            let groups = upper.utf8.split(whereSeparator: { $0 == 0x2D || $0 == 0x2F })
            lastGroup = groups.count > 1 ? groups.last.map { String(decoding: $0.filter(isLetterOrDigit), as: UTF8.self) } : nil
        } else {
            let kept = upper.filter { $0.isASCIILetterOrDigit || $0 == "Ñ" || $0 == "&" }
            compact = String(kept)
            chars = Array(kept)
            let groups = upper.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "—" || $0 == "–" })
            lastGroup = groups.count > 1 ? groups.last.map { String($0.filter(\.isASCIILetterOrDigit)) } : nil
        }
    }

    /// Labels of a person's ID card, upper case, longest first among those sharing a start, and
    /// whether they name Colombia's (`C.C.`, cédula de ciudadanía) rather than any country's
    /// (`C.I.`, cédula de identidad). A bare `CC` or `CI` must be followed by a point, a colon or a
    /// space, so a word that merely starts with them (`CCB`, `CIA`) is no label.
    static let cedulaLabels: [(String, Bool)] = [
        ("CÉDULA DE CIUDADANÍA", true), ("CEDULA DE CIUDADANIA", true), ("CÉDULA DE CIUDADANIA", true),
        ("CEDULA DE CIUDADANÍA", true), ("CÉDULA DE IDENTIDAD", false), ("CEDULA DE IDENTIDAD", false),
        ("CÉDULA", false), ("CEDULA", false), ("C.I.", false), ("C.I", false), ("CI.", false), ("CI:", false),
        ("CI ", false), ("CED.", false), ("C.C.", true), ("C.C", true), ("CC.", true), ("CC:", true), ("CC ", true),
    ]

    var isAllDigits: Bool { !chars.isEmpty && chars.allSatisfy(\.isASCIIDigit) }

    func digits(_ range: Range<Int>) -> [Int] { chars[range].map { $0.digitValue } }
}

extension Character {
    var isASCIILetterOrDigit: Bool { isASCII && (isLetter || isNumber) }
    /// 0…9 for ASCII digits, else -1.
    var digitValue: Int { asciiValue.map { $0 >= 48 && $0 <= 57 ? Int($0) - 48 : -1 } ?? -1 }
}

/// Weighted digit sums shared by the mod-11 schemes.
enum CheckDigits {
    static func weightedSum(_ digits: [Int], _ weights: [Int]) -> Int {
        zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
    }

    /// Weights 2, 3, 4 … `maxWeight` repeating from the rightmost digit (Chile's RUT, Brazil's CNPJ).
    static func cyclicSum(_ values: [Int], maxWeight: Int) -> Int {
        var sum = 0, w = 2
        for v in values.reversed() {
            sum += v * w
            w = w == maxWeight ? 2 : w + 1
        }
        return sum
    }

    static func validity(_ ok: Bool) -> TaxID.Validity { ok ? .valid : .checkDigitMismatch }
}
