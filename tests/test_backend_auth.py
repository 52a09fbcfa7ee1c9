"""Backends check API keys (`serve --keys-file`, `ocrmesh keys export`) and refuse to serve exposed unprotected.

Real backend servers on loopback, keys in a real SQLite jobs database, the
keys file written by the real `ocrmesh keys export`, real TLS certificates.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest

from jobs_service.settings import JobsSettings
from jobs_service.store import create_store
from jobs_service.store.keys import KeyStore
from ocrmesh.v1 import benchmark_pb2 as bpb
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1.benchmark_pb2_grpc import BenchmarkServiceStub
from ocrmesh_client import AsyncOcrClient, build_request
from ocrmesh_client.auth import write_local_key
from ocrmesh_client.tls import TlsFiles
from router_service.server import RouterServer
from router_service.settings import EndpointConfig, RouterSettings
from services.auth.keys_file import write_keys_file
from services.auth.tls import init_certs
from services.scaffold.ports import free_port
from services.scaffold.settings import ServerSettings
from tests.conftest import DATASET, PATIENCE, REPO, eventually, running_backend

INVOICE = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
# name -> scopes of the keys the tests make
KEYS = {"router": "process,admin", "worker": "process", "batcher": "batch"}


@dataclass
class Keys:
    data_dir: Path
    file: Path
    secrets: dict[str, str]

    async def _store(self, action):  # type: ignore[no-untyped-def]
        store = create_store(JobsSettings(data_dir=self.data_dir))
        await store.open()
        try:
            return await action(KeyStore(store.db))  # type: ignore[attr-defined]
        finally:
            await store.close()

    async def rotate(self, name: str) -> str:
        _info, key = await self._store(lambda keys: keys.rotate(name))
        self.secrets[name] = key
        return key

    async def export(self, *names: str) -> None:
        """What `ocrmesh keys export` writes, again (after a rotate)."""
        write_keys_file(self.file, await self._store(lambda keys: keys.export(list(names))))


def cli(*args: str, env: dict[str, str] | None = None, timeout: float = PATIENCE) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clients.cli", *args],
        cwd=REPO, env={**os.environ, **(env or {})}, capture_output=True, text=True, timeout=timeout, check=False,
    )  # fmt: skip


@pytest.fixture
async def keys(tmp_path: Path) -> Keys:
    """Keys made in a jobs database, exported by the real `ocrmesh keys export`."""
    data_dir = tmp_path / "data"
    store = create_store(JobsSettings(data_dir=data_dir))
    await store.open()
    try:
        made = {name: (await KeyStore(store.db).create(name, scopes))[1] for name, scopes in KEYS.items()}  # type: ignore[attr-defined]
    finally:
        await store.close()
    out = tmp_path / "backend-keys.json"
    result = cli("keys", "export", *KEYS, "--out", str(out), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    return Keys(data_dir, out, made)


def test_keys_export_writes_hashes_only(keys: Keys, tmp_path: Path) -> None:
    text = keys.file.read_text()
    assert not any(secret in text for secret in keys.secrets.values())  # never a key
    exported = json.loads(text)["keys"]
    assert {e["name"]: e["scopes"] for e in exported} == {n: s.split(",") for n, s in KEYS.items()}
    assert all(len(e["key_hash"]) == 64 for e in exported)
    if os.name == "posix":
        assert keys.file.stat().st_mode & 0o777 == 0o600
    unknown = cli("keys", "export", "nobody", "--out", str(tmp_path / "x.json"), "--data-dir", str(keys.data_dir))
    assert unknown.returncode == 2 and "nobody" in unknown.stderr
    assert not (tmp_path / "x.json").exists()


async def _code(call) -> grpc.StatusCode | None:  # type: ignore[no-untyped-def]
    try:
        await call
    except grpc.aio.AioRpcError as exc:
        return exc.code()
    return None


def _request() -> pb.ProcessRequest:
    return build_request(INVOICE.read_bytes(), backend="pdftext")


@pytest.fixture
async def guarded(keys: Keys) -> AsyncIterator[str]:
    async with running_backend("pdftext", keys_file=keys.file) as server:
        yield f"127.0.0.1:{server.port}"


async def test_backend_refuses_calls_without_a_key_of_the_file(guarded: str) -> None:
    for key in ("", "ocm_not-a-key-of-this-file"):
        async with AsyncOcrClient(guarded, api_key=key) as client:
            assert await _code(client.process(_request(), timeout=PATIENCE)) is grpc.StatusCode.UNAUTHENTICATED
            assert await _code(client.unload(timeout=PATIENCE)) is grpc.StatusCode.UNAUTHENTICATED
            assert await _code(client.load(timeout=PATIENCE)) is grpc.StatusCode.UNAUTHENTICATED
            # Open: load balancers, the router's health watch and latency polls, grpcurl.
            assert await client.health(timeout=PATIENCE) == 1
            assert (await client.describe(timeout=PATIENCE)).name == "pdftext"
            assert (await client.status(timeout=PATIENCE)).name == "pdftext"


async def test_backend_checks_the_scope_of_each_method(guarded: str, keys: Keys) -> None:
    async with AsyncOcrClient(guarded, api_key=keys.secrets["batcher"]) as client:
        assert await _code(client.process(_request(), timeout=PATIENCE)) is grpc.StatusCode.PERMISSION_DENIED
    async with AsyncOcrClient(guarded, api_key=keys.secrets["worker"]) as client:
        outcome = await client.process(_request(), timeout=PATIENCE)
        assert outcome.document is not None and outcome.pages[0].text
        assert await _code(client.unload(timeout=PATIENCE)) is grpc.StatusCode.PERMISSION_DENIED
    async with AsyncOcrClient(guarded, api_key=keys.secrets["router"]) as client:  # admin: Load and Unload
        assert await _code(client.unload(timeout=PATIENCE)) is None
        assert await _code(client.load(timeout=PATIENCE)) is None
        assert (await client.process(_request(), timeout=PATIENCE)).document is not None


async def test_backend_reads_the_keys_file_again_when_it_changes(guarded: str, keys: Keys) -> None:
    old = keys.secrets["worker"]
    new = await keys.rotate("worker")
    async with AsyncOcrClient(guarded, api_key=old) as client:  # not exported yet: the old key still works
        assert (await client.process(_request(), timeout=PATIENCE)).document is not None
    await keys.export("router", "worker")  # after the rotate; `batcher` left out
    async with AsyncOcrClient(guarded, api_key=old) as client:
        assert await _code(client.process(_request(), timeout=PATIENCE)) is grpc.StatusCode.UNAUTHENTICATED
    async with AsyncOcrClient(guarded, api_key=keys.secrets["batcher"]) as client:
        assert await _code(client.process(_request(), timeout=PATIENCE)) is grpc.StatusCode.UNAUTHENTICATED
    async with AsyncOcrClient(guarded, api_key=new) as client:
        assert (await client.process(_request(), timeout=PATIENCE)).document is not None
    keys.file.write_text("{ half written")  # a broken file keeps the keys read last
    async with AsyncOcrClient(guarded, api_key=new) as client:
        assert (await client.process(_request(), timeout=PATIENCE)).document is not None


def test_backend_on_a_non_loopback_address_needs_tls_and_mtls_or_keys(keys: Keys, tmp_path: Path) -> None:
    port = str(free_port())
    refused = cli("serve", "pdftext", "--host", "0.0.0.0", "--port", port)
    assert refused.returncode == 2 and "refusing to listen on 0.0.0.0" in refused.stderr
    assert "--insecure" in refused.stderr and "Traceback" not in refused.stderr
    # A keys file alone would send keys in clear text; server TLS alone lets anyone call.
    certs = init_certs(tmp_path / "certs", ["backend.example"])
    tls = ["--tls-cert", str(certs["server_cert"]), "--tls-key", str(certs["server_key"])]
    for extra in (["--keys-file", str(keys.file)], tls):
        result = cli("serve", "pdftext", "--host", "0.0.0.0", "--port", port, *extra)
        assert result.returncode == 2 and "refusing" in result.stderr, extra
    from_env = cli("serve", "pdftext", "--port", port, env={"OCRMESH_HOST": "0.0.0.0"})
    assert from_env.returncode == 2 and "refusing" in from_env.stderr
    # Protected enough: TLS with mutual TLS, or TLS with keys; or explicitly insecure (a private network).
    for protected in (
        {"host": "0.0.0.0", "tls_cert": certs["server_cert"], "tls_key": certs["server_key"], "tls_client_ca": certs["ca_cert"]},
        {"host": "0.0.0.0", "tls_cert": certs["server_cert"], "tls_key": certs["server_key"], "keys_file": keys.file},
        {"host": "0.0.0.0", "insecure": True},
        {"host": "127.0.0.1"},
    ):  # fmt: skip
        ServerSettings(**protected).check_exposure()


def test_insecure_backend_starts_on_a_non_loopback_address() -> None:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "serve", "pdftext", "--host", "0.0.0.0", "--port", str(port)],
        cwd=REPO, env={**os.environ, "OCRMESH_INSECURE": "1"}, stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        from ocrmesh_client import OcrClient

        with OcrClient(f"127.0.0.1:{port}", api_key="") as client:
            client.wait_for_serving(timeout=PATIENCE)
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=PATIENCE)
    assert b"server_insecure" in err  # said loudly


async def test_router_reaches_a_backend_over_mutual_tls_with_its_key(keys: Keys, tmp_path: Path) -> None:
    certs = init_certs(tmp_path / "certs", ["gpu-pc.lan"])  # loopback names are added by certs init
    server_tls = {"tls_cert": certs["server_cert"], "tls_key": certs["server_key"], "tls_client_ca": certs["ca_cert"]}
    client_tls = {"ca": certs["ca_cert"], "cert": certs["client_cert"], "key": certs["client_key"]}
    router_key = tmp_path / "router.key"
    write_local_key(router_key, keys.secrets["router"])
    async with running_backend("pdftext", keys_file=keys.file, **server_tls) as backend:
        address = f"127.0.0.1:{backend.port}"
        async with AsyncOcrClient(address, api_key=keys.secrets["router"], tls=TlsFiles(ca=certs["ca_cert"])) as client:
            with pytest.raises(grpc.aio.AioRpcError) as no_certificate:  # a key but no client certificate
                await client.health(timeout=5)
            assert no_certificate.value.code() is grpc.StatusCode.UNAVAILABLE
        for name, key_file in (("keyless", None), ("with-key", router_key)):
            endpoint = EndpointConfig(name="pdftext", address=address, api_key_file=key_file, **client_tls)
            router = RouterServer(RouterSettings(port=0, auth=False, benchmarks=False, jobs=False, backends=[endpoint]))
            port = await router.start()
            try:
                await router.wait_for_backends(PATIENCE)  # health is open: the watch sees it serve either way
                async with AsyncOcrClient(f"127.0.0.1:{port}", api_key="") as client:
                    call = client.process(build_request(INVOICE.read_bytes()), timeout=PATIENCE)
                    if key_file is None:
                        assert await _code(call) is not None, name  # the backend refused the router
                    else:
                        outcome = await call
                        assert outcome.document is not None and {p.backend for p in outcome.pages} == {"pdftext"}
            finally:
                await router.stop(0)


async def test_router_sends_a_rotated_key_without_a_restart(keys: Keys, tmp_path: Path) -> None:
    router_key = tmp_path / "router.key"
    write_local_key(router_key, keys.secrets["router"])
    async with running_backend("pdftext", keys_file=keys.file) as backend:
        endpoint = EndpointConfig(name="pdftext", address=f"127.0.0.1:{backend.port}", api_key_file=router_key)
        router = RouterServer(RouterSettings(port=0, auth=False, benchmarks=False, jobs=False, backends=[endpoint]))
        port = await router.start()
        try:
            await router.wait_for_backends(PATIENCE)
            async with AsyncOcrClient(f"127.0.0.1:{port}", api_key="") as client:
                assert (await client.process(build_request(INVOICE.read_bytes()), timeout=PATIENCE)).document
                write_local_key(router_key, await keys.rotate("router"))
                await keys.export(*KEYS)

                async def served() -> bool:
                    return await _code(client.process(build_request(INVOICE.read_bytes()), timeout=PATIENCE)) is None

                assert await eventually(served)
        finally:
            await router.stop(0)


async def test_live_benchmark_reaches_a_guarded_backend_with_the_routers_key(keys: Keys, tmp_path: Path) -> None:
    """The router's benchmark calls backends directly (Status, Load, Process in direct mode): with their key."""
    router_key = tmp_path / "router.key"
    write_local_key(router_key, keys.secrets["router"])
    async with running_backend("pdftext", keys_file=keys.file) as backend:
        endpoint = EndpointConfig(name="pdftext", address=f"127.0.0.1:{backend.port}", api_key_file=router_key)
        router = RouterServer(RouterSettings(port=0, auth=False, benchmarks=True, jobs=False, backends=[endpoint]))
        port = await router.start()
        try:
            await router.wait_for_backends(PATIENCE)
            async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
                stub = BenchmarkServiceStub(channel)
                upload = bpb.BenchmarkUpload(document=pb.Document(content=INVOICE.read_bytes(), filename=INVOICE.name))
                request = bpb.StartRunRequest(
                    uploads=[upload], backends=["pdftext"], routing=bpb.BENCHMARK_ROUTING_DIRECT
                )
                run_id = (await stub.StartRun(request, timeout=PATIENCE)).run.run_id
                _ = [e async for e in stub.WatchRun(bpb.WatchRunRequest(run_id=run_id), timeout=4 * PATIENCE)]
                run = (await stub.GetRun(bpb.GetRunRequest(run_id=run_id), timeout=PATIENCE)).run
        finally:
            await router.stop(0)
    assert run.status == bpb.BENCHMARK_RUN_STATUS_COMPLETED, run.error
    assert run.progress.done == 1 and run.progress.failed == 0


def test_up_backends_accept_only_the_local_admin_key_the_router_sends(tmp_path: Path) -> None:
    """`ocrmesh up`'s backends get a keys file with the local admin key's hash; its router sends that key."""
    import asyncio

    from clients.mesh import Mesh, MeshSettings

    settings = MeshSettings(
        router_port=free_port(), gateway_port=free_port(), backends={"pdftext": free_port()}, metrics=False,
        start_timeout_seconds=4 * PATIENCE,
    )  # fmt: skip
    with Mesh(settings, env={"OCRMESH_JOBS_DATA_DIR": str(tmp_path / "data")}) as mesh:
        assert mesh.local_key is not None and mesh.keys_file is not None
        assert mesh.local_key.key not in mesh.keys_file.read_text()
        backend = next(c.address for c in mesh.components if c.name == "pdftext")
        router = next(c.address for c in mesh.components if c.name == "router")

        async def calls() -> None:
            async with AsyncOcrClient(backend, api_key="") as client:
                assert await _code(client.process(_request(), timeout=PATIENCE)) is grpc.StatusCode.UNAUTHENTICATED
            async with AsyncOcrClient(backend, api_key=mesh.local_key.key) as client:  # type: ignore[union-attr]
                assert (await client.process(_request(), timeout=PATIENCE)).document is not None
            async with AsyncOcrClient(router, api_key=mesh.local_key.key) as client:  # type: ignore[union-attr]
                outcome = await client.process(build_request(INVOICE.read_bytes()), timeout=PATIENCE)
                assert {p.backend for p in outcome.pages} == {"pdftext"}

        asyncio.run(calls())
