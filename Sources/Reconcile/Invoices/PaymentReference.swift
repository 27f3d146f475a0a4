/// A payment's reference as two sources write it: the bank's `15752684567`, a salesperson's
/// `Ref. 684567` or `#2684567` for the same transfer. Compared by their core, the label and
/// punctuation left out, and, between sources, by the last digits that one of them kept.
enum PaymentReference {
    /// Labels written in front of the number (folded: upper case, no punctuation).
    static let labels: Set<String> = ["REF", "REFERENCIA", "REFERENCE", "NRO", "NUM", "NUMERO", "NO", "N", "OP",
                                      "OPERACION", "TRANSF", "TRANSFERENCIA", "CONF", "CONFIRMACION", "COMPROBANTE"]

    /// Upper case, letters and digits only, a leading label and leading zeros left out:
    /// `Ref. 004567` and `#4567` are `4567`; `DEPOSITO` stays `DEPOSITO`.
    static func core(_ raw: String) -> String {
        var words = raw.uppercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map {
            String($0.unicodeScalars.filter { $0.isASCII }.map(Character.init))
        }.filter { !$0.isEmpty }
        // `Ref.`, `Nº`, `REF:` before a number: the number is the reference.
        while words.count > 1, labels.contains(words[0]) { words.removeFirst() }
        return String(words.joined().drop { $0 == "0" })
    }

    /// Whether `a` and `b` name one transfer: the same core, or (`partial`, between two sources)
    /// two numbers of which one ends the other and has six digits or more (a bank statement
    /// showing the last digits of the transaction number; four would take `51234` for `1234`).
    /// Whether `a` and `b` are numbers of two kinds that cannot tell payments apart: one with
    /// letters (a collector's receipt, `R-001`, `REC 45`) and one of digits only (the bank's
    /// transaction number, `11112222`). The same payment in a collector's log and on the bank's
    /// statement carries one of each.
    static func ofDifferentKinds(_ a: String, _ b: String) -> Bool {
        let (x, y) = (core(a), core(b))
        guard !x.isEmpty, !y.isEmpty else { return false }
        let (xDigits, yDigits) = (x.allSatisfy(\.isNumber), y.allSatisfy(\.isNumber))
        return xDigits != yDigits && (xDigits ? x : y).count >= 6
    }

    static func same(_ a: String, _ b: String, partial: Bool) -> Bool {
        let (x, y) = (core(a), core(b))
        guard !x.isEmpty, !y.isEmpty else { return false }
        if x == y { return true }
        guard partial, x.allSatisfy(\.isNumber), y.allSatisfy(\.isNumber) else { return false }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        return short.count >= 6 && long.hasSuffix(short)
    }
}
