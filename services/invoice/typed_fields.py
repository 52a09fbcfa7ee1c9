"""The fields a document's type adds to the invoice fields (issue 18): a reminder's dunning level
and open amount, a register excerpt's court and number, a contract's parties and notice period...

Each type's fields are read from the document's text by the labels its documents print; a field
that is not printed is not set. Values are the contract's forms: amounts "1234.56", dates ISO,
people "Vorname Nachname", lists one entry per line.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ocrmesh.v1 import ocr_pb2 as pb
from services.doctype.evidence import load_lexicon
from services.invoice.dates import find_dates
from services.invoice.numbers import find_amounts, format_amount

_NUMBER = r"([A-Z0-9][A-Z0-9\-/.]*\d[A-Z0-9\-/]*)"
_NO = r"(?:-?nummer|-?nr\.?)"
_LABELLED_NUMBER = {
    "gutschrift": rf"(?:gutschrifts?|korrektur|storno|rechnungskorrektur){_NO}",
    "mahnung": rf"mahn(?:ungs)?{_NO}",
    "lieferschein": rf"lieferschein{_NO}",
    "angebot": rf"(?:angebots?|kostenvoranschlags?){_NO}",
    "auftragsbestaetigung": rf"(?:auftrags(?:bestätigungs)?|ab|bestellbestätigungs){_NO}",
    "bestellung": rf"bestell{_NO}",
    "vertrag": rf"vertrags{_NO}",
}
_TITLE_NUMBER = re.compile(rf"^\W*[A-Za-zÄÖÜäöüß.\s-]{{3,40}}?\s(?:Nr\.?|Nummer|No\.?)\s*:?\s*{_NUMBER}", re.MULTILINE)
_INVOICE_REFERENCE = re.compile(
    rf"Rechnung(?:snummer|s-?Nr\.?|\s+Nr\.?)?\s*:?\s*{_NUMBER}(?=[\s,.;]|$)", re.IGNORECASE
)
_DUNNING_LEVEL = (
    (3, re.compile(r"\b(?:3\.\s*|dritte\s+|letzte\s+)mahnung\b", re.IGNORECASE)),
    (2, re.compile(r"\b(?:2\.\s*|zweite\s+)mahnung\b", re.IGNORECASE)),
    (1, re.compile(r"\b(?:1\.\s*|erste\s+)?mahnung\b|zahlungserinnerung|payment reminder", re.IGNORECASE)),
)
_COURT = re.compile(r"Amtsgerichts?\s+([A-ZÄÖÜ][\w.\- ]{1,40}?)(?=\s*(?:\n|,|HR[AB]|Abteilung|$))")
_REGISTER_NUMBER = re.compile(r"\b(HR[AB])\s*(?:Nr\.?\s*)?(\d{1,7}(?:\s?[A-Z]{1,2}\b)?)")
# The customer's order number a delivery note or an order confirmation cites.
_ORDER_NUMBER = re.compile(rf"bestell(?:nummer|-?nr\.?)\s*:?\s*{_NUMBER}", re.IGNORECASE)
_NAME = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?"


# Every field a type adds, in the order an export lists them (one column each); `type_fields` sets
# no other (tests/invoice/test_typed_fields.py holds it to that).
TYPE_FIELDS = (
    "dokumentnummer", "absender", "bezug_rechnungsnummer", "mahnstufe", "offener_betrag", "mahngebuehr",
    "zahlungsfrist", "lieferdatum", "bestellnummer", "gueltig_bis", "liefertermin", "vertragstitel", "parteien",
    "vertragsbeginn", "laufzeit", "kuendigungsfrist", "registergericht", "registernummer", "firma", "sitz",
    "stammkapital", "geschaeftsfuehrer",
)  # fmt: skip


def type_fields(text: str, doc_type: str, invoice: pb.InvoiceFields) -> list[pb.Field]:
    """The fields `doc_type` adds, from the document's text and the invoice fields found in it."""
    values: dict[str, str] = {}
    known = {f.name: f.value for f in invoice.fields if f.value}
    sources = {f.name: f.source for f in invoice.fields if f.value}
    number = _document_number(text, doc_type, known)
    if number:
        values["dokumentnummer"] = number
    if known.get("lieferant"):
        values["absender"] = known["lieferant"]
    if doc_type not in ("rechnung", "gutschrift"):
        own_date = _date_after(r"^(?:bestell|angebots|auftrags|lieferschein)?datum\b", text)
        if own_date:
            values["datum"] = own_date
    reader = _READERS.get(doc_type)
    if reader is not None:
        values.update({name: value for name, value in reader(text).items() if value})
    # A value taken over from an invoice field keeps that field's source (the e-invoice XML, say).
    derived = {"dokumentnummer": "rechnungsnummer", "absender": "lieferant"}
    return [
        pb.Field(
            name=name,
            value=value,
            raw=value,
            confidence=0.8,
            source=sources.get(derived.get(name, ""), pb.FIELD_SOURCE_TEXT)
            if known.get(derived.get(name, "")) == value
            else pb.FIELD_SOURCE_TEXT,
        )
        for name, value in values.items()
        if name not in known or (name == "datum" and known[name] != value)  # the type's own date label wins
    ]


def _document_number(text: str, doc_type: str, known: dict[str, str]) -> str | None:
    if doc_type == "rechnung" and known.get("rechnungsnummer"):
        return known["rechnungsnummer"]
    if doc_type == "handelsregisterauszug":
        return _register_number(text)
    label = _LABELLED_NUMBER.get(doc_type)
    if label:
        found = re.search(rf"\b{label}\s*:?\s*{_NUMBER}", text, re.IGNORECASE)
        if found:
            return found.group(1)
    # The number on the document's own title line ("Angebot Nr. A-33"), not on one it cites.
    titles = next((t.titles for t in load_lexicon().types if t.name == doc_type), ())
    for line in text.splitlines()[:30]:
        if any(pattern.match(line.strip()) for pattern in titles):
            found = _TITLE_NUMBER.search(line)
            if found:
                return found.group(1)
    return known.get("rechnungsnummer") if doc_type == "gutschrift" else None


def _register_number(text: str) -> str | None:
    register = _REGISTER_NUMBER.search(text)
    return f"{register.group(1)} {register.group(2)}" if register else None


def _order_number(text: str) -> str | None:
    order = _ORDER_NUMBER.search(text)
    return order.group(1) if order else None


def _near(label: str, text: str, pick: Callable[[str], str | None]) -> str | None:
    """What `pick` finds after the first occurrence of `label` that has it: on the label's line, or
    on the next line when the label's line ends with it (a label above its value, a table's cells)."""
    for found in re.finditer(rf"(?:{label})", text, re.IGNORECASE | re.MULTILINE):
        rest_end = text.find("\n", found.end())
        rest = text[found.end() : rest_end if rest_end >= 0 else len(text)]
        value = pick(rest)
        if value is None and not rest.strip(" :.\t") and rest_end >= 0:
            next_end = text.find("\n", rest_end + 1)
            value = pick(text[rest_end + 1 : next_end if next_end >= 0 else len(text)])
        if value is not None:
            return value
    return None


def _first_amount(segment: str) -> str | None:
    amounts = find_amounts(segment[:80])
    return format_amount(abs(amounts[0].value)) if amounts else None


def _first_date(segment: str) -> str | None:
    dates = find_dates(segment[:80])
    return dates[0].value.isoformat() if dates else None


def _words_until_stop(segment: str) -> str | None:
    value = re.split(r"[;\n]|\s{3,}", segment.strip(" :\t"), maxsplit=1)[0].strip(" ,;")
    return value or None


def _amount_after(label: str, text: str) -> str | None:
    return _near(label, text, _first_amount)


def _date_after(label: str, text: str) -> str | None:
    return _near(label, text, _first_date)


def _after(label: str, text: str) -> str | None:
    return _near(label, text, _words_until_stop)


def _person(name: str) -> str:
    """ "Müller, Hans, Essen, *01.01.1970" -> "Hans Müller"; "Dr. Anna Schmidt" stays."""
    name = re.sub(r"\*\s*\d{1,2}\.\d{1,2}\.\d{2,4}", "", name).strip(" ,;")
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if len(parts) >= 2 and re.fullmatch(_NAME + r"(?:\s" + _NAME + ")*", parts[1]):
        return f"{parts[1]} {parts[0]}"
    return parts[0] if parts else name


def _reminder(text: str) -> dict[str, str | None]:
    level = next((str(n) for n, pattern in _DUNNING_LEVEL if pattern.search(text)), None)
    reference = _INVOICE_REFERENCE.search(text)
    return {
        "mahnstufe": level,
        "bezug_rechnungsnummer": reference.group(1) if reference else None,
        "offener_betrag": _amount_after(
            r"offene[rn]?\s+(?:gesamt)?betrag|noch\s+offen|gesamtforderung|zu\s+zahlender\s+betrag|offene\s+summe", text
        ),
        "mahngebuehr": _amount_after(r"mahngebühr(?:en)?|mahnkosten", text),
        "zahlungsfrist": _date_after(r"bis\s+(?:spätestens\s+)?(?:zum\s+)?|spätestens\s+(?:am|zum)\s+|zahlungsfrist", text),
    }


def _credit_note(text: str) -> dict[str, str | None]:
    reference = re.search(
        rf"(?:(?:zur|zu|für die|bezug(?:nehmend)? auf)\s+)?(?:unsere[rn]?\s+|ihre[rn]?\s+)?Rechnung(?:\s+Nr\.?|snummer|s-?Nr\.?)?\s*:?\s*{_NUMBER}",
        text,
        re.IGNORECASE,
    )
    return {"bezug_rechnungsnummer": reference.group(1) if reference else None}


def _register_excerpt(text: str) -> dict[str, str | None]:
    court = _COURT.search(text)
    managers = [
        _person(m.group(1))
        for m in re.finditer(r"Geschäftsführer(?:in)?\s*:\s*([^\n]+)", text)
        if not re.search(r"vertritt|bestellt|allein|gemeinsam", m.group(1))
    ]
    return {
        "registergericht": f"Amtsgericht {court.group(1).strip()}" if court else None,
        "registernummer": _register_number(text),
        "firma": _after(r"(?:^|\b[a-z]\)\s*)Firma\s*:", text),
        "sitz": _after(r"\bSitz(?:,[^:\n]*)?(?::|$)", text),
        "stammkapital": _amount_after(r"(?:stamm|grund)(?:-\s*oder\s+stamm)?kapital", text),
        "geschaeftsfuehrer": "\n".join(dict.fromkeys(managers)) or None,
    }


def _contract(text: str) -> dict[str, str | None]:
    title = re.search(r"^\s*([A-ZÄÖÜ][\wäöüß-]*(?:vertrag|vereinbarung)\b[^\n:]{0,60})$", text, re.MULTILINE)
    parties = re.search(
        r"zwischen\s+(?:der|dem|den|die|Frau|Herrn)?\s*(.+?)\s*(?:\(|,|\n).*?\bund\s+(?:der|dem|den|die|Frau|Herrn)?\s*(.+?)\s*(?:\(|,|\n)",
        text,
        re.IGNORECASE | re.DOTALL,
    )
    notice = re.search(
        r"(?:kündigungsfrist\s+(?:beträgt|von)\s+|mit\s+einer\s+frist\s+von\s+)([^.\n]+?)(?:\s+(?:schriftlich\s+)?gekündigt(?:\s+werden)?)?(?=[.\n])",
        text,
        re.IGNORECASE,
    )
    term = re.search(
        r"(?:laufzeit\s+(?:beträgt|von)\s+|\b(?:für|auf)\s+(?:die\s+dauer\s+von\s+)?)((?:\d+|ein|zwei|drei|vier|fünf|sechs|zwölf)\s+"
        r"(?:monate|jahre|monat|jahr)n?|unbestimmte\s+zeit)",
        text,
        re.IGNORECASE,
    )
    return {
        "vertragstitel": title.group(1) if title else None,
        "parteien": "\n".join(" ".join(p.split()) for p in parties.groups()) if parties else None,
        "vertragsbeginn": _date_after(r"beginnt\s+am|vertragsbeginn|tritt\s+am|mit\s+wirkung\s+(?:vom|zum)", text),
        "laufzeit": " ".join(term.group(1).split()) if term else None,
        "kuendigungsfrist": " ".join(notice.group(1).split()) if notice else None,
    }


def _quote(text: str) -> dict[str, str | None]:
    return {"gueltig_bis": _date_after(r"gültig\s+bis|angebot\s+gilt\s+bis|bindefrist", text)}


def _delivery_note(text: str) -> dict[str, str | None]:
    return {
        "lieferdatum": _date_after(r"lieferdatum|liefertermin|geliefert\s+am|lieferung\s+am", text),
        "bestellnummer": _order_number(text),
    }


def _order(text: str) -> dict[str, str | None]:
    return {"liefertermin": _date_after(r"liefertermin|liefern\s+sie\s+bis|lieferung\s+bis", text)}


def _order_confirmation(text: str) -> dict[str, str | None]:
    return {"bestellnummer": _order_number(text), **_order(text)}


_READERS: dict[str, Callable[[str], dict[str, str | None]]] = {
    "mahnung": _reminder,
    "gutschrift": _credit_note,
    "handelsregisterauszug": _register_excerpt,
    "vertrag": _contract,
    "angebot": _quote,
    "lieferschein": _delivery_note,
    "bestellung": _order,
    "auftragsbestaetigung": _order_confirmation,
}
