"""Supplier templates: learned from one confirmed document, they guide the fields of the next ones."""

from __future__ import annotations

from pathlib import Path

import yaml

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.extract import extract_fields
from services.invoice.pipeline import build_invoice_fields
from services.invoice.suppliers import SupplierRegistry, upsert_supplier
from services.invoice.templates import learn_layout
from tests.invoice.synth import field, line, page, values


def lindenblatt(number: str, datum: str, amounts: tuple[str, str, str], items: int) -> pb.PageResult:
    """One layout: the invoice number printed alone top right, a customer number after "Kunde",
    totals under the line items (lower with more items)."""
    netto, mwst, brutto = amounts
    lines = [
        line("Kontor Lindenblatt GmbH · Lindenweg 3 · 99084 Erfurt", 0.08, 0.04),
        line(f"Erfurt, den {datum}", 0.08, 0.12),
        line(number, 0.78, 0.12),
        line("Kunde 70411", 0.08, 0.24),
    ]
    y = 0.32
    for i in range(items):
        lines.append(line(f"Pos {i + 1} Artikel {i + 1} 10,00", 0.08, y))
        y += 0.02
    lines += [
        line(f"Warenwert {netto}", 0.6, y + 0.04),
        line(f"zzgl. 19 % USt {mwst}", 0.6, y + 0.06),
        line(f"Endbetrag {brutto}", 0.6, y + 0.08),
        line("USt-IdNr. DE136695976", 0.08, 0.95),
    ]
    return page(*lines)


FIRST = lindenblatt("2024/0815-A", "05.03.2024", ("100,00", "19,00", "119,00"), items=2)
SECOND = lindenblatt("2024/0912-B", "07.04.2024", ("200,00", "38,00", "238,00"), items=5)


def confirmed(fields: pb.InvoiceFields, **corrections: str) -> pb.InvoiceFields:
    """The fields as `ocrmesh learn-supplier --set NAME=VALUE` leaves them."""
    out = pb.InvoiceFields()
    out.CopyFrom(fields)
    for name, value in corrections.items():
        existing = [f for f in out.fields if f.name == name]
        if existing:
            existing[0].value = value
        else:
            out.fields.add(name=name, value=value)
    return out


def test_learned_template_guides_the_next_document_of_the_supplier(tmp_path: Path) -> None:
    unguided = values(extract_fields([SECOND]))
    assert "rechnungsnummer" not in unguided and "kundennummer" not in unguided  # nothing labels them

    first = extract_fields([FIRST])
    path = upsert_supplier(
        tmp_path, confirmed(first, rechnungsnummer="2024/0815-A", kundennummer="70411"), pages=[FIRST]
    )
    profile = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert profile["template"]["rechnungsnummer"]["label"] == ""  # printed alone: its place is the template
    assert profile["template"]["kundennummer"]["label"] == "Kunde"
    assert "Kunde" in profile["labels"]["kundennummer"]

    fields = build_invoice_fields([SECOND], suppliers=SupplierRegistry.load(tmp_path))
    got = values(fields)
    assert got["rechnungsnummer"] == "2024/0912-B" and got["kundennummer"] == "70411"
    assert (got["betrag_netto"], got["mwst"], got["betrag_brutto"]) == ("200.00", "38.00", "238.00")
    assert field(fields, "rechnungsnummer").source == pb.FIELD_SOURCE_TEMPLATE
    assert fields.supplier_id == fields.template_id == "kontor-lindenblatt-gmbh"
    assert {"rechnungsnummer", "kundennummer"} <= set(fields.template_fields)


def test_template_overrides_a_wrong_unguided_choice(tmp_path: Path) -> None:
    """The supplier prints its order number under a label the lexicon reads as the invoice number."""

    def doc(number: str, order: str) -> pb.PageResult:
        return page(
            line("Kontor Lindenblatt GmbH · Lindenweg 3 · 99084 Erfurt", 0.08, 0.04),
            line(f"Rechnung Nr. {order}", 0.08, 0.12),
            line(f"Beleg {number}", 0.65, 0.12),
            line("Datum 05.03.2024", 0.65, 0.14),
            line("Gesamtbetrag 119,00", 0.6, 0.5),
            line("USt-IdNr. DE136695976", 0.08, 0.95),
        )

    first, second = doc("B-1001", "A-77"), doc("B-1002", "A-78")
    assert values(extract_fields([second]))["rechnungsnummer"] == "A-78"  # wrong without the template
    upsert_supplier(tmp_path, confirmed(extract_fields([first]), rechnungsnummer="B-1001"), pages=[first])
    fields = build_invoice_fields([second], suppliers=SupplierRegistry.load(tmp_path))
    assert values(fields)["rechnungsnummer"] == "B-1002"
    assert "rechnungsnummer" in fields.template_fields and fields.template_id


def test_learning_finds_values_in_any_printed_form() -> None:
    learned = learn_layout(
        [FIRST],
        {"datum": "2024-03-05", "betrag_brutto": "119.00", "ust_id": "DE136695976", "lieferant": "x"},
    )
    assert set(learned) == {"datum", "betrag_brutto", "ust_id"}  # the party's name is not placed
    assert learned["betrag_brutto"].label == "Endbetrag"
    assert learned["datum"].label == "Erfurt, den"
    x0, y0, _, _ = learned["betrag_brutto"].box
    assert 0.6 < x0 < 0.75 and 0.4 < y0 < 0.46


def test_without_a_learned_template_no_template_is_named(tmp_path: Path) -> None:
    fields = build_invoice_fields([SECOND], suppliers=SupplierRegistry.load(tmp_path))
    assert not fields.template_id and not fields.template_fields


def lindenblatt_delivery_note(number: str, customer: str) -> pb.PageResult:
    """The same supplier's delivery notes: another layout, the customer number alone top right."""
    return page(
        line("Kontor Lindenblatt GmbH · Lindenweg 3 · 99084 Erfurt", 0.08, 0.04),
        line("Lieferschein", 0.08, 0.10),
        line(f"Lieferschein-Nr. {number}", 0.08, 0.13),
        line(customer, 0.78, 0.13),
        line("Lieferdatum: 06.03.2024", 0.08, 0.16),
        line("Pos Menge Artikel", 0.08, 0.30),
        line("1 5 Stk Ordner A4", 0.08, 0.32),
        line("Ware vollständig erhalten: ____________", 0.08, 0.60),
        line("USt-IdNr. DE136695976", 0.08, 0.95),
    )


def test_a_delivery_note_teaches_its_own_template_and_leaves_the_invoices_alone(tmp_path: Path) -> None:
    upsert_supplier(tmp_path, confirmed(extract_fields([FIRST]), kundennummer="70411"), pages=[FIRST])
    note = lindenblatt_delivery_note("LS-0077", "70411")
    path = upsert_supplier(
        tmp_path, confirmed(extract_fields([note]), lieferant="Kontor Lindenblatt GmbH", kundennummer="70411"), pages=[note]
    )
    profile = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert profile["template"]["kundennummer"]["label"] == "Kunde"  # the invoice's, as it was
    assert profile["type_templates"]["lieferschein"]["kundennummer"]["label"] == ""  # printed alone there

    registry = SupplierRegistry.load(tmp_path)
    next_note = values(build_invoice_fields([lindenblatt_delivery_note("LS-0078", "70522")], suppliers=registry))
    assert next_note["kundennummer"] == "70522"  # read where this supplier's delivery notes print it
    assert values(build_invoice_fields([SECOND], suppliers=registry))["kundennummer"] == "70411"
