"""`ocrmesh.v1.JobsService` on grpc.aio, over a JobStore.

Submit stores and queues, then returns (the runner does the work). Watch
sends a snapshot, then events derived from the store's state (so events of
runners in other processes arrive too), woken early by in-process signals.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
from collections.abc import AsyncIterator, Callable

import grpc
import structlog

from jobs_service.convert import (
    DOCUMENT_STATUS,
    JOB_STATUS,
    JOB_STATUS_NAME,
    document_to_pb,
    job_to_pb,
    progress_to_pb,
    seconds_remaining,
)
from jobs_service.errors import (
    InvalidJobRequest,
    JobDocumentNotFound,
    JobNotFound,
    StoreNotOpen,
    UnknownPageToken,
    UploadGone,
)
from jobs_service.settings import JobsSettings
from jobs_service.signals import JobSignals
from jobs_service.store.base import (
    FINAL_STATES,
    PRIORITY_BATCH,
    PRIORITY_INTERACTIVE,
    IdempotencyConflict,
    JobSnapshot,
    JobSpec,
    JobStore,
    NewDocument,
)
from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import jobs_pb2_grpc as jpb_grpc
from ocrmesh.v1 import ocr_pb2 as pb
from services.auth.keys import current_principal
from services.scaffold.status import abort

log = structlog.get_logger("ocrmesh.jobs")
JOBS_SERVICE_NAME = jpb.DESCRIPTOR.services_by_name["JobsService"].full_name


def check_options(options: pb.ProcessOptions) -> str:
    """The options' mistakes a backend would reject for every document; '' when fine."""
    if options.dpi and not 50 <= options.dpi <= 600:
        return f"dpi must be between 50 and 600, got {options.dpi}"
    if not 0.0 <= options.confidence_threshold <= 1.0:
        return f"confidence_threshold must be between 0 and 1, got {options.confidence_threshold}"
    if options.first_page < 0 or options.last_page < 0:
        return "page numbers start at 1"
    if options.last_page and options.first_page > options.last_page:
        return f"first_page {options.first_page} is after last_page {options.last_page}"
    return ""


class JobsServicer(jpb_grpc.JobsServiceServicer):
    def __init__(
        self,
        store: JobStore,
        settings: JobsSettings,
        signals: JobSignals,
        *,
        on_submit: Callable[[], None] = lambda: None,
        on_cancel: Callable[[str], object] = lambda _job_id: None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.signals = signals
        self.on_submit = on_submit
        self.on_cancel = on_cancel
        self.ready = False

    async def _check_ready(self, context: grpc.aio.ServicerContext) -> None:
        if not self.ready:
            await abort(context, StoreNotOpen())

    async def _snapshot(
        self, job_id: str, context: grpc.aio.ServicerContext, *, include_results: bool = False, include_pages: bool = False
    ) -> JobSnapshot:
        snapshot = await self.store.get_job(job_id, include_results=include_results, include_pages=include_pages)
        principal = current_principal()
        if snapshot is not None and principal is not None and not principal.owns(snapshot.job.owner):
            snapshot = None  # another key's job: as if it did not exist (404, never 403)
        if snapshot is None:
            await abort(context, JobNotFound(job_id))
        return snapshot

    # ------------------------------------------------------------ SubmitBatch

    async def SubmitBatch(
        self, request: jpb.SubmitBatchRequest, context: grpc.aio.ServicerContext
    ) -> jpb.SubmitBatchResponse:
        await self._check_ready(context)
        s = self.settings
        count = len(request.documents)
        problem = ""
        if count == 0:
            problem = "a batch needs at least one document"
        elif count > s.max_documents:
            problem = f"a batch holds at most {s.max_documents} documents, got {count}"
        else:
            limit = int(s.max_document_mb * 1024 * 1024)
            for i, doc in enumerate(request.documents):
                if not doc.content:
                    problem = f"document {i} ({doc.filename or 'unnamed'}) is empty"
                    break
                if len(doc.content) > limit:
                    problem = f"document {i} ({doc.filename or 'unnamed'}) exceeds {s.max_document_mb:g} MB"
                    break
        problem = problem or check_options(request.options)
        if problem:
            await abort(context, InvalidJobRequest(problem))
        if request.priority == jpb.JOB_PRIORITY_UNSPECIFIED:
            priority = PRIORITY_INTERACTIVE if count == 1 else PRIORITY_BATCH
        else:
            priority = PRIORITY_INTERACTIVE if request.priority == jpb.JOB_PRIORITY_INTERACTIVE else PRIORITY_BATCH
        principal = current_principal()
        owner = principal.owner if principal is not None else ""
        spec = JobSpec(
            backend=request.backend.strip().lower() or "auto",
            options=request.options.SerializeToString(deterministic=True),
            allow_fallback=request.allow_fallback,
            priority=priority,
            # Idempotency keys are per API key: another key's "month-end" is not this one's.
            idempotency_key=f"{owner}:{request.idempotency_key}" if owner and request.idempotency_key else (
                request.idempotency_key
            ),
            owner=owner,
        )
        documents = [NewDocument(d.content, d.filename, d.mime_type) for d in request.documents]
        try:
            job_id, created = await self.store.submit(spec, documents)
        except IdempotencyConflict as exc:
            await abort(context, exc)
        if created:
            self.on_submit()
            log.info("job_submitted", job_id=job_id, documents=count, backend=spec.backend, priority=priority)
        snapshot = await self._snapshot(job_id, context)
        return jpb.SubmitBatchResponse(
            job=job_to_pb(snapshot.job, snapshot.progress, snapshot.documents), created=created
        )

    # ------------------------------------------------------------ GetJob, ListJobs, CancelJob

    async def GetJob(self, request: jpb.GetJobRequest, context: grpc.aio.ServicerContext) -> jpb.GetJobResponse:
        await self._check_ready(context)
        snapshot = await self._snapshot(
            request.job_id, context, include_results=request.include_results, include_pages=request.include_pages
        )
        return jpb.GetJobResponse(
            job=job_to_pb(snapshot.job, snapshot.progress, snapshot.documents, include_pages=request.include_pages)
        )

    async def GetJobDocument(
        self, request: jpb.GetJobDocumentRequest, context: grpc.aio.ServicerContext
    ) -> jpb.GetJobDocumentResponse:
        await self._check_ready(context)
        snapshot = await self._snapshot(request.job_id, context, include_results=True, include_pages=True)
        document = next((d for d in snapshot.documents if d.idx == request.index), None)
        if document is None:
            await abort(context, JobDocumentNotFound(request.job_id, request.index, len(snapshot.documents)))
        assert document is not None
        response = jpb.GetJobDocumentResponse(document=document_to_pb(document, include_pages=True))
        if request.include_content:
            try:
                response.content = await self.store.read_upload(document.content_hash)
            except FileNotFoundError:
                await abort(context, UploadGone(request.job_id, request.index))
        return response

    async def ListJobs(self, request: jpb.ListJobsRequest, context: grpc.aio.ServicerContext) -> jpb.ListJobsResponse:
        await self._check_ready(context)
        size = min(500, request.page_size or 50)
        before = None
        if request.page_token:
            try:
                created, job_id = base64.urlsafe_b64decode(request.page_token.encode()).decode().split("|", 1)
                before = (float(created), job_id)
            except ValueError:
                # Opaque: a token this server did not issue points at no page of the list.
                await abort(context, UnknownPageToken())
        statuses = [JOB_STATUS_NAME[s] for s in request.statuses if s in JOB_STATUS_NAME]
        principal = current_principal()
        owner = None if principal is None or principal.admin else principal.owner
        rows = await self.store.list_jobs(size + 1, before=before, statuses=statuses, owner=owner)
        response = jpb.ListJobsResponse(jobs=[job_to_pb(job, progress) for job, progress in rows[:size]])
        if len(rows) > size:
            last = rows[size - 1][0]
            response.next_page_token = base64.urlsafe_b64encode(f"{last.created_at!r}|{last.job_id}".encode()).decode()
        return response

    async def CancelJob(self, request: jpb.CancelJobRequest, context: grpc.aio.ServicerContext) -> jpb.CancelJobResponse:
        await self._check_ready(context)
        await self._snapshot(request.job_id, context)  # NOT_FOUND for another key's job
        if not await self.store.cancel(request.job_id):
            await abort(context, JobNotFound(request.job_id))
        self.on_cancel(request.job_id)
        self.signals.notify(request.job_id)
        snapshot = await self._snapshot(request.job_id, context)
        log.info("job_cancelled", job_id=request.job_id, status=snapshot.job.status)
        return jpb.CancelJobResponse(job=job_to_pb(snapshot.job, snapshot.progress, snapshot.documents))

    # ------------------------------------------------------------ WatchJob

    async def WatchJob(
        self, request: jpb.WatchJobRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[jpb.WatchJobResponse]:
        await self._check_ready(context)
        job_id = request.job_id
        with self.signals.listen(job_id) as changed:
            snapshot = await self._snapshot(job_id, context)
            yield self._event(snapshot, snapshot=job_to_pb(snapshot.job, snapshot.progress, snapshot.documents))
            if snapshot.job.status in FINAL_STATES:
                return  # already final: the snapshot is the whole story
            seen = {d.idx: (d.status, d.last_page) for d in snapshot.documents}
            while snapshot.job.status not in FINAL_STATES:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(changed.wait(), self.settings.poll_seconds)
                changed.clear()
                if not self.ready:
                    await abort(context, StoreNotOpen("the jobs service is stopping"))
                snapshot = await self._snapshot(job_id, context)
                async for event in self._changes(snapshot, seen, request):
                    yield event
            yield self._event(snapshot, snapshot=job_to_pb(snapshot.job, snapshot.progress, snapshot.documents))

    async def _changes(
        self, snapshot: JobSnapshot, seen: dict[int, tuple[str, int]], request: jpb.WatchJobRequest
    ) -> AsyncIterator[jpb.WatchJobResponse]:
        for doc in snapshot.documents:
            status, last_page = seen.get(doc.idx, ("", 0))
            if doc.last_page > last_page and not doc.cached:
                stored: dict[int, bytes] = {}
                if request.include_pages:
                    stored = {n: b for n, _a, b in await self.store.load_pages(doc.job_id, doc.idx)}
                first = last_page + 1 if last_page else doc.last_page - doc.pages_done + 1
                for number in range(max(1, first), doc.last_page + 1):
                    page = jpb.PageDone(
                        document_index=doc.idx,
                        document_id=doc.content_hash,
                        page_number=number,
                        page_count=doc.page_count,
                    )
                    if number in stored:
                        page.page.ParseFromString(stored[number])
                    yield self._event(snapshot, page=page)
            if doc.status != status:
                message = document_to_pb(doc)
                if request.include_results and doc.status == "completed":
                    result = await self.store.load_result(doc.job_id, doc.idx)
                    if result is not None:
                        message.result.ParseFromString(result)
                yield self._event(snapshot, document=message)
            seen[doc.idx] = (doc.status, doc.last_page)

    @staticmethod
    def _event(state: JobSnapshot, **event: object) -> jpb.WatchJobResponse:
        return jpb.WatchJobResponse(
            job_id=state.job.job_id,
            status=JOB_STATUS.get(state.job.status, jpb.JOB_STATUS_UNSPECIFIED),
            progress=progress_to_pb(state.progress),
            estimated_seconds_remaining=seconds_remaining(state.job, state.progress),
            **event,  # type: ignore[arg-type]
        )


__all__ = ["DOCUMENT_STATUS", "JOBS_SERVICE_NAME", "JobsServicer", "check_options"]
