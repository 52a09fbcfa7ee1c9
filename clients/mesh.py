"""`ocrmesh up`: the whole local mesh on loopback, one command.

Starts every backend that can run on this machine, the router in front of
them and the REST gateway in front of the router, each as its own process
(as in production), waits until all are healthy, prints what runs where, and
on Ctrl-C stops everything: children get a graceful stop signal and, as a
safety net, see their standard input close when this process ends however it
ends (services.scaffold.parent_watch), so no orphan server survives.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import yaml
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from clients.processes import stop_processes
from ocrmesh_client import OcrClient
from services.scaffold.parent_watch import ENV_FLAG

REPO = Path(__file__).resolve().parents[1]


class MeshSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OCRMESH_MESH_", extra="ignore")

    host: str = "127.0.0.1"
    router_port: int = 50051
    gateway_port: int = 8080
    # Backends started locally, by name, with their gRPC ports.
    backends: dict[str, int] = Field(default_factory=lambda: {"pdftext": 50061, "tesseract": 50062})
    start_timeout_seconds: float = 120.0
    stop_timeout_seconds: float = 20.0
    log_dir: Path | None = None


@dataclass
class Component:
    name: str
    argv: list[str]
    address: str
    http: bool = False
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://{self.address}" if self.http else self.address


@dataclass
class Mesh:
    settings: MeshSettings
    components: list[Component] = field(default_factory=list)
    workdir: Path | None = None
    # Extra environment of every child (over this process's), e.g. a benchmark's throwaway jobs state.
    env: dict[str, str] = field(default_factory=dict)

    def plan(self) -> list[Component]:
        s = self.settings
        cli = [sys.executable, "-m", "clients.cli"]
        workdir = Path(tempfile.mkdtemp(prefix="ocrmesh-up-"))
        self.workdir = workdir
        router_config = workdir / "router.yaml"
        router_config.write_text(
            yaml.safe_dump(
                {
                    "router": {
                        "host": s.host,
                        "port": s.router_port,
                        "metrics_port": 0,
                        "routing_file": str(REPO / "config" / "routing.yaml"),
                        "backends": [
                            {"name": name, "address": f"{s.host}:{port}"} for name, port in s.backends.items()
                        ],
                    }
                }
            ),
            encoding="utf-8",
        )
        components = [
            Component(name, [*cli, "serve", name, "--host", s.host, "--port", str(port)], f"{s.host}:{port}")
            for name, port in s.backends.items()
        ]
        components.append(
            Component("router", [*cli, "router", "--config", str(router_config)], f"{s.host}:{s.router_port}")
        )
        components.append(
            Component(
                "gateway",
                [*cli, "gateway", "--upstream", f"{s.host}:{s.router_port}", "--host", s.host,
                 "--port", str(s.gateway_port)],
                f"{s.host}:{s.gateway_port}",
                http=True,
            )
        )
        self.components = components
        return components

    def start(self) -> None:
        logs = self.settings.log_dir or (self.workdir or Path(tempfile.mkdtemp()))
        logs.mkdir(parents=True, exist_ok=True)
        env = {
            **os.environ,
            ENV_FLAG: "1",
            "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1"),
            **self.env,
        }
        creationflags = subprocess.CREATE_NEW_PROCESS_GROUP if sys.platform == "win32" else 0  # type: ignore[attr-defined]
        for component in self.components:
            component.log_path = logs / f"{component.name}.log"
            with open(component.log_path, "wb") as log_file:
                component.process = subprocess.Popen(
                    component.argv,
                    cwd=REPO,
                    env=env,
                    stdin=subprocess.PIPE,
                    stdout=log_file,
                    stderr=subprocess.STDOUT,
                    creationflags=creationflags,
                )
        deadline = time.monotonic() + self.settings.start_timeout_seconds
        for component in self.components:
            self._wait_healthy(component, deadline)

    def _wait_healthy(self, component: Component, deadline: float) -> None:
        assert component.process is not None
        while time.monotonic() < deadline:
            if component.process.poll() is not None:
                raise RuntimeError(
                    f"{component.name} exited with code {component.process.returncode}; "
                    f"its log: {component.log_path}\n{self._tail(component)}"
                )
            if self._healthy(component):
                return
            time.sleep(0.2)
        raise TimeoutError(f"{component.name} did not become healthy in time; its log: {component.log_path}")

    @staticmethod
    def _healthy(component: Component) -> bool:
        if component.http:
            try:
                return httpx.get(f"{component.url}/api/v1/health/ready", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False
        with OcrClient(component.address) as client:
            try:
                client.wait_for_serving(timeout=1)
                return True
            except TimeoutError:
                return False

    @staticmethod
    def _tail(component: Component, lines: int = 15) -> str:
        if component.log_path is None or not component.log_path.exists():
            return ""
        return "\n".join(component.log_path.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        """Graceful stop in reverse order (gateway first), then kill what is left."""
        procs = [c.process for c in reversed(self.components) if c.process is not None]
        stop_processes(procs, self.settings.stop_timeout_seconds)
        for proc in procs:
            if proc.stdin:
                proc.stdin.close()

    def __enter__(self) -> Mesh:
        self.plan()
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def describe(self) -> str:
        rows = [f"  {c.name:<10} {c.url:<28} pid {c.process.pid if c.process else '-'}" for c in self.components]
        return "\n".join(["ocrmesh is up:", *rows, f"  logs in {self.components[0].log_path.parent}"])  # type: ignore[union-attr]


def process_via_rest(gateway_url: str, path: Path, timeout: float = 300.0) -> dict:
    with open(path, "rb") as handle:
        response = httpx.post(
            f"{gateway_url}/api/v1/ocr/process",
            files={"file": (path.name, handle, "application/octet-stream")},
            data={"backend": "auto"},
            timeout=timeout,
        )
    response.raise_for_status()
    return response.json()
