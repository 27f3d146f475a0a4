import Tabular
import XMLStream
import ZipArchive

/// Why a workbook (or one of its sheets) could not be read at all.
///
/// Cell-level problems are not errors: they are collected as diagnostics and reading goes on.
public enum XLSXError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The zip container is unreadable, or the file is not a zip (encrypted workbook, legacy .xls…).
    case container(ZipError)
    /// A part's XML is malformed.
    case malformedPart(XMLStreamError)
    /// An Excel binary workbook (`.xlsb`): its parts are BIFF12 records, not XML.
    case binaryWorkbook(path: String)
    /// No workbook part could be found through `_rels/.rels`, `[Content_Types].xml` or the usual path.
    case noWorkbookPart(path: String, detail: String)
    /// The sheet index is outside the workbook's sheet list.
    case noSuchSheet(path: String, index: Int)
    /// A sheet's part is named in the workbook but missing from the package.
    case missingPart(path: String, sheet: String?, part: String)
    /// The workbook part breaks the schema in a way Excel itself only opens after a repair (a sheet
    /// state outside visible, hidden and veryHidden).
    case damagedWorkbook(path: String, detail: String)

    public var description: String {
        switch self {
        case .container(let e): return e.description
        case .malformedPart(let e): return e.description
        case .binaryWorkbook(let path):
            return "\(path): Excel binary workbook (.xlsb) is not supported; save it as .xlsx"
        case .noWorkbookPart(let path, let detail):
            return "\(path): not a spreadsheet package (\(detail)); is it a Word or PowerPoint file, or an empty zip?"
        case .noSuchSheet(let path, let index):
            return "\(path): no sheet at index \(index)"
        case .missingPart(let path, let sheet, let part):
            return "\(path)\(sheet.map { " › \($0)" } ?? ""): part \(part) is missing from the package"
        case .damagedWorkbook(let path, let detail):
            return "\(path): damaged workbook (\(detail)); open it in Excel, which offers to repair it, and save it again"
        }
    }
}
