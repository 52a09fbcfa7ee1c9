"""RAM and VRAM on /metrics are read at every scrape: a model loaded or freed shows at once, without a request."""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import LoadedDocument
from services.registry import create_engine
from services.scaffold.engine import Engine, PageOptions
from tests.conftest import running_backend
from tests.metrics_text import sample, scrape

GIB = 1024**3


class HoldsVram(Engine):
    """pdftext that reports the GPU memory a test sets, as a GPU engine reports its worker's."""

    def __init__(self) -> None:
        self.inner = create_engine("pdftext")
        self.info = self.inner.info
        self.held = 0

    def load(self) -> None:
        self.inner.load()

    def unload(self) -> None:
        self.inner.unload()

    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        return self.inner.process_page(document, index, options)

    def vram_bytes(self) -> int:
        return self.held


async def test_vram_and_ram_gauges_follow_the_engine_between_requests() -> None:
    engine = HoldsVram()
    async with running_backend(engine, metrics_port=-1) as server:
        port = server.metrics.http_port
        assert sample(await scrape(port), "ocrmesh_vram_bytes", backend="pdftext") == 0
        engine.held = 3 * GIB
        text = await scrape(port)
        assert sample(text, "ocrmesh_vram_bytes", backend="pdftext") == 3 * GIB
        assert sample(text, "ocrmesh_ram_bytes", backend="pdftext") > 10_000_000
        engine.held = 0  # unloaded: the gauge must not keep the last request's figure
        assert sample(await scrape(port), "ocrmesh_vram_bytes", backend="pdftext") == 0
