"""API keys on the REST facade: the caller's key is found here and forwarded to the router, which checks it.

`Authorization: Bearer KEY` or `X-API-Key: KEY`. The router is the one place
a key is verified (scopes, ownership, limits, audit); the gateway only refuses
a request without any key at once (401 before an upload is read) and sends the
caller's key with every gRPC call it makes for that request (`caller_key`, read
by the channel's interceptor). Health, metrics, the API docs and the console's
page and assets (which hold no data) stay open.
"""

from __future__ import annotations

import contextvars

from fastapi import Security
from fastapi.params import Depends
from fastapi.security import APIKeyHeader, HTTPBearer
from starlette.types import ASGIApp, Receive, Scope, Send

from gateway_rest.errors import error_response

OPEN_PATHS = ("/api/v1/health", "/metrics", "/docs", "/openapi.json", "/console/static")
# The console's page holds no data (it signs in with a key and calls the API): open too.
OPEN_EXACT = frozenset({"/"})
UNAUTHORIZED_HEADERS = {"WWW-Authenticate": 'Bearer realm="ocrmesh"'}

# How OpenAPI tells clients (and Schemathesis) to send the key; the middleware below does the checking.
_API_KEY_HEADER = APIKeyHeader(name="X-API-Key", auto_error=False, description="An ocrmesh API key")
_BEARER = HTTPBearer(auto_error=False, description="An ocrmesh API key as a bearer token")


def documented_security() -> list[Depends]:
    """Route dependencies that only document the key in OpenAPI (either header will do)."""
    return [Security(_API_KEY_HEADER), Security(_BEARER)]


_CALLER_KEY: contextvars.ContextVar[str] = contextvars.ContextVar("ocrmesh_caller_key", default="")


def caller_key() -> str:
    """The key of the request being served ('' outside a request or without a key)."""
    return _CALLER_KEY.get()


class ConflictingKeys(ValueError):
    """`Authorization: Bearer` and `X-API-Key` name two different keys: which caller is it?"""


def key_from_headers(headers: list[tuple[bytes, bytes]]) -> str:
    """The caller's key ('' without one); ConflictingKeys when the two headers disagree."""
    bearer = api_key = None
    for name, value in headers:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer":
                bearer = token.strip()
        elif name == b"x-api-key":
            api_key = value.decode("latin-1").strip()
    if bearer is not None and api_key is not None and bearer != api_key:  # an empty one counts too
        raise ConflictingKeys("two different API keys (Authorization and X-API-Key): send one")
    return bearer or api_key or ""


def is_open(path: str) -> bool:
    return path in OPEN_EXACT or any(path == p or path.startswith(p + "/") for p in OPEN_PATHS)


class ApiKeyMiddleware:
    """Pure ASGI: find the key, refuse a protected request without one (when `required`), forward it."""

    def __init__(self, app: ASGIApp, required: bool) -> None:
        self.app = app
        self.required = required

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        protected = self.required and not is_open(scope.get("path", ""))
        try:
            key, problem = key_from_headers(scope.get("headers", [])), ""
        except ConflictingKeys as exc:
            key, problem = "", str(exc)
        if not key and protected:
            request_id = scope.get("state", {}).get("request_id", "")
            message = problem or "an API key is required (Authorization: Bearer KEY or X-API-Key: KEY)"
            response = error_response(401, "unauthorized", message, request_id, UNAUTHORIZED_HEADERS)
            await response(scope, receive, send)
            return
        token = _CALLER_KEY.set(key)
        try:
            await self.app(scope, receive, send)
        finally:
            _CALLER_KEY.reset(token)
