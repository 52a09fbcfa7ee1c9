"""Backend `pdftext`: born-digital PDFs and e-invoice XML, no OCR.

Pages come from the PDF text layer (exact characters, boxes). An embedded
ZUGFeRD / Factur-X / XRechnung XML is returned with the document, and its
fields win over anything read from text. Every page reports its layout
complexity (text blocks and vector ruling lines, classified as the router
does, with `layout_thresholds` from the engine settings, default the
router's defaults), and so does the document. A page without text layer is
declined with FAILED_PRECONDITION, so the router sends it to OCR.
The page's structure (tables of aligned text, blocks, Markdown) is made here,
from the lines as read (`finish_page` then finds it made).
"""

from __future__ import annotations

from typing import Any

import grpc
import pymupdf

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import LoadedDocument
from services.intake.layout import LayoutThresholds
from services.intake.sniff import DocumentType
from services.pdftext.textlayer import read_page_lines
from services.scaffold.engine import DocumentExtras, Engine, EngineError, EngineInfo, PageOptions
from services.scaffold.finish import add_structure


class PdfTextEngine(Engine):
    info = EngineInfo(
        name="pdftext",
        engine=f"pymupdf {pymupdf.VersionBind}",
        model_id="pdf-text-layer",
        languages=("*",),
        text_layer_only=True,
        accepts=frozenset({DocumentType.PDF, DocumentType.XML}),
    )

    def __init__(self, layout_thresholds: LayoutThresholds | None = None) -> None:
        self.layout_thresholds = layout_thresholds or LayoutThresholds()

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> PdfTextEngine:
        # `layout_thresholds`: keys of LayoutThresholds; keep them equal to config/routing.yaml's.
        return cls(LayoutThresholds.model_validate(settings.get("layout_thresholds", {})))

    def load(self) -> None:
        pass

    def unload(self) -> None:
        pass

    def inspect_document(self, document: LoadedDocument) -> DocumentExtras:
        from services.invoice.einvoice import detect_einvoice_xml, lookup_embedded_einvoice

        if document.kind is DocumentType.XML:
            einvoice = detect_einvoice_xml(document.content)
            if einvoice is None:
                raise EngineError(
                    grpc.StatusCode.INVALID_ARGUMENT,
                    "the XML document is not an e-invoice (expected UN/CEFACT CII or UBL Invoice/CreditNote)",
                )
            return DocumentExtras(einvoice=einvoice)
        assert document.pdf is not None
        found = lookup_embedded_einvoice(document.pdf)
        return DocumentExtras(einvoice=found.einvoice, warnings=found.warnings)

    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        assert document.pdf is not None
        read = read_page_lines(document.pdf, index, self.layout_thresholds)
        if read is None:
            raise EngineError(
                grpc.StatusCode.FAILED_PRECONDITION,
                f"page {index + 1} has no text layer of its own (a scan, or a scan under an earlier OCR's "
                "invisible text); it needs an OCR backend",
            )
        page, lines = read
        add_structure(page, lines)  # from the lines in hand: cheaper than `finish_page` reading them back
        return page
