"""REST models of the benchmark endpoints (the mission's contract over `ocrmesh.v1.BenchmarkService`).

`POST /api/v1/benchmark/run` answers `{"benchmark_id", "status", "progress", "results": {"<backend>":
{"avg_time": s, "accuracy": 0..1, "ram_usage": GB, "vram_usage": GB, ...}}}`; `GET
/api/v1/benchmark/{benchmark_id}` adds the per-document and per-class details and the report's
addresses. `view_of` builds the answer from the run record (`bench_service.model`), which stays the
record the service stores and the gRPC API returns (sizes there in bytes).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from bench_service.model import (
    ClassSummary,
    ColdStart,
    DocumentReport,
    FieldScore,
    Progress,
    Routing,
    RunRecord,
    RunStatus,
)

__all__ = [
    "BackendResult", "BenchmarkRunList", "BenchmarkRunRequest", "BenchmarkView", "ClassSummary",
    "DocumentReport", "Progress", "ReportFormat", "view_of",
]  # fmt: skip

ReportFormat = Literal["json", "markdown", "html"]
GB = 1e9
# What the server takes as a name (bench_service.datasets): no path, no hidden names, no drive.
DATASET_PATTERN = r"^[^/\\:\x00.][^/\\:\x00]*$"
DOCUMENT_PATTERN = r"^[^/\\:\x00.][^/\\:\x00]*(/[^/\\:\x00.][^/\\:\x00]*)*$"
BENCHMARK_ID_PATTERN = r"^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{6}$"
REPORT_PATH = "/api/v1/benchmark/{benchmark_id}/report?format={format}"


class BenchmarkRunRequest(BaseModel):
    """`POST /api/v1/benchmark/run` as JSON (StartRunRequest without uploads)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"dataset": "zugferd-awv", "test_documents": ["a.pdf"], "backends": ["pdftext", "tesseract"]}
            ]
        },
    )

    dataset: str = Field(
        pattern=DATASET_PATTERN,
        description="Dataset folder name under the server's datasets root (404 when it has no such dataset)",
    )
    test_documents: list[Annotated[str, Field(pattern=DOCUMENT_PATTERN)]] = Field(
        default_factory=list,
        description="Documents of the dataset (relative paths), each once; empty = all (404 for one it lacks)",
        json_schema_extra={"uniqueItems": True},
    )
    backends: list[str] = Field(
        default_factory=list,
        description="Backends to compare; empty = all configured (404 for an unknown one)",
    )
    routing: Routing | None = Field(default=None, description="Default: router when configured")
    limit: int = Field(default=0, ge=0, le=2**31 - 1, description="At most this many documents (0 = all)")
    label: str = ""
    dpi: int = Field(default=0, ge=0, le=600, description="Rendering dpi; 0 = the backends' default")

    @field_validator("test_documents")
    @classmethod
    def _each_once(cls, names: list[str]) -> list[str]:
        if len(set(names)) != len(names):
            raise ValueError("name each document once")
        return names


class BackendResult(BaseModel):
    """One backend's results in a run (the mission's `results.<backend>`)."""

    avg_time: float = Field(description="Seconds per document, mean over the documents it read")
    accuracy: float | None = Field(description="1 - character error rate (0..1); null without any reference")
    ram_usage: float = Field(description="Peak RAM of the backend during the run, GB (10^9 bytes)")
    vram_usage: float = Field(description="Peak VRAM of the backend during the run, GB (10^9 bytes)")
    field_accuracy: float | None = Field(description="Invoice fields right (0..1); null without field truth")
    agreement: float | None = Field(
        description="Agreement with the other backends (0..1) where no reference exists"
    )
    documents: int
    succeeded: int
    pages: int
    p50_seconds_per_page: float
    p95_seconds_per_page: float
    mean_confidence: float
    accuracy_documents: int
    fields: list[FieldScore]
    errors: dict[str, int] = Field(description="Failed documents by gRPC status code")
    error_count: int
    cold: ColdStart
    wins: int
    address: str


class ReportLinks(BaseModel):
    html: str
    markdown: str
    json_: str = Field(alias="json", serialization_alias="json")

    model_config = ConfigDict(populate_by_name=True)


class BenchmarkView(BaseModel):
    """A benchmark: status, progress, results per backend; details per document and class when asked."""

    benchmark_id: str
    status: RunStatus
    progress: Progress
    results: dict[str, BackendResult] = Field(description="By backend name; empty until the run has results")
    label: str
    dataset: str
    backends: list[str]
    routing: Routing
    document_count: int
    created_at: dt.datetime
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    error: str
    documents: list[DocumentReport] = Field(description="Per document and backend (GET with documents=true)")
    classes: list[ClassSummary] = Field(description="Per document class and backend")
    report: ReportLinks


class BenchmarkRunList(BaseModel):
    runs: list[BenchmarkView]


def _result(summary: dict[str, Any]) -> BackendResult:
    summary = {k: v for k, v in summary.items() if k != "backend"}
    summary["ram_usage"] = round(summary["ram_usage"] / GB, 3)
    summary["vram_usage"] = round(summary["vram_usage"] / GB, 3)
    return BackendResult.model_validate(summary)


def view_of(record: RunRecord) -> BenchmarkView:
    data = record.model_dump(mode="json")
    links = {
        f: REPORT_PATH.format(benchmark_id=record.run_id, format=f) for f in ("html", "markdown", "json")
    }
    return BenchmarkView(
        benchmark_id=record.run_id,
        results={s["backend"]: _result(s) for s in data["summaries"]},
        report=ReportLinks.model_validate(links),
        **{k: data[k] for k in BenchmarkView.model_fields if k in data and k not in ("results", "report")},
    )
