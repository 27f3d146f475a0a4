import Tabular

extension XLSXRowStream {
    /// A worksheet's `mergeCells` follow its `sheetData`, so they are all known once the last row
    /// has been read: an importer gets them without a second pass over the sheet.
    public var mergedRangesAfterEnd: [CellRange]? { layout.mergedRanges }
}
