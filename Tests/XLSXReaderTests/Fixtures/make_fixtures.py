#!/usr/bin/env python3
"""Writes the tiny workbooks the XLSXReader tests read, one per rule, byte for byte.

    python3 Tests/XLSXReaderTests/Fixtures/make_fixtures.py   (from the package root)

Workbooks are assembled by hand (XML strings + a small zip writer) so each one holds exactly the
construct under test: data descriptors, zip64 records, backslash names, strict namespaces, rows
without `r`, and an OLE2 container for the encrypted case. Output is deterministic.
"""
import os, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
S_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main"
S_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships"


def zip_bytes(files, data_descriptor=False, zip64=False, deflate=True):
    """files: list of (name, bytes). A minimal zip writer with the options the tests need."""
    out, central = bytearray(), bytearray()
    for name, data in files:
        nb = name.encode("utf-8")
        raw = zlib.compressobj(6, zlib.DEFLATED, -15)
        comp = raw.compress(data) + raw.flush() if deflate else data
        method = 8 if deflate else 0
        crc = zlib.crc32(data) & 0xFFFFFFFF
        flags = 0x0800 | (0x0008 if data_descriptor else 0)
        offset = len(out)
        if data_descriptor:
            local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, 0, 0, 0, len(nb), 0)
        else:
            local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, crc, len(comp), len(data), len(nb), 0)
        out += local + nb + comp
        if data_descriptor:
            out += struct.pack("<IIII", 0x08074B50, crc, len(comp), len(data))
        if zip64:
            extra = struct.pack("<HHQQQ", 1, 24, len(data), len(comp), offset)
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, flags, method, 0, 0x21, crc,
                                   0xFFFFFFFF, 0xFFFFFFFF, len(nb), len(extra), 0, 0, 0, 0, 0xFFFFFFFF) + nb + extra
        else:
            central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, 0, 0x21, crc,
                                   len(comp), len(data), len(nb), 0, 0, 0, 0, 0, offset) + nb
    cd_offset = len(out)
    out += central
    n = len(files)
    if zip64:
        eocd64 = len(out)
        out += struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, n, n, len(central), cd_offset)
        out += struct.pack("<IIQI", 0x07064B50, 0, eocd64, 1)
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    else:
        out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, len(central), cd_offset, 0)
    return bytes(out)


def rels(items, ns=PKG):
    body = "".join(f'<Relationship Id="{i}" Type="{t}" Target="{g}"/>' for i, t, g in items)
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{ns}">{body}</Relationships>'


def content_types(overrides):
    body = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides)
    return ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + body + '</Types>')


WB_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def workbook(sheets_xml, sst=None, styles=None, workbook_pr="", sheet_list=None, defined="", wb_path="xl/workbook.xml",
             sheet_rels=None, main=MAIN, rel=REL, reltype_base="http://schemas.openxmlformats.org/officeDocument/2006/relationships",
             **zip_options):
    """sheets_xml: list of (name, sheetData-or-full-XML, attrs)."""
    folder = wb_path.rsplit("/", 1)[0] + "/" if "/" in wb_path else ""
    entries, wb_rels, sheet_tags = [], [], []
    for i, (name, xml, attrs) in enumerate(sheets_xml, 1):
        part = f"worksheets/sheet{i}.xml"
        if not xml.startswith("<?xml"):
            xml = f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{main}" xmlns:r="{rel}">{xml}</worksheet>'
        entries.append((folder + part, xml.encode()))
        wb_rels.append((f"rId{i}", reltype_base + "/worksheet", part))
        sheet_tags.append(f'<sheet name="{name}" sheetId="{i}" {attrs} r:id="rId{i}"/>')
    if sst is not None:
        sis = "".join(f"<si>{s}</si>" for s in sst)
        entries.append((folder + "sharedStrings.xml", f'<?xml version="1.0"?><sst xmlns="{main}">{sis}</sst>'.encode()))
        wb_rels.append(("rIdS", reltype_base + "/sharedStrings", "sharedStrings.xml"))
    if styles is not None:
        entries.append((folder + "styles.xml", f'<?xml version="1.0"?><styleSheet xmlns="{main}">{styles}</styleSheet>'.encode()))
        wb_rels.append(("rIdT", reltype_base + "/styles", "styles.xml"))
    wb = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{main}" xmlns:r="{rel}">{workbook_pr}'
          f'<sheets>{"".join(sheet_tags)}</sheets>{defined}</workbook>')
    files = [("[Content_Types].xml", content_types([("/" + wb_path, WB_TYPE)]).encode()),
             ("_rels/.rels", rels([("rId1", reltype_base + "/officeDocument", wb_path)]).encode()),
             (wb_path, wb.encode()),
             (folder + "_rels/" + wb_path.rsplit("/", 1)[-1] + ".rels", rels(sheet_rels or wb_rels).encode())] + entries
    return zip_bytes(files, **zip_options)


DATE_STYLES = ('<numFmts count="3"><numFmt numFmtId="164" formatCode="[h]:mm:ss"/>'
               '<numFmt numFmtId="165" formatCode="h:mm"/><numFmt numFmtId="166" formatCode="0.00 &quot;days&quot;"/></numFmts>'
               '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>'
               '<xf numFmtId="166"/><xf numFmtId="22"/></cellXfs>')


def cells(row, values):
    """values: list of (column letter, attrs, inner)."""
    return f'<row r="{row}">' + "".join(f'<c r="{c}{row}" {a}>{inner}</c>' for c, a, inner in values) + "</row>"


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    # 1900 system: serial 60 is Excel's phantom 1900-02-29, read as 1900-02-28 like calamine/openpyxl.
    write("serial_60.xlsx", workbook([("Dates", "<sheetData>" + cells(1, [
        ("A", 's="1"', "<v>59</v>"), ("B", 's="1"', "<v>60</v>"), ("C", 's="1"', "<v>61</v>"),
        ("D", 's="1"', "<v>1</v>"), ("E", 's="3"', "<v>0.5</v>"), ("F", 's="5"', "<v>45467.75</v>"),
        ("G", 's="2"', "<v>1.5</v>"), ("H", 's="4"', "<v>3.25</v>"), ("I", 's="1"', "<v>-1.5</v>")]) + "</sheetData>", "")],
        styles=DATE_STYLES))
    # 1904 system: serial 0 is 1904-01-01.
    write("date_1904.xlsx", workbook([("Mac", "<sheetData>" + cells(1, [
        ("A", 's="1"', "<v>0</v>"), ("B", 's="5"', "<v>1.5</v>"), ("C", 's="1"', "<v>43101</v>")]) + "</sheetData>", "")],
        styles=DATE_STYLES, workbook_pr='<workbookPr date1904="1"/>'))
    # Rich text runs concatenated, phonetic runs dropped, escapes decoded, whitespace kept.
    write("rich_text.xlsx", workbook([("Strings", "<sheetData>" + cells(1, [
        ("A", 't="s"', "<v>0</v>"), ("B", 't="s"', "<v>1</v>"), ("C", 't="s"', "<v>2</v>"), ("D", 't="s"', "<v>3</v>"),
        ("E", 't="s"', "<v>4</v>")]) + "</sheetData>", "")],
        sst=['<r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r>',
             '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>',
             '<t>line_x000D_break _x005F_x0041_ &amp; A_x0042_</t>',
             '<t xml:space="preserve">  padded  </t>',
             '<t>smile _xD83D__xDE00_</t>']))
    # Inline strings (plain and rich), str formula results, booleans, errors, ISO dates.
    write("cell_types.xlsx", workbook([("Types", "<sheetData>" + cells(1, [
        ("A", 't="inlineStr"', "<is><t>inline</t></is>"),
        ("B", 't="inlineStr"', "<is><r><t>ri</t></r><r><t>ch</t></r></is>"),
        ("C", 't="str"', "<f>A1&amp;B1</f><v>inlinerich</v>"),
        ("D", 't="b"', "<v>1</v>"), ("E", 't="b"', "<v>0</v>"),
        ("F", 't="e"', "<f>1/0</f><v>#DIV/0!</v>"),
        ("G", 't="d"', "<v>2024-03-01</v>"), ("H", 't="d"', "<v>2024-03-01T10:30:00.250</v>"),
        ("I", "", "<f>1+1</f><v>2</v>"), ("J", 't="n"', "<v>1.5E-3</v>"),
        ("K", 's="99"', "<v>7</v>")]) + cells(2, [
        ("A", 't="str"', "<f>\"\"</f><v></v>"), ("B", 't="s"', "<v>5</v>"), ("C", "", "<v>abc</v>")]) + "</sheetData>", "")],
        sst=["<t>x</t>"]))
    # Rows and cells without `r` (some writers omit them), a gap, and a far column.
    write("missing_r.xlsx", workbook([("NoRefs", "<sheetData>"
        "<row><c><v>1</v></c><c><v>2</v></c></row>"
        "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c r=\"D2\"><v>4</v></c><c><v>5</v></c></row>"
        '<row r="5"><c r="XFD5"><v>9</v></c></row>'
        "<row><c><v>6</v></c></row></sheetData>", "")]))
    # Strict OOXML: purl.oclc.org namespaces everywhere.
    write("strict.xlsx", workbook([("Strict", "<sheetData>" + cells(1, [
        ("A", 't="s"', "<v>0</v>"), ("B", "", "<v>42</v>")]) + "</sheetData>", "")],
        sst=["<t>strict text</t>"], main=S_MAIN, rel=S_REL, reltype_base="http://purl.oclc.org/ooxml/officeDocument/relationships"))
    simple = [("Data", "<sheetData>" + cells(1, [("A", 't="inlineStr"', "<is><t>ok</t></is>"), ("B", "", "<v>3.5</v>")]) + "</sheetData>", "")]
    write("zip64.xlsx", workbook(simple, zip64=True))
    write("data_descriptor.xlsx", workbook(simple, data_descriptor=True))
    write("stored_entries.xlsx", workbook(simple, deflate=False))
    # Sheets of every kind and visibility, merged ranges, hidden rows/cols, defined names, and a
    # workbook part outside xl/ reached through an absolute target.
    layout = ('<cols><col min="2" max="3" hidden="1"/></cols><sheetData>'
              + cells(1, [("A", 't="inlineStr"', "<is><t>Header</t></is>")])
              + '<row r="2" hidden="1"><c r="A2"><v>1</v></c></row></sheetData>'
              '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B3:B4"/></mergeCells>')
    write("layout.xlsx", workbook(
        [("Visible &amp; Co", layout, ""), ("Hidden", "<sheetData/>", 'state="hidden"'),
         ("VeryHidden", "<sheetData/>", 'state="veryHidden"')],
        wb_path="book/main.xml", defined='<definedNames><definedName name="Area" localSheetId="0">\'Visible &amp; Co\'!$A$1:$C$2</definedName></definedNames>',
        sheet_rels=[("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "/book/worksheets/sheet1.xml"),
                    ("rId2", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet", "../book/worksheets/sheet2.xml"),
                    ("rId3", "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet", "worksheets/sheet3.xml")]))
    # Windows-style backslash entry names (PhpSpreadsheet, some .NET writers).
    data = workbook(simple)
    write("backslash_names.xlsx", data)  # patched below
    # An .xlsb: binary parts.
    write("binary.xlsb.xlsx", zip_bytes([
        ("[Content_Types].xml", content_types([("/xl/workbook.bin", "application/vnd.ms-excel.sheet.binary.macroEnabled.main")]).encode()),
        ("_rels/.rels", rels([("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.bin")]).encode()),
        ("xl/workbook.bin", b"\x83\x01\x00")]))
    # Password-protected workbooks are OLE2 compound files with EncryptionInfo/EncryptedPackage.
    write("encrypted.xlsx", compound_file(["EncryptionInfo", "EncryptedPackage"]))
    write("legacy_biff.xlsx", compound_file(["Workbook", "\x05SummaryInformation"]))
    write("truncated.xlsx", workbook(simple)[:180])
    write("malformed_sheet.xlsx", workbook([("Bad", "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>\n<row r=\"2\"><c r=\"A2\"><v>2</v></row></sheetData>", "")]))
    # Stray text between the XML declaration and the root element (exceljs keeps such a file):
    # skipped with a warning, the cells read; a later error in the same part still fails.
    write("text_before_root.xlsx", workbook([
        ("Stray", f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\nfoo\n<worksheet xmlns="{MAIN}">'
                  "<sheetData>" + cells(1, [("A", 't="s"', "<v>0</v>"), ("B", 't="s"', "<v>1</v>")]) + "</sheetData></worksheet>", ""),
        ("StrayThenBad", f'<?xml version="1.0"?>\nfoo\n<worksheet xmlns="{MAIN}">'
                         "<sheetData>" + cells(1, [("A", "", "<v>1</v>")]) + "\n</sheetData></row></worksheet>", "")],
        sst=['<t xml:space="preserve">foo </t>', "<t>bar</t>"]))
    # Values stored in merged cells other than the top-left one (LibreOffice writes them; Excel
    # shows only the top-left value).
    write("merged_values.xlsx", workbook([("Merged", "<sheetData>"
        + cells(1, [("A", 't="inlineStr"', "<is><t>Title</t></is>"), ("B", 't="inlineStr"', "<is><t>hidden</t></is>"), ("C", "", "<v>5</v>")])
        + cells(2, [("A", "", "<v>1</v>"), ("B", "", "<v>2</v>")])
        + cells(3, [("B", "", "<v>3</v>"), ("D", "", "<v>4</v>")])
        + '</sheetData><mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="B2:B3"/></mergeCells>', "")]))
    backslash()


def backslash():
    """Same simple workbook, with every entry name written with `\\` separators."""
    simple = [("Data", "<sheetData>" + cells(1, [("A", 't="inlineStr"', "<is><t>ok</t></is>"), ("B", "", "<v>3.5</v>")]) + "</sheetData>", "")]
    import io, zipfile
    plain = zipfile.ZipFile(io.BytesIO(workbook(simple)))
    files = [(i.filename.replace("/", "\\"), plain.read(i.filename)) for i in plain.infolist()]
    write("backslash_names.xlsx", zip_bytes(files))


def compound_file(streams):
    header = bytearray(512)
    header[0:8] = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    header[0x1E] = 9
    struct.pack_into("<I", header, 0x30, 1)
    for i in range(109):
        struct.pack_into("<I", header, 0x4C + 4 * i, 0xFFFFFFFF)
    struct.pack_into("<I", header, 0x4C, 0)
    fat = bytearray(b"\xff" * 512)
    struct.pack_into("<II", fat, 0, 0xFFFFFFFD, 0xFFFFFFFE)
    directory = bytearray(512)
    for i, name in enumerate((["Root Entry"] + streams)[:4]):
        units = name.encode("utf-16-le")
        directory[i * 128:i * 128 + len(units)] = units
        struct.pack_into("<H", directory, i * 128 + 0x40, len(units) + 2)
    return bytes(header + fat + directory)


if __name__ == "__main__":
    main()
