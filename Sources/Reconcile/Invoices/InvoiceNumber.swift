import Foundation
import Receivables

/// Normalizes document numbers so copies from different sources meet: `F-0012`, `FAC 12`,
/// `FV-0012`, `No. 00012`, `Factura Nº 12` → `12`; a series letter stays (`A-0012` → `A12`).
/// A credit note's `NC 12` and a debit note's `ND 12` are `12` too, but only for a document of
/// that type (``normalize(_:type:)``).
public enum InvoiceNumber {
    /// Prefixes that name the document kind or "number", not the number itself, whatever the
    /// document's type: invoice words (`FV` is Colombia's factura de venta, `FC` a factura in
    /// Argentina and many ERPs, `FEL` Guatemala's electronic one) and number signs. Not `REM`: a
    /// remisión is a delivery note, another document than the invoice of its number.
    static let prefixes = ["FACTURADEVENTA", "FACTURAVENTA", "FACTURAELECTRONICA", "FACTURA", "FACTVTA", "FACT", "FAC",
                           "FTRA", "FRA", "FCT", "FCV", "FCE", "FVE", "FEL", "FC", "FV", "FE", "FA", "FT", "F",
                           "NUMERO", "NUM", "NRO", "NO", "N", "INVOICE", "INV", "DOC"]

    /// Words that name a credit note (`NC`, `N/C`, `N.C.`, Profit Plus's `N/CR`, `Nota de crédito`).
    static let creditNoteWords = ["NOTADECREDITO", "NOTACREDITO", "NCR", "NC"]
    /// Words that name a debit note (`ND`, `N/D`, Profit Plus's `N/DB`, `Nota de débito`).
    static let debitNoteWords = ["NOTADEDEBITO", "NOTADEBITO", "NDB", "ND"]

    /// The words dropped from the front of a number of `type`. A note's own words go only from a
    /// note's number: the type is part of a document's key, so a credit note written `NC-5` by one
    /// source and `5` (typed credit note) by another meet while invoice `5` stays another document;
    /// dropped from every number, they would let a payment naming `NC-5` pay invoice `5`.
    static func words(for type: Invoice.DocumentType) -> [String] {
        switch type {
        case .invoice: prefixes
        case .creditNote: creditNotePrefixes
        case .debitNote: debitNotePrefixes
        }
    }

    // Joined once: every document and payment number is normalized.
    private static let creditNotePrefixes = creditNoteWords + prefixes, debitNotePrefixes = debitNoteWords + prefixes

    /// A number written after a series (`F001-105` in Peru, `2024/0105` in Spain, `A 0001-00000105`
    /// in Argentina) keeps its series, and only the number loses its zeros: `F001-00000105` meets
    /// `F001-105`, never `1105` nor `E001-105` nor `0001-105`. `type` is the document's type: a
    /// note's words are dropped from a note's number only.
    public static func normalize(_ raw: String, type: Invoice.DocumentType = .invoice) -> String {
        let text = withoutAccents(raw)
        if let (series, number) = seriesAndNumber(text) { return series + "-" + plain(number, type: type) }
        return plain(text, type: type)
    }

    /// `raw` with each accented letter as its plain one (`Crédito` → `Credito`), so a word written
    /// with its accent is that word; every other character stays (`º`, separators).
    static func withoutAccents(_ raw: String) -> String {
        guard raw.utf8.contains(where: { $0 >= 0x80 }) else { return raw }
        return String(raw.map { c -> Character in
            guard !c.isASCII, c.isLetter, let base = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first,
                  base.isASCII, base.properties.isAlphabetic else { return c }
            return Character(base)
        })
    }

    /// The series and the number of `raw` when its last separator splits digits from a part that
    /// ends in a token with digits (`F001`, `2024`, `0001`, after a type letter `A`).
    static func seriesAndNumber(_ raw: String) -> (String, String)? {
        func isAlphanumeric(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        let chars = Array(raw.uppercased())
        guard let cut = chars.lastIndex(where: { !isAlphanumeric($0) }) else { return nil }
        let number = chars[(cut + 1)...]
        guard !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let tokens = chars[..<cut].split(whereSeparator: { !isAlphanumeric($0) }).map { String($0) }
        guard let last = tokens.last, last.contains(where: \.isNumber) else { return nil }
        var series = last
        // A type letter before a point of sale (`A 0001-…`); not `N` (`Nº 2024-105` is a number sign).
        if tokens.count >= 2, let letter = tokens[tokens.count - 2].first, tokens[tokens.count - 2].count == 1,
           letter.isLetter, letter != "N" {
            series = String(letter) + series
        }
        // A series glued to a document word (`FAC2024`) is the year or point of sale alone.
        if series.first?.isLetter == true, series.count > 5 { return nil }
        return (series, String(number))
    }

    static func plain(_ raw: String, type: Invoice.DocumentType = .invoice) -> String {
        var s = ""
        for c in raw.uppercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { s.append(c) }
            else if c == "º" || c == "°" { continue }
        }
        let words = words(for: type)
        // Drop known prefixes, repeatedly (`FAC NO 12`), but only when digits follow.
        var changed = true
        while changed {
            changed = false
            for p in words where s.hasPrefix(p) {
                let rest = s.dropFirst(p.count)
                let digitsFollow = rest.first?.isNumber == true
                let prefixFollows = words.contains { rest.hasPrefix($0) && rest.dropFirst($0.count).first?.isNumber == true }
                if digitsFollow || prefixFollows { s = String(rest); changed = true; break }
            }
        }
        // Strip leading zeros of the first digit run: `A0012` → `A12`, `00012` → `12`, `000` → `0`.
        let chars = Array(s)
        guard let start = chars.firstIndex(where: \.isNumber) else { return s }
        var end = start
        while end < chars.count && chars[end].isNumber { end += 1 }
        var z = start
        while z < end - 1 && chars[z] == "0" { z += 1 }
        return String(chars[..<start]) + String(chars[z...])
    }
}
