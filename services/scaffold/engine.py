"""What a backend is: one engine class with an explicit lifecycle.

The scaffold (server, health, metrics, queue, shutdown) owns everything else.
An engine implements `load`, `process_page`, `unload`, and says what it is in
`info`. `process_page` is blocking and runs on a worker thread; engines that
hold per-thread state (e.g. one Tesseract instance per worker) keep it
themselves.
"""

from __future__ import annotations

import abc
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import LoadedDocument
from services.intake.sniff import DocumentType
from services.scaffold.errors import StatusError


class EngineError(StatusError):
    """An engine's refusal or failure with the gRPC status it maps to."""


@dataclass(frozen=True)
class EngineInfo:
    name: str
    engine: str
    model_id: str = ""
    model_revision: str = ""
    device: str = "cpu"
    languages: tuple[str, ...] = ("de",)
    tables: bool = False
    layout: bool = False
    fields: bool = True
    max_pages: int = 500
    text_layer_only: bool = False
    gpu: bool = False
    device_group: str = ""
    accepts: frozenset[DocumentType] = field(
        default_factory=lambda: frozenset(
            {DocumentType.PDF, DocumentType.PNG, DocumentType.JPEG, DocumentType.TIFF, DocumentType.WEBP}
        )
    )

    def to_proto(self) -> pb.DescribeResponse:
        return pb.DescribeResponse(
            name=self.name,
            engine=self.engine,
            model_id=self.model_id,
            model_revision=self.model_revision,
            device=self.device,
            languages=list(self.languages),
            device_group=self.device_group,
            capabilities=pb.Capabilities(
                tables=self.tables,
                layout=self.layout,
                fields=self.fields,
                max_pages=self.max_pages,
                text_layer_only=self.text_layer_only,
                gpu=self.gpu,
            ),
        )


@dataclass(frozen=True)
class PageOptions:
    """What an engine needs to know about the request for one page."""

    language: str = "de"
    dpi: int = 300
    preprocessing: int = pb.PREPROCESSING_UNSPECIFIED
    confidence_threshold: float = 0.0
    # Dictionary spelling correction of the page's words (services/textfix), applied by the server.
    correct_spelling: bool = True
    # Set by the server per request, for long-running engines (optional to honour):
    # set when the request was cancelled, failed or ran out of time; stop work then.
    cancelled: threading.Event | None = None
    # The request's deadline as time.monotonic(); None = no deadline.
    deadline: float | None = None
    # progress(index, fraction) reports progress within page `index` (0-based) as PageProgress events.
    progress: Callable[[int, float], None] | None = None


@dataclass
class DocumentExtras:
    """Per-document facts an engine finds besides the pages (e.g. e-invoice XML)."""

    einvoice: pb.EInvoice | None = None
    warnings: list[str] = field(default_factory=list)


class Engine(abc.ABC):
    """Base class of every backend engine."""

    info: EngineInfo

    @abc.abstractmethod
    def load(self) -> None:
        """Load models; blocking, called on a worker thread."""

    @abc.abstractmethod
    def unload(self) -> None:
        """Free everything `load` took; blocking, called on a worker thread."""

    @abc.abstractmethod
    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        """Recognise page `index` (0-based); blocking, called on a worker thread.

        Raise EngineError for a refusal with a specific status.
        """

    def inspect_document(self, document: LoadedDocument) -> DocumentExtras:
        """Document-level facts, called once before the pages (on a worker thread)."""
        return DocumentExtras()

    def refine_document(self, document: LoadedDocument, result: pb.DocumentResult, options: PageOptions) -> None:
        """Add to the assembled result when fields were requested (e.g. fields a VLM answered); on a worker thread."""

    def vram_bytes(self) -> int:
        """GPU memory held by the engine."""
        return 0
