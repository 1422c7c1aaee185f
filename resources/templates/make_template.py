"""Write resources/templates/compte-rendu.docx, the reference template of the exporter.

Run once after changing a style here: ``python resources/templates/make_template.py``.
The package is written by hand rather than derived from python-docx's default
template, so it holds only what the exporter uses (the default one carries 400 KB
of table styles that every export would parse) and its bytes are reproducible.

Organisations may restyle the generated file in Word instead: the exporter looks
styles up by name, so any style below may be changed as long as its name stays.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

OUTPUT = Path(__file__).with_name("compte-rendu.docx")
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
# A fixed date keeps the file byte-identical between runs.
ZIP_DATE = (2024, 1, 1, 0, 0, 0)

ACCENT = "1F4E79"
FONT = "Arial"
# A4, 2.5 cm margins: 16 cm of text width.
PAGE = '<w:pgSz w:w="11906" w:h="16838"/>'
MARGINS = (
    '<w:pgMar w:top="1418" w:right="1418" w:bottom="1418" w:left="1418" '
    'w:header="709" w:footer="567" w:gutter="0"/>'
)

OFFICE = "application/vnd.openxmlformats-officedocument."
OVERRIDES = {
    "/word/document.xml": OFFICE + "wordprocessingml.document.main+xml",
    "/word/styles.xml": OFFICE + "wordprocessingml.styles+xml",
    "/word/numbering.xml": OFFICE + "wordprocessingml.numbering+xml",
    "/word/settings.xml": OFFICE + "wordprocessingml.settings+xml",
    "/word/footer1.xml": OFFICE + "wordprocessingml.footer+xml",
    "/docProps/core.xml": "application/vnd.openxmlformats-package.core-properties+xml",
    "/docProps/app.xml": OFFICE + "extended-properties+xml",
}
CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Default Extension="jpeg" ContentType="image/jpeg"/>'
    + "".join(f'<Override PartName="{name}" ContentType="{kind}"/>' for name, kind in OVERRIDES.items())
    + "</Types>"
)

REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _relationships(targets: list[tuple[str, str]]) -> str:
    rels = "".join(
        f'<Relationship Id="rId{n}" Type="{kind}" Target="{target}"/>'
        for n, (kind, target) in enumerate(targets, start=1)
    )
    return f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>'


PACKAGE_RELS = _relationships(
    [
        (REL + "officeDocument", "word/document.xml"),
        (
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        (REL + "extended-properties", "docProps/app.xml"),
    ]
)
# The footer must stay rId4: document.xml's footerReference names it.
DOCUMENT_RELS = _relationships(
    [
        (REL + "styles", "styles.xml"),
        (REL + "numbering", "numbering.xml"),
        (REL + "settings", "settings.xml"),
        (REL + "footer", "footer1.xml"),
    ]
)

CORE = """<cp:coreProperties \
xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>Compte-rendu</dc:title>
<dc:creator>Minutier</dc:creator>
<dc:language>fr-FR</dc:language>
<dcterms:created xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:created>
<dcterms:modified xsi:type="dcterms:W3CDTF">2024-01-01T00:00:00Z</dcterms:modified>
</cp:coreProperties>"""

APP = """<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">
<Application>Minutier</Application>
</Properties>"""

# doNotExpandShiftReturn: a line ended by a hard break (Markdown "  \n") is not
# stretched across the width of a justified paragraph.
SETTINGS = f"""<w:settings xmlns:w="{W_NS}">
<w:defaultTabStop w:val="708"/>
<w:hyphenationZone w:val="425"/>
<w:characterSpacingControl w:val="doNotCompress"/>
<w:compat>
<w:doNotExpandShiftReturn/>
<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>
</w:compat>
<w:themeFontLang w:val="fr-FR"/>
<w:decimalSymbol w:val=","/>
<w:listSeparator w:val=";"/>
</w:settings>"""

# The page number is a PAGE field; Word and LibreOffice fill it in when laying out.
FOOTER = f"""<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}">
<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>
<w:r><w:fldChar w:fldCharType="begin"/></w:r>
<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>
<w:r><w:fldChar w:fldCharType="separate"/></w:r>
<w:r><w:t>1</w:t></w:r>
<w:r><w:fldChar w:fldCharType="end"/></w:r>
</w:p>
</w:ftr>"""

DOCUMENT = f"""<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}">
<w:body>
<w:p/>
<w:sectPr>
<w:footerReference w:type="default" r:id="rId4"/>
{PAGE}
{MARGINS}
<w:cols w:space="708"/>
</w:sectPr>
</w:body>
</w:document>"""


def _lvl(ilvl: int, fmt: str, text: str, *, font: str | None = None, indent: int = 360) -> str:
    left = indent * (ilvl + 1)
    rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>' if font else ""
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{left}" w:hanging="{indent}"/></w:pPr>{rpr}</w:lvl>'
    )


BULLETS = ("●", "○", "■") * 3
NUMBER_FORMATS = ("decimal", "lowerLetter", "lowerRoman") * 3


def numbering_xml() -> str:
    # Each level of the numbered list shows only its own counter ("%2."), because the
    # exporter gives every Markdown list its own w:num so numbering restarts per list.
    bullets = "".join(_lvl(i, "bullet", BULLETS[i], font=FONT) for i in range(9))
    numbers = "".join(_lvl(i, NUMBER_FORMATS[i], f"%{i + 1}.") for i in range(9))
    return (
        f'<w:numbering xmlns:w="{W_NS}">'
        f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:name w:val="Minutier Bullets"/>{bullets}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>'
        f'<w:name w:val="Minutier Numbers"/>{numbers}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        "</w:numbering>"
    )


def _style(
    kind: str,
    style_id: str,
    name: str,
    *,
    based_on: str | None = "Normal",
    ppr: str = "",
    rpr: str = "",
    extra: str = "",
    next_style: str | None = None,
    default: bool = False,
) -> str:
    attrs = f'w:type="{kind}" w:styleId="{style_id}"' + (' w:default="1"' if default else "")
    parts = [f'<w:style {attrs}><w:name w:val="{name}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    parts.append("<w:qFormat/>")
    if extra:
        parts.append(extra)
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    parts.append("</w:style>")
    return "".join(parts)


def _heading(level: int, size_pt: float, *, before: int, italic: bool = False) -> str:
    rpr = f'<w:b/>{"<w:i/>" if italic else ""}<w:color w:val="{ACCENT}"/><w:sz w:val="{int(size_pt * 2)}"/>'
    return _style(
        "paragraph",
        f"Heading{level}",
        f"heading {level}",
        next_style="Normal",
        ppr=f'<w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="120"/>'
        f'<w:jc w:val="left"/><w:outlineLvl w:val="{level - 1}"/>',
        rpr=rpr,
    )


def _borders(tag: str, *, inside_v: bool, color: str) -> str:
    sides = ["top", "left", "bottom", "right", "insideH"] + (["insideV"] if inside_v else [])
    inner = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="{color}"/>' for s in sides)
    return f"<w:{tag}>{inner}</w:{tag}>"


def _table_style(style_id: str, name: str, *, inside_v: bool, header_fill: str) -> str:
    # firstRow formatting applies because the exporter writes tblLook firstRow="1".
    tblpr = (
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        + _borders("tblBorders", inside_v=inside_v, color="808080")
        + '<w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
        '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>'
    )
    first_row = (
        '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/></w:tcPr></w:tblStylePr>'
    )
    return (
        f'<w:style w:type="table" w:styleId="{style_id}"><w:name w:val="{name}"/>'
        f'<w:basedOn w:val="TableNormal"/><w:qFormat/>'
        f'<w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="left"/></w:pPr>'
        f"{tblpr}{first_row}</w:style>"
    )


def styles_xml() -> str:
    doc_defaults = (
        "<w:docDefaults><w:rPrDefault><w:rPr>"
        f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
        '<w:sz w:val="21"/><w:szCs w:val="21"/>'
        '<w:lang w:val="fr-FR" w:eastAsia="fr-FR" w:bidi="ar-SA"/>'
        "</w:rPr></w:rPrDefault>"
        # widowControl stated, not left to each program: LibreOffice assumes it on and Word off
        # when it is missing, so the same file broke pages in different places in each.
        "<w:pPrDefault><w:pPr><w:widowControl/>"
        '<w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr>'
        "</w:pPrDefault>"
        "</w:docDefaults>"
    )
    tight = '<w:spacing w:before="0" w:after="0"/>'
    cell = '<w:spacing w:before="0" w:after="40" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>'
    styles = [
        _style("paragraph", "Normal", "Normal", based_on=None, default=True, ppr='<w:jc w:val="both"/>'),
        _style("character", "DefaultParagraphFont", "Default Paragraph Font", based_on=None, default=True),
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>'
        '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
        "</w:tblCellMar></w:tblPr></w:style>",
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/></w:style>',
        # Header block.
        _style("paragraph", "MinutierLogo", "Minutier Logo", ppr=tight + '<w:jc w:val="left"/>'),
        _style(
            "paragraph",
            "MinutierOrganisation",
            "Minutier Organisation",
            ppr='<w:spacing w:before="0" w:after="40"/><w:jc w:val="left"/>',
            rpr=f'<w:b/><w:color w:val="{ACCENT}"/><w:sz w:val="28"/>',
        ),
        _style(
            "paragraph",
            "MinutierHeaderLine",
            "Minutier Header Line",
            ppr=tight + '<w:jc w:val="left"/>',
            rpr=f'<w:color w:val="{ACCENT}"/><w:sz w:val="22"/>',
        ),
        _style(
            "paragraph",
            "Title",
            "Title",
            next_style="Normal",
            ppr='<w:spacing w:before="600" w:after="240"/><w:jc w:val="center"/><w:outlineLvl w:val="9"/>',
            rpr=f'<w:b/><w:color w:val="{ACCENT}"/><w:spacing w:val="20"/><w:sz w:val="40"/>',
        ),
        _style(
            "paragraph",
            "MinutierMeetingTitle",
            "Minutier Meeting Title",
            next_style="MinutierVenue",
            ppr='<w:keepNext/><w:spacing w:before="0" w:after="160"/><w:jc w:val="center"/>',
            rpr='<w:b/><w:sz w:val="26"/>',
        ),
        _style(
            "paragraph",
            "MinutierVenue",
            "Minutier Venue",
            next_style="MinutierDate",
            ppr='<w:keepNext/><w:spacing w:before="0" w:after="60"/><w:jc w:val="center"/>',
        ),
        _style(
            "paragraph",
            "MinutierDate",
            "Minutier Date",
            ppr='<w:spacing w:before="0" w:after="360"/><w:jc w:val="center"/>',
            rpr="<w:i/>",
        ),
        # Headings.
        _heading(1, 15, before=360),
        _heading(2, 13, before=280),
        _heading(3, 11.5, before=240),
        _heading(4, 11, before=200, italic=True),
        _heading(5, 10.5, before=160),
        _heading(6, 10.5, before=160, italic=True),
        _heading(7, 10.5, before=120),
        _heading(8, 10.5, before=120),
        _heading(9, 10.5, before=120),
        # Report body.
        _style(
            "paragraph",
            "MinutierSpeaker",
            "Minutier Speaker",
            next_style="Normal",
            ppr='<w:keepNext/><w:spacing w:before="200" w:after="80"/><w:jc w:val="left"/>',
            rpr="<w:b/>",
        ),
        _style(
            "paragraph",
            "MinutierQuestion",
            "Minutier Question",
            next_style="Normal",
            ppr='<w:keepNext/><w:jc w:val="left"/>',
            rpr="<w:i/>",
        ),
        _style(
            "paragraph",
            "MinutierBullet",
            "Minutier Bullet",
            ppr='<w:numPr><w:numId w:val="1"/></w:numPr><w:spacing w:after="60"/>',
        ),
        _style(
            "paragraph",
            "MinutierNumber",
            "Minutier Number",
            ppr='<w:numPr><w:numId w:val="2"/></w:numPr><w:spacing w:after="60"/>',
        ),
        _style(
            "paragraph",
            "MinutierQuote",
            "Minutier Quote",
            ppr='<w:ind w:left="567" w:right="567"/>',
            rpr='<w:i/><w:color w:val="404040"/>',
        ),
        _style(
            "paragraph",
            "MinutierPhotos",
            "Minutier Photos",
            ppr='<w:spacing w:before="360" w:after="240"/><w:jc w:val="left"/>',
        ),
        # Tables.
        _style("paragraph", "MinutierTableText", "Minutier Table Text", ppr=cell, rpr='<w:sz w:val="19"/>'),
        _style(
            "paragraph",
            "MinutierTableHeading",
            "Minutier Table Heading",
            based_on="MinutierTableText",
            ppr="<w:keepNext/>",
            rpr="<w:b/>",
        ),
        _style(
            "paragraph",
            "MinutierTableBullet",
            "Minutier Table Bullet",
            based_on="MinutierTableText",
            ppr='<w:numPr><w:numId w:val="1"/></w:numPr><w:ind w:left="284" w:hanging="284"/>',
        ),
        _table_style("MinutierProgramme", "Minutier Programme", inside_v=True, header_fill="DCE6F0"),
        _table_style("MinutierParticipants", "Minutier Participants", inside_v=False, header_fill="DCE6F0"),
        # Characters.
        _style(
            "character",
            "MinutierSpeakerName",
            "Minutier Speaker Name",
            based_on="DefaultParagraphFont",
            rpr="<w:b/>",
        ),
        _style(
            "character",
            "Hyperlink",
            "Hyperlink",
            based_on="DefaultParagraphFont",
            rpr='<w:color w:val="0563C1"/><w:u w:val="single"/>',
        ),
        _style(
            "paragraph",
            "Footer",
            "footer",
            ppr='<w:jc w:val="center"/>' + tight,
            rpr='<w:color w:val="595959"/><w:sz w:val="18"/>',
        ),
    ]
    return f'<w:styles xmlns:w="{W_NS}">{doc_defaults}{"".join(styles)}</w:styles>'


def parts() -> dict[str, str]:
    return {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "docProps/core.xml": CORE,
        "docProps/app.xml": APP,
        "word/document.xml": DOCUMENT,
        "word/_rels/document.xml.rels": DOCUMENT_RELS,
        "word/styles.xml": styles_xml(),
        "word/numbering.xml": numbering_xml(),
        "word/settings.xml": SETTINGS,
        "word/footer1.xml": FOOTER,
    }


def write(path: Path = OUTPUT) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts().items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, (HEADER + xml).encode("utf-8"))


if __name__ == "__main__":
    write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
    print(f"wrote {OUTPUT if len(sys.argv) < 2 else sys.argv[1]}")
