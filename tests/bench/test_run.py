"""A benchmark run over three dataset invoices with pdftext and tesseract, through BenchmarkService."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import grpc
import pytest
import pytest_asyncio

from bench_service.convert import run_from_proto
from bench_service.model import RunRecord
from bench_service.priors import load_priors
from ocrmesh.v1 import benchmark_pb2 as bpb
from tests.bench.conftest import MINI, BenchService
from tests.conftest import PATIENCE


@dataclass
class FinishedRun:
    record: RunRecord
    events: list[bpb.WatchRunResponse]


@pytest_asyncio.fixture(scope="module")
async def mini_run(bench_service: BenchService) -> FinishedRun:
    started = await bench_service.stub.StartRun(
        bpb.StartRunRequest(dataset="mini", backends=["pdftext", "tesseract"], label="test"), timeout=10
    )
    run_id = started.run.run_id
    assert started.run.status in (bpb.BENCHMARK_RUN_STATUS_QUEUED, bpb.BENCHMARK_RUN_STATUS_RUNNING)
    events = [e async for e in bench_service.stub.WatchRun(bpb.WatchRunRequest(run_id=run_id), timeout=240)]
    response = await bench_service.stub.GetRun(bpb.GetRunRequest(run_id=run_id, include_documents=True), timeout=PATIENCE)
    return FinishedRun(run_from_proto(response.run), events)


async def test_run_completes_with_progress_events(mini_run: FinishedRun) -> None:
    record, events = mini_run.record, mini_run.events
    assert record.status == "completed", record.error
    assert events[0].kind == bpb.BENCHMARK_EVENT_KIND_SNAPSHOT
    assert events[-1].kind == bpb.BENCHMARK_EVENT_KIND_SNAPSHOT
    assert events[-1].run.status == bpb.BENCHMARK_RUN_STATUS_COMPLETED
    done = [e for e in events if e.kind == bpb.BENCHMARK_EVENT_KIND_DOCUMENT_DONE]
    assert len(done) == len(MINI) * 2
    assert {(e.document, e.backend) for e in done} == {(f"{s}.pdf", b) for s in MINI for b in ("pdftext", "tesseract")}
    assert done[-1].progress.done == done[-1].progress.total == 6
    assert record.progress.done == 6 and record.progress.failed == 0


async def test_pdftext_is_exact_on_born_digital(mini_run: FinishedRun) -> None:
    record = mini_run.record
    pdftext = record.summary("pdftext")
    assert pdftext is not None
    assert pdftext.succeeded == 3 and pdftext.error_count == 0
    assert pdftext.accuracy == 1.0 and pdftext.accuracy_documents == 3
    assert pdftext.field_accuracy == 1.0
    assert {f.name for f in pdftext.fields} >= {"rechnungsnummer", "datum", "betrag_brutto"}
    for document in record.documents:
        assert document.reference == "text_layer"
        assert "born-digital" in document.classes
        outcome = document.outcome("pdftext")
        assert outcome is not None and outcome.accuracy == 1.0
        assert outcome.fields and all(f.match for f in outcome.fields), outcome.fields
        assert document.winner == "pdftext"  # exact and fastest
    assert pdftext.wins == 3


async def test_tesseract_has_measured_times_memory_and_accuracy(mini_run: FinishedRun) -> None:
    record = mini_run.record
    tesseract = record.summary("tesseract")
    assert tesseract is not None and tesseract.succeeded == 3
    assert tesseract.pages == 5
    assert tesseract.avg_time > 0.1
    outcomes = [d.outcome("tesseract") for d in record.documents]
    page_seconds = [s for o in outcomes if o is not None for s in o.page_seconds]
    # Per-page figures come from the pages' own times (the warm-up is kept apart, below).
    assert 0 < tesseract.p50_seconds_per_page <= tesseract.p95_seconds_per_page <= max(page_seconds)
    assert tesseract.ram_usage > 50 * 2**20
    assert tesseract.accuracy is not None and 0.5 < tesseract.accuracy < 1.0
    assert 0 < tesseract.mean_confidence <= 1
    assert tesseract.cold.state_before == "ready" and not tesseract.cold.loaded_by_run
    assert tesseract.cold.first_request_seconds > 0  # the warm-up, kept out of the per-page figures
    for document in record.documents:
        outcome = document.outcome("tesseract")
        assert outcome is not None and outcome.ok
        assert len(outcome.page_seconds) == outcome.pages > 0
    classes = {(c.document_class, c.backend) for c in record.classes}
    assert {("born-digital", "pdftext"), ("born-digital", "tesseract")} <= classes


async def test_record_round_trips_through_proto_and_disk(mini_run: FinishedRun, bench_service: BenchService) -> None:
    record = mini_run.record
    on_disk = RunRecord.model_validate_json(
        (bench_service.settings.data_dir / record.run_id / "run.json").read_text(encoding="utf-8")
    )
    assert on_disk == record
    listed = await bench_service.stub.ListRuns(bpb.ListRunsRequest(), timeout=PATIENCE)
    assert record.run_id in [r.run_id for r in listed.runs]
    assert all(not r.documents for r in listed.runs)


async def test_reports_json_markdown_and_self_contained_html(
    mini_run: FinishedRun, bench_service: BenchService
) -> None:
    run_id = mini_run.record.run_id
    stub = bench_service.stub
    html = (
        await stub.GetReport(bpb.GetReportRequest(run_id=run_id, format=bpb.BENCHMARK_REPORT_FORMAT_HTML), timeout=PATIENCE)
    )
    text = html.content.decode()
    assert html.mime_type.startswith("text/html")
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", text, re.I), "external resource in HTML"
    assert "<script" not in text and "<link" not in text and "@import" not in text
    assert 'id="plot-speed-accuracy"' in text and 'id="plot-fields"' in text and 'id="winner-grid"' in text
    assert text.count("<svg") == 2 and text.count("<circle") >= 2 and text.count("<rect") > 10
    assert "BASIC_zugferd_2p0_BASIC_Einfach.pdf" in text
    markdown = (
        await stub.GetReport(
            bpb.GetReportRequest(run_id=run_id, format=bpb.BENCHMARK_REPORT_FORMAT_MARKDOWN), timeout=10
        )
    ).content.decode()
    assert "| pdftext | 3/3 | 5 |" in markdown and "100.0 %" in markdown
    as_json = json.loads((await stub.GetReport(bpb.GetReportRequest(run_id=run_id), timeout=PATIENCE)).content)
    assert as_json["run_id"] == run_id and len(as_json["documents"]) == 3
    run_dir = bench_service.settings.data_dir / run_id
    assert {p.name for p in run_dir.iterdir()} >= {"run.json", "report.md", "report.html"}
    assert (run_dir / "report.html").read_text(encoding="utf-8") == text


async def test_priors_file_written_and_loadable(mini_run: FinishedRun, bench_service: BenchService) -> None:
    priors = load_priors(bench_service.settings.data_dir / "latest-priors.json")
    assert set(priors.backends) == {"pdftext", "tesseract"}
    pdftext = priors.backends["pdftext"]
    assert pdftext.run_id == mini_run.record.run_id
    born = pdftext.classes["born-digital"]
    assert born.accuracy == 1.0 and born.samples == 3 and born.documents == 3 and born.failures == 0
    assert priors.accuracy("pdftext", "born-digital") == 1.0
    tesseract_spp = priors.seconds_per_page("tesseract", "born-digital")
    assert tesseract_spp is not None and tesseract_spp > (priors.seconds_per_page("pdftext") or 0)
    assert priors.updated_at == mini_run.record.finished_at


async def test_unknown_run_is_not_found(bench_service: BenchService) -> None:
    for run_id in ("20990101T000000Z-abcdef", "../../etc/passwd"):
        with pytest.raises(grpc.aio.AioRpcError) as info:
            await bench_service.stub.GetRun(bpb.GetRunRequest(run_id=run_id), timeout=PATIENCE)
        assert info.value.code() == grpc.StatusCode.NOT_FOUND


