"""Spelling correction of recognised German words with a dictionary (issue: invoice understanding, §5).

Conservative by construction; a word is changed only by these two rules, and
only when the dictionary does not know the word as it was read:

- **Case of nouns** (any confidence): a word read in lower case that the
  dictionary knows only capitalised is a noun whose capital the engine missed
  ("zählpunkt" → "Zählpunkt"; Tesseract reads a small capital Z or W as lower
  case). German capitalises nouns, so the capitalised form is the right one
  wherever the word stands, except where it continues a word hyphenated at the
  end of the previous line ("Rechnungs-" / "betrag").
- **OCR confusions** (words below ``CORRECT_BELOW`` confidence only): one or
  two of the substitutions engines make ("Rechnunq" → "Rechnung", "Grusse" →
  "Grüße", "StraBe" → "Straße"); accepted only when exactly one candidate is a
  dictionary word.

Never touched: words the English dictionary knows ("services", "flat"), words with digits or other non-letters inside (amounts, dates,
IBANs, invoice numbers, VAT ids), acronyms and words with inner capitals
(GmbH, USt-IdNr), words shorter than four letters (abbreviations, units), and,
for the confusion rule, capitalised words on lines that name a person or a
company or give an address (names: "Hauser" must not become "Häuser").
A changed word keeps what the engine read in ``Word.original_text``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from services.textfix.dictionary import Lexicon

# The confusion rule applies to words below this confidence (0..1).
CORRECT_BELOW = 0.7
MIN_LETTERS = 4
# Two-substitution candidates are tried only for words up to this length (the pairs grow quadratically).
MAX_LETTERS_FOR_TWO_EDITS = 20

# What an engine read → what the word may really hold.
# Umlauts and ß are only ever added, never taken away ("Grünewald" must not become "Grunewald").
CONFUSIONS: dict[str, tuple[str, ...]] = {
    "a": ("ä",), "o": ("ö",), "u": ("ü", "n"), "A": ("Ä",), "O": ("Ö",), "U": ("Ü",), "B": ("ß",),
    "n": ("u",), "q": ("g",), "c": ("e",), "e": ("c",), "i": ("l",), "I": ("l",), "f": ("t",), "t": ("f",),
    "rn": ("m",), "m": ("rn",), "ii": ("ü",), "cl": ("d",), "vv": ("w",),
}  # fmt: skip
_CONFUSION_KEYS = sorted(CONFUSIONS, key=len, reverse=True)

# A word: optional leading and trailing punctuation around letters, parts joined by hyphens.
_TOKEN = re.compile(r"^(?P<lead>[^\w]*)(?P<core>[^\W\d_]+(?:-[^\W\d_]+)*)(?P<trail>[^\w]*)$")

# Lines that name people or companies or give an address: their capitalised words may be names.
_NAME_LINE = re.compile(
    r"\b(?:GmbH|mbH|AG|KG|OHG|GbR|UG|SE|eG|e\.\s?[KV]\.|Co\.?|Inh\.|Inhaber(?:in)?|Ltd\.?|Inc\.?|LLC|"
    r"Herrn?|Frau|Dr\.|Prof\.|Dipl\.|Geschäftsführ\w*|Vorstand|Ansprechpartner\w*|Bearbeite\w*|"
    r"Kontakt|Name|Empfänger|Lieferant|Absender)\b"
    r"|\b\d{5}\s+\w"  # postcode and town
    r"|(?:straße|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|markt)\s*\d"  # street and number
    r"|@|www\.|https?://",
    re.IGNORECASE,
)


def is_name_line(text: str) -> bool:
    """True when the line may name a person or company or give an address."""
    return _NAME_LINE.search(text) is not None


class SpellingCorrector:
    """The two rules above over a German lexicon; words the English lexicon knows are kept."""

    def __init__(self, german: Lexicon, english: Lexicon | None = None) -> None:
        self.german = german
        self.english = english

    def correct(
        self, text: str, confidence: float, *, names_possible: bool = False, continues_word: bool = False
    ) -> str | None:
        """The corrected word, or None to keep ``text`` as it is.

        ``names_possible``: the word's line may hold names (see ``is_name_line``).
        ``continues_word``: the word goes on a word hyphenated at the end of the
        previous line ("Rechnungs-" / "betrag"), so its lower case is right.
        """
        match = _TOKEN.match(text)
        if match is None:
            return None
        core = match["core"]
        if self._known(core):
            return None
        parts = core.split("-")
        fixed = []
        for k, part in enumerate(parts):
            # The case rule needs a word of its own: not the tail of a hyphenated word, and in a
            # hyphenated compound only before a capitalised part ("zähler-Nr." but not "konzern-internen").
            case_rule = not (continues_word and k == 0) and (k + 1 == len(parts) or parts[k + 1][:1].isupper())
            fixed.append(self._correct_part(part, confidence, names_possible, case_rule) or part)
        if fixed == parts:
            return None
        return f"{match['lead']}{'-'.join(fixed)}{match['trail']}"

    def _known(self, word: str) -> bool:
        return self.german.lookup(word)

    def _english(self, word: str) -> bool:
        return self.english is not None and self.english.lookup(word)

    def _correct_part(self, word: str, confidence: float, names_possible: bool, case_rule: bool) -> str | None:
        if len(word) < MIN_LETTERS or _has_inner_capital(word) or self._known(word) or self._english(word):
            return None
        if word[0].islower():
            if not case_rule:
                return None
            capitalised = word[0].upper() + word[1:]
            if self._known(capitalised):
                return capitalised
        if confidence >= CORRECT_BELOW or (names_possible and word[0].isupper()):
            return None
        for edits in (1, 2):
            if edits == 2 and len(word) > MAX_LETTERS_FOR_TWO_EDITS:
                break
            found = {v for c in _candidates(word, edits) if (v := self._valid_form(c, word)) is not None}
            if len(found) == 1:
                return found.pop()
            if found:  # ambiguous: leave it
                return None
        return None

    def _valid_form(self, candidate: str, read: str) -> str | None:
        if self._known(candidate):
            return candidate
        if read[0].islower():
            capitalised = candidate[0].upper() + candidate[1:]
            if self._known(capitalised):
                return capitalised
        return None


def _has_inner_capital(word: str) -> bool:
    """Capitals after the first letter, except a B between lower-case letters (an ß read as B: "StraBe")."""
    return any(
        c.isupper() and not (c == "B" and word[i - 1].islower() and word[i + 1 : i + 2].islower())
        for i, c in enumerate(word[1:], 1)
    )


def _sites(word: str) -> list[tuple[int, int, str]]:
    """Every (start, length, replacement) a confusion allows in ``word``."""
    sites = []
    for start in range(len(word)):
        for key in _CONFUSION_KEYS:
            if word.startswith(key, start):
                sites.extend((start, len(key), r) for r in CONFUSIONS[key])
    return sites


def _candidates(word: str, edits: int) -> Iterator[str]:
    """``word`` with ``edits`` non-overlapping confusion substitutions."""
    for combo in itertools.combinations(_sites(word), edits):
        spans = sorted(combo)
        if any(a[0] + a[1] > b[0] for a, b in itertools.pairwise(spans)):
            continue
        out, pos = [], 0
        for start, length, replacement in spans:
            out.append(word[pos:start])
            out.append(replacement)
            pos = start + length
        out.append(word[pos:])
        yield "".join(out)
