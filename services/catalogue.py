"""The one catalogue of the mesh's backends: what each is, where it listens, what it needs.

Every backend fact that more than one place needs lives here once: the public
name, its kind (a text layer reader, an OCR engine, a vision-language model),
its engine class, its default gRPC port and metrics port (gRPC 500xx serves
Prometheus metrics on 91xx), its device, the module listing its model weights
(`MODELS: list[ModelSpec]`), what it can do, and the router's first guesses
of its latency and GPU memory. The engine registry, the model catalogue, the
router's defaults, `ocrmesh up` and the CLI read it; tests check the YAML and
compose files and the docs against it (tests/test_catalogue.py,
tests/deploy/test_compose.py).

The facts are data in `catalogue.yaml` beside this module, read once at
import into typed entries; nothing here imports an engine (model ids are read
from the backends' light `models.py` on demand), so anything may import it.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import yaml

CATALOGUE_FILE = Path(__file__).with_name("catalogue.yaml")


def metrics_port_for(grpc_port: int) -> int:
    """The mesh's convention: a server on gRPC port 500xx serves its metrics on 91xx."""
    return grpc_port - 50000 + 9100


class Kind(StrEnum):
    TEXT_LAYER = "text_layer"  # reads a born-digital PDF's text layer; declines scans
    OCR = "ocr"  # recognises text in page images
    VLM = "vlm"  # a vision-language model reading page images


class Device(StrEnum):
    CPU = "cpu"
    GPU = "gpu"


@dataclass(frozen=True)
class BackendEntry:
    """One backend of the mesh, as `catalogue.yaml` lists it (keys = these fields, but `name`)."""

    name: str
    kind: Kind
    # "module:Class" of the engine, imported only when the backend is built (no torch for tesseract).
    engine: str
    port: int
    device: Device
    # Module with `MODELS: list[ModelSpec]` (the weights `ocrmesh models download` fetches); "" = none.
    models_module: str = ""
    # Capabilities, as the engine's Describe reports them with its default settings.
    tables: bool = False
    layout: bool = False
    # The router's first guess of seconds per page, until the backend reports its own figures.
    seconds_per_page: float = 2.0
    # GPU memory the model needs in GB (bf16 weights plus activations, docs/GPU.md), until it reports its peak.
    vram_gb: float = 0.0

    @property
    def metrics_port(self) -> int:
        return metrics_port_for(self.port)

    @property
    def text_layer_only(self) -> bool:
        return self.kind is Kind.TEXT_LAYER

    @property
    def gpu(self) -> bool:
        return self.device is Device.GPU

    def model_ids(self) -> list[str]:
        """The model sources (hub ids or URLs) of the weights this backend loads."""
        if not self.models_module:
            return []
        models = importlib.import_module(self.models_module).MODELS
        return [spec.source for spec in models]


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    backends = {}
    for name, facts in data["backends"].items():
        kind, device = Kind(facts.pop("kind")), Device(facts.pop("device"))
        backends[name] = BackendEntry(name=name, kind=kind, device=device, **facts)
    return {**data, "backends": backends}


_CATALOGUE = _load(CATALOGUE_FILE)
BACKENDS: dict[str, BackendEntry] = _CATALOGUE["backends"]
# The router (and the jobs and benchmark services it hosts) and the REST gateway.
ROUTER_PORT: int = _CATALOGUE["router"]["port"]
ROUTER_METRICS_PORT = metrics_port_for(ROUTER_PORT)
GATEWAY_PORT: int = _CATALOGUE["gateway"]["port"]
JOBS_PORT: int = _CATALOGUE["jobs"]["port"]  # the standalone `ocrmesh jobs` server
# The backends `ocrmesh up` starts and the router addresses when configured with none:
# CPU engines without model weights, so they run on any machine.
LOCAL_BACKENDS: tuple[str, ...] = tuple(_CATALOGUE["local_backends"])


class UnknownBackendError(ValueError):
    """A backend name the catalogue does not list."""


def names() -> list[str]:
    """Every backend name, sorted."""
    return sorted(BACKENDS)


def entry(name: str) -> BackendEntry:
    """The catalogue entry of `name`; UnknownBackendError listing the known names otherwise."""
    try:
        return BACKENDS[name]
    except KeyError:
        raise UnknownBackendError(f"unknown backend {name!r}; known backends: {', '.join(names())}") from None


def find(name: str) -> BackendEntry | None:
    """The entry of `name`, or None (a replica name such as "tesseract-spare" with its own kind)."""
    return BACKENDS.get(name)
