"""The mesh's error kinds: what went wrong, named once; `status.status_of` gives each its gRPC code.

`StatusError` carries a code chosen where it is raised (an engine's or the router's own
verdict). The kinds below name a problem instead; a service subclasses them for its own
errors (`jobs_service.errors.JobNotFound(NotFoundError)`), so the code a client sees,
and the HTTP status the gateway gives that code, come from one table.
"""

from __future__ import annotations

import grpc


class StatusError(Exception):
    """A failure or refusal with the gRPC status code the client should get."""

    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class NotFoundError(LookupError):
    """No such resource, or one that belongs to another key (NOT_FOUND, never PERMISSION_DENIED)."""

    def __str__(self) -> str:  # a KeyError beside it in a subclass's bases would quote the message
        return str(self.args[0]) if self.args else ""


class InvalidRequestError(ValueError):
    """A request that no retry can make right (INVALID_ARGUMENT)."""


class ConflictError(Exception):
    """A request that contradicts an earlier one (ALREADY_EXISTS)."""


class PreconditionError(Exception):
    """A well-formed request the resource's state does not allow now (FAILED_PRECONDITION)."""


class NotReadyError(Exception):
    """The service is starting or stopping and cannot answer now (UNAVAILABLE)."""
