/// Invoice lists often keep voided documents with a status (`Estado: ANULADA`) instead of deleting
/// them; such a row is no debt. Only a column no field took and whose header names a status is
/// read, and only the words for "voided" count: `Estado` is also a Mexican address's state, whose
/// values (`Jalisco`) are no such word, and `cancelada` means *paid* in much of Latin America.
enum VoidedRows {
    static let statusHeaders: Set<String> = ["estado", "estatus", "status", "situacion", "condicion", "estado factura",
                                             "estado documento", "estado del documento", "estado de la factura"]
    static let voidWords: Set<String> = ["anulada", "anulado", "anuladas", "anulados", "nula", "nulo", "void", "voided",
                                         "anulacion", "sin efecto", "cancelada por anulacion", "invalidada", "invalidado"]

    static func isStatusHeader(_ header: String) -> Bool { statusHeaders.contains(TextFolding.fold(header)) }

    static func isVoided(_ status: String) -> Bool { voidWords.contains(TextFolding.fold(status)) }
}
