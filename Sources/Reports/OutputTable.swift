/// A column of an output file: its exact header and the kind of values it holds.
public struct OutputColumn: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Free text: neutralized against formula injection in CSV, inline strings in XLSX.
        case text
        /// Exact decimals (money, ratios): written as numbers, negative sign kept.
        case decimal
        case integer
        case date
        case boolean
    }

    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind = .text) { self.name = name; self.kind = kind }
}

/// A table ready for writing: the columns of one output file and its rows in final order.
public struct OutputTable: Hashable, Sendable {
    /// The file name in the output folder (`customers.csv`); also names the XLSX sheet.
    public var fileName: String
    public var columns: [OutputColumn]
    public var rows: [[OutputCell]]

    public init(fileName: String, columns: [OutputColumn], rows: [[OutputCell]]) {
        self.fileName = fileName; self.columns = columns; self.rows = rows
    }

    public var header: [String] { columns.map(\.name) }

    /// Rows sorted by the given columns, then by every column left to right, so rows that tie on
    /// the key still come out in one order whatever order they arrived in.
    public func sorted(byColumns key: [String]) -> OutputTable {
        let indices = key.compactMap { name in columns.firstIndex { $0.name == name } }
            + Array(columns.indices)
        var copy = self
        copy.rows = rows.sorted { a, b in
            for i in indices where i < a.count && i < b.count {
                if OutputCell.precedes(a[i], b[i]) { return true }
                if OutputCell.precedes(b[i], a[i]) { return false }
            }
            return a.count < b.count
        }
        return copy
    }
}
