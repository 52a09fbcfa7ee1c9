"""A page's language told from its words, and a page read in another language left as read."""

from __future__ import annotations

import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from services.scaffold.engine import PageOptions
from services.scaffold.finish import finish_page
from services.textfix.language import guess_language

GERMAN = (
    "Rechnung Nr. 2024-117 vom 04.12.2024. Wir erlauben uns, Ihnen folgende Leistungen in Rechnung zu "
    "stellen. Zahlbar bis zum 18.12.2024 ohne Abzug. Vielen Dank für Ihren Auftrag!"
)
# As the German model reads a French invoice: the accents lost or misread.
FRENCH_READ_BY_GERMAN_MODEL = (
    "Atelier M&canique Girard Facture N 2024-117 Date de facture 04/12/2024 Nous vous remercions de "
    "votre confiance. Montant HT 1 234,56 TVA 20 % Net a payer 1 481,47 EUR Reglement a 30 jours"
)
ENGLISH = (
    "Invoice number 2024-117, date of issue December 4, 2024. Thank you for your order. Please pay the "
    "amount due within 14 days to the account below."
)


@pytest.mark.parametrize(
    ("text", "code"), [(GERMAN, "de"), (FRENCH_READ_BY_GERMAN_MODEL, "fr"), (ENGLISH, "en")]
)
def test_the_language_of_a_page_is_told_from_its_words(text: str, code: str) -> None:
    guess = guess_language(text)
    assert guess is not None and guess.code == code


def test_a_few_words_tell_no_language() -> None:
    assert guess_language("Seite 1 von 2 Summe 12,00 EUR") is None
    assert guess_language("") is None


def _scanned_page(text: str, language: str) -> pb.PageResult:
    page = pb.PageResult(kind=pb.PAGE_KIND_SCANNED, text=text)
    line = page.lines.add(text=text)
    for word in text.split():
        line.words.add(text=word, confidence=0.6)
    if language:
        page.quality.language = language
    return page


def test_a_page_read_in_french_is_not_corrected_as_german() -> None:
    """The German spelling correction made French "adresse" the German noun "Adresse"."""
    text = "Merci de nous indiquer votre adresse de livraison avant le montage"
    german_request = PageOptions(language="de")
    as_french = _scanned_page(text, "fr")
    finish_page(as_french, german_request)
    assert as_french.text == text
    as_german = _scanned_page(text, "")  # the engine said nothing: the requested language counts
    finish_page(as_german, german_request)
    assert "Adresse" in as_german.text
