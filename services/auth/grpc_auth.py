"""The router's server interceptor: authenticate, authorise, limit and audit every call.

A call presents `authorization: Bearer KEY` metadata. Health, reflection,
`Describe` and `Status` are open (load balancers, grpcurl, the gateway's
health page: no job or document data); every other method needs a scope
(`METHOD_SCOPES`, unknown methods need admin). No or an unknown key is
UNAUTHENTICATED, a missing scope PERMISSION_DENIED, a key over its rate or
concurrency RESOURCE_EXHAUSTED with `retry-after` and `ocrmesh-limit`
trailing metadata (the gateway answers 429). The principal is set in
`services.auth.keys.CURRENT` for the servicers (ownership). One `audit` log
line per call: key name (never the key), method, code, seconds, bytes.

Services hosted in the router (jobs runner, benchmarks) call the router with
its in-process `internal_token`, acting for the owner named in
`x-ocrmesh-owner` (their work was admitted when it was submitted).
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Protocol

import grpc
import structlog

from services.auth.keys import CURRENT, SCOPES, Principal
from services.auth.limiter import KeyLimiter, LimitExceeded

log = structlog.get_logger("ocrmesh.audit")

OPEN_PREFIXES = ("/grpc.health.v1.Health/", "/grpc.reflection.")
OPEN_METHODS = frozenset({"/ocrmesh.v1.OcrService/Describe", "/ocrmesh.v1.OcrService/Status"})
METHOD_SCOPES = {
    "/ocrmesh.v1.OcrService/Process": "process",
    "/ocrmesh.v1.OcrService/Load": "admin",
    "/ocrmesh.v1.OcrService/Unload": "admin",
    "/ocrmesh.v1.OcrService/AdmitPreview": "process",
    "/ocrmesh.v1.JobsService/SubmitBatch": "batch",
    "/ocrmesh.v1.JobsService/GetJob": "batch",
    "/ocrmesh.v1.JobsService/GetJobDocument": "batch",
    "/ocrmesh.v1.JobsService/WatchJob": "batch",
    "/ocrmesh.v1.JobsService/ListJobs": "batch",
    "/ocrmesh.v1.JobsService/CancelJob": "batch",
    "/ocrmesh.v1.BenchmarkService/StartRun": "benchmark",
    "/ocrmesh.v1.BenchmarkService/GetRun": "benchmark",
    "/ocrmesh.v1.BenchmarkService/WatchRun": "benchmark",
    "/ocrmesh.v1.BenchmarkService/ListRuns": "benchmark",
    "/ocrmesh.v1.BenchmarkService/GetReport": "benchmark",
    # Learning a supplier changes how its every later document is read.
    "/ocrmesh.v1.SuppliersService/LearnSupplier": "admin",
}
# Calls any valid key may make, whatever its scopes (a key asking what it may do).
KEY_ONLY_METHODS = frozenset({"/ocrmesh.v1.OcrService/GetCaller"})
# Calls that start work count against the key's rate; reading state does not.
RATED = frozenset(
    {
        "/ocrmesh.v1.OcrService/Process",
        "/ocrmesh.v1.OcrService/AdmitPreview",
        "/ocrmesh.v1.JobsService/SubmitBatch",
        "/ocrmesh.v1.BenchmarkService/StartRun",
    }
)
# Calls that hold one of the key's concurrent-document slots while they run.
DOCUMENT_CALLS = frozenset({"/ocrmesh.v1.OcrService/Process"})
OWNER_METADATA = "x-ocrmesh-owner"
LIMIT_METADATA = "ocrmesh-limit"
INTERNAL_NAME = "router-internal"


@dataclass
class _Call:
    started: float
    peer: str  # read at the start: context.peer() after the call ended reads freed memory (grpc#29927)
    request_id: str | None
    principal: Principal | None = None
    code: grpc.StatusCode | None = None


class Authenticator(Protocol):
    async def authenticate(self, key: str) -> Principal | None: ...


def bearer_key(metadata: Any) -> str:
    """The key of `authorization: Bearer KEY` (or `x-api-key: KEY`) call metadata; '' when absent."""
    for name, value in metadata or ():
        if name == "authorization" and isinstance(value, str):
            scheme, _, token = value.partition(" ")
            if scheme.lower() == "bearer":
                return token.strip()
        elif name == "x-api-key" and isinstance(value, str):
            return value.strip()
    return ""


def _metadata_value(metadata: Any, key: str) -> str:
    for name, value in metadata or ():
        if name == key and isinstance(value, str):
            return value
    return ""


def document_bytes(request: Any) -> int:
    """Size of the documents a request carries (audit); 0 for calls without any."""
    document = getattr(request, "document", None)
    if document is not None and hasattr(document, "content"):
        return len(document.content)
    documents = getattr(request, "documents", None)
    if documents is not None:
        return sum(len(getattr(d, "content", b"")) for d in documents)
    return 0


class AuthInterceptor(grpc.aio.ServerInterceptor):
    def __init__(self, keys: Authenticator | None, *, limiter: KeyLimiter | None = None) -> None:
        # keys None = authentication off (loopback only): calls are audited, never refused.
        self.keys = keys
        self.limiter = limiter or KeyLimiter()
        self.internal_token = secrets.token_urlsafe(32)

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler]],
        details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler:
        handler = await continuation(details)
        method = details.method
        if handler is None or method.startswith(OPEN_PREFIXES) or method in OPEN_METHODS:
            return handler
        if handler.request_streaming:
            return handler  # no client-streaming method in the contract; nothing to wrap
        if handler.response_streaming:
            return grpc.unary_stream_rpc_method_handler(
                self._streaming(method, handler.unary_stream),
                request_deserializer=handler.request_deserializer,
                response_serializer=handler.response_serializer,
            )
        return grpc.unary_unary_rpc_method_handler(
            self._unary(method, handler.unary_unary),
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )

    async def _authenticate(self, context: grpc.aio.ServicerContext) -> Principal | None:
        """The caller's principal, or abort UNAUTHENTICATED; None when authentication is off."""
        metadata = context.invocation_metadata()
        key = bearer_key(metadata)
        if key and secrets.compare_digest(key, self.internal_token):
            owner = _metadata_value(metadata, OWNER_METADATA)
            return Principal(owner, INTERNAL_NAME, frozenset(SCOPES), internal=True)
        if self.keys is None:
            return None
        if not key:
            await context.abort(
                grpc.StatusCode.UNAUTHENTICATED, "an API key is required (authorization: Bearer KEY)"
            )
        principal = await self.keys.authenticate(key)
        if principal is None:
            await context.abort(grpc.StatusCode.UNAUTHENTICATED, "unknown or revoked API key")
        return principal

    async def _authorise(
        self, method: str, principal: Principal | None, context: grpc.aio.ServicerContext
    ) -> None:
        """Abort PERMISSION_DENIED for a missing scope, RESOURCE_EXHAUSTED over the key's rate."""
        if principal is None or principal.internal or method in KEY_ONLY_METHODS:
            return
        scope = METHOD_SCOPES.get(method, "admin")
        if not principal.allows(scope):
            await context.abort(
                grpc.StatusCode.PERMISSION_DENIED,
                f"key {principal.name!r} lacks the {scope!r} scope for this call",
            )
        if method in RATED:
            try:
                self.limiter.hit(principal)
            except LimitExceeded as exc:
                await self._refuse(context, exc)

    @staticmethod
    async def _refuse(context: grpc.aio.ServicerContext, exc: LimitExceeded) -> None:
        await context.abort(
            grpc.StatusCode.RESOURCE_EXHAUSTED,
            exc.message,
            trailing_metadata=(("retry-after", str(exc.retry_after)), (LIMIT_METADATA, "key")),
        )

    @asynccontextmanager
    async def _audited(
        self, method: str, request: Any, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[_Call]:
        """Admit the call (principal set for the servicers), and write its audit line however it ends."""
        call = _Call(
            time.perf_counter(),
            context.peer(),
            _metadata_value(context.invocation_metadata(), "x-request-id") or None,
        )
        try:
            call.principal = await self._authenticate(context)
            await self._authorise(method, call.principal, context)
            CURRENT.set(call.principal)  # this call's task only
            yield call
        except asyncio.CancelledError:
            call.code = grpc.StatusCode.CANCELLED
            raise
        finally:
            final = call.code or context.code() or grpc.StatusCode.OK
            log.info(
                "audit",
                key=call.principal.name if call.principal is not None else "-",
                method=method,
                code=final.name if isinstance(final, grpc.StatusCode) else str(final),
                seconds=round(time.perf_counter() - call.started, 4),
                bytes=document_bytes(request),
                peer=call.peer,
                request_id=call.request_id,
            )

    def _unary(self, method: str, behavior: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
        async def wrapped(request: Any, context: grpc.aio.ServicerContext) -> Any:
            async with self._audited(method, request, context):
                return await behavior(request, context)

        return wrapped

    def _streaming(self, method: str, behavior: Callable[..., Any]) -> Callable[..., AsyncIterator[Any]]:
        async def wrapped(request: Any, context: grpc.aio.ServicerContext) -> AsyncIterator[Any]:
            async with self._audited(method, request, context) as call:
                principal, held = call.principal, False
                if principal is not None and method in DOCUMENT_CALLS:
                    try:
                        held = self.limiter.acquire(principal)
                    except LimitExceeded as exc:
                        await self._refuse(context, exc)
                try:
                    async for response in behavior(request, context):
                        yield response
                finally:
                    if held and principal is not None:
                        self.limiter.release(principal)

        return wrapped
