"""The jobs store: one interface, the logic once, over two SQL databases.

`JobStore` is what the servicer and the runner use. `SqlJobStore` implements
it once in portable SQL (`?` placeholders, `ON CONFLICT`, `CASE`, `CAST`) over
a small `Database` adapter; `sqlite.py` and `postgres.py` supply the adapter,
the schema types, the row lock of the claim (PostgreSQL: `FOR UPDATE SKIP
LOCKED`) and where uploads live (files by content hash / a table).

Invariants
- A document is in one state: queued -> processing -> completed | failed |
  cancelled; processing -> queued again when released or retried.
- A claim is a token (`claimed_by`) and a lease (`lease_until`). Every write of
  a worker is fenced by its token and `status = 'processing'`: a worker whose
  lease expired and whose document was claimed again, or whose job was
  cancelled, gets `ClaimLost` and stops; its late pages are never stored.
- A page is stored once (primary key job, document, page); a resumed document
  starts after its last stored page.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any, Protocol

from services.scaffold.errors import ConflictError

QUEUED, PROCESSING, COMPLETED, FAILED, CANCELLED = "queued", "processing", "completed", "failed", "cancelled"
OPEN_STATES = (QUEUED, PROCESSING)
FINAL_STATES = (COMPLETED, FAILED, CANCELLED)
PRIORITY_INTERACTIVE, PRIORITY_BATCH = 0, 1


class StoreError(Exception):
    """Base of the store's errors."""


class ClaimLost(StoreError):
    """The claim is no longer ours: lease expired and taken over, or the job was cancelled."""


class IdempotencyConflict(StoreError, ConflictError):
    """The idempotency key names a job with different documents or options (ALREADY_EXISTS)."""


class UniqueViolation(StoreError):
    """A unique constraint fired (raised by the adapters)."""


# ---------------------------------------------------------------- records


@dataclass(frozen=True)
class NewDocument:
    content: bytes
    filename: str = ""
    mime_type: str = ""

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.content).hexdigest()


@dataclass(frozen=True)
class JobSpec:
    """Everything of a submission but the documents."""

    backend: str
    options: bytes  # ProcessOptions, serialised deterministically
    allow_fallback: bool
    priority: int
    idempotency_key: str = ""
    # The key (its id) the job belongs to; '' when authentication is off.
    owner: str = ""


@dataclass
class JobRow:
    job_id: str
    status: str
    priority: int
    backend: str
    options: bytes
    allow_fallback: bool
    idempotency_key: str
    total: int
    created_at: float
    started_at: float | None
    finished_at: float | None
    expires_at: float | None
    owner: str = ""


@dataclass
class DocRow:
    job_id: str
    idx: int
    content_hash: str
    filename: str
    mime_type: str
    size: int
    status: str
    attempts: int
    page_count: int
    pages_done: int
    last_page: int
    cached: bool
    started_at: float | None
    finished_at: float | None
    error_code: str
    error_message: str
    result: bytes | None = None
    pages: list[bytes] = field(default_factory=list)


@dataclass
class Progress:
    total: int = 0
    completed: int = 0
    failed: int = 0
    cancelled: int = 0
    cached: int = 0
    pages_done: int = 0
    pages_total: int = 0
    # Pages done by workers (not copied from the cache), for the rate estimate.
    pages_worked: int = 0
    # Open documents whose page count is known, and their pages left.
    pages_left_known: int = 0
    open_unknown: int = 0
    # Documents whose page count is known.
    known_docs: int = 0

    @property
    def processed(self) -> int:
        return self.completed + self.failed + self.cancelled

    @staticmethod
    def of(docs: Sequence[DocRow]) -> Progress:
        p = Progress(total=len(docs))
        for d in docs:
            p.known_docs += d.page_count > 0
            p.pages_done += d.pages_done
            p.pages_total += max(d.page_count, d.pages_done)
            if not d.cached:
                p.pages_worked += d.pages_done
            if d.status == COMPLETED:
                p.completed += 1
                p.cached += d.cached
            elif d.status == FAILED:
                p.failed += 1
            elif d.status == CANCELLED:
                p.cancelled += 1
            elif d.page_count:
                p.pages_left_known += max(0, d.page_count - d.pages_done)
            else:
                p.open_unknown += 1
        return p


@dataclass
class JobSnapshot:
    job: JobRow
    documents: list[DocRow]
    progress: Progress


@dataclass
class StoreCounts:
    """The whole store at one moment (for metrics): jobs and documents by state."""

    jobs: dict[str, int]
    documents: dict[str, int]
    # Submission time of the job of the oldest queued document; None when nothing is queued.
    oldest_queued_at: float | None


@dataclass
class Claim:
    """A document taken by one worker until its lease ends."""

    token: str
    job_id: str
    idx: int
    content_hash: str
    filename: str
    mime_type: str
    backend: str
    options: bytes
    allow_fallback: bool
    priority: int
    cache_key: str
    attempts: int
    page_count: int
    pages_done: int
    last_page: int
    owner: str = ""


def cache_key_for(content_hash: str, spec: JobSpec) -> str:
    """Same content, backend preference and options give the same result."""
    h = hashlib.sha256()
    # A key's results answer only that key's documents: the cache tells no one what another key processed.
    parts = (content_hash, spec.backend or "auto", "1" if spec.allow_fallback else "0")
    for part in parts + ((f"owner:{spec.owner}",) if spec.owner else ()):
        h.update(part.encode())
        h.update(b"\0")
    h.update(spec.options)
    return h.hexdigest()


def fingerprint_for(spec: JobSpec, hashes: Sequence[str]) -> str:
    h = hashlib.sha256()
    h.update(f"{spec.backend}|{spec.allow_fallback}|{spec.priority}|".encode())
    h.update(spec.options)
    for content_hash in hashes:
        h.update(content_hash.encode())
    return h.hexdigest()


# ---------------------------------------------------------------- interface


def _ignore_finished(_state: str, _seconds: float) -> None:
    pass


class JobStore(ABC):
    """What the servicer and the runner need; SQLite and PostgreSQL implement it."""

    kind: str = ""
    # Told (final state, seconds since submission) when a job ends in this process (metrics). Called
    # inside the finishing transaction: a commit that then fails leaves one stray observation.
    job_finished: Callable[[str, float], None]

    @abstractmethod
    async def open(self) -> None: ...

    @abstractmethod
    async def close(self) -> None: ...

    @abstractmethod
    async def submit(self, spec: JobSpec, documents: Sequence[NewDocument]) -> tuple[str, bool]:
        """Store uploads and queue a job; documents seen before are answered from the cache.
        Returns (job_id, created); created is False when the idempotency key matched."""

    @abstractmethod
    async def get_job(
        self, job_id: str, *, include_results: bool = False, include_pages: bool = False
    ) -> JobSnapshot | None: ...

    @abstractmethod
    async def list_jobs(
        self,
        limit: int,
        *,
        before: tuple[float, str] | None = None,
        statuses: Sequence[str] = (),
        owner: str | None = None,
    ) -> list[tuple[JobRow, Progress]]:
        """Newest first; only `owner`'s jobs unless owner is None."""

    @abstractmethod
    async def cancel(self, job_id: str) -> bool:
        """Cancel a job; False when there is no such job."""

    @abstractmethod
    async def claim(
        self,
        worker: str,
        lease_seconds: float,
        *,
        exclude_backends: Sequence[str] = (),
        interactive_only: bool = False,
        exclude_owners: Sequence[str] = (),
    ) -> Claim | None:
        """Take the next document (interactive first, then round-robin across owners, then across jobs)."""

    @abstractmethod
    async def heartbeat(self, claims: Sequence[Claim], lease_seconds: float) -> list[Claim]:
        """Extend leases; returns the claims that were lost."""

    @abstractmethod
    async def add_page(self, claim: Claim, page_number: int, page_count: int, result: bytes, lease_seconds: float) -> bool:
        """Store one page (fenced); False if it was stored before. Raises ClaimLost."""

    @abstractmethod
    async def load_pages(self, job_id: str, idx: int) -> list[tuple[int, int, bytes]]:
        """(page_number, attempt, PageResult bytes) in page order."""

    @abstractmethod
    async def load_result(self, job_id: str, idx: int) -> bytes | None:
        """The DocumentResult bytes of one document, if stored."""

    @abstractmethod
    async def complete(self, claim: Claim, result: bytes) -> None:
        """Store the document result and release the claim (fenced). Raises ClaimLost."""

    @abstractmethod
    async def complete_from_cache(self, claim: Claim) -> bool:
        """Answer a claimed document from the result cache, if a result for its key exists."""

    @abstractmethod
    async def fail(self, claim: Claim, code: str, message: str) -> None: ...

    @abstractmethod
    async def release(self, claim: Claim, *, delay: float = 0.0, count_attempt: bool = False) -> None:
        """Give a claimed document back to the queue (graceful stop, transient error)."""

    @abstractmethod
    async def read_upload(self, content_hash: str) -> bytes: ...

    @abstractmethod
    async def sweep(self) -> dict[str, int]:
        """Delete expired jobs, orphaned uploads and stale temporary files."""

    @abstractmethod
    async def counts(self) -> StoreCounts:
        """Jobs and documents by state, and the oldest queued document's submission time."""


# ---------------------------------------------------------------- SQL adapter


class Conn(Protocol):
    async def execute(self, sql: str, *args: Any) -> int: ...

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    async def fetch(self, sql: str, *args: Any) -> list[Any]: ...

    async def fetchrow(self, sql: str, *args: Any) -> Any | None: ...


class Database(Protocol):
    def transaction(self) -> AbstractAsyncContextManager[Conn]: ...

    def reader(self) -> AbstractAsyncContextManager[Conn]: ...


DOC_COLUMNS = (
    "job_id, idx, content_hash, filename, mime_type, size, status, attempts, page_count, pages_done, "
    "last_page, cached, started_at, finished_at, error_code, error_message"
)
JOB_COLUMNS = (
    "job_id, status, priority, backend, options, allow_fallback, idempotency_key, total, created_at, "
    "started_at, finished_at, expires_at, owner"
)
CLAIM_COLUMNS = (
    "d.job_id, d.idx, d.content_hash, d.filename, d.mime_type, d.backend, j.options, j.allow_fallback, "
    "d.priority, d.cache_key, d.attempts, d.page_count, d.pages_done, d.last_page, j.owner"
)
FENCE = "job_id = ? AND idx = ? AND claimed_by = ? AND status = 'processing'"


def _job(row: Any) -> JobRow:
    return JobRow(
        job_id=row["job_id"],
        status=row["status"],
        priority=row["priority"],
        backend=row["backend"],
        options=bytes(row["options"]),
        allow_fallback=bool(row["allow_fallback"]),
        idempotency_key=row["idempotency_key"] or "",
        total=row["total"],
        created_at=row["created_at"],
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        expires_at=row["expires_at"],
        owner=row["owner"] or "",
    )


def _doc(row: Any, with_result: bool) -> DocRow:
    result = row["result"] if with_result else None
    return DocRow(
        job_id=row["job_id"],
        idx=row["idx"],
        content_hash=row["content_hash"],
        filename=row["filename"],
        mime_type=row["mime_type"],
        size=row["size"],
        status=row["status"],
        attempts=row["attempts"],
        page_count=row["page_count"],
        pages_done=row["pages_done"],
        last_page=row["last_page"],
        cached=bool(row["cached"]),
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        error_code=row["error_code"] or "",
        error_message=row["error_message"] or "",
        result=bytes(result) if result is not None else None,
    )


def _claim(row: Any, token: str) -> Claim:
    return Claim(
        token=token,
        job_id=row["job_id"],
        idx=row["idx"],
        content_hash=row["content_hash"],
        filename=row["filename"],
        mime_type=row["mime_type"],
        backend=row["backend"],
        options=bytes(row["options"]),
        allow_fallback=bool(row["allow_fallback"]),
        priority=row["priority"],
        cache_key=row["cache_key"],
        attempts=row["attempts"],
        page_count=row["page_count"],
        pages_done=row["pages_done"],
        last_page=row["last_page"],
        owner=row["owner"] or "",
    )


class SqlJobStore(JobStore):
    """The store's logic in portable SQL; subclasses provide the database and the uploads."""

    # Appended to the claim's SELECT (PostgreSQL: "FOR UPDATE OF d SKIP LOCKED").
    claim_lock: str = ""
    # Appended to a SELECT of one row to lock it (PostgreSQL: " FOR UPDATE"; SQLite's writer is exclusive).
    # Lock order everywhere: document rows, then the job row.
    row_lock: str = ""

    def __init__(self, *, retention_seconds: float) -> None:
        self.retention_seconds = retention_seconds
        self.db: Database
        self.job_finished = _ignore_finished

    @staticmethod
    def now() -> float:
        return time.time()

    # ------------------------------------------------------------ uploads (per implementation)

    @abstractmethod
    async def _store_uploads(self, conn: Conn, documents: Sequence[NewDocument], hashes: Sequence[str]) -> None:
        """Make the uploads durable before the job that names them is committed."""

    @abstractmethod
    async def _delete_orphan_uploads(self) -> int: ...

    async def _prepare_uploads(self, documents: Sequence[NewDocument]) -> list[str]:
        """Hash (and, for files, write) the uploads outside the transaction."""
        return [d.content_hash for d in documents]

    # ------------------------------------------------------------ submit

    async def submit(self, spec: JobSpec, documents: Sequence[NewDocument]) -> tuple[str, bool]:
        if spec.idempotency_key:
            existing = await self._by_idempotency_key(spec.idempotency_key)
            if existing is not None:
                return self._idempotent(existing, spec, documents)
        hashes = await self._prepare_uploads(documents)
        fingerprint = fingerprint_for(spec, hashes)
        job_id = uuid.uuid4().hex
        now = self.now()
        try:
            async with self.db.transaction() as tx:
                await self._store_uploads(tx, documents, hashes)
                await tx.execute(
                    "INSERT INTO jobs (job_id, idempotency_key, fingerprint, status, priority, backend, "
                    "allow_fallback, options, total, created_at, last_claim_at, owner) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    job_id, spec.idempotency_key or None, fingerprint, QUEUED, spec.priority, spec.backend,
                    int(spec.allow_fallback), spec.options, len(documents), now, 0.0, spec.owner,
                )  # fmt: skip
                rows = []
                for idx, (doc, content_hash) in enumerate(zip(documents, hashes, strict=True)):
                    key = cache_key_for(content_hash, spec)
                    rows.append(
                        (job_id, idx, content_hash, doc.filename, doc.mime_type, len(doc.content), key,
                         spec.priority, spec.backend or "auto", QUEUED)
                    )  # fmt: skip
                await tx.executemany(
                    "INSERT INTO job_docs (job_id, idx, content_hash, filename, mime_type, size, cache_key, "
                    "priority, backend, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                cached = 0
                for row in rows:
                    cached += await self._answer_from_cache(tx, job_id, row[1], row[6], now)
                if cached:
                    await tx.execute(
                        "UPDATE jobs SET started_at = ? WHERE job_id = ?", now, job_id
                    )
                    await self._finish_if_done(tx, job_id, now)
        except UniqueViolation:
            existing = await self._by_idempotency_key(spec.idempotency_key)
            if existing is None:
                raise
            return self._idempotent(existing, spec, documents)
        return job_id, True

    async def _by_idempotency_key(self, key: str) -> tuple[str, str] | None:
        async with self.db.reader() as conn:
            row = await conn.fetchrow("SELECT job_id, fingerprint FROM jobs WHERE idempotency_key = ?", key)
        return (row["job_id"], row["fingerprint"]) if row is not None else None

    @staticmethod
    def _idempotent(existing: tuple[str, str], spec: JobSpec, documents: Sequence[NewDocument]) -> tuple[str, bool]:
        job_id, fingerprint = existing
        if fingerprint != fingerprint_for(spec, [d.content_hash for d in documents]):
            raise IdempotencyConflict(
                f"idempotency key {spec.idempotency_key!r} was used for job {job_id} with other documents or options"
            )
        return job_id, False

    async def _answer_from_cache(self, tx: Conn, job_id: str, idx: int, cache_key: str, now: float) -> int:
        """Copy a cached document result and its pages into (job_id, idx); 1 on a hit."""
        hit = await tx.fetchrow(
            "SELECT d.job_id, d.idx, d.result, d.page_count, d.pages_done, d.last_page FROM result_cache c "
            "JOIN job_docs d ON d.job_id = c.job_id AND d.idx = c.idx "
            "WHERE c.cache_key = ? AND d.status = 'completed'",
            cache_key,
        )
        if hit is None or (hit["job_id"] == job_id and hit["idx"] == idx):
            return 0
        await tx.execute(
            "INSERT INTO job_pages (job_id, idx, page_number, attempt, created_at, result) "
            "SELECT CAST(? AS TEXT), CAST(? AS INTEGER), page_number, 0, CAST(? AS DOUBLE PRECISION), result "
            "FROM job_pages WHERE job_id = ? AND idx = ? ON CONFLICT DO NOTHING",
            job_id, idx, now, hit["job_id"], hit["idx"],
        )  # fmt: skip
        await tx.execute(
            "UPDATE job_docs SET status = 'completed', cached = 1, result = ?, page_count = ?, pages_done = ?, "
            "last_page = ?, started_at = ?, finished_at = ?, claimed_by = NULL, lease_until = 0 "
            "WHERE job_id = ? AND idx = ?",
            hit["result"], hit["page_count"], hit["pages_done"], hit["last_page"], now, now, job_id, idx,
        )  # fmt: skip
        return 1

    async def _finish_if_done(self, tx: Conn, job_id: str, now: float) -> None:
        # Lock the job row first: concurrent finishers then count one after the other, and the
        # last one sees every other's committed state (under READ COMMITTED no one would otherwise).
        job = await tx.fetchrow(f"SELECT created_at FROM jobs WHERE job_id = ?{self.row_lock}", job_id)
        row = await tx.fetchrow(
            "SELECT COUNT(*) AS total, "
            "SUM(CASE WHEN status IN ('queued', 'processing') THEN 1 ELSE 0 END) AS open, "
            "SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END) AS failed "
            "FROM job_docs WHERE job_id = ?",
            job_id,
        )
        if row is None or row["open"]:
            return
        status = FAILED if row["total"] and row["failed"] == row["total"] else COMPLETED
        finished = await tx.execute(
            "UPDATE jobs SET status = ?, finished_at = ?, expires_at = ? "
            "WHERE job_id = ? AND status IN ('queued', 'processing')",
            status, now, now + self.retention_seconds, job_id,
        )  # fmt: skip
        if finished and job is not None:
            self.job_finished(status, now - job["created_at"])

    # ------------------------------------------------------------ reading

    async def get_job(
        self, job_id: str, *, include_results: bool = False, include_pages: bool = False
    ) -> JobSnapshot | None:
        result_column = "result" if include_results else "NULL AS result"
        async with self.db.reader() as conn:
            row = await conn.fetchrow(f"SELECT {JOB_COLUMNS} FROM jobs WHERE job_id = ?", job_id)
            if row is None:
                return None
            docs = [
                _doc(r, include_results)
                for r in await conn.fetch(
                    f"SELECT {DOC_COLUMNS}, {result_column} FROM job_docs WHERE job_id = ? ORDER BY idx", job_id
                )
            ]
            if include_pages:
                by_idx = {d.idx: d for d in docs}
                for r in await conn.fetch(
                    "SELECT idx, result FROM job_pages WHERE job_id = ? ORDER BY idx, page_number", job_id
                ):
                    by_idx[r["idx"]].pages.append(bytes(r["result"]))
        return JobSnapshot(job=_job(row), documents=docs, progress=Progress.of(docs))

    async def list_jobs(
        self,
        limit: int,
        *,
        before: tuple[float, str] | None = None,
        statuses: Sequence[str] = (),
        owner: str | None = None,
    ) -> list[tuple[JobRow, Progress]]:
        where: list[str] = []
        args: list[Any] = []
        if owner is not None:
            where.append("owner = ?")
            args.append(owner)
        if before is not None:
            where.append("(created_at < ? OR (created_at = ? AND job_id < ?))")
            args += [before[0], before[0], before[1]]
        if statuses:
            where.append(f"status IN ({', '.join('?' for _ in statuses)})")
            args += list(statuses)
        sql = f"SELECT {JOB_COLUMNS} FROM jobs"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at DESC, job_id DESC LIMIT ?"
        async with self.db.reader() as conn:
            jobs = [_job(r) for r in await conn.fetch(sql, *args, limit)]
            progress: dict[str, list[DocRow]] = {j.job_id: [] for j in jobs}
            if jobs:
                marks = ", ".join("?" for _ in jobs)
                for r in await conn.fetch(
                    f"SELECT {DOC_COLUMNS} FROM job_docs WHERE job_id IN ({marks})", *[j.job_id for j in jobs]
                ):
                    progress[r["job_id"]].append(_doc(r, False))
        return [(j, Progress.of(progress[j.job_id])) for j in jobs]

    async def load_pages(self, job_id: str, idx: int) -> list[tuple[int, int, bytes]]:
        async with self.db.reader() as conn:
            rows = await conn.fetch(
                "SELECT page_number, attempt, result FROM job_pages WHERE job_id = ? AND idx = ? ORDER BY page_number",
                job_id, idx,
            )  # fmt: skip
        return [(r["page_number"], r["attempt"], bytes(r["result"])) for r in rows]

    async def load_result(self, job_id: str, idx: int) -> bytes | None:
        async with self.db.reader() as conn:
            row = await conn.fetchrow("SELECT result FROM job_docs WHERE job_id = ? AND idx = ?", job_id, idx)
        return bytes(row["result"]) if row is not None and row["result"] is not None else None

    # ------------------------------------------------------------ cancel

    async def cancel(self, job_id: str) -> bool:
        now = self.now()
        async with self.db.transaction() as tx:
            row = await tx.fetchrow("SELECT status, created_at FROM jobs WHERE job_id = ?", job_id)
            if row is None:
                return False
            if row["status"] in OPEN_STATES:
                await tx.execute(
                    "UPDATE job_docs SET status = 'cancelled', claimed_by = NULL, lease_until = 0, finished_at = ?, "
                    "error_code = 'CANCELLED', error_message = 'the job was cancelled' "
                    "WHERE job_id = ? AND status IN ('queued', 'processing')",
                    now, job_id,
                )  # fmt: skip
                if await tx.execute(
                    "UPDATE jobs SET status = 'cancelled', finished_at = ?, expires_at = ? "
                    "WHERE job_id = ? AND status IN ('queued', 'processing')",
                    now, now + self.retention_seconds, job_id,
                ):  # fmt: skip
                    self.job_finished(CANCELLED, now - row["created_at"])
        return True

    # ------------------------------------------------------------ the worker's side

    async def claim(
        self,
        worker: str,
        lease_seconds: float,
        *,
        exclude_backends: Sequence[str] = (),
        interactive_only: bool = False,
        exclude_owners: Sequence[str] = (),
    ) -> Claim | None:
        now = self.now()
        where = ["((d.status = 'queued' AND d.not_before <= ?) OR (d.status = 'processing' AND d.lease_until < ?))"]
        args: list[Any] = [now, now]
        if interactive_only:
            where.append("d.priority = ?")
            args.append(PRIORITY_INTERACTIVE)
        if exclude_backends:
            where.append(f"d.backend NOT IN ({', '.join('?' for _ in exclude_backends)})")
            args += list(exclude_backends)
        if exclude_owners:  # keys at their concurrency limit
            where.append(f"j.owner NOT IN ({', '.join('?' for _ in exclude_owners)})")
            args += list(exclude_owners)
        sql = (
            "SELECT d.job_id, d.idx FROM job_docs d JOIN jobs j ON j.job_id = d.job_id WHERE "
            + " AND ".join(where)
            # Fair share: within a priority, the owner served longest ago first, then that owner's job
            # served longest ago (one key's 500 documents never starve another key's one).
            + " ORDER BY d.priority, (SELECT MAX(o.last_claim_at) FROM jobs o WHERE o.owner = j.owner), "
            + "j.last_claim_at, j.created_at, d.idx LIMIT 1 "
            + self.claim_lock
        )
        token = f"{worker}:{uuid.uuid4().hex[:12]}"
        async with self.db.transaction() as tx:
            picked = await tx.fetchrow(sql, *args)
            if picked is None:
                return None
            job_id, idx = picked["job_id"], picked["idx"]
            await tx.execute(
                "UPDATE job_docs SET status = 'processing', claimed_by = ?, lease_until = ?, attempts = attempts + 1, "
                "started_at = COALESCE(started_at, ?) WHERE job_id = ? AND idx = ?",
                token, now + lease_seconds, now, job_id, idx,
            )  # fmt: skip
            await tx.execute(
                "UPDATE jobs SET last_claim_at = ?, started_at = COALESCE(started_at, ?), "
                "status = CASE WHEN status = 'queued' THEN 'processing' ELSE status END WHERE job_id = ?",
                now, now, job_id,
            )  # fmt: skip
            row = await tx.fetchrow(
                f"SELECT {CLAIM_COLUMNS} FROM job_docs d JOIN jobs j ON j.job_id = d.job_id "
                "WHERE d.job_id = ? AND d.idx = ?",
                job_id, idx,
            )  # fmt: skip
        return _claim(row, token)

    async def heartbeat(self, claims: Sequence[Claim], lease_seconds: float) -> list[Claim]:
        if not claims:
            return []
        lost = []
        until = self.now() + lease_seconds
        for c in claims:  # one short transaction each: never holds several document locks at once
            async with self.db.transaction() as tx:
                n = await tx.execute(f"UPDATE job_docs SET lease_until = ? WHERE {FENCE}", until, c.job_id, c.idx, c.token)
            if n == 0:
                lost.append(c)
        return lost

    async def add_page(self, claim: Claim, page_number: int, page_count: int, result: bytes, lease_seconds: float) -> bool:
        now = self.now()
        async with self.db.transaction() as tx:
            n = await tx.execute(
                f"UPDATE job_docs SET lease_until = ?, page_count = ? WHERE {FENCE}",
                now + lease_seconds, page_count, claim.job_id, claim.idx, claim.token,
            )  # fmt: skip
            if n == 0:
                raise ClaimLost(f"document {claim.idx} of job {claim.job_id} is no longer ours")
            inserted = await tx.execute(
                "INSERT INTO job_pages (job_id, idx, page_number, attempt, created_at, result) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                claim.job_id, claim.idx, page_number, claim.attempts, now, result,
            )  # fmt: skip
            if inserted:
                await tx.execute(
                    "UPDATE job_docs SET pages_done = pages_done + 1, "
                    "last_page = CASE WHEN last_page < ? THEN ? ELSE last_page END WHERE job_id = ? AND idx = ?",
                    page_number, page_number, claim.job_id, claim.idx,
                )  # fmt: skip
        return bool(inserted)

    async def complete(self, claim: Claim, result: bytes) -> None:
        now = self.now()
        async with self.db.transaction() as tx:
            n = await tx.execute(
                "UPDATE job_docs SET status = 'completed', result = ?, finished_at = ?, claimed_by = NULL, "
                f"lease_until = 0 WHERE {FENCE}",
                result, now, claim.job_id, claim.idx, claim.token,
            )  # fmt: skip
            if n == 0:
                raise ClaimLost(f"document {claim.idx} of job {claim.job_id} is no longer ours")
            await tx.execute(
                "INSERT INTO result_cache (cache_key, job_id, idx, created_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (cache_key) DO UPDATE SET job_id = excluded.job_id, idx = excluded.idx, "
                "created_at = excluded.created_at",
                claim.cache_key, claim.job_id, claim.idx, now,
            )  # fmt: skip
            await self._finish_if_done(tx, claim.job_id, now)

    async def complete_from_cache(self, claim: Claim) -> bool:
        now = self.now()
        async with self.db.transaction() as tx:
            row = await tx.fetchrow(f"SELECT pages_done FROM job_docs WHERE {FENCE}", claim.job_id, claim.idx, claim.token)
            if row is None or row["pages_done"]:
                return False  # lost, or partly done by an earlier attempt: finish it the normal way
            if not await self._answer_from_cache(tx, claim.job_id, claim.idx, claim.cache_key, now):
                return False
            await self._finish_if_done(tx, claim.job_id, now)
        return True

    async def fail(self, claim: Claim, code: str, message: str) -> None:
        now = self.now()
        async with self.db.transaction() as tx:
            n = await tx.execute(
                "UPDATE job_docs SET status = 'failed', error_code = ?, error_message = ?, finished_at = ?, "
                f"claimed_by = NULL, lease_until = 0 WHERE {FENCE}",
                code, message[:2000], now, claim.job_id, claim.idx, claim.token,
            )  # fmt: skip
            if n:
                await self._finish_if_done(tx, claim.job_id, now)

    async def release(self, claim: Claim, *, delay: float = 0.0, count_attempt: bool = False) -> None:
        async with self.db.transaction() as tx:
            await tx.execute(
                "UPDATE job_docs SET status = 'queued', claimed_by = NULL, lease_until = 0, not_before = ?, "
                f"attempts = attempts - ? WHERE {FENCE}",
                self.now() + delay, 0 if count_attempt else 1, claim.job_id, claim.idx, claim.token,
            )  # fmt: skip

    # ------------------------------------------------------------ metrics

    async def counts(self) -> StoreCounts:
        async with self.db.reader() as conn:
            jobs = await conn.fetch("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status")
            docs = await conn.fetch("SELECT status, COUNT(*) AS n FROM job_docs GROUP BY status")
            oldest = await conn.fetchrow(
                "SELECT MIN(j.created_at) AS at FROM job_docs d JOIN jobs j ON j.job_id = d.job_id "
                "WHERE d.status = 'queued'"
            )
        return StoreCounts(
            jobs={r["status"]: int(r["n"]) for r in jobs},
            documents={r["status"]: int(r["n"]) for r in docs},
            oldest_queued_at=oldest["at"] if oldest is not None else None,
        )

    # ------------------------------------------------------------ retention

    async def sweep(self) -> dict[str, int]:
        now = self.now()
        async with self.db.transaction() as tx:
            expired = [
                r["job_id"]
                for r in await tx.fetch(
                    "SELECT job_id FROM jobs WHERE expires_at IS NOT NULL AND expires_at < ? LIMIT 500", now
                )
            ]
            if expired:
                marks = ", ".join("?" for _ in expired)
                for table in ("job_pages", "result_cache", "job_docs", "jobs"):
                    await tx.execute(f"DELETE FROM {table} WHERE job_id IN ({marks})", *expired)
        return {"jobs": len(expired), "uploads": await self._delete_orphan_uploads()}

