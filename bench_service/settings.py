"""Settings of the benchmark service: where datasets and runs live, which backends exist.

Environment: `OCRMESH_DATASETS` (datasets root) and `OCRMESH_BENCH_*` for the
rest (e.g. `OCRMESH_BENCH_ROUTER_ADDRESS`, `OCRMESH_BENCH_BACKENDS='{"pdftext": "host:port"}'`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Routing = Literal["direct", "router"]


def _local_mesh() -> dict[str, str]:
    return {"pdftext": "127.0.0.1:50061", "tesseract": "127.0.0.1:50062"}


class BenchSettings(BaseSettings):
    """One benchmark host (inside the router process, or the CLI)."""

    model_config = SettingsConfigDict(env_prefix="OCRMESH_BENCH_", extra="ignore", populate_by_name=True)

    # Folders under this root are the datasets, referenced by folder name only.
    datasets_root: Path = Field(
        default=Path("datasets"), validation_alias=AliasChoices("datasets_root", "OCRMESH_DATASETS")
    )
    # Runs live in <data_dir>/<run_id>/; the router's priors in <data_dir>/latest-priors.json.
    data_dir: Path = Path("data/benchmarks")
    # Backend name -> gRPC address: where documents go in direct mode, and where
    # Status/Load go in either mode (cold start, memory).
    backends: dict[str, str] = Field(default_factory=_local_mesh)
    # The router's address; "" = no router (direct mode only).
    router_address: str = ""
    # Default routing when a request does not say: None = router when an address is configured.
    routing: Routing | None = None
    # Documents in flight at once over the whole run, and per backend: small, so live traffic keeps flowing.
    concurrency: int = Field(default=2, ge=1, le=64)
    per_backend_concurrency: int = Field(default=1, ge=1, le=16)
    # Runs executed at once; more wait (queued) up to max_queued_runs.
    max_queued_runs: int = Field(default=8, ge=0)
    # Seconds between Status samples (RAM/VRAM peaks) during a run.
    sample_seconds: float = Field(default=0.5, gt=0)
    # Deadline of one document on one backend.
    request_timeout_seconds: float = Field(default=900.0, gt=0)
    # One untimed warm-up request (first page of the first document) per backend after the cold start.
    warmup: bool = True
    # A scan whose best OCR confidence (mean over pages) is below this is a degraded scan.
    degraded_confidence: float = Field(default=0.90, ge=0, le=1)
    # Limits of a run.
    max_documents: int = Field(default=1000, ge=1)
    max_upload_mb: float = Field(default=200.0, gt=0)
    # Runs kept on disk (oldest completed ones are deleted beyond this; 0 = keep all).
    keep_runs: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _check(self) -> BenchSettings:
        if self.routing == "router" and not self.router_address:
            raise ValueError("routing 'router' needs router_address")
        for name, address in self.backends.items():
            if not name or ":" not in address:
                raise ValueError(f"backend {name!r}: address {address!r} is not host:port")
        return self

    def default_routing(self) -> Routing:
        if self.routing is not None:
            return self.routing
        return "router" if self.router_address else "direct"

    @property
    def priors_path(self) -> Path:
        return self.data_dir / "latest-priors.json"
