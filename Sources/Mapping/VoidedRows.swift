/// Invoice lists often keep voided documents with a status (`Estado: ANULADA`) instead of deleting
/// them; such a row is no debt. Only a column no field took and whose header names a status is
/// read, and only the words for "voided" count: `Estado` is also a Mexican address's state, whose
/// values (`Jalisco`) are no such word, and `cancelada` means *paid* in much of Latin America.
enum VoidedRows {
    static let statusHeaders: Set<String> = ["estado", "estatus", "status", "situacion", "condicion", "estado factura",
                                             "estado documento", "estado del documento", "estado de la factura"]
    static let voidWords: Set<String> = ["anulada", "anulado", "anuladas", "anulados", "nula", "nulo", "void", "voided",
                                         "anulacion", "sin efecto", "invalidada", "invalidado"]

    static func isStatusHeader(_ header: String) -> Bool { statusHeaders.contains(TextFolding.fold(header)) }

    static func isVoided(_ status: String) -> Bool { mayBeVoided(status.utf8) && voidWords.contains(TextFolding.fold(status)) }

    /// A byte test every status cell meets before the folding one (`Pendiente`, `Pagada` on each of
    /// a million rows): as folding reads it, the text's first letter must be one some void word
    /// starts with, or a non-ASCII letter (`Ánulada`); punctuation and spaces around it are
    /// skipped (`(ANULADA)`, `- Anulada`, padded fixed-width fields), and a long sentence is none.
    static func mayBeVoided(_ bytes: some Collection<UInt8>) -> Bool {
        var first: UInt8?, letters = 0
        for b in bytes {
            let isAlphanumeric = b >= 0x80 || (0x41...0x5A).contains(b) || (0x61...0x7A).contains(b) || (0x30...0x39).contains(b)
            guard isAlphanumeric else { continue }
            if first == nil { first = b }
            letters += 1
            if letters > 32 { return false }
        }
        guard let first else { return false }
        return first >= 0x80 || "ANVSIanvsi".utf8.contains(first)
    }
}
