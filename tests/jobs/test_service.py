"""JobsService end to end, in process, on both stores, against real backend servers on loopback."""

from __future__ import annotations

import asyncio
from typing import Any

import grpc
import pytest

from jobs_service.client import AsyncJobsClient, submit_request
from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import ocr_pb2 as pb
from tests.conftest import PATIENCE, eventually
from tests.jobs.helpers import DATASET, distinct, distinct_documents

EINFACH = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"


async def served(server: Any) -> int:
    return (await server.client.status()).status.documents_served


async def test_submit_returns_at_once_and_watch_streams_every_page(
    make_settings: Any, start_jobs: Any, pdftext_server: Any
) -> None:
    jobs = await start_jobs(make_settings(upstream=pdftext_server.target))
    docs = distinct_documents(3)
    async with AsyncJobsClient(jobs.target) as client:
        response = await client.submit(submit_request(docs, backend="pdftext"))
        job = response.job
        assert response.created and job.progress.total == 3
        # Submit answers before the work is done (the pages follow on the watch below); its speed: bench_jobs.
        assert job.status in (jpb.JOB_STATUS_QUEUED, jpb.JOB_STATUS_PROCESSING)
        pages: dict[int, list[int]] = {}
        kinds = []
        final = None
        async with asyncio.timeout(120):
            async for event in client.watch(job.job_id, include_pages=True):
                kind = event.WhichOneof("event")
                kinds.append(kind)
                if kind == "page":
                    assert event.page.page.page_number == event.page.page_number and event.page.page.text
                    pages.setdefault(event.page.document_index, []).append(event.page.page_number)
                elif kind == "snapshot":
                    final = event.snapshot
        assert kinds[0] == "snapshot" and kinds[-1] == "snapshot"
        assert final is not None and final.status == jpb.JOB_STATUS_COMPLETED
        full = await client.get(job.job_id, include_results=True)
    assert full.progress.processed == 3 and full.progress.failed == 0
    for doc in full.documents:
        assert pages[doc.index] == list(range(1, doc.page_count + 1))  # every page once, in order
        assert doc.result.document_id == doc.document_id and doc.result.text
    einfach = full.documents[0]
    assert {f.name: f.value for f in einfach.result.fields.fields}["rechnungsnummer"]
    assert full.finished_at.seconds and full.expires_at.seconds > full.finished_at.seconds


async def test_hundred_distinct_documents_complete_through_pdftext(
    make_settings: Any, start_jobs: Any, pdftext_server: Any
) -> None:
    jobs = await start_jobs(make_settings(upstream=pdftext_server.target, max_in_flight=4))
    docs = distinct_documents(100)
    before = await served(pdftext_server)
    async with AsyncJobsClient(jobs.target) as client:
        response = await client.submit(submit_request(docs, backend="pdftext", idempotency_key="hundred"))
        final = await client.wait(response.job.job_id, timeout=600)  # throughput: benchmarks/bench_jobs.py
        full = await client.get(response.job.job_id)
    assert final.status == jpb.JOB_STATUS_COMPLETED
    assert final.progress.completed == 100 and final.progress.failed == 0 and final.progress.cached == 0
    assert final.progress.pages_done == sum(d.page_count for d in full.documents) > 200
    assert all(d.attempts == 1 for d in full.documents)
    assert await served(pdftext_server) - before == 100  # each document sent upstream exactly once


async def test_result_cache_answers_a_repeat_instantly(make_settings: Any, start_jobs: Any, pdftext_server: Any) -> None:
    jobs = await start_jobs(make_settings(upstream=pdftext_server.target))
    doc = [("einfach.pdf", distinct(EINFACH.read_bytes(), 4711))]
    async with AsyncJobsClient(jobs.target) as client:
        first = await client.submit(submit_request(doc, backend="pdftext"))
        await client.wait(first.job.job_id)
        before = await served(pdftext_server)
        again = await client.submit(submit_request(doc, backend="pdftext"))
        full = await client.get(again.job.job_id, include_results=True, include_pages=True)
        after = await served(pdftext_server)  # before the next submission, which does reach the upstream
        other_backend = await client.submit(submit_request(doc, backend="tesseract"))
        assert other_backend.job.progress.cached == 0  # another backend preference is another result
        await client.cancel(other_backend.job.job_id)
    # Answered from the cache: completed in the Submit answer itself, nothing sent upstream.
    assert again.created and again.job.status == jpb.JOB_STATUS_COMPLETED and again.job.progress.cached == 1
    assert after == before
    cached = full.documents[0]
    assert cached.cached and cached.result.text and len(cached.pages) == cached.page_count == 2


async def test_same_idempotency_key_twice_creates_one_job(
    make_settings: Any, start_jobs: Any, pdftext_server: Any
) -> None:
    jobs = await start_jobs(make_settings(upstream=pdftext_server.target))
    docs = distinct_documents(2)
    async with AsyncJobsClient(jobs.target) as client:
        a = await client.submit(submit_request(docs, idempotency_key="agency-2025-01"))
        b = await client.submit(submit_request(docs, idempotency_key="agency-2025-01"))
        assert a.created and not b.created and a.job.job_id == b.job.job_id
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await client.submit(submit_request(distinct_documents(3), idempotency_key="agency-2025-01"))
        assert err.value.code() == grpc.StatusCode.ALREADY_EXISTS
        listed = await client.list()
        assert [j.job_id for j in listed.jobs] == [a.job.job_id]
        await client.wait(a.job.job_id)


async def test_cancel_stops_work(make_settings: Any, start_jobs: Any, tesseract_server: Any) -> None:
    jobs = await start_jobs(make_settings(upstream=tesseract_server.target, max_in_flight=1))
    docs = distinct_documents(6)
    before = await served(tesseract_server)
    async with AsyncJobsClient(jobs.target) as client:
        options = pb.ProcessOptions(dpi=100, first_page=1, last_page=1, extract_fields=False)
        job = (await client.submit(submit_request(docs, backend="tesseract", options=options))).job
        async with asyncio.timeout(120):
            async for event in client.watch(job.job_id):
                if event.progress.pages_done >= 1:
                    break
        cancelled = await client.cancel(job.job_id)
        assert cancelled.status == jpb.JOB_STATUS_CANCELLED
        claimed = jobs.host.runner.claimed
        assert await eventually(lambda: jobs.host.runner.in_flight == 0), (
            "the in-flight document was not stopped"
        )
        full = await client.get(job.job_id)
        final_events = [e async for e in client.watch(job.job_id)]
        served_after_cancel = await served(tesseract_server)
        # The runner goes on claiming work: a later job's document is the only claim after the cancel.
        later = distinct_documents(7)[6:]
        follow_up = (await client.submit(submit_request(later, backend="tesseract", options=options))).job
        assert (await client.wait(follow_up.job_id, timeout=PATIENCE)).status == jpb.JOB_STATUS_COMPLETED
        assert jobs.host.runner.claimed == claimed + 1
    statuses = [d.status for d in full.documents]
    assert statuses.count(jpb.DOCUMENT_STATUS_CANCELLED) >= 4
    assert all(d.error.code == "CANCELLED" for d in full.documents if d.status == jpb.DOCUMENT_STATUS_CANCELLED)
    assert served_after_cancel - before <= 2
    assert len(final_events) == 1 and final_events[0].status == jpb.JOB_STATUS_CANCELLED  # a final job's watch ends


async def test_bad_requests_and_bad_documents(make_settings: Any, start_jobs: Any, pdftext_server: Any) -> None:
    jobs = await start_jobs(make_settings(upstream=pdftext_server.target))
    async with AsyncJobsClient(jobs.target) as client:
        for request in (
            jpb.SubmitBatchRequest(),
            submit_request([("empty.pdf", b"")]),
            submit_request([("a.pdf", b"%PDF")], options=pb.ProcessOptions(first_page=3, last_page=2)),
        ):
            with pytest.raises(grpc.aio.AioRpcError) as err:
                await client.submit(request)
            assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
        with pytest.raises(grpc.aio.AioRpcError) as err:
            await client.get("no-such-job")
        assert err.value.code() == grpc.StatusCode.NOT_FOUND
        job = (await client.submit(submit_request([("garbage.pdf", b"this is not a document")]))).job
        assert job.priority == jpb.JOB_PRIORITY_INTERACTIVE  # a single document
        final = await client.wait(job.job_id)
        full = await client.get(job.job_id)
    assert final.status == jpb.JOB_STATUS_FAILED
    assert full.documents[0].error.code == "INVALID_ARGUMENT" and full.documents[0].attempts == 1


async def test_interactive_document_overtakes_a_running_batch(
    make_settings: Any, start_jobs: Any, pdftext_server: Any
) -> None:
    jobs = await start_jobs(make_settings(upstream=pdftext_server.target, max_in_flight=1))
    async with AsyncJobsClient(jobs.target) as client:
        batch = (await client.submit(submit_request(distinct_documents(30), backend="pdftext"))).job
        single = (await client.submit(submit_request([("now.pdf", distinct(EINFACH.read_bytes(), 99))]))).job
        done_single = await client.wait(single.job_id)
        progress_of_batch = (await client.get(batch.job_id)).progress
        await client.wait(batch.job_id, timeout=120)
    assert done_single.status == jpb.JOB_STATUS_COMPLETED
    assert progress_of_batch.processed < 30, "the interactive document waited for the whole batch"
