from datetime import date
from decimal import Decimal

import pytest

from services.invoice.dates import find_dates, is_plausible, parse_date
from services.invoice.numbers import currency_of, find_amounts, format_amount, parse_amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1234.56 €", "1234.56"),
        ("EUR 1.234,56", "1234.56"),
        ("-12,00", "-12.00"),
        ("12,00-", "-12.00"),
        ("−7,67", "-7.67"),
        ("(12.00)", "-12.00"),
        ("2000,00", "2000.00"),
        ("1.000.000,00", "1000000.00"),
        ("1,234,567.89", "1234567.89"),
        ("0,00", "0.00"),
        ("1.234", "1234.00"),
        ("USD 99.9", "99.90"),
    ],
)
def test_parse_amount_forms(text: str, expected: str) -> None:
    value = parse_amount(text)
    assert value is not None and format_amount(value) == expected


@pytest.mark.parametrize("text", ["abc", "1,234,56", "12,34,56", "19 %", "", "DE123"])
def test_parse_amount_rejects(text: str) -> None:
    assert parse_amount(text) is None


def test_amounts_are_decimal_and_percentages_skipped() -> None:
    found = find_amounts("USt 19 % auf 198,00 = 37,62 EUR")
    assert [a.value for a in found] == [Decimal("198.00"), Decimal("37.62")]
    assert all(isinstance(a.value, Decimal) for a in found)


def test_format_amount_rounds_half_up() -> None:
    assert format_amount(Decimal("0.125")) == "0.13"
    assert format_amount(Decimal("-5")) == "-5.00"


def test_currency() -> None:
    assert currency_of("Summe 12,00 €") == "EUR"
    assert currency_of("Total GBP 5.00") == "GBP"
    assert currency_of("Summe 12,00") is None


@pytest.mark.parametrize(
    "text",
    ["05.03.2018", "5.3.18", "05.03.18", "5. März 2018", "05. Mär. 2018", "2018-03-05", "March 5, 2018",
     "5 March 2018", "Mar. 5, 2018", "05/03/2018", "5. Maerz 2018"],
)  # fmt: skip
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) == date(2018, 3, 5)


@pytest.mark.parametrize(
    "text", ["31.02.2018", "32.01.2018", "5.13.2018", "2018-13-01", "12345", "2018/03/05", "2018.03.05"]
)
def test_parse_date_rejects_impossible(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_in_sentence() -> None:
    found = find_dates("Zahlbar bis 04.04.2018, Skonto bis 15. März 2018")
    assert [f.value for f in found] == [date(2018, 4, 4), date(2018, 3, 15)]


def test_plausible_dates() -> None:
    assert is_plausible(date(2018, 3, 5), today=date(2024, 1, 1))
    assert not is_plausible(date(1899, 3, 5), today=date(2024, 1, 1))
    assert not is_plausible(date(2031, 3, 5), today=date(2024, 1, 1))


@pytest.mark.parametrize("text", ["5. Januarı 2018", "5 MARCH 2018", "5 ſeptember 2018"])
def test_month_names_with_letters_that_only_case_folding_matches(text: str) -> None:
    """OCR reads an i as a dotless ı ("Januarı"): the month name still matches case-insensitively, and is
    looked up by its pattern, not a dictionary of folded spellings (a KeyError ended the field extraction)."""
    assert parse_date(text) is not None


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("steuerpflichtig 19 % 373,15, 70,90 444,05", ["373.15", "70.90", "444.05"]),  # a speck read as a comma
        ("Betrag 1.234,56, zahlbar bis", ["1234.56"]),
        ("1,234,567", ["1234567"]),  # a comma before a digit still continues the number
    ],
)
def test_a_comma_after_an_amount_ends_it(text: str, values: list[str]) -> None:
    assert [str(a.value) for a in find_amounts(text)] == values
