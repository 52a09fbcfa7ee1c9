"""E-invoices of every generation, embedded or standalone; an XML that cannot be read is a warning."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from router_service.analysis import has_einvoice_attachment
from services.invoice.einvoice import detect_einvoice_xml, lookup_embedded_einvoice
from services.invoice.pipeline import build_invoice
from tests.invoice.synth import field, line, page, values

DATA = Path(__file__).parent / "data"

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&x;</rsm:CrossIndustryInvoice>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0">&lol4;</rsm:CrossIndustryDocument>"""


def standalone(name: str) -> tuple[pb.InvoiceFields, list[str]]:
    einvoice = detect_einvoice_xml((DATA / name).read_bytes())
    assert einvoice is not None, name
    outcome = build_invoice([], einvoice)
    return outcome.fields, outcome.warnings


def test_xrechnung_3_ubl_with_allowances_charges_and_both_tax_registrations() -> None:
    fields, warnings = standalone("xrechnung3_ubl_allowances.xml")
    assert not warnings and fields.einvoice_profile == "XRechnung 3.0 (UBL)"
    assert values(fields) == {
        "rechnungsnummer": "R-3000-17",  # BT-1
        "datum": "2025-06-02",  # BT-2
        "faelligkeit": "2025-07-02",  # BT-9
        "zahlungsbedingungen": "Zahlbar innerhalb 30 Tagen netto.",  # BT-20
        "betrag_netto": "962.50",  # BT-109: lines 1000.00 - allowance 50.00 + charge 12.50
        "mwst": "182.88",  # BT-110
        "betrag_brutto": "1145.38",  # BT-112, not the amount due after the prepayment (BT-115)
        "waehrung": "EUR",
        "lieferant": "Möwe Druck GmbH & Co. KG",  # BT-27 before the trading name BT-28
        "lieferant_adresse": "Deichweg 3, 28195 Bremen, DE",
        "ust_id": "DE136695976",  # BT-31, scheme VAT
        "steuernummer": "60/123/45674",  # BT-32, scheme FC
        "iban": "DE02120300000000202051",  # BT-84
        "kundennummer": "HA-55",
        "dokumentnummer": "R-3000-17",  # every type's own number: an invoice's is its BT-1
        "absender": "Möwe Druck GmbH & Co. KG",  # every type's issuer: an invoice's seller
    }
    assert "bic" not in values(fields)  # not stated, and a standalone XML has no page that prints one
    assert all(c.passed for c in fields.checks)


def test_xrechnung_3_cii_credit_note_amounts_as_stated() -> None:
    fields, warnings = standalone("xrechnung3_cii_creditnote.xml")
    assert not warnings and fields.einvoice_profile == "XRechnung 3.0 (CII)"
    got = values(fields)
    assert (got["betrag_netto"], got["mwst"], got["betrag_brutto"]) == ("190.00", "36.10", "226.10")
    assert got["steuernummer"] == "231/456/78901" and "ust_id" not in got  # FC only: no VAT id invented
    assert (got["iban"], got["bic"]) == ("DE89370400440532013000", "COBADEFFXXX")  # BT-84, BT-86
    checks = {c.name: c for c in fields.checks}
    assert checks["document_type"].passed and "381" in checks["document_type"].message


def test_zugferd_1_basic_in_iso_8859_1_keeps_its_umlauts() -> None:
    raw = (DATA / "zugferd1_basic_latin1.xml").read_bytes()
    assert "Bäckerei".encode("iso-8859-1") in raw
    fields, warnings = standalone("zugferd1_basic_latin1.xml")
    assert not warnings and fields.einvoice_profile == "ZUGFeRD 1.0 BASIC"
    got = values(fields)
    assert got["lieferant"] == "Bäckerei Müßiggang"
    assert got["lieferant_adresse"] == "Grüne Gasse 1, 80331 München, DE"
    assert (got["rechnungsnummer"], got["datum"], got["betrag_brutto"]) == (
        "2014-0815",
        "2014-03-28",
        "214.00",
    )
    assert (got["ust_id"], got["iban"]) == ("DE136695976", "DE89370400440532013000")


def test_zugferd_1_extended() -> None:
    fields, warnings = standalone("zugferd1_extended.xml")
    assert not warnings and fields.einvoice_profile == "ZUGFeRD 1.0 EXTENDED"
    got = values(fields)
    assert (got["betrag_netto"], got["mwst"], got["betrag_brutto"]) == ("1100.00", "197.00", "1297.00")
    assert (got["ust_id"], got["steuernummer"]) == ("DE129273398", "201/113/40209")
    assert (got["iban"], got["bic"]) == ("DE75512108001245126199", "SOGEDEFFXXX")  # the first payment means
    assert [(t.rate, t.amount) for t in fields.tax] == [("19.00", "190.00"), ("7.00", "7.00")]


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="utf-8 BOM"),
        pytest.param(lambda b: b"\r\n  " + b + b"\n\x00\x00\x00", id="whitespace before, NUL padding after"),
        pytest.param(
            lambda b: b.replace(b"UnqualifiedDataType:15", b"UnqualifiedDataType:16").replace(
                b"BusinessInformationEntity:12", b"BusinessInformationEntity:13"
            ),
            id="other UN/CEFACT library versions",
        ),
    ],
)
def test_zugferd_1_as_older_programs_wrote_it(variant) -> None:
    content = variant((DATA / "zugferd1_extended.xml").read_bytes())
    einvoice = detect_einvoice_xml(content)
    assert einvoice is not None
    outcome = build_invoice([], einvoice)
    assert not outcome.warnings
    got = values(outcome.fields)
    assert (got["rechnungsnummer"], got["datum"], got["betrag_brutto"]) == (
        "EXT-2017-0042",
        "2017-02-15",
        "1297.00",
    )


# ---------------------------------------------------------------- embedded in a PDF


def printed_page() -> pb.PageResult:
    return page(
        line("Elbtal Werkzeug GmbH · Elbufer 5 · 01067 Dresden", 0.08, 0.05),
        line("Rechnung Nr. EXT-2017-0042", 0.55, 0.15),
        line("Datum: 15.02.2017", 0.55, 0.17),
        line("Nettobetrag 1.100,00", 0.55, 0.60),
        line("MwSt. 197,00", 0.55, 0.62),
        line("Gesamtbetrag 1.297,00", 0.55, 0.64),
        line("IBAN: DE75 5121 0800 1245 1261 99", 0.08, 0.92),
    )


def pdf_with(attachment: bytes, name: str = "ZUGFeRD-invoice.xml") -> pymupdf.Document:
    """A one-page PDF with the attachment in its embedded files only (no /AF relationship)."""
    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "Rechnung EXT-2017-0042")
    doc.embfile_add(name, attachment, filename=name)
    return pymupdf.open("pdf", doc.tobytes())


@pytest.mark.parametrize(
    "name", ["ZUGFeRD-invoice.xml", "zugferd-invoice.xml", "invoice.xml", "ZUGFeRD-invoice"]
)
def test_embedded_zugferd_1_found_under_the_names_older_programs_gave_it(name: str) -> None:
    with pdf_with((DATA / "zugferd1_extended.xml").read_bytes(), name) as pdf:
        found = lookup_embedded_einvoice(pdf)
        assert has_einvoice_attachment(pdf)  # the router knows to look for it when OCR reads the pages
    assert found.einvoice is not None and not found.warnings
    assert found.einvoice.filename == name
    assert (
        values(build_invoice([printed_page()], found.einvoice).fields)["rechnungsnummer"] == "EXT-2017-0042"
    )


@pytest.mark.parametrize(
    "content",
    [
        pytest.param((DATA / "zugferd1_extended.xml").read_bytes()[:2000], id="truncated"),
        pytest.param(XXE, id="external entity"),
        pytest.param(LAUGHS, id="billion laughs"),
    ],
)
def test_broken_embedded_xml_is_a_warning_and_the_fields_come_from_the_page(content: bytes) -> None:
    with pdf_with(content) as pdf:
        found = lookup_embedded_einvoice(pdf)
    assert found.einvoice is None
    (warning,) = found.warnings
    assert "ZUGFeRD-invoice.xml" in warning and "fields taken from the page" in warning
    assert "root:" not in warning and "lollol" not in warning  # no entity was expanded
    fields = build_invoice([printed_page()], found.einvoice).fields
    assert values(fields)["betrag_brutto"] == "1297.00"
    assert field(fields, "rechnungsnummer").source == pb.FIELD_SOURCE_TEXT


def test_unrelated_xml_attachment_gives_no_warning() -> None:
    with pdf_with(b"<?xml version='1.0'?><catalog><item/></catalog>", "parts-list.xml") as pdf:
        found = lookup_embedded_einvoice(pdf)
    assert found.einvoice is None and found.warnings == []


def test_xml_that_parses_but_states_no_invoice_is_a_warning_not_an_empty_result() -> None:
    # A ZUGFeRD 1.0 root whose content is in elements we do not know: read as nothing.
    xml = (
        '<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0">'
        "<rsm:Other>ZF-1</rsm:Other></rsm:CrossIndustryDocument>"
    )
    outcome = build_invoice(
        [printed_page()], pb.EInvoice(filename="ZUGFeRD-invoice.xml", syntax="CII", xml=xml)
    )
    (warning,) = outcome.warnings
    assert "ZUGFeRD-invoice.xml" in warning and "rechnungsnummer" in warning
    assert values(outcome.fields)["rechnungsnummer"] == "EXT-2017-0042"
    assert field(outcome.fields, "rechnungsnummer").source == pb.FIELD_SOURCE_TEXT


def test_xml_is_the_record_and_the_page_fills_what_it_does_not_state() -> None:
    einvoice = detect_einvoice_xml((DATA / "zugferd1_basic_latin1.xml").read_bytes())
    assert einvoice is not None
    printed = page(
        line("Bäckerei Müßiggang · Grüne Gasse 1 · 80331 München", 0.08, 0.05),
        line("Rechnung Nr. 2014-0815", 0.55, 0.15),
        line("Datum: 28.03.2014", 0.55, 0.17),
        line("Gesamtbetrag 214,00", 0.55, 0.64),
        line("IBAN: DE89 3704 0044 0532 0130 00", 0.08, 0.92),
    )
    outcome = build_invoice([printed], einvoice)
    assert not outcome.warnings
    fields = outcome.fields
    assert field(fields, "betrag_brutto").source == pb.FIELD_SOURCE_EINVOICE_XML
    assert {c.name: c.passed for c in fields.checks}["xml_vs_text:rechnungsnummer"]
    bic = field(fields, "bic")  # BASIC states none: the page's IBAN gives the registered one
    assert bic.value == "COBADEFFXXX" and bic.source == pb.FIELD_SOURCE_COMPUTED
    assert any("not stated in the e-invoice XML" in issue for issue in bic.issues)


def test_xsd_dates_with_time_zone_and_no_steuernummer_but_in_the_legal_information() -> None:
    """As the XRechnung test suite writes them: "2016-04-04+01:00", "8870" without decimals, and a
    Steuernummer only in the seller's legal information (BT-33): the invoice states no tax number
    (BT-32), and none is made of free text."""
    xml = (DATA / "xrechnung3_ubl_allowances.xml").read_text(encoding="utf-8")
    xml = xml.replace(
        "<cbc:IssueDate>2025-06-02</cbc:IssueDate>", "<cbc:IssueDate>2025-06-02+01:00</cbc:IssueDate>"
    )
    xml = xml.replace("<cbc:DueDate>2025-07-02</cbc:DueDate>", "<cbc:DueDate>2025-07-02Z</cbc:DueDate>")
    xml = xml.replace(">1145.38</cbc:TaxInclusiveAmount>", ">1145.380</cbc:TaxInclusiveAmount>")
    start = xml.index("<cac:PartyTaxScheme>\n        <cbc:CompanyID>60/123/45674")
    end = xml.index("</cac:PartyTaxScheme>", start) + len("</cac:PartyTaxScheme>")
    xml = xml[:start] + xml[end:]
    xml = xml.replace(
        "</cbc:RegistrationName></cac:PartyLegalEntity><!-- BT-27 -->",
        "</cbc:RegistrationName><cbc:CompanyLegalForm>Steuernr. 60/123/45674, AG Bremen HRA 1</cbc:CompanyLegalForm>"
        "</cac:PartyLegalEntity>",
    )
    fields = build_invoice([], detect_einvoice_xml(xml.encode("utf-8"))).fields
    got = values(fields)
    assert (got["datum"], got["faelligkeit"]) == ("2025-06-02", "2025-07-02")
    assert field(fields, "datum").valid
    assert got["betrag_brutto"] == "1145.38"
    assert "steuernummer" not in got


def _ubl_invoice(**replaced: str) -> pb.InvoiceFields:
    xml = (DATA / "xrechnung_ubl_invoice.xml").read_text(encoding="utf-8")
    for old, new in replaced.items():
        assert old in xml, old
        xml = xml.replace(old, new)
    einvoice = detect_einvoice_xml(xml.encode("utf-8"))
    assert einvoice is not None
    return build_invoice([], einvoice).fields


def test_a_tax_number_stated_as_the_vat_id_is_returned_as_stated_and_flagged() -> None:
    """BT-31 holding "DE/12/345/67890" (a Steuernummer with a country prefix) is no VAT id: returned as
    stated, not compacted into "DE1234567890", an id the invoice never names."""
    fields = _ubl_invoice(**{"DE 811 569 869": "DE/12/345/67890"})
    ust_id = field(fields, "ust_id")
    assert (ust_id.value, ust_id.valid) == ("DE/12/345/67890", False)
    assert fields.needs_review


def test_a_stated_value_failing_its_own_check_flags_the_invoice() -> None:
    """A date that is none ("00000000", as the KoSIT visualisation tests state it) has no check of its own
    beside it: the field says it is invalid and the invoice needs review; `text.structured` leaves it out
    (pydantic alone read it as the Unix epoch, 1970-01-01)."""
    from gateway_rest.convert import structured_fields

    fields = _ubl_invoice(
        **{"<cbc:IssueDate>2025-03-14</cbc:IssueDate>": "<cbc:IssueDate>00000000</cbc:IssueDate>"}
    )
    assert not field(fields, "datum").valid
    assert fields.needs_review
    assert any("datum" in reason for reason in fields.review_reasons)
    assert structured_fields(fields).datum is None


LATIN1_DECLARATION = b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'


@pytest.mark.parametrize(
    "declaration",
    [b'<?xml version="1.0" encoding="UTF-8"?>\n', b""],
    ids=["declared UTF-8", "no declaration"],
)
def test_zugferd_1_written_in_windows_1252_but_declared_utf_8(declaration: bytes) -> None:
    raw = (DATA / "zugferd1_basic_latin1.xml").read_bytes()
    assert raw.startswith(LATIN1_DECLARATION)
    misdeclared = declaration + raw[len(LATIN1_DECLARATION) :]
    einvoice = detect_einvoice_xml(misdeclared)
    assert einvoice is not None
    assert values(build_invoice([], einvoice).fields)["lieferant"] == "Bäckerei Müßiggang"
    with pdf_with(misdeclared) as pdf:
        found = lookup_embedded_einvoice(pdf)
    assert found.einvoice is not None
    (note,) = found.warnings
    assert "Windows-1252" in note and "ZUGFeRD-invoice.xml" in note


def test_standalone_xml_without_an_invoice_number_keeps_what_it_states_with_a_warning() -> None:
    xml = (DATA / "xrechnung3_cii_creditnote.xml").read_text(encoding="utf-8")
    xml = xml.replace("<ram:ID>GS-77</ram:ID><!-- BT-1 -->", "")
    outcome = build_invoice([], detect_einvoice_xml(xml.encode("utf-8")))
    (warning,) = outcome.warnings
    assert "states no rechnungsnummer" in warning
    assert values(outcome.fields)["betrag_brutto"] == "226.10"


def test_the_xrechnung_lines_are_its_positions() -> None:
    fields, _ = standalone("xrechnung3_ubl_allowances.xml")
    assert fields.line_items, "BG-25 lines read"
    assert all(item.amount and item.quantity for item in fields.line_items)


def test_xml_values_are_placed_where_the_page_prints_them_and_nowhere_when_it_differs() -> None:
    """A console draws a box round every field: an XML value gets the box of the printed value it agrees with."""
    einvoice = detect_einvoice_xml((DATA / "zugferd1_basic_latin1.xml").read_bytes())
    assert einvoice is not None
    printed = page(
        line("Rechnung Nr. 2014-0815", 0.55, 0.15),
        line("Datum: 28.03.2014", 0.55, 0.17),
        line("Gesamtbetrag 241,00", 0.55, 0.64),  # not the XML's 214.00: the printed total is somewhere else
    )
    fields = build_invoice([printed], einvoice).fields
    number = field(fields, "rechnungsnummer")
    assert number.source == pb.FIELD_SOURCE_EINVOICE_XML
    assert number.page == 1 and 0.55 <= number.box.x0 < number.box.x1 and 0.14 <= number.box.y0 <= 0.16
    assert field(fields, "datum").HasField("box")
    total = field(fields, "betrag_brutto")
    assert total.value == "214.00" and not total.HasField("box") and total.page == 0


def test_zugferd_1_lines_are_its_positions() -> None:
    """ZUGFeRD 1.0 names a line's parts otherwise (SpecifiedSupplyChainTrade...): read them all the same."""
    fields, _ = standalone("zugferd1_comfort.xml")
    (item,) = fields.line_items
    assert item.description == "Reparatur Hobelmaschine (Arbeitsstunden)"
    assert (item.quantity, item.unit_price, item.amount, item.vat_rate) == ("8", "62.50", "500.00", "19")
    basic, _ = standalone("zugferd1_basic_latin1.xml")  # BASIC states what and how many, no prices
    assert [(i.description, i.quantity, i.unit) for i in basic.line_items] == [("Brötchen", "400", "Stk")]
