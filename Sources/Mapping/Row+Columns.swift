import Tabular

extension Row {
    /// The row as one table of several side by side sees it: its cells in `columns` only, the
    /// others blank. Columns keep their numbers, so every value's provenance names its real cell.
    func keeping(columns: ClosedRange<Int>) -> Row {
        var kept = Array(cells.prefix(columns.upperBound))
        for c in 1..<min(columns.lowerBound, kept.count + 1) { kept[c - 1] = .empty }
        while let last = kept.last, last.isBlank { kept.removeLast() }
        let inside = { (entry: (key: Int, value: String)) in columns.contains(entry.key) }
        let keptCurrencies = currencies?.filter(inside)
        let keptShown = shown?.filter(inside)
        return Row(number: number, line: line, cells: kept,
                   currencies: keptCurrencies?.isEmpty == true ? nil : keptCurrencies,
                   shown: keptShown?.isEmpty == true ? nil : keptShown)
    }
}
