/// One way of turning a value into a matching key (OpenRefine's one-method `Keyer`).
///
/// Keyers are pure and idempotent: `key(key(x)) == key(x)` holds for every keyer here, which
/// the tests check, so a key can be stored and compared with keys computed later.
public protocol Keyer: Sendable {
    /// A short stable name used in settings and explanations (`fingerprint`, `phonetic_es`).
    var name: String { get }
    func key(_ value: String) -> String
}

/// The keyers by name, so settings can refer to them as data.
public enum KeyerRegistry {
    public static let all: [any Keyer] = [FingerprintKeyer(), PhoneticKeyer(), PhoneKeyer(), EmailKeyer(),
                                          TaxIDKeyer()]

    public static func keyer(named name: String) -> (any Keyer)? {
        all.first { $0.name == name }
    }
}
