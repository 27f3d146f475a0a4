/// Spreadsheet error values: what a formula shows when it fails (`#N/A` from a `VLOOKUP` that found
/// nothing, `#REF!` after a deleted column). A workbook stores them as error cells; a CSV export
/// writes them as text, in the language of the program that saved it.
///
/// They are no value: a customer named `#N/A` would gather every failed lookup of a sheet into one
/// customer, and two invoices numbered `#N/A` would read as one. Mapping reads them as missing,
/// says so at the cell, and never fills a customer down into them (the cell is not blank: it held
/// a value once).
public enum SpreadsheetError {
    /// The error literals of Excel (English, Spanish, Portuguese), LibreOffice and Google Sheets,
    /// upper-cased.
    static let literals: Set<String> = [
        "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NULL!", "#NUM!", "#SPILL!", "#CALC!",
        "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!", "#ERROR!",
        "#¡REF!", "#¡VALOR!", "#¡DIV/0!", "#¿NOMBRE?", "#¡NULO!", "#¡NUM!", "#¡DESBORDAMIENTO!", "#¡CALC!",
        "#N/D", "#VALOR!", "#NOME?", "#NULO!", "#NÚM!", "#DESPEJAR!",
    ]

    /// Whether `text`, spaces around it aside, is an error literal (`#N/A`, `#¡VALOR!`) or
    /// LibreOffice's numbered error (`Err:502`).
    public static func isError(_ text: some StringProtocol) -> Bool {
        // Nearly every text starts otherwise: one byte decides.
        guard let first = text.utf8.first(where: { $0 != 0x20 }), first == UInt8(ascii: "#") || first == UInt8(ascii: "E")
        else { return false }
        let trimmed = trimmed(text)
        guard trimmed.utf8.count <= 20 else { return false }
        if trimmed.hasPrefix("Err:") {
            let digits = trimmed.dropFirst(4)
            return digits.count == 3 && digits.allSatisfy(\.isASCIIDigit)
        }
        return literals.contains(trimmed.uppercased())
    }

    /// `text` without the spaces and tabs around it.
    static func trimmed(_ text: some StringProtocol) -> String {
        let spaces: Set<Character> = [" ", "\t"]
        guard let first = text.firstIndex(where: { !spaces.contains($0) }),
              let last = text.lastIndex(where: { !spaces.contains($0) }) else { return "" }
        return String(text[first...last])
    }

    /// ``isError(_:)`` of a cell's UTF-8 bytes.
    public static func isError(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first(where: { $0 != 0x20 }), first == UInt8(ascii: "#") || first == UInt8(ascii: "E"),
              bytes.count <= 24 else { return false }
        return isError(String(decoding: bytes, as: UTF8.self))
    }
}

extension CellValue {
    /// The spreadsheet error the cell holds (``SpreadsheetError``): an error cell's, or text that is
    /// an error literal; `nil` for any other cell.
    public var spreadsheetError: String? {
        switch self {
        case .error(let e): return e
        case .text(let s): return SpreadsheetError.isError(s) ? SpreadsheetError.trimmed(s) : nil
        default: return nil
        }
    }

    /// Whether the cell holds a value: it is not blank and holds no spreadsheet error.
    public var holdsValue: Bool { !isBlank && spreadsheetError == nil }
}
