"""Settings of the router process: YAML file (section `router`), then OCRMESH_ROUTER_* on top.

The backends of the mesh are declared here, one entry per replica: several
entries with the same `name` are replicas of one backend (e.g. on two hosts).
Routing rules live in their own file (`routing_file`), reloadable at run time.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_settings import SettingsConfigDict

from ocrmesh_client.tls import TlsFiles
from services import catalogue
from services.auth.loopback import check_no_auth
from services.scaffold.settings import IntakeSettings, load_settings

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ROUTER_CONFIG = REPO_ROOT / "config" / "router.yaml"
DEFAULT_ROUTING_FILE = REPO_ROOT / "config" / "routing.yaml"

# A first guess of seconds per page for a kind the catalogue does not list.
UNKNOWN_KIND_SECONDS_PER_PAGE = 2.0


class EndpointConfig(BaseModel):
    """One replica of one backend."""

    model_config = ConfigDict(extra="forbid")

    # The backend name rules and clients use ("pdftext", "tesseract", "tesseract-spare", ...).
    name: str = Field(min_length=1)
    # host:port of the backend's gRPC server.
    address: str = Field(min_length=3)
    # Engine: a backend name of the catalogue (services/catalogue.py); defaults to `name`.
    kind: str = ""
    # Device group for VRAM sharing ("gpu0"); a backend with a device group is a GPU backend.
    device_group: str = ""
    # Relative capacity of this replica: expected completion time is divided by it.
    weight: float = Field(default=1.0, gt=0)
    # Seconds per page until the backend's Status reports figures (0 = the catalogue's guess).
    seconds_per_page: float = Field(default=0.0, ge=0)
    # GPU memory the model needs in GB, until the backend reports its own peak (0 = the catalogue's).
    vram_gb: float = Field(default=0.0, ge=0)
    # Mutual TLS to this replica (`ocrmesh certs init`): the CA its server certificate is checked
    # against, and the router's client certificate and key. Unset = plaintext (same host only).
    ca: Path | None = None
    cert: Path | None = None
    key: Path | None = None
    # The API key the router sends to this replica (a file holding the key, 0600; read again when it
    # changes): for a backend started with --keys-file (`ocrmesh keys export`). Process needs the
    # key's process scope, the router's Load/Unload (VRAM budget) admin.
    api_key_file: Path | None = None

    @model_validator(mode="after")
    def _defaults(self) -> EndpointConfig:
        if not self.kind:
            self.kind = self.name
        if bool(self.cert) != bool(self.key):
            raise ValueError(f"backend {self.name}: cert and key go together")
        if self.cert and not self.ca:
            raise ValueError(
                f"backend {self.name}: a client certificate needs the CA of the backend's certificate"
            )
        if self.seconds_per_page == 0:
            entry = catalogue.find(self.kind)
            self.seconds_per_page = entry.seconds_per_page if entry else UNKNOWN_KIND_SECONDS_PER_PAGE
        if self.vram_gb == 0 and (entry := catalogue.find(self.kind)) is not None:
            self.vram_gb = entry.vram_gb
        return self

    @property
    def gpu(self) -> bool:
        return bool(self.device_group)

    @property
    def text_layer_only(self) -> bool:
        entry = catalogue.find(self.kind)
        return entry is not None and entry.text_layer_only

    @property
    def tls(self) -> TlsFiles | None:
        return TlsFiles(ca=self.ca, cert=self.cert, key=self.key) if self.ca else None


def _local_mesh() -> list[EndpointConfig]:
    return [
        EndpointConfig(name=name, address=f"127.0.0.1:{catalogue.entry(name).port}")
        for name in catalogue.LOCAL_BACKENDS
    ]


class RouterSettings(IntakeSettings):
    """One router process."""

    model_config = SettingsConfigDict(env_prefix="OCRMESH_ROUTER_", extra="ignore")

    host: str = "127.0.0.1"
    port: int = catalogue.ROUTER_PORT
    # 0 = no metrics endpoint; -1 = any free port (tests).
    metrics_port: int = 0
    backends: list[EndpointConfig] = Field(default_factory=_local_mesh)
    routing_file: Path = DEFAULT_ROUTING_FILE
    # Known suppliers (config/suppliers/*.yaml, written by `ocrmesh learn-supplier`): routing and templates.
    suppliers_dir: Path = REPO_ROOT / "config" / "suppliers"
    # Seconds between checks of the routing file's mtime (it is also checked on every request).
    reload_seconds: float = Field(default=2.0, gt=0)
    # Documents routed at once; more wait up to max_queue, beyond that RESOURCE_EXHAUSTED.
    max_in_flight: int = Field(default=32, ge=1)
    max_queue: int = Field(default=128, ge=0)
    # Backend runs of one document in flight at once.
    max_parallel_runs: int = Field(default=4, ge=1)
    # Backend call timeout when the client set no deadline (seconds).
    default_timeout_seconds: float = Field(default=900.0, gt=0)
    # Health watch reconnection backoff.
    health_backoff_min_seconds: float = Field(default=0.1, gt=0)
    health_backoff_max_seconds: float = Field(default=5.0, gt=0)
    # Status poll for latency figures.
    status_poll_seconds: float = Field(default=5.0, gt=0)
    # VRAM budget in GB per device group (backends sharing one card); others get 16.
    device_groups: dict[str, float] = Field(default_factory=dict)
    default_vram_budget_gb: float = Field(default=16.0, gt=0)
    # Circuit breaker per replica.
    breaker_failures: int = Field(default=3, ge=1)
    breaker_cooldown_seconds: float = Field(default=15.0, gt=0)
    grace_seconds: float = Field(default=10.0, ge=0)
    log_level: str = "info"
    # Host the live benchmark service (BenchmarkService) in this process.
    benchmarks: bool = True
    # Host batch jobs (JobsService, settings OCRMESH_JOBS_*) in this process.
    jobs: bool = True
    # The live benchmark's priors (None = none): read when they change, used for latency and choice.
    priors_file: Path | None = Path("data/benchmarks/latest-priors.json")
    # API keys (the jobs database, OCRMESH_JOBS_*) on every call but health, reflection, Describe and
    # Status. Off only when the router listens on loopback alone (tests, `ocrmesh up --no-auth`).
    auth: bool = True

    @model_validator(mode="after")
    def _check(self) -> RouterSettings:
        seen: set[tuple[str, str]] = set()
        kinds: dict[str, str] = {}
        for endpoint in self.backends:
            key = (endpoint.name, endpoint.address)
            if key in seen:
                raise ValueError(f"backend {endpoint.name} at {endpoint.address} is declared twice")
            seen.add(key)
            if kinds.setdefault(endpoint.name, endpoint.kind) != endpoint.kind:
                raise ValueError(f"replicas of backend {endpoint.name} declare different kinds")
        check_no_auth(self.auth, {"router": self.host})
        if self.health_backoff_min_seconds > self.health_backoff_max_seconds:
            raise ValueError("health_backoff_min_seconds must not exceed health_backoff_max_seconds")
        return self


def load_router_settings(config: Path | None = None, **overrides: object) -> RouterSettings:
    """Defaults < config file (section `router`; config/router.yaml when present) < environment < overrides."""
    if config is None and DEFAULT_ROUTER_CONFIG.is_file():
        config = DEFAULT_ROUTER_CONFIG
    settings = load_settings(RouterSettings, config, "router", **overrides)
    if not settings.routing_file.is_absolute():
        # A relative routing file stands beside the router config file (or in the working directory).
        base = Path(config).parent if config is not None else Path.cwd()
        settings.routing_file = (base / settings.routing_file).resolve()
    return settings
