"""Every command of the README runs, as written, against a real mesh.

The commands come from the README's ```sh blocks (tests/readme_commands.py), so a
line added there is tested without touching this file. The mesh is the README's
own `ocrmesh up`, started on free loopback ports; the README's default addresses
(127.0.0.1:8080, :50051, :50061, :50062: clients.mesh.MeshSettings) are rewritten
to those ports. Each command runs in bash from a scratch copy of the repository
(its files linked, `config/` copied: nothing a command writes lands in the
repository) and must exit 0; curl gets `--fail-with-body`, so an HTTP error fails.

Handled explicitly:
- `ocrmesh up`: the mesh itself (started, healthy, stopped with Ctrl-C's SIGINT: exit 0);
- the servers that run until Ctrl-C (`serve`, `router`, `gateway`, `jobs`): started on
  fresh ports, healthy, stopped with SIGINT: exit 0 (or 130, the signal re-raised after a
  graceful stop, as uvicorn does);
- `open URL` (macOS): the URL must answer 2xx;
- `JOB_ID`: the `job_id` of the last command that answered one;
- a question (learn-supplier's "are these the supplier's details?") is answered yes;
- `make run` / `make test`: not run from inside the suite (see SKIPPED);
- `# needs: gpu|hub|docker`: skipped with that reason; `# needs: TOOL`: skipped only where
  the program TOOL is not installed.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import yaml

from clients.mesh import MeshSettings
from ocrmesh_client import OcrClient
from services.scaffold.ports import free_port
from tests.conftest import PATIENCE, REPO, UP_BANNER, wait_until
from tests.readme_commands import UNAVAILABLE, Command, commands

README = REPO / "README.md"
COMMANDS = commands(README.read_text(encoding="utf-8"))
VENV_BIN = Path(sys.executable).parent
SERVERS = {"serve", "router", "gateway", "jobs"}  # ocrmesh commands that run until Ctrl-C
# Commands a test inside the suite must not run, and where what they do is tested instead.
SKIPPED = {
    "make test": "the test suite itself: this test runs inside it",
    "make run": "runs `make setup` (reinstalls .venv) then `ocrmesh up --demo` on both samples: the demo is "
    "tests/test_mesh_up.py::test_up_demo_processes_the_sample_invoice_through_rest_and_stops_everything",
    "make setup": "reinstalls .venv: scripts/setup.sh is what set up the machine running this test",
}
COMMAND_TIMEOUT = 10 * PATIENCE  # a safety net against a hang, not a speed bound
STOPPED_BY_CTRL_C = (0, 128 + signal.SIGINT)


def _port_pair() -> int:
    """A free port whose successor is free too (`up --base-port` numbers the backends upwards)."""
    while True:
        port = free_port()
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port


@dataclass
class Mesh:
    """The README's `ocrmesh up` on free ports, and what the commands learnt along the way."""

    workspace: Path
    env: dict[str, str]
    gateway: int = field(default_factory=free_port)
    router: int = field(default_factory=free_port)
    base: int = field(default_factory=_port_pair)
    process: subprocess.Popen[bytes] | None = None
    answers: dict[str, str] = field(default_factory=dict)  # placeholder -> value (JOB_ID)

    def addresses(self) -> dict[str, str]:
        """README default address -> this mesh's."""
        defaults = MeshSettings()
        mapping = {defaults.gateway_port: self.gateway, defaults.router_port: self.router}
        mapping |= {port: self.base + i for i, port in enumerate(defaults.backends.values())}
        return {
            f"{host}:{old}": f"127.0.0.1:{new}"
            for old, new in mapping.items()
            for host in ("127.0.0.1", "localhost")
        }

    def rewrite(self, text: str) -> str:
        for old, new in self.addresses().items():
            text = re.sub(rf"{re.escape(old)}(?!\d)", new, text)
        for placeholder, value in self.answers.items():
            text = text.replace(placeholder, value)
        return text

    def log_tails(self, chars: int = 2000) -> str:
        """The end of `up`'s output and of each of its children's logs (where a crash shows)."""
        up_log = (self.workspace / "up.log").read_text(errors="replace")
        tails = [f"--- up.log\n{up_log[-chars:]}"]
        logs_dir = re.search(r"logs in (\S+)", up_log)
        if logs_dir:
            for log in sorted(Path(logs_dir.group(1)).glob("*.log")):
                tails.append(f"--- {log.name}\n{log.read_text(errors='replace')[-chars:]}")
        return "\n".join(tails)

    def ready(self) -> bool:
        """`up` said every server is healthy, and the gateway answers ready (what a user waits for)."""
        if UP_BANNER not in (self.workspace / "up.log").read_text(errors="replace"):
            return False
        try:
            return (
                httpx.get(f"http://127.0.0.1:{self.gateway}/api/v1/health/ready", timeout=5).status_code
                == 200
            )
        except httpx.HTTPError:
            return False


def _workspace(root: Path) -> Path:
    """The repository as commands see it: everything linked, `config/` copied, no `data/`."""
    for entry in REPO.iterdir():
        if entry.name in ("config", "data", ".git"):
            continue
        (root / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    shutil.copytree(REPO / "config", root / "config")
    return root


def _env() -> dict[str, str]:
    # As on a user's machine: the router learns into the workspace's own config/suppliers (a copy).
    inherited = {k: v for k, v in os.environ.items() if k != "OCRMESH_ROUTER_SUPPLIERS_DIR"}
    return {
        **inherited,
        "PATH": os.pathsep.join([str(VENV_BIN), os.environ.get("PATH", "")]),
        "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
        "NO_COLOR": "1",
    }


def _up_command() -> Command | None:
    return next((c for c in COMMANDS if c.subcommand == "up" and "--demo" not in c.argv), None)


@pytest.fixture(scope="module")
def mesh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mesh]:
    if sys.platform == "win32" or shutil.which("bash") is None:
        pytest.skip("the README's commands are for bash on a POSIX system")
    state = Mesh(_workspace(tmp_path_factory.mktemp("readme")), _env())
    up = _up_command()
    argv = up.text if up else f"{sys.executable} -m clients.cli up"
    ports = f" --gateway-port {state.gateway} --router-port {state.router} --base-port {state.base}"
    log = open(state.workspace / "up.log", "wb")  # noqa: SIM115 - closed after the process
    state.process = subprocess.Popen(
        ["bash", "-c", f"exec {argv}{ports}"], cwd=state.workspace, env=state.env, stdout=log, stderr=log
    )
    log.close()
    try:
        came_up = wait_until(lambda: state.ready() or state.process.poll() is not None, timeout=3 * PATIENCE)
        assert came_up and state.process.poll() is None, (
            f"ocrmesh up: {(state.workspace / 'up.log').read_text()}"
        )
        yield state
    finally:
        if state.process.poll() is None:
            state.process.send_signal(signal.SIGINT)  # Ctrl-C
            try:
                code = state.process.wait(timeout=PATIENCE)
            except subprocess.TimeoutExpired:
                state.process.kill()
                raise
            assert code == 0, (
                f"ocrmesh up exited {code} on Ctrl-C: {(state.workspace / 'up.log').read_text()[-3000:]}"
            )


def _skip_reason(command: Command) -> str | None:
    if command.text in SKIPPED:
        return SKIPPED[command.text]
    for need in command.needs:
        if need in UNAVAILABLE:
            return UNAVAILABLE[need]
        if shutil.which(need, path=_env()["PATH"]) is None:
            return f"needs {need}, not installed here"
    return None


def _with_curl_checks(text: str) -> str:
    """curl fails on an HTTP error status (and says why) in every stage of the command."""
    return re.sub(r"(^|[|&;]\s*)curl(?=\s)", r"\1curl --fail-with-body -sS", text)


def _run(mesh: Mesh, command: Command) -> subprocess.CompletedProcess[str]:
    text = _with_curl_checks(mesh.rewrite(command.text))
    return subprocess.run(
        ["bash", "-o", "pipefail", "-c", text],
        cwd=mesh.workspace,
        env=mesh.env,
        input="y\n",
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )


def _remember_answers(mesh: Mesh, stdout: str) -> None:
    try:
        answer = json.loads(stdout)
    except ValueError:
        return
    if isinstance(answer, dict) and isinstance(answer.get("job_id"), str):
        mesh.answers["JOB_ID"] = answer["job_id"]


def _server_argv(mesh: Mesh, command: Command) -> tuple[str, int]:
    """The server command on a fresh port (its default one may be in use), and that port."""
    port = free_port()
    text = mesh.rewrite(command.text)
    if re.search(r"--port[ =]\d+", text):
        text = re.sub(r"--port[ =]\d+", f"--port {port}", text)
    else:
        text += f" --port {port}"
    if command.subcommand == "router":  # its config names the default ports: this mesh's backends instead
        config = re.search(r"--config[ =](\S+)", text)
        if config:
            path = mesh.workspace / config.group(1)
            settings = yaml.safe_load(mesh.rewrite(path.read_text(encoding="utf-8")))
            settings["router"]["metrics_port"] = 0
            path.write_text(yaml.safe_dump(settings), encoding="utf-8")
    return text, port


def _serving(command: Command, port: int) -> bool:
    if command.subcommand == "gateway":
        try:
            return httpx.get(f"http://127.0.0.1:{port}/api/v1/health/ready", timeout=5).status_code == 200
        except httpx.HTTPError:
            return False
    with OcrClient(f"127.0.0.1:{port}") as client:
        try:
            client.wait_for_serving(timeout=5)
            return True
        except TimeoutError:
            return False


def _run_server(mesh: Mesh, command: Command) -> None:
    text, port = _server_argv(mesh, command)
    log_path = mesh.workspace / f"{command.subcommand}-{port}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            ["bash", "-c", f"exec {text}"], cwd=mesh.workspace, env=mesh.env, stdout=log, stderr=log
        )
    try:
        up = wait_until(lambda: proc.poll() is not None or _serving(command, port), timeout=3 * PATIENCE)
        assert up and proc.poll() is None, f"{text}: not serving\n{log_path.read_text()[-3000:]}"
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        code = proc.wait(timeout=PATIENCE)
        # 0, or 128 + SIGINT where the server re-raises the signal after its graceful stop (uvicorn does).
        assert code in STOPPED_BY_CTRL_C, (
            f"{text}: exit code {code} on Ctrl-C\n{log_path.read_text()[-3000:]}"
        )
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_readme_has_commands_and_the_mesh_command() -> None:
    assert len(COMMANDS) >= 10 and _up_command() is not None


@pytest.mark.parametrize("command", COMMANDS, ids=[c.id for c in COMMANDS])
def test_readme_command(command: Command, mesh: Mesh) -> None:
    reason = _skip_reason(command)
    if reason:
        pytest.skip(reason)
    if command is _up_command():
        assert mesh.process is not None and mesh.process.poll() is None and mesh.ready()
        return
    if command.subcommand in SERVERS:
        _run_server(mesh, command)
        return
    if command.program == "open":  # macOS: opens the URL in a browser; here: the URL answers
        (url,) = command.argv[1:]
        response = httpx.get(mesh.rewrite(url), timeout=PATIENCE)
        assert response.is_success, f"{url}: {response.status_code}"
        return
    unresolved = [p for p in re.findall(r"\b[A-Z]+_ID\b", command.text) if p not in mesh.answers]
    assert not unresolved, f"no earlier command answered {unresolved}"
    result = _run(mesh, command)
    assert result.returncode == 0, (
        f"exit {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}\n{mesh.log_tails()}"
    )
    _remember_answers(mesh, result.stdout)
