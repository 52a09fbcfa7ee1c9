"""PDF/A-2b (ISO 19005-2, level B) for the searchable PDF, where its pages allow it.

A PDF we build from an image, or from a scan's pages, can be an archive copy: it needs an output
intent (the sRGB profile its device colours are meant in), XMP metadata naming the part and level
(with the document information's dates and tools beside it), and nothing PDF/A forbids. Pages
copied from a delivered PDF may hold what PDF/A forbids (a font that is not embedded, CMYK colour
without a CMYK intent, JavaScript, LZW streams, form fields...); such a PDF is not declared PDF/A.
Nothing is converted or redrawn: the pages stay what was delivered, and a claim is never made
that the document does not keep. `pdfa_obstacles` names what stands in the way.

Fonts are where office PDFs fail PDF/A most (glyph widths, encodings, cmaps), and only embedding
can be checked here: the fonts of a delivered PDF are trusted only when that PDF declares PDF/A
itself. Our own invisible words use MuPDF's embedded Helvetica (render mode 3: exempt from the
glyph rules); CID TrueType fallbacks (CJK, emoji) get the `CIDToGIDMap` PDF/A asks for.

Not done: validation against the whole standard (veraPDF, the reference validator, is not
available here).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache

import pymupdf
from lxml import etree
from PIL import ImageCms

PDFA_PART, PDFA_CONFORMANCE = "2", "B"
OUTPUT_CONDITION = "sRGB IEC61966-2.1"
PRODUCER, CREATOR = "ocrmesh", "ocrmesh searchable PDF"

_NS = {
    "x": "adobe:ns:meta/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
}
# Actions PDF/A-2 forbids (6.6.1); JavaScript also as a /JS entry of any dictionary.
_FORBIDDEN_ACTIONS = frozenset(
    {
        "/Launch",
        "/Sound",
        "/Movie",
        "/ResetForm",
        "/ImportData",
        "/Hide",
        "/SetOCGState",
        "/Rendition",
        "/Trans",
        "/GoTo3DView",
        "/JavaScript",
    }
)
_EMBEDDING_FONTS = frozenset({"/Type1", "/MMType1", "/TrueType", "/CIDFontType0", "/CIDFontType2"})
_ANNOTATIONS = frozenset(
    {"/Text", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon", "/PolyLine", "/Highlight", "/Underline",
     "/Squiggly", "/StrikeOut", "/Stamp", "/Caret", "/Ink", "/Popup", "/FileAttachment", "/Sound", "/Movie",
     "/Widget", "/Screen", "/PrinterMark", "/TrapNet", "/Watermark", "/3D", "/Redact", "/RichMedia"}
)  # fmt: skip
_PRINT_FLAG = 4
# A CMYK colour set in a content stream: four numbers and `k` (fill) or `K` (stroke), the colour space named,
# or an inline image's abbreviated CMYK colour space.
_CMYK_OPERATOR = re.compile(
    rb"(?:[-+]?(?:\d+\.?\d*|\.\d+)\s+){4}[kK](?![A-Za-z0-9*'\"])|/DeviceCMYK\b|/CS\s*/CMYK\b"
)
# An inline image compressed with LZW, or interpolated (abbreviated keys).
_INLINE_FORBIDDEN = re.compile(rb"/(?:F|Filter)\s*(?:\[\s*)?/(?:LZW|LZWDecode)\b|/I\s+true\b")
# An ICC profile's alternate is ignored by PDF/A-2 (6.2.4.2): a CMYK one is no CMYK colour.
_ICC_ALTERNATE = re.compile(r"/Alternate\s*/DeviceCMYK")
_DECLARED_PDFA = re.compile(r"pdfaid:part\s*(?:>|=\s*[\"'])\s*[123]\b")


def declares_pdfa(doc: pymupdf.Document) -> bool:
    """Whether `doc` says it is PDF/A (any part): its XMP holds a `pdfaid:part`."""
    return bool(_DECLARED_PDFA.search(doc.get_xml_metadata() or ""))


def pdfa_obstacles(doc: pymupdf.Document, *, fonts_trusted: bool = False) -> list[str]:
    """What in `doc` keeps it from being PDF/A-2b with an sRGB output intent (empty: nothing found).

    `fonts_trusted`: the pages come from a PDF that declares PDF/A (`declares_pdfa`); otherwise any
    font in them is an obstacle, since only its embedding could be checked here. Link annotations are
    made printable on the way (PDF/A wants every annotation printed); every other kind of annotation
    counts as an obstacle, since its appearance cannot be vouched for here.
    """
    if doc.is_encrypted or doc.needs_pass:
        return ["encrypted"]
    found: set[str] = set()
    for xref in range(1, doc.xref_length()):
        found.update(_object_obstacles(doc, xref, fonts_trusted))
    for page in doc:
        for xref in page.get_contents():
            found.update(_drawing_obstacles(doc, xref))
    return sorted(found)


def _object_obstacles(doc: pymupdf.Document, xref: int, fonts_trusted: bool) -> list[str]:
    keys = set(doc.xref_get_keys(xref))
    if not keys:
        return []

    def value(key: str) -> str:
        return doc.xref_get_key(xref, key)[1] if key in keys else ""

    found = []
    kind, subtype = value("Type"), value("Subtype")
    if "JS" in keys or value("S") in _FORBIDDEN_ACTIONS:
        found.append("an action PDF/A forbids (JavaScript, launch, sound, movie...)")
    if "AA" in keys:
        found.append("additional actions")
    if value("Interpolate") == "true":
        found.append("image interpolation")
    if "LZWDecode" in value("Filter") or "Crypt" in value("Filter"):
        found.append("an LZW- or crypt-filtered stream")
    if kind == "/EmbeddedFile" or "EF" in keys:
        found.append("an embedded file")
    if subtype == "/PS" or "OPI" in keys or "Alternates" in keys or ("PS" in keys and subtype == "/Form"):
        found.append("PostScript, OPI or alternate images")
    if "TR" in keys or value("TR2") not in ("", "/Default"):
        found.append("a transfer function")
    if "OutputIntents" in keys:
        found.append("an output intent of its own")
    if "/DeviceCMYK" in _ICC_ALTERNATE.sub("", doc.xref_object(xref, compressed=True)):
        found.append("CMYK colour without a CMYK output intent")
    if subtype == "/Form":  # drawn like a page
        found += _drawing_obstacles(doc, xref)
    if kind == "/Font" and subtype in _EMBEDDING_FONTS and not _embedded(doc, value("FontDescriptor")):
        found.append("a font that is not embedded")
    elif kind == "/Font" and not fonts_trusted:
        found.append("fonts of a PDF that does not declare PDF/A")
    if subtype == "/Link" and "Rect" in keys:
        flags = int(given) if (given := value("F")).isdigit() else 0  # a hostile file may give anything
        if not flags & _PRINT_FLAG:
            doc.xref_set_key(xref, "F", str(flags | _PRINT_FLAG))
    elif subtype in _ANNOTATIONS and "Rect" in keys:
        found.append("annotations or form fields")
    return found


def _drawing_obstacles(doc: pymupdf.Document, xref: int) -> list[str]:
    """What a content stream (a page's or a form's) draws that PDF/A forbids."""
    stream = doc.xref_stream(xref) or b""
    found = []
    if _CMYK_OPERATOR.search(stream):
        found.append("CMYK colour without a CMYK output intent")
    if _INLINE_FORBIDDEN.search(stream):
        found.append("an inline image PDF/A forbids (LZW, interpolated)")
    return found


def _embedded(doc: pymupdf.Document, descriptor: str) -> bool:
    match = re.fullmatch(r"(\d+) 0 R", descriptor.strip())
    if match is None:
        return False  # no descriptor: one of the standard 14 fonts, never embedded
    keys = doc.xref_get_keys(int(match.group(1)))
    return any(key in keys for key in ("FontFile", "FontFile2", "FontFile3"))


def declare_pdfa(doc: pymupdf.Document, when: datetime | None = None) -> None:
    """Make `doc` PDF/A-2b: the sRGB output intent, the document information and its XMP twin.

    Call it on a document `pdfa_obstacles` found nothing in."""
    when = (when or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    profile = doc.get_new_xref()
    doc.update_object(profile, "<< /N 3 >>")
    doc.update_stream(profile, _srgb_profile())
    intent = doc.get_new_xref()
    doc.update_object(
        intent,
        f"<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier ({OUTPUT_CONDITION}) "
        f"/Info ({OUTPUT_CONDITION}) /DestOutputProfile {profile} 0 R >>",
    )
    for xref in range(1, doc.xref_length()):  # 6.2.11.3.2: MuPDF's CID TrueType fallbacks (CID = glyph id)
        if doc.xref_get_key(xref, "Subtype")[1] == "/CIDFontType2" and doc.xref_get_key(xref, "CIDToGIDMap")[0] == "null":
            doc.xref_set_key(xref, "CIDToGIDMap", "/Identity")
    catalog = doc.pdf_catalog()
    doc.xref_set_key(catalog, "OutputIntents", f"[{intent} 0 R]")
    doc.xref_set_key(
        catalog, "Info", "null"
    )  # MuPDF's own note on a new document; the trailer holds the real one
    stamp = when.strftime("D:%Y%m%d%H%M%S+00'00'")
    doc.set_metadata(
        {"producer": PRODUCER, "creator": CREATOR, "creationDate": stamp, "modDate": stamp, "title": "", "author": "",
         "subject": "", "keywords": "", "trapped": ""}
    )  # fmt: skip
    doc.set_xml_metadata(xmp_packet(when))


def xmp_packet(when: datetime) -> str:
    """The XMP metadata: PDF/A identification, and the document information's tools and dates beside it."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    root = etree.Element(etree.QName(_NS["x"], "xmpmeta"), nsmap={"x": _NS["x"]})
    rdf = etree.SubElement(root, etree.QName(_NS["rdf"], "RDF"), nsmap={"rdf": _NS["rdf"]})
    nsmap = {prefix: _NS[prefix] for prefix in ("pdfaid", "pdf", "xmp")}
    description = etree.SubElement(rdf, etree.QName(_NS["rdf"], "Description"), nsmap=nsmap)
    description.set(etree.QName(_NS["rdf"], "about"), "")
    for prefix, name, text in (
        ("pdfaid", "part", PDFA_PART),
        ("pdfaid", "conformance", PDFA_CONFORMANCE),
        ("pdf", "Producer", PRODUCER),
        ("xmp", "CreatorTool", CREATOR),
        ("xmp", "CreateDate", stamp),
        ("xmp", "ModifyDate", stamp),
        ("xmp", "MetadataDate", stamp),
    ):
        etree.SubElement(description, etree.QName(_NS[prefix], name)).text = text
    body = etree.tostring(root, encoding="unicode")
    return f'<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n{body}\n<?xpacket end="w"?>'


@cache
def _srgb_profile() -> bytes:
    """An sRGB display profile (ICC version 4: PDF/A-2 takes up to 4), made by LittleCMS through Pillow."""
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
