"""Spreadsheet files made by the tests, ordinary and hostile: nothing binary is checked in.

Each hostile file is one attack class: a small file that claims or unpacks to far more than it holds.
`HOSTILE` maps a name to (a function that makes the file, the Dutch message the import must give).
"""

import io
import zipfile

import openpyxl

ODS_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
)
HEADERS = ["Slug", "Naam", "Status", "Samenvatting", "Doelgroepen", "Bron"]


def xlsx(headers, rows, title="Woonvormen"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def rewrite_zip(data, change):
    """The zip file with every entry passed through change(name, content) -> content (None: left out)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = change(entry.filename, source.read(entry.filename))
            if content is not None:
                target.writestr(entry.filename, content)
    return out.getvalue()


def with_sheet_xml(data, change):
    """An xlsx file with its first sheet's XML changed."""
    return rewrite_zip(
        data, lambda name, content: change(content) if name == "xl/worksheets/sheet1.xml" else content
    )


def stale_dimension(headers, rows, claimed="A1:B2"):
    """An xlsx file whose <dimension> claims fewer rows than it holds, as some programs write it."""
    return with_sheet_xml(xlsx(headers, rows), lambda xml: claim_dimension(xml, claimed))


def claim_dimension(xml, claimed):
    start = xml.index(b"<dimension ref=")
    end = xml.index(b"/>", start)
    return xml[:start] + b'<dimension ref="' + claimed.encode() + b'"' + xml[end:]


def ods(table_xml, name="Woonvormen"):
    """An ods file with one table, written by hand so a test can say exactly what it holds."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content {ODS_NAMESPACES} office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="{name}">{table_xml}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
        archive.writestr("content.xml", content)
    return out.getvalue()


def ods_cell(text, repeat=None):
    repeated = f' table:number-columns-repeated="{repeat}"' if repeat else ""
    return (
        f'<table:table-cell office:value-type="string"{repeated}><text:p>{text}</text:p></table:table-cell>'
    )


def ods_row(cells, repeat=None):
    repeated = f' table:number-rows-repeated="{repeat}"' if repeat else ""
    return f"<table:table-row{repeated}>{''.join(cells)}</table:table-row>"


ODS_HEADER = ods_row([ods_cell(header) for header in HEADERS[:2]])


# Hostile files ---------------------------------------------------------------------------------------------


def dimension_bomb():
    """5 KB: a <dimension> of A1:XFD1048576 and one cell in the sheet's last row."""
    return with_sheet_xml(
        xlsx(HEADERS[:2], [["kamers", "Kamers"]]),
        lambda xml: xml.replace(b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>').replace(
            b"</sheetData>",
            b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        ),
    )


def mimetype_bomb(megabytes=300):
    """300 KB: a zip with a 300 MB "mimetype" entry and no [Content_Types].xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("mimetype", "w") as entry:
        entry.write(b"application/vnd.oasis.opendocument.spreadsheet")
        block = b" " * 1_000_000
        for _megabyte in range(megabytes):
            entry.write(block)
    return out.getvalue()


def compression_bomb():
    """An otherwise ordinary xlsx with a part that unpacks to 20 MB of nothing."""
    data = xlsx(HEADERS[:2], [["kamers", "Kamers"]])
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/vulling.xml", b"<a>" + b" " * 20_000_000 + b"</a>")
    return out.getvalue()


def column_repeat_bomb():
    """834 bytes in the issue: one cell repeated 50,000,000 columns."""
    return ods(ODS_HEADER + ods_row([ods_cell("kamers"), ods_cell("x", repeat=50_000_000)]))


def row_repeat_bomb():
    """A one-row ods whose row is repeated 1,000,000 times."""
    return ods(ODS_HEADER + ods_row([ods_cell("kamers"), ods_cell("Kamers")], repeat=1_000_000))


def space_bomb():
    """One cell whose text is a space repeated 100,000,000 times (<text:s text:c=…/>)."""
    cell = (
        '<table:table-cell office:value-type="string">'
        '<text:p>a<text:s text:c="100000000"/>b</text:p></table:table-cell>'
    )
    return ods(ODS_HEADER + ods_row([ods_cell("kamers"), cell]))


def entity_bomb():
    """The "billion laughs": XML entities that expand to gigabytes."""
    entities = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9)
    )
    content = (
        f'<?xml version="1.0"?><!DOCTYPE d [{entities}]><office:document-content {ODS_NAMESPACES}>'
        '<office:body><office:spreadsheet><table:table table:name="Woonvormen"><table:table-row>'
        "<table:table-cell><text:p>&j;</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return out.getvalue()


def empty_rows_bomb():
    """A header, then 100,000 stored empty rows with formatting, then a value."""
    rows = b"".join(
        b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/></row>' % (n, n) for n in range(2, 100_002)
    )
    return with_sheet_xml(
        xlsx(HEADERS[:2], []),
        lambda xml: xml.replace(b"</row></sheetData>", b"</row>" + rows + b"</sheetData>"),
    )


def too_many_rows_csv():
    return ("Slug;Naam\r\n" + "".join(f"item-{n};Item {n}\r\n" for n in range(20_001))).encode()


def too_wide_csv():
    return ("Slug;Naam\r\nkamers;Kamers" + ";" * 99 + "x\r\n").encode()


def long_text_csv():
    return ("Slug;Naam\r\nkamers;" + "x" * 40_000 + "\r\n").encode()


def too_many_cells_csv():
    """15,000 rows of 70 cells: within the row and column limits, past the one on cells."""
    return ("\r\n".join(";".join(["x"] * 70) for _row in range(15_000))).encode()


def password_protected():
    """What Excel saves with a password: an OLE container holding an "EncryptedPackage"."""
    return (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\x00" * 512
        + "EncryptedPackage".encode("utf-16-le")
        + b"\x00" * 64
    )


HOSTILE = {
    "a claimed dimension of A1:XFD1048576": (
        dimension_bomb,
        "In blad “Woonvormen”: er staan gegevens in rij 1.048.576; "
        "de grens is 20.000 rijen met gegevens per blad.",
    ),
    "a zip whose mimetype unpacks to 300 MB": (
        mimetype_bomb,
        "Het bestand is uitgepakt 301 MB; de grens is 50 MB.",
    ),
    "a part that unpacks to 1,000 times its size": (
        compression_bomb,
        "Het onderdeel “xl/vulling.xml” van het bestand is",
    ),
    "one ods cell repeated 50,000,000 columns": (
        column_repeat_bomb,
        "In blad “Woonvormen”: rij 2 heeft een waarde in kolom 50.000.001; de grens is 100 kolommen.",
    ),
    "one ods row repeated 1,000,000 times": (
        row_repeat_bomb,
        "In blad “Woonvormen”: er staan gegevens in rij 1.000.001; "
        "de grens is 20.000 rijen met gegevens per blad.",
    ),
    "a space repeated 100,000,000 times in one cell": (
        space_bomb,
        "In blad “Woonvormen”: de cel in rij 2, kolom 2 heeft meer dan 32.767 tekens; "
        "de grens is 32.767 tekens per cel.",
    ),
    "XML entities that expand to gigabytes": (
        entity_bomb,
        "Dit bestand kan niet als ods worden gelezen; het is beschadigd of geen spreadsheet.",
    ),
    "100,000 stored empty rows": (
        empty_rows_bomb,
        "In blad “Woonvormen”: na rij 1 volgen meer dan 10.000 lege rijen; de grens is 10.000.",
    ),
    "20,001 rows": (
        too_many_rows_csv,
        "Er staan gegevens in rij 20.002; de grens is 20.000 rijen met gegevens per blad.",
    ),
    "a value in column 101": (too_wide_csv, "Rij 2 heeft een waarde in kolom 101; de grens is 100 kolommen."),
    "40,000 characters in a cell": (
        long_text_csv,
        "De cel in rij 2, kolom 2 heeft 40.000 tekens; de grens is 32.767 tekens per cel.",
    ),
    "1,050,000 cells": (
        too_many_cells_csv,
        "Het bestand heeft bij rij 14.286 al meer dan 1.000.000 cellen (lege cellen met opmaak tellen mee)",
    ),
    "a file with a password": (
        password_protected,
        "Dit bestand is met een wachtwoord beveiligd. Sla het op zonder wachtwoord en probeer het opnieuw.",
    ),
}
