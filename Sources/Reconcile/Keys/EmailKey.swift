import Foundation
import Receivables

/// An email split into local part and domain; free-mail domains carry no weight as evidence.
public struct EmailKey: Hashable, Sendable {
    public var address: String
    public var local: String
    public var domain: String
    public var isFreeMail: Bool
    /// The local part names a role, not a person (`ventas`, `info`, `facturacion`).
    public var isRoleMailbox: Bool { Self.roleMailboxes.contains(local) }

    /// `nil` unless `raw` is a valid address: text kept as written because it is none (`no@tiene`,
    /// `x@x`, a placeholder many customers share) is no evidence that two records are one.
    public init?(_ raw: String) {
        let a = EmailKeyer().key(raw)
        guard EmailAddress.normalize(a) != nil, let at = a.lastIndex(of: "@"), at != a.startIndex else { return nil }
        address = a
        local = String(a[..<at])
        domain = String(a[a.index(after: at)...])
        guard !domain.isEmpty else { return nil }
        isFreeMail = EmailKey.isFreeMail(domain)
    }

    /// Domains anyone can sign up to: sharing one says nothing about being the same customer.
    static let freeMailRoots: Set<String> = [
        "gmail", "googlemail", "hotmail", "outlook", "live", "msn", "yahoo", "ymail", "icloud", "me",
        "mac", "aol", "protonmail", "proton", "gmx", "mail", "zoho", "yandex", "uol", "bol", "terra",
        "cantv", "prodigy", "latinmail", "starmedia", "movistar", "telefonica", "une", "etb", "vtr",
        "fibertel", "speedy", "arnet", "infinitummail", "tutanota", "fastmail",
    ]

    static let roleMailboxes: Set<String> = [
        "info", "informacion", "ventas", "venta", "sales", "admin", "administracion", "administration", "contacto",
        "contact", "contactos", "pagos", "pago", "payments", "facturacion", "factura", "facturas", "billing", "invoices",
        "cobranza", "cobranzas", "cobros", "compras", "purchasing", "contabilidad", "accounting", "cuentas", "finanzas",
        "tesoreria", "gerencia", "office", "oficina", "hola", "hello", "recepcion", "soporte", "support", "atencion",
        "clientes", "servicio", "comercial", "mail", "correo", "email",
    ]

    static let suffixLabels: Set<String> = [
        "com", "net", "org", "co", "gob", "gov", "edu", "info", "biz", "mx", "ve", "ar", "cl", "es",
        "pe", "ec", "br", "uy", "py", "bo", "us", "uk", "de", "fr", "it",
    ]

    /// `hotmail.com`, `yahoo.com.mx`, `gmail.es` … → free; judged by the registrable label (the last
    /// one before suffixes like `.com.mx`), so `mail.empresa.com` is not free but `mail.com` is.
    public static func isFreeMail(_ domain: String) -> Bool {
        var labels = domain.split(separator: ".").map(String.init)
        while labels.count > 1, let last = labels.last, suffixLabels.contains(last) { labels.removeLast() }
        guard let registrable = labels.last else { return false }
        return freeMailRoots.contains(registrable)
    }
}

/// Lower-cased, trimmed email with any `mailto:` prefix removed.
public struct EmailKeyer: Keyer {
    public init() {}
    public var name: String { "email" }
    public func key(_ value: String) -> String {
        // Trimming goes through Foundation; most addresses have nothing to trim.
        let padded = value.unicodeScalars.first.map { $0.properties.isWhitespace } == true
            || value.unicodeScalars.last.map { $0.properties.isWhitespace } == true
        var s = (padded ? value.trimmingCharacters(in: .whitespacesAndNewlines) : value).lowercased()
        if s.hasPrefix("mailto:") { s.removeFirst(7) }
        return s
    }
}
