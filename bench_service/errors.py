"""The benchmark service's refusals, each a kind of `services.scaffold.errors` (its gRPC code from `status_of`).

An unknown run is `store.UnknownRunError`; a bad dataset, document or backend name is `datasets.DatasetError`.
"""

from __future__ import annotations

from services.scaffold.errors import InvalidRequestError, PreconditionError


class UnknownReportFormat(InvalidRequestError):
    """A report format this server does not render (INVALID_ARGUMENT)."""

    def __init__(self, fmt: int) -> None:
        super().__init__(f"unknown report format {fmt}")


class RunWithoutResults(PreconditionError):
    """A report asked of a run that ended without results (FAILED_PRECONDITION)."""

    def __init__(self, run_id: str, status: str) -> None:
        super().__init__(f"run {run_id} is {status} without results")
