import Foundation
import ZipArchive

/// Packages written by hand for tests that need a workbook no spreadsheet program would write (a
/// part missing, a row out of order, no value at all): any parts, or a one-sheet workbook.
public enum HandWrittenPackage {
    /// A zip of the given parts (name → text) in a temporary file; returns its path.
    public static func write(_ parts: [String: String]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("package-\(UUID().uuidString).xlsx").path
        let writer = try ZipWriter(path: path)
        for name in parts.keys.sorted() { try writer.addEntry(named: name, contents: Array(parts[name]!.utf8)) }
        try writer.finish()
        return path
    }

    /// The package relationships naming `main` as the office document.
    public static func rootRelationships(main: String) -> String {
        """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="\(main)"/>\
        </Relationships>
        """
    }

    /// A workbook of one sheet named `sheetName` whose `<sheetData>` is `sheetData`; its
    /// relationships may name a shared strings part, which the package does not hold.
    /// `sharedStrings`: the string table part's XML (its relationship is then written too).
    public static func workbook(sheetName: String = "Hoja1", sheetData: String,
                                sharedStringsRelationship: Bool = false, sharedStrings: String? = nil) throws -> String {
        let strings = #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#
        let sharedStringsRelationship = sharedStringsRelationship || sharedStrings != nil
        var parts = [
            "[Content_Types].xml": """
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                </Types>
                """,
            "_rels/.rels": rootRelationships(main: "xl/workbook.xml"),
            "xl/workbook.xml": """
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="\(sheetName)" sheetId="1" r:id="rId1"/></sheets></workbook>
                """,
            "xl/_rels/workbook.xml.rels": """
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                \(sharedStringsRelationship ? strings : "")</Relationships>
                """,
            "xl/worksheets/sheet1.xml": """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(sheetData)</sheetData></worksheet>
                """,
        ]
        if let sharedStrings { parts["xl/sharedStrings.xml"] = sharedStrings }
        return try write(parts)
    }
}
