"""Routing rules (config/routing.yaml) as typed models, validated on load, reloadable.

A rule matches a page when every condition it states holds (conditions left
out match anything). Rules are tried in file order; the first match gives
the page's preferred backends, and the file's `fallback_order` follows them.
Analysis thresholds live in the same file, so one edit changes both.

`RulesStore` re-reads the file when its mtime or size changes (checked on
every request and by a background poll) or on SIGHUP; a file that does not
parse or validate keeps the rules in force and logs an error.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import structlog
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from router_service.settings import DEFAULT_ROUTING_FILE
from services.intake.layout import LayoutName, LayoutThresholds

log = structlog.get_logger("ocrmesh.router.rules")

DocumentKind = Literal["pdf", "image", "xml"]


class Thresholds(LayoutThresholds):
    """Figures the analysis uses to call a page a table, complex, a poor scan, and a document a batch.

    The layout figures (table_ruling_lines, complex_ruling_lines, complex_text_blocks,
    medium_text_blocks) are `LayoutThresholds`, shared with the `pdftext` backend.
    """

    model_config = ConfigDict(extra="forbid")

    # A scan below this resolution (dpi) or sharpness (variance of Laplacian) or beyond this skew is poor.
    poor_scan_dpi: float = Field(default=150.0, ge=0)
    poor_scan_sharpness: float = Field(default=60.0, ge=0)
    poor_scan_skew_degrees: float = Field(default=3.0, ge=0)
    # A document with at least this many pages is a batch.
    batch_pages: int = Field(default=10, ge=1)


class When(BaseModel):
    """Conditions of a rule; all stated ones must hold."""

    model_config = ConfigDict(extra="forbid")

    document: list[DocumentKind] | None = None
    has_einvoice: bool | None = None
    born_digital: bool | None = None
    layout: list[LayoutName] | None = None
    tables: bool | None = None
    known_supplier: bool | None = None
    batch: bool | None = None
    poor_scan: bool | None = None
    # Types from config/doctypes.yaml (vertrag, lieferschein...), as the text layer or e-invoice tells
    # them: a scan's type is known only after OCR, so this never matches a scanned document.
    document_type: list[str] | None = None

    @field_validator("document_type")
    @classmethod
    def _known_types(cls, types: list[str] | None) -> list[str] | None:
        if types is None:
            return None
        from services.doctype.evidence import load_lexicon

        known = load_lexicon().names
        unknown = [t for t in types if t not in known]
        if unknown:
            raise ValueError(f"unknown document types {unknown}; known: {known}")
        return types


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, pattern=r"^[a-z0-9_]+$")
    when: When = Field(default_factory=When)
    # Preferred backends, best first; the file's fallback_order follows.
    backends: list[str] = Field(default_factory=list)
    description: str = ""


class RoutingRules(BaseModel):
    model_config = ConfigDict(extra="forbid")

    version: Literal[1] = 1
    # Backends tried after a rule's own, in this order (skipping those not configured or not healthy);
    # none when the file names none.
    fallback_order: list[str] = Field(default_factory=list)
    # OCR pages of one document share one backend chain (that of the highest-priority rule any of them
    # matched), so a document does not make two GPU models swap in and out; born-digital pages still
    # go to pdftext page by page.
    ocr_pages_together: bool = True
    thresholds: Thresholds = Field(default_factory=Thresholds)
    rules: list[Rule] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> RoutingRules:
        names = [r.name for r in self.rules]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise ValueError(f"rule names must be unique; repeated: {', '.join(duplicates)}")
        if self.rules[-1].when != When():
            raise ValueError(f"the last rule must match everything (no `when`), got {self.rules[-1].name!r}")
        return self


def parse_rules(text: str, source: str = "<string>") -> RoutingRules:
    """Parse and validate; ValueError with a readable message on any problem."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ValueError(f"{source}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a mapping at the top level")
    try:
        return RoutingRules.model_validate(data)
    except ValidationError as exc:
        raise ValueError(f"{source}: invalid routing rules: {exc}") from exc


def load_rules(path: Path) -> RoutingRules:
    """Read and validate a routing file; ValueError with a readable message on any problem."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the routing rules: {exc}") from exc
    return parse_rules(text, str(path))


# The rules in force before a routing file is read, and when none is configured: the packaged
# config/routing.yaml (the one file the rules live in; no copy of them in code).
DEFAULT_RULES = load_rules(DEFAULT_ROUTING_FILE)


@dataclass(frozen=True)
class FileStamp:
    mtime_ns: int
    size: int


class RulesStore:
    """The rules in force, re-read from `path` when it changes."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._rules = DEFAULT_RULES
        self._stamp: FileStamp | None = None
        self.source = f"packaged defaults ({DEFAULT_ROUTING_FILE})"
        self.last_error = ""
        if path is not None:
            self.reload(force=True)

    @property
    def rules(self) -> RoutingRules:
        return self._rules

    def _stat(self) -> FileStamp | None:
        assert self.path is not None
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return FileStamp(st.st_mtime_ns, st.st_size)

    def current(self) -> RoutingRules:
        """The rules, re-read first if the file changed since the last look."""
        self.reload()
        return self._rules

    def reload(self, *, force: bool = False) -> bool:
        """Re-read the file if it changed (or always with `force`); True when new rules took effect."""
        if self.path is None:
            return False
        stamp = self._stat()
        with self._lock:
            if not force and stamp == self._stamp:
                return False
            self._stamp = stamp
            if stamp is None:
                self.last_error = f"routing file {self.path} not found; keeping {self.source}"
                log.error("routing_rules_missing", path=str(self.path), keeping=self.source)
                return False
            try:
                rules = parse_rules(Path(self.path).read_text(encoding="utf-8"), str(self.path))
            except (OSError, ValueError) as exc:
                self.last_error = str(exc)
                log.error("routing_rules_invalid", path=str(self.path), error=str(exc), keeping=self.source)
                return False
            self._rules = rules
            self.source = str(self.path)
            self.last_error = ""
            log.info("routing_rules_loaded", path=str(self.path), rules=[r.name for r in rules.rules])
            return True
