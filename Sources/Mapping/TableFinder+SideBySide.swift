import Tabular

extension TableFinder {
    /// The groups of header labels a table's header row holds side by side: runs of columns up to
    /// the last labelled header, separated by at least one column that is blank in the header
    /// row(s) (and under no merged header cell) and in every data row of the region. Each run is
    /// given as its first and last column. Fewer than two groups: `[]`, the table is one table.
    ///
    /// Whether the groups are separate tables is for their mappings to say
    /// (``Importer/splitSideBySide(_:_:moreRowsFollow:finder:mapper:sheetName:)``): a blank column alone may be a
    /// spacer inside one table.
    func sideBySideGroups(_ region: TableRegion, rows: [Row], merged: [CellRange]) -> [ClosedRange<Int>] {
        let headerRows = rows[region.headerIndex..<region.dataStartIndex]
        // Past the header's last label there is no group to find (data there is the last table's).
        let width = region.headers.filter { !$0.displayName.isEmpty }.map(\.column).max() ?? 0
        guard width >= 3 else { return [] }
        var used = [Bool](repeating: false, count: width + 1)
        for row in headerRows {
            for (i, cell) in row.cells.prefix(width).enumerated() where !cell.isBlank { used[i + 1] = true }
        }
        for range in merged where range.first.column <= width
            && headerRows.contains(where: { range.first.row <= $0.number && $0.number <= range.last.row }) {
            for c in range.first.column...min(range.last.column, width) { used[c] = true }
        }
        // Most header rows have no blank column between labels: nothing to look for below them.
        var gaps = (1...width).filter { !used[$0] }
        guard !gaps.isEmpty else { return [] }
        for row in rows[region.dataStartIndex..<region.endIndex] {
            gaps.removeAll { $0 <= row.cells.count && !row.cells[$0 - 1].isBlank }
            if gaps.isEmpty { return [] }
        }
        var groups: [ClosedRange<Int>] = []
        var start: Int?
        for c in 1...width + 1 {
            if c <= width, !gaps.contains(c) {
                if start == nil { start = c }
            } else if let s = start {
                groups.append(s...(c - 1))
                start = nil
            }
        }
        // Each group must hold header labels: data under no header (a note typed beside the table) is no table.
        let labelled = groups.filter { group in region.headers.contains { group.contains($0.column) && !$0.displayName.isEmpty } }
        return labelled.count >= 2 && labelled.count == groups.count ? groups : []
    }

    /// The tables a region splits into, one per group of ``sideBySideGroups(_:rows:merged:)``: the
    /// same rows, each with the columns from its group's first column up to the next group's (the
    /// first from column A, the last to the sheet's end), its own group's headers, and its own
    /// title (the title line above its columns, else the group label over all its headers).
    func split(_ region: TableRegion, into groups: [ClosedRange<Int>], rows: [Row]) -> [TableRegion] {
        groups.indices.map { g in
            let first = g == 0 ? 1 : groups[g].lowerBound
            let last = g + 1 < groups.count ? groups[g + 1].lowerBound - 1 : CellRef.maxColumn
            let columns = first...last
            let above = rows[region.startIndex..<region.headerIndex].map { $0.keeping(columns: columns) }
            var part = region
            part.columns = columns
            // (The blank columns after a group head nothing: under a CSV's group label they would carry it.)
            part.headers = region.headers.filter { groups[g].contains($0.column) }
            // A label right over the header reads as a group row: a label over all of the
            // table's columns is the table's, as a title line above it would be.
            let groupLabels = Set(part.headers.map { $0.group ?? "" })
            part.title = title(above, before: above.count, from: 0)
                ?? (groupLabels.count == 1 ? groupLabels.first.flatMap { $0.isEmpty ? nil : $0 } : nil)
            return part
        }
    }
}
