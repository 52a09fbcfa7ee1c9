"""Deployment files: compose files validate, and what they run exists."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from services.registry import known_backends

REPO = Path(__file__).resolve().parents[1]
COMPOSE_FILES = sorted((REPO / "deploy").glob("compose.*.yaml"))


def _compose_command() -> list[str]:
    docker = shutil.which("docker")
    if docker and subprocess.run([docker, "compose", "version"], capture_output=True).returncode == 0:
        return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    if legacy:
        return [legacy]
    pytest.fail("neither `docker compose` nor `docker-compose` is installed; run `make setup`")


@pytest.mark.parametrize("compose_file", COMPOSE_FILES, ids=lambda p: p.name)
def test_compose_file_validates(compose_file: Path) -> None:
    result = subprocess.run(
        [*_compose_command(), "-f", str(compose_file), "config", "-q"], cwd=compose_file.parent,
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("compose_file", COMPOSE_FILES, ids=lambda p: p.name)
def test_compose_services_run_known_commands(compose_file: Path) -> None:
    services = yaml.safe_load(compose_file.read_text())["services"]
    assert services
    for name, service in services.items():
        command = service["command"]
        if command[0] == "serve":
            assert command[1] in known_backends(), (name, command)
        else:
            assert command[0] in {"router", "gateway"}, (name, command)


def test_dockerfile_copies_existing_paths() -> None:
    dockerfile = (REPO / "deploy" / "Dockerfile").read_text()
    for sources in re.findall(r"^COPY (.+) \S+$", dockerfile, flags=re.M):
        for source in sources.split():
            assert (REPO / source).exists(), source


def test_deployed_router_config_validates() -> None:
    from router_service.settings import load_router_settings

    settings = load_router_settings(REPO / "deploy" / "config" / "router.cpu-vm.yaml")
    names = {b.name for b in settings.backends}
    assert {"pdftext", "tesseract", "surya", "gotocr", "deepseek"} <= names
    assert settings.device_groups == {"gpu0": 16}
    assert all(b.device_group == "gpu0" for b in settings.backends if b.name in ("gotocr", "deepseek"))
