"""Where several backends' readings of one document differ: fields by name, texts word by word.

difflib's SequenceMatcher aligns the words (the standard library's longest-matching-blocks
diff, as `diff -w` would); rapidfuzz scores how alike two texts are.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from rapidfuzz import fuzz

from gateway_rest import models as m

# Longest text (in words) aligned word by word; a longer one is compared on its first words only.
MAX_DIFF_WORDS = 20_000


def compare_fields(entries: Sequence[m.CompareEntry]) -> list[m.FieldComparison]:
    """Every field any backend found, with each backend's value and whether those that answered agree."""
    answered = [e for e in entries if e.result is not None]
    names: dict[str, None] = {}
    for entry in answered:
        assert entry.result is not None
        names.update(dict.fromkeys(f.name for f in entry.result.fields))
    comparisons = []
    for name in names:
        values = {e.backend: _field_value(e, name) for e in answered}
        comparisons.append(m.FieldComparison(name=name, values=values, agree=len(set(values.values())) == 1))
    return comparisons


def _field_value(entry: m.CompareEntry, name: str) -> str | None:
    assert entry.result is not None
    return next((f.value for f in entry.result.fields if f.name == name), None)


def compare_texts(entries: Sequence[m.CompareEntry]) -> list[m.TextComparison]:
    """The first backend that answered against each other one that did."""
    answered = [e for e in entries if e.result is not None]
    if len(answered) < 2:
        return []
    first = answered[0]
    return [_compare_two(first, other) for other in answered[1:]]


def _compare_two(a: m.CompareEntry, b: m.CompareEntry) -> m.TextComparison:
    assert a.result is not None and b.result is not None
    words_a = a.result.text.raw.split()[:MAX_DIFF_WORDS]
    words_b = b.result.text.raw.split()[:MAX_DIFF_WORDS]
    matcher = difflib.SequenceMatcher(a=words_a, b=words_b, autojunk=False)
    segments = [
        m.TextSegment(op=op, a=" ".join(words_a[i1:i2]), b=" ".join(words_b[j1:j2]))  # type: ignore[arg-type]
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    similarity = fuzz.ratio(" ".join(words_a), " ".join(words_b)) / 100.0
    return m.TextComparison(backend_a=a.backend, backend_b=b.backend, similarity=round(similarity, 4), segments=segments)
