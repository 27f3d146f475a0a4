import Tabular
import XMLStream
import ZipArchive

/// An Excel workbook (`.xlsx`, `.xlsm`, `.xltx`, transitional or strict OOXML) opened for
/// streaming: the shared strings and styles are read when it opens; each sheet is then read
/// row by row, so memory stays at the string table plus one row whatever the sheet's size.
///
/// ```swift
/// let book = try XLSXWorkbook(path: "cartera.xlsx")
/// var rows = try book.rowStream(ofSheet: 0)
/// while let row = try rows.next() { … }
/// ```
public final class XLSXWorkbook: TabularSource {
    public let path: String
    public let sheets: [SheetInfo]
    /// Whether serials count from 1904-01-01 (old Mac workbooks) instead of 1900.
    public let date1904: Bool
    public let definedNames: [DefinedName]
    /// The zip entry holding the workbook part (it need not be `xl/workbook.xml`).
    public let workbookPart: String
    public private(set) var openingDiagnostics: [Diagnostic] = []
    public let sharedStrings: SharedStrings
    /// The package has no shared strings part: a cell pointing into it cannot be read.
    let stringsMissing: Bool

    let zip: ZipArchive
    /// Each sheet's zip entry name (`nil` when the workbook names a part the package lacks).
    let sheetParts: [String?]
    let formats: [NumberFormatKind]
    /// What each cell format shows beside its numbers, if anything (indexed as `formats`).
    let extras: [NumberFormatExtras?]
    /// The first sheet's rows read while the string table was parsed, handed to the first
    /// `rowStream(ofSheet: 0)`.
    private(set) var readAhead: XLSXRowStream.Engine?

    /// Opens a workbook. Throws ``XLSXError`` for a file that cannot be read as one: not a zip,
    /// password-protected, legacy `.xls`, `.xlsb`, truncated, or missing its workbook part.
    public init(path: String, limits: ZipLimits = .default) throws(XLSXError) {
        self.path = path
        do { zip = try ZipArchive(path: path, limits: limits) } catch { throw .container(error) }
        let parts = PartParser(zip: zip)
        var diagnostics: [Diagnostic] = []

        let workbookPart = try Self.findWorkbookPart(zip, parts)
        self.workbookPart = workbookPart
        let workbook = WorkbookHandler()
        guard let workbookEntry = zip.entry(named: workbookPart) else {
            throw .noWorkbookPart(path: path, detail: "the workbook part \(workbookPart) is missing")
        }
        for name in zip.duplicateNames {
            diagnostics.append(Diagnostic(.warning, code: "XLSX-DUPLICATE-PART",
                                          "the package holds two parts named \(name); the later one is read",
                                          at: SourceLocation(file: path)))
        }
        diagnostics += try parts.parse(workbookEntry, with: workbook)
        // Excel refuses such a workbook until it has repaired it, and so do calamine and openpyxl:
        // guessing which sheets the user meant to see would be ours alone.
        if let state = workbook.unknownStates.first {
            throw .damagedWorkbook(path: path, detail: "a sheet's state is \"\(state)\", not visible, hidden or veryHidden")
        }
        date1904 = workbook.date1904
        definedNames = workbook.definedNames

        let rels = RelationshipsHandler()
        let relsPart = PackagePath.relationshipsPart(of: workbookPart)
        let hasRels = try parts.parse(partNamed: relsPart, with: rels)
        if !hasRels {
            diagnostics.append(Diagnostic(.warning, code: "XLSX-NO-WORKBOOK-RELS",
                                          "\(relsPart) is missing; sheets are looked for at their usual paths",
                                          at: SourceLocation(file: path)))
        }
        let byID = Dictionary(rels.relationships.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func target(_ r: Relationship) -> String { PackagePath.resolve(r.target, from: workbookPart) }

        var infos: [SheetInfo] = []
        var sheetParts: [String?] = []
        for (i, s) in workbook.sheets.enumerated() {
            var kind = SheetKind.worksheet
            var part: String?
            if let r = byID[s.relationshipID], !r.external {
                kind = Self.sheetKind(r.kind)
                part = target(r)
            } else if !hasRels {
                // Without relationships, fall back on the numbering every writer uses.
                part = PackagePath.folder(of: workbookPart) + "worksheets/sheet\(i + 1).xml"
            } else {
                diagnostics.append(Diagnostic(.warning, code: "XLSX-SHEET-WITHOUT-PART",
                                              "sheet \(s.name): relationship \"\(s.relationshipID)\" names no part; the sheet reads as empty",
                                              at: SourceLocation(file: path, sheet: s.name)))
            }
            if let p = part, zip.entry(named: p) == nil {
                diagnostics.append(Diagnostic(.warning, code: "XLSX-MISSING-SHEET-PART",
                                              "sheet \(s.name): part \(p) is missing; the sheet reads as empty",
                                              at: SourceLocation(file: path, sheet: s.name)))
                part = nil
            }
            // No writer gives two sheets one part. A hostile file does, to have one highly compressed
            // part inflated and read once per sheet (64 sheets, 1 GiB each: past every size limit).
            if let p = part, let first = sheetParts.firstIndex(of: p) {
                diagnostics.append(Diagnostic(.warning, code: "XLSX-SHARED-SHEET-PART",
                                              "sheet \(s.name): part \(p) is sheet \(workbook.sheets[first].name)'s too; read once, there",
                                              at: SourceLocation(file: path, sheet: s.name)))
                part = nil
            }
            infos.append(SheetInfo(name: s.name, index: i, kind: kind, visibility: s.visibility))
            sheetParts.append(part)
        }
        sheets = infos
        self.sheetParts = sheetParts

        let folder = PackagePath.folder(of: workbookPart)
        let stringsPart = rels.relationships.first { $0.kind == "sharedStrings" && !$0.external }.map(target)
            ?? folder + "sharedStrings.xml"
        let stylesPart = rels.relationships.first { $0.kind == "styles" && !$0.external }.map(target)
            ?? folder + "styles.xml"
        // Styles first (small), so the first sheet can be read ahead, formats known, while the
        // (possibly large) string table is parsed. Errors are still raised in the old order:
        // the string table's first, then the styles'.
        let styles = StylesHandler()
        var stylesResult: Result<[Diagnostic], XLSXError> = .success([])
        if zip.entry(named: stylesPart) != nil {
            do throws(XLSXError) { stylesResult = .success(try Self.parseTolerantly(parts, stylesPart, styles, path: path,
                                                                                          code: "XLSX-MALFORMED-STYLES")) }
            catch { stylesResult = .failure(error) }
        }
        formats = styles.formatKinds
        extras = styles.formatExtras
        // Text cells point into this part: without it they cannot be read (each says so, as an error).
        stringsMissing = zip.entry(named: stringsPart) == nil
        let strings = SharedStringsHandler()
        var speculation: SheetSpeculation?
        if zip.entry(named: stringsPart) != nil, case .success = stylesResult,
           let first = sheetParts.first, let part = first,
           let entry = zip.entry(named: part), entry.uncompressedSize > 1 << 20,
           let engine = try? XLSXRowStream.Engine(
               zip: zip, part: part,
               context: SheetHandler.Context(file: path, sheet: infos[0].name ?? "", strings: SharedStrings(),
                                             formats: formats, extras: extras, date1904: date1904),
               readsCells: true) {
            speculation = SheetSpeculation(engine: engine)
        }
        if zip.entry(named: stringsPart) != nil {
            diagnostics += try Self.parseTolerantly(parts, stringsPart, strings, path: path, code: "XLSX-MALFORMED-SHARED-STRINGS")
            if strings.itemsCut > 0 {
                diagnostics.append(Diagnostic(.warning, code: "XLSX-CELL-TOO-LONG",
                                              "\(strings.itemsCut) shared string(s) longer than Excel allows (32,767 characters); "
                                              + "each kept to its first \(CellTextLimit.bytes / 1024) KiB", at: SourceLocation(file: path)))
            }
        }
        sharedStrings = strings.table
        diagnostics += try stylesResult.get()
        readAhead = speculation?.adopt(strings: sharedStrings)
        openingDiagnostics = diagnostics
    }

    /// Parses a supporting part; malformed XML there keeps what was read so far, so that the sheets
    /// still show what they can, but is an error under `code`: the cells after the break lose their
    /// text (shared strings) or their formats (styles: dates read as numbers, `00102` as 102), so
    /// the workbook was read in part, which a nightly job must not take for a good read.
    private static func parseTolerantly(_ parts: PartParser, _ name: String, _ handler: any XMLStreamHandler,
                                        path: String, code: String) throws(XLSXError) -> [Diagnostic] {
        guard let entry = parts.zip.entry(named: name) else { return [] }
        do {
            return try parts.parse(entry, with: handler)
        } catch {
            if case .malformedPart(let e) = error {
                return [Diagnostic(.error, code: code, "\(e.part): \(e.message) (line \(e.line)); read up to there only",
                                   at: SourceLocation(file: path, line: e.line))]
            }
            throw error
        }
    }

    static func sheetKind(_ relationshipKind: Substring) -> SheetKind {
        switch relationshipKind.lowercased() {
        case "chartsheet": return .chartsheet
        case "dialogsheet": return .dialogsheet
        case "xlmacrosheet", "xlintlmacrosheet", "macrosheet": return .macrosheet
        default: return .worksheet
        }
    }

    /// `_rels/.rels` → the officeDocument relationship; else `[Content_Types].xml`; else the usual path.
    private static func findWorkbookPart(_ zip: ZipArchive, _ parts: PartParser) throws(XLSXError) -> String {
        let path = zip.path
        let rels = RelationshipsHandler()
        _ = try? parts.parse(partNamed: "_rels/.rels", with: rels)
        let types = ContentTypesHandler()
        _ = try? parts.parse(partNamed: "[Content_Types].xml", with: types)
        var candidates: [String] = []
        for r in rels.relationships where r.kind == "officeDocument" && !r.external {
            let part = PackagePath.resolve(r.target, from: "")
            // A Word or PowerPoint package's main part is an office document too, but no workbook.
            let type = types.overrides.first { $0.part == part }?.type.lowercased() ?? ""
            if type.contains("wordprocessingml") || type.contains("presentationml")
                || part.hasPrefix("word/") || part.hasPrefix("ppt/") { continue }
            candidates.append(part)
        }
        for o in types.overrides {
            let t = o.type.lowercased()
            if t.hasSuffix(".main+xml") && (t.contains("spreadsheetml") || t.contains("ms-excel")) { candidates.append(o.part) }
            if t.contains("sheet.binary.macroenabled.main") { throw .binaryWorkbook(path: path) }
        }
        candidates.append("xl/workbook.xml")
        for c in candidates {
            if c.lowercased().hasSuffix(".bin"), zip.entry(named: c) != nil { throw .binaryWorkbook(path: path) }
            if zip.entry(named: c) != nil { return c }
        }
        if zip.entry(named: "xl/workbook.bin") != nil { throw .binaryWorkbook(path: path) }
        if zip.entries.isEmpty { throw .noWorkbookPart(path: path, detail: "the zip archive is empty") }
        if zip.entry(named: "word/document.xml") != nil {
            throw .noWorkbookPart(path: path, detail: "it is a Word document")
        }
        if zip.entry(named: "ppt/presentation.xml") != nil {
            throw .noWorkbookPart(path: path, detail: "it is a PowerPoint presentation")
        }
        if zip.entry(named: "content.xml") != nil {
            throw .noWorkbookPart(path: path, detail: "it looks like an OpenDocument file; save it as .xlsx")
        }
        throw .noWorkbookPart(path: path, detail: "no workbook part found through _rels/.rels or [Content_Types].xml")
    }

    // MARK: Sheets

    /// A stream over one sheet's rows (0-based tab index).
    public func rowStream(ofSheet index: Int) throws(XLSXError) -> XLSXRowStream {
        guard sheets.indices.contains(index) else { throw .noSuchSheet(path: path, index: index) }
        if index == 0, let engine = readAhead {
            readAhead = nil
            return XLSXRowStream(engine: engine)
        }
        return try XLSXRowStream(workbook: self, sheet: index, readsCells: true)
    }

    public func rows(ofSheet index: Int) throws -> any RowStream {
        try rowStream(ofSheet: index)
    }

    /// Merged ranges, hidden rows and hidden columns of a sheet (a pass over the sheet that skips values).
    public func layout(ofSheet index: Int) throws(XLSXError) -> XLSXSheetLayout {
        guard sheets.indices.contains(index) else { throw .noSuchSheet(path: path, index: index) }
        var stream = try XLSXRowStream(workbook: self, sheet: index, readsCells: false)
        while try stream.nextRow() != nil {}
        return stream.layout
    }

    func handlerContext(sheet index: Int) -> SheetHandler.Context {
        SheetHandler.Context(file: path, sheet: sheets[index].name ?? "", strings: sharedStrings,
                             formats: formats, extras: extras, date1904: date1904, stringsMissing: stringsMissing)
    }
}

/// A sheet's shape beyond its values.
public struct XLSXSheetLayout: Hashable, Sendable {
    public var mergedRanges: [CellRange] = []
    /// 1-based numbers of rows marked hidden.
    public var hiddenRows: [Int] = []
    /// 1-based column ranges marked hidden.
    public var hiddenColumns: [ClosedRange<Int>] = []

    public init(mergedRanges: [CellRange] = [], hiddenRows: [Int] = [], hiddenColumns: [ClosedRange<Int>] = []) {
        self.mergedRanges = mergedRanges; self.hiddenRows = hiddenRows; self.hiddenColumns = hiddenColumns
    }
}
