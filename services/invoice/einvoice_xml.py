"""Safe parsing of e-invoice XML and recognition of its syntax and profile.

E-invoices arrive from strangers, so the parser never loads DTDs, never
substitutes entities, never touches the network and keeps libxml2's size
limits (no `huge_tree`). A document that declares a DTD at all is refused:
EN 16931 syntaxes are defined by XML Schema, a DOCTYPE has no business in them
and is the vehicle of XXE and entity-expansion attacks.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from lxml import etree

# Largest XML we read. Real e-invoices are kilobytes; the biggest with many
# lines stay well below a few megabytes.
MAX_XML_BYTES = 20 * 1024 * 1024

NS_CII = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
NS_CII_RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
NS_CII_UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
NS_ZF1 = "urn:ferd:CrossIndustryDocument:invoice:1p0"
NS_ZF1_RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12"
NS_ZF1_UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15"
NS_UBL_INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
NS_UBL_CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
NS_UBL_CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
NS_UBL_CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"


class EInvoiceError(ValueError):
    """The XML cannot be read as an e-invoice; the message says why."""


class NotAnInvoice(EInvoiceError):
    """Well-formed XML of another kind (its root is no CII or UBL invoice)."""


class Flavor(enum.Enum):
    """The root element families we read."""

    CII = "CII"  # UN/CEFACT CrossIndustryInvoice D16B (ZUGFeRD 2.x, Factur-X, XRechnung CII)
    ZUGFERD_1 = "ZUGFeRD 1.0"  # CrossIndustryDocument (ZUGFeRD 1.0, CII D13B based)
    UBL_INVOICE = "UBL Invoice"
    UBL_CREDIT_NOTE = "UBL CreditNote"

    @property
    def syntax(self) -> str:
        """The contract's syntax name: "CII" or "UBL"."""
        return "UBL" if self in (Flavor.UBL_INVOICE, Flavor.UBL_CREDIT_NOTE) else "CII"


_ROOTS = {
    etree.QName(NS_CII, "CrossIndustryInvoice").text: Flavor.CII,
    etree.QName(NS_ZF1, "CrossIndustryDocument").text: Flavor.ZUGFERD_1,
    etree.QName(NS_UBL_INVOICE, "Invoice").text: Flavor.UBL_INVOICE,
    etree.QName(NS_UBL_CREDIT_NOTE, "CreditNote").text: Flavor.UBL_CREDIT_NOTE,
}


@dataclass(frozen=True)
class ParsedXml:
    """A safely parsed e-invoice document."""

    root: etree._Element
    flavor: Flavor
    text: str  # the XML as a string (decoded with its declared encoding)
    notes: tuple[str, ...] = ()  # what was done to read it (a person should know)


def _parser(encoding: str | None = None) -> etree.XMLParser:
    # A parser per call: lxml parsers are not meant to be shared between threads.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        encoding=encoding,
    )


def parse_xml(xml: bytes | str) -> ParsedXml:
    """Parse `xml` safely and recognise its root; EInvoiceError when it is no e-invoice."""
    if isinstance(xml, str):
        data = xml.encode("utf-8")
        parser = _parser("utf-8")  # overrides a declared encoding: the str is already decoded
    else:
        data = bytes(xml)
        parser = _parser()
    data = _trim(data)
    if not data.strip():
        raise EInvoiceError("the XML is empty")
    if len(data) > MAX_XML_BYTES:
        raise EInvoiceError(f"the XML has {len(data):,} bytes, more than the {MAX_XML_BYTES:,} we accept")
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        if isinstance(xml, bytes | bytearray) and _MISENCODED.search(str(exc)) and _declares_utf8(data):
            # Older programs declared (or implied) UTF-8 and wrote Windows-1252: read it as that.
            parsed = parse_xml(data.decode("cp1252", errors="replace"))
            note = "the XML is declared UTF-8 but written in Windows-1252 (ISO-8859-1); read as Windows-1252"
            return ParsedXml(parsed.root, parsed.flavor, parsed.text, (note,))
        raise EInvoiceError(f"the XML is not well-formed: {exc}") from None
    if root is None:
        raise EInvoiceError("the XML has no root element")
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise EInvoiceError(
            "the XML declares a DTD (<!DOCTYPE ...>); e-invoices never do, and DTDs with entities "
            "are refused as a safety measure"
        )
    flavor = _ROOTS.get(root.tag)
    if flavor is None:
        qname = etree.QName(root)
        raise NotAnInvoice(
            f"the XML is not an e-invoice: its root element is <{qname.localname}> in namespace "
            f"{qname.namespace or '(none)'!r}, expected a CII CrossIndustryInvoice, a ZUGFeRD 1.0 "
            "CrossIndustryDocument or a UBL Invoice/CreditNote"
        )
    if isinstance(xml, str):
        text = xml
    else:
        text = _decode(data, tree.docinfo.encoding)
    return ParsedXml(root=root, flavor=flavor, text=text)


_UTF8_BOM = b"\xef\xbb\xbf"
_MISENCODED = re.compile(r"Invalid bytes in character encoding|not proper UTF-8", re.IGNORECASE)
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._\-]+)")


def _declares_utf8(data: bytes) -> bool:
    """Whether the XML declares UTF-8 or no encoding (which means UTF-8)."""
    m = _DECLARED_ENCODING.match(data.removeprefix(_UTF8_BOM))
    return m is None or m.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8")


def _trim(data: bytes) -> bytes:
    """Whitespace and NUL padding around the document removed (older writers leave both), BOM kept.

    Not for UTF-16/32 documents, whose characters contain NUL bytes.
    """
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or data[:4] == b"\x00\x00\xfe\xff":
        return data
    bom = _UTF8_BOM if data.startswith(_UTF8_BOM) else b""
    return bom + data[len(bom) :].strip(b" \t\r\n\x00")


def _decode(data: bytes, encoding: str | None) -> str:
    name = (encoding or "utf-8").lower()
    if name in ("utf-8", "utf8"):
        name = "utf-8-sig"  # drops a byte order mark
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError) as exc:
        # libxml2 accepted the bytes, so this is an encoding Python names differently.
        raise EInvoiceError(f"the XML's encoding {encoding!r} cannot be decoded: {exc}") from None


# ---------------------------------------------------------------- profiles

_XRECHNUNG_VERSION = re.compile(r"xrechnung_(\d+(?:\.\d+)*)")
_LEVELS = {
    "minimum": "MINIMUM",
    "basicwl": "BASIC WL",
    "basic": "BASIC",
    "en16931": "EN16931",
    "extended": "EXTENDED",
    "comfort": "COMFORT",
    "xrechnung": "XRECHNUNG",
}
EN16931 = "urn:cen.eu:en16931:2017"


def profile_name(guideline: str, flavor: Flavor) -> str:
    """A person's name for the profile the guideline id (BT-24) names.

    e.g. "ZUGFeRD 2.x / Factur-X EN16931", "ZUGFeRD 1.0 COMFORT", "XRechnung 3.0 (UBL)".
    """
    gid = guideline.strip()
    low = gid.lower()
    syntax = flavor.syntax
    if flavor is Flavor.ZUGFERD_1:
        level = low.rsplit(":", 1)[-1] if low.startswith("urn:ferd:crossindustrydocument:invoice:1p0") else ""
        return f"ZUGFeRD 1.0 {_LEVELS.get(level, level.upper())}".rstrip() if level else "ZUGFeRD 1.0"
    if "xrechnung" in low:
        match = _XRECHNUNG_VERSION.search(low)
        version = f" {match.group(1)}" if match else ""
        extension = " Extension" if ":extension:" in low else ""
        return f"XRechnung{version}{extension} ({syntax})"
    if "peppol.eu" in low:
        return f"Peppol BIS Billing 3.0 ({syntax})"
    if "factur-x.eu" in low or "zugferd.de" in low:
        level = low.rsplit(":", 1)[-1]
        return f"ZUGFeRD 2.x / Factur-X {_LEVELS.get(level, level.upper())}"
    if low == EN16931:
        # In CII that is the Factur-X / ZUGFeRD 2.x EN16931 (COMFORT) profile.
        return "ZUGFeRD 2.x / Factur-X EN16931" if syntax == "CII" else "EN16931 (UBL)"
    if not gid:
        return f"{syntax} (no guideline id)"
    return f"{syntax} ({gid})"
