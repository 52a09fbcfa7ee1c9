"""Store records -> JobsService messages, and the completion estimate."""

from __future__ import annotations

import time

from google.protobuf.timestamp_pb2 import Timestamp

from jobs_service.store.base import (
    CANCELLED,
    COMPLETED,
    FAILED,
    FINAL_STATES,
    PRIORITY_INTERACTIVE,
    PROCESSING,
    QUEUED,
    DocRow,
    JobRow,
    Progress,
)
from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import ocr_pb2 as pb

JOB_STATUS = {
    QUEUED: jpb.JOB_STATUS_QUEUED,
    PROCESSING: jpb.JOB_STATUS_PROCESSING,
    COMPLETED: jpb.JOB_STATUS_COMPLETED,
    FAILED: jpb.JOB_STATUS_FAILED,
    CANCELLED: jpb.JOB_STATUS_CANCELLED,
}
JOB_STATUS_NAME = {v: k for k, v in JOB_STATUS.items()}
DOCUMENT_STATUS = {
    QUEUED: jpb.DOCUMENT_STATUS_QUEUED,
    PROCESSING: jpb.DOCUMENT_STATUS_PROCESSING,
    COMPLETED: jpb.DOCUMENT_STATUS_COMPLETED,
    FAILED: jpb.DOCUMENT_STATUS_FAILED,
    CANCELLED: jpb.DOCUMENT_STATUS_CANCELLED,
}


def timestamp(seconds: float | None) -> Timestamp | None:
    if not seconds:
        return None
    ts = Timestamp()
    ts.FromNanoseconds(int(seconds * 1e9))
    return ts


def progress_to_pb(p: Progress) -> jpb.JobProgress:
    return jpb.JobProgress(
        total=p.total,
        processed=p.processed,
        failed=p.failed,
        pages_done=p.pages_done,
        pages_total=p.pages_total,
        cached=p.cached,
        completed=p.completed,
        cancelled=p.cancelled,
    )


def seconds_remaining(job: JobRow, p: Progress, now: float | None = None) -> float:
    """From the live rate of this job: seconds per stored page since it started, times the pages left.

    Pages of documents not opened yet are estimated by the mean page count of
    the opened ones. 0 when final or when no page has been done yet.
    """
    if job.status in FINAL_STATES or not job.started_at or p.pages_worked == 0:
        return 0.0
    now = time.time() if now is None else now
    per_page = max(0.0, now - job.started_at) / p.pages_worked
    mean_pages = p.pages_total / p.known_docs if p.known_docs else 1.0
    return per_page * (p.pages_left_known + p.open_unknown * mean_pages)


def document_to_pb(doc: DocRow, *, include_pages: bool = False) -> jpb.JobDocument:
    message = jpb.JobDocument(
        index=doc.idx,
        document_id=doc.content_hash,
        filename=doc.filename,
        status=DOCUMENT_STATUS.get(doc.status, jpb.DOCUMENT_STATUS_UNSPECIFIED),
        page_count=doc.page_count,
        pages_done=doc.pages_done,
        attempts=doc.attempts,
        cached=doc.cached,
        processing_seconds=(doc.finished_at - doc.started_at) if doc.finished_at and doc.started_at else 0.0,
        size_bytes=doc.size,
    )
    if doc.result is not None:
        message.result.ParseFromString(doc.result)
    if doc.error_code:
        message.error.CopyFrom(jpb.DocumentError(code=doc.error_code, message=doc.error_message))
    if include_pages:
        message.pages.extend(pb.PageResult.FromString(b) for b in doc.pages)
    return message


def job_to_pb(
    job: JobRow, progress: Progress, documents: list[DocRow] | None = None, *, include_pages: bool = False
) -> jpb.Job:
    options = pb.ProcessOptions.FromString(job.options)
    eta = seconds_remaining(job, progress)
    message = jpb.Job(
        job_id=job.job_id,
        status=JOB_STATUS.get(job.status, jpb.JOB_STATUS_UNSPECIFIED),
        priority=jpb.JOB_PRIORITY_INTERACTIVE if job.priority == PRIORITY_INTERACTIVE else jpb.JOB_PRIORITY_BATCH,
        backend=job.backend,
        options=options,
        idempotency_key=job.idempotency_key.removeprefix(f"{job.owner}:") if job.owner else job.idempotency_key,
        progress=progress_to_pb(progress),
        estimated_seconds_remaining=eta,
    )
    for name, value in (
        ("created_at", job.created_at),
        ("started_at", job.started_at),
        ("finished_at", job.finished_at),
        ("expires_at", job.expires_at),
        ("estimated_completion", time.time() + eta if eta else None),
    ):
        ts = timestamp(value)
        if ts is not None:
            getattr(message, name).CopyFrom(ts)
    if documents:
        message.documents.extend(document_to_pb(d, include_pages=include_pages) for d in documents)
    return message
