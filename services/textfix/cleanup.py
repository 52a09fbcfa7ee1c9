"""Conservative clean-up of German OCR/PDF text (issue §5).

Only changes that cannot turn a correct word into a wrong one: Unicode NFC
(decomposed umlauts "u\u0308" → "ü"), ligatures (ﬁ ﬂ ﬀ ﬃ ﬄ ﬅ ﬆ), typographic
quotes and dashes between words, soft hyphens, repeated spaces, and
hyphenation at line ends ("Liefe-\\nrung" → "Lieferung") where the next line
goes on in lower case. Hyphens kept: before "und"/"oder"/"bzw."/"sowie"
("Liefer- und Leistungsdatum"), in compounds whose next part is capitalised or
a digit ("Art-\\nNr", "Kunden-\\nNummer"), and after a single letter. No
spelling correction is made here (see ``spelling.py``). Applied to the
document text by ``services.scaffold.assemble``.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_QUOTES = {
    "\u201e": '"', "\u201c": '"', "\u201d": '"', "\u00ab": '"', "\u00bb": '"', "\u201f": '"',
    "\u201a": "'", "\u2018": "'", "\u2019": "'", "\u2039": "'", "\u203a": "'", "\u00b4": "'", "\u0060": "'",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CONJUNCTIONS = r"(?:und|oder|bzw\.?|sowie|als\s+auch|noch|and|or)\b"
# "Liefe-\nrung": letters, hyphen, line break, lower-case continuation that is not a conjunction.
_HYPHENATION = re.compile(rf"(?<=[a-zäöüß]{{2}})-[ \t]*\n[ \t]*(?!{_CONJUNCTIONS})(?=[a-zäöüß])")


def clean_text(text: str) -> str:
    """``text`` with the safe normalisations above; line structure is kept."""
    text = unicodedata.normalize("NFC", text)
    for lig, plain in _LIGATURES.items():
        text = text.replace(lig, plain)
    for quote, plain in _QUOTES.items():
        text = text.replace(quote, plain)
    text = text.replace("\u00ad", "").replace("\u200b", "").replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _HYPHENATION.sub("", text)
    text = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return unicodedata.normalize("NFC", text).strip()
