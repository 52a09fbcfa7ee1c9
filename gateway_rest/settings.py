"""Settings of the REST facade: one pydantic-settings class, env prefix OCRMESH_GATEWAY_."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.auth.loopback import check_no_auth


class GatewaySettings(BaseSettings):
    """One gateway process. Passed to `create_app`; nothing reads the environment later."""

    model_config = SettingsConfigDict(env_prefix="OCRMESH_GATEWAY_", extra="ignore")

    # gRPC address of the OcrService behind the facade (normally the router).
    upstream: str = "127.0.0.1:50051"
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    # Largest accepted upload (one document).
    max_upload_mb: float = Field(default=50.0, gt=0)
    # Largest batch (all documents of one POST /api/v1/ocr/batch together). The batch travels to the
    # router as one gRPC message, which the router accepts up to its own document limit (equal to
    # max_upload_mb by default): raise both together.
    max_batch_mb: float = Field(default=50.0, gt=0)
    # gRPC deadline of one Process call, seconds.
    request_timeout: float = Field(default=600.0, gt=0)
    # How often the health cache asks the upstream, seconds.
    health_refresh_seconds: float = Field(default=2.0, gt=0)
    # Deadline of each health / Status / Describe call, seconds.
    health_rpc_timeout: float = Field(default=1.0, gt=0)
    # A health check that times out keeps the last SERVING answer this long (a busy upstream).
    health_stale_seconds: float = Field(default=30.0, gt=0)
    # Retry-After sent with 503 answers, seconds.
    retry_after_seconds: int = Field(default=5, ge=1)
    # Slow clients: a request's headers must arrive within header_timeout seconds; its body may pause
    # at most body_idle_timeout seconds; an idle keep-alive connection closes after keep_alive_seconds.
    header_timeout: float = Field(default=10.0, gt=0)
    body_idle_timeout: float = Field(default=30.0, gt=0)
    keep_alive_seconds: int = Field(default=5, ge=1)
    log_level: str = "info"
    # API keys required on everything but health, metrics and the docs (the router checks them).
    # Off only when the gateway listens on loopback alone.
    auth: bool = True
    # HTTPS: serve TLS with this certificate and key (PEM); unset = plain HTTP (put Caddy in front).
    tls_cert: Path | None = None
    tls_key: Path | None = None

    @model_validator(mode="after")
    def _check(self) -> GatewaySettings:
        check_no_auth(self.auth, {"gateway": self.host})
        if bool(self.tls_cert) != bool(self.tls_key):
            raise ValueError("tls_cert and tls_key go together")
        return self

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def max_batch_bytes(self) -> int:
        return int(self.max_batch_mb * 1024 * 1024)
