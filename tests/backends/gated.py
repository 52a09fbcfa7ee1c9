"""A real engine behind gates, to hold the scaffold in a chosen state.

Wraps the pdftext engine: the scaffold under test is real, only the timing
of load and pages is controlled by the test.
"""

from __future__ import annotations

import threading

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import LoadedDocument
from services.registry import create_engine
from services.scaffold.engine import DocumentExtras, Engine, PageOptions


class GatedEngine(Engine):
    def __init__(self, backend: str = "pdftext") -> None:
        self.inner = create_engine(backend)
        self.info = self.inner.info
        self.load_gate = threading.Event()
        self.page_gate = threading.Event()
        self.page_started = threading.Event()
        self.loads = 0
        self.unloads = 0

    def open_all(self) -> None:
        self.load_gate.set()
        self.page_gate.set()

    def load(self) -> None:
        self.load_gate.wait(120)  # a safety net: tests open the gate
        self.inner.load()
        self.loads += 1

    def unload(self) -> None:
        self.inner.unload()
        self.unloads += 1

    def inspect_document(self, document: LoadedDocument) -> DocumentExtras:
        return self.inner.inspect_document(document)

    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        self.page_started.set()
        self.page_gate.wait(120)  # a safety net: tests open the gate
        return self.inner.process_page(document, index, options)
