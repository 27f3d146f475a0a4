/// Neutralizes spreadsheet formula injection (CSV injection) in free-text cells.
///
/// A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return can be run as a formula
/// when the CSV is opened in a spreadsheet (OWASP "CSV Injection"); such a text gets a leading
/// apostrophe, which spreadsheets show as plain text. Only text columns are guarded: numeric and
/// date columns hold values Consolida formatted itself (`-120.50`, `2026-03-31`), so a real
/// negative amount keeps its sign and stays a number.
public enum FormulaGuard {
    /// The first characters that make a text a formula, as UTF-8 bytes (all ASCII, so a byte
    /// writer can test a field's first byte).
    public static let formulaStartBytes: [UInt8] = Array("=+-@\t\r".utf8)

    /// Whether a text would be read as a formula.
    public static func isDangerous(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return formulaStartBytes.contains(first)
    }

    /// The text with a leading `'` when it is dangerous, unchanged otherwise.
    public static func neutralize(_ text: String) -> String {
        isDangerous(text) ? "'" + text : text
    }
}
