"""The backend catalogue (services/catalogue.py) against every place that states a backend fact.

Code reads the catalogue; files that cannot (YAML, compose, Dockerfile, docs) are checked against
it here and in tests/deploy/test_compose.py, so a port or name changed in one place fails a test.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bench_service.settings import BenchSettings
from gateway_rest.settings import GatewaySettings
from jobs_service.settings import JobsSettings
from router_service.rules import DEFAULT_RULES, RulesStore, parse_rules
from router_service.settings import DEFAULT_ROUTING_FILE, RouterSettings, load_router_settings
from services import catalogue
from services.catalogue import Device, Kind
from services.models.catalog import BACKEND_MODULES, load_catalog
from services.models.spec import ModelSpec

REPO = Path(__file__).resolve().parents[1]
ENTRIES = list(catalogue.BACKENDS.values())
# Router configs: the local one (config/) and the CPU VM's that joins both hosts (deploy/config/).
ROUTER_CONFIGS = [REPO / "config" / "router.yaml", REPO / "deploy" / "config" / "router.cpu-vm.yaml"]
# Files whose prose or comments name backends with their ports.
DOC_FILES = [
    REPO / "README.md",
    *sorted(p for p in (REPO / "docs").glob("*.md") if p.name != "BENCHMARKS.md"),  # runs on spare ports
    *sorted((REPO / "deploy").rglob("*.y*ml")),
    *sorted((REPO / "config").glob("*.yaml")),
    REPO / "deploy" / "Dockerfile",
]
NAMES = "|".join(catalogue.BACKENDS)
# "pdftext 9161", "pdftext 50061 -> 9161", "gotocr on :50071", "pdftext:50061".
NAME_THEN_PORT = re.compile(rf"\b({NAMES})\b(?:[ :(]|on |-> )+(\d{{4,5}})\b(?:\s*->\s*(\d{{4}}))?")
SERVE_COMMAND = re.compile(rf"\bserve ({NAMES})\b[^\n#]*?--port (\d+)")


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_engine_target_names_a_class_of_its_module(entry: catalogue.BackendEntry) -> None:
    """Checked by reading the source: building the engine would load its models."""
    module, _, cls = entry.engine.partition(":")
    path = REPO / Path(*module.split(".")).with_suffix(".py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert cls in {node.name for node in tree.body if isinstance(node, ast.ClassDef)}, entry.engine


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_ports_follow_the_mesh_convention_and_never_collide(entry: catalogue.BackendEntry) -> None:
    assert 50060 <= entry.port < 50100
    assert entry.metrics_port == entry.port - 50000 + 9100
    others = [e for e in ENTRIES if e is not entry]
    taken = {catalogue.ROUTER_PORT, catalogue.ROUTER_METRICS_PORT, catalogue.GATEWAY_PORT, catalogue.JOBS_PORT}
    taken |= {p for e in others for p in (e.port, e.metrics_port)}
    assert not {entry.port, entry.metrics_port} & taken


def test_kinds_and_devices() -> None:
    assert [e.name for e in ENTRIES if e.text_layer_only] == ["pdftext"]
    assert {e.name for e in ENTRIES if e.kind is Kind.VLM} == {e.name for e in ENTRIES if e.gpu}
    assert all(e.vram_gb > 0 for e in ENTRIES if e.device is Device.GPU)
    assert all(e.vram_gb == 0 for e in ENTRIES if e.device is Device.CPU)
    assert set(catalogue.LOCAL_BACKENDS) <= {e.name for e in ENTRIES if not e.gpu and not e.models_module}


def test_unknown_backend_lists_the_known_ones() -> None:
    with pytest.raises(catalogue.UnknownBackendError, match="known backends: deepseek, gotocr, pdftext"):
        catalogue.entry("paddle")


def test_model_ids_come_from_the_backends_model_specs() -> None:
    models = load_catalog()
    assert models.unavailable == {}
    assert set(models.specs) == set(BACKEND_MODULES) == {e.name for e in ENTRIES if e.models_module}
    for entry in ENTRIES:
        specs: list[ModelSpec] = models.specs.get(entry.name, [])
        assert entry.model_ids() == [spec.source for spec in specs]
        assert all(spec.backend == entry.name for spec in specs)
    assert catalogue.entry("gotocr").model_ids() == ["stepfun-ai/GOT-OCR-2.0-hf"]


@pytest.mark.parametrize("name", ["pdftext", "tesseract"])
def test_light_engines_describe_themselves_as_the_catalogue_says(name: str) -> None:
    """The engines that build without model weights: their Describe capabilities are the catalogue's."""
    from services.registry import create_engine

    entry = catalogue.entry(name)
    info = create_engine(name).info
    assert info.name == name
    assert (info.text_layer_only, info.gpu, info.tables, info.layout) == (
        entry.text_layer_only,
        entry.gpu,
        entry.tables,
        entry.layout,
    )


# ---------------------------------------------------------------- router configs and rules


@pytest.mark.parametrize("path", ROUTER_CONFIGS, ids=lambda p: p.parent.name + "/" + p.name)
def test_router_configs_address_catalogue_backends_on_their_ports(path: Path) -> None:
    settings = load_router_settings(path)
    assert settings.port == catalogue.ROUTER_PORT
    assert settings.metrics_port == catalogue.ROUTER_METRICS_PORT
    for endpoint in settings.backends:
        entry = catalogue.entry(endpoint.kind)
        assert int(endpoint.address.rpartition(":")[2]) == entry.port, endpoint
        assert endpoint.gpu == entry.gpu, f"{endpoint.name}: a device group exactly for GPU backends"
        assert endpoint.text_layer_only == entry.text_layer_only


def test_commented_out_replicas_of_the_local_config_use_catalogue_ports() -> None:
    """config/router.yaml shows the GPU PC's and CPU VM's replicas as comments: their ports count too."""
    text = (REPO / "config" / "router.yaml").read_text(encoding="utf-8")
    commented = re.findall(r"#\s*- name: (\w+)[^\n]*\n\s*#\s+address: \S+:(\d+)", text)
    assert len(commented) >= 3, "no commented-out replicas found"
    for name, port in commented:
        assert int(port) == catalogue.entry(name).port, (name, port)


def test_router_defaults_come_from_the_catalogue() -> None:
    settings = RouterSettings(_env_file=None)  # type: ignore[call-arg]
    assert [(b.name, b.address) for b in settings.backends] == [
        (name, f"127.0.0.1:{catalogue.entry(name).port}") for name in catalogue.LOCAL_BACKENDS
    ]
    for endpoint in settings.backends:
        assert endpoint.seconds_per_page == catalogue.entry(endpoint.kind).seconds_per_page


def test_routing_rules_live_only_in_the_routing_file() -> None:
    """No copy in code: the defaults are config/routing.yaml itself, which names only catalogue backends."""
    from_file = parse_rules(DEFAULT_ROUTING_FILE.read_text(encoding="utf-8"), str(DEFAULT_ROUTING_FILE))
    assert DEFAULT_RULES == from_file
    assert RulesStore(None).rules == from_file
    named = set(from_file.fallback_order) | {b for rule in from_file.rules for b in rule.backends}
    assert named <= set(catalogue.BACKENDS)
    router_sources = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "router_service").glob("*.py"))
    assert "Rule(name=" not in router_sources


# ---------------------------------------------------------------- other processes' defaults


def test_other_processes_default_to_the_catalogue_addresses() -> None:
    router = f"127.0.0.1:{catalogue.ROUTER_PORT}"
    assert GatewaySettings(_env_file=None).port == catalogue.GATEWAY_PORT  # type: ignore[call-arg]
    assert GatewaySettings(_env_file=None).upstream == router  # type: ignore[call-arg]
    assert JobsSettings(_env_file=None).upstream == router  # type: ignore[call-arg]
    # The standalone jobs server has a port of its own: no backend or the router listens there.
    assert JobsSettings(_env_file=None).port == catalogue.JOBS_PORT  # type: ignore[call-arg]
    assert catalogue.JOBS_PORT not in {catalogue.ROUTER_PORT, catalogue.GATEWAY_PORT} | {
        e.port for e in ENTRIES
    }
    assert BenchSettings(_env_file=None).backends == {  # type: ignore[call-arg]
        name: f"127.0.0.1:{catalogue.entry(name).port}" for name in catalogue.LOCAL_BACKENDS
    }


# ---------------------------------------------------------------- docs, comments, Dockerfile


def test_docs_and_comments_state_catalogue_ports() -> None:
    """Wherever prose or a comment pairs a backend with a port ("pdftext 50061 -> 9161", "gotocr on
    :50071", "surya 9181", "serve tesseract --port 50062"), it is the catalogue's."""
    checked = 0
    for path in DOC_FILES:
        text = path.read_text(encoding="utf-8")
        for match in [*NAME_THEN_PORT.finditer(text), *SERVE_COMMAND.finditer(text)]:
            entry = catalogue.entry(match.group(1))
            ports = [int(p) for p in match.groups()[1:] if p]
            where = f"{path.relative_to(REPO)}: {match.group(0)!r}"
            assert all(p in (entry.port, entry.metrics_port) for p in ports), where
            checked += 1
    assert checked >= 20  # the pattern still finds what the docs say


def test_dockerfile_exposes_every_catalogue_port() -> None:
    text = (REPO / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    exposed = {int(p) for line in text.splitlines() if line.startswith("EXPOSE") for p in line.split()[1:]}
    expected = {catalogue.ROUTER_PORT, catalogue.ROUTER_METRICS_PORT, catalogue.GATEWAY_PORT}
    expected |= {p for e in ENTRIES for p in (e.port, e.metrics_port)}
    assert exposed == expected


def test_architecture_names_every_backend() -> None:
    text = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert [name for name in catalogue.BACKENDS if f"`{name}`" not in text] == []
