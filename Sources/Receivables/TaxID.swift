/// A national tax identifier (RIF, NIT, RUT, CUIT, RFC, RUC, CPF, CNPJ, NIF/NIE/CIF …).
///
/// `normalized` is the canonical compact form used for matching (upper case, no separators,
/// e.g. `J301234567`); `display` keeps what the source wrote. Validation by check digit lives
/// with the parsers (``TaxIDValidator`` in the Mapping module); the result is stored here so that
/// reconciliation can weigh a valid ID as strong evidence.
public struct TaxID: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case rif, nit, rut, cuit, cuil, rfc, ruc, cpf, cnpj, nif, nie, cif, cedula, unknown
    }

    public enum Validity: String, Hashable, Sendable, Codable {
        /// Format and check digit verified.
        case valid
        /// The format is right but the check digit fails (for RFC only a warning: real ones fail it).
        case checkDigitMismatch
        /// Not in any known format for the country.
        case malformed
        /// No check digit to verify (format accepted as is).
        case unchecked
    }

    /// Canonical compact form, e.g. `J301234567`, `900123456-7` → `9001234567`.
    public var normalized: String
    /// ISO 3166-1 alpha-2 country, when known (`VE`, `CO`, `CL` …).
    public var country: String?
    public var kind: Kind
    /// Whether the holder is a person or a company, when the format tells.
    public var isCompany: Bool?
    public var validity: Validity
    /// The text as the source wrote it.
    public var display: String

    public init(normalized: String, country: String?, kind: Kind, isCompany: Bool? = nil,
                validity: Validity, display: String) {
        self.normalized = normalized; self.country = country; self.kind = kind
        self.isCompany = isCompany; self.validity = validity; self.display = display
    }

    public var isValid: Bool { validity == .valid }
    public var description: String { normalized }
}
