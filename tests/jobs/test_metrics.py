"""Jobs metrics on /metrics of the standalone jobs server, on both stores, against real servers on loopback."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from jobs_service.client import AsyncJobsClient, submit_request
from ocrmesh.v1 import jobs_pb2 as jpb
from services.scaffold.ports import free_port
from tests.jobs.helpers import DATASET, distinct
from tests.metrics_text import sample, scrape

EINFACH = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"  # 2 pages


async def wait_for(port: int, ready: Callable[[str], bool], timeout: float = 120.0) -> str:
    async with asyncio.timeout(timeout):
        while not ready(text := await scrape(port)):
            await asyncio.sleep(0.1)
    return text


async def test_done_and_failed_documents_pages_durations_and_states(
    make_settings: Any, start_jobs: Any, pdftext_server: Any
) -> None:
    jobs = await start_jobs(
        make_settings(upstream=pdftext_server.target, metrics_port=-1, metrics_seconds=0.1)
    )
    docs = [("good.pdf", distinct(EINFACH.read_bytes(), 7001)), ("broken.pdf", b"%PDF-1.7 not really a pdf")]
    async with AsyncJobsClient(jobs.target) as client:
        job = (await client.submit(submit_request(docs, backend="pdftext"))).job
        final = await client.wait(job.job_id, timeout=120)
    assert final.status == jpb.JOB_STATUS_COMPLETED and final.progress.failed == 1

    def sampled(text: str) -> bool:
        return sample(text, "ocrmesh_jobs_jobs_in_state", state="completed") == 1

    text = await wait_for(jobs.metrics_port, sampled)
    assert sample(text, "ocrmesh_jobs_documents_total", outcome="completed") == 1
    assert sample(text, "ocrmesh_jobs_documents_total", outcome="failed") == 1
    assert sample(text, "ocrmesh_jobs_pages_total", outcome="done") == 2
    assert sample(text, "ocrmesh_jobs_document_seconds_count", outcome="completed") == 1
    assert sample(text, "ocrmesh_jobs_document_seconds_count", outcome="failed") == 1
    assert sample(text, "ocrmesh_jobs_job_seconds_count", state="completed") == 1
    assert sample(text, "ocrmesh_jobs_documents_in_state", state="completed") == 1
    assert sample(text, "ocrmesh_jobs_documents_in_state", state="failed") == 1
    assert sample(text, "ocrmesh_jobs_queue_depth") == 0
    assert sample(text, "ocrmesh_jobs_oldest_queued_seconds") == 0
    assert sample(text, "ocrmesh_jobs_in_flight") == 0


async def test_waiting_documents_show_in_the_queue_and_a_cancelled_job_ends_its_duration(
    make_settings: Any, start_jobs: Any
) -> None:
    # Nothing listens upstream: every claim is answered UNAVAILABLE and the document goes back to wait.
    unreachable = f"127.0.0.1:{free_port()}"
    jobs = await start_jobs(
        make_settings(upstream=unreachable, metrics_port=-1, metrics_seconds=0.1, retry_backoff_seconds=0.2)
    )
    docs = [(f"doc-{k}.pdf", distinct(EINFACH.read_bytes(), 7100 + k)) for k in range(3)]
    async with AsyncJobsClient(jobs.target) as client:
        job = (await client.submit(submit_request(docs, backend="pdftext"))).job

        def waiting(text: str) -> bool:
            return (
                sample(text, "ocrmesh_jobs_requeued_total", reason="delay") >= 1
                and sample(text, "ocrmesh_jobs_queue_depth") >= 2
                and sample(text, "ocrmesh_jobs_oldest_queued_seconds") > 0
            )

        text = await wait_for(jobs.metrics_port, waiting)
        assert sample(text, "ocrmesh_jobs_documents_total", outcome="failed") == 0
        await client.cancel(job.job_id)

    def cancelled(text: str) -> bool:
        return sample(text, "ocrmesh_jobs_jobs_in_state", state="cancelled") == 1

    text = await wait_for(jobs.metrics_port, cancelled)
    assert sample(text, "ocrmesh_jobs_job_seconds_count", state="cancelled") == 1
    assert sample(text, "ocrmesh_jobs_queue_depth") == 0
    assert sample(text, "ocrmesh_jobs_documents_in_state", state="cancelled") == 3
