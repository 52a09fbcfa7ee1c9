"""Backend `surya`: Docling's PDF pipeline (layout, reading order, TableFormer) with Surya as OCR.

The CPU fallback for long contracts. One `DocumentConverter` is built in
`load()` and reused: every page is converted on its own (the page cut out of
the PDF with PyMuPDF, an image page wrapped into a one-page PDF), so pages
stream as they finish and memory stays bounded by one page in the pipeline,
whatever the document's length. Born-digital pages keep Docling's text
cells; scans are recognised by Surya (or Tesseract, `ocr_engine:
tesseract`), see `services/surya_docling/ocr.py`.

Everything heavy (torch, Docling, Surya) is imported here, never by the
registry: `ocrmesh serve tesseract` does not load torch.
"""

from __future__ import annotations

import os

# Nothing is downloaded at serve time: weights come from the models directory only.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import gc
import io
import threading
import time
from pathlib import Path
from typing import Any, Literal

import grpc
import pymupdf
from pydantic import BaseModel, Field

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import PYMUPDF_LOCK, LoadedDocument
from services.intake.mupdf_lock import holds_pymupdf_lock
from services.intake.pageprep import PreparedPage, prepare_page, quality_report
from services.intake.sniff import DocumentType
from services.models.spec import MissingModelError, ModelSpec, models_dir
from services.scaffold.engine import DocumentExtras, Engine, EngineError, EngineInfo, PageOptions
from services.surya_docling.models import DETECTOR, FOUNDATION, LAYOUT, TABLEFORMER
from services.surya_docling.result import page_result

# Image pages without a plausible resolution are taken as A4 (long edge, inches).
_A4_LONG_EDGE_INCHES = 11.69
# Resolution at which a scanned PDF page is rendered when it must be turned before the layout pipeline.
SCAN_DPI = 300


class SuryaDoclingSettings(BaseModel):
    # OCR engine inside Docling's pipeline: Surya, or Tesseract (whose German data exists everywhere).
    ocr_engine: Literal["surya", "tesseract"] = "surya"
    # CPU threads for torch (layout, tables, Surya) and Docling's accelerator options.
    threads: int = Field(default_factory=lambda: max(1, os.cpu_count() or 1), ge=1, le=256)
    # Where the weights are; None = the models directory (OCRMESH_MODELS_DIR).
    models_dir: Path | None = None
    # Overrides of single model folders (default: `<models_dir>/<spec name>`).
    artifacts_path: Path | None = None  # Docling's: holds the layout and TableFormer folders
    detector_path: Path | None = None
    foundation_path: Path | None = None
    # Table structure with TableFormer.
    tables: bool = True
    table_mode: Literal["accurate", "fast"] = "accurate"
    # Surya
    detection_batch_size: int = Field(default=2, ge=1)
    recognition_batch_size: int = Field(default=8, ge=1)
    max_tokens_per_line: int | None = Field(default=None, ge=1)
    # Tesseract: "" = found where the tesseract backend looks (resolved in load(): importing the
    # tesseract backend sets OMP_THREAD_LIMIT=1, which must not reach torch before it loads OpenMP).
    tessdata: str = ""
    tesseract_languages: list[str] = Field(default_factory=lambda: ["deu"])
    # Pages inside Docling at once (the bound on the pipeline's memory); more wait.
    max_concurrent_pages: int = Field(default=1, ge=1, le=8)

    def root(self) -> Path:
        return self.models_dir if self.models_dir is not None else models_dir()

    def required_models(self) -> list[tuple[ModelSpec, Path]]:
        """Each model this configuration needs, with the folder it is read from."""
        root = self.root()
        docling = self.artifacts_path or root
        needed = [(LAYOUT, docling / LAYOUT.name)]
        if self.tables:
            needed.append((TABLEFORMER, docling / TABLEFORMER.name))
        if self.ocr_engine == "surya":
            needed.append((DETECTOR, self.detector_path or DETECTOR.local_dir(root)))
            needed.append((FOUNDATION, self.foundation_path or FOUNDATION.local_dir(root)))
        return needed


class SuryaDoclingEngine(Engine):
    def __init__(self, settings: SuryaDoclingSettings) -> None:
        self.settings = settings
        ocr = "surya-ocr 0.17" if settings.ocr_engine == "surya" else "tesseract"
        self.info = EngineInfo(
            name="surya",
            engine=f"docling {_version('docling')} + {ocr}",
            model_id=f"docling-layout-heron+{'tableformer+' if settings.tables else ''}{settings.ocr_engine}",
            languages=("de", "en", "*") if settings.ocr_engine == "surya" else ("de",),
            tables=settings.tables,
            layout=True,
            accepts=frozenset(
                {DocumentType.PDF, DocumentType.PNG, DocumentType.JPEG, DocumentType.TIFF, DocumentType.WEBP}
            ),
        )
        self._converter: Any = None
        self._slots = threading.BoundedSemaphore(settings.max_concurrent_pages)

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> SuryaDoclingEngine:
        return cls(SuryaDoclingSettings.model_validate(settings))

    # ------------------------------------------------------------ lifecycle

    def load(self) -> None:
        import torch
        from docling.datamodel.accelerator_options import AcceleratorDevice, AcceleratorOptions
        from docling.datamodel.base_models import InputFormat
        from docling.datamodel.pipeline_options import (
            PdfPipelineOptions,
            TableFormerMode,
            TableStructureOptions,
        )
        from docling.document_converter import DocumentConverter, PdfFormatOption

        from services.surya_docling.ocr import OcrmeshPdfPipeline, SuryaOcrOptions, TesseractOcrOptions

        s = self.settings
        folders = {spec.name: path for spec, path in s.required_models()}
        for spec, path in s.required_models():
            if not (path.is_dir() and any(path.iterdir())):
                raise MissingModelError(spec, path.parent)
        tessdata = s.tessdata
        if s.ocr_engine == "tesseract":
            from services.tesseract.engine import find_tessdata

            tessdata = tessdata or find_tessdata()
            if not (tessdata and (Path(tessdata) / "deu.traineddata").is_file()):
                raise RuntimeError(f"German Tesseract data (deu.traineddata) not found in {tessdata!r}")

        torch.set_num_threads(s.threads)
        ocr_options: Any
        if s.ocr_engine == "surya":
            ocr_options = SuryaOcrOptions(
                detector_path=folders[DETECTOR.name],
                foundation_path=folders[FOUNDATION.name],
                detection_batch_size=s.detection_batch_size,
                recognition_batch_size=s.recognition_batch_size,
                max_tokens_per_line=s.max_tokens_per_line,
            )
        else:
            ocr_options = TesseractOcrOptions(lang=s.tesseract_languages, tessdata=tessdata)
        pipeline_options = PdfPipelineOptions(
            artifacts_path=s.artifacts_path or s.root(),
            do_ocr=True,
            ocr_options=ocr_options,
            do_table_structure=s.tables,
            table_structure_options=TableStructureOptions(
                mode=TableFormerMode.ACCURATE if s.table_mode == "accurate" else TableFormerMode.FAST
            ),
            accelerator_options=AcceleratorOptions(num_threads=s.threads, device=AcceleratorDevice.CPU),
            # The text cells are our lines; kept on the (single) page of each conversion.
            generate_parsed_pages=True,
            enable_remote_services=False,
        )
        converter = DocumentConverter(
            allowed_formats=[InputFormat.PDF],
            format_options={
                InputFormat.PDF: PdfFormatOption(pipeline_cls=OcrmeshPdfPipeline, pipeline_options=pipeline_options)
            },
        )
        converter.initialize_pipeline(InputFormat.PDF)  # loads every model now, not on the first page
        self._converter = converter

    def unload(self) -> None:
        self._converter = None
        gc.collect()

    # ------------------------------------------------------------ documents

    def inspect_document(self, document: LoadedDocument) -> DocumentExtras:
        if document.pdf is None:
            return DocumentExtras()
        from services.invoice.einvoice import lookup_embedded_einvoice

        with PYMUPDF_LOCK:
            found = lookup_embedded_einvoice(document.pdf)
        return DocumentExtras(einvoice=found.einvoice, warnings=found.warnings)

    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        from docling.datamodel.base_models import ConversionStatus, DocumentStream

        converter = self._converter
        if converter is None:
            raise EngineError(grpc.StatusCode.UNAVAILABLE, "the surya backend is not loaded")
        t0 = time.perf_counter()
        single, prepared = _single_page_pdf(document, index, self.settings.tessdata or None)
        width, height = document.page_size(index)
        if prepared is not None and prepared.orientation.degrees in (90, 270):
            width, height = height, width
        t1 = time.perf_counter()
        with self._slots:
            result = converter.convert(
                DocumentStream(name=f"page-{index + 1}.pdf", stream=io.BytesIO(single)), raises_on_error=False
            )
        if result.status not in (ConversionStatus.SUCCESS, ConversionStatus.PARTIAL_SUCCESS) or not result.pages:
            detail = "; ".join(e.error_message for e in result.errors) or result.status.value
            raise EngineError(grpc.StatusCode.INTERNAL, f"page {index + 1}: the layout pipeline failed ({detail})")
        page = page_result(result)
        t2 = time.perf_counter()
        page.width, page.height = width, height
        if prepared is not None:
            words = sum(len(line.words) for line in page.lines)
            page.quality.CopyFrom(
                quality_report(prepared, skew_degrees=0.0, confidence=page.confidence, words=words)
            )
        page.timings.preprocess_seconds = t1 - t0
        page.timings.recognition_seconds = t2 - t1
        return page


def _single_page_pdf(document: LoadedDocument, index: int, tessdata: str | None) -> tuple[bytes, PreparedPage | None]:
    """Page `index` as a PDF of its own, and how it was prepared (None for a page with a text layer).

    A PDF page with a text layer, or a scanned one that stands upright as delivered, is cut from the
    PDF; any other page is prepared like every OCR engine's (`prepare_page`: EXIF, fax pixels, photo,
    upright) and its image wrapped.
    """
    prepared: PreparedPage | None = None
    if document.pdf is not None:
        with PYMUPDF_LOCK:
            has_text = bool(document.pdf[index].get_text("text").strip())
        if not has_text:
            prepared = prepare_page(document, index, SCAN_DPI, tessdata=tessdata)
        if prepared is None or (
            prepared.orientation.degrees == 0 and prepared.capture.kind == pb.CAPTURE_KIND_SCAN
        ):
            with PYMUPDF_LOCK:
                out = pymupdf.open()
                try:
                    out.insert_pdf(document.pdf, from_page=index, to_page=index)
                    return out.tobytes(garbage=1), prepared
                finally:
                    out.close()
        image, dpi = prepared.image, prepared.dpi
    else:
        prepared = prepare_page(document, index, SCAN_DPI, tessdata=tessdata)
        image, dpi = prepared.image, _image_dpi(prepared.image)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return _image_pdf(buffer.getvalue(), image.width * 72 / dpi, image.height * 72 / dpi), prepared


@holds_pymupdf_lock
def _image_pdf(png: bytes, width: float, height: float) -> bytes:
    """A one-page PDF of `width` x `height` points showing the image."""
    out = pymupdf.open()
    try:
        page = out.new_page(width=width, height=height)
        page.insert_image(page.rect, stream=png)
        return out.tobytes()
    finally:
        out.close()


def _image_dpi(image: Any) -> float:
    meta = image.info.get("dpi")
    if meta and 100 <= float(meta[0]) <= 1200:
        return float(meta[0])
    return max(image.size) / _A4_LONG_EDGE_INCHES


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)
