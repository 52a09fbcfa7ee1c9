import unicodedata

import pytest

from services.textfix.cleanup import clean_text


def test_hyphenation_joined_at_line_end() -> None:
    assert clean_text("Liefe-\nrung erfolgt") == "Lieferung erfolgt"


@pytest.mark.parametrize(
    "text",
    ["Liefer- und Leistungsdatum", "Liefer-\nund Leistungsdatum", "Ein- oder Ausgang", "Art-\nNr 12", "Kunden-\nNummer"],
)
def test_hyphens_kept(text: str) -> None:
    assert clean_text(text).replace("\n", " ").replace("- ", "-") in {text.replace("\n", " ").replace("- ", "-")}
    assert "-" in clean_text(text)


def test_ligatures_quotes_spaces() -> None:
    assert clean_text("ﬁnal ﬂach Stoﬀ") == "final flach Stoff"
    assert clean_text("„Zitat“ ‚x‘") == "\"Zitat\" 'x'"
    assert clean_text("a  \u00a0 b\t c") == "a b c"


def test_decomposed_umlauts_become_composed() -> None:
    assert clean_text("Gru\u0308ße Ma\u0308rz O\u0308l") == "Grüße März Öl"


@pytest.mark.parametrize(
    "text",
    ["Größe Übergabe Straße Bürobedarf Fälligkeit Kündigung", "Zahlbar innerhalb 14 Tagen", "DE 80333 München",
     "Rechnungsnr. 2018-471331", "IBAN DE89 3704 0044 0532 0130 00", "Müller-Lüdenscheidt GmbH & Co. KG"],
)  # fmt: skip
def test_correct_text_is_unchanged_and_umlauts_kept(text: str) -> None:
    out = clean_text(text)
    assert out == text
    for ch in "äöüÄÖÜß":
        assert out.count(ch) == text.count(ch)


def test_never_loses_umlauts_in_decomposed_input() -> None:
    text = unicodedata.normalize("NFD", "Bürobedarf für Köln, Übergröße")
    out = clean_text(text)
    assert out == "Bürobedarf für Köln, Übergröße"
