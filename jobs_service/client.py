"""Clients of JobsService (blocking and asyncio), for the CLI, the gateway, tests and benchmarks."""

from __future__ import annotations

import mimetypes
from collections.abc import AsyncIterator, Iterator, Sequence

from ocrmesh.v1 import jobs_pb2 as jpb
from ocrmesh.v1 import jobs_pb2_grpc as jpb_grpc
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client.auth import aio_channel, resolve_api_key, sync_channel

MAX_MESSAGE_BYTES = 256 * 1024 * 1024
CHANNEL_OPTIONS = [
    ("grpc.max_receive_message_length", MAX_MESSAGE_BYTES),
    ("grpc.max_send_message_length", MAX_MESSAGE_BYTES),
]


def submit_request(
    documents: Sequence[tuple[str, bytes]],
    *,
    backend: str = "auto",
    options: pb.ProcessOptions | None = None,
    idempotency_key: str = "",
    priority: int = jpb.JOB_PRIORITY_UNSPECIFIED,
    allow_fallback: bool = False,
) -> jpb.SubmitBatchRequest:
    return jpb.SubmitBatchRequest(
        documents=[
            pb.Document(content=content, filename=name, mime_type=mimetypes.guess_type(name)[0] or "")
            for name, content in documents
        ],
        backend=backend,
        options=options or pb.ProcessOptions(),
        idempotency_key=idempotency_key,
        priority=priority,  # type: ignore[arg-type]
        allow_fallback=allow_fallback,
    )


class JobsClient:
    def __init__(self, target: str, *, api_key: str | None = None) -> None:
        self.target = target
        self.channel = sync_channel(target, key=resolve_api_key(api_key), options=CHANNEL_OPTIONS)
        self.stub = jpb_grpc.JobsServiceStub(self.channel)

    def __enter__(self) -> JobsClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.channel.close()

    def submit(self, request: jpb.SubmitBatchRequest, timeout: float | None = 120) -> jpb.SubmitBatchResponse:
        return self.stub.SubmitBatch(request, timeout=timeout, wait_for_ready=True)

    def get(self, job_id: str, *, include_results: bool = False, include_pages: bool = False) -> jpb.Job:
        request = jpb.GetJobRequest(job_id=job_id, include_results=include_results, include_pages=include_pages)
        return self.stub.GetJob(request, timeout=60).job

    def watch(self, job_id: str, *, include_results: bool = False) -> Iterator[jpb.WatchJobResponse]:
        return self.stub.WatchJob(jpb.WatchJobRequest(job_id=job_id, include_results=include_results))

    def cancel(self, job_id: str) -> jpb.Job:
        return self.stub.CancelJob(jpb.CancelJobRequest(job_id=job_id), timeout=30).job

    def list(self, page_size: int = 50, page_token: str = "") -> jpb.ListJobsResponse:
        return self.stub.ListJobs(jpb.ListJobsRequest(page_size=page_size, page_token=page_token), timeout=30)


class AsyncJobsClient:
    def __init__(self, target: str, *, api_key: str | None = None) -> None:
        self.target = target
        self.channel = aio_channel(target, key=resolve_api_key(api_key), options=CHANNEL_OPTIONS)
        self.stub = jpb_grpc.JobsServiceStub(self.channel)

    async def __aenter__(self) -> AsyncJobsClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        await self.channel.close()

    async def submit(self, request: jpb.SubmitBatchRequest, timeout: float | None = 120) -> jpb.SubmitBatchResponse:
        return await self.stub.SubmitBatch(request, timeout=timeout)

    async def get(self, job_id: str, *, include_results: bool = False, include_pages: bool = False) -> jpb.Job:
        request = jpb.GetJobRequest(job_id=job_id, include_results=include_results, include_pages=include_pages)
        return (await self.stub.GetJob(request, timeout=60)).job

    def watch(
        self, job_id: str, *, include_results: bool = False, include_pages: bool = False
    ) -> AsyncIterator[jpb.WatchJobResponse]:
        request = jpb.WatchJobRequest(job_id=job_id, include_results=include_results, include_pages=include_pages)
        return self.stub.WatchJob(request)

    async def cancel(self, job_id: str) -> jpb.Job:
        return (await self.stub.CancelJob(jpb.CancelJobRequest(job_id=job_id), timeout=30)).job

    async def list(self, page_size: int = 50, page_token: str = "") -> jpb.ListJobsResponse:
        return await self.stub.ListJobs(jpb.ListJobsRequest(page_size=page_size, page_token=page_token), timeout=30)

    async def wait(self, job_id: str, timeout: float = 300) -> jpb.Job:
        """Follow the job until it is final; returns the final snapshot."""
        import asyncio

        async def follow() -> jpb.Job:
            last: jpb.Job | None = None
            async for event in self.watch(job_id):
                if event.WhichOneof("event") == "snapshot":
                    last = event.snapshot
            assert last is not None
            return last

        return await asyncio.wait_for(follow(), timeout)
