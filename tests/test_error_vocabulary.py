"""One error vocabulary: a domain error names its kind, `status_of` gives the gRPC code, `GRPC_TO_HTTP` the HTTP status.

No servicer picks a literal status code for a refusal; each goes through `services.scaffold.status.abort`
(the engines' `EngineError`, a `StatusError`, still names the code an engine's verdict carries).
"""

from __future__ import annotations

import re
from pathlib import Path

import grpc
import pytest

from bench_service.errors import RunWithoutResults, UnknownReportFormat
from bench_service.store import UnknownRunError
from gateway_rest.errors import GRPC_TO_HTTP
from jobs_service.errors import InvalidJobRequest, JobNotFound, StoreNotOpen, UnknownPageToken
from jobs_service.store.base import IdempotencyConflict
from services.scaffold.lifecycle import ModelUnavailableError
from services.scaffold.status import status_of

ROOT = Path(__file__).resolve().parents[1]
Code = grpc.StatusCode


@pytest.mark.parametrize(
    ("error", "code", "http", "message"),
    [
        (JobNotFound("j1"), Code.NOT_FOUND, 404, "no job 'j1' (unknown or expired)"),
        (UnknownPageToken(), Code.NOT_FOUND, 404, "page_token names no page (not one this server issued)"),
        (InvalidJobRequest("a batch needs at least one document"), Code.INVALID_ARGUMENT, 422, None),
        (IdempotencyConflict("key names other documents"), Code.ALREADY_EXISTS, 409, None),
        (StoreNotOpen(), Code.UNAVAILABLE, 503, "the jobs store is not open (starting or stopping)"),
        (UnknownRunError("r1"), Code.NOT_FOUND, 404, "no benchmark run 'r1'"),
        (UnknownReportFormat(9), Code.INVALID_ARGUMENT, 422, "unknown report format 9"),
        (RunWithoutResults("r1", "failed"), Code.FAILED_PRECONDITION, 422, "run r1 is failed without results"),
        (ModelUnavailableError("model not loaded"), Code.UNAVAILABLE, 503, "model not loaded"),
    ],
)
def test_a_domain_error_has_one_grpc_code_and_one_http_status(
    error: Exception, code: grpc.StatusCode, http: int, message: str | None
) -> None:
    status = status_of(error)
    assert status.code is code
    assert status.message == (message or str(error))
    assert GRPC_TO_HTTP[status.code][0] == http


def test_an_unknown_run_is_still_a_key_error() -> None:
    """Callers that caught the store's KeyError keep working."""
    with pytest.raises(KeyError):
        raise UnknownRunError("r1")


def test_no_servicer_refuses_with_a_literal_status_code() -> None:
    """A servicer aborts through `abort(context, error)` and raises domain errors, never a bare code of its own."""
    literal = re.compile(r"context\.abort\(\s*grpc\.StatusCode\.|\bStatusError\(\s*grpc\.StatusCode\.")
    servicers = sorted(ROOT.glob("*/*servicer*.py")) + sorted(ROOT.glob("services/*/*servicer*.py"))
    assert len(servicers) >= 5
    offenders = [str(p.relative_to(ROOT)) for p in servicers if literal.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
