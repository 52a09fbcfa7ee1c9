"""REST endpoints of the benchmark over its gRPC API: the gateway mounts `router`.

    from gateway_rest.routes.benchmark import router as benchmark_router, get_benchmark_stub
    app.include_router(benchmark_router)
    app.state.benchmark_stub = BenchmarkServiceStub(channel)   # in lifespan
    # or: app.dependency_overrides[get_benchmark_stub] = lambda: stub

- `POST /api/v1/benchmark/run`: JSON `{"dataset": "zugferd-awv", "test_documents": ["a.pdf"],
  "backends": ["pdftext", "tesseract"]}`, or multipart: `files` (one or more documents), optional
  `truth` files named `X.truth.json` / `X.truth.txt` for a document `X.pdf`, and form fields
  `backends` (comma-separated), `dataset`, `test_documents` (comma-separated), `routing`, `label`,
  `limit`, `dpi`. Answers 202 with the queued run.
- `GET /api/v1/benchmark/runs`: the runs, newest first.
- `GET /api/v1/benchmark/{run_id}?documents=true`: status, progress, results.
- `GET /api/v1/benchmark/{run_id}/report?format=html|markdown|json`: the report as a download.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import grpc
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import ValidationError

from bench_service.convert import run_dict_from_proto
from bench_service.rest_models import BenchmarkRunList, BenchmarkRunRequest, BenchmarkRunView, ReportFormat
from ocrmesh.v1 import benchmark_pb2 as bpb
from ocrmesh.v1 import benchmark_pb2_grpc as bpb_grpc
from ocrmesh.v1 import ocr_pb2 as pb

router = APIRouter(prefix="/api/v1/benchmark", tags=["benchmark"])

HTTP_OF_GRPC = {
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.FAILED_PRECONDITION: 409,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
}
ROUTING = {None: bpb.BENCHMARK_ROUTING_UNSPECIFIED, "direct": bpb.BENCHMARK_ROUTING_DIRECT,
           "router": bpb.BENCHMARK_ROUTING_ROUTER}  # fmt: skip
FORMATS = {"json": bpb.BENCHMARK_REPORT_FORMAT_JSON, "markdown": bpb.BENCHMARK_REPORT_FORMAT_MARKDOWN,
           "html": bpb.BENCHMARK_REPORT_FORMAT_HTML}  # fmt: skip
TIMEOUT = 30.0


def get_benchmark_stub(request: Request) -> bpb_grpc.BenchmarkServiceStub:
    return request.app.state.benchmark_stub


StubDep = Annotated[bpb_grpc.BenchmarkServiceStub, Depends(get_benchmark_stub)]


def _http_error(exc: grpc.aio.AioRpcError) -> HTTPException:
    from gateway_rest.errors import auth_error

    if (refused := auth_error(exc)) is not None:
        return refused
    return HTTPException(HTTP_OF_GRPC.get(exc.code(), 502), f"{exc.code().name}: {exc.details() or ''}")


def _view(run: bpb.BenchmarkRun) -> BenchmarkRunView:
    return BenchmarkRunView.model_validate(run_dict_from_proto(run))


def _split(value: Any) -> list[str]:
    return [v.strip() for v in str(value or "").split(",") if v.strip()]


async def _multipart_request(request: Request) -> bpb.StartRunRequest:
    form = await request.form()
    texts: dict[str, str] = {}
    documents: list[tuple[str, bytes, str]] = []
    for key, value in form.multi_items():
        if isinstance(value, str):
            continue
        content = await value.read()
        name = value.filename or key
        if key == "truth" or name.endswith((".truth.json", ".truth.txt")):
            texts[name] = content.decode("utf-8", errors="replace")
        else:
            documents.append((name, content, value.content_type or ""))
    uploads = []
    for name, content, mime in documents:
        stem = name.rsplit(".", 1)[0]
        uploads.append(
            bpb.BenchmarkUpload(
                document=pb.Document(content=content, filename=name, mime_type=mime),
                truth_json=texts.get(f"{stem}.truth.json", ""),
                truth_text=texts.get(f"{stem}.truth.txt", ""),
            )
        )
    try:
        routing = form.get("routing") or None
        return bpb.StartRunRequest(
            dataset=str(form.get("dataset") or ""),
            documents=_split(form.get("test_documents")),
            uploads=uploads,
            backends=_split(form.get("backends")),
            routing=ROUTING[routing],  # type: ignore[index]
            limit=int(form.get("limit") or 0),
            label=str(form.get("label") or ""),
            dpi=int(form.get("dpi") or 0),
        )
    except (KeyError, ValueError) as exc:
        raise HTTPException(400, f"bad form field: {exc}") from None


@router.post(
    "/run",
    status_code=202,
    response_model=BenchmarkRunView,
    summary="Start a benchmark run (JSON with a dataset, or multipart uploads)",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": BenchmarkRunRequest.model_json_schema()},
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                            "truth": {"type": "array", "items": {"type": "string", "format": "binary"}},
                            "backends": {"type": "string"},
                            "dataset": {"type": "string"},
                            "test_documents": {"type": "string"},
                            "label": {"type": "string"},
                        },
                    }
                },
            },
            "required": True,
        }
    },
)
async def start_run(request: Request, stub: StubDep) -> BenchmarkRunView:
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        message = await _multipart_request(request)
    else:
        try:
            body = BenchmarkRunRequest.model_validate(json.loads(await request.body() or b"null"))
        except (ValidationError, json.JSONDecodeError) as exc:
            raise HTTPException(422, str(exc)) from None
        message = bpb.StartRunRequest(
            dataset=body.dataset, documents=body.test_documents, backends=body.backends,
            routing=ROUTING[body.routing], limit=body.limit, label=body.label, dpi=body.dpi,
        )
    try:
        response = await stub.StartRun(message, timeout=TIMEOUT)
    except grpc.aio.AioRpcError as exc:
        raise _http_error(exc) from None
    return _view(response.run)


@router.get("/runs", response_model=BenchmarkRunList, summary="List benchmark runs, newest first")
async def list_runs(stub: StubDep, limit: Annotated[int, Query(ge=0, le=1000)] = 50) -> BenchmarkRunList:
    try:
        response = await stub.ListRuns(bpb.ListRunsRequest(limit=limit), timeout=TIMEOUT)
    except grpc.aio.AioRpcError as exc:
        raise _http_error(exc) from None
    return BenchmarkRunList(runs=[_view(r) for r in response.runs])


@router.get("/{run_id}", response_model=BenchmarkRunView, summary="A run: status, progress, results")
async def get_run(run_id: str, stub: StubDep, documents: bool = True) -> BenchmarkRunView:
    try:
        response = await stub.GetRun(bpb.GetRunRequest(run_id=run_id, include_documents=documents), timeout=TIMEOUT)
    except grpc.aio.AioRpcError as exc:
        raise _http_error(exc) from None
    return _view(response.run)


@router.get("/{run_id}/report", summary="The run's report (html, markdown or json) as a download")
async def get_report(run_id: str, stub: StubDep, format: ReportFormat = "html") -> Response:  # noqa: A002
    try:
        response = await stub.GetReport(bpb.GetReportRequest(run_id=run_id, format=FORMATS[format]), timeout=TIMEOUT)
    except grpc.aio.AioRpcError as exc:
        raise _http_error(exc) from None
    disposition = "inline" if format == "html" else "attachment"
    return Response(
        response.content,
        media_type=response.mime_type,
        headers={"Content-Disposition": f'{disposition}; filename="{response.filename}"'},
    )
