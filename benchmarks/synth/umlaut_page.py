"""Born-digital test pages: a German letter full of umlauts, and numbered multi-page documents."""

from __future__ import annotations

import pymupdf

from benchmarks.synth.pdfdraw import A4, FAMILIES, Canvas, finish

# Each occurs on the umlaut page at least once as a separate word.
UMLAUT_WORDS: tuple[str, ...] = ("Grüße", "Häuser", "Größe", "Straße", "Äpfel", "Öl", "Übung")

_FAMILY = FAMILIES["dejavu-sans"]
_SIZE = 12.0
_MARGIN = 70.0
_LEADING = 1.6  # generous line spacing keeps skewed lines apart for page segmentation

_SENDER = "Müller & Söhne GmbH · Schönhauser Straße 17 · 10437 Berlin"
_RECIPIENT = ("Bäckerei Größel", "Frau Jürgen-Schäfer", "Königsallee 5", "40212 Düsseldorf")
_BODY = (
    "Sehr geehrte Frau Jürgen-Schäfer,",
    "vielen Dank für Ihren Auftrag vom 3. März. Die beiden Häuser in der Gartenstraße "
    "werden wie besprochen im April beliefert. Die Größe der Lagerfläche beträgt dort "
    "rund 240 Quadratmeter, so dass alle Paletten Platz finden.",
    "Bitte beachten Sie, dass die Straße vor dem Lager am Montag gesperrt ist. Die "
    "Äpfel aus dem Alten Land liefern wir deshalb erst am Dienstag. Das Öl für die "
    "Heizung kommt wie gewohnt am Mittwoch.",
    "Die Übung zum Brandschutz findet am Freitag um 10 Uhr statt. Wir bitten alle "
    "Mitarbeiter, pünktlich zu sein und die Fluchtwege frei zu halten.",
    "Für Rückfragen stehen wir Ihnen gerne zur Verfügung.",
)
_ITEMS = (
    ("1", "Äpfel, Kiste zu 10 kg", "12", "18,50 €", "222,00 €"),
    ("2", "Öl für Heizung, 200 Liter", "1", "194,00 €", "194,00 €"),
    ("3", "Übung Brandschutz (Pauschale)", "1", "150,00 €", "150,00 €"),
)
_CLOSING = ("Viele Grüße aus Berlin", "Müller & Söhne GmbH")


def umlaut_test_pdf() -> bytes:
    """One A4 page, a German business letter with a short invoice table; contains every UMLAUT_WORD."""
    doc = pymupdf.open()
    page = doc.new_page(width=A4.width, height=A4.height)
    c = Canvas(page, _FAMILY)
    right = c.width - _MARGIN
    width = right - _MARGIN
    c.text(_MARGIN, 70, "Müller & Söhne GmbH", 18, bold=True)
    c.text(_MARGIN, 140, _SENDER, 8)
    y = 165.0
    for line in _RECIPIENT:
        c.text(_MARGIN, y, line, _SIZE)
        y += _SIZE * 1.3
    c.text(right, 250, "Berlin, 10. März 2024", _SIZE, align="right")
    c.text(_MARGIN, 290, "Rechnung und Lieferplan für März", 14, bold=True)
    y = 325.0
    for para in _BODY:
        y = c.paragraph(_MARGIN, y, para, width, _SIZE, leading=_LEADING) + _SIZE * 0.5
    y += 6
    # Left edges of Pos./Bezeichnung, right edges of Menge/Preis/Betrag.
    x_pos, x_name, x_qty, x_price = _MARGIN, _MARGIN + 35, right - 190, right - 95
    for x, head, align in (
        (x_pos, "Pos.", "left"),
        (x_name, "Bezeichnung", "left"),
        (x_qty, "Menge", "right"),
        (x_price, "Preis", "right"),
        (right, "Betrag", "right"),
    ):
        c.text(x, y, head, _SIZE, bold=True, align=align)
    c.line(_MARGIN, y + 5, right, y + 5)
    y += _SIZE * 1.6
    for pos, name, qty, price, total in _ITEMS:
        c.text(x_pos, y, pos, _SIZE)
        c.text(x_name, y, name, _SIZE)
        c.text(x_qty, y, qty, _SIZE, align="right")
        c.text(x_price, y, price, _SIZE, align="right")
        c.text(right, y, total, _SIZE, align="right")
        y += _SIZE * 1.4
    c.line(_MARGIN, y - 8, right, y - 8)
    y += 4
    c.text(x_price, y, "Summe", _SIZE, bold=True, align="right")
    c.text(right, y, "566,00 €", _SIZE, bold=True, align="right")
    y += _SIZE * 3
    for line in _CLOSING:
        c.text(_MARGIN, y, line, _SIZE)
        y += _SIZE * 1.4
    return finish(doc, title="Umlaut-Testseite", author="ocrmesh synth")


_FILLER = (
    "Dieses Dokument prüft, ob Seiten in der richtigen Reihenfolge gestreamt werden.",
    "Jede Seite nennt ihre Nummer in der Überschrift und in der Fußzeile.",
    "Die Lieferung umfasst Büromaterial, Ordner und Druckerpapier für das Lager in Köln.",
    "Bitte prüfen Sie die Angaben und geben Sie uns bis Monatsende Bescheid.",
    "Zahlbar innerhalb von vierzehn Tagen ohne Abzug.",
)


def multipage_test_pdf(pages: int) -> bytes:
    """`pages` A4 pages, each headed and footed "Seite N von M", with some German text."""
    if pages < 1:
        raise ValueError("pages must be at least 1")
    doc = pymupdf.open()
    for n in range(1, pages + 1):
        page = doc.new_page(width=A4.width, height=A4.height)
        c = Canvas(page, _FAMILY)
        width = c.width - 2 * _MARGIN
        c.text(_MARGIN, 90, f"Seite {n} von {pages}", 20, bold=True)
        y = 140.0
        for k in range(len(_FILLER)):
            y = c.paragraph(_MARGIN, y, _FILLER[(n + k) % len(_FILLER)], width, _SIZE) + 6
        c.text(_MARGIN, y + 10, f"Dies ist der Text der Seite {n}.", _SIZE)
        c.text(c.width / 2, c.height - 40, f"Seite {n} von {pages}", 10, align="center")
    return finish(doc, title=f"Mehrseitiges Testdokument ({pages} Seiten)", author="ocrmesh synth")
