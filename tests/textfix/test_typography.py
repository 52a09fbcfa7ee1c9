"""`§` read as `8` or `$` is restored from context; numbers that really start with 8 stay."""

from __future__ import annotations

import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from services.textfix.typography import restore_section_signs


def _page(*lines: str) -> pb.PageResult:
    page = pb.PageResult(kind=pb.PAGE_KIND_SCANNED, text="\n".join(lines))
    for text in lines:
        line = page.lines.add(text=text)
        for word in text.split():
            line.words.add(text=word, confidence=0.9)
    return page


@pytest.mark.parametrize(
    ("read", "meant"),
    [
        ("Im Übrigen gilt 8 4 BGB entsprechend.", "Im Übrigen gilt § 4 BGB entsprechend."),
        ("Die Haftung nach 8 5 GmbHG bleibt unberührt.", "Die Haftung nach § 5 GmbHG bleibt unberührt."),
        ("gilt $ 1 Abs. 1 Satz 2 entsprechend", "gilt § 1 Abs. 1 Satz 2 entsprechend"),
        ("8 5 Abs. 2 bleibt unberührt", "§ 5 Abs. 2 bleibt unberührt"),
        ("wie in 88 3 und 4 geregelt", "wie in §§ 3 und 4 geregelt"),
        ("vgl. $ 12a", "vgl. § 12a"),
    ],
)
def test_citations_get_their_section_sign(read: str, meant: str) -> None:
    page = _page(read)
    assert restore_section_signs(page) >= 1
    assert page.lines[0].text == meant
    assert page.text == meant
    changed = [w for w in page.lines[0].words if w.original_text]
    assert changed and all(w.text in ("§", "§§") for w in changed)


def test_headings_of_a_contract_get_their_section_sign() -> None:
    page = _page(
        "Gesellschaftsvertrag",
        "8 1 Firma und Sitz",
        "(1) Die Firma der Gesellschaft lautet Muster GmbH.",
        "8 2 Gegenstand des Unternehmens",
        "8 3",
        "Stammkapital",
    )
    assert restore_section_signs(page) == 3
    assert [ln.text for ln in page.lines][1:5] == [
        "§ 1 Firma und Sitz",
        "(1) Die Firma der Gesellschaft lautet Muster GmbH.",
        "§ 2 Gegenstand des Unternehmens",
        "§ 3",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "sie beträgt 8 500,00 € im Jahr",
        "8 Stück Schrauben M4",
        "8 5 Stück Schrauben 12,50",
        "Königstraße 8, 80331 München",
        "Lieferung am 8.5.2024",
        "Pos. 8 5 Stk. Kabel",
        "8 12 Uhr Anlieferung",
        "nach 8 5 Tagen",
        "Rechnung 8 2024",
    ],
)
def test_numbers_that_start_with_8_stay(line: str) -> None:
    page = _page("Rechnung", line, "Gesamtbetrag 1.234,56 €")
    assert restore_section_signs(page) == 0
    assert page.lines[1].text == line


def test_a_single_heading_like_line_on_an_invoice_stays() -> None:
    """ "8 5 Schrauben" on an invoice page (position 8, five screws) is not a heading: nothing on the
    page says statute or contract."""
    page = _page("Rechnung Nr. 4711", "8 5 Schrauben", "Summe 12,50 €")
    assert restore_section_signs(page) == 0


def test_dollars_stay_where_the_page_names_them() -> None:
    page = _page("Betrag in USD", "Preis $ 100")
    assert restore_section_signs(page) == 0


def test_a_section_sign_read_as_an_ampersand_in_a_heading() -> None:
    """ "§ 16 Schriftform" read "& 16 Schriftform" on a statute: the heading gets its section sign; an
    ampersand inside a line ("Müller & 2 Söhne", "gilt & 3 BGB") is left as read."""
    page = _page("& 16 Schriftform", "Änderungen bedürfen der Schriftform.", "§ 17 Schlussbestimmungen")
    assert restore_section_signs(page) == 1
    assert page.lines[0].text == "§ 16 Schriftform"
    names = _page("Müller & 2 Söhne GmbH", "Im Übrigen gilt & 3 BGB.", "§ 17 Schlussbestimmungen")
    assert restore_section_signs(names) == 0
    wrapped = _page("Vertragspartner: Bäckerei Müller", "& 2 Söhne GmbH", "§ 17 Schlussbestimmungen")
    assert restore_section_signs(wrapped) == 0  # a company name wrapped onto its own line
