"""`ocrmesh up`: the whole local mesh on loopback, one command, supervised.

Starts every backend this host can run (clients/local_engines.py), the router
in front of them and the REST gateway in front of the router, each as its own
process (as in production), waits until the core ones are healthy and prints
what runs where, metrics endpoints included. While it runs, `supervise()`
restarts a process that died, with exponential backoff (clients/restarts.py);
meanwhile the router routes around the missing backend. `stop()` stops
everything: children get a graceful stop signal and, as a safety net, see
their standard input close when this process ends however it ends
(services.scaffold.parent_watch), so no orphan server survives.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import grpc
import httpx
import yaml
from grpc_health.v1 import health_pb2
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from clients.first_key import LocalKey, ensure_local_key, local_key_file
from clients.processes import stop_processes
from clients.restarts import Backoff
from ocrmesh_client import OcrClient
from ocrmesh_client.grpc_client import backend_health_service
from services import catalogue
from services.auth.loopback import is_loopback
from services.scaffold.parent_watch import ENV_FLAG
from services.scaffold.ports import free_port

REPO = Path(__file__).resolve().parents[1]
# Metrics port convention: 91xx for gRPC port 500xx (tesseract 50062 -> 9162, router 50051 -> 9151).
GRPC_PORTS = range(50000, 50100)
METRICS_BASE = 9100


class MeshSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="OCRMESH_MESH_", extra="ignore")

    host: str = "127.0.0.1"
    router_port: int = catalogue.ROUTER_PORT
    gateway_port: int = catalogue.GATEWAY_PORT
    # Backends started locally, by name, with their gRPC ports.
    backends: dict[str, int] = Field(
        default_factory=lambda: {name: catalogue.entry(name).port for name in catalogue.LOCAL_BACKENDS}
    )
    # Backends `up` does not wait for at start (model engines load for minutes; the router routes around them).
    background: set[str] = Field(default_factory=set)
    # Prometheus endpoints of the backends and the router (the gateway always serves /metrics).
    metrics: bool = True
    start_timeout_seconds: float = 120.0
    stop_timeout_seconds: float = 20.0
    # Restart backoff of a process that died: first delay, cap, and the run length that resets it.
    restart_initial_seconds: float = 0.5
    restart_max_seconds: float = 30.0
    restart_stable_seconds: float = 30.0
    log_dir: Path | None = None
    # API keys on the router and the gateway; off (`--no-auth`) only on loopback.
    auth: bool = True


def metrics_port_for(grpc_port: int, host: str = "127.0.0.1") -> int:
    """91xx for a gRPC port 500xx when that port is free, else any free port."""
    if grpc_port in GRPC_PORTS:
        port = METRICS_BASE + grpc_port - GRPC_PORTS.start
        if _bindable(host, port):
            return port
    return free_port(host)


def _bindable(host: str, port: int) -> bool:
    import socket

    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


@dataclass
class Component:
    name: str
    argv: list[str]
    address: str
    http: bool = False
    # Where Prometheus scrapes it ("" = none).
    metrics_url: str = ""
    # `start()` waits until it is healthy.
    wait: bool = True
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None
    backoff: Backoff = field(default_factory=Backoff)
    started_at: float = 0.0
    # Set while a restart is pending (monotonic time it is due).
    restart_at: float | None = None
    restarts: int = 0

    @property
    def url(self) -> str:
        return f"http://{self.address}" if self.http else self.address


def _stderr_line(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Mesh:
    settings: MeshSettings
    components: list[Component] = field(default_factory=list)
    workdir: Path | None = None
    # Extra environment of every child (over this process's), e.g. a benchmark's throwaway jobs state.
    env: dict[str, str] = field(default_factory=dict)
    # Where supervision events go (one line each): exits, scheduled restarts, restarts.
    report: Callable[[str], None] = _stderr_line
    # The local admin key (clients/first_key.py) when authentication is on.
    local_key: LocalKey | None = None
    # With authentication on: the backends' keys file (the local admin key's hash, written at launch).
    keys_file: Path | None = None

    def plan(self) -> list[Component]:
        s = self.settings
        cli = [sys.executable, "-m", "clients.cli"]
        no_auth = [] if s.auth else ["--no-auth"]
        workdir = Path(tempfile.mkdtemp(prefix="ocrmesh-up-"))
        self.workdir = workdir
        components: list[Component] = []
        # Backends check keys too: the router sends them the local admin key, whose hash they read.
        self.keys_file = workdir / "backend-keys.json" if s.auth else None
        router_key = local_key_file({**os.environ, **self.env}) if s.auth else None
        keys = ["--keys-file", str(self.keys_file)] if self.keys_file else []
        # Only the router calls the backends: they stay on loopback even when the mesh listens wider
        # (a backend on another address would need TLS, `ocrmesh serve --help`).
        backend_host = s.host if is_loopback(s.host) else "127.0.0.1"
        for name, port in s.backends.items():
            argv = [*cli, "serve", name, "--host", backend_host, "--port", str(port), *keys]
            metrics_url = ""
            if s.metrics:
                metrics = metrics_port_for(port, backend_host)
                argv += ["--metrics-port", str(metrics)]
                metrics_url = f"http://{backend_host}:{metrics}/metrics"
            components.append(
                Component(
                    name, argv, f"{backend_host}:{port}", metrics_url=metrics_url, wait=name not in s.background
                )
            )
        router_metrics = metrics_port_for(s.router_port, s.host) if s.metrics else 0
        router_config = workdir / "router.yaml"
        router_config.write_text(
            yaml.safe_dump(
                {
                    "router": {
                        "host": s.host,
                        "port": s.router_port,
                        "metrics_port": router_metrics,
                        "routing_file": str(REPO / "config" / "routing.yaml"),
                        "backends": [
                            {"name": name, "address": f"{backend_host}:{port}"}
                            | ({"api_key_file": str(router_key)} if router_key else {})
                            for name, port in s.backends.items()
                        ],
                    }
                }
            ),
            encoding="utf-8",
        )
        components.append(
            Component(
                "router",
                [*cli, "router", "--config", str(router_config), *no_auth],
                f"{s.host}:{s.router_port}",
                metrics_url=f"http://{s.host}:{router_metrics}/metrics" if router_metrics else "",
            )
        )
        gateway = f"{s.host}:{s.gateway_port}"
        components.append(
            Component(
                "gateway",
                [
                    *cli,
                    "gateway",
                    "--upstream",
                    f"{s.host}:{s.router_port}",
                    "--host",
                    s.host,
                    "--port",
                    str(s.gateway_port),
                    *no_auth,
                ],
                gateway,
                http=True,
                metrics_url=f"http://{gateway}/metrics",
            )
        )
        for component in components:
            component.backoff = Backoff(
                s.restart_initial_seconds, 2.0, s.restart_max_seconds, s.restart_stable_seconds
            )
        self.components = components
        return components

    def launch(self) -> None:
        """Start every planned process (without waiting for health)."""
        logs = self.settings.log_dir or (self.workdir or Path(tempfile.mkdtemp()))
        logs.mkdir(parents=True, exist_ok=True)
        if self.settings.auth:  # once, before any child: the first start creates the key (and says so)
            self.local_key = ensure_local_key({**os.environ, **self.env}, self.keys_file)
        for component in self.components:
            component.log_path = logs / f"{component.name}.log"
            self._spawn(component)

    def start(self) -> None:
        self.launch()
        deadline = time.monotonic() + self.settings.start_timeout_seconds
        for component in self.components:
            if component.wait:
                self._wait_healthy(component, deadline)
        self._wait_routed(deadline)

    def _wait_routed(self, deadline: float) -> None:
        """Until the router itself sees every backend `start` waited for as serving (its health service
        `backend/<name>`): its watch trails the backend's own health by up to its reconnect backoff, and a
        document sent in between would find no engine."""
        router = next((c for c in self.components if c.name == "router"), None)
        unseen = [c.name for c in self.components if c.wait and c.name in self.settings.backends]
        if router is None:
            return
        with OcrClient(router.address, api_key="") as client:
            while unseen and time.monotonic() < deadline:
                unseen = [name for name in unseen if not self._routed(client, name)]
                if unseen:
                    time.sleep(0.1)
        if unseen:
            raise TimeoutError(
                f"the router does not see {', '.join(unseen)} serving; its log: {router.log_path}"
            )

    @staticmethod
    def _routed(router: OcrClient, backend: str) -> bool:
        try:
            status = router.health(backend_health_service(backend), timeout=1)
        except grpc.RpcError:
            return False
        return status == health_pb2.HealthCheckResponse.SERVING

    def _spawn(self, component: Component) -> None:
        env = {
            **os.environ,
            ENV_FLAG: "1",
            "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1"),
            **self.env,
        }
        creationflags = subprocess.CREATE_NEW_PROCESS_GROUP if sys.platform == "win32" else 0  # type: ignore[attr-defined]
        assert component.log_path is not None
        with open(component.log_path, "ab") as log_file:  # a restart appends to the same log
            component.process = subprocess.Popen(
                component.argv,
                cwd=REPO,
                env=env,
                stdin=subprocess.PIPE,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                creationflags=creationflags,
            )
        component.started_at = time.monotonic()

    def supervise(self, now: float | None = None) -> None:
        """One supervision step: notice processes that died, restart those whose backoff has passed."""
        now = time.monotonic() if now is None else now
        for component in self.components:
            if component.process is None:
                continue
            if component.restart_at is None:
                code = component.process.poll()
                if code is None:
                    continue
                ran_for = now - component.started_at
                delay = component.backoff.next_delay(ran_for)
                component.restart_at = now + delay
                self._close_stdin(component.process)
                self.report(
                    f"{component.name} (pid {component.process.pid}) exited with code {code} after {ran_for:.1f} s; "
                    f"restart {component.restarts + 1} in {delay:.2f} s (log: {component.log_path})"
                )
            elif now >= component.restart_at:
                component.restart_at = None
                component.restarts += 1
                try:
                    self._spawn(component)
                except OSError as exc:
                    component.restart_at = now + component.backoff.next_delay(0.0)
                    self.report(f"{component.name} could not be restarted: {exc}")
                    continue
                self.report(f"{component.name} restarted, pid {component.process.pid}")

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

    @staticmethod
    def _close_stdin(proc: subprocess.Popen[bytes]) -> None:
        if proc.stdin and not proc.stdin.closed:
            try:
                proc.stdin.close()
            except OSError:
                pass

    def stop(self) -> None:
        """Graceful stop in reverse order (gateway first), then kill what is left; no restart after this."""
        for component in self.components:
            component.restart_at = None
        procs = [c.process for c in reversed(self.components) if c.process is not None]
        stop_processes(procs, self.settings.stop_timeout_seconds)
        for proc in procs:
            self._close_stdin(proc)

    def __enter__(self) -> Self:
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
        rows = [
            f"  {c.name:<10} {c.url:<28} pid {c.process.pid if c.process else '-':<8}"
            + (f" metrics {c.metrics_url}" if c.metrics_url else "")
            for c in self.components
        ]
        return "\n".join(["ocrmesh is up:", *rows, f"  logs in {self.components[0].log_path.parent}"])  # type: ignore[union-attr]


def process_via_rest(gateway_url: str, path: Path, timeout: float = 300.0, api_key: str = "") -> dict:
    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    with open(path, "rb") as handle:
        response = httpx.post(
            f"{gateway_url}/api/v1/ocr/process",
            headers=headers,
            files={"file": (path.name, handle, "application/octet-stream")},
            data={"backend": "auto"},
            timeout=timeout,
        )
    response.raise_for_status()
    return response.json()
