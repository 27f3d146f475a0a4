import Foundation

/// The date an export's file name carries (`erp-2024-06.csv`, `cartera_20240615.xlsx`,
/// `saldos 2024.05.xlsx`, `erp-20-06-2024.csv`, `cartera abril 2024.csv`), as `YYYYMMDD` text that
/// sorts by date (a month alone is its first day); `nil` when the name holds none. Nightly and
/// monthly exports are named so: of two copies of a document that disagree, the later export is
/// the fresher word. Of several dates in one name, the latest.
enum FileNameDate {
    static func of(_ path: String) -> String? {
        let name = (path.split(separator: "/").last.map(String.init) ?? path).lowercased()
        var found: [String] = []
        let whole = NSRange(name.startIndex..., in: name)
        func text(_ m: NSTextCheckingResult, _ i: Int) -> String? {
            Range(m.range(at: i), in: name).map { String(name[$0]) }
        }
        for m in yearFirst.matches(in: name, range: whole) {
            guard let y = text(m, 1), let mo = text(m, 2) else { continue }
            found.append(y + mo + (text(m, 3) ?? "01"))
        }
        for m in dayFirst.matches(in: name, range: whole) {
            guard let d = text(m, 1), let mo = text(m, 2), let y = text(m, 3) else { continue }
            found.append(y + mo + d)
        }
        for m in monthNamed.matches(in: name, range: whole) {
            guard let word = text(m, 1), let y = text(m, 2), let month = months[String(word.prefix(3))] else { continue }
            found.append(y + month + "01")
        }
        return found.max()
    }

    private static let yearFirst = try! NSRegularExpression(
        pattern: #"(?<!\d)(20\d{2})[-_. ]?(0[1-9]|1[0-2])(?:[-_. ]?(0[1-9]|[12]\d|3[01]))?(?!\d)"#)
    private static let dayFirst = try! NSRegularExpression(
        pattern: #"(?<!\d)(0[1-9]|[12]\d|3[01])[-_.](0[1-9]|1[0-2])[-_.](20\d{2})(?!\d)"#)
    private static let monthNamed = try! NSRegularExpression(
        pattern: #"(?<![a-z])(ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?|ago(?:sto)?|sep(?:tiembre)?|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?|jan(?:uary)?|apr(?:il)?|aug(?:ust)?|dec(?:ember)?)[-_. ]*(20\d{2})(?!\d)"#)
    private static let months: [String: String] = [
        "ene": "01", "jan": "01", "feb": "02", "mar": "03", "abr": "04", "apr": "04", "may": "05", "jun": "06",
        "jul": "07", "ago": "08", "aug": "08", "sep": "09", "set": "09", "oct": "10", "nov": "11", "dic": "12", "dec": "12",
    ]
}
