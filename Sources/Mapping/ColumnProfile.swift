import Receivables
import Tabular

/// What a column's values look like, measured on a sample: the share that reads as dates,
/// amounts, valid tax IDs, phones and emails. Confirms (or overrides) what the header says.
struct ColumnProfile: Sendable {
    var count = 0
    var dates = 0, amounts = 0, validTaxIDs = 0, anyTaxIDs = 0, phones = 0, emails = 0, letters = 0
    var numberCells = 0
    /// Amounts below zero, and above or at it: a bank statement with one signed amount column has both.
    var negatives = 0, positives = 0
    /// Values of one digit, `0` to `9` (a tax ID's check digit in a column of its own).
    var singleDigits = 0

    init(_ cells: [CellValue], country: String?) {
        for cell in cells where !cell.isBlank {
            count += 1
            switch cell {
            case .date, .dateTime: dates += 1
            case .number(let d):
                numberCells += 1; amounts += 1
                if d < 0 { negatives += 1 } else { positives += 1 }
                if d >= 0, d <= 9, d == d.rounded(.down) { singleDigits += 1 }
                if d >= 1 && d < 2_958_466 && d == d.rounded(.down) && d > 20_000 && d < 80_000 { dates += 1 }
                // A workbook stores a phone or a cédula typed without separators as a number: its
                // digits are judged as the same digits in a text cell are (the importer reads them
                // from the cell's display text too).
                if d == d.rounded(.down), d >= 0, let digits = cell.numberText { countIdentifiers(digits, country: country) }
            case .text(let s):
                let t = s.trimmingWhitespace
                if t.contains(where: \.isLetter) { letters += 1 }
                if t.utf8.count == 1, let b = t.utf8.first, (0x30...0x39).contains(b) { singleDigits += 1 }
                var isDate = false
                if case .success = DateParser.parse(text: t, order: .dmy) { dates += 1; isDate = true }
                else if case .success = DateParser.parse(text: t, order: .mdy) { dates += 1; isDate = true }
                if let amount = AmountText(t, country: country) {
                    amounts += 1
                    if amount.negative { negatives += 1 } else { positives += 1 }
                }
                if t.contains("@") { if !EmailAddress.parseAll(t).emails.isEmpty { emails += 1 } }
                // A date is no tax ID or phone, whatever its digits check as (`31/03/2024` reads as
                // a valid Chilean RUT 3.103.202-4).
                if !isDate { countIdentifiers(t, country: country) }
            default: break
            }
        }
    }

    /// Counts a value that reads as a tax ID (valid, or of some country's shape) or as a phone.
    private mutating func countIdentifiers(_ text: String, country: String?) {
        // Every tax ID and phone number has digits: a name or a word is neither, without the
        // parsers trying each country's shapes on it (``TaxIDParserTests`` checks the parser agrees).
        guard text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return }
        let id = TaxIDParser.parse(text, country: country)
        if id.validity == .valid { validTaxIDs += 1 }
        if id.kind != .unknown { anyTaxIDs += 1 }
        if !PhoneNumber.parseAll(text, defaultCountry: country ?? "VE").phones.isEmpty { phones += 1 }
    }

    func share(_ n: Int) -> Double { count == 0 ? 0 : Double(n) / Double(count) }

    /// How well the values fit a field (0…1); 0.5 when the column is empty.
    func fit(_ field: Field) -> Double {
        guard count > 0 else { return 0.5 }
        switch field.valueKind {
        case .date: return share(dates)
        case .amount: return share(amounts)
        case .taxID: return max(share(anyTaxIDs), share(validTaxIDs))
        case .phone: return share(phones)
        case .email: return share(emails)
        case .text:
            switch field {
            case .customerName, .firstName, .lastName, .city, .salesperson, .address: return share(letters)
            default: return 1
            }
        }
    }
}
