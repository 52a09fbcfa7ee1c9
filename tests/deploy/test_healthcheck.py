"""`python -m clients.healthcheck`, the containers' health check: gRPC health, HTTP, or $OCRMESH_HEALTHCHECK."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clients.processes import stop_processes
from services.auth.tls import init_certs
from services.scaffold.ports import free_port
from tests.conftest import PATIENCE, REPO, RunningServer, running_backend, wait_until

TIMEOUT = PATIENCE


async def healthcheck(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run the health check as a container does (its own process); exit code and stderr."""
    environment = {k: v for k, v in os.environ.items() if k != "OCRMESH_HEALTHCHECK"} | (env or {})
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "clients.healthcheck",
        *args,
        cwd=REPO,
        env=environment,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(proc.communicate(), TIMEOUT)
    assert proc.returncode is not None
    return proc.returncode, stderr.decode()


async def test_grpc_backend_serving_is_healthy(pdftext_server: RunningServer) -> None:
    assert (await healthcheck(pdftext_server.target))[0] == 0
    assert (await healthcheck(pdftext_server.target, "ocrmesh.v1.OcrService"))[0] == 0


async def test_grpc_unknown_service_or_no_server_is_unhealthy(pdftext_server: RunningServer) -> None:
    code, stderr = await healthcheck(pdftext_server.target, "no.such.Service")
    assert code == 1 and "NOT_FOUND" in stderr
    code, stderr = await healthcheck(f"127.0.0.1:{free_port()}")
    assert code == 1 and "UNAVAILABLE" in stderr


async def test_target_from_environment(pdftext_server: RunningServer) -> None:
    assert (await healthcheck(env={"OCRMESH_HEALTHCHECK": pdftext_server.target}))[0] == 0
    code, stderr = await healthcheck()
    assert code == 2 and "OCRMESH_HEALTHCHECK" in stderr  # no target: the usage


@pytest.fixture
def gateway_without_upstream() -> Iterator[str]:
    """A real gateway process whose router is not there: alive, not ready."""
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "clients.cli",
            "gateway",
            "--upstream",
            f"127.0.0.1:{free_port()}",
            "--port",
            str(port),
        ],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        started = wait_until(
            lambda: (
                subprocess.run(
                    [sys.executable, "-m", "clients.healthcheck", f"{base}/api/v1/health/live"],
                    cwd=REPO,
                    capture_output=True,
                    check=False,
                ).returncode
                == 0
            ),
            timeout=TIMEOUT,
            interval=0.2,
        )
        assert started, "the gateway did not answer"
        yield base
    finally:
        stop_processes([proc])


async def test_http_liveness_and_readiness(gateway_without_upstream: str) -> None:
    base = gateway_without_upstream
    assert (await healthcheck(f"{base}/api/v1/health/live"))[0] == 0
    code, stderr = await healthcheck(f"{base}/api/v1/health/ready")
    assert code == 1 and "HTTP 503" in stderr
    code, stderr = await healthcheck(f"http://127.0.0.1:{free_port()}/api/v1/health/live")
    assert code == 1 and "unhealthy" in stderr
    env = {"OCRMESH_HEALTHCHECK": f"{base}/api/v1/health/live"}
    assert (await healthcheck(env=env))[0] == 0


async def test_grpc_health_over_mutual_tls_with_the_environments_certificates(tmp_path: Path) -> None:
    """A backend speaking mutual TLS (compose.gpu.yaml) is checked on 127.0.0.1 with OCRMESH_HEALTHCHECK_CA/CERT/KEY."""
    certs = init_certs(tmp_path / "certs", ["gpu-pc.lan"])  # certs init adds 127.0.0.1 to the server certificate
    server_tls = {"tls_cert": certs["server_cert"], "tls_key": certs["server_key"], "tls_client_ca": certs["ca_cert"]}
    env = {
        "OCRMESH_HEALTHCHECK_CA": str(certs["ca_cert"]),
        "OCRMESH_HEALTHCHECK_CERT": str(certs["client_cert"]),
        "OCRMESH_HEALTHCHECK_KEY": str(certs["client_key"]),
    }
    async with running_backend("pdftext", **server_tls) as server:
        target = f"127.0.0.1:{server.port}"
        assert (await healthcheck(target, env=env))[0] == 0
        code, stderr = await healthcheck(target)  # plaintext against TLS
        assert code == 1 and "UNAVAILABLE" in stderr
        without_client_certificate = {"OCRMESH_HEALTHCHECK_CA": env["OCRMESH_HEALTHCHECK_CA"]}
        assert (await healthcheck(target, env=without_client_certificate))[0] == 1
        missing = env | {"OCRMESH_HEALTHCHECK_CERT": str(tmp_path / "nowhere.pem")}
        code, stderr = await healthcheck(target, env=missing)
        assert code == 1 and "TLS files" in stderr
