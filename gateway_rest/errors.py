"""Every error of the REST facade, as JSON `{"error": {"code", "message", "details", "request_id"}}`.

- `GRPC_TO_HTTP` is the one table from the upstream's gRPC status codes (which the
  servicers choose with `services.scaffold.status.status_of`) to HTTP statuses and
  machine-readable codes; `upstream(exc, ...)` applies it (routes may name a code
  more precisely, e.g. NOT_FOUND as `job_not_found`, never change its status).
- `ApiError` is what routes raise; the handlers installed by `install_error_handlers`
  turn it, FastAPI's validation errors, unknown routes (404) and wrong methods (405,
  with an `Allow` header listing every method of the path) into the same body.
- `responses(...)` documents in OpenAPI each status a route can return, with this body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import grpc
import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from gateway_rest.models import ErrorBody, ErrorDetail

log = structlog.get_logger("ocrmesh.gateway")

# gRPC status of the upstream -> (HTTP status, code). Anything else: 502 upstream_error.
GRPC_TO_HTTP: dict[grpc.StatusCode, tuple[int, str]] = {
    grpc.StatusCode.INVALID_ARGUMENT: (422, "invalid_argument"),
    grpc.StatusCode.FAILED_PRECONDITION: (422, "failed_precondition"),
    grpc.StatusCode.OUT_OF_RANGE: (416, "pages_out_of_range"),
    grpc.StatusCode.NOT_FOUND: (404, "not_found"),
    grpc.StatusCode.ALREADY_EXISTS: (409, "conflict"),
    grpc.StatusCode.ABORTED: (409, "conflict"),
    grpc.StatusCode.UNAUTHENTICATED: (401, "unauthorized"),
    grpc.StatusCode.PERMISSION_DENIED: (403, "forbidden"),
    grpc.StatusCode.RESOURCE_EXHAUSTED: (503, "backend_busy"),  # 429 when a key's own limit (below)
    grpc.StatusCode.UNAVAILABLE: (503, "backend_unavailable"),
    grpc.StatusCode.UNIMPLEMENTED: (503, "not_hosted"),
    grpc.StatusCode.DEADLINE_EXCEEDED: (504, "timeout"),
}
UPSTREAM_FAILED = (502, "upstream_error")
RATE_LIMITED = (429, "rate_limited")
RETRY_STATUSES = frozenset({429, 503})

DESCRIPTIONS: dict[int, str] = {
    400: "The request is malformed",
    401: "No API key, or one the router does not know (`Authorization: Bearer KEY` or `X-API-Key: KEY`)",
    403: "The key lacks the scope this route needs",
    404: "No such resource (or it belongs to another key)",
    409: "The request conflicts with an earlier one (e.g. an idempotency key naming other documents) "
    "or with the resource's state (e.g. a batch document not completed)",
    413: "The upload is larger than the configured limit",
    415: "The file is not a PDF, PNG, JPEG, TIFF, WebP or e-invoice XML",
    416: "The requested pages start past the document's last page",
    422: "Invalid parameters or body, a document that cannot be read, or one the backend declines",
    429: "The key's rate or concurrency limit is reached (see Retry-After)",
    502: "The upstream failed",
    503: "The upstream cannot take the request now, or does not host this service (see Retry-After)",
    504: "The upstream did not answer in time",
}
_RETRY_AFTER_DOC = {
    "Retry-After": {"description": "Seconds to wait before trying again", "schema": {"type": "string"}}
}
_HTTP_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
    409: "conflict", 413: "payload_too_large", 415: "unsupported_media_type", 416: "pages_out_of_range",
    422: "validation_error",
    429: "rate_limited", 503: "unavailable",
}  # fmt: skip


class ApiError(StarletteHTTPException):
    """An error with a stable machine-readable code.

    A subclass of Starlette's HTTPException so that FastAPI lets it through
    unchanged even when raised while the request body is being read.
    """

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        headers: Mapping[str, str] | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(status_code=status, detail=message, headers=dict(headers) if headers else None)
        self.code = code
        self.message = message
        self.details = dict(details or {})


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` for a route: each status with the error body (and Retry-After where it applies)."""
    documented: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        entry: dict[str, Any] = {"model": ErrorBody, "description": DESCRIPTIONS[status]}
        if status in RETRY_STATUSES:
            entry["headers"] = _RETRY_AFTER_DOC
        documented[status] = entry
    return documented


# What every route that calls the upstream with the caller's key can answer besides its own statuses.
UPSTREAM = (401, 403, 429, 502, 503, 504)


def payload_too_large(limit_bytes: int) -> ApiError:
    return ApiError(
        413, "payload_too_large", f"the upload exceeds the limit of {limit_bytes / (1024 * 1024):.3g} MB"
    )


def _trailing(exc: grpc.aio.AioRpcError, name: str) -> str:
    for key, value in exc.trailing_metadata() or ():
        if key == name and isinstance(value, str):
            return value
    return ""


def upstream(
    exc: grpc.aio.AioRpcError, retry_after_seconds: int, names: Mapping[grpc.StatusCode, str] | None = None
) -> ApiError:
    """The HTTP error for the upstream's gRPC error, by `GRPC_TO_HTTP`; `names` may rename a code's `code`."""
    code = exc.code()
    text = exc.details() or code.name
    status, name = GRPC_TO_HTTP.get(code, UPSTREAM_FAILED)
    limited = code is grpc.StatusCode.RESOURCE_EXHAUSTED and _trailing(exc, "ocrmesh-limit")
    if limited:
        status, name = RATE_LIMITED
    name = (names or {}).get(code, name)
    headers: dict[str, str] = {}
    if status == 401:
        headers = {"WWW-Authenticate": 'Bearer realm="ocrmesh", error="invalid_token"'}
    elif status in RETRY_STATUSES:
        headers = {
            "Retry-After": (_trailing(exc, "retry-after") or "1") if limited else str(retry_after_seconds)
        }
    if status in (503, 504, 502):
        text = f"{code.name}: {text}"
    return ApiError(status, name, text, headers, {"grpc_code": code.name})


def request_id_of(request: Request) -> str:
    return getattr(request.state, "request_id", "")


def error_response(
    status: int,
    code: str,
    message: str,
    request_id: str,
    headers: Mapping[str, str] | None = None,
    details: Mapping[str, Any] | None = None,
) -> JSONResponse:
    body = ErrorBody(
        error=ErrorDetail(code=code, message=message, details=dict(details or {}), request_id=request_id)
    )
    return JSONResponse(body.model_dump(), status_code=status, headers=dict(headers) if headers else None)


def _validation_problems(exc: RequestValidationError) -> list[dict[str, str]]:
    problems = []
    for error in exc.errors():
        loc = [str(x) for x in error.get("loc", ()) if x not in ("body", "query", "header", "path")]
        problems.append({"field": ".".join(loc) or "request", "message": str(error.get("msg", "invalid"))})
    return problems


def _template(path: str) -> re.Pattern[str]:
    """An OpenAPI path template (`/api/v1/ocr/job/{job_id}`) as a regex matching concrete paths."""
    return re.compile(
        "".join(
            "[^/]+" if part.startswith("{") else re.escape(part) for part in re.split(r"(\{[^/]+\})", path)
        )
    )


def allowed_methods(request: Request) -> list[str]:
    """The methods the API documents at this request's path (the `Allow` of a 405).

    Read from the app's own OpenAPI, the contract clients see. A fixed path (`/api/v1/benchmark/run`)
    answers for itself, not the templated paths it also matches (`/api/v1/benchmark/{benchmark_id}`).
    """
    paths: dict[str, dict[str, Any]] = request.app.openapi().get("paths", {})
    path = request.url.path
    matching = [p for p in paths if p == path] or [p for p in paths if _template(p).fullmatch(path)]
    return sorted({method.upper() for p in matching for method in paths[p]})


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = exc.code if isinstance(exc, ApiError) else _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.message if isinstance(exc, ApiError) else str(exc.detail)
    details = exc.details if isinstance(exc, ApiError) else {}
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    log.info("request_error", status=exc.status_code, code=code, message=message)
    return error_response(exc.status_code, code, message, request_id_of(request), headers, details)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = _validation_problems(exc)
    message = "; ".join(f"{p['field']}: {p['message']}" for p in problems) or "invalid request"
    log.info("request_error", status=422, code="validation_error", message=message)
    return error_response(
        422, "validation_error", message, request_id_of(request), details={"errors": problems}
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
