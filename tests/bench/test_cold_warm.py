"""Cold and warm apart: a lazily loaded backend's load time is reported, not mixed into per-page times."""

from __future__ import annotations

import time
from pathlib import Path

from bench_service.datasets import Datasets
from bench_service.model import RunRecord
from bench_service.runner import BenchmarkRunner
from bench_service.settings import BenchSettings
from router_service.document_facts import inspect_document
from services.registry import create_engine
from services.scaffold.engine import Engine

# Far above a pdftext page even on a saturated machine: a load time mixed into the per-page figures
# would put at least one page above it.
LOAD_SECONDS = 3.0


class SlowLoadingEngine(Engine):
    """The real pdftext engine behind a model load that takes LOAD_SECONDS, like a big model would."""

    def __init__(self) -> None:
        self.inner = create_engine("pdftext")
        self.info = self.inner.info

    def load(self) -> None:
        time.sleep(LOAD_SECONDS)
        self.inner.load()

    def unload(self) -> None:
        self.inner.unload()

    def inspect_document(self, document):  # type: ignore[no-untyped-def]
        return self.inner.inspect_document(document)

    def process_page(self, document, index, options):  # type: ignore[no-untyped-def]
        return self.inner.process_page(document, index, options)


async def test_lazy_backend_load_is_reported_apart(start_server, bench_root: Path) -> None:  # type: ignore[no-untyped-def]
    lazy = await start_server(SlowLoadingEngine(), load_on_start=False, wait=False)
    before = (await lazy.client.status()).status
    assert before.state != 3  # not READY: nothing loaded yet
    settings = BenchSettings(
        datasets_root=bench_root / "datasets", data_dir=bench_root / "data-cold", backends={"pdftext": lazy.target}
    )
    documents = Datasets(settings.datasets_root).load("mini", limit=2)
    record = RunRecord(run_id="20000101T000000Z-000001", backends=["pdftext"])
    await BenchmarkRunner(settings, inspect=inspect_document).run(record, documents)
    summary = record.summary("pdftext")
    assert summary is not None and summary.succeeded == 2
    cold = summary.cold
    assert cold.state_before == "unloaded" and cold.loaded_by_run
    assert cold.load_seconds >= LOAD_SECONDS
    # Warm figures: the engine's own page timings; none of them carries the load.
    assert summary.p95_seconds_per_page < LOAD_SECONDS
    assert summary.avg_time < LOAD_SECONDS
    assert all(max(o.page_seconds) < LOAD_SECONDS for d in record.documents for o in d.outcomes)
