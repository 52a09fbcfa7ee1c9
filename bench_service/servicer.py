"""BenchmarkService over the benchmark host: requests in, run records out, errors as status codes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import grpc

from bench_service.convert import run_to_proto
from bench_service.datasets import BenchDocument, DatasetError, parse_truth_json
from bench_service.errors import RunWithoutResults, UnknownReportFormat
from bench_service.host import BenchmarkHost, QueueFullError, RunRequest, Snapshot
from bench_service.model import Progress, RunRecord
from bench_service.store import UnknownRunError
from ocrmesh.v1 import benchmark_pb2 as bpb
from ocrmesh.v1 import benchmark_pb2_grpc as bpb_grpc
from services.auth.keys import current_principal
from services.scaffold.status import abort

BENCHMARK_SERVICE_NAME = bpb.DESCRIPTOR.services_by_name["BenchmarkService"].full_name
ROUTING = {bpb.BENCHMARK_ROUTING_DIRECT: "direct", bpb.BENCHMARK_ROUTING_ROUTER: "router"}
FORMATS = {
    bpb.BENCHMARK_REPORT_FORMAT_UNSPECIFIED: "json",
    bpb.BENCHMARK_REPORT_FORMAT_JSON: "json",
    bpb.BENCHMARK_REPORT_FORMAT_MARKDOWN: "markdown",
    bpb.BENCHMARK_REPORT_FORMAT_HTML: "html",
}


def _progress(progress: Progress) -> bpb.BenchmarkProgress:
    return bpb.BenchmarkProgress(**progress.model_dump())


def uploads_from_proto(uploads: list[bpb.BenchmarkUpload]) -> list[BenchDocument]:
    docs = []
    for k, upload in enumerate(uploads):
        name = upload.document.filename or f"upload-{k + 1}"
        truth = parse_truth_json(upload.truth_json, name) if upload.truth_json else None
        docs.append(BenchDocument(name, upload.document.content, truth, upload.truth_text or None))
    return docs


class BenchmarkServicer(bpb_grpc.BenchmarkServiceServicer):
    """Runs belong to the key that started them: another key gets NOT_FOUND, lists only its own; admin all."""

    def __init__(self, host: BenchmarkHost) -> None:
        self.host = host

    @staticmethod
    def _visible(record: RunRecord) -> bool:
        principal = current_principal()
        return principal is None or principal.owns(record.owner)

    async def _own_run(self, run_id: str, context: grpc.aio.ServicerContext, documents: bool = True) -> RunRecord:
        try:
            record = self.host.get(run_id, documents)
        except UnknownRunError as exc:
            await abort(context, exc)
        if not self._visible(record):
            await abort(context, UnknownRunError(run_id))  # another key's run: as if it did not exist
        return record

    async def StartRun(self, request: bpb.StartRunRequest, context: grpc.aio.ServicerContext) -> bpb.StartRunResponse:
        try:
            run_request = RunRequest(
                dataset=request.dataset,
                documents=list(request.documents),
                uploads=uploads_from_proto(list(request.uploads)),
                backends=list(request.backends),
                routing=ROUTING.get(request.routing),  # type: ignore[arg-type]
                limit=request.limit,
                label=request.label,
                dpi=request.dpi,
                owner=principal.owner if (principal := current_principal()) is not None else "",
            )
            record = await self.host.start_run(run_request)
        except (DatasetError, QueueFullError) as exc:  # a bad or unknown name, or too many runs waiting
            await abort(context, exc)
        return bpb.StartRunResponse(run=run_to_proto(record))

    async def GetRun(self, request: bpb.GetRunRequest, context: grpc.aio.ServicerContext) -> bpb.GetRunResponse:
        record = await self._own_run(request.run_id, context, request.include_documents)
        return bpb.GetRunResponse(run=run_to_proto(record))

    async def WatchRun(
        self, request: bpb.WatchRunRequest, context: grpc.aio.ServicerContext
    ) -> AsyncIterator[bpb.WatchRunResponse]:
        await self._own_run(request.run_id, context, documents=False)
        events = self.host.watch(request.run_id)
        try:
            async for event in events:
                if isinstance(event, Snapshot):
                    yield bpb.WatchRunResponse(
                        kind=bpb.BENCHMARK_EVENT_KIND_SNAPSHOT,
                        progress=_progress(event.record.progress),
                        run=run_to_proto(event.record),
                    )
                elif event.kind == "document_done":
                    yield bpb.WatchRunResponse(
                        kind=bpb.BENCHMARK_EVENT_KIND_DOCUMENT_DONE,
                        progress=_progress(event.progress),
                        document=event.document,
                        backend=event.backend,
                        message=event.message,
                    )
                else:
                    yield bpb.WatchRunResponse(
                        kind=bpb.BENCHMARK_EVENT_KIND_PHASE,
                        progress=_progress(event.progress),
                        backend=event.backend,
                        message=event.message,
                    )
        except UnknownRunError as exc:
            await abort(context, exc)
        finally:
            await events.aclose()

    async def ListRuns(self, request: bpb.ListRunsRequest, context: grpc.aio.ServicerContext) -> bpb.ListRunsResponse:
        principal = current_principal()
        if principal is None or principal.admin:
            records = self.host.list(request.limit)
        else:
            records = [r for r in self.host.list(10_000) if self._visible(r)][: request.limit or 50]
        return bpb.ListRunsResponse(runs=[run_to_proto(r) for r in records])

    async def GetReport(self, request: bpb.GetReportRequest, context: grpc.aio.ServicerContext) -> bpb.GetReportResponse:
        fmt = FORMATS.get(request.format)
        if fmt is None:
            await abort(context, UnknownReportFormat(request.format))
        record = await self._own_run(request.run_id, context)
        if not record.summaries and record.final:
            await abort(context, RunWithoutResults(record.run_id, record.status))
        from bench_service.report import render

        content, mime, filename = render(record, fmt)  # type: ignore[arg-type]
        return bpb.GetReportResponse(content=content, mime_type=mime, filename=f"{record.run_id}-{filename}")
