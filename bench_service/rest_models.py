"""REST models of the benchmark endpoints, mirroring `ocrmesh.v1.BenchmarkService`.

Responses reuse the run record's models (`bench_service.model`), which mirror
`BenchmarkRun` field by field; `convert.run_from_proto` fills them from gRPC.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from bench_service.model import BackendSummary, ClassSummary, DocumentReport, Progress, RunRecord

__all__ = [
    "BackendSummary", "BenchmarkRunRequest", "BenchmarkRunView", "BenchmarkRunList", "ClassSummary",
    "DocumentReport", "Progress", "ReportFormat",
]  # fmt: skip

ReportFormat = Literal["json", "markdown", "html"]


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

    dataset: str = Field(min_length=1, description="Dataset folder name under the server's datasets root")
    test_documents: list[str] = Field(default_factory=list, description="Documents of the dataset; empty = all")
    backends: list[str] = Field(default_factory=list, description="Backends to compare; empty = all known")
    routing: Literal["direct", "router"] | None = Field(default=None, description="Default: router when configured")
    limit: int = Field(default=0, ge=0, description="At most this many documents (0 = all)")
    label: str = ""
    dpi: int = Field(default=0, ge=0, le=600)


class BenchmarkRunView(RunRecord):
    """A run: status, progress and results (`GET /api/v1/benchmark/{run_id}`)."""

    model_config = ConfigDict(extra="ignore")


class BenchmarkRunList(BaseModel):
    runs: list[BenchmarkRunView]
