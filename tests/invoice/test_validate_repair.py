from decimal import Decimal

from services.invoice.repair import repair
from services.invoice.validate import (
    TaxLine,
    check_sum,
    check_tax_lines,
    is_valid_bic,
    is_valid_iban,
    is_valid_stnr,
    is_valid_vat,
)

GOOD_IBAN = "DE89370400440532013000"


def test_validators() -> None:
    assert is_valid_iban(GOOD_IBAN)
    assert not is_valid_iban("DE89370400440532013001")
    assert is_valid_vat("DE136695976")
    assert not is_valid_vat("DE136695977")
    assert is_valid_stnr("201/113/40209")
    assert not is_valid_stnr("201/113/402")
    assert is_valid_bic("COBADEFFXXX")
    assert not is_valid_bic("COBA")


def test_iban_with_letter_o_is_repaired_and_reported() -> None:
    fixed = repair("DE8937040044O532O13000", is_valid_iban, "iban")
    assert fixed.valid and fixed.value == GOOD_IBAN
    assert fixed.issues == ["repaired OCR confusion O→0 (2×)"]


def test_wrong_iban_is_left_unchanged_and_invalid() -> None:
    fixed = repair("DE89370400440532013001", is_valid_iban, "iban")
    assert not fixed.valid and fixed.value == "DE89370400440532013001" and fixed.issues == []


def test_unrepairable_id_gets_only_the_repairs_its_format_leaves_no_choice_in() -> None:
    # An O in the account number, but no confusion makes the checksum right: the O can only be a 0 there;
    # the IBAN stays invalid and says what was changed.
    fixed = repair("DE8937040044O532013001", is_valid_iban, "iban")
    assert not fixed.valid and fixed.value == "DE89370400440532013001"
    assert fixed.issues == ["repaired OCR confusion O→0"]
    # A sample VAT id with wrong check digits ("DE123456789") read "DEI23456789": given as printed, invalid.
    fixed = repair("DEI23456789", is_valid_vat, "ust_id")
    assert not fixed.valid and fixed.value == "DE123456789"
    # A character with two readings (Z: 2 or 7) is left as read when neither validates.
    assert repair("DEZ23456789", is_valid_vat, "ust_id").value == "DEZ23456789"


def test_vat_and_stnr_repairs() -> None:
    assert repair("DEl36695976", is_valid_vat, "ust_id").value == "DE136695976"
    assert repair("DE1366959S6", is_valid_vat, "ust_id").valid is False  # S→5 gives DE136695956: invalid
    fixed = repair("2O1/113/4O209", is_valid_stnr, "steuernummer")
    assert fixed.value == "201/113/40209" and fixed.valid


def test_valid_value_is_never_touched() -> None:
    fixed = repair(GOOD_IBAN, is_valid_iban, "iban")
    assert fixed.value == GOOD_IBAN and fixed.valid and not fixed.changes


def test_sum_check() -> None:
    assert check_sum(Decimal("198.00"), Decimal("37.62"), Decimal("235.62")).passed
    failed = check_sum(Decimal("198.00"), Decimal("37.62"), Decimal("253.62"))
    assert not failed.passed and "253.62" in failed.message


def test_tax_lines_allow_cent_rounding_per_rate() -> None:
    lines = [TaxLine(Decimal(19), Decimal("64.40"), Decimal("12.24")), TaxLine(Decimal(7), Decimal("129.37"), Decimal("9.06"))]
    results = {r.name: r.passed for r in check_tax_lines(lines, Decimal("21.30"))}
    assert results == {"mwst_rate_19": True, "mwst_rate_7": True, "mwst=sum(rate×base)": True}
    # 19 % of 100.00 is 19.00: 19.01 is within a cent, 19.50 is not.
    assert check_tax_lines([TaxLine(Decimal(19), Decimal("100.00"), Decimal("19.01"))], None)[0].passed
    assert not check_tax_lines([TaxLine(Decimal(19), Decimal("100.00"), Decimal("19.50"))], None)[0].passed
    total = check_tax_lines(lines, Decimal("25.00"))[-1]
    assert total.name == "mwst=sum(rate×base)" and not total.passed
