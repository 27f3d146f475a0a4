/// Finds the document a payment names in its free text when its document-number cell is empty:
/// bank descriptions say `PAGO PSE FACT FE-1002`, `TRANSF FERRETERIA EL CLAVO FE-1001` or
/// `CONSIGNACION FACTURA 1003`. Each word with digits is normalized as a document number
/// (``InvoiceNumber``) and looked up among the documents the sources list.
///
/// A word is taken only when it cannot be a stray number (an amount, a phone, a reference): it
/// looks like a document number (letters and digits, `FE-1001`) or follows a word that says
/// "invoice" (`FACTURA 1003`, `Fact. 1003`, `N° 1003`); and it names one document of the payment's
/// own customer, or, when that is unknown, exactly one document of anyone. A text that names two
/// different documents of its own customer (`PAGO FACTS 00205 Y 00201`) shares the payment among
/// them (``findAll(in:documents:isCustomers:)``); otherwise it links to none.
enum InvoiceMention {
    /// Words that announce a document number, folded to upper-case ASCII without punctuation: the
    /// prefixes a document number may carry (``InvoiceNumber/prefixes``) and a few more nouns.
    static let announcing = Set(InvoiceNumber.prefixes).union(["FACTURAS", "FACS", "FACTS", "DOCUMENTO", "DOCUMENTOS", "BOLETA",
                                                                 "COMPROBANTE", "NOTA", "NF"])
    /// Words joining numbers a word announced (`FACTS 00205 Y 00201`): the next is announced too.
    static let joining: Set<String> = ["Y", "E", "AND"]

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
            var previousAnnounces = false, afterAnnouncedNumber = false
            for word in text.split(whereSeparator: { $0.isWhitespace || ",;:()[]{}\"'".contains($0) }) {
                let trimmed = String(word.drop { ".-/#".contains($0) }.reversed().drop { ".-/#".contains($0) }.reversed())
                let fold = { (s: Substring) in
                    String(s.uppercased().unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) })
                }
                let folded = fold(Substring(trimmed))
                let previous = previousAnnounces
                if afterAnnouncedNumber, joining.contains(folded) || trimmed == "&" || trimmed == "+" {
                    // `FACTS 00205 Y 00201`: the list goes on, announced (only right after an announced number).
                    previousAnnounces = true; afterAnnouncedNumber = false
                    continue
                }
                afterAnnouncedNumber = false
                // `FACT.Nº` announces as `FACT Nº` does: each piece between points is looked at.
                defer { previousAnnounces = announcing.contains(folded) || trimmed.split(separator: ".").contains { announcing.contains(fold($0)) } }
                guard folded.count >= 3, folded.contains(where: \.isNumber) else { continue }
                let number = InvoiceNumber.normalize(trimmed)
                guard !number.isEmpty else { continue }
                let lettered = folded.contains(where: \.isLetter)
                found.append((Candidate(written: trimmed, number: number), previous, lettered))
                afterAnnouncedNumber = previous
            }
        }
        return found
    }

    /// Every document of the payment's own customer the texts name, in the order written, when
    /// they name two or more (`PAGO FACTS 00205 Y 00201`), each once.
    static func findAll<Key: Hashable>(in texts: [String], documents: (String) -> [Key],
                                       isCustomers: (Key) -> Bool) -> [(written: String, key: Key)] {
        var out: [(written: String, key: Key)] = []
        for (candidate, announced, lettered) in candidates(in: texts) where announced || lettered {
            let named = documents(candidate.number).filter(isCustomers)
            guard named.count == 1, !out.contains(where: { $0.key == named[0] }) else { continue }
            out.append((candidate.written, named[0]))
        }
        return out.count > 1 ? out : []
    }

    /// The one document the texts name, given a lookup from normalized number to the documents
    /// listed under it and whether one of those is the payment's customer's.
    static func find<Key: Hashable>(in texts: [String], documents: (String) -> [Key], isCustomers: (Key) -> Bool,
                                    customerKnown: Bool) -> (written: String, key: Key)? {
        var chosen: (written: String, key: Key)?
        for (candidate, announced, lettered) in candidates(in: texts) where announced || lettered {
            let keys = documents(candidate.number)
            let named = customerKnown ? keys.filter(isCustomers) : keys
            let key = named.count == 1 ? named[0] : nil
            guard let key else { continue }
            if let chosen, chosen.key != key { return nil }
            chosen = chosen ?? (candidate.written, key)
        }
        return chosen
    }
}
