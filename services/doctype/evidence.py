"""The evidence lexicon (config/doctypes.yaml), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

DOCTYPES_FILE = Path(__file__).resolve().parents[2] / "config" / "doctypes.yaml"
SONSTIGES = "sonstiges"


@dataclass(frozen=True)
class Phrase:
    pattern: re.Pattern[str]
    weight: float


@dataclass(frozen=True)
class TypeEvidence:
    name: str
    titles: tuple[re.Pattern[str], ...]
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class Lexicon:
    types: tuple[TypeEvidence, ...]
    title_top: float
    first_title: float
    title_elsewhere: float
    top_lines: int
    title_max_words: int
    min_score: float
    sections_type: str
    sections_min: int
    sections_weight: float
    einvoice_weight: float
    einvoice_codes: dict[str, str]

    @property
    def names(self) -> list[str]:
        return [t.name for t in self.types] + [SONSTIGES]


def _phrase(entry: str | dict[str, float], default: float) -> Phrase:
    if isinstance(entry, dict):
        ((pattern, weight),) = entry.items()
        return Phrase(re.compile(pattern, re.IGNORECASE), float(weight))
    return Phrase(re.compile(entry, re.IGNORECASE), default)


@lru_cache(maxsize=4)
def load_lexicon(path: Path = DOCTYPES_FILE) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    weights = data["weights"]
    types = tuple(
        TypeEvidence(
            name=name,
            titles=tuple(re.compile(rf"^[\s:]*(?:{t})", re.IGNORECASE) for t in facts.get("titles", [])),
            phrases=tuple(_phrase(p, weights["phrase"]) for p in facts.get("phrases", [])),
        )
        for name, facts in data["types"].items()
    )
    sections = data["structure"]["section_headings"]
    codes = data["einvoice_type_codes"]
    return Lexicon(
        types=types,
        title_top=weights["title_top"],
        first_title=weights["first_title"],
        title_elsewhere=weights["title_elsewhere"],
        top_lines=weights["top_lines"],
        title_max_words=weights["title_max_words"],
        min_score=data["min_score"],
        sections_type=sections["type"],
        sections_min=sections["min"],
        sections_weight=sections["weight"],
        einvoice_weight=codes["weight"],
        einvoice_codes={str(k): v for k, v in codes["codes"].items()},
    )
