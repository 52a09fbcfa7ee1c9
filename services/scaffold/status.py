"""The one mapping from the mesh's domain errors to gRPC status codes.

Every servicer (backends, router, benchmark, jobs) answers a failure with
`status_of(exc)` (or `await abort(context, exc)`), so the same problem gets the same code wherever it happens:

| error | code |
|---|---|
| `StatusError` and its kinds (`EngineError`, `RoutingError`, `DispatchError`, the benchmark's `DatasetError`) | the code it carries |
| `IntakeError` (unreadable, too large, unsupported document), `OptionsError`, `InvalidRequestError` (a bad batch, report format) | INVALID_ARGUMENT |
| `PageRangeError` (first_page past the document's last page) | OUT_OF_RANGE |
| `NotFoundError` (a job, benchmark run or page token that is unknown or another key's) | NOT_FOUND |
| `ConflictError` (an idempotency key naming other documents) | ALREADY_EXISTS |
| `PreconditionError` (a report of a run that ended without results) | FAILED_PRECONDITION |
| `NotReadyError` (a store not open: starting or stopping) | UNAVAILABLE |
| `QueueFullError` (admission full) | RESOURCE_EXHAUSTED |
| `ModelUnavailableError` (not loaded, unloading, shutting down) | UNAVAILABLE |
| `WorkCancelled`, `asyncio.CancelledError` | CANCELLED |
| anything else (a bug) | INTERNAL, naming only the exception type |

The REST gateway maps these codes on to HTTP statuses in one table (`gateway_rest/errors.py`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import NoReturn

import grpc

from services.intake.cancel import WorkCancelled
from services.intake.errors import IntakeError
from services.scaffold.admission import QueueFullError
from services.scaffold.errors import (
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    NotReadyError,
    PreconditionError,
    StatusError,
)
from services.scaffold.lifecycle import ModelUnavailableError
from services.scaffold.options import OptionsError, PageRangeError

_BY_TYPE: tuple[tuple[type[BaseException], grpc.StatusCode], ...] = (
    (IntakeError, grpc.StatusCode.INVALID_ARGUMENT),
    (PageRangeError, grpc.StatusCode.OUT_OF_RANGE),
    (OptionsError, grpc.StatusCode.INVALID_ARGUMENT),
    (InvalidRequestError, grpc.StatusCode.INVALID_ARGUMENT),
    (NotFoundError, grpc.StatusCode.NOT_FOUND),
    (ConflictError, grpc.StatusCode.ALREADY_EXISTS),
    (PreconditionError, grpc.StatusCode.FAILED_PRECONDITION),
    (NotReadyError, grpc.StatusCode.UNAVAILABLE),
    (QueueFullError, grpc.StatusCode.RESOURCE_EXHAUSTED),
    (ModelUnavailableError, grpc.StatusCode.UNAVAILABLE),
    (WorkCancelled, grpc.StatusCode.CANCELLED),
    (asyncio.CancelledError, grpc.StatusCode.CANCELLED),
)


@dataclass(frozen=True)
class Status:
    """A gRPC status a servicer answers with."""

    code: grpc.StatusCode
    message: str

    @property
    def internal(self) -> bool:
        """True for a bug (INTERNAL): worth a stack trace in the log, never shown to the client."""
        return self.code is grpc.StatusCode.INTERNAL


def status_of(exc: BaseException, where: str = "the server") -> Status:
    """The status for `exc`; an unknown exception is INTERNAL and says only its type and `where`."""
    if isinstance(exc, StatusError):
        return Status(exc.code, exc.message)
    for kind, code in _BY_TYPE:
        if isinstance(exc, kind):
            return Status(code, str(exc) or code.name)
    return Status(grpc.StatusCode.INTERNAL, f"internal error in {where}: {type(exc).__name__}")


async def abort(context: grpc.aio.ServicerContext, exc: BaseException, where: str = "the server") -> NoReturn:
    """End the call with `exc`'s status (`status_of`); the servicers' one way to refuse."""
    status = status_of(exc, where)
    await context.abort(status.code, status.message)
    raise AssertionError("context.abort returned")  # it raises; this tells the type checker
