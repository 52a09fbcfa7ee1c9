"""The Hunspell dictionaries behind the spelling correction.

German (de_DE) and English (en_US) from Debian (`hunspell-de-de`,
`hunspell-en-us`, installed by `make setup`), read by spylls, a pure-Python
Hunspell: no compiler and no native library, so it works on Windows too (set
``OCRMESH_SPELLING_DIR`` to a folder holding de_DE.dic/.aff and en_US.dic/.aff,
e.g. from LibreOffice). The German dictionary knows case: "Zählpunkt" is a
word, "zählpunkt" is not, which is what lets the correction restore nouns. The
English one guards English words on German invoices ("services", "flat").
"""

from __future__ import annotations

import os
import threading
from functools import lru_cache
from pathlib import Path

import structlog

log = structlog.get_logger(__name__)

DICTIONARY_DIR_ENV = "OCRMESH_SPELLING_DIR"
DICTIONARY_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/local/share/hunspell")


def find_dictionary(name: str) -> str | None:
    """Path stem (without .dic/.aff) of dictionary ``name`` (e.g. "de_DE"), or None."""
    for folder in (os.environ.get(DICTIONARY_DIR_ENV), *DICTIONARY_DIRS):
        if folder:
            stem = Path(folder) / name
            if stem.with_suffix(".dic").is_file() and stem.with_suffix(".aff").is_file():
                return str(stem)
    return None


class Lexicon:
    """Hunspell lookups (read-only) with a bounded cache; shared by the worker threads."""

    def __init__(self, stem: str) -> None:
        from spylls.hunspell import Dictionary

        dictionary = Dictionary.from_files(stem)
        self.stem = stem
        self._lookup = lru_cache(maxsize=200_000)(lambda word: bool(dictionary.lookup(word)))

    def lookup(self, word: str) -> bool:
        return self._lookup(word)


_LOAD_LOCK = threading.Lock()
_LEXICONS: dict[tuple[str, str], Lexicon | None] = {}


def lexicon(name: str) -> Lexicon | None:
    """The process-wide lexicon ``name``, loaded on first use (~0.5 s); None when it is not installed."""
    stem = find_dictionary(name)
    key = (name, stem or "")
    with _LOAD_LOCK:
        if key not in _LEXICONS:
            if stem is None:
                log.warning("spelling_dictionary_missing", dictionary=name, hint=f"apt-get install hunspell-de-de "
                            f"hunspell-en-us, or set {DICTIONARY_DIR_ENV}")  # fmt: skip
                _LEXICONS[key] = None
            else:
                _LEXICONS[key] = Lexicon(stem)
                log.info("spelling_dictionary_loaded", path=stem)
        return _LEXICONS[key]
