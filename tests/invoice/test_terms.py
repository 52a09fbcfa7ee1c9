"""Due date from the payment terms when the invoice prints none."""

from __future__ import annotations

import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.extract import extract_fields
from services.invoice.terms import due_days
from tests.invoice.synth import field, line, page, values


@pytest.mark.parametrize(
    ("terms", "days"),
    [
        ("Zahlungsziel 14 Tage", 14),
        ("Zahlbar innerhalb von 30 Tagen netto.", 30),
        ("8 Tage 2 % Skonto, 30 Tage netto", 30),
        ("zahlbar innerhalb 14 Tagen mit 3% Skonto oder 30 Tagen ohne Abzug", 30),
        ("Payment terms: 30 days net", 30),
        ("Zahlbar sofort ohne Abzug.", 0),
        ("Zahlbar innerhalb 14 Tagen ab Rechnungsdatum.", 14),
        # no date can be computed from these
        ("Bei Zahlung innerhalb 10 Tagen 2 % Skonto", None),
        ("Zahlbar innerhalb 14 Tagen nach Erhalt der Ware", None),
        ("Zahlbar 10 Tage ab Lieferung", None),
        ("Zahlbar innerhalb von 5 Werktagen", None),
        ("Zahlbar bis zum 05.09.2016 ohne Abzug.", None),
    ],
)
def test_due_days(terms: str, days: int | None) -> None:
    assert due_days(terms) == days


def _invoice(*extra: pb.TextLine) -> pb.PageResult:
    return page(
        line("Rechnung Nr. RE-2024-0815", 0.55, 0.20),
        line("Rechnungsdatum: 28.02.2024", 0.55, 0.22),
        line("Gesamtbetrag 119,00 EUR", 0.55, 0.60),
        *extra,
    )


def test_due_date_is_computed_from_the_terms_and_says_so() -> None:
    fields = extract_fields([_invoice(line("Zahlungsziel: 14 Tage netto", 0.1, 0.70))])
    due = field(fields, "faelligkeit")
    assert due.value == "2024-03-13"
    assert due.source == pb.FIELD_SOURCE_COMPUTED
    assert any("14 days" in issue for issue in due.issues)


def test_a_printed_due_date_wins_over_the_terms() -> None:
    fields = extract_fields(
        [_invoice(line("Zahlungsziel: 14 Tage netto", 0.1, 0.70), line("Fällig am: 20.03.2024", 0.1, 0.72))]
    )
    due = field(fields, "faelligkeit")
    assert due.value == "2024-03-20" and due.source == pb.FIELD_SOURCE_TEXT


def test_no_due_date_without_terms_that_give_one() -> None:
    fields = extract_fields([_invoice(line("Zahlbar innerhalb 14 Tagen nach Erhalt der Ware", 0.1, 0.70))])
    assert "faelligkeit" not in values(fields)
