from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.pipeline import build_invoice_fields
from services.invoice.suppliers import SupplierRegistry, upsert_supplier
from tests.invoice.synth import field, line, page, values

CONFIG = Path(__file__).parents[2] / "config" / "suppliers"


def supplier_page(vat: str = "DE998877660") -> pb.PageResult:
    return page(
        line("Beispiel Bürobedarf Musterfirma GmbH · Am Markt 1 · 12345 Musterstadt", 0.08, 0.05),
        line("Vorgangsnummer 2024-555", 0.60, 0.15),
        line("Datum: 05.03.2024", 0.60, 0.165),
        line("Endsumme inkl. USt 119,00", 0.50, 0.70),
        line(f"USt-IdNr. {vat}", 0.08, 0.95),
    )


def test_example_profile_loads_and_matches_by_vat_id() -> None:
    registry = SupplierRegistry.load(CONFIG)
    assert [p.id for p in registry.profiles] == ["example-buerobedarf"]
    assert registry.match([supplier_page()]).id == "example-buerobedarf"
    assert registry.match("Rechnung von Irgendwer GmbH, USt-IdNr. DE136695976") is None


def test_match_by_name_when_no_identifier(tmp_path: Path) -> None:
    registry = SupplierRegistry.load(CONFIG)
    assert registry.match("Ihre Rechnung von Beispiel Bürobedarf, Musterstadt").id == "example-buerobedarf"


def test_supplier_hints_guide_extraction() -> None:
    registry = SupplierRegistry.load(CONFIG)
    fields = build_invoice_fields([supplier_page()], suppliers=registry)
    assert fields.supplier_id == "example-buerobedarf"
    number = field(fields, "rechnungsnummer")
    assert number.value == "2024-555" and number.source == pb.FIELD_SOURCE_TEMPLATE
    assert field(fields, "betrag_brutto").value == "119.00"
    # Without the profile, "Vorgangsnummer" is no invoice-number label.
    assert "rechnungsnummer" not in values(build_invoice_fields([supplier_page()]))


def test_upsert_creates_then_updates(tmp_path: Path) -> None:
    confirmed = pb.InvoiceFields(
        fields=[
            pb.Field(name="lieferant", value="Neue Lieferant GmbH"),
            pb.Field(name="ust_id", value="DE136695976"),
            pb.Field(name="iban", value="DE89370400440532013000"),
        ]
    )
    path = upsert_supplier(tmp_path, confirmed)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["id"] == "neue-lieferant-gmbh" and data["vat_id"] == "DE136695976"
    data["keywords"] = ["Neue Lieferant"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    update = pb.InvoiceFields(fields=[pb.Field(name="lieferant", value="Neue Lieferant GmbH"),
                                      pb.Field(name="iban", value="DE02120300000000202051")])  # fmt: skip
    assert upsert_supplier(tmp_path, update) == path
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["iban"] == "DE02120300000000202051" and data["keywords"] == ["Neue Lieferant"]
    assert data["vat_id"] == "DE136695976"
    assert (
        SupplierRegistry.load(tmp_path).match("IBAN DE02 1203 0000 0000 2020 51").id == "neue-lieferant-gmbh"
    )


def test_upsert_needs_a_name_or_id(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        upsert_supplier(tmp_path, pb.InvoiceFields())


def test_pipeline_text_path_without_einvoice() -> None:
    got = values(build_invoice_fields([page(line("Rechnung Nr. 42 vom 01.02.2023", 0.1, 0.1))]))
    assert got["rechnungsnummer"] == "42" and got["datum"] == "2023-02-01"


def test_pipeline_xml_is_the_record_and_the_text_feeds_the_cross_check() -> None:
    """The XML's values win over the page's; the page's reading is compared in the checks."""
    xml = (Path(__file__).parent / "data" / "zugferd1_comfort.xml").read_text(encoding="utf-8")
    result = build_invoice_fields(
        [page(line("Rechnung Nr. 42", 0.1, 0.1))], einvoice=pb.EInvoice(syntax="CII", xml=xml)
    )
    number = field(result, "rechnungsnummer")
    assert number.value == "ZF1-88017" and number.source == pb.FIELD_SOURCE_EINVOICE_XML
    assert result.einvoice_profile == "ZUGFeRD 1.0 COMFORT"
    check = next(c for c in result.checks if c.name == "xml_vs_text:rechnungsnummer")
    assert not check.passed and "42" in check.message
