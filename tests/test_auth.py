"""API keys, ownership, limits and TLS against real servers on loopback (router, gateway, backends)."""

from __future__ import annotations

import asyncio
import ssl
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import grpc
import httpx
import pytest
import structlog
import structlog.testing

from gateway_rest.app import create_app
from gateway_rest.settings import GatewaySettings
from jobs_service.settings import JobsSettings
from jobs_service.store import create_store
from jobs_service.store.keys import KeyStore
from ocrmesh.v1 import benchmark_pb2 as bpb
from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1.benchmark_pb2_grpc import BenchmarkServiceStub
from ocrmesh.v1.jobs_pb2_grpc import JobsServiceStub
from ocrmesh_client import AsyncOcrClient, build_request
from ocrmesh_client.tls import TlsFiles
from router_service.server import RouterServer
from router_service.settings import EndpointConfig, RouterSettings
from services.auth.tls import init_certs
from services.scaffold.ports import free_port
from tests.conftest import DATASET, PATIENCE, REPO, eventually, running_backend

INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"


@dataclass
class Secured:
    router_port: int
    rest: httpx.AsyncClient
    keys: dict[str, str]

    def headers(self, name: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[name]}"}


async def _make_keys(data_dir: Path) -> dict[str, str]:
    store = create_store(JobsSettings(data_dir=data_dir))
    await store.open()
    try:
        keys = KeyStore(store.db)  # type: ignore[attr-defined]
        made = {}
        for name, scopes, rate, concurrency in (
            ("admin", "admin", "", 0),
            ("alice", "process,batch,benchmark", "", 0),
            ("bob", "process,batch,benchmark", "", 0),
            ("reader", "benchmark", "", 0),
            ("slow", "process", "2/minute", 0),
            ("one-at-a-time", "batch", "", 1),
        ):
            _info, made[name] = await keys.create(name, scopes, rate=rate, concurrency=concurrency)
        return made
    finally:
        await store.close()


@pytest.fixture
async def secured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Secured]:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("OCRMESH_JOBS_DATA_DIR", str(data_dir))
    monkeypatch.delenv("OCRMESH_API_KEY", raising=False)
    keys = await _make_keys(data_dir)
    async with running_backend("pdftext") as pdftext:
        router = RouterServer(
            RouterSettings(
                port=0,
                backends=[EndpointConfig(name="pdftext", address=f"127.0.0.1:{pdftext.port}")],
            )
        )
        port = await router.start()
        try:
            await router.wait_for_backends(PATIENCE)
            app = create_app(GatewaySettings(upstream=f"127.0.0.1:{port}", health_refresh_seconds=0.1))
            async with app.router.lifespan_context(app):
                transport = httpx.ASGITransport(app=app)
                async with httpx.AsyncClient(
                    transport=transport, base_url="http://gateway", timeout=120
                ) as rest:
                    yield Secured(port, rest, keys)
        finally:
            await router.stop(0)


def _upload() -> dict[str, tuple[str, bytes, str]]:
    return {"file": (INVOICE.name, INVOICE.read_bytes(), "application/pdf")}


async def test_rest_without_or_with_a_wrong_key_is_401_and_health_stays_open(secured: Secured) -> None:
    anonymous = await secured.rest.post("/api/v1/ocr/process", files=_upload())
    assert anonymous.status_code == 401
    assert anonymous.headers["www-authenticate"].startswith("Bearer")
    assert anonymous.json()["error"]["code"] == "unauthorized"
    wrong = await secured.rest.post(
        "/api/v1/ocr/process", files=_upload(), headers={"X-API-Key": "ocm_wrong"}
    )
    assert wrong.status_code == 401
    assert wrong.headers["www-authenticate"].startswith("Bearer")
    assert (await secured.rest.get("/api/v1/ocr/jobs")).status_code == 401
    assert (await secured.rest.get("/api/v1/health")).status_code == 200
    assert (await secured.rest.get("/openapi.json")).status_code == 200
    ok = await secured.rest.post(
        "/api/v1/ocr/process", files=_upload(), headers={"X-API-Key": secured.keys["alice"]}
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["backend_used"] == "pdftext"


async def test_two_different_keys_in_one_request_are_401(secured: Secured) -> None:
    both = {"Authorization": f"Bearer {secured.keys['alice']}", "X-API-Key": secured.keys["bob"]}
    response = await secured.rest.get("/api/v1/ocr/jobs", headers=both)
    assert response.status_code == 401 and "two different API keys" in response.json()["error"]["message"]
    empty = await secured.rest.get("/api/v1/ocr/jobs", headers={**both, "X-API-Key": ""})
    assert empty.status_code == 401
    same = await secured.rest.get("/api/v1/ocr/jobs", headers={**both, "X-API-Key": secured.keys["alice"]})
    assert same.status_code == 200, same.text
    schema = (await secured.rest.get("/openapi.json")).json()  # the key, as OpenAPI tells clients to send it
    assert set(schema["components"]["securitySchemes"]) == {"APIKeyHeader", "HTTPBearer"}
    assert schema["paths"]["/api/v1/ocr/process"]["post"]["security"] == [{"APIKeyHeader": []}, {"HTTPBearer": []}]
    assert "security" not in schema["paths"]["/api/v1/health"]["get"]


async def test_one_audit_line_per_call_names_the_key_never_shows_it(secured: Secured) -> None:
    with structlog.testing.capture_logs() as logs:
        ok = await secured.rest.post("/api/v1/ocr/process", files=_upload(), headers=secured.headers("alice"))
        assert ok.status_code == 200
    audit = [e for e in logs if e["event"] == "audit"]
    assert len(audit) == 1
    line = audit[0]
    assert line["key"] == "alice" and line["code"] == "OK" and line["method"].endswith("/Process")
    assert line["bytes"] == len(INVOICE.read_bytes()) and line["seconds"] >= 0
    assert line["request_id"] == ok.headers["x-request-id"]  # joins the gateway's request line
    assert secured.keys["alice"] not in repr(logs)


async def test_a_missing_scope_is_403(secured: Secured) -> None:
    response = await secured.rest.post(
        "/api/v1/ocr/process", files=_upload(), headers=secured.headers("reader")
    )
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"


async def test_another_keys_job_is_404_and_lists_show_only_ones_own(secured: Secured) -> None:
    submitted = await secured.rest.post(
        "/api/v1/ocr/batch", files=[("files", (INVOICE.name, INVOICE.read_bytes(), "application/pdf"))],
        headers=secured.headers("alice"),
    )  # fmt: skip
    assert submitted.status_code == 202, submitted.text
    job_id = submitted.json()["job_id"]
    assert (
        await secured.rest.get(f"/api/v1/ocr/job/{job_id}", headers=secured.headers("alice"))
    ).status_code == 200
    assert (
        await secured.rest.get(f"/api/v1/ocr/job/{job_id}", headers=secured.headers("bob"))
    ).status_code == 404
    assert (
        await secured.rest.delete(f"/api/v1/ocr/job/{job_id}", headers=secured.headers("bob"))
    ).status_code == 404
    events = await secured.rest.get(f"/api/v1/ocr/job/{job_id}/events", headers=secured.headers("bob"))
    assert events.status_code == 404
    document = await secured.rest.get(f"/api/v1/ocr/job/{job_id}/documents/0", headers=secured.headers("bob"))
    assert document.status_code == 404 and document.json()["error"]["code"] == "job_not_found"
    async with grpc.aio.insecure_channel(f"127.0.0.1:{secured.router_port}") as channel:  # the upload itself
        stub = JobsServiceStub(channel)
        request = jpb.GetJobDocumentRequest(job_id=job_id, index=0, include_content=True)
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await stub.GetJobDocument(request, metadata=[("authorization", f"Bearer {secured.keys['bob']}")])
        assert refused.value.code() is grpc.StatusCode.NOT_FOUND
    assert (
        await secured.rest.get(f"/api/v1/ocr/job/{job_id}", headers=secured.headers("admin"))
    ).status_code == 200
    bobs = (await secured.rest.get("/api/v1/ocr/jobs", headers=secured.headers("bob"))).json()["jobs"]
    alices = (await secured.rest.get("/api/v1/ocr/jobs", headers=secured.headers("alice"))).json()["jobs"]
    admins = (await secured.rest.get("/api/v1/ocr/jobs", headers=secured.headers("admin"))).json()["jobs"]
    assert job_id not in [j["job_id"] for j in bobs]
    assert job_id in [j["job_id"] for j in alices]
    assert job_id in [j["job_id"] for j in admins]


async def test_anonymous_and_non_admin_unload_on_the_router_are_refused(secured: Secured) -> None:
    address = f"127.0.0.1:{secured.router_port}"
    async with AsyncOcrClient(address, api_key="") as anonymous:
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await anonymous.unload(timeout=PATIENCE)
        assert refused.value.code() is grpc.StatusCode.UNAUTHENTICATED
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await anonymous.process(build_request(INVOICE.read_bytes()), timeout=PATIENCE)
        assert refused.value.code() is grpc.StatusCode.UNAUTHENTICATED
        assert await anonymous.health(timeout=PATIENCE) == 1  # health stays open
    async with AsyncOcrClient(address, api_key=secured.keys["alice"]) as alice:
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await alice.unload(timeout=PATIENCE)
        assert refused.value.code() is grpc.StatusCode.PERMISSION_DENIED
    async with AsyncOcrClient(address, api_key=secured.keys["admin"]) as admin:
        await admin.unload(timeout=PATIENCE)


async def test_another_keys_benchmark_run_is_not_found(secured: Secured) -> None:
    address = f"127.0.0.1:{secured.router_port}"
    upload = bpb.BenchmarkUpload(document=pb.Document(content=INVOICE.read_bytes(), filename=INVOICE.name))
    async with (
        AsyncOcrClient(address, api_key=secured.keys["alice"]) as alice,
        AsyncOcrClient(address, api_key=secured.keys["bob"]) as bob,
        AsyncOcrClient(address, api_key=secured.keys["admin"]) as admin,
    ):
        started = await BenchmarkServiceStub(alice.channel).StartRun(
            bpb.StartRunRequest(uploads=[upload], backends=["pdftext"]), timeout=PATIENCE
        )
        run_id = started.run.run_id
        await BenchmarkServiceStub(alice.channel).GetRun(bpb.GetRunRequest(run_id=run_id), timeout=PATIENCE)
        await BenchmarkServiceStub(admin.channel).GetRun(bpb.GetRunRequest(run_id=run_id), timeout=PATIENCE)
        with pytest.raises(grpc.aio.AioRpcError) as refused:
            await BenchmarkServiceStub(bob.channel).GetRun(bpb.GetRunRequest(run_id=run_id), timeout=PATIENCE)
        assert refused.value.code() is grpc.StatusCode.NOT_FOUND
        listed = await BenchmarkServiceStub(bob.channel).ListRuns(bpb.ListRunsRequest(), timeout=PATIENCE)
        assert run_id not in [r.run_id for r in listed.runs]
        listed = await BenchmarkServiceStub(alice.channel).ListRuns(bpb.ListRunsRequest(), timeout=PATIENCE)
        assert run_id in [r.run_id for r in listed.runs]


async def test_over_the_rate_is_429_with_retry_after(secured: Secured) -> None:
    statuses = []
    for _ in range(3):  # the key allows 2 per minute
        response = await secured.rest.post(
            "/api/v1/ocr/process", files=_upload(), headers=secured.headers("slow")
        )
        statuses.append(response.status_code)
    assert statuses == [200, 200, 429]
    assert int(response.headers["retry-after"]) >= 1
    assert response.json()["error"]["code"] == "rate_limited"


async def test_two_keys_with_concurrent_batches_both_finish(secured: Secured) -> None:
    files = sorted(DATASET.glob("*.pdf"))
    jobs = {}
    for name, chosen in (("alice", files[:8]), ("bob", files[8:10])):
        response = await secured.rest.post(
            "/api/v1/ocr/batch", files=[("files", (p.name, p.read_bytes(), "application/pdf")) for p in chosen],
            headers=secured.headers(name),
        )  # fmt: skip
        assert response.status_code == 202, response.text
        jobs[name] = response.json()["job_id"]

    async def finished(name: str) -> bool:
        view = await secured.rest.get(
            f"/api/v1/ocr/job/{jobs[name]}?results=false", headers=secured.headers(name)
        )
        return view.json()["status"] == "completed"

    assert await eventually(lambda: finished("bob"))
    assert await eventually(lambda: finished("alice"))


async def test_a_keys_batch_documents_run_within_its_concurrency(secured: Secured) -> None:
    files = sorted(DATASET.glob("*.pdf"))[:6]
    response = await secured.rest.post(
        "/api/v1/ocr/batch",
        files=[("files", (p.name, p.read_bytes(), "application/pdf")) for p in files],
        headers=secured.headers("one-at-a-time"),
    )
    assert response.status_code == 202, response.text
    job_id = response.json()["job_id"]
    most = 0

    async def finished() -> bool:
        nonlocal most
        view = (
            await secured.rest.get(
                f"/api/v1/ocr/job/{job_id}?results=false", headers=secured.headers("one-at-a-time")
            )
        ).json()
        most = max(most, sum(d["status"] == "processing" for d in view["results"]))
        return view["status"] == "completed"

    assert await eventually(finished, interval=0.005)
    assert most <= 1


async def test_mutual_tls_between_router_and_backend(tmp_path: Path) -> None:
    certs = init_certs(tmp_path / "certs", ["127.0.0.1", "localhost"])
    server_tls = {
        "tls_cert": certs["server_cert"],
        "tls_key": certs["server_key"],
        "tls_client_ca": certs["ca_cert"],
    }
    async with running_backend("pdftext", **server_tls) as pdftext:
        address = f"127.0.0.1:{pdftext.port}"
        with_cert = TlsFiles(ca=certs["ca_cert"], cert=certs["client_cert"], key=certs["client_key"])
        async with AsyncOcrClient(address, api_key="", tls=with_cert) as client:
            assert await client.health(timeout=PATIENCE) == 1
        for tls in (TlsFiles(ca=certs["ca_cert"]), None):  # no client certificate; no TLS at all
            async with AsyncOcrClient(address, api_key="", tls=tls) as client:
                with pytest.raises(grpc.aio.AioRpcError) as refused:
                    await client.health(timeout=5)
                assert refused.value.code() is grpc.StatusCode.UNAVAILABLE
        endpoint = EndpointConfig(
            name="pdftext",
            address=address,
            ca=certs["ca_cert"],
            cert=certs["client_cert"],
            key=certs["client_key"],
        )
        router = RouterServer(
            RouterSettings(port=0, auth=False, benchmarks=False, jobs=False, backends=[endpoint])
        )
        port = await router.start()
        try:
            await router.wait_for_backends(PATIENCE)
            async with AsyncOcrClient(f"127.0.0.1:{port}", api_key="") as client:
                outcome = await client.process(build_request(INVOICE.read_bytes()), timeout=PATIENCE)
            assert outcome.document is not None and {p.backend for p in outcome.pages} == {"pdftext"}
        finally:
            await router.stop(0)


def _start_gateway(port: int, cert: Path, key: Path) -> subprocess.Popen[bytes]:
    """`ocrmesh gateway` serving HTTPS (its upstream need not exist for the liveness endpoint)."""
    return subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "gateway", "--port", str(port), "--upstream", f"127.0.0.1:{free_port()}",
         "--tls-cert", str(cert), "--tls-key", str(key)],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.PIPE,
    )  # fmt: skip


async def test_gateway_serves_https_with_its_certificate(tmp_path: Path) -> None:
    certs = init_certs(tmp_path / "certs", ["127.0.0.1"])
    port = free_port()
    proc = _start_gateway(port, certs["server_cert"], certs["server_key"])
    try:
        url = f"https://127.0.0.1:{port}/api/v1/health/live"

        async def answers() -> bool:
            try:
                async with httpx.AsyncClient(
                    verify=ssl.create_default_context(cafile=certs["ca_cert"])
                ) as client:
                    return (await client.get(url, timeout=5)).status_code == 200
            except httpx.HTTPError:
                return False

        assert await eventually(answers)
        async with httpx.AsyncClient() as client:  # the system's CAs do not know ours
            with pytest.raises(httpx.ConnectError):
                await client.get(url, timeout=5)
        with pytest.raises(httpx.HTTPError):
            async with httpx.AsyncClient() as client:
                await client.get(f"http://127.0.0.1:{port}/api/v1/health/live", timeout=5)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=PATIENCE)
        except subprocess.TimeoutExpired:
            proc.kill()
        await asyncio.sleep(0)


async def test_caller_names_the_key_and_its_scopes_and_refuses_an_unknown_key(secured: Secured) -> None:
    reader = await secured.rest.get("/api/v1/auth/caller", headers=secured.headers("reader"))
    assert reader.status_code == 200
    assert reader.json() == {"name": "reader", "scopes": ["benchmark"], "auth_required": True}
    admin = (await secured.rest.get("/api/v1/auth/caller", headers=secured.headers("admin"))).json()
    assert admin["scopes"] == ["admin"]
    wrong = await secured.rest.get("/api/v1/auth/caller", headers={"X-API-Key": "ocm_not-a-key"})
    assert wrong.status_code == 401
    assert (await secured.rest.get("/api/v1/auth/caller")).status_code == 401


async def test_the_gateway_renders_a_preview_only_for_a_key_that_may_process(secured: Secured) -> None:
    """The preview is drawn by the gateway itself: it must ask the router whose key it is first."""
    made_up = await secured.rest.post("/api/v1/ocr/preview", files=_upload(), headers={"X-API-Key": "ocm_made-up"})
    assert made_up.status_code == 401
    reader = await secured.rest.post("/api/v1/ocr/preview", files=_upload(), headers=secured.headers("reader"))
    assert reader.status_code == 403
    alice = await secured.rest.post("/api/v1/ocr/preview", files=_upload(), headers=secured.headers("alice"))
    assert alice.status_code == 200 and alice.content.startswith(b"\x89PNG")


async def test_previews_count_against_the_keys_rate(secured: Secured) -> None:
    """Drawing a page costs the gateway's CPU like reading one costs an engine's: a key's rate covers
    previews too, and its documents and previews share it."""
    statuses = []
    for path in ("preview", "process", "preview"):  # the key allows 2 per minute
        response = await secured.rest.post(f"/api/v1/ocr/{path}", files=_upload(), headers=secured.headers("slow"))
        statuses.append(response.status_code)
    assert statuses == [200, 200, 429]
    assert int(response.headers["retry-after"]) >= 1
    assert response.json()["error"]["code"] == "rate_limited"


async def test_only_an_admin_key_may_teach_a_supplier(secured: Secured) -> None:
    """Learning changes how every later document of the supplier is read: process scope is not enough."""
    alice = await secured.rest.post("/api/v1/suppliers/learn", files=_upload(), headers=secured.headers("alice"))
    assert alice.status_code == 403
