"""The compose files of the two hosts and the router config that joins them.

compose.cpu.yaml (the Linux VM: pdftext, tesseract, surya, router, gateway) and
compose.gpu.yaml (the Windows PC: gotocr, deepseek) validate with Debian's
docker-compose 1.29, run the image's roles as non-root with health checks,
restart and metrics, and deploy/config/router.cpu-vm.yaml, read by the
router's own loader, addresses exactly the services they start.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest
import yaml

from router_service.rules import parse_rules
from router_service.settings import RouterSettings, load_router_settings
from services import catalogue
from services.catalogue import metrics_port_for
from services.models.catalog import BACKEND_MODULES as MODEL_BACKENDS
from services.registry import known_backends
from tests.deploy.image import DOCKERFILE, REPO, runtime_stage

DEPLOY = REPO / "deploy"
CPU = DEPLOY / "compose.cpu.yaml"
GPU = DEPLOY / "compose.gpu.yaml"
COMPOSE_FILES = [CPU, GPU]
ROUTER_CONFIG = DEPLOY / "config" / "router.cpu-vm.yaml"
IMAGE_UID = "10001"
GATEWAY_HEALTH_PATH = "/api/v1/health/live"


@dataclass(frozen=True)
class Service:
    name: str
    compose_file: Path
    spec: dict  # type: ignore[type-arg]

    @property
    def command(self) -> list[str]:
        return [str(arg) for arg in self.spec["command"]]

    @property
    def role(self) -> str:
        return self.command[0]

    @property
    def backend(self) -> str:
        return self.command[1] if self.role == "serve" else ""

    def option(self, name: str) -> str | None:
        command = self.command
        return command[command.index(name) + 1] if name in command else None

    @property
    def published(self) -> set[int]:
        return {int(str(port).split(":")[-1]) for port in self.spec.get("ports", [])}

    def mounts(self) -> dict[str, str]:
        """Container path -> host source (relative to the compose file, or a volume name)."""
        found = {}
        for volume in self.spec.get("volumes", []):
            # SOURCE:TARGET[:MODE], where SOURCE may hold a colon (${VAR:-default}, C:\\...).
            parts = str(volume).rsplit(":", 2)
            source, target = (parts[0], parts[1]) if parts[-1] in ("ro", "rw") else str(volume).rsplit(":", 1)
            found[target] = source
        return found

    def host_file(self, container_path: str) -> Path:
        """Where a file the container reads comes from: a bind mount, else the image's COPY."""
        path = PurePosixPath(container_path)
        for target, source in self.mounts().items():
            if path == PurePosixPath(target) or PurePosixPath(target) in path.parents:
                assert source.startswith("."), (
                    f"{self.name}: {target} comes from {source}, not a file of ours"
                )
                return (self.compose_file.parent / source / path.relative_to(target)).resolve()
        for copy in runtime_stage(DOCKERFILE).copies:
            for source in copy.sources:
                root = copy.dest if not copy.dest_is_dir else copy.dest / PurePosixPath(source).name
                if path == root or root in path.parents:
                    return REPO / source / path.relative_to(root)
        raise AssertionError(f"{self.name}: {container_path} is neither mounted nor in the image")


def services(compose_file: Path) -> dict[str, Service]:
    data = yaml.safe_load(compose_file.read_text())
    return {name: Service(name, compose_file, spec) for name, spec in data["services"].items()}


ALL_SERVICES = [service for path in COMPOSE_FILES for service in services(path).values()]
SERVICE_IDS = [f"{s.compose_file.stem}:{s.name}" for s in ALL_SERVICES]


def router_settings() -> RouterSettings:
    return load_router_settings(ROUTER_CONFIG)


def listening_port(service: Service) -> int:
    if service.role == "router":
        return load_router_settings(service.host_file(service.option("--config") or "")).port
    return int(service.option("--port") or 0)


# ---------------------------------------------------------------- docker-compose config


def _compose_commands() -> list[pytest.param]:  # type: ignore[valid-type]
    """Debian's docker-compose 1.29 (the one the issue names), and Compose v2 when the docker CLI has it."""
    legacy = shutil.which("docker-compose")
    params = [
        pytest.param(
            [legacy] if legacy else None,
            id="docker-compose-1.29",
            marks=[]
            if legacy
            else pytest.mark.skip(
                reason="docker-compose is not installed (Debian package docker-compose, listed in scripts/setup.sh)"
            ),
        )
    ]
    docker = shutil.which("docker")
    v2 = (
        docker
        and subprocess.run([docker, "compose", "version"], capture_output=True, check=False).returncode == 0
    )
    if v2:
        params.append(pytest.param([docker, "compose"], id="docker-compose-v2"))
    return params


@pytest.mark.parametrize("compose", _compose_commands())
@pytest.mark.parametrize("compose_file", COMPOSE_FILES, ids=lambda p: p.name)
def test_compose_file_validates(compose: list[str], compose_file: Path) -> None:
    result = subprocess.run(
        [*compose, "-f", str(compose_file), "config", "-q"],
        cwd=compose_file.parent,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_compose_files_split_the_mesh_between_the_hosts() -> None:
    cpu = {s.backend or s.role for s in services(CPU).values()}
    gpu = {s.backend or s.role for s in services(GPU).values()}
    assert cpu == {e.name for e in catalogue.BACKENDS.values() if not e.gpu} | {"router", "gateway"}
    assert gpu == {e.name for e in catalogue.BACKENDS.values() if e.gpu}


# ---------------------------------------------------------------- every service


@pytest.mark.parametrize("service", ALL_SERVICES, ids=SERVICE_IDS)
def test_service_runs_a_known_role(service: Service) -> None:
    assert service.role in {"serve", "router", "gateway"}, service.command
    if service.role == "serve":
        assert service.backend in known_backends(), service.command


@pytest.mark.parametrize("service", ALL_SERVICES, ids=SERVICE_IDS)
def test_service_is_non_root_supervised_and_built_from_the_dockerfile(service: Service) -> None:
    spec = service.spec
    assert str(spec["user"]).split(":")[0] == IMAGE_UID
    assert spec["restart"] in ("unless-stopped", "always")
    assert spec.get("init") is True  # signals reach the server, children are reaped
    build = spec["build"]
    assert (service.compose_file.parent / build["context"] / build["dockerfile"]).resolve() == DOCKERFILE


def test_one_image_tag_per_build_variant() -> None:
    """Services sharing an image tag build it the same way (else the last build wins the tag)."""
    builds: dict[str, set[str]] = {}
    for service in ALL_SERVICES:
        args = service.spec["build"].get("args", {})
        builds.setdefault(service.spec["image"], set()).add(repr(sorted(args.items())))
    assert all(len(variants) == 1 for variants in builds.values()), builds


@pytest.mark.parametrize("service", ALL_SERVICES, ids=SERVICE_IDS)
def test_light_image_runs_no_model_backend(service: Service) -> None:
    """MODEL_STACK=false leaves torch and the model packages out: only the light roles run on it."""
    if str(service.spec["build"].get("args", {}).get("MODEL_STACK", "true")).lower() == "false":
        assert service.backend not in MODEL_BACKENDS, service.command


@pytest.mark.parametrize("service", ALL_SERVICES, ids=SERVICE_IDS)
def test_service_healthcheck_asks_its_own_port(service: Service) -> None:
    test = service.spec["healthcheck"]["test"]
    assert test[:4] == ["CMD", "python", "-m", "clients.healthcheck"], test
    target = test[4]
    port = listening_port(service)
    if service.role == "gateway":
        assert target == f"http://127.0.0.1:{port}{GATEWAY_HEALTH_PATH}"
    else:
        assert target == f"127.0.0.1:{port}"


@pytest.mark.parametrize("service", ALL_SERVICES, ids=SERVICE_IDS)
def test_backend_listens_on_its_catalogue_port(service: Service) -> None:
    if service.role == "serve":
        assert int(service.option("--port") or 0) == catalogue.entry(service.backend).port
    elif service.role == "router":
        assert listening_port(service) == catalogue.ROUTER_PORT
    else:
        assert listening_port(service) == catalogue.GATEWAY_PORT


@pytest.mark.parametrize("service", ALL_SERVICES, ids=SERVICE_IDS)
def test_service_metrics_are_on_and_published(service: Service) -> None:
    if service.role == "serve":
        port = int(service.option("--port") or 0)
        assert int(service.option("--metrics-port") or 0) == metrics_port_for(port)
        assert metrics_port_for(port) == catalogue.entry(service.backend).metrics_port
        assert metrics_port_for(port) in service.published
    elif service.role == "router":
        settings = load_router_settings(service.host_file(service.option("--config") or ""))
        assert settings.metrics_port == catalogue.ROUTER_METRICS_PORT
        assert settings.metrics_port in service.published
    else:  # the gateway serves /metrics on its HTTP port
        assert listening_port(service) in service.published


@pytest.mark.parametrize("service", ALL_SERVICES, ids=SERVICE_IDS)
def test_model_backends_mount_the_models_volume(service: Service) -> None:
    mounts = service.mounts()
    if service.backend in MODEL_BACKENDS:
        assert mounts.get("/models") == "${OCRMESH_MODELS:-./models}"
        assert any(str(v).endswith(":/models:ro") for v in service.spec["volumes"])
    for target, source in mounts.items():
        if source.startswith("."):  # a bind mount of a file or folder of the repository
            assert (service.compose_file.parent / source).exists(), (service.name, target, source)


def test_router_keeps_its_state_on_the_data_volume() -> None:
    router = services(CPU)["router"]
    assert router.mounts()["/data"] == "data"
    assert "data" in yaml.safe_load(CPU.read_text())["volumes"]
    env = runtime_stage(DOCKERFILE).env
    for setting in ("OCRMESH_JOBS_DATA_DIR", "OCRMESH_BENCH_DATA_DIR", "OCRMESH_ROUTER_PRIORS_FILE"):
        assert env[setting].startswith("/data/"), setting


def test_gpu_services_reserve_the_nvidia_gpu() -> None:
    for service in services(GPU).values():
        devices = service.spec["deploy"]["resources"]["reservations"]["devices"]
        assert any(d["driver"] == "nvidia" and "gpu" in d["capabilities"] for d in devices), service.name


# ---------------------------------------------------------------- the router of the two hosts


def test_router_config_validates_with_the_routers_loader() -> None:
    settings = router_settings()
    names = {b.name for b in settings.backends}
    assert set(catalogue.BACKENDS) <= names
    assert settings.device_groups == {"gpu0": 16}
    assert all(b.device_group == "gpu0" for b in settings.backends if catalogue.entry(b.kind).gpu)
    assert all(b.kind in known_backends() for b in settings.backends)


def test_compose_router_runs_the_checked_config() -> None:
    router = services(CPU)["router"]
    assert router.host_file(router.option("--config") or "") == ROUTER_CONFIG.resolve()


def test_router_config_addresses_match_the_compose_services() -> None:
    """Local backends by compose service name and port; the GPU PC's by a published port of compose.gpu."""
    cpu, gpu = services(CPU), services(GPU)
    for endpoint in router_settings().backends:
        host, _, port = endpoint.address.rpartition(":")
        if host in cpu:
            service = cpu[host]
        else:
            matches = [s for s in gpu.values() if int(s.option("--port") or 0) == int(port)]
            assert matches, f"{endpoint.name}: {endpoint.address} is no service of compose.gpu.yaml"
            service = matches[0]
            assert int(port) in service.published, f"{service.name}: port {port} not published to the VM"
        assert service.backend == endpoint.kind, (endpoint.address, service.command)
        assert int(service.option("--port") or 0) == int(port), (endpoint.address, service.command)


def test_router_routing_rules_are_the_mounted_ones_and_name_configured_backends() -> None:
    settings = router_settings()
    router = services(CPU)["router"]
    routing_file = router.host_file(str(settings.routing_file))
    rules = parse_rules(routing_file.read_text(), str(routing_file))
    configured = {b.name for b in settings.backends}
    named = set(rules.fallback_order) | {b for rule in rules.rules for b in rule.backends}
    assert named <= configured, named - configured


def test_gateway_reaches_the_router_service() -> None:
    cpu = services(CPU)
    host, _, port = (cpu["gateway"].option("--upstream") or "").rpartition(":")
    assert host == "router"
    assert int(port) == listening_port(cpu["router"])


def test_prometheus_scrapes_ports_the_compose_files_publish() -> None:
    """deploy/observability/prometheus.yml's targets: each a port its host's compose service publishes."""
    config = yaml.safe_load((DEPLOY / "observability" / "prometheus.yml").read_text())
    hosts = {"cpu-vm": services(CPU), "gpu-pc": services(GPU)}
    checked = set()
    for job in config["scrape_configs"]:
        for group in job["static_configs"]:
            labels = group["labels"]
            by_component = {s.backend or s.role: s for s in hosts[labels["host"]].values()}
            service = by_component[labels["component"]]
            for target in group["targets"]:
                port = int(target.rsplit(":", 1)[1])
                assert port in service.published, (target, service.name, sorted(service.published))
                checked.add(labels["component"])
    assert checked == {s.backend or s.role for s in ALL_SERVICES}


# ---------------------------------------------------------------- backends are not open to whoever reaches them


def _environment(service: Service) -> dict[str, str]:
    env = service.spec.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {str(k): str(v) for k, v in env.items()}


@pytest.mark.parametrize("service", [s for s in ALL_SERVICES if s.role == "serve"], ids=lambda s: s.name)
def test_backend_is_protected_or_unreachable_from_outside(service: Service) -> None:
    """A published gRPC port speaks mutual TLS (its certificates mounted at /certs, the health check too);
    OCRMESH_INSECURE only where the gRPC port stays on the compose network."""
    env = _environment(service)
    port = int(service.option("--port") or 0)
    if port in service.published:
        assert env.get("OCRMESH_INSECURE", "0") in ("0", "false", ""), service.name
        for setting in ("OCRMESH_TLS_CERT", "OCRMESH_TLS_KEY", "OCRMESH_TLS_CLIENT_CA"):
            assert env.get(setting, "").startswith("/certs/"), (service.name, setting)
        for setting in ("OCRMESH_HEALTHCHECK_CA", "OCRMESH_HEALTHCHECK_CERT", "OCRMESH_HEALTHCHECK_KEY"):
            assert env.get(setting, "").startswith("/certs/"), (service.name, setting)
        assert "/certs" in service.mounts(), service.name
    else:
        assert env.get("OCRMESH_INSECURE") == "1", service.name  # binds 0.0.0.0 in its container


def test_router_speaks_mutual_tls_to_the_other_hosts_backends() -> None:
    cpu = services(CPU)
    router = cpu["router"]
    for endpoint in router_settings().backends:
        if endpoint.address.rpartition(":")[0] in cpu:
            continue
        assert endpoint.tls is not None and endpoint.cert and endpoint.key, endpoint.name
        for path in (endpoint.ca, endpoint.cert, endpoint.key):
            assert str(path).startswith("/certs/") and "/certs" in router.mounts(), (endpoint.name, path)
