"""Identifiers: any spacing, OCR confusions repaired only when the checksum decides, failures reported."""

from __future__ import annotations

import pytest
from schwifty import IBAN

from ocrmesh.v1 import ocr_pb2 as pb
from services.invoice.extract import extract_fields
from services.invoice.identifiers import (
    check_identifier,
    derived_bic,
    failed_identifiers,
    find_ibans,
    find_vat_ids,
)
from services.invoice.validate import edit_distance, is_valid_iban, is_valid_stnr, is_valid_vat
from tests.invoice.synth import field, line, page, values

GOOD_IBAN = "DE89370400440532013000"  # Commerzbank Köln, BIC COBADEFFXXX


def _iban(bban: str) -> str:
    return str(IBAN.generate("DE", bank_code=bban[:8], account_code=bban[8:]))


# (valid IBAN, the digit OCR misread, the letter it read): every confusion of the checked fields.
CONFUSIONS = [
    (_iban("370400440532013000"), "0", "O"),
    (_iban("370400440532013000"), "1", "I"),
    (_iban("370400440532013000"), "1", "l"),
    (_iban("500105175407324931"), "5", "S"),
    (_iban("120300000000202051"), "2", "Z"),
    (_iban("100100100006820101"), "6", "G"),
    (_iban("500105170648489890"), "8", "B"),
]


@pytest.mark.parametrize(("good", "digit", "letter"), CONFUSIONS)
def test_each_ocr_confusion_is_repaired_when_the_checksum_decides(good: str, digit: str, letter: str) -> None:
    position = good.index(digit, 4)  # in the account part, not the check digits
    read = good[:position] + letter + good[position + 1 :]
    got = check_identifier("iban", read)
    assert got.valid and got.value == good
    assert any(f"{letter}→{digit}" in issue for issue in got.issues), got.issues


@pytest.mark.parametrize(
    ("read", "good"), [("FRO2340892561", "FR02340892561"), ("FR9I008063604", "FR91008063604")]
)
def test_a_french_vat_key_read_with_o_or_i_is_repaired(read: str, good: str) -> None:
    """A French VAT id's two key characters may be digits or letters, but never O or I: read there, they are
    0 and 1 (when the check holds)."""
    got = check_identifier("ust_id", read)
    assert got.valid and got.value == good, got


@pytest.mark.parametrize(
    "printed",
    [
        "DE89 3704 0044 0532 0130 00",
        "DE89370400440532013000",
        "DE 89 3704 0044 0532 0130 00",
        "de89 3704 0044 0532 013000",
    ],
)
def test_iban_with_any_spacing(printed: str) -> None:
    got = check_identifier("iban", printed)
    assert got.valid and got.value == GOOD_IBAN and not got.issues


def test_iban_found_in_running_text_with_any_spacing_and_cut_at_its_length() -> None:
    text = "Bankverbindung: Commerzbank IBAN: DE 89 3704 0044 0532 0130 00 BIC COBADEFFXXX"
    (match,) = find_ibans(text)
    assert match.compact == GOOD_IBAN
    assert text[match.start : match.end] == "DE 89 3704 0044 0532 0130 00"


def test_ambiguous_repair_is_reported_not_guessed() -> None:
    # Z reads as 2 or 7. Constructed so that two readings both pass mod 97:
    # DE91220400440532013700 and DE91770400440532013200 (10^23 + 10^22 ≡ 10^8 mod 97).
    read = "DE91ZZ0400440532013Z00"
    variants = ["DE91220400440532013700", "DE91770400440532013200"]
    assert all(is_valid_iban(v) for v in variants)
    got = check_identifier("iban", read)
    assert not got.valid and got.ambiguous and got.value == read
    assert any("ambiguous" in issue and variants[0] in issue and variants[1] in issue for issue in got.issues)


def test_wrong_checksum_is_not_repaired_into_a_valid_one() -> None:
    got = check_identifier("iban", "DE89370400440532013001")
    assert not got.valid and got.value == "DE89370400440532013001"
    assert any("fails its check" in issue for issue in got.issues)


@pytest.mark.parametrize(
    ("read", "good", "change"),
    [
        ("NL59BUNG1930849478", "NL59BUNQ1930849478", "G→Q"),  # bunq
        ("NL59 BUNO 1930 8494 78", "NL59BUNQ1930849478", "O→Q"),
        ("NL91ABMA0417164300", "NL91ABNA0417164300", "M→N"),  # ABN AMRO
    ],
)
def test_a_letter_of_a_bank_code_misread_as_another_is_repaired_to_the_registered_code(
    read: str, good: str, change: str
) -> None:
    got = check_identifier("iban", read)
    assert got.valid and got.value == good
    assert f"repaired OCR confusion {change}" in got.issues


@pytest.mark.parametrize(
    "read",
    [
        "NL91ABNA0417164301",  # a registered bank, the account misread: no bank code to repair
        "NL91XYZW0417164300",  # no registered code one letter away
        "GB29NWBX60161331926819",  # GB registers too many codes: a neighbour passes mod 97 by chance too often
    ],
)
def test_an_iban_whose_bank_code_no_registered_code_repairs_stays_failing(read: str) -> None:
    got = check_identifier("iban", read)
    assert not got.valid and got.value == read


def test_extraction_repairs_a_misread_dutch_bank_code_and_its_bic() -> None:
    fields = extract_fields(
        [_invoice(line("IBAN: NL59 BUNG 1930 8494 78", 0.08, 0.92), line("BIC: BUNONL2A", 0.08, 0.94))]
    )
    assert field(fields, "iban").value == "NL59BUNQ1930849478" and field(fields, "iban").valid
    assert field(fields, "bic").value == "BUNQNL2A"
    assert failed_identifiers(fields) == []


def test_bic_validated_and_derived_from_a_german_iban() -> None:
    assert check_identifier("bic", "COBADEFFXXX").valid
    assert not check_identifier("bic", "COBA12FF").valid
    assert derived_bic(GOOD_IBAN) == "COBADEFFXXX"
    assert derived_bic("NL91ABNA0417164300") is None  # only where the bank code names one bank (DE, AT)
    assert derived_bic("DE89370400440532013001") is None  # never from an invalid IBAN


@pytest.mark.parametrize(
    ("printed", "valid"),
    [
        ("DE 136 695 976", True),
        ("DE136695977", False),
        ("ATU13585627", True),
        ("FR40303265045", True),
        ("NL004495445B01", True),
        ("BE0403019261", True),
        ("CHE-116.281.710 MWST", True),
        ("CHE-116.281.711", False),
        ("EL094259216", True),
    ],
)
def test_vat_ids_of_many_countries(printed: str, valid: bool) -> None:
    assert is_valid_vat(printed) is valid
    assert check_identifier("ust_id", printed).valid is valid


@pytest.mark.parametrize("printed", ["12/345/67890", "123/456/78901", "2893081508152", "181/815/08155"])
def test_steuernummer_printed_forms(printed: str) -> None:
    assert is_valid_stnr(printed) and check_identifier("steuernummer", printed).valid


def test_steuernummer_with_ocr_confusion() -> None:
    got = check_identifier("steuernummer", "l23/456/789O1")
    assert got.valid and got.value == "123/456/78901"


def test_edit_distance_is_levenshtein() -> None:
    assert edit_distance("COBADEFF", "C0BADEFF") == 1 and edit_distance("", "abc") == 3


def _invoice(*extra: pb.TextLine) -> pb.PageResult:
    return page(
        line("Muster Handels GmbH · Hauptstr. 1 · 50667 Köln", 0.08, 0.05),
        line("Rechnung Nr. 2024-100", 0.60, 0.15),
        line("Datum: 05.03.2024", 0.60, 0.17),
        line("Nettobetrag 100,00", 0.55, 0.60),
        line("MwSt. 19 % 19,00", 0.55, 0.62),
        line("Gesamtbetrag 119,00", 0.55, 0.64),
        *extra,
    )


def test_extraction_derives_a_missing_bic_and_marks_it_computed() -> None:
    fields = extract_fields([_invoice(line("IBAN: DE89 3704 0044 0532 0130 00", 0.08, 0.92))])
    bic = field(fields, "bic")
    assert bic.value == "COBADEFFXXX" and bic.source == pb.FIELD_SOURCE_COMPUTED and bic.valid
    assert any("computed" in issue for issue in bic.issues)


def test_extraction_keeps_a_printed_bic() -> None:
    fields = extract_fields(
        [
            _invoice(
                line("IBAN: DE89 3704 0044 0532 0130 00", 0.08, 0.92), line("BIC: COBADEFFXXX", 0.08, 0.94)
            )
        ]
    )
    assert field(fields, "bic").source != pb.FIELD_SOURCE_COMPUTED


def test_extraction_repairs_an_ocr_iban_and_flags_a_failing_one() -> None:
    repaired = extract_fields([_invoice(line("IBAN: DE89 37O4 0044 0532 0l30 00", 0.08, 0.92))])
    iban = field(repaired, "iban")
    assert iban.value == GOOD_IBAN and iban.valid and any("O→0" in i for i in iban.issues)
    assert failed_identifiers(repaired) == []

    broken = extract_fields([_invoice(line("IBAN: DE89 3704 0044 0532 0130 01", 0.08, 0.92))])
    iban = field(broken, "iban")
    assert not iban.valid and iban.confidence <= 0.5
    assert "bic" not in values(broken)  # no BIC derived from an IBAN that fails its check
    (problem,) = failed_identifiers(broken)
    assert problem.startswith("iban DE89370400440532013001 fails its check")


@pytest.mark.parametrize("printed", ["DE89 37040044 0532013001", "DE 89 3704 0044 0532 0130 01"])
def test_a_failing_iban_in_any_spacing_is_reported_not_dropped(printed: str) -> None:
    fields = extract_fields([_invoice(line(f"Bankverbindung {printed} Commerzbank", 0.08, 0.92))])
    iban = field(fields, "iban")
    assert iban.value == "DE89370400440532013001" and not iban.valid
    assert failed_identifiers(fields) == [
        "iban DE89370400440532013001 fails its check (IBAN checksum or length)"
    ]


def test_text_after_a_country_code_is_not_taken_for_an_iban() -> None:
    fields = extract_fields(
        [_invoice(line("Lieferung DE 12 Artikel laut Bestellung vom Montag", 0.08, 0.80))]
    )
    assert "iban" not in values(fields)


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("DE 136 695 976", "DE136695976"),
        ("ATU 135 856 27", "ATU13585627"),
        ("FR40303265045", "FR40303265045"),
        ("NL004495445B01", "NL004495445B01"),
        ("BE 0403.019.261", "BE0403019261"),
        ("CHE-116.281.710 MWST", "CHE116281710MWST"),
        ("BEO547039121", "BE0547039121"),  # a scan's "O" for the first digit
    ],
)
def test_vat_ids_found_in_running_text_with_any_separators(printed: str, value: str) -> None:
    (match,) = find_vat_ids(f"Sitz Köln · Registergericht Köln · {printed} · Geschäftsführer Max Muster")
    assert match.compact == value
    fields = extract_fields([_invoice(line(f"Muster Handels GmbH · {printed}", 0.08, 0.94))])
    assert field(fields, "ust_id").value == value and field(fields, "ust_id").valid


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("Steuernummer: 2893081508152", "2893081508152"),
        ("St.-Nr. 123/456/78901 Sitz Köln", "123/456/78901"),
        ("Steuer-Nr.: 12/345/67890", "12/345/67890"),
        ("Steuernummer l23/456/789O1", "123/456/78901"),
    ],
)
def test_steuernummer_read_after_its_label_in_its_printed_forms(printed: str, value: str) -> None:
    stnr = field(extract_fields([_invoice(line(printed, 0.08, 0.94))]), "steuernummer")
    assert stnr.value == value and stnr.valid


def test_a_vat_id_whose_country_code_came_apart_in_the_scan_is_found_when_its_check_digits_hold() -> None:
    from services.invoice.identifiers import find_vat_ids

    assert [m.compact for m in find_vat_ids("USt-IdNr. D E136695976 Amtsgericht")] == ["DE136695976"]
    assert find_vat_ids("Kunde A B123456789 Nr 4") == []  # two loose letters and digits: no valid id
