"""The two questions Janus-Pro is asked about a page.

Janus-Pro was trained mostly on English and Chinese instructions, so the
instructions are English while they insist on German text kept verbatim
(umlauts, ß, €, number formats).
"""

from __future__ import annotations

FIELD_NAMES: tuple[str, ...] = (
    "rechnungsnummer", "datum", "leistungsdatum", "faelligkeit", "zahlungsbedingungen", "betrag_netto", "mwst",
    "betrag_brutto", "waehrung", "ust_id", "steuernummer", "iban", "bic", "lieferant", "lieferant_adresse",
    "kundennummer", "bestellnummer",
)  # fmt: skip

TRANSCRIBE = (
    "Transcribe all text of this German business document exactly as printed, in reading order: "
    "top to bottom; for several columns, finish the left column before the right one. "
    "Keep German spelling verbatim, including ä, ö, ü, Ä, Ö, Ü, ß and €, and keep numbers, dates and amounts "
    "exactly as printed (e.g. 1.234,56 €, 10.03.2024). Put each printed line on its own line. "
    "Write tables as Markdown tables with one row per table row. "
    "Do not translate, summarise, explain or add anything; output only the transcription."
)

FIELDS = (
    "This is a German invoice. Answer with one JSON object and nothing else, with exactly these keys: "
    + ", ".join(FIELD_NAMES)
    + ". Use null for anything not printed on the document; never guess. Copy values as printed: "
    "dates as printed (e.g. 10.03.2024), amounts as printed (e.g. 1.234,56), IBAN, BIC, USt-IdNr. "
    "(ust_id) and Steuernummer exactly as printed. betrag_netto is the net total, mwst the VAT amount, "
    "betrag_brutto the gross total, waehrung the currency code (e.g. EUR), lieferant the seller's name."
)

PROMPTS = {"transcribe": TRANSCRIBE, "fields": FIELDS}
