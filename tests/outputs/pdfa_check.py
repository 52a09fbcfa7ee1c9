"""What PDF/A-2b asks that a file can be read for, checked independently of `services/outputs/pdfa.py`.

ISO 19005-2 level B: identification in XMP, XMP agreeing with the document information, an sRGB
output intent whose ICC profile PDF/A-2 accepts, fonts embedded, no encryption, a file identifier.
Not a validator: veraPDF, the reference one, is not available on this machine.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

import pymupdf
from lxml import etree
from PIL import ImageCms

PDFAID = "http://www.aiim.org/pdfa/ns/id/"
XMP = "http://ns.adobe.com/xap/1.0/"
PDF = "http://ns.adobe.com/pdf/1.3/"


def pdfa_identification(pdf: bytes) -> tuple[str, str] | None:
    """(part, conformance) from the file's XMP, after checking what level B needs around it; None: no claim."""
    with pymupdf.open(stream=pdf) as doc:
        xml = doc.get_xml_metadata()
        catalog = doc.pdf_catalog()
        if not xml:
            assert doc.xref_get_key(catalog, "OutputIntents")[0] == "null"
            return None
        root = etree.fromstring(re.sub(r"<\?xpacket[^>]*\?>", "", xml).strip().encode())
        part, level = root.findtext(f".//{{{PDFAID}}}part"), root.findtext(f".//{{{PDFAID}}}conformance")
        if part is None:
            return None
        # 6.6.2: the metadata stream is not filtered; 6.6.3: its entries agree with the document information.
        metadata = int(doc.xref_get_key(catalog, "Metadata")[1].split()[0])
        assert doc.xref_get_key(metadata, "Filter")[0] == "null"
        info = doc.metadata
        assert root.findtext(f".//{{{PDF}}}Producer") == info["producer"]
        assert root.findtext(f".//{{{XMP}}}CreatorTool") == info["creator"]
        for key, name in (("creationDate", "CreateDate"), ("modDate", "ModifyDate")):
            stamp = datetime.strptime(info[key].replace("'", ""), "D:%Y%m%d%H%M%S%z")
            assert datetime.fromisoformat(root.findtext(f".//{{{XMP}}}{name}")) == stamp
        # 6.2.3: one PDF/A output intent, its profile an RGB display profile of ICC version 4 or lower.
        kind, intents = doc.xref_get_key(catalog, "OutputIntents")
        assert kind == "array"
        (intent,) = (int(ref) for ref in re.findall(r"(\d+) 0 R", intents))
        assert doc.xref_get_key(intent, "S")[1] == "/GTS_PDFA1"
        profile_xref = int(doc.xref_get_key(intent, "DestOutputProfile")[1].split()[0])
        profile = doc.xref_stream(profile_xref)
        assert doc.xref_get_key(profile_xref, "N")[1] == "3"
        assert profile[8] <= 4 and profile[12:16] == b"mntr" and profile[16:20] == b"RGB "
        assert ImageCms.ImageCmsProfile(io.BytesIO(profile)).profile.xcolor_space == "RGB "
        # 6.2.11.4: fonts embedded; 6.2.11.3.2: a CID TrueType font maps its CIDs to glyphs; 6.1.3: a file
        # identifier, no encryption.
        for number in range(doc.page_count):
            for font in doc.get_page_fonts(number, full=True):
                assert font[1] != "n/a", f"font {font[3]} is not embedded"
        for number in range(doc.page_count):  # 6.2.11.8: no glyph drawn is the font's .notdef (glyph 0)
            for span in doc[number].get_texttrace():
                assert all(char[1] != 0 for char in span["chars"]), f"a .notdef glyph in {span['font']}"
        for xref in range(1, doc.xref_length()):
            if doc.xref_get_key(xref, "Subtype")[1] == "/CIDFontType2":
                assert doc.xref_get_key(xref, "CIDToGIDMap")[0] != "null"
        assert "/ID" in doc.pdf_trailer() and not doc.is_encrypted
        assert pdf.startswith(b"%PDF-1.") and all(b > 127 for b in pdf.split(b"\n")[1][1:5])
        return part, level
