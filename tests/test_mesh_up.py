"""`ocrmesh up`: the whole local mesh from one command, and no orphans."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import psutil

from tests.conftest import free_port, wait_until

REPO = Path(__file__).resolve().parents[1]


def _ports() -> list[str]:
    return ["--gateway-port", str(free_port()), "--router-port", str(free_port()), "--base-port", str(free_port())]


def _children(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def test_up_demo_processes_the_sample_invoice_through_rest_and_stops_everything() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "clients.cli", "up", "--demo", "samples/rechnung-beispiel.pdf", *_ports()],
        cwd=REPO, capture_output=True, text=True, timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "ocrmesh is up" in result.stderr
    assert "backend: pdftext" in result.stdout
    for expected in ("471102", "2018-03-05", "529.87", "56.87", "Lieferantenstraße 20"):
        assert expected in result.stdout, expected
    assert "rule" in result.stdout


def test_children_stop_when_up_is_killed_hard() -> None:
    ports = _ports()
    gateway_port = ports[1]
    proc = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "up", *ports],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        def ready() -> bool:
            try:
                return httpx.get(f"http://127.0.0.1:{gateway_port}/api/v1/health/ready", timeout=1).status_code == 200
            except httpx.HTTPError:
                return False

        assert wait_until(ready, timeout=180, interval=0.5), "mesh did not come up"
        children = _children(proc.pid)
        assert len(children) >= 4  # pdftext, tesseract, router, gateway
        os.kill(proc.pid, signal.SIGKILL)  # no chance to clean up: the children must notice by themselves
        proc.wait(timeout=10)
        gone, alive = psutil.wait_procs(children, timeout=30)
        assert alive == [], [p.cmdline() for p in alive]
    finally:
        if proc.poll() is None:
            proc.kill()
        for child in _children(proc.pid):
            child.kill()
        if proc.stderr:
            proc.stderr.close()
