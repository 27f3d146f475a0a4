/// Neutralizes spreadsheet formula injection (CSV injection) in free-text cells.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return can be run as a formula
/// when the CSV is opened in a spreadsheet (OWASP "CSV Injection"); such a text gets a leading
/// apostrophe, which spreadsheets show as plain text (phone numbers excepted: ``isPhoneList(_:)``).
/// Only text columns are guarded: numeric and
/// date columns hold values Consolida formatted itself (`-120.50`, `2026-03-31`), so a real
/// negative amount keeps its sign and stays a number.
public enum FormulaGuard {
    /// The first characters that make a text a formula, as UTF-8 bytes (all ASCII, so a byte
    /// writer can test a field's first byte).
    public static let formulaStartBytes: [UInt8] = Array("=+-@\t\r".utf8)

    /// Whether a text would be read as a formula.
    public static func isDangerous(_ text: String) -> Bool {
        guard let first = text.utf8.first, formulaStartBytes.contains(first) else { return false }
        return !isPhoneList(text.utf8)
    }

    /// Whether the text is international phone numbers as Consolida writes them (`+584145550123`,
    /// several joined by `; `). With no letter there is no function, reference or DDE command to
    /// run: at worst a spreadsheet shows the number. They are kept as they are, so a program
    /// reading the CSV gets the E.164 number, not `'+58…`.
    public static func isPhoneList(_ bytes: some Collection<UInt8>) -> Bool {
        var digits = 0, expectPlus = true, afterSemicolon = false
        for b in bytes {
            if expectPlus {
                guard b == UInt8(ascii: "+") else { return false }
                expectPlus = false; digits = 0
            } else if afterSemicolon {
                guard b == UInt8(ascii: " ") else { return false }
                afterSemicolon = false; expectPlus = true
            } else if b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                digits += 1
            } else if b == UInt8(ascii: ";") {
                guard (6...15).contains(digits) else { return false }
                afterSemicolon = true
            } else {
                return false
            }
        }
        return !expectPlus && !afterSemicolon && (6...15).contains(digits)
    }

    /// The text with a leading `'` when it is dangerous, unchanged otherwise.
    public static func neutralize(_ text: String) -> String {
        isDangerous(text) ? "'" + text : text
    }
}
