"""`ocrmesh bench` end to end: a separate process against a backend on loopback."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from bench_service.priors import load_priors
from tests.conftest import REPO, RunningServer


async def test_cli_bench_writes_reports_and_priors(pdftext_server: RunningServer, bench_root: Path, tmp_path: Path) -> None:
    out = tmp_path / "runs"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "clients.cli", "bench", "--dataset", str(bench_root / "datasets" / "mini"),
        "--backends", "pdftext", "--address", f"pdftext={pdftext_server.target}", "--limit", "2", "--out", str(out),
        cwd=REPO, env={**os.environ, "COLUMNS": "200"},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout=120)
    assert proc.returncode == 0, stderr.decode()
    assert "pdftext" in stdout.decode() and "100.0 %" in stdout.decode()
    [run_dir] = [p for p in out.iterdir() if p.is_dir()]
    record = json.loads((run_dir / "run.json").read_text(encoding="utf-8"))
    assert record["status"] == "completed" and record["document_count"] == 2
    assert record["command"].startswith("ocrmesh bench --dataset")
    assert (run_dir / "report.html").is_file() and (run_dir / "report.md").is_file()
    assert load_priors(out / "latest-priors.json").accuracy("pdftext", "born-digital") == 1.0


async def test_cli_refuses_backend_without_address(bench_root: Path, tmp_path: Path) -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "clients.cli", "bench", "--dataset", str(bench_root / "datasets" / "mini"),
        "--backends", "surya", "--out", str(tmp_path), cwd=REPO,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    _stdout, stderr = await asyncio.wait_for(proc.communicate(), timeout=60)
    assert proc.returncode == 2 and b"no address for ['surya']" in stderr
