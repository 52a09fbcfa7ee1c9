"""The contract: generated code is current and the proto passes buf lint."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_generated_code_is_current() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/gen_protos.py", "--check"], cwd=REPO, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_buf_lint_standard_passes() -> None:
    buf = REPO / "tools" / "node_modules" / ".bin" / "buf"
    if not buf.exists():
        found = shutil.which("buf")
        if found is None:
            pytest.fail("buf is not installed; run `make setup` (it installs tools/package.json with npm)")
        buf = Path(found)
    result = subprocess.run([str(buf), "lint"], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    config = (REPO / "buf.yaml").read_text()
    assert "STANDARD" in config and "breaking:" in config
