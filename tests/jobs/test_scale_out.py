"""Two runners (two replicas) on one PostgreSQL share the queue without ever taking the same document."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from jobs_service.client import AsyncJobsClient, submit_request
from jobs_service.runner import JobRunner
from jobs_service.store import create_store
from ocrmesh.v1 import jobs_pb2 as jpb
from tests.jobs.helpers import distinct_documents


@pytest.mark.parametrize("store_kind", ["postgres"])
async def test_two_runners_on_one_postgres_never_claim_the_same_document(
    store_kind: str, make_settings: Any, start_jobs: Any, pdftext_server: Any
) -> None:
    settings = make_settings(upstream=pdftext_server.target, max_in_flight=3)
    jobs = await start_jobs(settings)  # replica 1: API + runner
    second_store = create_store(settings)  # replica 2: another runner with its own connections
    await second_store.open()
    second = JobRunner(second_store, settings, pdftext_server.target, worker_id="replica-2")
    await second.start()
    before = (await pdftext_server.client.status()).status.documents_served
    try:
        async with AsyncJobsClient(jobs.target) as client:
            a = (await client.submit(submit_request(distinct_documents(30), backend="pdftext"))).job
            b = (await client.submit(submit_request(distinct_documents(60)[30:], backend="pdftext"))).job
            finals = await asyncio.gather(client.wait(a.job_id, 120), client.wait(b.job_id, 120))
            full = [await client.get(j.job_id) for j in (a, b)]
    finally:
        await second.stop(grace=2)
        await second_store.close()
    assert [f.status for f in finals] == [jpb.JOB_STATUS_COMPLETED] * 2
    assert all(d.attempts == 1 for job in full for d in job.documents)
    first = jobs.host.runner
    assert first.claimed > 0 and second.claimed > 0, (first.claimed, second.claimed)
    assert first.claimed + second.claimed == 60
    served = (await pdftext_server.client.status()).status.documents_served - before
    assert served == 60
