import Receivables

/// What a document-type cell (`Tipo`: `FAC`, `N/CR`, `REC`…) says a row of an invoice list is, in
/// the words the accounting systems of our users write: Profit Plus (`FACT`, `N/CR`, `N/DB`,
/// `ADEL`), Saint, Siigo (`FV`, `RC`), Contpaqi and CFDI (`I`, `E`, `P`), QuickBooks (`Pago`),
/// SAP (`FA`, `NC`, `RC`).
///
/// A receipt or an advance in a list of open items is a credit the customer holds: it lowers what
/// the customer owes, as a credit note does, so it is imported as one (its written type kept, and
/// said). A type nobody knows is imported as an invoice, with a warning: only the writer knows
/// which way its money goes.
enum DocumentTypeWords {
    enum Meaning: Equatable { case invoice, creditNote, debitNote, receipt, unknown }

    static func meaning(of written: String) -> Meaning {
        let f = TextFolding.fold(written)
        if f.isEmpty { return .invoice }
        return wholeWords[f] ?? searched(f)
    }

    /// Whether `written` is one of the type words themselves (`FAC`, `N/C`, `Nota crédito`), not a
    /// text that starts with one (`Abono parcial`).
    static func isCode(_ written: String) -> Bool { wholeWords[TextFolding.fold(written)] != nil }

    /// The meaning of a folded type: the first meaning with it as a word, or as a leading word.
    private static func searched(_ f: String) -> Meaning {
        for (meaning, words, leading) in lookup {
            if words.contains(f) || leading.contains(where: { f == $0.word || f.hasPrefix($0.followed) }) { return meaning }
        }
        return typeBeforeNumber(f) ?? .unknown
    }

    /// Every word of ``table`` with the meaning ``searched(_:)`` finds for it, made once: a type
    /// column is read on every row, and most of its cells are one of these (`FAC`, `NC`).
    private static let wholeWords: [String: Meaning] = {
        var meanings: [String: Meaning] = [:]
        for (_, words, _) in table { for word in words where meanings[word] == nil { meanings[word] = searched(word) } }
        return meanings
    }()

    /// A type written with its number, glued or apart (`NC-9`, `ND 12`, `FC0001-00001234`,
    /// `Fac.55`): the letters in front, when they are a type word of two letters or more and all
    /// that follows is numbers. (A single letter is too many things: `E001-123` is a Peruvian
    /// invoice's series, not the `E` of a credit note.)
    private static func typeBeforeNumber(_ folded: String) -> Meaning? {
        let words = folded.split(separator: " ")
        guard let first = words.first else { return nil }
        let letters = first.prefix(while: \.isLetter), glued = first.dropFirst(letters.count)
        guard letters.count >= 2, glued.allSatisfy(\.isNumber), words.count > 1 || !glued.isEmpty,
              words.dropFirst().allSatisfy({ $0 == TextFolding.numberWord || $0.contains(where: \.isNumber) }) else { return nil }
        return table.first { $0.1.contains(String(letters)) }?.0
    }

    /// Folded whole words, then folded leading words, for each meaning.
    static let table: [(Meaning, Set<String>, [String])] = [
        (.creditNote, ["nc", "n c", "ncr", "n cr", "ncc", "ncv", "cn", "nota credito", "nota cred", "n credito",
                       "credito", "cred", "cr", "credit note", "credit memo", "credit", "dev", "devolucion",
                       "devoluciones", "e", "egreso", "nota de credito fiscal", "nota de abono",
                       // A withholding certificate (IVA, ISLR): tax the customer paid on our behalf.
                       "ret", "rete", "retencion", "retenciones", "ret iva", "ret islr", "retencion iva",
                       "retencion islr", "retencion en la fuente", "reteiva", "reteica", "retefuente",
                       "comprobante de retencion", "cr iva", "cr islr",
                       // Argentina's letters of the AFIP classes (`NCA`, `NC B`, `N/C A`).
                       "nca", "ncb", "ncm", "ncx", "nc a", "nc b", "nc c", "nc m", "n c a", "n c b", "n c c", "nce",
                       "nc e", "nota de credito a", "nota de credito b", "nota de credito c",
                       // Chile's DTE codes (SII): 61 nota de crédito electrónica, 112 de exportación.
                       "61", "112",
                       // Peru's SUNAT code (07); Spain's invoice that corrects one (rectificativa).
                       "07", "rectificativa", "factura rectificativa", "fra rectificativa", "rectificativas",
                       // Spain's credit invoice (Sage, ContaPlus, A3): `Factura de abono`; a refund.
                       "factura de abono", "factura abono", "fra de abono", "fra abono", "refund"],
         ["nota de credito", "nota credito", "nota de cred", "devolucion", "credit", "retencion", "factura rectificativa",
          "rectificativa", "factura de abono", "fra de abono"]),
        (.debitNote, ["nd", "n d", "ndb", "n db", "n deb", "dn", "nota debito", "nota deb", "n debito", "debito",
                      "deb", "db", "debit note", "debit memo", "debit", "nota de cargo",
                      "nda", "ndc", "ndm", "nd a", "nd b", "nd c", "n d a", "n d b", "n d c", "56", "111", "08"],
         ["nota de debito", "nota debito", "nota de deb", "debit"]),
        (.receipt, ["rec", "rc", "rcb", "rca", "rci", "recibo", "recibos", "recibo de caja", "recibo caja", "cobro",
                    "cobranza", "pago", "pag", "pagos", "p", "abono", "abonos", "adel", "adelanto", "anticipo", "ant",
                    "anticipos", "payment", "pmt", "deposito", "dep", "transferencia", "comprobante de ingreso",
                    "ci", "complemento de pago", "rep",
                    // Protheus' advance (`RA`, recebimento antecipado); SAP Business One's `PR` (pago recibido).
                    "ra", "pr"],
         ["recibo", "pago", "cobro", "anticipo", "adelanto", "abono", "payment", "deposito"]),
        (.invoice, ["fac", "fact", "factura", "facturas", "fa", "fv", "ft", "f", "fe", "fel", "fce", "fve",
                    "factura electronica", "factura de venta", "factura venta", "fact vta", "invoice", "inv", "boleta",
                    "bol", "be", "nf", "nfe", "nf e", "nota fiscal", "fatura", "venta", "vta", "ventas", "cargo", "si",
                    "saldo inicial", "saldo anterior", "saldo de apertura", "cfdi", "ingreso", "i", "documento", "doc", "fc", "fcc", "fact credito",
                    "factura credito", "factura a credito", "nota de venta", "nv", "fx", "exp", "fex",
                    "fb", "fm", "fac a", "fac b", "fac c", "fact a", "fact b", "fact c", "factura a",
                    "factura b", "factura c", "fcb", "fca", "fce a", "fce b",
                    // Chile's DTE codes: facturas (33, exenta 34, de compra 46, de exportación 110), boletas (39, 41).
                    "33", "34", "39", "41", "46", "110",
                    // Peru's SUNAT codes: factura (01), boleta de venta (03).
                    "01", "03"],
         ["factura", "fact", "invoice", "boleta", "fatura", "nota fiscal", "saldo inicial", "saldo anterior",
          "saldo de apertura"]),
    ]

    /// ``table`` with each leading word also followed by its space, made once: a type column is read
    /// on every row, and joining the space there made a string per leading word and row.
    private static let lookup: [(Meaning, Set<String>, [(word: String, followed: String)])] = table.map { meaning, words, leading in
        (meaning, words, leading.map { (word: $0, followed: $0 + " ") })
    }
}
