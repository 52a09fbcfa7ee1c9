"""The run record: pydantic models whose fields mirror `ocrmesh.v1.BenchmarkRun`.

`run.json` is this record; `convert` turns it into the proto and back by field
name, so the two cannot drift apart unnoticed (tests round-trip them).
Enumerations are lower-case words here and `PREFIX_WORD` names in the proto.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

RunStatus = Literal["queued", "running", "completed", "failed", "cancelled"]
Routing = Literal["direct", "router"]
Reference = Literal["truth_text", "text_layer", "agreement", "none"]
ModelStateName = Literal["unspecified", "unloaded", "loading", "ready", "unloading", "failed"]

FINAL_STATUSES: frozenset[str] = frozenset({"completed", "failed", "cancelled"})

# Document classes (bench_service.classes decides which apply).
BORN_DIGITAL = "born-digital"
CLEAN_SCAN = "clean-scan"
DEGRADED_SCAN = "degraded-scan"
TABLE_HEAVY = "table-heavy"
KNOWN_SUPPLIER = "known-supplier"
CLASSES = (BORN_DIGITAL, CLEAN_SCAN, DEGRADED_SCAN, TABLE_HEAVY, KNOWN_SUPPLIER)


def utcnow() -> datetime:
    return datetime.now(UTC)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Progress(_Model):
    total: int = 0
    done: int = 0
    failed: int = 0
    phase: str = ""


class FieldScore(_Model):
    name: str
    right: int = 0
    total: int = 0
    accuracy: float = 0.0


class ColdStart(_Model):
    state_before: ModelStateName = "unspecified"
    loaded_by_run: bool = False
    load_seconds: float = 0.0
    first_request_seconds: float = 0.0


class BackendSummary(_Model):
    backend: str
    address: str = ""
    documents: int = 0
    succeeded: int = 0
    pages: int = 0
    avg_time: float = 0.0
    p50_seconds_per_page: float = 0.0
    p95_seconds_per_page: float = 0.0
    accuracy: float | None = None
    accuracy_documents: int = 0
    fields: list[FieldScore] = Field(default_factory=list)
    field_accuracy: float | None = None
    agreement: float | None = None
    ram_usage: int = 0
    vram_usage: int = 0
    mean_confidence: float = 0.0
    errors: dict[str, int] = Field(default_factory=dict)
    error_count: int = 0
    cold: ColdStart = Field(default_factory=ColdStart)
    wins: int = 0


class FieldResult(_Model):
    name: str
    match: bool = False


class Outcome(_Model):
    backend: str
    status: str = "OK"
    message: str = ""
    seconds: float = 0.0
    pages: int = 0
    page_seconds: list[float] = Field(default_factory=list)
    accuracy: float | None = None
    agreement: float | None = None
    field_accuracy: float | None = None
    fields: list[FieldResult] = Field(default_factory=list)
    confidence: float = 0.0
    supplier_id: str = ""

    @property
    def ok(self) -> bool:
        return self.status == "OK"


class DocumentReport(_Model):
    name: str
    page_count: int = 0
    size_bytes: int = 0
    classes: list[str] = Field(default_factory=list)
    reference: Reference = "none"
    has_field_truth: bool = False
    outcomes: list[Outcome] = Field(default_factory=list)
    winner: str = ""

    def outcome(self, backend: str) -> Outcome | None:
        return next((o for o in self.outcomes if o.backend == backend), None)


class ClassSummary(_Model):
    document_class: str
    backend: str
    documents: int = 0
    succeeded: int = 0
    pages: int = 0
    accuracy: float | None = None
    accuracy_documents: int = 0
    field_accuracy: float | None = None
    seconds_per_page: float = 0.0
    wins: int = 0


class RunRecord(_Model):
    run_id: str
    status: RunStatus = "queued"
    label: str = ""
    dataset: str = ""
    backends: list[str] = Field(default_factory=list)
    routing: Routing = "direct"
    router_address: str = ""
    progress: Progress = Field(default_factory=Progress)
    created_at: datetime = Field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None
    error: str = ""
    summaries: list[BackendSummary] = Field(default_factory=list)
    documents: list[DocumentReport] = Field(default_factory=list)
    classes: list[ClassSummary] = Field(default_factory=list)
    command: str = ""
    machine: str = ""
    document_count: int = 0
    # The API key (its id) that started the run; '' when authentication is off.
    owner: str = ""

    @property
    def final(self) -> bool:
        return self.status in FINAL_STATUSES

    def summary(self, backend: str) -> BackendSummary | None:
        return next((s for s in self.summaries if s.backend == backend), None)

    def listing(self) -> RunRecord:
        """A copy without per-document results."""
        return self.model_copy(update={"documents": []})
