"""Jobs belong to the key that submitted them; the claim shares work fairly across owners."""

from __future__ import annotations

from jobs_service.store import PRIORITY_BATCH, JobSpec, JobStore, NewDocument


def _spec(owner: str) -> JobSpec:
    return JobSpec(backend="pdftext", options=b"", allow_fallback=False, priority=PRIORITY_BATCH, owner=owner)


def _docs(owner: str, job: int, count: int) -> list[NewDocument]:
    return [NewDocument(f"{owner}-{job}-{i}".encode(), f"{owner}-{job}-{i}.pdf") for i in range(count)]


async def test_a_key_with_many_jobs_does_not_starve_another_keys_job(store: JobStore) -> None:
    # Alice submits five batch jobs first, Bob one afterwards: round robin across jobs alone would
    # serve all of Alice's jobs before Bob's; across owners Bob's document is the second one taken.
    alice_jobs = {(await store.submit(_spec("alice"), _docs("alice", j, 2)))[0] for j in range(5)}
    bob_job, _ = await store.submit(_spec("bob"), _docs("bob", 0, 2))
    first = await store.claim("w", 30.0)
    second = await store.claim("w", 30.0)
    assert first is not None and second is not None
    assert {first.owner, second.owner} == {"alice", "bob"}
    assert (second.job_id if second.owner == "bob" else first.job_id) == bob_job
    assert (first.job_id if first.owner == "alice" else second.job_id) in alice_jobs


async def test_listing_filters_by_owner_and_cache_is_per_owner(store: JobStore) -> None:
    alice_job, _ = await store.submit(_spec("alice"), _docs("same", 0, 1))
    bob_job, _ = await store.submit(_spec("bob"), _docs("same", 0, 1))  # the same document
    assert [j.job_id for j, _p in await store.list_jobs(10, owner="alice")] == [alice_job]
    assert [j.job_id for j, _p in await store.list_jobs(10, owner="bob")] == [bob_job]
    assert {j.job_id for j, _p in await store.list_jobs(10)} == {alice_job, bob_job}
    snapshot = await store.get_job(alice_job)
    assert snapshot is not None and snapshot.job.owner == "alice"
    # Finish Alice's document; Bob's identical document is not answered from Alice's result.
    claim = await store.claim("w", 30.0)
    assert claim is not None
    other = bob_job if claim.job_id == alice_job else alice_job
    await store.complete(claim, b"")
    later, _ = await store.submit(_spec("carol"), _docs("same", 0, 1))
    carol = await store.get_job(later)
    assert carol is not None and carol.progress.cached == 0
    assert other


async def test_owners_at_their_concurrency_limit_are_skipped(store: JobStore) -> None:
    await store.submit(_spec("alice"), _docs("alice", 0, 3))
    bob_job, _ = await store.submit(_spec("bob"), _docs("bob", 0, 1))
    first = await store.claim("w", 30.0, exclude_owners=["alice"])
    assert first is not None and first.job_id == bob_job
    assert await store.claim("w", 30.0, exclude_owners=["alice", "bob"]) is None
    again = await store.claim("w", 30.0)
    assert again is not None and again.owner == "alice"
