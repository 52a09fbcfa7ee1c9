"""The label lexicon (lexicon.yaml) compiled into row matchers.

Labels are data: phrases per field, language and strength in ``lexicon.yaml``.
Each phrase becomes an OCR-tolerant pattern (separators, umlaut spellings,
lost accents, optional final dot and colon); the phrases of one field and
strength are one alternation, longest first. Single long words are also found
with OCR errors by rapidfuzz (one or two edits), at a lower strength. Negative
labels (Skonto, bereits bezahlt, Bestelldatum...) are matched like fields under
the names ``NEG_AMOUNT`` / ``NEG_DATE``: the extractor does not take their values; ``NEG_REFERENCE``
labels (Bezug, Ursprungsrechnung, zu Rechnung...) name another document, whose number and date follow.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")
NEG_AMOUNT = "_not_an_amount"
NEG_DATE = "_not_the_invoice_date"
NEG_REFERENCE = "_another_document"
# Strength of a negative label (it competes for overlaps like a field label).
NEG_STRENGTH = 1.0
# Least rapidfuzz ratio (0..100) of a word to a single-word label, its length, and the strength factor.
FUZZY_CUTOFF = 85.0
FUZZY_MIN_LEN = 7
FUZZY_FACTOR = 0.9

# Between a label's words: spaces, dots, hyphens (read "=", "–" or "—" too), slashes, and one speck OCR
# read as a closing bracket ("Invoice ) number"). Not a bar or an opening bracket: "Gesamt | MwSt" are two
# column heads, "Summe (netto)" keeps its brackets.
_SEP_CHARS = r"[\s.\-/=–—]*"
_SEP = rf"{_SEP_CHARS}(?:\){_SEP_CHARS})?"
_RATE = r"\d{1,2}(?:[.,]\d{1,2})?\s*%"
_CHARS = {
    "ä": "(?:ä|ae|a)", "ö": "(?:ö|oe|o)", "ü": "(?:ü|ue|u)", "ß": "(?:ß|ss)",
    "é": "[éèêe&]", "è": "[éèêe&]", "ê": "[éèêe&]", "à": "[àâa]", "â": "[àâa]", "ç": "[çc]", "ô": "[ôo]",
    "°": "[°ºo®?]", "'": "['’ ]?", "’": "['’ ]?", ".": r"\.?\s?",
}  # fmt: skip
_WORD_START = r"(?<![\w-])"
# The currency a label may name before its value: "Steuerbetrag in EUR", "Total (€)", a row-final "in".
_UNIT = r"(?:\s+in(?:\s+(?:eur|€))?(?!\w)(?=\s*(?:$|:))|\s*\((?:in\s+)?(?:eur|€)\))?"
# A word saying the label sums the whole invoice, after any label: "Nettobetrag gesamt", "Steuer insgesamt".
_ALL_OF_IT = r"(?:\s+(?:gesamt|insgesamt)(?!\w))?"
# What a fuzzy comparison leaves out of a word: punctuation, which OCR drops, adds and swaps around
# abbreviations ("USt-IdNr." read "UStr.-Id.=Nr.", "Rechnungs-Nr" read "Rechnungs.Nr:").
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]")
KEY_LEN = 3
_STARTS = re.compile(rf"(?<![\w-])\w{{1,{KEY_LEN + 1}}}")
_SPELLED_UMLAUT = re.compile(r"([aou])e")
_NEVER = re.compile(r"(?!)")

Match = tuple[str, float, int, int]  # field, strength, start, end in the row text


def _word(word: str) -> str:
    if word == "<rate>":
        return _RATE
    return "".join(_CHARS.get(c, re.escape(c)) for c in word.rstrip("."))


# Words that qualify an amount's label, also in brackets: "Gesamtbetrag (inkl. MwSt.)", "Summe (zzgl. USt.)".
_QUALIFIERS = frozenset({"inkl", "incl", "einschl", "zzgl", "exkl", "excl", "ohne"})


def phrase_pattern(phrase: str) -> str:
    """The regular expression of one label phrase (see lexicon.yaml for what it tolerates), without
    the word-start condition."""
    words = [w for w in re.split(r"[\s\-/]+", phrase.strip().lower()) if w]
    rx = ""
    bracketed = False
    for w in words:
        if w == "<any-rate>":
            rx += f"(?:{_SEP}{_RATE})?"
            continue
        opening = bool(rx) and w.rstrip(".") in _QUALIFIERS
        bracketed = bracketed or opening
        rx += (_SEP if rx else "") + (r"\(?" if opening else "") + _word(w)
    last = words[-1].rstrip(".") if words else ""
    if last and last[-1].isalnum():
        rx += r"(?!\w)"
    return rx + r"\.?" + (r"\)?" if bracketed else "") + _ALL_OF_IT + _UNIT + r"(?:\s*:)?"


def _key(word: str) -> str:
    """What a phrase's first word starts with, as an index key: up to KEY_LEN letters without accents, "#" for a
    rate; of an abbreviation with dots ("P.O."), its first letter (a row's words start at every dot)."""
    if word.startswith("<"):
        return "#"
    plain = "".join(c for c in unicodedata.normalize("NFKD", word.lower()) if c.isascii())
    return "".join(itertools.takewhile(str.isalnum, plain.lstrip("(")))[:KEY_LEN]


def _row_keys(text: str) -> set[str]:
    """The index keys a row can match: prefixes (1 to KEY_LEN letters) of its word starts, also with
    umlauts written out ("Faelligkeit" gives "fal" as "Fälligkeit" does)."""
    keys: set[str] = set()
    for w in _STARTS.findall(text.lower()):
        if not w.isascii():
            w = _key(w)
        elif "e" in w[1:]:
            keys.add(_SPELLED_UMLAUT.sub(r"\1", w)[:KEY_LEN])
        if w[:1].isdigit():
            keys.add("#")
        keys.update(w[:n] for n in range(1, len(w) + 1))
    return keys


def _alternation(phrases: Iterable[str]) -> re.Pattern[str]:
    """One pattern for many phrases, at word starts, longest phrase first."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    return re.compile(f"{_WORD_START}(?:{'|'.join(phrase_pattern(p) for p in ordered)})", re.IGNORECASE)


Entry = tuple[str, float, re.Pattern[str]]  # field, strength, pattern


def _index(groups: Iterable[tuple[str, float, Sequence[str]]]) -> dict[str, list[Entry]]:
    """Phrases by the key of their first word, one alternation per key, field and strength.

    Python's re tries alternatives one by one at every position; looking only for the
    phrases whose first letters occur at a word start of the row keeps it fast.
    """
    by_key: dict[tuple[str, str, float], list[str]] = {}
    for name, strength, phrases in groups:
        for p in phrases:
            first = re.split(r"[\s\-/]+", p.strip())[0]
            by_key.setdefault((_key(first), name, strength), []).append(p)
    index: dict[str, list[Entry]] = {}
    for (key, name, strength), phrases in by_key.items():
        index.setdefault(key, []).append((name, strength, _alternation(phrases)))
    return index


@dataclass(frozen=True)
class Lexicon:
    """Label phrases indexed by first letters, regular-expression labels, the fuzzy single-word labels."""

    index: Mapping[str, Sequence[Entry]]
    patterns: Sequence[Entry]
    fuzzy_words: tuple[str, ...]
    fuzzy_fields: tuple[tuple[str, float], ...]
    # Named phrase lists that mark rows or documents (total_row, zero_vat), each one pattern.
    markers: Mapping[str, re.Pattern[str]] = field(default_factory=dict)

    def marker(self, name: str) -> re.Pattern[str]:
        """The pattern of marker list ``name`` (one that never matches when the lexicon has none)."""
        return self.markers.get(name, _NEVER)

    def with_labels(self, extra: Mapping[str, Sequence[str]], strength: float) -> Lexicon:
        """This lexicon plus ``extra`` label phrases per field (a supplier's own labels)."""
        index = {k: list(v) for k, v in self.index.items()}
        for key, entries in _index((name, strength, phrases) for name, phrases in extra.items()).items():
            index[key] = [*entries, *index.get(key, [])]
        return Lexicon(index, self.patterns, self.fuzzy_words, self.fuzzy_fields, self.markers)

    def match_row(self, text: str, tokens: Sequence[tuple[int, str]]) -> list[Match]:
        """Label matches in a row: phrases and patterns, then long words near a single-word label.

        ``tokens`` are (start offset, text) of the row's words; a word that a pattern
        already covers is not matched again fuzzily.
        """
        found: list[Match] = []
        entries = [e for k in _row_keys(text) for e in self.index.get(k, ())]
        for name, strength, pattern in [*entries, *self.patterns]:
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    found.append((name, strength, m.start(), m.end()))
        covered = [(s, e) for _, _, s, e in found]
        words, where = [], []
        for start, word in _slash_parts(tokens):
            clean = _fuzzy_form(word)
            free = not any(s < start + len(word) and start < e for s, e in covered)
            if len(clean) >= FUZZY_MIN_LEN - 1 and clean.isalpha() and free:
                words.append(clean)
                where.append((start, word))
        if words and self.fuzzy_words:
            scores = process.cdist(
                words, self.fuzzy_words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, workers=1
            )
            for i, row in enumerate(scores):
                j = int(row.argmax())
                if row[j] >= FUZZY_CUTOFF:
                    name, strength = self.fuzzy_fields[j]
                    start, word = where[i]
                    found.append((name, strength * FUZZY_FACTOR, start, start + len(word)))
        return found


def _slash_parts(tokens: Sequence[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The words, those of two labels joined by a slash ("Rechnungsdatumj/Lieferdatum", a speck read before
    the slash) also apart, each with its start offset."""
    for start, word in tokens:
        yield start, word
        if "/" in word.strip("/"):
            offset = start
            for part in word.split("/"):
                if part:
                    yield offset, part
                offset += len(part) + 1


def _fuzzy_form(word: str) -> str:
    """``word`` as fuzzy matching compares it: lower case, letters and digits only."""
    return _NOT_LETTER_OR_DIGIT.sub("", word.lower())


def _groups(entry: Mapping[str, object]) -> list[str]:
    return [str(p) for key, value in entry.items() if key != "strength" for p in (value or [])]  # type: ignore[union-attr]


def build(data: Mapping[str, object]) -> Lexicon:
    """A lexicon from the parsed YAML (see lexicon.yaml for its shape)."""
    groups: list[tuple[str, float, list[str]]] = []
    for name, entries in (data.get("fields") or {}).items():  # type: ignore[union-attr]
        groups.extend((name, float(g["strength"]), _groups(g)) for g in entries)
    negative = data.get("negative") or {}
    for name, key in ((NEG_AMOUNT, "amounts"), (NEG_DATE, "dates"), (NEG_REFERENCE, "references")):
        groups.append((name, NEG_STRENGTH, _groups(negative.get(key) or {})))  # type: ignore[union-attr]
    fuzzy: dict[str, tuple[str, float]] = {}
    for name, strength, phrases in groups:
        for p in phrases:
            word = _fuzzy_form(p) if not any(ch.isspace() for ch in p) else ""
            if len(word) >= FUZZY_MIN_LEN and word.isalpha() and fuzzy.get(word, ("", 0.0))[1] < strength:
                fuzzy[word] = (name, strength)
    patterns = [
        (name, float(e["strength"]), re.compile(e["regex"], re.IGNORECASE))
        for name, entries in (data.get("patterns") or {}).items()  # type: ignore[union-attr]
        for e in entries
    ]
    markers = {
        name: _alternation(_groups(langs or {})) for name, langs in (data.get("markers") or {}).items()
    }  # type: ignore[union-attr]
    return Lexicon(_index(groups), patterns, tuple(fuzzy), tuple(fuzzy.values()), markers)


@cache
def load(path: Path = LEXICON_PATH) -> Lexicon:
    """The lexicon of ``path`` (the package's lexicon.yaml by default), compiled once."""
    return build(yaml.safe_load(path.read_text(encoding="utf-8")))
