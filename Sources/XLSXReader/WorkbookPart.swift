import Tabular
import XMLStream

/// A name defined in the workbook (`<definedName>`): a named range, print area or constant.
public struct DefinedName: Hashable, Sendable {
    public var name: String
    /// The formula text, such as `Sheet1!$A$1:$C$10`.
    public var formula: String
    /// The sheet the name is local to (0-based tab index), or `nil` for a workbook-wide name.
    public var localSheetIndex: Int?
    public var hidden: Bool
}

/// What `workbook.xml` says: the sheets in tab order, the date system and defined names.
final class WorkbookHandler: XMLStreamHandler {
    struct SheetEntry {
        var name: String
        var relationshipID: String
        var visibility: SheetVisibility
    }

    var sheets: [SheetEntry] = []
    var date1904 = false
    /// `state` values outside the schema (some writers put `show`): the workbook is refused as damaged.
    var unknownStates: [String] = []
    var definedNames: [DefinedName] = []
    private var currentName: DefinedName?

    func startElement(localName: XMLBytes, namespace: XMLBytes, attributes: XMLAttributes) {
        if localName == "sheet" {
            let state = attributes.value("state")?.string ?? "visible"
            let visibility: SheetVisibility = state == "hidden" ? .hidden : state == "veryHidden" ? .veryHidden : .visible
            if visibility == .visible, state != "visible" { unknownStates.append(state) }
            // r:id lives in the relationships namespace (transitional or strict); take any `id`.
            let rid = attributes.value("id", namespaceSuffix: "relationships")?.string ?? attributes.value("id")?.string ?? ""
            sheets.append(SheetEntry(name: attributes.value("name")?.string ?? "Sheet\(sheets.count + 1)",
                                     relationshipID: rid, visibility: visibility))
        } else if localName == "workbookPr" {
            if let v = attributes.value("date1904")?.string { date1904 = v == "1" || v.lowercased() == "true" }
        } else if localName == "definedName" {
            let local = attributes.value("localSheetId").flatMap { Int($0.string) }
            let hidden = attributes.value("hidden").map { $0 == "1" || $0 == "true" } ?? false
            currentName = DefinedName(name: attributes.value("name")?.string ?? "", formula: "",
                                      localSheetIndex: local, hidden: hidden)
        }
    }

    func endElement(localName: XMLBytes, namespace: XMLBytes) {
        if localName == "definedName", let n = currentName {
            definedNames.append(n)
            currentName = nil
        }
    }

    func characters(_ text: XMLBytes) {
        if currentName != nil { currentName?.formula += text.string }
    }
}
