"""The container image starts every role: its file tree, rebuilt from deploy/Dockerfile, runs them all.

No Docker here: the final stage's COPY instructions are replayed into a temporary
directory (tests/deploy/image.py) and every entry point runs there with
PYTHONPATH and the working directory inside it only. The shared virtualenv's
editable install of the checkout is taken out of the interpreter first, and every
project module must come from the tree, so nothing the image lacks can leak in.
Finally pdftext, the router and the gateway start there, with the image's ENV
(paths mapped into the tree), and answer a document over REST.
"""

from __future__ import annotations

import ast
import gc
import importlib.metadata
import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import typer
import yaml
from docker.utils.build import PatternMatcher
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bench_service.datasets import ZUGFERD_AWV
from clients.processes import stop_processes
from services.registry import BACKENDS, known_backends
from services.scaffold.ports import free_port
from tests.conftest import PATIENCE, wait_until
from tests.deploy.image import (
    DOCKERFILE,
    REPO,
    RuntimeStage,
    build_tree,
    dockerignore_patterns,
    image_path,
    runtime_stage,
)

COMPOSE_FILES = sorted((REPO / "deploy").glob("compose.*.yaml"))
IMAGE_UID = "10001"


def project_packages() -> frozenset[str]:
    """The top-level packages the project installs (pyproject's package list)."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text())
    include = pyproject["tool"]["setuptools"]["packages"]["find"]["include"]
    return frozenset(name.rstrip("*") for name in include)


PACKAGES = project_packages()

# Run inside the rebuilt tree: drop the editable install of the checkout (the image's
# virtualenv has none), run the task, then fail when a project module came from elsewhere.
BOOTSTRAP = r"""
import importlib, json, os, runpy, sys, traceback

def editable(obj):
    return str(getattr(obj, "__module__", "")).startswith("__editable__")

sys.meta_path[:] = [f for f in sys.meta_path if not editable(f)]
sys.path_hooks[:] = [h for h in sys.path_hooks if not editable(h)]
sys.path[:] = [p for p in sys.path if "__editable__" not in p]
sys.path_importer_cache.clear()

task = json.loads(sys.argv[1])
root = os.path.realpath(task["root"])


class Absent:
    # Top-level modules of packages the image variant does not install: not there.

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.split(".")[0] in task.get("absent", ()):
            raise ModuleNotFoundError(f"No module named {name!r} (not installed in this image)", name=name)
        return None


sys.meta_path.insert(0, Absent)

def leaks():
    found = []
    for name, module in list(sys.modules.items()):
        path = getattr(module, "__file__", None)
        if name.split(".")[0] in task["packages"] and path and not os.path.realpath(path).startswith(root):
            found.append(f"{name} from {path}")
    return found

code = 0
try:
    if "module" in task:
        sys.argv = [task["module"], *task["args"]]
        runpy.run_module(task["module"], run_name="__main__", alter_sys=True)
    else:
        failed = {}
        for name in task["imports"]:
            try:
                importlib.import_module(name)
            except BaseException as exc:
                failed[name] = f"{type(exc).__name__}: {exc}"
        print(json.dumps({"failed": failed}))
except SystemExit as exc:
    code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
leaked = leaks()
if leaked:
    print("LEAKED (not in the image):", *leaked, sep="\n  ", file=sys.stderr)
    code = 97
sys.stdout.flush()
os._exit(code)
"""


@pytest.fixture(scope="module")
def stage() -> RuntimeStage:
    return runtime_stage(DOCKERFILE)


@pytest.fixture(scope="module")
def image_root(stage: RuntimeStage, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("image")
    build_tree(root, stage)
    for volume in stage.volumes:  # made by the image, owned by its user
        image_path(root, volume).mkdir(parents=True, exist_ok=True)
    return root


def image_process(
    root: Path, stage: RuntimeStage, task: dict[str, object]
) -> tuple[list[str], Path, dict[str, str]]:
    """Command, working directory and environment of a task run as in the image, from the tree only.

    The image's ENV applies, its absolute paths (/data, /models, /app) mapped into the tree; the
    code is on the image's PYTHONPATH, or else installed (editable) from the working directory.
    """
    paths = stage.env.get("PYTHONPATH", str(stage.workdir)).split(":")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP")}
    for name, value in stage.env.items():
        if name not in ("PATH", "PYTHONPATH"):
            env[name] = str(image_path(root, value)) if value.startswith("/") else value
    env |= {"PYTHONPATH": os.pathsep.join(str(image_path(root, p)) for p in paths), "COLUMNS": "200"}
    env |= {"PYTHONDONTWRITEBYTECODE": "1", "HF_HUB_OFFLINE": "1"}
    payload = json.dumps({**task, "root": str(root), "packages": sorted(PACKAGES)})
    return [sys.executable, "-c", BOOTSTRAP, payload], image_path(root, str(stage.workdir)), env


def run_in_image(
    root: Path, stage: RuntimeStage, task: dict[str, object]
) -> subprocess.CompletedProcess[str]:
    """Run a task in the tree (see image_process) to its end."""
    command, cwd, env = image_process(root, stage, task)
    return subprocess.run(command, check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def python_module(command: list[str]) -> tuple[str, list[str]]:
    """`python -m MODULE ARGS...` or the project's console script `ocrmesh ARGS...` -> (MODULE, ARGS)."""
    if command[:2] == ["python", "-m"]:
        return command[2], command[3:]
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["scripts"]
    assert command and command[0] in scripts, (
        f"expected `python -m MODULE ...` or a console script: {command}"
    )
    return scripts[command[0]].split(":")[0], command[1:]


def parse_file(path: Path) -> ast.Module:
    """`path` parsed, the garbage collector held off: in CPython 3.11 a collection whose finalizers run during the
    AST's construction makes `ast.parse` raise a spurious "AST constructor recursion depth mismatch" SystemError
    (python/cpython#106905); seen once in a full test run. Once more on that error."""
    source = path.read_text(encoding="utf-8")
    enabled = gc.isenabled()
    gc.disable()
    try:
        try:
            return ast.parse(source, str(path))
        except SystemError:  # the spurious one: the same source parses on a second try
            return ast.parse(source, str(path))
    finally:
        if enabled:
            gc.enable()


def static_imports(module: str) -> set[str]:
    """Project modules `module` may import, at the top or lazily inside functions (from the checkout)."""
    path = module_file(module)
    assert path is not None, module
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(parse_file(path)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name.split(".")[0] in PACKAGES and module_file(name) is not None}


def module_file(module: str) -> Path | None:
    path = REPO.joinpath(*module.split("."))
    for candidate in (path / "__init__.py", path.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def reachable_modules(entry_points: set[str]) -> list[str]:
    """Every project module reachable from the entry points through any import statement."""
    seen: set[str] = set()
    todo = list(entry_points)
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        parts = module.split(".")
        todo.extend(".".join(parts[:i]) for i in range(1, len(parts)))
        todo.extend(static_imports(module))
    return sorted(seen)


def cli_commands() -> list[list[str]]:
    """Every `ocrmesh` subcommand path (e.g. ["models", "list"])."""
    from clients.cli import app

    def walk(command: object, prefix: list[str]) -> list[list[str]]:
        subcommands = getattr(command, "commands", None)
        if not subcommands:
            return [prefix]
        return [prefix] + [
            path for name, sub in sorted(subcommands.items()) for path in walk(sub, [*prefix, name])
        ]

    return walk(typer.main.get_command(app), [])


def compose_commands() -> list[tuple[str, list[str]]]:
    commands = []
    for compose_file in COMPOSE_FILES:
        for name, service in yaml.safe_load(compose_file.read_text())["services"].items():
            commands.append((f"{compose_file.stem}:{name}", [str(arg) for arg in service["command"]]))
    return commands


def test_image_runs_as_non_root_with_data_and_models_volumes(stage: RuntimeStage) -> None:
    assert stage.user.split(":")[0] == IMAGE_UID
    assert {"/data", "/models"} <= set(stage.volumes)
    assert stage.env["OCRMESH_MODELS_DIR"] == "/models"
    assert stage.env["HF_HUB_OFFLINE"] == "1"
    # Every piece of state the router process writes goes to the data volume.
    for setting in ("OCRMESH_JOBS_DATA_DIR", "OCRMESH_BENCH_DATA_DIR", "OCRMESH_ROUTER_PRIORS_FILE", "HOME"):
        assert stage.env[setting].startswith("/data"), setting
    # The runtime stage copies the virtualenv from the builder, never the build's own files.
    assert stage.copied_stages and set(stage.copied_stages) <= set(stage.stages[:-1])
    assert not any(
        c.startswith(("requirements", "constraints")) for copy in stage.copies for c in copy.sources
    )


@pytest.mark.parametrize(
    "path",
    [
        "models/gotocr/model.safetensors",
        "deploy/models/surya/x.bin",
        "data/jobs/jobs.db",
        ".venv/bin/python",
        ".git/HEAD",
        "services/pdftext/__pycache__/engine.cpython-311.pyc",
    ],
)
def test_build_context_leaves_out_weights_state_and_checkouts(path: str) -> None:
    assert PatternMatcher(dockerignore_patterns()).matches(path)


@pytest.mark.parametrize("argv", cli_commands(), ids=lambda argv: " ".join(argv) or "ocrmesh")
def test_every_cli_command_starts_in_image(image_root: Path, stage: RuntimeStage, argv: list[str]) -> None:
    module, args = python_module(stage.entrypoint)
    result = run_in_image(image_root, stage, {"module": module, "args": [*args, *argv, "--help"]})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Usage" in result.stdout


@pytest.mark.parametrize("backend", known_backends())
def test_every_backend_serve_parses_in_image(image_root: Path, stage: RuntimeStage, backend: str) -> None:
    module, args = python_module(stage.entrypoint)
    result = run_in_image(image_root, stage, {"module": module, "args": [*args, "serve", backend, "--help"]})
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.parametrize("service,command", compose_commands(), ids=[name for name, _ in compose_commands()])
def test_compose_commands_parse_in_image(
    image_root: Path, stage: RuntimeStage, service: str, command: list[str]
) -> None:
    """Each compose service's command line (options included) is accepted by the image's CLI."""
    module, args = python_module(stage.entrypoint)
    result = run_in_image(image_root, stage, {"module": module, "args": [*args, *command, "--help"]})
    assert result.returncode == 0, (service, result.stderr[-3000:])


def test_healthcheck_runs_in_image(image_root: Path, stage: RuntimeStage) -> None:
    """The image's HEALTHCHECK starts and reports a server that is not there as unhealthy (exit 1)."""
    assert stage.healthcheck, "the image declares no HEALTHCHECK"
    module, args = python_module(stage.healthcheck)
    result = run_in_image(image_root, stage, {"module": module, "args": [*args, "127.0.0.1:1"]})
    assert result.returncode == 1, result.stderr[-3000:]
    assert "unhealthy" in result.stderr


def test_every_module_the_roles_import_is_in_image(image_root: Path, stage: RuntimeStage) -> None:
    """Entry points, the modules they import lazily (router, gateway, jobs, benchmarks), every engine."""
    entry_points = {python_module(command)[0] for command in (stage.entrypoint, stage.healthcheck) if command}
    entry_points |= {target.split(":")[0] for target in BACKENDS.values()}
    modules = reachable_modules(entry_points)
    # The roles' own modules are among them (a check of the walk itself).
    for role in ("router_service.server", "gateway_rest.app", "jobs_service.host", "bench_service.host"):
        assert role in modules, role
    result = run_in_image(image_root, stage, {"imports": modules})
    assert result.returncode == 0, result.stderr[-3000:]
    failed = json.loads(result.stdout.strip().splitlines()[-1])["failed"]
    assert not failed, "\n".join(f"{name}: {error}" for name, error in failed.items())


# What the light image (MODEL_STACK=false: requirements.txt only) must run: the CPU VM's pdftext,
# tesseract, router (with jobs and benchmarks) and gateway, and the health check.
LIGHT_ROLE_MODULES = [
    "clients.cli",
    "clients.healthcheck",
    "services.scaffold.server",
    "services.pdftext.engine",
    "services.tesseract.engine",
    "router_service.server",
    "bench_service.host",
    "jobs_service.host",
    "gateway_rest.app",
    "cv2",  # imported when needed by services.intake.photo: a phone photo is rectified on the light image too
]


def light_distributions() -> set[str]:
    """requirements.txt's distributions and everything they depend on (as installed here)."""
    todo = [
        Requirement(line.split("#")[0].strip())
        for line in (REPO / "requirements.txt").read_text().splitlines()
        if line.split("#")[0].strip()
    ]
    seen: set[str] = set()
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        for extra in sorted(requirement.extras) or [""]:
            for dependency in importlib.metadata.requires(name) or []:
                dep = Requirement(dependency)
                if dep.marker is None or dep.marker.evaluate({"extra": extra}):
                    todo.append(dep)
    return seen


def test_light_image_roles_need_only_requirements_txt(image_root: Path, stage: RuntimeStage) -> None:
    """The CPU VM's light image has no model stack: its roles start without torch, docling, ...

    Modules of packages only requirements-models.txt brings are made absent, as in that image;
    optional imports (Pillow's defusedxml, rich's attrs) then fall back as they would there.
    """
    light = light_distributions()
    absent = sorted(
        module
        for module, owners in importlib.metadata.packages_distributions().items()
        if module not in PACKAGES and not {canonicalize_name(d) for d in owners} & light
    )
    assert "torch" in absent and "docling" in absent and "grpc" not in absent
    result = run_in_image(image_root, stage, {"imports": LIGHT_ROLE_MODULES, "absent": absent})
    assert result.returncode == 0, result.stderr[-3000:]
    failed = json.loads(result.stdout.strip().splitlines()[-1])["failed"]
    assert not failed, "\n".join(f"{name}: {error}" for name, error in failed.items())


# A role's start (imports, the router's analysis warm-up) on a loaded machine.
ROLE_START_TIMEOUT = 2 * PATIENCE


@pytest.fixture
def start_in_image(
    image_root: Path, stage: RuntimeStage
) -> Iterator[Callable[[list[str]], subprocess.Popen[bytes]]]:
    """Start `ocrmesh ARGV...` from the image tree as a long-running process; all stop at teardown."""
    procs: list[subprocess.Popen[bytes]] = []

    def start(argv: list[str]) -> subprocess.Popen[bytes]:
        module, args = python_module(stage.entrypoint)
        command, cwd, env = image_process(image_root, stage, {"module": module, "args": [*args, *argv]})
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        procs.append(proc)
        return proc

    yield start
    stop_processes(reversed(procs))
    for proc in procs:
        assert proc.stderr is not None
        stderr = proc.stderr.read().decode(errors="replace")
        proc.stderr.close()
        assert proc.returncode != 97, stderr[-3000:]  # a project module came from outside the image


def healthy_in_image(root: Path, stage: RuntimeStage, target: str) -> bool:
    """The image's own HEALTHCHECK command, run from the tree, says healthy."""
    module, args = python_module(stage.healthcheck)
    return run_in_image(root, stage, {"module": module, "args": [*args, target]}).returncode == 0


def test_roles_serve_a_document_from_the_image_tree(
    image_root: Path,
    stage: RuntimeStage,
    start_in_image: Callable[[list[str]], subprocess.Popen[bytes]],
    tmp_path: Path,
) -> None:
    """pdftext, the router (with jobs and benchmarks, state under the image's /data) and the gateway,
    started from the tree alone as the containers start them, answer a born-digital invoice over REST."""
    backend_port, router_port, gateway_port = free_port(), free_port(), free_port()
    config = tmp_path / "router.yaml"
    router = {"port": router_port, "backends": [{"name": "pdftext", "address": f"127.0.0.1:{backend_port}"}]}
    config.write_text(yaml.safe_dump({"router": router}))
    roles = [
        (["serve", "pdftext", "--port", str(backend_port)], f"127.0.0.1:{backend_port}"),
        (["router", "--config", str(config), "--no-auth"], f"127.0.0.1:{router_port}"),  # loopback: keys are tests/test_auth.py's
        (
            ["gateway", "--upstream", f"127.0.0.1:{router_port}", "--port", str(gateway_port), "--no-auth"],
            f"http://127.0.0.1:{gateway_port}/api/v1/health/ready",
        ),
    ]
    for argv, health_target in roles:
        proc = start_in_image(argv)
        assert wait_until(
            lambda proc=proc, target=health_target: (
                proc.poll() is not None or healthy_in_image(image_root, stage, target)
            ),
            timeout=ROLE_START_TIMEOUT,
            interval=0.5,
        ), f"{argv[0]} did not become healthy"
        assert proc.poll() is None, f"{argv} exited with {proc.returncode}"
    invoice = ZUGFERD_AWV / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    response = httpx.post(
        f"http://127.0.0.1:{gateway_port}/api/v1/ocr/process",
        files={"file": (invoice.name, invoice.read_bytes(), "application/pdf")},
        data={"backend": "auto"},
        timeout=ROLE_START_TIMEOUT,
    )
    assert response.status_code == 200, response.text
    assert response.json()["backend_used"] == "pdftext"
    assert response.json()["text"]["raw"].strip()
    # The web console and its assets come from the image too.
    console = httpx.get(f"http://127.0.0.1:{gateway_port}/", timeout=30)
    assert console.status_code == 200 and "console.js" in console.text
    for asset in ("console.js", "console.css"):
        assert httpx.get(f"http://127.0.0.1:{gateway_port}/console/static/{asset}", timeout=30).status_code == 200
    # The router keeps its state where the image puts it: the data volume.
    assert image_path(image_root, stage.env["OCRMESH_JOBS_DATA_DIR"]).is_dir()
