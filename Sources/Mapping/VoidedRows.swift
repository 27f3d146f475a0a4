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
    /// a million rows): only a short text starting with a letter some void word starts with, or
    /// with a non-ASCII letter (`Ánulada`), may be one. Blank is not.
    static func mayBeVoided(_ bytes: some Collection<UInt8>) -> Bool {
        var length = 0
        var first: UInt8?
        for b in bytes where !(b == 0x20 || b == 0x09) || first != nil {
            if first == nil { first = b }
            length += 1
            if length > 24 { return false }
        }
        guard let first else { return false }
        return first >= 0x80 || "ANVSIanvsi".utf8.contains(first)
    }
}
