"""Kill the process hosting the jobs runner in the middle of a batch, restart it: nothing lost, nothing done twice.

Everything is a real process: the tesseract backend (`ocrmesh serve`) and the
jobs server (`ocrmesh jobs`), on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from jobs_service.client import JobsClient, submit_request
from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import OcrClient
from tests.conftest import PATIENCE, REPO, free_port
from tests.jobs.helpers import dataset_pdfs, distinct, merged_pdf

Spawn = Callable[[], tuple[subprocess.Popen[bytes], str]]


@pytest.fixture
def jobs_process(make_settings: Any, tmp_path: Path) -> Iterator[Callable[[str], Spawn]]:
    procs: list[subprocess.Popen[bytes]] = []

    def factory(upstream: str) -> Spawn:
        settings = make_settings()

        def spawn() -> tuple[subprocess.Popen[bytes], str]:
            port = free_port()
            args = [sys.executable, "-m", "clients.cli", "jobs", "--upstream", upstream, "--port", str(port),
                    "--data-dir", str(settings.data_dir), "--no-auth"]  # fmt: skip
            if settings.database_url:
                args += ["--database-url", settings.database_url]
            env = {
                **os.environ,
                "OCRMESH_JOBS_LEASE_SECONDS": "2",
                "OCRMESH_JOBS_MAX_IN_FLIGHT": "1",
                "OCRMESH_JOBS_POLL_SECONDS": "0.1",
                "OCRMESH_JOBS_GRACE_SECONDS": "0",  # SIGTERM: release in-flight documents at once
            }
            log = open(tmp_path / f"jobs-{len(procs)}.log", "wb")  # noqa: SIM115 - closed with the process
            proc = subprocess.Popen(args, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=log)
            log.close()
            procs.append(proc)
            target = f"127.0.0.1:{port}"
            with OcrClient(target) as health:
                health.wait_for_serving(timeout=PATIENCE)
            return proc, target

        return spawn

    yield factory
    for proc in procs:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def wait_for(
    client: JobsClient, job_id: str, predicate: Callable[[jpb.Job], bool], timeout: float = 2 * PATIENCE
) -> jpb.Job:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(job_id)
        if predicate(job):
            return job
        time.sleep(0.05)
    raise TimeoutError(f"job {job_id} did not get there: {client.get(job_id)}")


def test_kill_and_restart_in_the_middle_of_a_batch(backend_process: Any, jobs_process: Any) -> None:
    _backend, upstream = backend_process("tesseract", "--workers", "1")
    spawn = jobs_process(upstream)
    files = dataset_pdfs()
    long_doc = merged_pdf(files[:4], tag="long")  # 10 pages
    docs = [("contract.pdf", long_doc)] + [(f"short-{k}.pdf", distinct(files[k].read_bytes(), k)) for k in (4, 5, 6)]
    options = pb.ProcessOptions(dpi=100, extract_fields=True)

    proc, target = spawn()
    with JobsClient(target) as client:
        job = client.submit(submit_request(docs, backend="tesseract", options=options, idempotency_key="restart")).job
    # 1. crash (SIGKILL) while the long document is half done
    with JobsClient(target) as client:
        at_kill = wait_for(client, job.job_id, lambda j: j.documents[0].pages_done >= 2)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    pages_before_crash = at_kill.documents[0].pages_done

    # 2. restart; when it has resumed, stop it gracefully (SIGTERM releases the document at once)
    proc, target = spawn()
    with JobsClient(target) as client:
        again = client.submit(submit_request(docs, backend="tesseract", options=options, idempotency_key="restart"))
        assert not again.created and again.job.job_id == job.job_id  # the client's retry finds the same job
        resumed = wait_for(client, job.job_id, lambda j: j.documents[0].pages_done >= pages_before_crash + 2)
    assert resumed.documents[0].page_count == 10
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=PATIENCE) == 0

    # 3. restart again; the job completes
    proc, target = spawn()
    with JobsClient(target) as client:
        final_states = (jpb.JOB_STATUS_COMPLETED, jpb.JOB_STATUS_FAILED)
        wait_for(client, job.job_id, lambda j: j.status in final_states, 4 * PATIENCE)
        final = client.get(job.job_id, include_results=True, include_pages=True)
    with OcrClient(upstream) as backend:
        status = backend.status().status

    assert final.status == jpb.JOB_STATUS_COMPLETED and final.progress.failed == 0
    for doc in final.documents:
        assert [p.page_number for p in doc.pages] == list(range(1, doc.page_count + 1)), doc.filename
        assert doc.result.metadata.pages_processed == doc.page_count
    contract = final.documents[0]
    assert contract.attempts >= 2
    assert contract.result.text.count("\f") == 9  # assembled from all ten stored pages
    assert any("resumed after an interruption" in w for w in contract.result.warnings)
    assert all(d.attempts == 1 for d in final.documents[1:])
    # Each document was answered by the backend exactly once (the interrupted calls ended CANCELLED) ...
    assert status.documents_served == len(docs)
    # ... and the stored pages were not asked for again (at most the page in flight at each stop is redone).
    total_pages = sum(d.page_count for d in final.documents)
    assert total_pages <= status.pages_served <= total_pages + 2 * 2
