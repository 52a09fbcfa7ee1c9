"""The router end to end: real backends on loopback, real documents."""

from __future__ import annotations

import shutil
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
import pymupdf
import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from router_service.endpoints import BreakerState
from router_service.settings import DEFAULT_ROUTING_FILE, EndpointConfig
from services.intake.document import LoadedDocument
from services.registry import create_engine
from services.scaffold.engine import Engine, PageOptions
from tests.conftest import PATIENCE, eventually, running_backend
from tests.router.conftest import (
    INVOICE,
    ONE_PAGE_INVOICE,
    Backends,
    backend_server,
    free_port,
    mixed_pdf,
    request,
    running_router,
    scan_of,
    subprocess_backend,
)

# Rules for the fallback tests: every page goes along `fallback_order` only.
CHAIN_RULES = """
version: 1
fallback_order: [{chain}]
rules:
  - name: default
    backends: []
"""


def chain_rules(tmp_path: Path, *chain: str) -> Path:
    path = tmp_path / "routing.yaml"
    path.write_text(CHAIN_RULES.format(chain=", ".join(chain)), encoding="utf-8")
    return path


def page_numbers(outcome) -> list[int]:  # type: ignore[no-untyped-def]
    return [p.page_number for p in outcome.pages]


async def test_born_digital_invoice_goes_to_pdftext(backends: Backends) -> None:
    async with running_router(backends.endpoints()) as (_, client):
        outcome = await client.process(request(INVOICE.read_bytes()), timeout=30)
    doc = outcome.document
    assert page_numbers(outcome) == [1, 2]
    assert {p.backend for p in outcome.pages} == {"pdftext"}
    assert all(p.kind == pb.PAGE_KIND_BORN_DIGITAL for p in outcome.pages)
    routing = doc.routing
    assert routing.rule == "einvoice" and routing.has_einvoice
    assert [(a.backend, list(a.pages), a.status) for a in routing.attempts] == [("pdftext", [1, 2], "OK")]
    assert all(f.born_digital and f.text_chars > 100 for f in routing.pages)
    # Presumed born digital (every page uses fonts): sent to pdftext unread; pdftext's reading
    # confirmed each page, and its character counts are the figures the explanation names.
    assert routing.reason.count("(as pdftext read it)") == 2
    assert "text layer" in routing.reason and "chars" in routing.reason and "pdftext" in routing.reason
    assert routing.analysis_seconds > 0  # measured (its speed: benchmarks/bench_router.py)
    # Decided on the text layer alone: the layout figures no rule needed were skipped, and said so;
    # each page's layout is the one pdftext measured while reading it, and the explanation says so.
    assert routing.reason.count("coverage, text blocks, ruling lines and layout skipped") == 2
    assert "layout of pages 1, 2 as pdftext measured it" in routing.reason
    reported = [p.layout_complexity for p in outcome.pages]
    assert pb.LAYOUT_COMPLEXITY_UNSPECIFIED not in reported
    assert [f.layout_complexity for f in routing.pages] == reported
    assert all(f.ruling_lines == 0 and f.text_coverage == 0 for f in routing.pages)  # still not measured
    # One pdftext call read every page: its document (fields extracted there, XML fields winning) is
    # the result, with the router's time (covering the backend call); the layout complexity is the
    # most complex page's.
    assert "fields extracted by pdftext, which read every page in one call" in routing.reason
    assert doc.metadata.layout_complexity == max(reported)
    assert doc.metadata.layout_complexity != pb.LAYOUT_COMPLEXITY_UNSPECIFIED
    assert doc.einvoice.xml and doc.metadata.backends == ["pdftext"]
    assert doc.metadata.processing_seconds >= routing.attempts[0].seconds
    assert any(f.source == pb.FIELD_SOURCE_EINVOICE_XML for f in doc.fields.fields)


async def test_scan_goes_to_ocr(backends: Backends) -> None:
    async with running_router(backends.endpoints()) as (_, client):
        outcome = await client.process(request(scan_of(ONE_PAGE_INVOICE, [0])), timeout=60)
    assert page_numbers(outcome) == [1]
    page = outcome.pages[0]
    assert page.backend == "tesseract" and page.kind == pb.PAGE_KIND_SCANNED
    assert "Rechnung" in page.text or "RECHNUNG" in page.text.upper()
    features = outcome.document.routing.pages[0]
    assert not features.born_digital and features.text_chars == 0
    assert 140 <= features.image_dpi <= 160 and features.sharpness > 0
    reason = outcome.document.routing.reason
    assert "scanned" in reason and "tesseract" in reason
    # gotocr/deepseek/surya are not configured here: the reason says why tesseract got the page.
    assert "not configured" in reason


async def test_explicit_backend_honoured_or_refused(backends: Backends) -> None:
    dead = EndpointConfig(name="gotocr", address=f"127.0.0.1:{free_port()}", device_group="gpu0")
    async with running_router([*backends.endpoints(), dead], settle=False) as (router, client):
        assert await eventually(
            lambda: router.mesh.is_available("tesseract") and router.mesh.is_available("pdftext")
        )
        one_page = ONE_PAGE_INVOICE.read_bytes()
        outcome = await client.process(request(one_page, backend="tesseract"), timeout=60)
        assert [p.backend for p in outcome.pages] == ["tesseract"]
        assert outcome.document.routing.rule == "explicit"
        assert "backend tesseract requested" in outcome.document.routing.reason

        with pytest.raises(grpc.aio.AioRpcError) as err:
            await client.process(request(one_page, backend="gotocr"), timeout=30)
        assert err.value.code() == grpc.StatusCode.UNAVAILABLE and "gotocr" in err.value.details()

        fallback = await client.process(request(one_page, backend="gotocr", allow_fallback=True), timeout=30)
        assert [p.backend for p in fallback.pages] == ["pdftext"]
        assert fallback.document.routing.rule == "explicit_with_fallback"


async def test_mixed_pdf_is_routed_per_page(backends: Backends) -> None:
    async with running_router(backends.endpoints()) as (_, client):
        outcome = await client.process(request(mixed_pdf(INVOICE)), timeout=60)
    assert page_numbers(outcome) == [1, 2, 3]
    assert [p.backend for p in outcome.pages] == ["pdftext", "tesseract", "pdftext"]
    assert [p.kind for p in outcome.pages] == [
        pb.PAGE_KIND_BORN_DIGITAL,
        pb.PAGE_KIND_SCANNED,
        pb.PAGE_KIND_BORN_DIGITAL,
    ]
    routing = outcome.document.routing
    assert sorted((a.backend, tuple(a.pages)) for a in routing.attempts) == [
        ("pdftext", (1,)),
        ("pdftext", (3,)),
        ("tesseract", (2,)),
    ]
    assert all(a.status == "OK" and a.seconds > 0 for a in routing.attempts)
    assert [f.born_digital for f in routing.pages] == [True, False, True]
    # The scan is measured in full; the born-digital pages' layout was not needed for their decision
    # and comes from pdftext's results (tesseract reports none: the scan's is the router's).
    scan = routing.pages[1]
    assert scan.image_dpi > 0 and scan.sharpness > 0 and scan.layout_complexity != pb.LAYOUT_COMPLEXITY_UNSPECIFIED
    assert outcome.pages[1].layout_complexity == pb.LAYOUT_COMPLEXITY_UNSPECIFIED
    assert [f.layout_complexity for f in routing.pages] == [
        outcome.pages[0].layout_complexity,
        scan.layout_complexity,
        outcome.pages[2].layout_complexity,
    ]
    assert pb.LAYOUT_COMPLEXITY_UNSPECIFIED not in [f.layout_complexity for f in routing.pages]
    assert "layout of pages 1, 3 as pdftext measured it" in routing.reason
    assert outcome.document.metadata.layout_complexity == max(f.layout_complexity for f in routing.pages)
    assert "page 1:" in routing.reason and "page 2:" in routing.reason
    assert outcome.document.metadata.backends == ["pdftext", "tesseract"]


async def test_a_busy_backend_leaves_the_fields_to_the_router(backends: Backends) -> None:
    async with running_router(backends.endpoints()) as (router, client):
        (replica,) = [r for r in router.mesh.replicas() if r.name == "pdftext"]
        replica.pages_in_flight = 5  # as if other requests' pages were under way there
        try:
            outcome = await client.process(request(INVOICE.read_bytes()), timeout=30)
        finally:
            replica.pages_in_flight = 0
    doc = outcome.document
    assert "fields extracted by" not in doc.routing.reason and doc.metadata.backends == ["pdftext"]
    assert any(f.name == "betrag_brutto" and f.source == pb.FIELD_SOURCE_EINVOICE_XML for f in doc.fields.fields)


def stamped(content: bytes, page_numbers: list[int]) -> bytes:
    """`content` with a printed footer ("Seite n", too little for a text layer) on `page_numbers` (1-based)."""
    pdf = pymupdf.open(stream=content)
    for number in page_numbers:
        page = pdf[number - 1]
        page.insert_text((60, page.rect.height - 20), f"Seite {number}", fontsize=8)
    return pdf.tobytes()


async def test_scan_with_a_printed_footer_is_declined_by_pdftext_and_planned_then(backends: Backends) -> None:
    # The footer's font makes the page look born digital; pdftext finds no usable text layer.
    scan = stamped(scan_of(ONE_PAGE_INVOICE, [0]), [1])
    async with running_router(backends.endpoints(), metrics_port=-1) as (router, client):
        outcome = await client.process(request(scan), timeout=60)
        declined = router.metrics.registry.get_sample_value(
            "ocrmesh_router_presumptions_total", {"outcome": "declined"}
        )
    assert page_numbers(outcome) == [1] and outcome.pages[0].backend == "tesseract"
    assert "Rechnung" in outcome.pages[0].text or "RECHNUNG" in outcome.pages[0].text.upper()
    routing = outcome.document.routing
    assert [(a.backend, list(a.pages), a.status) for a in routing.attempts] == [
        ("pdftext", [1], "FAILED_PRECONDITION"),
        ("tesseract", [1], "OK"),
    ]
    assert "page 1 not read as born digital (FAILED_PRECONDITION): page 1 analysed and planned then" in routing.reason
    features = routing.pages[0]
    assert not features.born_digital and 0 < features.text_chars < 16 and features.image_dpi > 0
    assert declined == 1
    assert outcome.document.metadata.backends == ["tesseract"]


async def test_presumed_pdf_declined_mid_document_keeps_its_pages_and_plans_the_rest(backends: Backends) -> None:
    # Page 2 is a scan with a footer: every page uses fonts, so pdftext gets all three unread,
    # reads page 1 and declines page 2; pages 2-3 are then analysed: 2 to OCR, 3 back to pdftext.
    content = stamped(mixed_pdf(INVOICE), [2])
    async with running_router(backends.endpoints()) as (_, client):
        outcome = await client.process(request(content), timeout=60)
    assert page_numbers(outcome) == [1, 2, 3]
    assert [p.backend for p in outcome.pages] == ["pdftext", "tesseract", "pdftext"]
    routing = outcome.document.routing
    attempts = [(a.backend, list(a.pages), a.status) for a in routing.attempts]
    assert attempts[0] == ("pdftext", [1, 2, 3], "FAILED_PRECONDITION")
    assert sorted(attempts[1:]) == [("pdftext", [3], "OK"), ("tesseract", [2], "OK")]  # concurrent runs
    assert [f.born_digital for f in routing.pages] == [True, False, True]
    assert [f.page_number for f in routing.pages] == [1, 2, 3]
    assert routing.pages[0].text_chars > 100 and routing.pages[2].text_chars > 100
    reason = routing.reason
    assert reason.index("(as pdftext read it)") < reason.index("; then ") < reason.index("scanned")
    assert "pages 2-3 analysed and planned then" in reason
    # Pages came from three calls: the router assembled the document and extracted the fields.
    assert "fields extracted by" not in reason
    assert outcome.document.fields.fields and outcome.document.metadata.backends == ["pdftext", "tesseract"]
    assert outcome.document.text.count("\f") == 2


async def test_killed_backend_mid_document_falls_back(tmp_path: Path) -> None:
    scan = scan_of(INVOICE, [0, 1, 0, 1])
    async with subprocess_backend() as (proc_a, port_a), subprocess_backend() as (proc_b, port_b):
        endpoints = [
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{port_a}"),
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{port_b}"),
        ]
        processes = {f"127.0.0.1:{port_a}": proc_a, f"127.0.0.1:{port_b}": proc_b}
        async with running_router(endpoints) as (router, client):
            pages: list[pb.PageResult] = []
            document = None
            killed = ""
            async for event in client.stream(request(scan), timeout=120):
                if event.HasField("page"):
                    pages.append(event.page)
                    if not killed:
                        busy = [r for r in router.mesh.replicas() if r.pages_in_flight > 0]
                        assert len(busy) == 1
                        killed = busy[0].address
                        processes[killed].kill()
                else:
                    document = event.document
    assert [p.page_number for p in pages] == [1, 2, 3, 4]  # every page exactly once, in order
    assert document is not None
    attempts = [(a.replica, a.status) for a in document.routing.attempts]
    assert attempts[0] == (killed, "UNAVAILABLE") and attempts[-1][1] == "OK"
    assert attempts[-1][0] != killed
    assert document.metadata.pages_processed == 4


async def test_not_serving_backend_gets_no_new_work(backends: Backends) -> None:
    async with backend_server("tesseract") as extra:
        endpoints = [
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{extra.port}"),
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{backends.tesseract.port}"),
        ]
        async with running_router(endpoints) as (router, client):
            replica = next(r for r in router.mesh.replicas() if r.address.endswith(f":{extra.port}"))
            assert replica.serving
            await extra.lifecycle.unload()  # what the Unload RPC does: a non-lazy backend turns NOT_SERVING
            assert await eventually(lambda: not replica.serving), (
                "the router still considers the unloaded backend serving"
            )
            scan = scan_of(ONE_PAGE_INVOICE, [0], dpi=100)
            for _ in range(3):
                outcome = await client.process(request(scan, options=pb.ProcessOptions(dpi=100)), timeout=60)
                assert {a.replica for a in outcome.document.routing.attempts} == {
                    f"127.0.0.1:{backends.tesseract.port}"
                }
            assert extra.metrics.pages_served == 0


async def test_invalid_argument_is_not_retried(backends: Backends, tmp_path: Path) -> None:
    async with backend_server("tesseract", max_pages=1) as small:
        endpoints = [
            EndpointConfig(name="tesseract-small", address=f"127.0.0.1:{small.port}", kind="tesseract"),
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{backends.tesseract.port}"),
        ]
        rules = chain_rules(tmp_path, "tesseract-small", "tesseract")
        async with running_router(endpoints, rules) as (router, client):
            calls_before = _requests(backends.tesseract)
            with pytest.raises(grpc.aio.AioRpcError) as err:
                await client.process(request(scan_of(ONE_PAGE_INVOICE, [0, 0], dpi=100)), timeout=60)
            assert err.value.code() == grpc.StatusCode.INVALID_ARGUMENT
            assert "limit is 1" in err.value.details()
            assert _requests(backends.tesseract) == calls_before  # never sent to the next backend
            assert (
                router.metrics.attempts.labels(
                    "tesseract-small", f"127.0.0.1:{small.port}", "INVALID_ARGUMENT"
                )._value.get()
                == 1
            )


def _requests(server) -> float:  # type: ignore[no-untyped-def]
    return sum(
        sample.value
        for metric in server.metrics.registry.collect()
        if metric.name == "ocrmesh_requests"
        for sample in metric.samples
        if sample.name == "ocrmesh_requests_total"
    )


async def test_rules_reload_changes_decision_without_restart(backends: Backends, tmp_path: Path) -> None:
    rules = tmp_path / "routing.yaml"
    shutil.copy(DEFAULT_ROUTING_FILE, rules)
    one_page = ONE_PAGE_INVOICE.read_bytes()
    async with running_router(backends.endpoints(), rules) as (router, client):
        first = await client.process(request(one_page), timeout=30)
        assert [p.backend for p in first.pages] == ["pdftext"]

        rules.write_text(
            rules.read_text().replace("backends: [pdftext]", "backends: [tesseract]"), encoding="utf-8"
        )
        second = await client.process(request(one_page), timeout=60)
        assert [p.backend for p in second.pages] == ["tesseract"]
        assert second.document.routing.rule == "einvoice"

        rules.write_text("version: 1\nrules: [{name: Not Valid!}]\n", encoding="utf-8")
        third = await client.process(request(one_page), timeout=60)
        assert [p.backend for p in third.pages] == ["tesseract"]  # the invalid file kept the rules in force
        assert "invalid routing rules" in router.rules.last_error


async def test_circuit_breaker_opens_on_a_sick_replica(backends: Backends, tmp_path: Path) -> None:
    # Lazy and without model data: SERVING, but every Process fails with UNAVAILABLE.
    async with backend_server("tesseract", engine={"tessdata": str(tmp_path)}, load_on_start=False) as sick:
        endpoints = [
            EndpointConfig(name="tesseract-sick", address=f"127.0.0.1:{sick.port}", kind="tesseract"),
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{backends.tesseract.port}"),
        ]
        rules = chain_rules(tmp_path, "tesseract-sick", "tesseract")
        async with running_router(endpoints, rules, breaker_failures=2, breaker_cooldown_seconds=60) as (
            router,
            client,
        ):
            scan = scan_of(ONE_PAGE_INVOICE, [0], dpi=100)
            tried = []
            for _ in range(3):
                outcome = await client.process(request(scan, options=pb.ProcessOptions(dpi=100)), timeout=60)
                assert page_numbers(outcome) == [1]
                tried.append([(a.backend, a.status) for a in outcome.document.routing.attempts])
            sick_replica = router.mesh.backends["tesseract-sick"].replicas[0]
    assert tried[0] == tried[1] == [("tesseract-sick", "UNAVAILABLE"), ("tesseract", "OK")]
    assert tried[2] == [("tesseract", "OK")]  # breaker open: the sick replica is left alone
    assert sick_replica.serving and sick_replica.breaker.state is BreakerState.OPEN


async def test_client_cancel_cancels_backend_call(backends: Backends) -> None:
    scan = scan_of(INVOICE, [0, 1] * 4)
    served_before = backends.tesseract.metrics.pages_served
    async with running_router(backends.endpoints()) as (_, client):
        call = client.stream(request(scan), timeout=60)
        async for event in call:
            assert event.HasField("page")
            call.cancel()
            break
        # Idle again, and (below) with pages of the 8 left undone: the cancel reached the backend.
        assert await eventually(lambda: backends.tesseract.admission.in_flight == 0), (
            "the backend still works for a cancelled client"
        )
    assert backends.tesseract.metrics.pages_served - served_before < 8


async def test_xml_upload_goes_to_pdftext(backends: Backends) -> None:
    import pymupdf

    xml = pymupdf.open(INVOICE).embfile_get("zugferd-invoice.xml")
    async with running_router(backends.endpoints()) as (_, client):
        outcome = await client.process(request(xml), timeout=30)
    doc = outcome.document
    assert outcome.pages == [] and doc.routing.rule == "xml_upload"
    assert [(a.backend, a.status) for a in doc.routing.attempts] == [("pdftext", "OK")]
    assert doc.einvoice.syntax == "CII" and doc.metadata.backends == ["pdftext"]
    assert any(
        f.name == "betrag_brutto" and f.source == pb.FIELD_SOURCE_EINVOICE_XML for f in doc.fields.fields
    )


async def test_router_serves_health_describe_status_and_overhead_hook(backends: Backends) -> None:
    from router_service.server import measure_overhead

    async with running_router(backends.endpoints(), metrics_port=-1) as (router, client):
        assert await client.health() == 1 and await client.health("ocrmesh.v1.OcrService") == 1
        assert (await client.describe()).name == "router"
        status = await client.status()
        assert status.name == "router" and status.status.state == pb.MODEL_STATE_READY
        assert (await client.unload()).status.state == pb.MODEL_STATE_READY  # aggregate status only
        figures = await measure_overhead(router, INVOICE.read_bytes(), repeats=3)
        assert figures["median_seconds_per_page"] > 0  # measured (its size: benchmarks/bench_router.py)
        import httpx

        async with httpx.AsyncClient() as http:
            metrics = (await http.get(f"http://127.0.0.1:{router.metrics.http_port}/metrics")).text
        assert "ocrmesh_router_backend_serving" in metrics


async def test_einvoice_fields_win_when_every_page_goes_to_ocr(backends: Backends) -> None:
    async with running_router(backends.endpoints()) as (_, client):
        outcome = await client.process(request(ONE_PAGE_INVOICE.read_bytes(), backend="tesseract"), timeout=60)
    doc = outcome.document
    assert {p.backend for p in outcome.pages} == {"tesseract"}
    assert doc.routing.has_einvoice and doc.einvoice.xml  # read by the router: no backend returned it
    assert doc.fields.einvoice_profile
    assert all(f.source == pb.FIELD_SOURCE_EINVOICE_XML for f in doc.fields.fields)


class _ReportsProgress(Engine):
    """pdftext that reports progress within each page, as the GPU engines do while generating."""

    def __init__(self) -> None:
        self.inner = create_engine("pdftext")
        self.info = self.inner.info

    def load(self) -> None:
        self.inner.load()

    def unload(self) -> None:
        self.inner.unload()

    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        assert options.progress is not None
        for fraction in (0.25, 0.5, 0.75):
            options.progress(index, fraction)
            time.sleep(0.05)
        return self.inner.process_page(document, index, options)


async def test_progress_within_pages_reaches_the_client(tmp_path: Path) -> None:
    async with running_backend(_ReportsProgress(), workers=1) as server:
        endpoints = [EndpointConfig(name="pdftext", address=f"127.0.0.1:{server.port}")]
        async with running_router(endpoints) as (_, client):
            events = [e async for e in client.stream(request(INVOICE.read_bytes()), timeout=30)]
    kinds = [e.WhichOneof("event") for e in events]
    assert kinds[-1] == "document" and kinds.count("page") == 2
    first_page_at = kinds.index("page")
    progress_before = [e.progress for e in events[:first_page_at] if e.HasField("progress")]
    assert progress_before and all(p.page_number == 1 for p in progress_before)
    assert all(0 < p.fraction < 1 for e in events if e.HasField("progress") for p in [e.progress])


async def test_router_health_answers_per_backend_while_one_is_down_and_back(backends: Backends) -> None:
    """`backend/<name>` follows that backend: NOT_SERVING while it is gone, SERVING when a new one listens."""
    port = free_port()
    endpoints = [
        EndpointConfig(name="pdftext", address=f"127.0.0.1:{backends.pdftext.port}"),
        EndpointConfig(name="tesseract", address=f"127.0.0.1:{port}"),
    ]
    serving, not_serving = 1, 2  # grpc.health.v1 ServingStatus

    async with running_router(endpoints, settle=False) as (_, client):

        def health_is(service: str, status: int) -> Callable[[], Awaitable[bool]]:
            async def check() -> bool:
                return await client.health(service, timeout=PATIENCE) == status

            return check

        assert await eventually(health_is("backend/pdftext", serving))
        assert await eventually(health_is("backend/tesseract", not_serving))  # nothing listens yet
        for _ in range(2):  # started, stopped, started again on the same address
            async with backend_server("tesseract", port=port):
                assert await eventually(health_is("backend/tesseract", serving))
            assert await eventually(health_is("backend/tesseract", not_serving))
            assert await client.health("backend/pdftext", timeout=PATIENCE) == serving
            assert await client.health("", timeout=PATIENCE) == serving  # the router itself still serves
