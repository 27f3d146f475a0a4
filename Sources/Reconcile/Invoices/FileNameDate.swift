import Foundation

/// The date an export's file name carries (`erp-2024-06.csv`, `cartera_20240615.xlsx`,
/// `saldos 2024.05.xlsx`), as `YYYYMMDD` text that sorts by date (a month alone is its first day);
/// `nil` when the name holds none. Nightly and monthly exports are named so: of two copies of a
/// document that disagree, the later export is the fresher word.
enum FileNameDate {
    static func of(_ path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let b = Array(name.utf8)
        func digit(_ i: Int) -> Int? { i >= 0 && i < b.count && b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
        func number(_ i: Int, _ n: Int) -> Int? {
            var v = 0
            for k in 0..<n { guard let d = digit(i + k) else { return nil }; v = v * 10 + d }
            return v
        }
        var best: String?
        var i = 0
        while i + 6 <= b.count {
            // Four digits of a year 2000–2099, not inside a longer number.
            guard digit(i - 1) == nil, let year = number(i, 4), (2000...2099).contains(year) else { i += 1; continue }
            var j = i + 4
            let separated = j < b.count && "-_. ".utf8.contains(b[j])
            if separated { j += 1 }
            guard let month = number(j, 2), (1...12).contains(month), digit(j + 2) == nil || !separated else { i += 1; continue }
            j += 2
            var day = 1
            let daySeparated = j < b.count && "-_. ".utf8.contains(b[j])
            if separated == daySeparated, let d = number(daySeparated ? j + 1 : j, 2), (1...31).contains(d),
               digit((daySeparated ? j + 1 : j) + 2) == nil {
                day = d
            } else if !separated, digit(j) != nil {
                i += 1; continue  // eight digits or more that are no date (`20241399…`)
            }
            let text = String(format: "%04d%02d%02d", year, month, day)
            if best.map({ text > $0 }) ?? true { best = text }
            i = j
        }
        return best
    }
}
