/// Finds the document a payment names in its free text when its document-number cell is empty:
/// bank descriptions say `PAGO PSE FACT FE-1002`, `TRANSF FERRETERIA EL CLAVO FE-1001` or
/// `CONSIGNACION FACTURA 1003`. Each word with digits is normalized as a document number
/// (``InvoiceNumber``) and looked up among the documents the sources list.
///
/// A word is taken only when it cannot be a stray number: the documents it names are of the
/// payment's own customer, or, when the payment's customer is unknown, the word looks like a
/// document number (letters and digits, `FE-1001`) or follows a word that says "invoice"
/// (`FACTURA 1003`, `Fact. 1003`, `N° 1003`) and names exactly one document. A text that names
/// two different documents links to none (a payment here settles one document).
enum InvoiceMention {
    /// Words that announce a document number, folded to upper-case ASCII without punctuation.
    static let announcing: Set<String> = ["FACTURA", "FACTURAS", "FACT", "FAC", "FRA", "FTRA", "FCT", "FT", "F", "NRO",
                                          "NUM", "NUMERO", "NO", "N", "DOC", "DOCUMENTO", "INVOICE", "INV", "FE", "NF",
                                          "BOLETA", "COMPROBANTE", "NOTA"]

    /// One document a word names: the word as written and the normalized number.
    struct Candidate: Equatable {
        var written: String
        var number: String
    }

    /// The words of `texts` that may name a document: each with at least one digit and three
    /// characters, with whether the word before announced a document number.
    static func candidates(in texts: [String]) -> [(candidate: Candidate, announced: Bool, lettered: Bool)] {
        var found: [(Candidate, Bool, Bool)] = []
        for text in texts {
            var previous = ""
            for word in text.split(whereSeparator: { $0.isWhitespace || ",;:()[]{}\"'".contains($0) }) {
                let trimmed = String(word.drop { ".-/#".contains($0) }.reversed().drop { ".-/#".contains($0) }.reversed())
                let folded = String(trimmed.uppercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
                defer { previous = folded }
                guard folded.count >= 3, folded.contains(where: \.isNumber) else { continue }
                let number = InvoiceNumber.normalize(trimmed)
                guard !number.isEmpty else { continue }
                let lettered = folded.contains(where: \.isLetter)
                found.append((Candidate(written: trimmed, number: number), announcing.contains(previous), lettered))
            }
        }
        return found
    }

    /// The one document the texts name, given a lookup from normalized number to the documents
    /// listed under it and whether one of those is the payment's customer's.
    static func find<Key: Hashable>(in texts: [String], documents: (String) -> [Key], isCustomers: (Key) -> Bool,
                                    customerKnown: Bool) -> (written: String, key: Key)? {
        var chosen: (written: String, key: Key)?
        for (candidate, announced, lettered) in candidates(in: texts) {
            let keys = documents(candidate.number)
            let key: Key?
            if customerKnown {
                let own = keys.filter(isCustomers)
                key = own.count == 1 ? own[0] : nil
            } else {
                key = (announced || lettered) && keys.count == 1 ? keys[0] : nil
            }
            guard let key else { continue }
            if let chosen, chosen.key != key { return nil }
            chosen = chosen ?? (candidate.written, key)
        }
        return chosen
    }
}
