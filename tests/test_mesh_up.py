"""`ocrmesh up`: the whole local mesh from one command, supervised, observable, and no orphans."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import grpc
import httpx
import psutil
import pytest
import yaml
from grpc_health.v1 import health_pb2, health_pb2_grpc

from clients.mesh import Mesh, MeshSettings
from ocrmesh_client import OcrClient
from tests.conftest import DATASET, UP_BANNER, free_port, wait_until

REPO = Path(__file__).resolve().parents[1]
SERVING = health_pb2.HealthCheckResponse.SERVING
NOT_SERVING = health_pb2.HealthCheckResponse.NOT_SERVING


def _ports() -> list[str]:
    return [
        "--gateway-port",
        str(free_port()),
        "--router-port",
        str(free_port()),
        "--base-port",
        str(free_port()),
    ]


def _env(models_dir: Path) -> dict[str, str]:
    """No model weights: only pdftext and tesseract start, whatever the developer has in ./models."""
    return {**os.environ, "OCRMESH_MODELS_DIR": str(models_dir)}


def _children(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _served_backend(process: psutil.Process) -> str | None:
    """The backend a child serves (`... clients.cli serve NAME ...`), None for the router and gateway."""
    try:
        argv = process.cmdline()
    except psutil.NoSuchProcess:
        return None
    return argv[argv.index("serve") + 1] if "serve" in argv else None


def _ready(gateway_port: str) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{gateway_port}/api/v1/health/ready", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


class Lines:
    """Collects a pipe's lines on a thread (the mesh's stderr: what runs where, supervision events)."""

    def __init__(self, stream: object) -> None:
        self.lines: list[str] = []
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream: object) -> None:
        for line in stream:  # type: ignore[attr-defined]
            self.lines.append(line.rstrip("\n"))

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


class HealthWatch:
    """Every status the router's health pushes for one service name, in order."""

    def __init__(self, target: str, service: str) -> None:
        self.statuses: list[int] = []
        self._channel = grpc.insecure_channel(target)
        self._call = health_pb2_grpc.HealthStub(self._channel).Watch(
            health_pb2.HealthCheckRequest(service=service)
        )
        self._thread = threading.Thread(target=self._follow, daemon=True)
        self._thread.start()

    def _follow(self) -> None:
        try:
            for response in self._call:
                self.statuses.append(response.status)
        except grpc.RpcError:
            pass

    def saw_down_then_up(self) -> bool:
        if NOT_SERVING not in self.statuses:
            return False
        return SERVING in self.statuses[self.statuses.index(NOT_SERVING) :]

    def close(self) -> None:
        self._call.cancel()
        self._channel.close()


def test_up_demo_processes_the_sample_invoice_through_rest_and_stops_everything(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clients.cli", "up", "--demo", "samples/rechnung-beispiel.pdf", *_ports()],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=240,
        env=_env(tmp_path),
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ocrmesh is up" in result.stderr
    assert "backend: pdftext" in result.stdout
    for expected in ("471102", "2018-03-05", "529.87", "56.87", "Lieferantenstraße 20"):
        assert expected in result.stdout, expected
    assert "rule" in result.stdout


def test_children_stop_when_up_is_killed_hard(tmp_path: Path) -> None:
    ports = _ports()
    gateway_port = ports[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "up", *ports],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=_env(tmp_path),
    )
    try:
        assert wait_until(lambda: _ready(gateway_port), timeout=180, interval=0.5), "mesh did not come up"
        children = _children(proc.pid)
        assert len(children) >= 4  # pdftext, tesseract, router, gateway
        os.kill(proc.pid, signal.SIGKILL)  # no chance to clean up: the children must notice by themselves
        proc.wait(timeout=10)
        _, alive = psutil.wait_procs(children, timeout=30)
        assert alive == [], [p.cmdline() for p in alive]
    finally:
        if proc.poll() is None:
            proc.kill()
        for child in _children(proc.pid):
            child.kill()
        if proc.stderr:
            proc.stderr.close()


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and SIGTERM are POSIX signals")
def test_killed_tesseract_is_restarted_while_born_digital_documents_keep_being_served(tmp_path: Path) -> None:
    """The issue's acceptance: kill -9 tesseract under `up`; a new one serves, REST keeps answering, SIGTERM cleans up."""
    ports = _ports()
    gateway_port, router_port = ports[1], ports[3]
    router = f"127.0.0.1:{router_port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "up", *ports],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**_env(tmp_path), "OCRMESH_JOBS_DATA_DIR": str(tmp_path / "data")},  # a fresh admin key, printed
    )
    assert proc.stderr is not None
    stderr = Lines(proc.stderr)
    seen: list[psutil.Process] = []
    watch: HealthWatch | None = None
    try:
        assert wait_until(lambda: _ready(gateway_port), timeout=180, interval=0.5), stderr.text
        assert wait_until(lambda: UP_BANNER in stderr.text, timeout=30), stderr.text

        # Without model weights, exactly pdftext and tesseract serve; the others are named, with the reason.
        seen = _children(proc.pid)
        assert sorted(filter(None, map(_served_backend, seen))) == ["pdftext", "tesseract"]
        for name in ("surya", "gotocr", "deepseek"):
            assert re.search(
                rf"^{name}: not started: .*ocrmesh models download {name}", stderr.text, re.MULTILINE
            ), stderr.text

        # Metrics on by default: every backend, the router and the gateway answer /metrics.
        metrics = dict(re.findall(r"^\s+(\S+)\s+\S+\s+pid \d+\s+metrics (\S+)$", stderr.text, re.MULTILINE))
        assert set(metrics) == {"pdftext", "tesseract", "router", "gateway"}, stderr.text
        for name, url in metrics.items():
            response = httpx.get(url, timeout=10)
            assert response.status_code == 200 and "ocrmesh_" in response.text, name

        watch = HealthWatch(router, "backend/tesseract")
        assert wait_until(lambda: watch.statuses[-1:] == [SERVING], timeout=30), watch.statuses
        tesseract = next(p for p in seen if _served_backend(p) == "tesseract")
        tesseract.send_signal(signal.SIGKILL)

        # Meanwhile, born-digital documents are served through REST (pdftext needs no tesseract).
        key = re.search(r"admin API key \(shown once[^)]*\): (\S+)$", stderr.text, re.MULTILINE)
        assert key is not None, stderr.text
        for pdf in (
            REPO / "samples" / "rechnung-beispiel.pdf",
            DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf",
        ):
            with open(pdf, "rb") as handle:
                response = httpx.post(
                    f"http://127.0.0.1:{gateway_port}/api/v1/ocr/process",
                    files={"file": (pdf.name, handle, "application/pdf")},
                    data={"backend": "auto"},
                    headers={"Authorization": f"Bearer {key.group(1)}"},
                    timeout=120,
                )
            assert response.status_code == 200, response.text
            assert response.json()["backend_used"] == "pdftext"

        def new_tesseract() -> psutil.Process | None:
            for child in _children(proc.pid):
                if _served_backend(child) == "tesseract" and child.pid != tesseract.pid:
                    return child
            return None

        assert wait_until(lambda: new_tesseract() is not None, timeout=60, interval=0.2), stderr.text
        replacement = new_tesseract()
        assert replacement is not None
        seen.append(replacement)
        address = re.search(r"^\s+tesseract\s+(\S+)", stderr.text, re.MULTILINE)
        assert address is not None
        with OcrClient(address.group(1)) as client:
            client.wait_for_serving(timeout=60)
        # The router saw it go down and come back.
        assert wait_until(watch.saw_down_then_up, timeout=60), watch.statuses
        assert re.search(r"tesseract \(pid \d+\) exited with code -9 .* restart 1 in", stderr.text), (
            stderr.text
        )

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=90) == 0, stderr.text
        _, alive = psutil.wait_procs(seen, timeout=30)
        assert alive == [], [p.cmdline() for p in alive]
        logs = re.search(r"logs in (\S+)", stderr.text)
        assert logs is not None
        for log in Path(logs.group(1)).glob("*.log"):
            assert "Fatal Python error" not in log.read_text(errors="replace"), log
    finally:
        if watch is not None:
            watch.close()
        if proc.poll() is None:
            proc.kill()
        for child in [*seen, *_children(proc.pid)]:
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass


def _stopped_while_starting(
    tmp_path: Path, stop: signal.Signals, inherited_sigint: object = signal.SIG_DFL
) -> None:
    """`ocrmesh up` sent `stop` once every server has been started (none needs to be healthy yet), in the
    middle of the start: it exits 0, says "stopping", and leaves no child. `inherited_sigint` is the SIGINT
    disposition up starts with."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "up", *_ports()],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(tmp_path),
        preexec_fn=lambda: signal.signal(signal.SIGINT, inherited_sigint),  # type: ignore[arg-type]
    )
    seen: list[psutil.Process] = []
    try:
        assert wait_until(lambda: len(_children(proc.pid)) >= 4, timeout=120, interval=0.05)
        seen = _children(proc.pid)
        proc.send_signal(stop)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
        assert "stopping" in err
        _, alive = psutil.wait_procs(seen, timeout=30)
        assert alive == [], [p.cmdline() for p in alive]
    finally:
        if proc.poll() is None:
            proc.kill()
        for child in seen:
            try:
                child.kill()
            except psutil.NoSuchProcess:
                pass


@pytest.mark.skipif(
    sys.platform == "win32", reason="SIGTERM is POSIX; Windows stops through Ctrl-C/Ctrl-Break"
)
def test_sigterm_while_up_is_still_starting_leaves_no_child(tmp_path: Path) -> None:
    _stopped_while_starting(tmp_path, signal.SIGTERM)


@pytest.mark.skipif(sys.platform == "win32", reason="an inherited ignored SIGINT is a POSIX matter")
def test_ctrl_c_stops_up_started_in_a_scripts_background(tmp_path: Path) -> None:
    """A script's background job (`make test &`, a CI step) starts with SIGINT ignored, and so did `ocrmesh up`:
    Ctrl-C then did nothing and the mesh ran on. Up handles SIGINT itself."""
    _stopped_while_starting(tmp_path, signal.SIGINT, inherited_sigint=signal.SIG_IGN)


def test_start_waits_until_the_router_itself_sees_its_backends(tmp_path: Path) -> None:
    """`up` says the mesh is ready once the router can route to its engines, not only once each engine answers
    its own health check: the router's watch trails by up to its reconnect backoff, and a document sent in
    between got 503 "no backend available". A router that sees pdftext but never tesseract (its config names a
    port nobody listens on) makes the start fail, naming the backend."""
    settings = MeshSettings(
        backends={"pdftext": free_port(), "tesseract": free_port()},
        router_port=free_port(),
        gateway_port=free_port(),
        metrics=False,
        auth=False,
        start_timeout_seconds=45,
        log_dir=tmp_path / "logs",
    )
    mesh = Mesh(settings, env={"OCRMESH_MODELS_DIR": str(tmp_path / "models")}, report=lambda line: None)
    mesh.plan()
    assert mesh.workdir is not None
    config_path = mesh.workdir / "router.yaml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    (entry,) = [b for b in config["router"]["backends"] if b["name"] == "tesseract"]
    entry["address"] = f"127.0.0.1:{free_port()}"
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    try:
        with pytest.raises(TimeoutError, match="the router does not see tesseract serving"):
            mesh.start()
        tesseract = mesh.components[1]
        assert tesseract.name == "tesseract" and tesseract.process is not None and tesseract.process.poll() is None
    finally:
        mesh.stop()
