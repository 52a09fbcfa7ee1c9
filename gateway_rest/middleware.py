"""Pure ASGI middleware: request context (id, logs, metrics) and the upload limit.

Pure ASGI rather than `BaseHTTPMiddleware`, so request bodies stream through
untouched and the byte count can stop an oversized upload early.
"""

from __future__ import annotations

import re
import time
import uuid

import structlog
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway_rest.errors import error_response, payload_too_large
from gateway_rest.metrics import GatewayMetrics

log = structlog.get_logger("ocrmesh.gateway")

REQUEST_ID_HEADER = "x-request-id"
_VALID_ID = re.compile(r"^[A-Za-z0-9._:\-]{1,128}$")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return value.decode("latin-1")
    return None


class RequestContextMiddleware:
    """Request id from `X-Request-ID` (or a new one) bound to every log line and
    echoed in the response; one log line and metrics per request; a JSON 500
    for anything unhandled."""

    def __init__(self, app: ASGIApp, metrics: GatewayMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        supplied = _header(scope, REQUEST_ID_HEADER.encode())
        request_id = supplied if supplied and _VALID_ID.match(supplied) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        with structlog.contextvars.bound_contextvars(request_id=request_id):
            await self._serve(scope, receive, send, request_id)

    async def _serve(self, scope: Scope, receive: Receive, send: Send, request_id: str) -> None:
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                headers = [
                    (k, v) for k, v in message.get("headers", []) if k.lower() != REQUEST_ID_HEADER.encode()
                ]
                headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        self.metrics.in_progress.inc()
        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            log.exception("request_failed", method=scope["method"], path=scope["path"])
            if not response_started:
                response = error_response(500, "internal", "internal error in the gateway", request_id)
                await response(scope, receive, send_with_id)
        finally:
            self.metrics.in_progress.dec()
            seconds = time.perf_counter() - started
            route = scope.get("route")
            template = getattr(route, "path", None) or "unmatched"
            self.metrics.requests.labels(scope["method"], template, str(status)).inc()
            self.metrics.request_seconds.labels(scope["method"], template).observe(seconds)
            log.info(
                "request",
                method=scope["method"],
                path=scope["path"],
                status=status,
                seconds=round(seconds, 4),
            )


class BodyLimitMiddleware:
    """Refuse a body larger than `max_body_bytes`: from Content-Length before
    reading anything, and by counting while reading (chunked uploads)."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        max_upload_bytes: int,
        larger_paths: dict[str, tuple[int, int]] | None = None,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_upload_bytes = max_upload_bytes
        # path -> (body limit, limit named in the error) for endpoints taking several files.
        self.larger_paths = larger_paths or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        max_body_bytes, max_upload_bytes = self.larger_paths.get(
            scope.get("path", ""), (self.max_body_bytes, self.max_upload_bytes)
        )
        declared = _header(scope, b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_body_bytes:
            error = payload_too_large(max_upload_bytes)
            request_id = scope.get("state", {}).get("request_id", "")
            response = error_response(413, error.code, error.message, request_id, {"Connection": "close"})
            await response(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > max_body_bytes:
                    raise payload_too_large(max_upload_bytes)
            return message

        await self.app(scope, counting_receive, send)
