"""The worker loop: claim documents from the store, stream them through an OcrService, persist every page.

The backends are the workers; the runner only moves documents to them with
bounded concurrency (per backend preference and overall, a few slots kept
for interactive documents) and keeps the store's record true:

- every page is stored the moment it arrives (fenced by the claim's token);
- a live claim is renewed every lease/3; a claim found lost (lease taken
  over, job cancelled) cancels its upstream call at once;
- a resumed document asks only for the pages after its last stored page
  (`first_page`) and its result is assembled from all stored pages;
- stop: no new claims, in-flight documents get `grace` seconds to finish,
  the rest are released to the queue for the next runner (no lease wait);
- per owner (API key): the claim serves the owner served longest ago first,
  and skips owners with as many documents in flight here as their key's
  `concurrency` allows.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import time
import uuid
from collections.abc import Awaitable, Callable

import grpc
import structlog

from jobs_service.metrics import JobsMetrics
from jobs_service.settings import JobsSettings
from jobs_service.signals import JobSignals
from jobs_service.store.base import Claim, ClaimLost, JobStore
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import AsyncOcrClient, build_request
from services.auth.grpc_auth import OWNER_METADATA

log = structlog.get_logger("ocrmesh.jobs")

# The document itself is wrong or declined: retrying cannot help.
PERMANENT = frozenset(
    {
        grpc.StatusCode.INVALID_ARGUMENT,
        grpc.StatusCode.FAILED_PRECONDITION,
        grpc.StatusCode.NOT_FOUND,
        grpc.StatusCode.OUT_OF_RANGE,
        grpc.StatusCode.UNIMPLEMENTED,
        grpc.StatusCode.PERMISSION_DENIED,
        grpc.StatusCode.UNAUTHENTICATED,
        grpc.StatusCode.ALREADY_EXISTS,
    }
)
# The upstream is restarting, full or going away: wait, do not count an attempt.
# Seconds a key's concurrency limit is trusted before it is asked again.
OWNER_LIMIT_SECONDS = 10.0
DELAY = frozenset({grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED, grpc.StatusCode.CANCELLED})


def pages_left(claim: Claim) -> int:
    """Pages of the claimed document's requested range not stored yet (0 while its page count is unknown)."""
    if not claim.page_count:
        return 0
    options = pb.ProcessOptions.FromString(claim.options)
    first = options.first_page or 1
    last = min(options.last_page or claim.page_count, claim.page_count)
    return max(0, last - first + 1 - claim.pages_done)


class UpstreamProtocolError(Exception):
    """The upstream's stream ended without a document result."""


class JobRunner:
    def __init__(
        self,
        store: JobStore,
        settings: JobsSettings,
        upstream_target: str,
        *,
        signals: JobSignals | None = None,
        worker_id: str | None = None,
        metrics: JobsMetrics | None = None,
        api_key: str = "",
        owner_concurrency: Callable[[str], Awaitable[int]] | None = None,
    ) -> None:
        self.store = store
        self.api_key = api_key
        # A key's documents in flight at once (0 = no limit), asked when one of its documents is claimed.
        self.owner_concurrency = owner_concurrency
        self._per_owner: dict[str, int] = {}
        self._owner_caps: dict[str, tuple[int, float]] = {}
        self.metrics = metrics or JobsMetrics()
        self.settings = settings
        self.upstream_target = upstream_target
        self.signals = signals or JobSignals()
        self.worker_id = worker_id or f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"
        self._client: AsyncOcrClient | None = None
        self._tasks: dict[asyncio.Task[None], Claim] = {}
        self._per_backend: dict[str, int] = {}
        self._lost: set[str] = set()
        self._wake = asyncio.Event()
        self._stopping = False
        self._paused_until = 0.0
        self._background: list[asyncio.Task[None]] = []
        # Counters for tests and benchmarks.
        self.claimed = 0
        self.completed = 0
        self.metrics.in_flight.set_function(lambda: len(self._tasks))

    # ------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        self._client = AsyncOcrClient(self.upstream_target, api_key=self.api_key)
        self._background = [
            asyncio.create_task(self._claim_loop(), name="jobs-claim"),
            asyncio.create_task(self._heartbeat_loop(), name="jobs-heartbeat"),
            asyncio.create_task(self._sweep_loop(), name="jobs-sweep"),
        ]
        log.info("jobs_runner_started", worker=self.worker_id, upstream=self.upstream_target, store=self.store.kind)

    async def stop(self, grace: float | None = None) -> None:
        """Stop claiming; let in-flight documents finish for `grace` seconds, release the rest."""
        grace = self.settings.grace_seconds if grace is None else grace
        self._stopping = True
        self._wake.set()
        claim_loop = self._background[0] if self._background else None
        if claim_loop is not None:
            claim_loop.cancel()
            await asyncio.gather(claim_loop, return_exceptions=True)
        in_flight = list(self._tasks)
        if in_flight and grace > 0:
            await asyncio.wait(in_flight, timeout=grace)
        unfinished = [t for t in in_flight if not t.done()]
        for task in unfinished:
            task.cancel()  # the task releases its claim on the way out
        await asyncio.gather(*in_flight, return_exceptions=True)
        for task in self._background[1:]:
            task.cancel()
        await asyncio.gather(*self._background[1:], return_exceptions=True)
        self._background = []
        if self._client is not None:
            await self._client.close()
            self._client = None
        log.info("jobs_runner_stopped", worker=self.worker_id, released=len(unfinished))

    def wake(self) -> None:
        """New work may be there (a submission)."""
        self._wake.set()

    def cancel_job(self, job_id: str) -> int:
        """Abandon this runner's in-flight documents of a cancelled job now (others notice by heartbeat)."""
        hit = 0
        for task, claim in list(self._tasks.items()):
            if claim.job_id == job_id:
                self._lost.add(claim.token)
                task.cancel()
                hit += 1
        return hit

    @property
    def in_flight(self) -> int:
        return len(self._tasks)

    # ------------------------------------------------------------ loops

    async def _wait_wake(self, timeout: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wake.wait(), timeout)
        self._wake.clear()

    async def _claim_loop(self) -> None:
        s = self.settings
        reserve = min(s.interactive_reserve, s.max_in_flight - 1)
        while not self._stopping:
            paused = self._paused_until - time.monotonic()
            if paused > 0:
                await self._wait_wake(min(paused, s.poll_seconds))
                continue
            if len(self._tasks) >= s.max_in_flight:
                await self._wait_wake(s.poll_seconds)
                continue
            full = [b for b, n in self._per_backend.items() if n >= s.concurrency_for(b)]
            try:
                claim = await self.store.claim(
                    self.worker_id,
                    s.lease_seconds,
                    exclude_backends=full,
                    interactive_only=len(self._tasks) >= s.max_in_flight - reserve,
                    exclude_owners=self._owners_at_limit(),
                )
            except Exception:
                log.exception("jobs_claim_failed")
                await asyncio.sleep(s.poll_seconds)
                continue
            if claim is None:
                await self._wait_wake(s.poll_seconds)
                continue
            self.claimed += 1
            self._per_backend[claim.backend] = self._per_backend.get(claim.backend, 0) + 1
            self._per_owner[claim.owner] = self._per_owner.get(claim.owner, 0) + 1
            await self._learn_owner_limit(claim.owner)
            task = asyncio.create_task(self._run_document(claim), name=f"jobs-doc-{claim.job_id}-{claim.idx}")
            self._tasks[task] = claim
            self.signals.notify(claim.job_id)

    def _owners_at_limit(self) -> list[str]:
        """Owners (keys) with as many documents in flight here as their concurrency allows."""
        return [
            owner
            for owner, running in self._per_owner.items()
            if owner and 0 < self._owner_caps.get(owner, (0, 0.0))[0] <= running
        ]

    async def _learn_owner_limit(self, owner: str) -> None:
        """Ask the key's concurrency now and then (a changed limit applies within OWNER_LIMIT_SECONDS)."""
        if not owner or self.owner_concurrency is None:
            return
        cap, at = self._owner_caps.get(owner, (0, -OWNER_LIMIT_SECONDS))
        if time.monotonic() - at < OWNER_LIMIT_SECONDS:
            return
        try:
            cap = await self.owner_concurrency(owner)
        except Exception:
            log.exception("jobs_owner_limit_failed")
        self._owner_caps[owner] = (cap, time.monotonic())

    async def _heartbeat_loop(self) -> None:
        while True:
            await asyncio.sleep(self.settings.heartbeat_seconds)
            live = {claim.token: task for task, claim in self._tasks.items() if not task.done()}
            if not live:
                continue
            try:
                lost = await self.store.heartbeat([self._tasks[t] for t in live.values()], self.settings.lease_seconds)
            except Exception:
                log.exception("jobs_heartbeat_failed")
                continue
            for claim in lost:
                log.warning("jobs_claim_lost", job_id=claim.job_id, index=claim.idx)
                self._lost.add(claim.token)
                live[claim.token].cancel()

    async def _sweep_loop(self) -> None:
        while True:
            try:
                removed = await self.store.sweep()
                if any(removed.values()):
                    log.info("jobs_swept", **removed)
            except Exception:
                log.exception("jobs_sweep_failed")
            await asyncio.sleep(self.settings.sweep_seconds)

    # ------------------------------------------------------------ one document

    async def _run_document(self, claim: Claim) -> None:
        log_ = log.bind(job_id=claim.job_id, index=claim.idx, attempt=claim.attempts)
        started = time.perf_counter()
        try:
            outcome = await self._process(claim)
            self.completed += 1
            self.metrics.document_finished(outcome, time.perf_counter() - started)
        except ClaimLost:
            log_.info("jobs_document_abandoned")
        except grpc.aio.AioRpcError as exc:
            await self._upstream_error(claim, exc.code(), exc.details() or "", log_, started)
        except asyncio.CancelledError:
            if claim.token not in self._lost:
                # Stopping: hand the document back now instead of waiting for the lease to run out.
                with contextlib.suppress(Exception):
                    await asyncio.shield(self.store.release(claim))
                log_.info("jobs_document_released", pages_done=claim.pages_done)
            raise
        except Exception as exc:
            log_.exception("jobs_document_error")
            await self._upstream_error(
                claim, grpc.StatusCode.INTERNAL, f"{type(exc).__name__}: {exc}", log_, started
            )
        finally:
            task = asyncio.current_task()
            self._tasks.pop(task, None)  # type: ignore[arg-type]
            self._per_backend[claim.backend] = max(0, self._per_backend.get(claim.backend, 1) - 1)
            if (left := self._per_owner.get(claim.owner, 1) - 1) > 0:
                self._per_owner[claim.owner] = left
            else:
                self._per_owner.pop(claim.owner, None)
            self._lost.discard(claim.token)
            self.signals.notify(claim.job_id)
            self._wake.set()

    async def _upstream_error(
        self, claim: Claim, code: grpc.StatusCode, message: str, log_: object, started: float
    ) -> None:
        s = self.settings
        if code in PERMANENT:
            await self._fail(claim, code.name, message, started)
            log_.info("jobs_document_failed", code=code.name)  # type: ignore[attr-defined]
        elif code in DELAY:
            # The upstream is restarting or full: pause claiming briefly, the document waits (not an attempt).
            self._paused_until = time.monotonic() + s.retry_backoff_seconds
            await self.store.release(claim, delay=s.retry_backoff_seconds)
            self.metrics.requeued.labels("delay").inc()
            log_.info("jobs_document_delayed", code=code.name)  # type: ignore[attr-defined]
        elif claim.attempts >= s.max_attempts:
            await self._fail(claim, code.name, f"{message} (after {claim.attempts} attempts)", started)
            log_.info("jobs_document_failed", code=code.name)  # type: ignore[attr-defined]
        else:
            delay = s.retry_backoff_seconds * 2 ** (claim.attempts - 1)
            await self.store.release(claim, delay=delay, count_attempt=True)
            self.metrics.requeued.labels("retry").inc()
            log_.info("jobs_document_retry", code=code.name, delay=delay)  # type: ignore[attr-defined]

    async def _fail(self, claim: Claim, code: str, message: str, started: float) -> None:
        await self.store.fail(claim, code, message)
        self.metrics.document_finished("failed", time.perf_counter() - started)
        self.metrics.pages.labels("failed").inc(pages_left(claim))

    async def _process(self, claim: Claim) -> str:
        """Run one document to its stored result; returns how it ended ("completed" or "cached")."""
        if await self.store.complete_from_cache(claim):
            return "cached"
        assert self._client is not None
        s = self.settings
        content = await self.store.read_upload(claim.content_hash)
        options = pb.ProcessOptions.FromString(claim.options)
        request_options = pb.ProcessOptions()
        request_options.CopyFrom(options)
        resumed = claim.pages_done > 0
        last_wanted = options.last_page or claim.page_count
        all_stored = resumed and claim.last_page >= last_wanted
        if all_stored:
            # Every page is stored, only the document result is missing: ask for the last page
            # again for the document-level facts (e-invoice, routing) and keep the stored pages.
            request_options.first_page = request_options.last_page = claim.last_page
        elif resumed:
            request_options.first_page = claim.last_page + 1
        request = build_request(
            content,
            filename=claim.filename,
            mime_type=claim.mime_type,
            backend=claim.backend,
            request_id=f"{claim.job_id}-{claim.idx}-{claim.attempts}",
            options=request_options,
            allow_fallback=claim.allow_fallback,
        )
        del content
        final: pb.DocumentResult | None = None
        # The router admits the runner by its internal key, acting for the job's owner (audit, ownership).
        metadata = ((OWNER_METADATA, claim.owner),) if claim.owner else None
        async for event in self._client.stream(request, timeout=s.document_timeout_seconds, metadata=metadata):
            kind = event.WhichOneof("event")
            if kind == "page" and not all_stored:
                page = event.page
                if await self.store.add_page(
                    claim, page.page_number, page.page_count, page.SerializeToString(), s.lease_seconds
                ):
                    claim.pages_done += 1
                    claim.last_page = max(claim.last_page, page.page_number)
                    self.metrics.pages.labels("done").inc()
                claim.page_count = page.page_count
                self.signals.notify(claim.job_id)
            elif kind == "document":
                final = event.document
        if final is None:
            raise UpstreamProtocolError("the upstream's stream ended without a document result")
        if resumed:
            final = await self._reassemble(claim, final, options)
        await self.store.complete(claim, final.SerializeToString())
        return "completed"

    async def _reassemble(self, claim: Claim, final: pb.DocumentResult, options: pb.ProcessOptions) -> pb.DocumentResult:
        """A resumed document's result from all its stored pages (the upstream saw only the rest)."""
        from services.invoice.pipeline import build_invoice
        from services.scaffold.assemble import DocumentSummary, assemble_document

        stored = await self.store.load_pages(claim.job_id, claim.idx)
        pages = [pb.PageResult.FromString(blob) for _n, _a, blob in stored]
        earlier = [n for n, attempt, _b in stored if attempt < claim.attempts]
        summary = DocumentSummary(
            document_id=final.document_id or claim.content_hash,
            page_count=final.metadata.page_count,
            mime_type=final.metadata.mime_type,
            request_id=final.metadata.request_id,
            language=final.metadata.language,
            processing_seconds=final.metadata.processing_seconds,
            extract_fields=options.extract_fields if options.HasField("extract_fields") else True,
            einvoice=final.einvoice if final.HasField("einvoice") else None,
            warnings=list(final.warnings),
            layout_complexity=final.metadata.layout_complexity,
        )
        result = await asyncio.get_running_loop().run_in_executor(
            None, assemble_document, pages, summary, build_invoice
        )
        if final.HasField("routing"):
            result.routing.CopyFrom(final.routing)
        if earlier:
            result.warnings.append(
                f"resumed after an interruption: pages {min(earlier)}-{max(earlier)} were stored by an earlier attempt"
            )
        return result
