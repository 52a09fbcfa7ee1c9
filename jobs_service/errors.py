"""The jobs service's refusals, each a kind of `services.scaffold.errors` (its gRPC code from `status_of`)."""

from __future__ import annotations

from services.scaffold.errors import InvalidRequestError, NotFoundError, NotReadyError, PreconditionError


class JobNotFound(NotFoundError):
    """No such job: unknown, expired, or another key's (NOT_FOUND, never PERMISSION_DENIED)."""

    def __init__(self, job_id: str) -> None:
        super().__init__(f"no job {job_id!r} (unknown or expired)")
        self.job_id = job_id


class JobDocumentNotFound(NotFoundError):
    """The job has no document at that index (NOT_FOUND)."""

    def __init__(self, job_id: str, index: int, count: int) -> None:
        super().__init__(f"job {job_id!r} has {count} documents (index 0 to {count - 1}), not {index}")


class UploadGone(PreconditionError):
    """The document's uploaded file is no longer kept (FAILED_PRECONDITION)."""

    def __init__(self, job_id: str, index: int) -> None:
        super().__init__(f"the file of document {index} of job {job_id!r} is no longer kept (the job's retention ended)")


class UnknownPageToken(NotFoundError):
    """A `page_token` this server did not issue points at no page of the list (NOT_FOUND)."""

    def __init__(self) -> None:
        super().__init__("page_token names no page (not one this server issued)")


class InvalidJobRequest(InvalidRequestError):
    """A batch no retry can make right: no documents, too many, empty or too large ones, bad options."""


class StoreNotOpen(NotReadyError):
    """The jobs store is not open, or the service is stopping (UNAVAILABLE: try again)."""

    def __init__(self, message: str = "the jobs store is not open (starting or stopping)") -> None:
        super().__init__(message)
