"""Settings of the jobs subsystem (`OCRMESH_JOBS_*`), YAML < environment < CLI flags."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services import catalogue
from services.auth.loopback import check_no_auth


class JobsSettings(BaseSettings):
    """The jobs store, the runner's scheduling and the standalone server."""

    model_config = SettingsConfigDict(env_prefix="OCRMESH_JOBS_", extra="ignore")

    # Standalone server (`ocrmesh jobs`); ignored when attached to the router.
    host: str = "127.0.0.1"
    port: int = catalogue.JOBS_PORT
    # The OcrService the documents go to (the router, normally).
    upstream: str = f"127.0.0.1:{catalogue.ROUTER_PORT}"
    # SQLite database, uploads and temporary files live here.
    data_dir: Path = Path("data")
    # postgresql://user@host:port/db to share one queue between replicas; empty = SQLite in data_dir.
    database_url: str = ""
    # "FULL" survives power loss (an fsync per commit); "NORMAL" survives process crashes only.
    sqlite_synchronous: str = "FULL"
    postgres_pool_size: int = Field(default=8, ge=2, le=100)

    # Scheduling: documents in flight from this runner, per backend preference and overall.
    max_in_flight: int = Field(default=4, ge=1, le=256)
    backend_concurrency: dict[str, int] = Field(default_factory=dict)
    default_backend_concurrency: int = Field(default=4, ge=1)
    # Slots of max_in_flight that batch work leaves free for interactive documents.
    interactive_reserve: int = Field(default=1, ge=0)

    # A claim lasts lease_seconds and is renewed every lease_seconds/3 while the worker lives.
    lease_seconds: float = Field(default=30.0, gt=0.5)
    poll_seconds: float = Field(default=0.5, gt=0)
    # Attempts per document for transient errors (INTERNAL, DEADLINE_EXCEEDED, ...); UNAVAILABLE and
    # RESOURCE_EXHAUSTED only delay (the upstream is restarting or full) and are not counted.
    max_attempts: int = Field(default=3, ge=1)
    retry_backoff_seconds: float = Field(default=2.0, ge=0)
    document_timeout_seconds: float = Field(default=1800.0, gt=0)

    # Limits of one submission.
    max_documents: int = Field(default=1000, ge=1)
    max_document_mb: float = Field(default=50.0, gt=0)
    # gRPC message limit of the standalone server (a batch travels as one message).
    max_message_mb: int = Field(default=256, ge=4)
    # Prometheus /metrics of the standalone server (0 = off, -1 = any free port); under the router
    # the jobs metrics are on the router's metrics port.
    metrics_port: int = Field(default=0, ge=-1)
    # Seconds between reads of the store's state for the metrics (queue depth, jobs by state).
    metrics_seconds: float = Field(default=10.0, gt=0)

    # Finished jobs (results, pages, uploads) are deleted this long after they finish.
    retention_hours: float = Field(default=168.0, gt=0)
    sweep_seconds: float = Field(default=600.0, gt=0)
    grace_seconds: float = Field(default=10.0, ge=0)
    log_level: str = "info"
    # API keys (this database's) on every call of the standalone server but health and reflection,
    # with the router's interceptor; off (`ocrmesh jobs --no-auth`) only when it listens on loopback.
    auth: bool = True

    @model_validator(mode="after")
    def _check(self) -> JobsSettings:
        if self.database_url and not self.database_url.startswith(("postgresql://", "postgres://")):
            raise ValueError("database_url must be a postgresql:// URL (or empty for SQLite)")
        if self.sqlite_synchronous.upper() not in ("FULL", "NORMAL", "EXTRA"):
            raise ValueError("sqlite_synchronous must be FULL, NORMAL or EXTRA")
        if any(v < 1 for v in self.backend_concurrency.values()):
            raise ValueError("backend_concurrency values must be >= 1")
        check_no_auth(self.auth, {"jobs server": self.host})
        return self

    @property
    def retention_seconds(self) -> float:
        return self.retention_hours * 3600.0

    @property
    def heartbeat_seconds(self) -> float:
        return self.lease_seconds / 3.0

    def concurrency_for(self, backend: str) -> int:
        return self.backend_concurrency.get(backend or "auto", self.default_backend_concurrency)
