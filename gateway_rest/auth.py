"""API keys on the REST facade: the caller's key is found here and forwarded to the router, which checks it.

`Authorization: Bearer KEY` or `X-API-Key: KEY`. The router is the one place
a key is verified (scopes, ownership, limits, audit); the gateway only refuses
a request without any key at once (401 before an upload is read) and sends the
caller's key with every gRPC call it makes for that request (`caller_key`, read
by the channel's interceptor). Health, metrics and the API docs stay open.
"""

from __future__ import annotations

import contextvars

from starlette.types import ASGIApp, Receive, Scope, Send

from gateway_rest.errors import error_response

OPEN_PATHS = ("/api/v1/health", "/metrics", "/docs", "/openapi.json")
UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Bearer realm="ocrmesh"'}

_CALLER_KEY: contextvars.ContextVar[str] = contextvars.ContextVar("ocrmesh_caller_key", default="")


def caller_key() -> str:
    """The key of the request being served ('' outside a request or without a key)."""
    return _CALLER_KEY.get()


def key_from_headers(headers: list[tuple[bytes, bytes]]) -> str:
    bearer = api_key = ""
    for name, value in headers:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer":
                bearer = token.strip()
        elif name == b"x-api-key":
            api_key = value.decode("latin-1").strip()
    return bearer or api_key


def is_open(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in OPEN_PATHS)


class ApiKeyMiddleware:
    """Pure ASGI: find the key, refuse a protected request without one (when `required`), forward it."""

    def __init__(self, app: ASGIApp, required: bool) -> None:
        self.app = app
        self.required = required

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        key = key_from_headers(scope.get("headers", []))
        if not key and self.required and not is_open(scope.get("path", "")):
            request_id = scope.get("state", {}).get("request_id", "")
            response = error_response(
                401, "unauthorized", "an API key is required (Authorization: Bearer KEY or X-API-Key: KEY)",
                request_id, UNAUTHORIZED_HEADERS,
            )  # fmt: skip
            await response(scope, receive, send)
            return
        token = _CALLER_KEY.set(key)
        try:
            await self.app(scope, receive, send)
        finally:
            _CALLER_KEY.reset(token)
