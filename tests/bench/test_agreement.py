"""Without any reference text, backends are compared by agreement, and the report says so."""

from __future__ import annotations

import json

import grpc
import pymupdf
import pytest

from bench_service.convert import run_from_proto
from ocrmesh.v1 import benchmark_pb2 as bpb
from ocrmesh.v1 import ocr_pb2 as pb
from tests.bench.conftest import BenchService
from tests.conftest import PATIENCE


@pytest.fixture(scope="module")
def scanned_png(dataset_dir) -> bytes:  # type: ignore[no-untyped-def]
    """Page 1 of an invoice as an image: no text layer, no truth."""
    with pymupdf.open(dataset_dir / "MINIMUM_zugferd_2p0_MINIMUM.pdf") as doc:
        return doc[0].get_pixmap(dpi=150, colorspace=pymupdf.csGRAY).tobytes("png")


async def test_uploads_without_truth_are_scored_by_agreement(bench_service: BenchService, scanned_png: bytes) -> None:
    # Two names for one tesseract server: two "engines" that must agree; pdftext declines an image.
    settings = bench_service.settings
    settings.backends["tesseract-b"] = settings.backends["tesseract"]
    try:
        upload = bpb.BenchmarkUpload(document=pb.Document(content=scanned_png, filename="scan.png"))
        started = await bench_service.stub.StartRun(
            bpb.StartRunRequest(uploads=[upload], backends=["pdftext", "tesseract", "tesseract-b"]), timeout=10
        )
        async for _ in bench_service.stub.WatchRun(bpb.WatchRunRequest(run_id=started.run.run_id), timeout=240):
            pass
        response = await bench_service.stub.GetRun(
            bpb.GetRunRequest(run_id=started.run.run_id, include_documents=True), timeout=10
        )
    finally:
        del settings.backends["tesseract-b"]
    record = run_from_proto(response.run)
    assert record.status == "completed", record.error
    [document] = record.documents
    assert document.reference == "agreement"
    assert document.classes[0] in ("clean-scan", "degraded-scan")
    for name in ("tesseract", "tesseract-b"):
        outcome = document.outcome(name)
        assert outcome is not None and outcome.ok
        assert outcome.accuracy is None  # never called accuracy
        assert outcome.agreement is not None and outcome.agreement > 0.95  # the same engine twice
        summary = record.summary(name)
        assert summary is not None and summary.accuracy is None and summary.agreement == outcome.agreement
    pdftext = record.summary("pdftext")
    assert pdftext is not None and pdftext.succeeded == 0 and pdftext.error_count == 1
    assert set(pdftext.errors) <= {"FAILED_PRECONDITION", "INVALID_ARGUMENT"}
    assert document.winner in ("tesseract", "tesseract-b")

    run_id = record.run_id
    markdown = (
        await bench_service.stub.GetReport(
            bpb.GetReportRequest(run_id=run_id, format=bpb.BENCHMARK_REPORT_FORMAT_MARKDOWN), timeout=10
        )
    ).content.decode()
    assert "agreement between backends (no reference)" in markdown
    assert "agr. " in markdown
    html = (
        await bench_service.stub.GetReport(
            bpb.GetReportRequest(run_id=run_id, format=bpb.BENCHMARK_REPORT_FORMAT_HTML), timeout=10
        )
    ).content.decode()
    assert "Agreement is not accuracy" in html
    as_json = json.loads((await bench_service.stub.GetReport(bpb.GetReportRequest(run_id=run_id), timeout=PATIENCE)).content)
    assert as_json["documents"][0]["reference"] == "agreement"


async def test_bad_truth_json_is_invalid_argument(bench_service: BenchService, scanned_png: bytes) -> None:
    upload = bpb.BenchmarkUpload(document=pb.Document(content=scanned_png, filename="x.png"), truth_json="[1, 2")
    with pytest.raises(grpc.aio.AioRpcError) as info:
        await bench_service.stub.StartRun(bpb.StartRunRequest(uploads=[upload], backends=["tesseract"]), timeout=PATIENCE)
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT
