"""The jobs store on SQLite and on a real PostgreSQL: claims, leases, fencing, idempotency, cache, order, retention."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from jobs_service.store import (
    CANCELLED,
    COMPLETED,
    PRIORITY_BATCH,
    PRIORITY_INTERACTIVE,
    PROCESSING,
    QUEUED,
    Claim,
    ClaimLost,
    IdempotencyConflict,
    JobSpec,
    JobStore,
    NewDocument,
    create_store,
)
from ocrmesh.v1 import ocr_pb2 as pb
from tests.conftest import PATIENCE, eventually

# The lease of the worker that dies: long enough that checking it is still live right after the
# claim holds on a saturated machine; the test then waits for it to run out.
LEASE = 5.0


def spec(priority: int = PRIORITY_BATCH, key: str = "", dpi: int = 0) -> JobSpec:
    return JobSpec(
        backend="auto",
        options=pb.ProcessOptions(dpi=dpi).SerializeToString(deterministic=True),
        allow_fallback=False,
        priority=priority,
        idempotency_key=key,
    )


def docs(prefix: str, n: int) -> list[NewDocument]:
    return [NewDocument(f"%PDF-fake {prefix} {i}".encode(), f"{prefix}{i}.pdf", "application/pdf") for i in range(n)]


def page(number: int, count: int) -> bytes:
    return pb.PageResult(page_number=number, page_count=count, text=f"page {number}").SerializeToString()


async def finish(store: JobStore, claim: Any, pages: int = 1) -> None:
    for n in range(claim.last_page + 1, pages + 1):
        await store.add_page(claim, n, pages, page(n, pages), 30)
    await store.complete(claim, pb.DocumentResult(document_id=claim.content_hash, text="done").SerializeToString())


async def test_submit_claim_pages_complete(store: JobStore) -> None:
    job_id, created = await store.submit(spec(), docs("a", 2))
    assert created
    snap = await store.get_job(job_id)
    assert snap is not None and snap.job.status == QUEUED and snap.progress.total == 2
    claim = await store.claim("w", 30)
    assert claim is not None and (claim.job_id, claim.idx, claim.attempts) == (job_id, 0, 1)
    assert await store.read_upload(claim.content_hash) == b"%PDF-fake a 0"
    await finish(store, claim, pages=3)
    snap = await store.get_job(job_id, include_results=True, include_pages=True)
    assert snap is not None and snap.job.status == PROCESSING
    done = snap.documents[0]
    assert done.status == COMPLETED and done.pages_done == 3 and done.page_count == 3 and done.last_page == 3
    assert [pb.PageResult.FromString(b).page_number for b in done.pages] == [1, 2, 3]
    assert pb.DocumentResult.FromString(done.result or b"").text == "done"
    second = await store.claim("w", 30)
    assert second is not None and second.idx == 1
    await finish(store, second)
    snap = await store.get_job(job_id)
    assert snap is not None and snap.job.status == COMPLETED and snap.job.expires_at
    assert snap.progress.processed == 2 and snap.progress.pages_done == 4
    assert await store.claim("w", 30) is None


async def test_expired_lease_is_claimed_again_and_the_old_worker_is_fenced_off(store: JobStore) -> None:
    await store.submit(spec(), docs("lease", 1))
    first = await store.claim("dead", LEASE)
    assert first is not None
    await store.add_page(first, 1, 3, page(1, 3), LEASE)
    assert await store.claim("other", 30) is None  # lease still live
    claims: list[Claim] = []

    async def claimed_again() -> bool:  # the dead worker renews nothing: its lease runs out
        claim = await store.claim("other", 30)
        claims.extend([claim] if claim else [])
        return claim is not None

    assert await eventually(claimed_again, timeout=LEASE + PATIENCE, interval=0.1)
    second = claims[0]
    assert second.idx == first.idx and second.attempts == 2
    assert second.pages_done == 1 and second.last_page == 1  # resume after page 1
    with pytest.raises(ClaimLost):
        await store.add_page(first, 2, 3, page(2, 3), 30)
    with pytest.raises(ClaimLost):
        await store.complete(first, b"")
    assert await store.heartbeat([first, second], 30) == [first]
    await finish(store, second, pages=3)
    stored = await store.load_pages(second.job_id, second.idx)
    assert [(n, attempt) for n, attempt, _ in stored] == [(1, 1), (2, 2), (3, 2)]


async def test_same_idempotency_key_gives_one_job(store: JobStore) -> None:
    a, created_a = await store.submit(spec(key="month-end-2025-01"), docs("i", 3))
    b, created_b = await store.submit(spec(key="month-end-2025-01"), docs("i", 3))
    assert (created_a, created_b) == (True, False) and a == b
    with pytest.raises(IdempotencyConflict):
        await store.submit(spec(key="month-end-2025-01"), docs("other", 3))
    assert len(await store.list_jobs(10)) == 1


async def test_concurrent_submissions_with_one_key_make_one_job(make_settings: Any) -> None:
    stores = [create_store(make_settings()) for _ in range(2)]
    for s in stores:
        await s.open()
    try:
        results = await asyncio.gather(
            *(s.submit(spec(key="race"), docs("r", 2)) for s in stores for _ in range(3))
        )
        assert len({job_id for job_id, _ in results}) == 1
        assert sum(created for _, created in results) == 1
    finally:
        for s in stores:
            await s.close()


async def test_result_cache_answers_a_repeat_at_submission(store: JobStore) -> None:
    job_id, _ = await store.submit(spec(), docs("c", 1))
    claim = await store.claim("w", 30)
    assert claim is not None
    await finish(store, claim, pages=2)
    again, _ = await store.submit(spec(), docs("c", 1))
    snap = await store.get_job(again, include_results=True, include_pages=True)
    assert snap is not None and snap.job.status == COMPLETED
    doc = snap.documents[0]
    assert doc.cached and doc.pages_done == 2 and len(doc.pages) == 2 and doc.result
    assert snap.progress.cached == 1
    other_options, _ = await store.submit(spec(dpi=150), docs("c", 1))
    snap = await store.get_job(other_options)
    assert snap is not None and snap.job.status == QUEUED and not snap.documents[0].cached


async def test_interactive_first_then_round_robin_across_jobs(store: JobStore) -> None:
    a, _ = await store.submit(spec(), docs("a", 3))
    b, _ = await store.submit(spec(), docs("b", 3))
    c, _ = await store.submit(spec(priority=PRIORITY_INTERACTIVE), docs("c", 1))
    order = []
    while (claim := await store.claim("w", 30)) is not None:
        order.append((claim.job_id, claim.idx))
    assert order[0] == (c, 0)
    jobs = [job for job, _ in order[1:]]
    assert jobs == [a, b, a, b, a, b] or jobs == [b, a, b, a, b, a]
    assert [idx for job, idx in order[1:] if job == a] == [0, 1, 2]


async def test_interactive_only_claims_and_backend_exclusion(store: JobStore) -> None:
    await store.submit(spec(), docs("batch", 2))
    assert await store.claim("w", 30, interactive_only=True) is None
    assert await store.claim("w", 30, exclude_backends=["auto"]) is None
    assert await store.claim("w", 30, exclude_backends=["tesseract"]) is not None


async def test_cancel_stops_queued_and_fences_running(store: JobStore) -> None:
    job_id, _ = await store.submit(spec(), docs("x", 3))
    running = await store.claim("w", 30)
    assert running is not None
    assert await store.cancel(job_id)
    with pytest.raises(ClaimLost):
        await store.add_page(running, 1, 1, page(1, 1), 30)
    snap = await store.get_job(job_id)
    assert snap is not None and snap.job.status == CANCELLED
    assert {d.status for d in snap.documents} == {CANCELLED}
    assert all(d.error_code == "CANCELLED" for d in snap.documents)
    assert await store.claim("w", 30) is None
    assert not await store.cancel("no-such-job")


async def test_release_puts_a_document_back_without_counting_an_attempt(store: JobStore) -> None:
    await store.submit(spec(), docs("r", 1))
    claim = await store.claim("w", 30)
    assert claim is not None
    await store.release(claim)
    again = await store.claim("w2", 30)
    assert again is not None and again.attempts == 1


async def test_retention_deletes_expired_jobs_and_their_uploads(make_settings: Any, monkeypatch: Any) -> None:
    import jobs_service.store.postgres as pg_module
    import jobs_service.store.sqlite as sqlite_module

    monkeypatch.setattr(sqlite_module, "SWEEP_MIN_AGE_SECONDS", -1.0)
    monkeypatch.setattr(pg_module, "SWEEP_MIN_AGE_SECONDS", -1.0)
    settings = make_settings(retention_hours=0.0001)  # 0.36 s
    store = create_store(settings)
    await store.open()
    try:
        job_id, _ = await store.submit(spec(), docs("old", 1))
        keep_id, _ = await store.submit(spec(), docs("keep", 1))
        claim = await store.claim("w", 30)
        assert claim is not None and claim.job_id == job_id
        await finish(store, claim)
        await asyncio.sleep(0.5)
        removed = await store.sweep()
        assert removed == {"jobs": 1, "uploads": 1}
        assert await store.get_job(job_id) is None
        assert await store.get_job(keep_id) is not None
        with pytest.raises(FileNotFoundError):
            await store.read_upload(claim.content_hash)
        if store.kind == "sqlite":
            assert not list((settings.data_dir / "tmp").iterdir())
    finally:
        await store.close()


async def test_concurrent_claimers_never_share_a_document(make_settings: Any) -> None:
    stores = [create_store(make_settings()) for _ in range(2)]
    for s in stores:
        await s.open()
    try:
        await stores[0].submit(spec(), docs("many", 40))
        claimed: list[tuple[str, int]] = []

        async def worker(s: JobStore, name: str) -> None:
            while (claim := await s.claim(name, 30)) is not None:
                claimed.append((claim.job_id, claim.idx))

        await asyncio.gather(*(worker(s, f"w{i}-{j}") for i, s in enumerate(stores) for j in range(4)))
        assert len(claimed) == 40 and len(set(claimed)) == 40
    finally:
        for s in stores:
            await s.close()
