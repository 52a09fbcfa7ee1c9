"""The language a page is written in, told from the words read on it (py3langid).

OCR reads a page with the model of the requested language (German by
default). A page in another language is read well enough to tell which one
it is, even where the model lacks its letters ("Mécanique" read "Mecanique"):
py3langid's n-gram model, restricted to the languages our documents come in,
names it. A guess needs enough words and a clear probability; anything less
is no guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Protocol

LANGUAGES = ("de", "en", "fr", "nl")  # what the user's documents are written in
MIN_WORDS = 12  # fewer words (a stamp, a page number) tell no language
MIN_PROBABILITY = 0.95


class _Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


@dataclass(frozen=True)
class LanguageGuess:
    code: str  # ISO 639-1
    probability: float  # 0..1 among LANGUAGES


@cache
def _identifier() -> _Identifier:
    """py3langid's model, loaded once per process (~0.6 s) and only asked about LANGUAGES."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(LANGUAGES))
    return identifier


def load_identifier() -> None:
    """Load the model now (an engine's start-up), not on the first page."""
    _identifier()


def guess_language(text: str) -> LanguageGuess | None:
    """The language of `text` when its words say it clearly, else None."""
    if len(text.split()) < MIN_WORDS:
        return None
    code, probability = _identifier().classify(text)
    if probability < MIN_PROBABILITY:
        return None
    return LanguageGuess(str(code), float(probability))
