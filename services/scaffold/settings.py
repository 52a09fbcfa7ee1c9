"""Settings of a backend server: YAML file, then environment (OCRMESH_*) on top.

Engines never read the environment: the server builds their settings object
and passes it in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services.auth.loopback import is_loopback
from services.intake.limits import IntakeLimits


class IntakeSettings(BaseSettings):
    """Limits of document intake, shared by every process that opens documents."""

    max_document_mb: float = Field(default=50.0, gt=0)
    max_pages: int = Field(default=500, ge=1)
    max_page_megapixels: float = Field(default=100.0, gt=0)
    default_dpi: int = Field(default=300, ge=50, le=600)

    def intake_limits(self) -> IntakeLimits:
        return IntakeLimits(
            max_bytes=int(self.max_document_mb * 1024 * 1024),
            max_pages=self.max_pages,
            max_page_pixels=int(self.max_page_megapixels * 1_000_000),
            default_dpi=self.default_dpi,
        )


class ServerSettings(IntakeSettings):
    """One backend server process."""

    model_config = SettingsConfigDict(env_prefix="OCRMESH_", extra="ignore")

    backend: str = "tesseract"
    host: str = "127.0.0.1"
    port: int = 50061
    # 0 = no metrics endpoint; -1 = any free port (tests).
    metrics_port: int = 0
    workers: int = Field(default=2, ge=1, le=64)
    # Documents processed at once; more wait in the queue up to max_queue.
    max_in_flight: int = Field(default=4, ge=1)
    max_queue: int = Field(default=16, ge=0)
    load_on_start: bool = True
    # Unload the model after this many idle seconds (0 = never).
    idle_unload_seconds: float = Field(default=0.0, ge=0)
    grace_seconds: float = Field(default=10.0, ge=0)
    log_level: str = "info"
    # Engine-specific settings (validated by the engine's own settings class).
    engine: dict[str, Any] = Field(default_factory=dict)
    # TLS (PEM files, `ocrmesh certs init`): with a client CA, only clients holding a certificate it
    # signed (the router's) may call: mutual TLS between hosts.
    tls_cert: Path | None = None
    tls_key: Path | None = None
    tls_client_ca: Path | None = None
    # API keys (`ocrmesh keys export NAME... --out FILE`): Process needs the process scope, Load and
    # Unload admin; health, reflection, Describe and Status stay open. Read again when it changes.
    keys_file: Path | None = None
    # Listen on a non-loopback address without TLS + (mutual TLS or a keys file) (OCRMESH_INSECURE=1):
    # only for a private network no one else reaches (a compose network whose port is not published).
    insecure: bool = False

    @property
    def protected(self) -> bool:
        """Only the router (its client certificate) or a holder of a key can call."""
        return bool(self.tls_cert) and bool(self.tls_client_ca or self.keys_file)

    def check_exposure(self) -> None:
        """Refuse to serve unprotected on an address other machines reach (unless `insecure`).

        Checked by the server, not the validator: the environment alone (OCRMESH_HOST) is validated
        before the command line's TLS options join it."""
        if not is_loopback(self.host) and not self.protected and not self.insecure:
            raise ValueError(
                f"refusing to listen on {self.host} (reachable from other machines) unprotected: give "
                "--tls-cert/--tls-key with --tls-client-ca (mutual TLS) and/or --keys-file, or --insecure "
                "(OCRMESH_INSECURE=1) on a private network no one else reaches"
            )

    @model_validator(mode="after")
    def _check(self) -> ServerSettings:
        if self.max_queue < 0:
            raise ValueError("max_queue must be >= 0")
        if bool(self.tls_cert) != bool(self.tls_key):
            raise ValueError("tls_cert and tls_key go together")
        if self.tls_client_ca and not self.tls_cert:
            raise ValueError("tls_client_ca needs tls_cert and tls_key (the server side of mutual TLS)")
        return self


S = TypeVar("S", bound=BaseSettings)


def load_settings(cls: type[S], yaml_path: Path | None = None, section: str | None = None, **overrides: Any) -> S:
    """Build settings: defaults < YAML file (optionally one section) < environment < overrides."""
    data: dict[str, Any] = {}
    if yaml_path is not None:
        try:
            loaded = yaml.safe_load(Path(yaml_path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"cannot read config file {yaml_path}: {exc}") from exc
        if section is not None:
            loaded = loaded.get(section, {}) or {}
        if not isinstance(loaded, dict):
            raise ValueError(f"config file {yaml_path}: expected a mapping")
        data.update(loaded)
    from_env = cls().model_dump(exclude_unset=True)  # only what the environment set
    data.update(from_env)
    data.update({k: v for k, v in overrides.items() if v is not None})
    return cls.model_validate(data)
