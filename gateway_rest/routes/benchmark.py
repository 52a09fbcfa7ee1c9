"""REST endpoints of the benchmark over its gRPC API: the gateway mounts `router`.

    from gateway_rest.routes.benchmark import router as benchmark_router, get_benchmark_stub
    app.include_router(benchmark_router)
    app.state.benchmark_stub = BenchmarkServiceStub(channel)   # in lifespan
    # or: app.dependency_overrides[get_benchmark_stub] = lambda: stub

- `POST /api/v1/benchmark/run`: JSON `{"dataset": "zugferd-awv", "test_documents": ["a.pdf"],
  "backends": ["pdftext", "tesseract"]}`, or multipart: `files` (one or more documents), optional
  `truth` files named `X.truth.json` / `X.truth.txt` for a document `X.pdf`, and form fields
  `backends` (comma-separated) and `label`. Answers 202 with the queued benchmark
  (`benchmark_id`, `status`, `progress`, `results`); with `?wait=true` it answers 200 when the run
  is over, `results.<backend>` holding `avg_time` (s), `accuracy` (0..1), `ram_usage` and
  `vram_usage` (GB).
- `GET /api/v1/benchmark/runs`: the benchmarks, newest first.
- `GET /api/v1/benchmark/{benchmark_id}?documents=true`: status, progress, results, and the
  per-document and per-class details.
- `GET /api/v1/benchmark/{benchmark_id}/report?format=html|markdown|json`: the report as a download.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import grpc
from fastapi import APIRouter, Depends, Path, Query, Request, Response
from pydantic import ValidationError

from bench_service.convert import run_from_proto
from bench_service.rest_models import (
    BENCHMARK_ID_PATTERN,
    BenchmarkRunList,
    BenchmarkRunRequest,
    BenchmarkView,
    ReportFormat,
    view_of,
)
from gateway_rest import errors
from gateway_rest.errors import ApiError
from gateway_rest.models import DIGITS, TRUE_OR_FALSE
from gateway_rest.routes.process import FILE_SCHEMA
from ocrmesh.v1 import benchmark_pb2 as bpb
from ocrmesh.v1 import benchmark_pb2_grpc as bpb_grpc
from ocrmesh.v1 import ocr_pb2 as pb

router = APIRouter(prefix="/api/v1/benchmark", tags=["benchmark"])

ROUTING = {None: bpb.BENCHMARK_ROUTING_UNSPECIFIED, "direct": bpb.BENCHMARK_ROUTING_DIRECT,
           "router": bpb.BENCHMARK_ROUTING_ROUTER}  # fmt: skip
FORMATS = {"json": bpb.BENCHMARK_REPORT_FORMAT_JSON, "markdown": bpb.BENCHMARK_REPORT_FORMAT_MARKDOWN,
           "html": bpb.BENCHMARK_REPORT_FORMAT_HTML}  # fmt: skip
TIMEOUT = 30.0
BenchmarkId = Annotated[
    str, Path(pattern=BENCHMARK_ID_PATTERN, description="As `benchmark_id` of the run's answer")
]

FILE_FIELDS = ("files", "truth")
MULTIPART_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["files"],
    "properties": {
        "files": {"type": "array", "minItems": 1, "items": FILE_SCHEMA, "description": "The documents"},
        "truth": {
            "type": "array",
            "items": {"type": "string", "format": "binary"},
            "description": "X.truth.json (fields) / X.truth.txt (text) for a document X.pdf",
        },
        "backends": {"type": "string", "description": "Comma-separated; empty = all configured"},
        "label": {"type": "string"},
    },
}


def get_benchmark_stub(request: Request) -> bpb_grpc.BenchmarkServiceStub:
    return request.app.state.benchmark_stub


StubDep = Annotated[bpb_grpc.BenchmarkServiceStub, Depends(get_benchmark_stub)]


def _upstream(exc: grpc.aio.AioRpcError, request: Request) -> ApiError:
    settings = getattr(request.app.state, "settings", None)
    return errors.upstream(exc, settings.retry_after_seconds if settings else 1)


def _wait_seconds(request: Request) -> float:
    settings = getattr(request.app.state, "settings", None)
    return settings.request_timeout if settings else 600.0


def _split(value: Any) -> list[str]:
    return [v.strip() for v in str(value or "").split(",") if v.strip()]


def _unique(name: str, taken: set[str]) -> str:
    """Upload names need not be unique over REST; the run's document names are."""
    stem, dot, suffix = name.rpartition(".") if "." in name else (name, "", "")
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{suffix}"
    taken.add(candidate)
    return candidate


async def _multipart_request(request: Request) -> bpb.StartRunRequest:
    form = await request.form()
    texts: dict[str, str] = {}
    documents: list[tuple[str, bytes, str]] = []
    taken: set[str] = set()
    for key, value in form.multi_items():
        if isinstance(value, str):
            if key in FILE_FIELDS:
                raise ApiError(422, "validation_error", f"`{key}` takes files, not text")
            continue
        content = await value.read()
        name = value.filename or key
        if key == "truth" or name.endswith((".truth.json", ".truth.txt")):
            texts[name] = content.decode("utf-8", errors="replace")
        else:
            documents.append((_unique(name, taken), content, value.content_type or ""))
    if not documents:
        raise ApiError(422, "no_files", "send at least one file in the `files` field")
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
        raise ApiError(422, "validation_error", f"bad form field: {exc}") from None


async def _json_request(request: Request) -> bpb.StartRunRequest:
    try:
        body = BenchmarkRunRequest.model_validate(json.loads(await request.body() or b"null"))
    except ValidationError as exc:
        problems = [
            {"field": ".".join(str(x) for x in e["loc"]) or "request", "message": e["msg"]}
            for e in exc.errors()
        ]
        message = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
        raise ApiError(422, "validation_error", message, details={"errors": problems}) from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(422, "validation_error", f"the body is not JSON: {exc}") from None
    return bpb.StartRunRequest(
        dataset=body.dataset, documents=body.test_documents, backends=body.backends,
        routing=ROUTING[body.routing], limit=body.limit, label=body.label, dpi=body.dpi,
    )  # fmt: skip


async def _finished(
    stub: bpb_grpc.BenchmarkServiceStub, benchmark_id: str, timeout: float
) -> bpb.BenchmarkRun:
    """Follow the run's events until it is over, then its full record."""
    call = stub.WatchRun(bpb.WatchRunRequest(run_id=benchmark_id), timeout=timeout)
    async for _event in call:
        pass
    response = await stub.GetRun(
        bpb.GetRunRequest(run_id=benchmark_id, include_documents=True), timeout=TIMEOUT
    )
    return response.run


@router.post(
    "/run",
    status_code=202,
    response_model=BenchmarkView,
    summary="Start a benchmark (JSON with a dataset, or multipart uploads); ?wait=true answers when it is over",
    responses={
        200: {"model": BenchmarkView, "description": "With wait=true: the finished benchmark"},
        **errors.responses(400, 404, 413, 415, 422, *errors.UPSTREAM),
    },
    openapi_extra={
        "requestBody": {
            "content": {
                "application/json": {"schema": BenchmarkRunRequest.model_json_schema()},
                "multipart/form-data": {"schema": MULTIPART_SCHEMA},
            },
            "required": True,
        }
    },
)
async def start_run(
    request: Request,
    response: Response,
    stub: StubDep,
    wait: Annotated[
        bool,
        Query(description="Answer when the run is over (200), not when it is queued (202)"),
        TRUE_OR_FALSE,
    ] = False,
) -> BenchmarkView:
    content_type = request.headers.get("content-type", "")
    if content_type.startswith("multipart/form-data"):
        message = await _multipart_request(request)
    elif content_type.split(";")[0].strip() in ("application/json", ""):
        message = await _json_request(request)
    else:
        raise ApiError(415, "unsupported_media_type", "send application/json or multipart/form-data")
    try:
        run = (await stub.StartRun(message, timeout=TIMEOUT)).run
        if wait:
            run = await _finished(stub, run.run_id, _wait_seconds(request))
            response.status_code = 200
    except grpc.aio.AioRpcError as exc:
        raise _upstream(exc, request) from None
    return view_of(run_from_proto(run))


@router.get("/run", include_in_schema=False)
async def run_takes_only_post() -> None:
    """`GET /run` would otherwise be read as the benchmark named "run"."""
    raise ApiError(405, "method_not_allowed", "Method Not Allowed")


@router.get(
    "/runs",
    response_model=BenchmarkRunList,
    responses=errors.responses(422, *errors.UPSTREAM),
    summary="List benchmarks, newest first",
)
async def list_runs(
    request: Request, stub: StubDep, limit: Annotated[int, Query(ge=0, le=1000), DIGITS] = 50
) -> BenchmarkRunList:
    try:
        response = await stub.ListRuns(bpb.ListRunsRequest(limit=limit), timeout=TIMEOUT)
    except grpc.aio.AioRpcError as exc:
        raise _upstream(exc, request) from None
    return BenchmarkRunList(runs=[view_of(run_from_proto(r)) for r in response.runs])


@router.get(
    "/{benchmark_id}",
    response_model=BenchmarkView,
    responses=errors.responses(404, 422, *errors.UPSTREAM),
    summary="A benchmark: status, progress, results, per-document details",
)
async def get_run(
    request: Request,
    benchmark_id: BenchmarkId,
    stub: StubDep,
    documents: Annotated[bool, Query(), TRUE_OR_FALSE] = True,
) -> BenchmarkView:
    try:
        response = await stub.GetRun(
            bpb.GetRunRequest(run_id=benchmark_id, include_documents=documents), timeout=TIMEOUT
        )
    except grpc.aio.AioRpcError as exc:
        raise _upstream(exc, request) from None
    return view_of(run_from_proto(response.run))


@router.get(
    "/{benchmark_id}/report",
    summary="The benchmark's report (html, markdown or json) as a download",
    response_class=Response,
    responses={
        200: {
            "description": "The report",
            "content": {
                "text/html": {"schema": {"type": "string"}},
                "text/markdown": {"schema": {"type": "string"}},
                "application/json": {"schema": {"type": "object"}},
            },
        },
        **errors.responses(404, 422, *errors.UPSTREAM),
    },
)
async def get_report(
    request: Request,
    benchmark_id: BenchmarkId,
    stub: StubDep,
    format: ReportFormat = "html",  # noqa: A002
) -> Response:
    try:
        response = await stub.GetReport(
            bpb.GetReportRequest(run_id=benchmark_id, format=FORMATS[format]), timeout=TIMEOUT
        )
    except grpc.aio.AioRpcError as exc:
        raise _upstream(exc, request) from None
    disposition = "inline" if format == "html" else "attachment"
    return Response(
        response.content,
        media_type=response.mime_type,
        headers={"Content-Disposition": f'{disposition}; filename="{response.filename}"'},
    )
