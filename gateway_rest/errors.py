"""Errors as JSON `{"error": {"code", "message", "request_id"}}`.

`ApiError` is what routes raise; gRPC status codes of the upstream map to
HTTP statuses in `from_grpc`, the one table of that mapping.
"""

from __future__ import annotations

from collections.abc import Mapping

import grpc
import structlog
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from gateway_rest.models import ErrorBody, ErrorDetail

log = structlog.get_logger("ocrmesh.gateway")


class ApiError(StarletteHTTPException):
    """An error with a stable machine-readable code.

    A subclass of Starlette's HTTPException so that FastAPI lets it through
    unchanged even when raised while the request body is being read.
    """

    def __init__(
        self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail=message, headers=dict(headers) if headers else None)
        self.code = code
        self.message = message


def payload_too_large(limit_bytes: int) -> ApiError:
    return ApiError(
        413, "payload_too_large", f"the upload exceeds the limit of {limit_bytes / (1024 * 1024):.3g} MB"
    )


def _trailing(exc: grpc.aio.AioRpcError, name: str) -> str:
    for key, value in exc.trailing_metadata() or ():
        if key == name and isinstance(value, str):
            return value
    return ""


def auth_error(exc: grpc.aio.AioRpcError) -> ApiError | None:
    """401 / 403 / 429 for the router's answers about the caller's key; None for other errors."""
    code = exc.code()
    details = exc.details() or code.name
    if code is grpc.StatusCode.UNAUTHENTICATED:
        return ApiError(
            401,
            "unauthorized",
            details,
            {"WWW-Authenticate": 'Bearer realm="ocrmesh", error="invalid_token"'},
        )
    if code is grpc.StatusCode.PERMISSION_DENIED:
        return ApiError(403, "forbidden", details)
    if code is grpc.StatusCode.RESOURCE_EXHAUSTED and _trailing(exc, "ocrmesh-limit"):
        retry_after = _trailing(exc, "retry-after") or "1"
        return ApiError(429, "rate_limited", details, {"Retry-After": retry_after})
    return None


def from_grpc(exc: grpc.aio.AioRpcError, retry_after_seconds: int) -> ApiError:
    code = exc.code()
    details = exc.details() or code.name
    if (refused := auth_error(exc)) is not None:
        return refused
    if code is grpc.StatusCode.INVALID_ARGUMENT:
        return ApiError(422, "unreadable_document", details)
    if code is grpc.StatusCode.FAILED_PRECONDITION:
        return ApiError(422, "backend_declined", details)
    if code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.RESOURCE_EXHAUSTED):
        return ApiError(
            503,
            "backend_unavailable" if code is grpc.StatusCode.UNAVAILABLE else "backend_busy",
            f"no backend can take the document now ({code.name}): {details}",
            {"Retry-After": str(retry_after_seconds)},
        )
    if code is grpc.StatusCode.DEADLINE_EXCEEDED:
        return ApiError(504, "timeout", f"the document was not processed in time: {details}")
    return ApiError(502, "upstream_error", f"{code.name}: {details}")


def request_id_of(request: Request) -> str:
    return getattr(request.state, "request_id", "")


def error_response(
    status: int, code: str, message: str, request_id: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body = ErrorBody(error=ErrorDetail(code=code, message=message, request_id=request_id))
    return JSONResponse(body.model_dump(), status_code=status, headers=dict(headers) if headers else None)


_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    503: "unavailable",
}


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        loc = [str(x) for x in error.get("loc", ()) if x not in ("body", "query", "header", "path")]
        parts.append(f"{'.'.join(loc) or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = exc.code if isinstance(exc, ApiError) else _HTTP_CODES.get(exc.status_code, "http_error")
    message = exc.message if isinstance(exc, ApiError) else str(exc.detail)
    log.info("request_error", status=exc.status_code, code=code, message=message)
    return error_response(exc.status_code, code, message, request_id_of(request), exc.headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    message = _validation_message(exc)
    log.info("request_error", status=422, code="validation_error", message=message)
    return error_response(422, "validation_error", message, request_id_of(request))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
