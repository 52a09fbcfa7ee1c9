"""The one mapping from the mesh's domain errors to gRPC status codes.

Every servicer (backends, router, benchmark, jobs) answers a failure with
`status_of(exc)`, so the same problem gets the same code wherever it happens:

| error | code |
|---|---|
| `StatusError` and its kinds (`EngineError`, `RoutingError`, `DispatchError`, the benchmark's `DatasetError`) | the code it carries |
| `IntakeError` (unreadable, too large, unsupported document), `OptionsError` | INVALID_ARGUMENT |
| `PageRangeError` (first_page past the document's last page) | OUT_OF_RANGE |
| `QueueFullError` (admission full) | RESOURCE_EXHAUSTED |
| `ModelUnavailableError` (not loaded, unloading, shutting down) | UNAVAILABLE |
| `WorkCancelled`, `asyncio.CancelledError` | CANCELLED |
| anything else (a bug) | INTERNAL, naming only the exception type |

The REST gateway maps these codes on to HTTP statuses in one table (`gateway_rest/errors.py`).
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import grpc

from services.intake.cancel import WorkCancelled
from services.intake.errors import IntakeError
from services.scaffold.admission import QueueFullError
from services.scaffold.errors import StatusError
from services.scaffold.lifecycle import ModelUnavailableError
from services.scaffold.options import OptionsError, PageRangeError

_BY_TYPE: tuple[tuple[type[BaseException], grpc.StatusCode], ...] = (
    (IntakeError, grpc.StatusCode.INVALID_ARGUMENT),
    (PageRangeError, grpc.StatusCode.OUT_OF_RANGE),
    (OptionsError, grpc.StatusCode.INVALID_ARGUMENT),
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
