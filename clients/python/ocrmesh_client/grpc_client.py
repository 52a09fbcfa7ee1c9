"""gRPC clients (async and sync) for any OcrService: a backend or the router."""

from __future__ import annotations

import mimetypes
import uuid
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from ocrmesh_client.auth import KeySource, MetadataSource, aio_channel, resolve_api_key, sync_channel
from ocrmesh_client.tls import TlsFiles
from ocrmesh_client.v1 import ocr_pb2 as pb
from ocrmesh_client.v1 import ocr_pb2_grpc as pb_grpc

# A document is at most 50 MB; a batch submitted to JobsService travels as one message.
MAX_MESSAGE_BYTES = 256 * 1024 * 1024
CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
    ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
]


def build_request(
    content: bytes,
    *,
    filename: str = "",
    mime_type: str = "",
    backend: str = "",
    request_id: str = "",
    options: pb.ProcessOptions | None = None,
    allow_fallback: bool = False,
) -> pb.ProcessRequest:
    if not mime_type and filename:
        mime_type = mimetypes.guess_type(filename)[0] or ""
    return pb.ProcessRequest(
        document=pb.Document(content=content, filename=filename, mime_type=mime_type),
        backend=backend,
        request_id=request_id or uuid.uuid4().hex,
        options=options or pb.ProcessOptions(),
        allow_fallback=allow_fallback,
    )


def request_from_file(path: Path | str, **kwargs: object) -> pb.ProcessRequest:
    path = Path(path)
    return build_request(path.read_bytes(), filename=path.name, **kwargs)  # type: ignore[arg-type]


# The router's health service per backend ("backend/tesseract"): SERVING while one of its replicas is, so a
# probe or `ocrmesh up` sees which backend the router cannot route to.
BACKEND_HEALTH_PREFIX = "backend/"


def backend_health_service(backend: str) -> str:
    """The router's health service name for one backend."""
    return f"{BACKEND_HEALTH_PREFIX}{backend}"


@dataclass
class ProcessOutcome:
    """All events of one Process call."""

    pages: list[pb.PageResult] = field(default_factory=list)
    document: pb.DocumentResult | None = None

    def add(self, event: pb.ProcessResponse) -> None:
        kind = event.WhichOneof("event")
        if kind == "page":
            self.pages.append(event.page)
        elif kind == "document":
            self.document = event.document


class AsyncOcrClient:
    """`api_key` None: OCRMESH_API_KEY or the local admin key (clients/python/ocrmesh_client/auth.py); '' sends none;
    a callable gives each call's key (the gateway forwards its caller's)."""

    def __init__(
        self,
        target: str,
        *,
        channel: grpc.aio.Channel | None = None,
        api_key: KeySource | None = None,
        tls: TlsFiles | None = None,
        metadata: MetadataSource | None = None,
    ) -> None:
        self.target = target
        key = resolve_api_key() if api_key is None else api_key
        self.channel = channel or aio_channel(target, key=key, tls=tls, options=CHANNEL_OPTIONS, metadata=metadata)
        self.stub = pb_grpc.OcrServiceStub(self.channel)
        self.health_stub = health_pb2_grpc.HealthStub(self.channel)

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        await self.channel.close()

    def stream(
        self,
        request: pb.ProcessRequest,
        *,
        timeout: float | None = None,
        metadata: Sequence[tuple[str, str]] | None = None,
    ) -> AsyncIterator[pb.ProcessResponse]:
        """The raw event stream; cancelling the iteration cancels the call."""
        return self.stub.Process(request, timeout=timeout, metadata=metadata)

    async def process(self, request: pb.ProcessRequest, *, timeout: float | None = None) -> ProcessOutcome:
        outcome = ProcessOutcome()
        call = self.stub.Process(request, timeout=timeout)
        try:
            async for event in call:
                outcome.add(event)
        finally:
            call.cancel()  # no-op once finished; cancelling this task cancels the RPC with it
        return outcome

    async def describe(self, timeout: float | None = 5) -> pb.DescribeResponse:
        return await self.stub.Describe(pb.DescribeRequest(), timeout=timeout)

    async def status(self, timeout: float | None = 5) -> pb.StatusResponse:
        return await self.stub.Status(pb.StatusRequest(), timeout=timeout)

    async def load(self, timeout: float | None = None) -> pb.LoadResponse:
        return await self.stub.Load(pb.LoadRequest(), timeout=timeout)

    async def unload(self, timeout: float | None = None) -> pb.UnloadResponse:
        return await self.stub.Unload(pb.UnloadRequest(), timeout=timeout)

    async def caller(self, timeout: float | None = 5) -> pb.GetCallerResponse:
        """The name and scopes of this client's key (every scope where the server checks no keys)."""
        return await self.stub.GetCaller(pb.GetCallerRequest(), timeout=timeout)

    async def admit_preview(self, timeout: float | None = 5) -> None:
        """Admission of one page preview rendered by the caller (the key's 'process' scope and rate)."""
        await self.stub.AdmitPreview(pb.AdmitPreviewRequest(), timeout=timeout)

    async def health(self, service: str = "", timeout: float | None = 5) -> int:
        response = await self.health_stub.Check(
            health_pb2.HealthCheckRequest(service=service), timeout=timeout
        )
        return response.status


class OcrClient:
    """Blocking client with the same methods as AsyncOcrClient."""

    def __init__(self, target: str, *, api_key: str | None = None, tls: TlsFiles | None = None) -> None:
        self.target = target
        key = resolve_api_key(api_key)
        self.channel = sync_channel(target, key=key, tls=tls, options=CHANNEL_OPTIONS)
        self.stub = pb_grpc.OcrServiceStub(self.channel)
        self.health_stub = health_pb2_grpc.HealthStub(self.channel)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.channel.close()

    def stream(
        self, request: pb.ProcessRequest, *, timeout: float | None = None
    ) -> Iterator[pb.ProcessResponse]:
        return self.stub.Process(request, timeout=timeout)

    def process(self, request: pb.ProcessRequest, *, timeout: float | None = None) -> ProcessOutcome:
        outcome = ProcessOutcome()
        for event in self.stub.Process(request, timeout=timeout):
            outcome.add(event)
        return outcome

    def describe(self, timeout: float | None = 5) -> pb.DescribeResponse:
        return self.stub.Describe(pb.DescribeRequest(), timeout=timeout)

    def status(self, timeout: float | None = 5) -> pb.StatusResponse:
        return self.stub.Status(pb.StatusRequest(), timeout=timeout)

    def load(self, timeout: float | None = None) -> pb.LoadResponse:
        return self.stub.Load(pb.LoadRequest(), timeout=timeout)

    def unload(self, timeout: float | None = None) -> pb.UnloadResponse:
        return self.stub.Unload(pb.UnloadRequest(), timeout=timeout)

    def caller(self, timeout: float | None = 5) -> pb.GetCallerResponse:
        return self.stub.GetCaller(pb.GetCallerRequest(), timeout=timeout)

    def admit_preview(self, timeout: float | None = 5) -> None:
        self.stub.AdmitPreview(pb.AdmitPreviewRequest(), timeout=timeout)

    def health(self, service: str = "", timeout: float | None = 5) -> int:
        return self.health_stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=timeout).status

    def wait_for_serving(self, timeout: float = 30.0) -> None:
        """Block until the server's overall health is SERVING."""
        import time

        deadline = time.monotonic() + timeout
        last: Exception | None = None
        while time.monotonic() < deadline:
            try:
                if self.health(timeout=2) == health_pb2.HealthCheckResponse.SERVING:
                    return
            except grpc.RpcError as exc:
                last = exc
            time.sleep(0.1)
        raise TimeoutError(f"{self.target} did not become SERVING within {timeout:.0f}s ({last})")
