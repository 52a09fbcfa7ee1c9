"""German business documents of ten types, with truth: a never-tuned benchmark set for the type classifier.

`generate_doctypes(n_per_type, seed)` returns `n_per_type` born-digital PDFs of
each type in `DOC_TYPES` (layouts taken in turn), each a `TypedDoc` with the
type, the layout name, its own seed and `truth` (the fields the page prints:
every type `dokumentnummer`, `datum` (ISO), `absender`, `empfaenger`, plus
per-type fields; `None` where the document prints none, e.g. a plain letter
has no document number of its own). `generate_doctype(layout, seed)` makes one.

The set was written WITHOUT looking at the classifier's rules (issue 18) and
carries the traps the issue names: a reminder repeats the invoice's items and
totals and says "Rechnung Nr. ... vom ..."; quotes and order confirmations
speak of "Rechnung" and "Zahlung" in their terms; contracts mention invoices
and payment; delivery notes come with and without prices; a letter that only
announces a new IBAN is `sonstiges`; a purchase order carries an invoice-like
table with VAT and total.

`HELD_OUT_LAYOUTS` (one layout per type) is split off once: tuning may use the
other layouts, the held-out ones stay untouched. Neither group was seen by
the classifier's author.

Scanned variant: feed the PDF to the office-scanner simulation,
`benchmarks.synth.degrade.render_scanned_pdf(doc.pdf, seed=doc.seed)` (or
`scanned(doc)` here), which gives an image-only PDF of the same pages.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pymupdf

from benchmarks.synth.degrade import render_scanned_pdf
from benchmarks.synth.invoice_gen import (
    _CUSTOMERS,
    _ITEMS,
    _SUPPLIERS,
    MONTHS_DE,
    Party,
    _bank_account,
    _party,
    distinct_seeds,
    format_number,
    round_cent,
)
from benchmarks.synth.pdfdraw import A4, FAMILIES, Canvas, finish

DOC_TYPES: tuple[str, ...] = (
    "rechnung",
    "gutschrift",
    "mahnung",
    "lieferschein",
    "angebot",
    "auftragsbestaetigung",
    "bestellung",
    "vertrag",
    "handelsregisterauszug",
    "sonstiges",
)


@dataclass(frozen=True)
class TypedDoc:
    pdf: bytes
    doc_type: str
    layout: str
    seed: int
    truth: dict[str, Any] = field(default_factory=dict)


def scanned(doc: TypedDoc) -> bytes:
    """The office scan of `doc`: an image-only PDF (see `degrade.render_scanned_pdf`)."""
    return render_scanned_pdf(doc.pdf, seed=doc.seed)


# ---------------------------------------------------------------------------
# Formats and data


def _eur(value: Decimal) -> str:
    return format_number(value, "de") + " €"


def _dotted(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def _long(day: dt.date) -> str:
    return f"{day.day}. {MONTHS_DE[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Item:
    pos: int
    article: str
    description: str
    quantity: Decimal
    unit: str
    price: Decimal

    @property
    def total(self) -> Decimal:
        return round_cent(self.quantity * self.price)


def _items(rng: random.Random, count: int) -> list[Item]:
    pool = list(_ITEMS["de"][19])
    rng.shuffle(pool)
    out = []
    for i, (desc, unit, lo, hi, hourly) in enumerate(pool[:count], start=1):
        qty = (
            Decimal(rng.choice((1, 2, 3, 4, 5, 8, 10, 12, 20, 25)))
            if not hourly
            else Decimal(rng.randint(2, 40))
        )
        price = round_cent(Decimal(str(rng.uniform(lo, hi))))
        out.append(Item(i, f"{rng.choice('ABKMSTW')}{rng.randint(1000, 99999)}", desc, qty, unit, price))
    return out


def _sums(items: list[Item]) -> tuple[Decimal, Decimal, Decimal]:
    net = sum((i.total for i in items), Decimal(0))
    vat = round_cent(net * Decimal("0.19"))
    return net, vat, net + vat


def _positionen(items: list[Item], prices: bool) -> list[dict[str, Any]]:
    return [
        {
            "pos": i.pos,
            "artikelnummer": i.article,
            "beschreibung": i.description,
            "menge": float(i.quantity),
            "einheit": i.unit,
            "einzelpreis": float(i.price) if prices else None,
            "gesamtpreis": float(i.total) if prices else None,
            "mwst_satz": 19 if prices else None,
        }
        for i in items
    ]


_FIRST = (
    "Anna",
    "Jürgen",
    "Sabine",
    "Mehmet",
    "Katrin",
    "Thomas",
    "Birgit",
    "Lars",
    "Özlem",
    "Dieter",
    "Renate",
)
_LAST = ("Becker", "Schäfer", "Krüger", "Wolff", "Hoffmann", "Yılmaz", "Lehmann", "Köhler", "Brandt", "Vogel")


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _number(rng: random.Random, prefix: str, day: dt.date) -> str:
    n = rng.randint(1, 99999)
    return rng.choice(
        (f"{prefix}-{day.year}-{n:05d}", f"{prefix}{day.year % 100:02d}{n:05d}", f"{day.year}/{n:04d}")
    )


# ---------------------------------------------------------------------------
# Drawing: a flowing page sequence with a cursor


class _Sheet:
    """Pages of one document: letterhead on page 1, footer on every page, a cursor that breaks pages."""

    MARGIN = 62.0

    def __init__(self, rng: random.Random, sender: Party, head: str, footer: str) -> None:
        self.doc = pymupdf.open()
        self.family = FAMILIES[
            rng.choice(
                ("dejavu-sans", "liberation-sans", "liberation-serif", "helvetica", "times", "dejavu-serif")
            )
        ]
        self.sender = sender
        self.head = head
        self.footer = footer
        self.size = rng.choice((9.5, 10.0, 10.5))
        self._new_page()

    def _new_page(self) -> None:
        page = self.doc.new_page(width=A4.width, height=A4.height)
        self.c = Canvas(page, self.family)
        self.y = 60.0 if self.doc.page_count > 1 else 0.0
        c, m = self.c, self.MARGIN
        c.line(m, c.height - 52, c.width - m, c.height - 52, width=0.4)
        c.fit_text(m, c.height - 40, self.footer, 7, c.width - 2 * m - 60)
        c.text(c.width - m, c.height - 40, f"Seite {self.doc.page_count}", 7, align="right")

    @property
    def right(self) -> float:
        return self.c.width - self.MARGIN

    def ensure(self, height: float) -> None:
        if self.y + height > self.c.height - 70:
            self._new_page()

    def letterhead(self, recipient: Party | None) -> None:
        c, m, s = self.c, self.MARGIN, self.sender
        addr = f"{s.street} · {s.city_line}"
        if self.head == "left":
            c.fit_text(m, 70, s.name, 17, 300, bold=True)
            c.text(m, 86, addr, 8.5)
        elif self.head == "right":
            c.fit_text(self.right, 64, s.name, 15, 300, bold=True, align="right")
            c.text(self.right, 78, s.street, 8.5, align="right")
            c.text(self.right, 89, s.city_line, 8.5, align="right")
        elif self.head == "center":
            c.fit_text(c.width / 2, 62, s.name, 16, 420, bold=True, align="center")
            c.text(c.width / 2, 76, addr, 8.5, align="center")
            c.line(m, 84, self.right, 84, width=0.8)
        else:  # band
            c.box(0, 30, c.width, 92, fill=(0.88, 0.9, 0.93), stroke=None)
            c.fit_text(m, 62, s.name, 16, 330, bold=True)
            c.text(m, 78, addr, 8.5)
        self.y = 120
        if recipient is not None:
            c.text(m, 130, f"{s.name}, {addr}", 6.5)
            c.line(m, 133, m + 230, 133, width=0.3)
            y = 148
            for line in (recipient.name, recipient.contact, recipient.street, recipient.city_line):
                if line:
                    c.text(m, y, line, self.size)
                    y += self.size * 1.35
            self.y = 150.0

    def meta_box(self, rows: list[tuple[str, str]], *, x: float | None = None) -> None:
        """Label/value rows in a block at the right of the address (or at `x`)."""
        c = self.c
        x0 = x if x is not None else 350.0
        y = max(self.y, 150.0) if x is None else self.y
        for label, value in rows:
            c.text(x0, y, label, 8.5)
            c.fit_text(self.right, y, value, 8.5, self.right - x0 - 95, align="right")
            y += 12.5
        self.y = max(self.y + 70 if x is None else y, y) + 12

    def meta_line(self, rows: list[tuple[str, str]]) -> None:
        """Label/value pairs in one row below the title."""
        self.ensure(30)
        c, m = self.c, self.MARGIN
        step = (self.right - m) / max(1, len(rows))
        for i, (label, value) in enumerate(rows):
            c.text(m + i * step, self.y, label, 7.5)
            c.fit_text(m + i * step, self.y + 12, value, 9.5, step - 6, bold=True)
        self.y += 32

    def title(self, text: str, size: float = 15, align: str = "left") -> None:
        self.ensure(30)
        x = self.MARGIN if align == "left" else self.c.width / 2
        self.c.fit_text(x, self.y + size, text, size, self.right - self.MARGIN, bold=True, align=align)  # type: ignore[arg-type]
        self.y += size + 14

    def para(self, text: str, *, bold: bool = False, size: float | None = None) -> None:
        size = size or self.size
        lines = self.c.wrap(text, self.right - self.MARGIN, size, bold)
        for line in lines:
            self.ensure(size * 1.4)
            self.c.text(self.MARGIN, self.y + size, line, size, bold=bold)
            self.y += size * 1.4
        self.y += size * 0.6

    def table(self, items: list[Item], prices: bool, *, article: bool = True) -> None:
        m = self.MARGIN
        cols = [("Pos.", m, "left"), ("Art.-Nr.", m + 30, "left"), ("Bezeichnung", m + (90 if article else 30), "left"),
                ("Menge", 360, "right"), ("Einheit", 368, "left")]  # fmt: skip
        if not article:
            cols.pop(1)
        if prices:
            cols += [("Einzelpreis", 470, "right"), ("Gesamt", self.right, "right")]
        self.ensure(40)
        self.c.box(m, self.y, self.right, self.y + 15, fill=(0.9, 0.9, 0.9), stroke=None)
        for label, x, al in cols:
            self.c.text(x, self.y + 11, label, 8, bold=True, align=al)  # type: ignore[arg-type]
        self.y += 19
        for it in items:
            self.ensure(16)
            vals = [str(it.pos), it.article, it.description, format_number(it.quantity, "de", 0), it.unit]
            if not article:
                vals.pop(1)
            if prices:
                vals += [format_number(it.price, "de"), format_number(it.total, "de")]
            for (_, x, al), v in zip(cols, vals, strict=True):
                width = 360 - x - 40 if v == it.description else 90
                self.c.fit_text(x, self.y + 10, v, 9, width, align=al)  # type: ignore[arg-type]
            self.y += 14
        self.c.line(m, self.y, self.right, self.y, width=0.5)
        self.y += 8

    def totals(self, rows: list[tuple[str, str]], bold_last: bool = True) -> None:
        self.ensure(16 * len(rows) + 8)
        c = self.c
        for i, (label, value) in enumerate(rows):
            bold = bold_last and i == len(rows) - 1
            c.text(360, self.y + 10, label, 9.5, bold=bold)
            c.text(self.right, self.y + 10, value, 9.5, bold=bold, align="right")
            self.y += 14
        self.y += 10

    def signature(self, names: list[str]) -> None:
        self.ensure(70)
        c, m = self.c, self.MARGIN
        self.y += 30
        step = (self.right - m) / len(names)
        for i, name in enumerate(names):
            c.line(m + i * step, self.y, m + i * step + step - 30, self.y, width=0.4)
            c.fit_text(m + i * step, self.y + 11, name, 8, step - 30)
        self.y += 24

    def pdf(self, title: str) -> bytes:
        return finish(self.doc, title=title, author=self.sender.name)


# ---------------------------------------------------------------------------
# The common frame of a business letter


@dataclass
class _Ctx:
    rng: random.Random
    sender: Party
    recipient: Party
    day: dt.date
    iban: str
    clerk: str

    @property
    def footer(self) -> str:
        return f"{self.sender.name} · {self.sender.street} · {self.sender.city_line} · IBAN {self.iban}"

    def base_truth(self, number: str | None) -> dict[str, Any]:
        return {
            "dokumentnummer": number,
            "datum": self.day.isoformat(),
            "absender": self.sender.name,
            "empfaenger": self.recipient.name,
        }


def _ctx(rng: random.Random) -> _Ctx:
    sender = _party(rng, _SUPPLIERS, False)
    recipient = _party(rng, _CUSTOMERS, rng.random() < 0.5)
    day = dt.date(2023, 1, 1) + dt.timedelta(days=rng.randint(0, 900))
    iban = _bank_account(rng).formatted
    return _Ctx(rng, sender, recipient, day, iban, _person(rng))


def _greeting(ctx: _Ctx) -> str:
    return ctx.rng.choice(
        ("Sehr geehrte Damen und Herren,", "Guten Tag,", "Sehr geehrte Kundin, sehr geehrter Kunde,")
    )


def _closing(sheet: _Sheet, ctx: _Ctx) -> None:
    sheet.para(ctx.rng.choice(("Mit freundlichen Grüßen", "Freundliche Grüße", "Mit besten Grüßen")))
    sheet.para(ctx.clerk)
    sheet.para(ctx.sender.name)


# ---------------------------------------------------------------------------
# Types. Each layout function draws one document and returns (pdf, truth).

Drawn = tuple[bytes, dict[str, Any]]


def _rechnung(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        head = {"klassisch": "left", "briefkopf_rechts": "right", "honorar": "center", "band": "band"}[
            variant
        ]
        sheet = _Sheet(rng, ctx.sender, head, ctx.footer)
        sheet.letterhead(ctx.recipient)
        number = _number(rng, "RE", ctx.day)
        kunde = f"K{rng.randint(10000, 99999)}"
        leistung = ctx.day - dt.timedelta(days=rng.randint(1, 20))
        items = _items(rng, rng.randint(2, 6))
        net, vat, gross = _sums(items)
        due = ctx.day + dt.timedelta(days=14)
        if variant == "briefkopf_rechts":
            sheet.y = 230
            sheet.title(f"Rechnung Nr. {number}")
            sheet.meta_line(
                [("Datum", _dotted(ctx.day)), ("Kundennummer", kunde), ("Leistungsdatum", _dotted(leistung))]
            )
        else:
            sheet.meta_box([("Rechnungsnummer:", number), ("Rechnungsdatum:", _dotted(ctx.day)),
                            ("Kunden-Nr.:", kunde), ("Leistungsdatum:", _dotted(leistung))])  # fmt: skip
            sheet.title("Honorarrechnung" if variant == "honorar" else "Rechnung")
        sheet.para(_greeting(ctx))
        sheet.para("für die erbrachten Leistungen erlauben wir uns, Ihnen wie folgt zu berechnen:")
        sheet.table(items, True, article=variant != "honorar")
        sheet.totals(
            [("Nettobetrag", _eur(net)), ("zzgl. 19 % USt.", _eur(vat)), ("Rechnungsbetrag", _eur(gross))]
        )
        sheet.para(f"Bitte überweisen Sie den Rechnungsbetrag bis zum {_dotted(due)} ohne Abzug auf das unten "
                   f"genannte Konto (IBAN {ctx.iban}). Bitte geben Sie die Rechnungsnummer als Verwendungszweck an.")  # fmt: skip
        _closing(sheet, ctx)
        truth = ctx.base_truth(number) | {
            "betrag_netto": float(net), "betrag_brutto": float(gross), "faellig": due.isoformat(),
            "positionen": _positionen(items, True),
        }  # fmt: skip
        return sheet.pdf("Rechnung"), truth

    return draw


def _gutschrift(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        head = {"gutschrift": "left", "rechnungskorrektur": "right", "storno": "center"}[variant]
        sheet = _Sheet(rng, ctx.sender, head, ctx.footer)
        sheet.letterhead(ctx.recipient)
        prefix = {"gutschrift": "GS", "rechnungskorrektur": "RK", "storno": "ST"}[variant]
        number = _number(rng, prefix, ctx.day)
        ref_day = ctx.day - dt.timedelta(days=rng.randint(5, 60))
        ref = _number(rng, "RE", ref_day)
        items = _items(rng, rng.randint(1, 4))
        net, vat, gross = _sums(items)
        title = {
            "gutschrift": "Gutschrift",
            "rechnungskorrektur": "Rechnungskorrektur",
            "storno": "Stornorechnung",
        }[variant]
        label = {
            "gutschrift": "Gutschrift-Nr.:",
            "rechnungskorrektur": "Korrektur-Nr.:",
            "storno": "Storno-Nr.:",
        }[variant]
        sheet.meta_box([(label, number), ("Datum:", _dotted(ctx.day)), ("zu Rechnung:", ref)])
        sheet.title(f"{title} zur Rechnung {ref}" if variant != "gutschrift" else title)
        sheet.para(_greeting(ctx))
        if variant == "storno":
            sheet.para(f"hiermit stornieren wir unsere Rechnung Nr. {ref} vom {_dotted(ref_day)} in voller Höhe. "
                       "Die folgenden Positionen werden Ihnen gutgeschrieben:")  # fmt: skip
            sign = "-"
        elif variant == "rechnungskorrektur":
            sheet.para(f"unsere Rechnung Nr. {ref} vom {_dotted(ref_day)} enthielt fehlerhafte Positionen. "
                       "Wir korrigieren sie wie folgt und schreiben Ihnen die Differenz gut:")  # fmt: skip
            sign = "-"
        else:
            sheet.para(f"aufgrund Ihrer Reklamation zu unserer Rechnung Nr. {ref} vom {_dotted(ref_day)} "
                       "erhalten Sie folgende Gutschrift:")  # fmt: skip
            sign = ""
        sheet.table(items, True)
        sheet.totals([("Summe netto", sign + _eur(net)), ("19 % MwSt.", sign + _eur(vat)),
                      ("Gutschriftsbetrag" if variant == "gutschrift" else "Gesamtbetrag", sign + _eur(gross))])  # fmt: skip
        sheet.para(rng.choice(("Den Betrag überweisen wir in den nächsten Tagen auf Ihr Konto.",
                               "Der Betrag wird mit Ihrer nächsten Rechnung verrechnet.")))  # fmt: skip
        _closing(sheet, ctx)
        truth = ctx.base_truth(number) | {
            "bezug_rechnungsnummer": ref, "betrag_netto": float(net), "betrag_brutto": float(gross),
            "titel": title, "positionen": _positionen(items, True),
        }  # fmt: skip
        return sheet.pdf(title), truth

    return draw


_MAHN_TITLE = {"zahlungserinnerung": ("Zahlungserinnerung", 1), "erste": ("1. Mahnung", 1),
               "mahnung": ("Mahnung", 2), "letzte": ("Letzte Mahnung", 3)}  # fmt: skip


def _mahnung(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        title, stufe = _MAHN_TITLE[variant]
        head = {"zahlungserinnerung": "right", "erste": "left", "mahnung": "band", "letzte": "center"}[
            variant
        ]
        sheet = _Sheet(rng, ctx.sender, head, ctx.footer)
        sheet.letterhead(ctx.recipient)
        number = _number(rng, "MA", ctx.day)
        inv_day = ctx.day - dt.timedelta(days=rng.randint(30, 90))
        inv = _number(rng, "RE", inv_day)
        items = _items(rng, rng.randint(1, 4))
        net, vat, gross = _sums(items)
        fee = Decimal(0) if stufe == 1 else Decimal(rng.choice(("5.00", "10.00", "15.00")))
        open_amount = gross
        frist = ctx.day + dt.timedelta(days=rng.choice((7, 10, 14)))
        sheet.meta_box(
            [
                ("Mahnungs-Nr.:", number),
                ("Datum:", _dotted(ctx.day)),
                ("Kundennummer:", f"K{rng.randint(10000, 99999)}"),
            ]
        )
        sheet.title(f"{title} – Rechnung Nr. {inv}" if variant == "erste" else title)
        sheet.para(_greeting(ctx))
        if stufe == 1:
            sheet.para(f"sicher ist es Ihrer Aufmerksamkeit entgangen, dass unsere Rechnung Nr. {inv} vom "
                       f"{_dotted(inv_day)} über {_eur(gross)} noch nicht beglichen ist.")  # fmt: skip
        elif stufe == 2:
            sheet.para(f"trotz unserer Zahlungserinnerung ist die Rechnung Nr. {inv} vom {_dotted(inv_day)} "
                       "weiterhin offen. Wir mahnen hiermit den folgenden Betrag an:")  # fmt: skip
        else:
            sheet.para(f"auf unsere bisherigen Mahnungen zur Rechnung Nr. {inv} vom {_dotted(inv_day)} haben Sie "
                       "nicht reagiert. Dies ist unsere letzte Mahnung vor Übergabe an ein Inkassobüro.")  # fmt: skip
        if variant in ("erste", "letzte", "mahnung"):
            # The trap: the reminder repeats the invoice's table and totals.
            sheet.para("Zur Erinnerung die Positionen der Rechnung:", size=8.5)
            sheet.table(items, True)
            sheet.totals(
                [
                    ("Nettobetrag", _eur(net)),
                    ("zzgl. 19 % USt.", _eur(vat)),
                    ("Rechnungsbetrag", _eur(gross)),
                ],
                bold_last=False,
            )
        rows = [("Offener Betrag", _eur(open_amount))]
        if fee:
            rows += [("Mahngebühr", _eur(fee)), ("Zu zahlender Betrag", _eur(open_amount + fee))]
        sheet.totals(rows)
        sheet.para(f"Bitte überweisen Sie den Betrag bis spätestens {_dotted(frist)} auf unser Konto IBAN "
                   f"{ctx.iban}. Sollten Sie die Zahlung inzwischen geleistet haben, betrachten Sie dieses "
                   "Schreiben bitte als gegenstandslos.")  # fmt: skip
        _closing(sheet, ctx)
        truth = ctx.base_truth(number) | {
            "mahnstufe": stufe, "bezug_rechnungsnummer": inv, "offener_betrag": float(open_amount),
            "mahngebuehr": float(fee) if fee else None, "zahlungsfrist": frist.isoformat(), "titel": title,
        }  # fmt: skip
        return sheet.pdf(title), truth

    return draw


def _lieferschein(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        prices = variant == "mit_preisen"
        head = {"ohne_preise": "left", "mit_preisen": "right", "packliste": "band"}[variant]
        sheet = _Sheet(rng, ctx.sender, head, ctx.footer)
        sheet.letterhead(ctx.recipient)
        number = _number(rng, "LS", ctx.day)
        order = f"{rng.choice(('BE', 'PO', 'B'))}-{rng.randint(100000, 999999)}"
        liefer = ctx.day + dt.timedelta(days=rng.randint(0, 2))
        items = _items(rng, rng.randint(2, 7))
        title = "Lieferschein / Packliste" if variant == "packliste" else "Lieferschein"
        sheet.meta_box([("Lieferschein-Nr.:", number), ("Datum:", _dotted(ctx.day)), ("Ihre Bestellung:", order),
                        ("Liefertermin:", _dotted(liefer))])  # fmt: skip
        sheet.title(title)
        sheet.para(f"Wir liefern Ihnen gemäß Ihrer Bestellung {order} folgende Waren:")
        sheet.table(items, prices)
        if prices:
            net, vat, gross = _sums(items)
            sheet.totals(
                [("Warenwert netto", _eur(net)), ("19 % MwSt.", _eur(vat)), ("Warenwert brutto", _eur(gross))]
            )
            sheet.para(
                "Die Rechnung erhalten Sie gesondert per E-Mail. Dieser Lieferschein ist keine Rechnung."
            )
        if variant == "packliste":
            sheet.para(
                f"Anzahl Packstücke: {rng.randint(1, 9)}   Gesamtgewicht: {rng.randint(3, 400)} kg   Versand: Spedition"
            )
        sheet.para("Ware vollständig und in einwandfreiem Zustand erhalten:")
        sheet.signature(["Datum, Unterschrift Empfänger", "Fahrer"])
        truth = ctx.base_truth(number) | {
            "lieferdatum": liefer.isoformat(), "bestellnummer": order, "positionen": _positionen(items, prices),
            "mit_preisen": prices,
        }  # fmt: skip
        return sheet.pdf(title), truth

    return draw


def _angebot(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        head = {"angebot": "left", "kostenvoranschlag": "center", "angebot_rechts": "right"}[variant]
        sheet = _Sheet(rng, ctx.sender, head, ctx.footer)
        sheet.letterhead(ctx.recipient)
        number = _number(rng, "AN" if variant != "kostenvoranschlag" else "KV", ctx.day)
        valid = ctx.day + dt.timedelta(days=rng.choice((14, 30, 60)))
        items = _items(rng, rng.randint(2, 6))
        net, vat, gross = _sums(items)
        title = "Kostenvoranschlag" if variant == "kostenvoranschlag" else "Angebot"
        if variant == "angebot_rechts":
            sheet.y = 230
            sheet.title(f"Angebot Nr. {number}")
            sheet.meta_line(
                [("Datum", _dotted(ctx.day)), ("Gültig bis", _dotted(valid)), ("Ansprechpartner", ctx.clerk)]
            )
        else:
            sheet.meta_box(
                [(f"{title}-Nr.:", number), ("Datum:", _dotted(ctx.day)), ("Gültig bis:", _dotted(valid))]
            )
            sheet.title(title)
        sheet.para(_greeting(ctx))
        sheet.para("vielen Dank für Ihre Anfrage. Gerne bieten wir Ihnen die folgenden Leistungen an:")
        sheet.table(items, True)
        sheet.totals(
            [
                ("Summe netto", _eur(net)),
                ("zzgl. 19 % MwSt.", _eur(vat)),
                ("Angebotssumme brutto", _eur(gross)),
            ]
        )
        # The trap: terms that speak of Rechnung and Zahlung.
        sheet.para("Zahlungsbedingungen: Die Rechnungsstellung erfolgt nach Abnahme der Leistung. Zahlung "
                   "innerhalb von 14 Tagen nach Rechnungseingang ohne Abzug. Bei Auftragserteilung über "
                   f"{_eur(Decimal(5000))} stellen wir eine Anzahlungsrechnung über 30 %.")  # fmt: skip
        sheet.para(
            f"Dieses Angebot ist freibleibend und gültig bis {_dotted(valid)}. Wir freuen uns auf Ihren Auftrag."
        )
        _closing(sheet, ctx)
        truth = ctx.base_truth(number) | {
            "gueltig_bis": valid.isoformat(), "betrag_netto": float(net), "betrag_brutto": float(gross), "titel": title,
        }  # fmt: skip
        return sheet.pdf(title), truth

    return draw


def _auftragsbestaetigung(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        head = {"klassisch": "left", "bestellbestaetigung": "band", "knapp": "right"}[variant]
        sheet = _Sheet(rng, ctx.sender, head, ctx.footer)
        sheet.letterhead(ctx.recipient)
        number = _number(rng, "AB", ctx.day)
        order_day = ctx.day - dt.timedelta(days=rng.randint(1, 10))
        order = f"{rng.choice(('BE', 'PO', 'EK'))}-{rng.randint(100000, 999999)}"
        liefer = ctx.day + dt.timedelta(days=rng.randint(5, 40))
        items = _items(rng, rng.randint(2, 6))
        net, vat, gross = _sums(items)
        title = {"klassisch": "Auftragsbestätigung", "bestellbestaetigung": "Bestellbestätigung",
                 "knapp": f"Auftragsbestätigung Nr. {number}"}[variant]  # fmt: skip
        sheet.meta_box([("AB-Nummer:", number), ("Datum:", _dotted(ctx.day)), ("Ihre Bestellung:", order),
                        ("vom:", _dotted(order_day)), ("Liefertermin:", _dotted(liefer))])  # fmt: skip
        sheet.title(title)
        sheet.para(_greeting(ctx))
        sheet.para(f"vielen Dank für Ihre Bestellung {order} vom {_dotted(order_day)}. Wir bestätigen Ihren Auftrag "
                   "zu den nachstehenden Bedingungen:")  # fmt: skip
        sheet.table(items, True, article=variant != "knapp")
        sheet.totals(
            [("Nettobetrag", _eur(net)), ("19 % MwSt.", _eur(vat)), ("Auftragswert brutto", _eur(gross))]
        )
        sheet.para(f"Voraussichtlicher Liefertermin: {_dotted(liefer)}. Die Rechnung erhalten Sie mit der Lieferung. "
                   "Zahlung: 30 Tage netto, bei Zahlung innerhalb von 10 Tagen 2 % Skonto. Bitte prüfen Sie diese "
                   "Auftragsbestätigung und teilen Sie uns Abweichungen umgehend mit.")  # fmt: skip
        _closing(sheet, ctx)
        truth = ctx.base_truth(number) | {
            "bestellnummer": order, "liefertermin": liefer.isoformat(), "betrag_netto": float(net),
            "betrag_brutto": float(gross),
        }  # fmt: skip
        return sheet.pdf("Auftragsbestätigung"), truth

    return draw


def _bestellung(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        # The buyer writes: sender is the customer, recipient the supplier.
        ctx.sender, ctx.recipient = _party(rng, _CUSTOMERS, False), _party(rng, _SUPPLIERS, True)
        head = {"bestellung": "left", "bestellschein": "center", "einkauf": "band"}[variant]
        sheet = _Sheet(rng, ctx.sender, head, ctx.footer)
        sheet.letterhead(ctx.recipient)
        number = f"{rng.choice(('BE', 'PO', 'EK'))}-{rng.randint(100000, 999999)}"
        liefer = ctx.day + dt.timedelta(days=rng.randint(5, 30))
        items = _items(rng, rng.randint(2, 7))
        net, vat, gross = _sums(items)
        title = {
            "bestellung": "Bestellung",
            "bestellschein": "Bestellschein",
            "einkauf": f"Bestellung Nr. {number}",
        }[variant]
        sheet.meta_box([("Bestell-Nr.:", number), ("Bestelldatum:", _dotted(ctx.day)), ("Lieferanten-Nr.:", f"L{rng.randint(1000, 9999)}"),
                        ("Liefertermin:", _dotted(liefer))])  # fmt: skip
        sheet.title(title)
        sheet.para(_greeting(ctx))
        sheet.para("hiermit bestellen wir zu den Bedingungen Ihres Angebots verbindlich:")
        # The trap: an invoice-like table with VAT and total.
        sheet.table(items, True)
        sheet.totals(
            [("Nettobetrag", _eur(net)), ("zzgl. 19 % USt.", _eur(vat)), ("Gesamtbetrag", _eur(gross))]
        )
        sheet.para(f"Lieferung frei Haus bis {_dotted(liefer)}. Bitte geben Sie auf Lieferschein und Rechnung unsere "
                   f"Bestellnummer {number} an; Rechnungen ohne Bestellnummer können wir nicht bearbeiten. Zahlung "
                   "innerhalb von 30 Tagen nach Rechnungseingang.")  # fmt: skip
        _closing(sheet, ctx)
        truth = ctx.base_truth(number) | {
            "liefertermin": liefer.isoformat(), "betrag_netto": float(net), "betrag_brutto": float(gross),
            "positionen": _positionen(items, True),
        }  # fmt: skip
        return sheet.pdf(title), truth

    return draw


_CONTRACT_TITLES = {
    "dienstleistung": "Dienstleistungsvertrag",
    "miete": "Mietvertrag über Gewerberäume",
    "rahmen": "Rahmenvereinbarung",
    "wartung": "Wartungsvertrag",
}
_FRISTEN = ("drei Monate zum Quartalsende", "sechs Monate zum Jahresende", "einen Monat zum Monatsende",
            "drei Monate zum Ende der Laufzeit")  # fmt: skip
_FILLERS = (
    (
        "Die Regelungen dieses Paragraphen gelten entsprechend für alle Leistungen, die im Zusammenhang mit dem "
        "Vertragsgegenstand erbracht werden, einschließlich etwaiger Nebenleistungen."
    ),
    (
        "Einzelheiten regeln die Parteien in gesonderten, schriftlich zu vereinbarenden Leistungsscheinen, die "
        "diesem Vertrag als Anlagen beigefügt werden."
    ),
    (
        "Bei Widersprüchen zwischen diesem Vertrag und seinen Anlagen gehen die Bestimmungen dieses Vertrages vor, "
        "soweit in der Anlage nicht ausdrücklich etwas anderes bestimmt ist."
    ),
    "Mündliche Nebenabreden bestehen nicht. Erklärungen nach diesem Paragraphen bedürfen der Textform.",
    (
        "Die Parteien werden sich gegenseitig unverzüglich über alle Umstände informieren, die die Durchführung "
        "dieses Vertrages beeinträchtigen können."
    ),
    (
        "Leistungsänderungen, die eine Partei verlangt, werden im Rahmen eines Änderungsverfahrens geprüft und "
        "schriftlich vereinbart, bevor sie umgesetzt werden."
    ),
    (
        "Die Pflichten aus diesem Paragraphen bestehen auch gegenüber verbundenen Unternehmen im Sinne der §§ 15 ff. "
        "AktG, soweit diese Leistungen aus diesem Vertrag in Anspruch nehmen."
    ),
)
_LAUFZEITEN = ("12 Monate", "24 Monate", "unbestimmte Zeit", "36 Monate")


def _vertrag(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        title = _CONTRACT_TITLES[variant]
        sheet = _Sheet(rng, ctx.sender, "center" if variant != "rahmen" else "right", ctx.footer)
        sheet.letterhead(None)
        number = f"V-{ctx.day.year}-{rng.randint(100, 9999):04d}"
        begin = dt.date(ctx.day.year, ctx.day.month, 1) + dt.timedelta(days=rng.choice((31, 62, 92)))
        begin = begin.replace(day=1)
        laufzeit, frist = rng.choice(_LAUFZEITEN), rng.choice(_FRISTEN)
        fee = round_cent(Decimal(rng.randint(300, 9000)))
        a, b = ctx.sender, ctx.recipient
        role_a, role_b = {"dienstleistung": ("Auftragnehmer", "Auftraggeber"), "miete": ("Vermieter", "Mieter"),
                          "rahmen": ("Lieferant", "Abnehmer"), "wartung": ("Auftragnehmer", "Auftraggeber")}[variant]  # fmt: skip
        sheet.y = 110
        sheet.title(title, 18, "center")
        sheet.para(f"Vertragsnummer: {number}")
        sheet.para("zwischen")
        sheet.para(f"{a.name}, {a.street}, {a.city_line}, vertreten durch {_person(rng)}", bold=True)
        sheet.para(f"– nachstehend „{role_a}“ genannt –")
        sheet.para("und")
        sheet.para(f"{b.name}, {b.street}, {b.city_line}, vertreten durch {_person(rng)}", bold=True)
        sheet.para(f"– nachstehend „{role_b}“ genannt –")
        subject = {"dienstleistung": "die Erbringung von IT- und Beratungsdienstleistungen gemäß Anlage 1",
                   "miete": f"die Vermietung der Gewerbeflächen im Objekt {a.street}, {a.city_line}, "
                            f"mit einer Fläche von ca. {rng.randint(80, 900)} m²",
                   "rahmen": "die Lieferung von Waren aus dem Sortiment des Lieferanten auf Grundlage von Einzelabrufen",
                   "wartung": "die regelmäßige Wartung und Instandhaltung der in Anlage 1 aufgeführten Anlagen"}[variant]  # fmt: skip
        per = "monatlich" if variant != "rahmen" else "je Abruf gemäß Preisliste, mindestens"
        clauses = [
            ("Vertragsgegenstand", f"Gegenstand dieses Vertrages ist {subject}. Die Anlagen sind Bestandteil des Vertrages."),
            ("Vertragsbeginn und Laufzeit", (f"Der Vertrag beginnt am {_dotted(begin)} und wird für {laufzeit} "
             "geschlossen. Er verlängert sich jeweils um zwölf Monate, wenn er nicht fristgerecht gekündigt wird.")),
            ("Vergütung", (f"Der {role_b} zahlt {per} {_eur(fee)} zuzüglich der gesetzlichen Umsatzsteuer. Der "
             f"{role_a} stellt hierüber jeweils eine Rechnung. Rechnungen sind innerhalb von 14 Tagen nach "
             "Zugang ohne Abzug zur Zahlung fällig. Bei Zahlungsverzug gelten die gesetzlichen Verzugszinsen.")),
            ("Pflichten der Parteien", ("Die Parteien arbeiten vertrauensvoll zusammen. Jede Partei benennt einen "
             "Ansprechpartner, der zur Abgabe und Entgegennahme von Erklärungen berechtigt ist. Änderungen des "
             "Leistungsumfangs bedürfen einer schriftlichen Vereinbarung.")),
            ("Haftung", ("Die Haftung für leicht fahrlässige Pflichtverletzungen ist ausgeschlossen, sofern nicht "
             "wesentliche Vertragspflichten, Leben, Körper oder Gesundheit betroffen sind. Die Haftung nach dem "
             "Produkthaftungsgesetz bleibt unberührt.")),
            ("Vertraulichkeit", ("Die Parteien verpflichten sich, alle ihnen im Rahmen dieses Vertrages bekannt "
             "gewordenen Geschäfts- und Betriebsgeheimnisse vertraulich zu behandeln. Diese Pflicht besteht über "
             "das Vertragsende hinaus fort.")),
            ("Datenschutz", ("Soweit personenbezogene Daten verarbeitet werden, schließen die Parteien eine "
             "gesonderte Vereinbarung zur Auftragsverarbeitung nach Art. 28 DSGVO.")),
            ("Kündigung", (f"Der Vertrag kann von beiden Parteien mit einer Frist von {frist} gekündigt werden. Das "
             "Recht zur außerordentlichen Kündigung aus wichtigem Grund bleibt unberührt. Die Kündigung bedarf "
             "der Schriftform.")),
            ("Schlussbestimmungen", (f"Änderungen und Ergänzungen bedürfen der Schriftform. Gerichtsstand ist "
             f"{a.city}. Sollte eine Bestimmung unwirksam sein, bleibt die Wirksamkeit der übrigen "
             "Bestimmungen unberührt. Es gilt das Recht der Bundesrepublik Deutschland.")),
        ]  # fmt: skip
        if variant == "miete":
            clauses.insert(3, ("Nebenkosten und Kaution", (f"Neben der Miete zahlt der Mieter monatliche "
                               f"Vorauszahlungen auf die Betriebskosten. Über die Vorauszahlungen wird jährlich "
                               f"abgerechnet. Die Kaution beträgt {_eur(fee * 3)}.")))  # fmt: skip
        most = 5 if variant == "rahmen" else 3
        for i, (heading, body) in enumerate(clauses, start=1):
            sheet.y += 4
            sheet.ensure(60)
            sheet.para(f"§ {i} {heading}", bold=True)
            sheet.para(f"(1) {body}")
            for k, extra in enumerate(rng.sample(_FILLERS, rng.randint(1, most)), start=2):
                sheet.para(f"({k}) {extra}")
        sheet.para(f"{a.city}, den {_dotted(ctx.day)}")
        sheet.signature([f"{role_a}: {a.name}", f"{role_b}: {b.name}"])
        if variant in ("rahmen", "wartung"):
            # A price list as an annex: a contract with an invoice-like table.
            sheet.ensure(10_000)
            sheet.title(
                "Anlage 1 – Preisliste"
                if variant == "rahmen"
                else "Anlage 1 – Leistungsverzeichnis und Preise"
            )
            sheet.para(
                f"zum {title} Nr. {number}. Alle Preise netto zuzüglich der gesetzlichen Umsatzsteuer."
            )
            sheet.table(_items(rng, rng.randint(3, 7)), True)
        truth = ctx.base_truth(number) | {
            "vertragstitel": title, "parteien": [a.name, b.name], "vertragsbeginn": begin.isoformat(),
            "laufzeit": laufzeit, "kuendigungsfrist": frist,
        }  # fmt: skip
        return sheet.pdf(title), truth

    return draw


_COURTS = ("München", "Berlin (Charlottenburg)", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart",
           "Düsseldorf", "Leipzig", "Hannover", "Nürnberg")  # fmt: skip
_OBJECTS = ("die Erbringung von Dienstleistungen im Bereich der Informationstechnologie",
            "der Handel mit Waren aller Art, insbesondere Büro- und Geschäftsbedarf",
            "die Planung und Ausführung von Bauleistungen sowie die Vermietung von Baumaschinen",
            "die Herstellung und der Vertrieb von Lebensmitteln")  # fmt: skip


def _handelsregister(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        court = rng.choice(_COURTS)
        seat = court.split(" (")[0]
        regnr = f"HRB {rng.randint(1000, 250000)}"
        base = rng.choice(("Nordlicht", "Alpenblick", "Rheintal", "Hanse", "Spreewerk", "Mainufer", "Elbe"))
        firma = f"{base} {rng.choice(('Solutions', 'Handel', 'Bau', 'Feinkost'))} GmbH"
        capital = Decimal(rng.choice((25000, 50000, 100000, 250000)))
        gfs = [_person(rng) for _ in range(rng.randint(1, 2))]
        births = [dt.date(rng.randint(1955, 1995), rng.randint(1, 12), rng.randint(1, 28)) for _ in gfs]
        gf_cities = [rng.choice(("München", "Berlin", "Hamburg", "Köln", "Leipzig", "Bonn")) for _ in gfs]
        contract_day = ctx.day - dt.timedelta(days=rng.randint(400, 5000))
        last = ctx.day - dt.timedelta(days=rng.randint(10, 380))
        entries = rng.randint(1, 9)
        absender = f"Amtsgericht {court}"
        footer = f"{absender} – Registergericht – · Abruf vom {_dotted(ctx.day)} · {regnr}"
        sheet = _Sheet(rng, Party(absender, "", "", "", ""), "none", footer)
        sheet.y = 60
        c, m = sheet.c, sheet.MARGIN
        kind = {
            "aktuell": "Aktueller Ausdruck",
            "chronologisch": "Chronologischer Ausdruck",
            "spalten": "Aktueller Ausdruck",
        }[variant]
        c.text(m, 70, f"Handelsregister B des Amtsgerichts {court}", 10, bold=True)
        c.text(sheet.right, 70, "Abteilung B", 9, align="right")
        c.text(m, 84, f"Abruf vom {_dotted(ctx.day)} {rng.randint(7, 18):02d}:{rng.randint(0, 59):02d}", 8.5)
        c.text(sheet.right, 84, f"Nummer der Firma: {regnr}", 9, bold=True, align="right")
        sheet.y = 100
        sheet.title(kind, 14, "center")
        gf_text = "; ".join(f"Geschäftsführer: {n.split()[1]}, {n.split()[0]}, {gc}, *{_dotted(bd)}"
                            for n, bd, gc in zip(gfs, births, gf_cities, strict=True))  # fmt: skip
        vertretung = ("Ist nur ein Geschäftsführer bestellt, so vertritt er die Gesellschaft allein. Sind mehrere "
                      "Geschäftsführer bestellt, so wird die Gesellschaft gemeinschaftlich durch zwei "
                      "Geschäftsführer oder durch einen Geschäftsführer in Gemeinschaft mit einem Prokuristen vertreten.")  # fmt: skip
        prokura = rng.choice(
            ("", f"Einzelprokura: {_person(rng).split()[1]}, {_person(rng).split()[0]}, {seat}")
        )
        rows = [
            ("1.", "Anzahl der bisherigen Eintragungen:", str(entries)),
            ("2.", "a) Firma:", firma),
            ("", "b) Sitz, Niederlassung, inländische Geschäftsanschrift:", f"{seat}; Geschäftsanschrift: {ctx.sender.street}, {ctx.sender.plz} {seat}"),
            ("", "c) Gegenstand des Unternehmens:", f"Gegenstand des Unternehmens ist {rng.choice(_OBJECTS)}."),
            ("3.", "Grund- oder Stammkapital:", _eur(capital).replace(" €", " EUR")),
            ("4.", "a) Allgemeine Vertretungsregelung:", vertretung),
            ("", ("b) Vorstand, Leitungsorgan, geschäftsführende Direktoren, persönlich haftende Gesellschafter, "
                 "Geschäftsführer, Vertretungsberechtigte und besondere Vertretungsbefugnis:"), gf_text),
            ("5.", "Prokura:", prokura),
            ("6.", "a) Rechtsform, Beginn, Satzung oder Gesellschaftsvertrag:",
             f"Gesellschaft mit beschränkter Haftung. Gesellschaftsvertrag vom {_dotted(contract_day)}"),
            ("", "b) Sonstige Rechtsverhältnisse:", ""),
            ("7.", "a) Tag der letzten Eintragung:", _dotted(last)),
        ]  # fmt: skip
        if variant == "spalten":
            # The wide table of the register sheet: numbered columns side by side.
            heads = ["1", "2", "3", "4", "5", "6", "7"]
            titles = ["Nummer der Eintragung", "a) Firma b) Sitz c) Gegenstand", "Grund- oder Stammkapital",
                      "a) Vertretung b) Geschäftsführer", "Prokura", "a) Rechtsform b) Sonstiges",
                      "a) Tag der Eintragung"]  # fmt: skip
            xs = [m, m + 30, m + 150, m + 210, m + 330, m + 385, m + 445]
            widths = [26, 116, 56, 116, 51, 56, sheet.right - xs[6]]
            for x, h, t, w in zip(xs, heads, titles, widths, strict=True):
                c.text(x, sheet.y + 8, h, 8, bold=True)
                yy = sheet.y + 18
                for line in c.wrap(t, w, 6.5):
                    c.text(x, yy, line, 6.5)
                    yy += 8
            sheet.y += 48
            c.line(m, sheet.y, sheet.right, sheet.y, width=0.5)
            cells = [str(entries), f"a) {firma} b) {seat} c) Gegenstand des Unternehmens ist {rng.choice(_OBJECTS)}.",
                     _eur(capital).replace(" €", " EUR"), f"a) {vertretung} b) {gf_text}", prokura,
                     f"a) Gesellschaft mit beschränkter Haftung. Gesellschaftsvertrag vom {_dotted(contract_day)}",
                     _dotted(last)]  # fmt: skip
            bottom = sheet.y
            for x, cell, w in zip(xs, cells, widths, strict=True):
                yy = sheet.y + 10
                for line in c.wrap(cell, w, 7):
                    c.text(x, yy, line, 7)
                    yy += 9
                bottom = max(bottom, yy)
            sheet.y = bottom + 10
        else:
            for num, label, value in rows:
                sheet.ensure(30)
                sheet.c.text(m, sheet.y + 10, num, 9, bold=True)
                label_lines = sheet.c.wrap(label, 170, 8.5)
                value_lines = sheet.c.wrap(value, sheet.right - m - 210, 9) if value else []
                for k, line in enumerate(label_lines):
                    sheet.c.text(m + 20, sheet.y + 10 + k * 11, line, 8.5)
                for k, line in enumerate(value_lines):
                    sheet.c.text(m + 205, sheet.y + 10 + k * 12, line, 9)
                sheet.y += max(len(label_lines) * 11, len(value_lines) * 12) + 8
            if variant == "chronologisch":
                sheet.y += 6
                sheet.para(
                    f"Eintragung Nr. 1 vom {_dotted(contract_day + dt.timedelta(days=30))}: Neueintragung.",
                    size=8.5,
                )
                sheet.para(
                    f"Eintragung Nr. {entries} vom {_dotted(last)}: Änderung der Geschäftsanschrift.",
                    size=8.5,
                )
        truth = {
            "dokumentnummer": regnr, "datum": ctx.day.isoformat(), "absender": absender, "empfaenger": None,
            "registergericht": f"Amtsgericht {court}", "registernummer": regnr, "firma": firma, "sitz": seat,
            "stammkapital": float(capital), "geschaeftsfuehrer": gfs,
        }  # fmt: skip
        return sheet.pdf(kind), truth

    return draw


def _sonstiges(variant: str) -> Callable[[random.Random], Drawn]:
    def draw(rng: random.Random) -> Drawn:
        ctx = _ctx(rng)
        head = {
            "bankverbindung": "left",
            "preisanpassung": "right",
            "einladung": "center",
            "betriebsferien": "band",
        }[variant]
        sheet = _Sheet(rng, ctx.sender, head, ctx.footer)
        sheet.letterhead(ctx.recipient)
        zeichen = f"{''.join(rng.choice('ABCDEFGHKLMNPRSTW') for _ in range(2))}/{rng.randint(10, 999)}"
        sheet.meta_box([("Unser Zeichen:", zeichen), ("Datum:", _dotted(ctx.day))])
        extra: dict[str, Any] = {}
        if variant == "bankverbindung":
            new_iban = _bank_account(rng).formatted
            start = ctx.day + dt.timedelta(days=rng.randint(7, 30))
            sheet.title("Änderung unserer Bankverbindung")
            sheet.para(_greeting(ctx))
            sheet.para(f"bitte beachten Sie, dass sich unsere Bankverbindung ab dem {_dotted(start)} ändert. Bitte "
                       "leisten Sie Zahlungen auf Rechnungen ab diesem Tag ausschließlich auf das folgende Konto:")  # fmt: skip
            sheet.para(f"IBAN: {new_iban}", bold=True)
            sheet.para(
                f"BIC: {rng.choice(('COBADEFFXXX', 'DEUTDEDBXXX', 'GENODEF1S04', 'HYVEDEMMXXX'))}", bold=True
            )
            sheet.para("Bestehende Daueraufträge passen Sie bitte entsprechend an. Für Rückfragen steht Ihnen "
                       "unsere Buchhaltung gerne zur Verfügung.")  # fmt: skip
            extra = {"neue_iban": new_iban.replace(" ", ""), "gueltig_ab": start.isoformat()}
        elif variant == "preisanpassung":
            start = dt.date(ctx.day.year + 1, 1, 1)
            sheet.title(f"Preisanpassung zum {_dotted(start)}")
            sheet.para(_greeting(ctx))
            sheet.para("aufgrund gestiegener Material- und Energiekosten müssen wir unsere Preise anpassen. Ab dem "
                       f"{_dotted(start)} gelten für die wichtigsten Artikel folgende Listenpreise (netto):")  # fmt: skip
            items = _items(rng, rng.randint(3, 6))
            sheet.table(
                [Item(i.pos, i.article, i.description, Decimal(1), i.unit, i.price) for i in items], True
            )
            sheet.para("Alle bis zum Stichtag eingehenden Bestellungen berechnen wir noch zu den bisherigen Preisen. "
                       "Wir danken für Ihr Verständnis.")  # fmt: skip
            extra = {"gueltig_ab": start.isoformat()}
        elif variant == "einladung":
            meet = ctx.day + dt.timedelta(days=rng.randint(14, 60))
            sheet.title(rng.choice(("Einladung zur Gesellschafterversammlung", "Einladung zum Partnertreffen",
                                    "Einladung zur Jahresbesprechung")))  # fmt: skip
            sheet.para(_greeting(ctx))
            sheet.para(f"hiermit laden wir Sie herzlich am {_long(meet)} um {rng.randint(9, 16)}:00 Uhr in unsere "
                       f"Geschäftsräume, {ctx.sender.street}, {ctx.sender.city_line}, ein.")  # fmt: skip
            sheet.para("Tagesordnung:", bold=True)
            for k, point in enumerate(("Begrüßung", "Bericht über das abgelaufene Geschäftsjahr",
                                       "Planung und Ausblick", "Verschiedenes"), start=1):  # fmt: skip
                sheet.para(f"{k}. {point}")
            sheet.para(f"Bitte bestätigen Sie Ihre Teilnahme bis zum {_dotted(meet - dt.timedelta(days=7))}.")
            extra = {"termin": meet.isoformat()}
        else:
            a = dt.date(ctx.day.year, 12, rng.randint(20, 23))
            b = dt.date(ctx.day.year + 1, 1, rng.randint(2, 6))
            sheet.title("Betriebsferien zum Jahreswechsel")
            sheet.para(_greeting(ctx))
            sheet.para(f"unser Betrieb bleibt vom {_dotted(a)} bis einschließlich {_dotted(b)} geschlossen. "
                       "Bestellungen, die bis zum 15. Dezember eingehen, liefern wir noch vor den Feiertagen aus. "
                       "Rechnungen und Zahlungseingänge werden nach unserer Rückkehr bearbeitet.")  # fmt: skip
            sheet.para("Wir danken Ihnen für die gute Zusammenarbeit und wünschen Ihnen erholsame Feiertage.")
            extra = {"von": a.isoformat(), "bis": b.isoformat()}
        _closing(sheet, ctx)
        truth = ctx.base_truth(None) | {"unser_zeichen": zeichen} | extra
        return sheet.pdf("Schreiben"), truth

    return draw


# ---------------------------------------------------------------------------
# Layouts: type -> names; the held-out split is made ONCE (one per type). Never move a layout
# between the groups after a classifier has been tuned on the other group; add a new one instead.

_MAKERS: dict[str, tuple[Callable[[str], Callable[[random.Random], Drawn]], tuple[str, ...]]] = {
    "rechnung": (_rechnung, ("klassisch", "briefkopf_rechts", "honorar", "band")),
    "gutschrift": (_gutschrift, ("gutschrift", "rechnungskorrektur", "storno")),
    "mahnung": (_mahnung, ("zahlungserinnerung", "erste", "mahnung", "letzte")),
    "lieferschein": (_lieferschein, ("ohne_preise", "mit_preisen", "packliste")),
    "angebot": (_angebot, ("angebot", "kostenvoranschlag", "angebot_rechts")),
    "auftragsbestaetigung": (_auftragsbestaetigung, ("klassisch", "bestellbestaetigung", "knapp")),
    "bestellung": (_bestellung, ("bestellung", "bestellschein", "einkauf")),
    "vertrag": (_vertrag, ("dienstleistung", "miete", "rahmen", "wartung")),
    "handelsregisterauszug": (_handelsregister, ("aktuell", "chronologisch", "spalten")),
    "sonstiges": (_sonstiges, ("bankverbindung", "preisanpassung", "einladung", "betriebsferien")),
}

LAYOUTS: dict[str, tuple[str, ...]] = {t: tuple(f"{t}_{v}" for v in vs) for t, (_, vs) in _MAKERS.items()}
LAYOUT_NAMES: tuple[str, ...] = tuple(name for names in LAYOUTS.values() for name in names)
HELD_OUT_LAYOUTS: tuple[str, ...] = (
    "rechnung_band",
    "gutschrift_storno",
    "mahnung_mahnung",
    "lieferschein_packliste",
    "angebot_angebot_rechts",
    "auftragsbestaetigung_knapp",
    "bestellung_einkauf",
    "vertrag_wartung",
    "handelsregisterauszug_spalten",
    "sonstiges_betriebsferien",
)
_TYPE_OF = {name: t for t, names in LAYOUTS.items() for name in names}


def generate_doctype(layout: str, seed: int) -> TypedDoc:
    """One document of `layout` (a name from `LAYOUT_NAMES`); deterministic for the seed."""
    if layout not in _TYPE_OF:
        raise ValueError(f"unknown layout {layout!r}; known: {', '.join(LAYOUT_NAMES)}")
    doc_type = _TYPE_OF[layout]
    maker, _ = _MAKERS[doc_type]
    pdf, truth = maker(layout[len(doc_type) + 1 :])(random.Random(f"doctype-{layout}-{seed}"))
    return TypedDoc(pdf=pdf, doc_type=doc_type, layout=layout, seed=seed, truth=truth)


def generate_doctypes(n_per_type: int, seed: int) -> list[TypedDoc]:
    """`n_per_type` documents of each type, the type's layouts in turn, seeds derived from `seed`."""
    out: list[TypedDoc] = []
    for doc_type in DOC_TYPES:
        names = LAYOUTS[doc_type]
        for i, s in enumerate(distinct_seeds(f"ocrmesh-doctypes-{seed}-{doc_type}", n_per_type)):
            out.append(generate_doctype(names[i % len(names)], s))
    return out
