"""Supervision pieces of `ocrmesh up`: restart backoff, crash loops, which engines start, quiet exits."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from clients.local_engines import choose_engines
from clients.mesh import Component, Mesh, MeshSettings
from clients.restarts import Backoff
from services.models.catalog import load_catalog
from services.scaffold.parent_watch import ENV_FLAG
from tests.conftest import free_port, wait_until

REPO = Path(__file__).resolve().parents[1]


def test_backoff_doubles_up_to_its_cap_and_a_stable_run_resets_it() -> None:
    backoff = Backoff(initial=0.5, factor=2.0, cap=4.0, stable_seconds=30.0)
    assert [backoff.next_delay(ran_for=0.1) for _ in range(6)] == [0.5, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert backoff.next_delay(ran_for=31.0) == 0.5  # it had served a while: a fresh failure
    assert backoff.next_delay(ran_for=0.1) == 1.0


def test_a_crash_looping_process_is_restarted_with_growing_capped_delays(tmp_path: Path) -> None:
    """A real process that fails right after each start: restarted, never in a tight loop, each restart reported."""
    events: list[str] = []
    mesh = Mesh(MeshSettings(log_dir=tmp_path), report=events.append)
    crasher = Component("crasher", [sys.executable, "-c", "raise SystemExit(3)"], "127.0.0.1:1")
    crasher.backoff = Backoff(initial=0.05, factor=2.0, cap=0.2, stable_seconds=600.0)
    mesh.components = [crasher]
    mesh.launch()
    try:

        def restarted_six_times() -> bool:
            mesh.supervise()
            return crasher.restarts >= 6

        assert wait_until(restarted_six_times, timeout=60, interval=0.02), events
    finally:
        mesh.stop()
    delays = [
        float(d)
        for d in re.findall(r"exited with code 3 after .* restart \d+ in ([\d.]+) s", "\n".join(events))
    ]
    assert delays[:6] == [0.05, 0.1, 0.2, 0.2, 0.2, 0.2], events
    assert sum("crasher restarted, pid" in e for e in events) >= 6


def test_stop_cancels_a_pending_restart(tmp_path: Path) -> None:
    mesh = Mesh(MeshSettings(log_dir=tmp_path), report=lambda _: None)
    crasher = Component("crasher", [sys.executable, "-c", "raise SystemExit(3)"], "127.0.0.1:1")
    mesh.components = [crasher]
    mesh.launch()
    assert crasher.process is not None
    crasher.process.wait(timeout=30)
    mesh.supervise()
    assert crasher.restart_at is not None
    mesh.stop()
    mesh.supervise(now=crasher.started_at + 3600)
    assert crasher.restarts == 0


def _fill(root: Path, backend: str) -> None:
    for spec in load_catalog().specs[backend]:
        spec.local_dir(root).mkdir(parents=True)
        (spec.local_dir(root) / "weights.safetensors").write_bytes(b"x")


def test_an_empty_models_dir_starts_only_the_engines_without_weights_and_says_why(tmp_path: Path) -> None:
    asked: list[bool] = []
    choices = {c.name: c for c in choose_engines(tmp_path, cuda=lambda: asked.append(True) or True)}
    assert sorted(n for n, c in choices.items() if c.start) == ["pdftext", "tesseract"]
    for name in ("surya", "gotocr", "deepseek"):
        assert not choices[name].start
        assert f"ocrmesh models download {name}" in choices[name].reason
    assert asked == []  # no weights, no question about CUDA (torch is not imported for nothing)


def test_engines_with_weights_start_and_gpu_engines_only_with_a_cuda_device(tmp_path: Path) -> None:
    for backend in ("surya", "gotocr", "deepseek"):
        _fill(tmp_path, backend)
    without_gpu = {c.name: c for c in choose_engines(tmp_path, cuda=lambda: False)}
    assert without_gpu["surya"].start
    for name in ("gotocr", "deepseek"):
        assert not without_gpu[name].start and "CUDA" in without_gpu[name].reason
    with_gpu = {c.name: c for c in choose_engines(tmp_path, cuda=lambda: True)}
    assert all(c.start for c in with_gpu.values())


def test_one_missing_folder_of_several_keeps_the_engine_stopped(tmp_path: Path) -> None:
    _fill(tmp_path, "surya")
    first = load_catalog().specs["surya"][0]
    for f in first.local_dir(tmp_path).iterdir():
        f.unlink()
    surya = next(c for c in choose_engines(tmp_path, cuda=lambda: False) if c.name == "surya")
    assert not surya.start and "1 of 4" in surya.reason


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM is POSIX; Windows stops through CTRL_BREAK")
@pytest.mark.parametrize("how", ["signal", "stdin closed", "signal then stdin closed"])
def test_a_server_started_by_up_exits_cleanly_however_it_is_stopped(how: str) -> None:
    """No 'Fatal Python error: _enter_buffered_busy' from the parent-watch thread at interpreter exit."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "serve", "pdftext", "--port", str(free_port())],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, ENV_FLAG: "1"},
    )
    assert proc.stdin is not None and proc.stderr is not None
    lines: list[str] = []
    for line in proc.stderr:  # until the server says it started
        lines.append(line)
        if "server_started" in line:
            break
    if how.startswith("signal"):
        proc.send_signal(signal.SIGTERM)
    if how.endswith("stdin closed"):
        proc.stdin.close()
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 0, rest
    assert "Fatal Python error" not in rest and "Traceback" not in rest, rest
