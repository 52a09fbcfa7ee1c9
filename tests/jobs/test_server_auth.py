"""The standalone jobs server checks API keys with the router's interceptor; its runner sends a key upstream.

Real jobs servers on loopback over both stores, keys in their own database,
an upstream backend that itself checks keys (`--keys-file`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc

from jobs_service.client import AsyncJobsClient, submit_request
from jobs_service.settings import JobsSettings
from jobs_service.store import create_store
from jobs_service.store.keys import KeyStore
from ocrmesh.v1 import jobs_pb2 as jpb
from services.auth.keys_file import write_keys_file
from tests.conftest import PATIENCE, running_backend
from tests.jobs.helpers import distinct_documents


async def _keys(settings: JobsSettings, *specs: tuple[str, str]) -> tuple[dict[str, str], Any]:
    """Make keys in the jobs server's own database; their secrets and the keys-file entries."""
    store = create_store(settings)
    await store.open()
    try:
        keys = KeyStore(store.db)  # type: ignore[attr-defined]
        made = {name: (await keys.create(name, scopes))[1] for name, scopes in specs}
        return made, await keys.export([name for name, _ in specs])
    finally:
        await store.close()


async def _code(call: Any) -> grpc.StatusCode | None:
    try:
        await call
    except grpc.aio.AioRpcError as exc:
        return exc.code()
    return None


async def test_jobs_server_needs_a_key_with_the_batch_scope(
    make_settings: Any, start_jobs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(auth=True)
    made, entries = await _keys(settings, ("batcher", "batch"), ("worker", "process"), ("upstream", "process"))
    keys_file = tmp_path / "backend-keys.json"
    write_keys_file(keys_file, [e for e in entries if e.name == "upstream"])
    # The runner calls its upstream (here a backend that checks keys) with OCRMESH_API_KEY.
    monkeypatch.setenv("OCRMESH_API_KEY", made["upstream"])
    async with running_backend("pdftext", keys_file=keys_file) as upstream:
        jobs = await start_jobs(make_settings(auth=True, upstream=f"127.0.0.1:{upstream.port}"))
        request = submit_request(distinct_documents(2), backend="pdftext")
        for key, code in (("", grpc.StatusCode.UNAUTHENTICATED), ("ocm_unknown", grpc.StatusCode.UNAUTHENTICATED),
                          (made["worker"], grpc.StatusCode.PERMISSION_DENIED)):  # fmt: skip
            async with AsyncJobsClient(jobs.target, api_key=key) as client:
                assert await _code(client.submit(request)) is code
                assert await _code(client.list()) is code
        async with grpc.aio.insecure_channel(jobs.target) as channel:  # health is open
            answer = await health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=PATIENCE)
            assert answer.status == health_pb2.HealthCheckResponse.SERVING
        async with AsyncJobsClient(jobs.target, api_key=made["batcher"]) as client:
            job = (await client.submit(request)).job
            done = await client.wait(job.job_id, timeout=PATIENCE * 2)
            assert done.status == jpb.JOB_STATUS_COMPLETED and done.progress.processed == 2 and not done.progress.failed
            assert [j.job_id for j in (await client.list()).jobs] == [job.job_id]  # its own


async def test_runner_without_the_upstreams_key_gets_nothing_done(
    make_settings: Any, start_jobs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = make_settings(auth=True)
    made, entries = await _keys(settings, ("batcher", "batch"), ("upstream", "process"))
    keys_file = tmp_path / "backend-keys.json"
    write_keys_file(keys_file, [e for e in entries if e.name == "upstream"])
    monkeypatch.delenv("OCRMESH_API_KEY", raising=False)  # and no local admin key in the test's data dir
    async with running_backend("pdftext", keys_file=keys_file) as upstream:
        jobs = await start_jobs(make_settings(auth=True, upstream=f"127.0.0.1:{upstream.port}", max_attempts=1))
        async with AsyncJobsClient(jobs.target, api_key=made["batcher"]) as client:
            job = (await client.submit(submit_request(distinct_documents(1), backend="pdftext"))).job
            done = await client.wait(job.job_id, timeout=PATIENCE * 2)
    assert done.status == jpb.JOB_STATUS_FAILED and done.progress.failed == 1  # the backend said UNAUTHENTICATED


def test_no_auth_only_on_loopback(tmp_path: Path) -> None:
    JobsSettings(host="127.0.0.1", auth=False, data_dir=tmp_path)
    JobsSettings(host="0.0.0.0", auth=True, data_dir=tmp_path)
    with pytest.raises(ValueError, match="loopback"):
        JobsSettings(host="0.0.0.0", auth=False, data_dir=tmp_path)
