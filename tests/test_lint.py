"""Static checks: undefined names, unused imports, syntax errors (ruff); imports that break the layers."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_ruff_finds_no_errors() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--select", "F,E9", "--output-format", "concise", "."],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


MAX_FUNCTION_LINES = 60
# Packages held to the limit: a function longer than a screen hides the steps it should name.
SHORT_FUNCTION_PACKAGES = ("router_service",)


def long_functions(package: Path, limit: int) -> list[str]:
    """Functions and methods of `package` longer than `limit` lines (decorators and docstring included)."""
    found = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                length = (node.end_lineno or node.lineno) - first + 1
                if length > limit:
                    found.append(
                        f"{path.relative_to(package.parent)}:{node.lineno} {node.name} ({length} lines)"
                    )
    return found


def test_no_function_in_the_router_is_longer_than_a_screen() -> None:
    for package in SHORT_FUNCTION_PACKAGES:
        assert long_functions(REPO / package, MAX_FUNCTION_LINES) == []


def test_the_length_check_sees_a_long_function(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    (tmp_path / "module.py").write_text(f"def long():\n{body}\n\n\ndef short():\n    return 1\n")
    assert [f.split()[1] for f in long_functions(tmp_path, MAX_FUNCTION_LINES)] == ["long"]


def test_imports_follow_the_layers() -> None:
    """pyproject.toml's import-linter contracts: no module imports a layer above its own."""
    lint_imports = Path(sys.executable).parent / (
        "lint-imports.exe" if sys.platform == "win32" else "lint-imports"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), str(REPO / "clients" / "python")])}
    result = subprocess.run(
        [str(lint_imports), "--no-cache"], cwd=REPO, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_every_benchmark_script_imports() -> None:
    """A module moved without its importers (ruff and import-linter do not see a missing module)."""
    modules = sorted(
        ".".join(path.relative_to(REPO).with_suffix("").parts)
        for path in (REPO / "benchmarks").rglob("*.py")
        if path.name != "__init__.py"
    )
    code = "import importlib, sys\nfor name in sys.argv[1:]:\n    importlib.import_module(name)\n"
    result = subprocess.run(
        [sys.executable, "-c", code, *modules], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
