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
    /// `+582125554567;ext=12`, several joined by `; `). Their only letters are the `ext` of RFC
    /// 3966's extension form, so there is no function, reference or DDE command to run: at worst a
    /// spreadsheet shows the number. They are kept as they are, so a program reading the CSV gets
    /// the E.164 number, not `'+58…`.
    public static func isPhoneList(_ bytes: some Collection<UInt8>) -> Bool {
        // Each number is `+`, 6 to 15 digits, then optionally `;ext=` and 1 to 9 digits; numbers
        // are separated by `; `. Anything else (a letter, a lone `;`, a second `+`) is not ours.
        var step = PhoneListStep.plus, digits = 0
        let marker = Array(";ext=".utf8)
        for b in bytes {
            let isDigit = b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")
            switch step {
            case .plus:
                guard b == UInt8(ascii: "+") else { return false }
                step = .number; digits = 0
            case .number:
                if isDigit { digits += 1; continue }
                guard b == UInt8(ascii: ";"), (6...15).contains(digits) else { return false }
                step = .semicolon
            case .semicolon:
                // After a number's `;`: a space starts the next number, an `e` its extension.
                if b == UInt8(ascii: " ") { step = .plus } else if b == UInt8(ascii: "e") { step = .ext(2) } else { return false }
            case .ext(let i):
                guard b == marker[i] else { return false }
                if i + 1 == marker.count { step = .extDigits; digits = 0 } else { step = .ext(i + 1) }
            case .extDigits:
                if isDigit { digits += 1; guard digits <= 9 else { return false }; continue }
                guard b == UInt8(ascii: ";"), digits > 0 else { return false }
                step = .space
            case .space:
                guard b == UInt8(ascii: " ") else { return false }
                step = .plus
            }
        }
        switch step {
        case .number: return (6...15).contains(digits)
        case .extDigits: return digits > 0
        default: return false
        }
    }

    /// Where ``isPhoneList(_:)`` is in a number: at its `+`, its digits, the `;` after them, the
    /// space after a `;` between numbers, the `n`th byte of `;ext=`, or the extension's digits.
    private enum PhoneListStep { case plus, number, semicolon, space, ext(Int), extDigits }

    /// The text with a leading `'` when it is dangerous, unchanged otherwise.
    public static func neutralize(_ text: String) -> String {
        isDangerous(text) ? "'" + text : text
    }
}
