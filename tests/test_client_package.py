"""The installable client (clients/python, `ocrmesh-client`): it installs alone, imports without the mesh,
and its README example and REST clients work against real servers on loopback.

The clean virtualenv has no system site packages and no mesh. It gets the client's wheel with
`pip install --no-index --no-deps`, and its dependencies as the installed distributions the wheel's
metadata names, followed transitively through their own metadata and linked in from this virtualenv
(offline, the same versions). `pip check` in the clean venv then proves the declared dependencies
are complete, and an import of every mesh package must fail there.
"""

from __future__ import annotations

import ast
import asyncio
import email
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pymupdf
import pytest
import uvicorn
from packaging.requirements import Requirement

from gateway_rest.app import create_app
from gateway_rest.settings import GatewaySettings
from ocrmesh_client import AsyncRestClient, RestClient, RestError
from router_service.settings import EndpointConfig
from services.scaffold.ports import free_port
from tests.conftest import DATASET, PATIENCE, running_backend
from tests.router.conftest import running_router

REPO = Path(__file__).resolve().parents[1]
CLIENT = REPO / "clients" / "python"
INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
MESH_PACKAGES = (
    "ocrmesh", "services", "router_service", "jobs_service", "bench_service", "gateway_rest", "clients", "benchmarks",
)  # fmt: skip


@dataclass
class CleanVenv:
    python: Path
    env: dict[str, str]  # PYTHONPATH: only the client's dependencies

    def run(self, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(self.python), *args],
            cwd=cwd,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )


def dependency_closure(requirements: list[str]) -> list[metadata.Distribution]:
    """The installed distributions that satisfy `requirements`, and theirs, transitively."""
    seen: dict[str, metadata.Distribution] = {}
    todo = [Requirement(r) for r in requirements]
    while todo:
        req = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        key = re.sub(r"[-_.]+", "-", req.name).lower()
        if key in seen:
            continue
        dist = metadata.distribution(req.name)
        assert dist.version in req.specifier, f"{req.name} {dist.version} does not satisfy {req}"
        seen[key] = dist
        todo += [Requirement(r) for r in dist.requires or []]
    return list(seen.values())


def link_distribution(dist: metadata.Distribution, target: Path) -> None:
    """Link the distribution's top-level files and folders (code and .dist-info) into target."""
    site = Path(str(dist.locate_file("")))
    tops = {Path(str(f)).parts[0] for f in dist.files or [] if not str(f).startswith("..")}
    for top in tops:
        source, link = site / top, target / top
        if source.exists() and not link.exists() and top != "__pycache__":
            link.symlink_to(source, target_is_directory=source.is_dir())


@pytest.fixture(scope="module")
def clean_venv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CleanVenv]:
    root = tmp_path_factory.mktemp("client-venv")
    source = root / "src"
    shutil.copytree(CLIENT, source, ignore=shutil.ignore_patterns("build", "*.egg-info", "__pycache__"))
    wheels = root / "wheels"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("ocrmesh_client-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        info = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        requires = email.message_from_bytes(archive.read(info)).get_all("Requires-Dist") or []
    assert {Requirement(r).name for r in requires} >= {"grpcio", "protobuf", "httpx"}

    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    deps = root / "deps"
    deps.mkdir()
    for dist in dependency_closure(requires):
        link_distribution(dist, deps)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    handle = CleanVenv(python, {**env, "PYTHONPATH": str(deps), "PYTHONNOUSERSITE": "1"})
    installed = handle.run("-m", "pip", "install", "--no-index", "--no-deps", str(wheel), cwd=root)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    yield handle


def test_the_client_installs_alone_and_imports_without_the_mesh(
    clean_venv: CleanVenv, tmp_path: Path
) -> None:
    check = clean_venv.run("-m", "pip", "check", cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr  # every declared dependency is there
    probe = (
        "import importlib.util, json, pathlib, ocrmesh_client\n"
        "from ocrmesh_client import AsyncOcrClient, AsyncRestClient, OcrClient, RestClient, pb\n"
        "package = pathlib.Path(ocrmesh_client.__file__).parent\n"
        "print(json.dumps({'file': str(package), 'typed': (package / 'py.typed').is_file(),\n"
        f"  'mesh': [m for m in {MESH_PACKAGES!r} if importlib.util.find_spec(m) is not None],\n"
        "  'request': type(pb.ProcessRequest(backend='pdftext')).__name__}))\n"
    )
    result = clean_venv.run("-c", probe, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert "site-packages" in found["file"] and not found["file"].startswith(str(REPO))
    assert found["typed"] and found["request"] == "ProcessRequest"
    assert found["mesh"] == []  # no server package is importable there


def readme_example() -> str:
    text = (CLIENT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- example:.*?-->\s*```python\n(.*?)```", text, re.DOTALL)
    assert block is not None, "clients/python/README.md lost its example"
    code = block.group(1)
    assert len(code.strip().splitlines()) <= 12
    return code


async def test_the_readme_example_runs_against_a_backend(clean_venv: CleanVenv, tmp_path: Path) -> None:
    script = tmp_path / "example.py"
    script.write_text(readme_example(), encoding="utf-8")
    async with running_backend("pdftext") as server:
        proc = await asyncio.create_subprocess_exec(
            str(clean_venv.python), str(script), f"127.0.0.1:{server.port}", str(INVOICE),
            cwd=tmp_path, env=clean_venv.env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )  # fmt: skip
        out, err = await asyncio.wait_for(proc.communicate(), timeout=PATIENCE * 3)
    assert proc.returncode == 0, err.decode()
    lines = out.decode().splitlines()
    assert lines[0].startswith("server: pdftext")
    pages = pymupdf.open(INVOICE).page_count
    assert [line.split(":")[0] for line in lines[1:-1]] == [
        f"page {n}" for n in range(1, pages + 1)
    ]  # in order
    fields = ast.literal_eval(lines[-1])  # the example prints the fields as a dict
    assert fields["rechnungsnummer"] and fields["betrag_brutto"]


@pytest.fixture
async def gateway_url() -> AsyncIterator[str]:
    """pdftext, the router (hosting jobs) and the gateway served by uvicorn on loopback."""
    async with running_backend("pdftext") as backend:
        endpoints = [EndpointConfig(name="pdftext", address=f"127.0.0.1:{backend.port}")]
        async with running_router(endpoints, benchmarks=False) as (router, _client):
            app = create_app(
                GatewaySettings(upstream=f"127.0.0.1:{router.port}", health_refresh_seconds=0.1, auth=False)
            )
            port = free_port()
            server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
            task = asyncio.create_task(server.serve())
            try:
                async with asyncio.timeout(PATIENCE):
                    while not server.started:
                        await asyncio.sleep(0.05)
                yield f"http://127.0.0.1:{port}"
            finally:
                server.should_exit = True
                await task


async def test_the_rest_clients_process_batch_and_job(gateway_url: str) -> None:
    async with AsyncRestClient(gateway_url) as rest:
        result = await rest.process(INVOICE, backend="pdftext")
        assert result["backend_used"] == "pdftext" and result["text"]["structured"]["betrag_brutto"] == 529.87
        accepted = await rest.batch([INVOICE, ("zweite.pdf", INVOICE.read_bytes())], options={"dpi": 150})
        assert accepted["total_documents"] == 2
        job = await rest.wait_for_job(accepted["job_id"], timeout=PATIENCE * 3)
        assert job["status"] == "completed" and len(job["results"]) == 2
        with pytest.raises(RestError) as missing:
            await rest.job("nope")
        assert missing.value.status == 404 and missing.value.code == "job_not_found"
        markdown = await rest.render(INVOICE, "markdown", backend="pdftext")
        assert b"471102" in markdown
        assert (await rest.job_document(accepted["job_id"], 1))["document_id"] == result["document_id"]
        assert (await rest.render_job_document(accepted["job_id"], 0, "markdown")) == markdown
        assert (await rest.render_job_document(accepted["job_id"], 0, "pdf")).startswith(b"%PDF")
        with pytest.raises(RestError) as unknown:
            await rest.render_job_document(accepted["job_id"], 5, "text")
        assert unknown.value.status == 404 and unknown.value.code == "document_not_found"

    def blocking() -> tuple[dict, dict]:
        with RestClient(gateway_url) as rest:
            return rest.process(("rechnung.pdf", INVOICE.read_bytes())), rest.job(accepted["job_id"])

    processed, again = await asyncio.to_thread(blocking)  # the servers run on this event loop
    assert processed["document_id"] == result["document_id"]
    assert again["status"] == "completed"
