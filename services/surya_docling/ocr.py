"""Our OCR engines at Docling's OCR seam: Surya, and Tesseract through our tesseract backend.

Docling picks an OCR model by the `kind` of its options class from an
`OcrFactory`; `ocr_engines()` has the shape of a Docling plugin module's hook,
and `ocr_factory()` builds a factory with Docling's own engines plus ours.
`OcrmeshPdfPipeline` is Docling's standard PDF pipeline taking its OCR model
from that factory (no global registry is touched, no entry point needed).

The shared base owns region choice and merging, an engine only recognises
images (as Docling's own engines are built):
- a page without any text cells (a scan) is recognised as one full-page
  region, so a line is never cut by a layout box;
- other pages keep Docling's choice (`OcrMode.DEFAULT`: only regions with
  bitmaps or without programmatic text), so born-digital text stays exact.
"""

from __future__ import annotations

import abc
import re
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

from docling.datamodel.accelerator_options import AcceleratorOptions
from docling.datamodel.base_models import Page
from docling.datamodel.document import ConversionResult
from docling.datamodel.pipeline_options import OcrMode, OcrOptions
from docling.models.base_ocr_model import BaseOcrModel
from docling.models.factories.ocr_factory import OcrFactory
from docling.pipeline.standard_pdf_pipeline import StandardPdfPipeline
from docling.utils.profiling import TimeRecorder
from docling_core.types.doc import BoundingBox, CoordOrigin
from docling_core.types.doc.page import BoundingRectangle, TextCell
from PIL import Image
from pydantic import Field

from ocrmesh.v1 import ocr_pb2 as pb

# Surya's formatting tags (<b>, <i>, <br>, <sup> ...) carry no text.
_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,20}>")


@dataclass(frozen=True)
class OcrLine:
    """One recognised line in the pixel coordinates of the image it came from."""

    text: str
    confidence: float
    box: tuple[float, float, float, float]


# ---------------------------------------------------------------- options


class SuryaOcrOptions(OcrOptions):
    kind: ClassVar[str] = "ocrmesh_surya"
    canonicalize_lang: ClassVar[bool] = False
    # Surya recognises every script without being told the language.
    lang: list[str] = Field(default_factory=list)
    # Recognition at Surya's own high resolution (IMAGE_DPI_HIGHRES = 192).
    scale: float = 192 / 72
    # Detection at Surya's detection resolution (IMAGE_DPI = 96).
    detection_scale: float = 96 / 72
    detector_path: Path
    foundation_path: Path
    detection_batch_size: int = 2
    recognition_batch_size: int = 8
    # Upper bound of tokens per line (None: Surya's task default, 224).
    max_tokens_per_line: int | None = None


class TesseractOcrOptions(OcrOptions):
    kind: ClassVar[str] = "ocrmesh_tesseract"
    canonicalize_lang: ClassVar[bool] = False
    lang: list[str] = Field(default_factory=lambda: ["deu"])
    # Rendered at 300 dpi, the tesseract backend's default (measured there).
    scale: float = 300 / 72
    tessdata: str = ""
    psm: int = 3
    preprocessing: int = pb.PREPROCESSING_UNSPECIFIED


# ---------------------------------------------------------------- base


def _has_text_cells(page: Page) -> bool:
    return any(cell.text.strip() for cell in page.cells)


class ScanAwareOcrModel(BaseOcrModel):
    """Region choice, rendering and merging; subclasses implement `recognise`."""

    def __init__(
        self,
        *,
        enabled: bool,
        artifacts_path: Path | None,
        options: OcrOptions,
        accelerator_options: AcceleratorOptions,
    ) -> None:
        super().__init__(
            enabled=enabled, artifacts_path=artifacts_path, options=options, accelerator_options=accelerator_options
        )
        self.scale = options.scale

    @abc.abstractmethod
    def recognise(self, images: Sequence[Image.Image]) -> list[list[OcrLine]]:
        """Lines of each image, boxes in that image's pixels."""

    def get_ocr_rects(self, page: Page) -> list[BoundingBox]:
        assert page.size is not None
        if self.options.mode is OcrMode.DEFAULT and not _has_text_cells(page):
            return [BoundingBox(l=0, t=0, r=page.size.width, b=page.size.height, coord_origin=CoordOrigin.TOPLEFT)]
        return super().get_ocr_rects(page)

    def __call__(self, conv_res: ConversionResult, page_batch: Iterable[Page]) -> Iterable[Page]:
        if not self.enabled:
            yield from page_batch
            return
        for page in page_batch:
            assert page._backend is not None
            if not page._backend.is_valid():
                yield page
                continue
            with TimeRecorder(conv_res, "ocr"):
                rects = [rect for rect in self.get_ocr_rects(page) if rect.area() > 0]
                images = [page._backend.get_page_image(scale=self.scale, cropbox=rect) for rect in rects]
                results = self.recognise(images) if images else []
                cells: list[TextCell] = []
                for rect, image, lines in zip(rects, images, results, strict=True):
                    sx, sy = image.width / rect.width, image.height / rect.height
                    for line in lines:
                        x0, y0, x1, y1 = line.box
                        box = BoundingBox(
                            l=rect.l + x0 / sx,
                            t=rect.t + y0 / sy,
                            r=rect.l + x1 / sx,
                            b=rect.t + y1 / sy,
                            coord_origin=CoordOrigin.TOPLEFT,
                        )
                        cells.append(
                            TextCell(
                                index=len(cells),
                                text=line.text,
                                orig=line.text,
                                from_ocr=True,
                                confidence=line.confidence,
                                rect=BoundingRectangle.from_bounding_box(box),
                            )
                        )
                    image.close()
                self.post_process_cells(cells, page, conv_res)
            yield page


# ---------------------------------------------------------------- Surya


class SuryaOcrModel(ScanAwareOcrModel):
    """Surya's text-line detector and recogniser, in process, on the CPU."""

    def __init__(
        self,
        *,
        enabled: bool,
        artifacts_path: Path | None,
        options: SuryaOcrOptions,
        accelerator_options: AcceleratorOptions,
    ) -> None:
        super().__init__(
            enabled=enabled, artifacts_path=artifacts_path, options=options, accelerator_options=accelerator_options
        )
        self.options: SuryaOcrOptions
        # Surya's predictors keep per-call state (KV cache, prompt queue): one call at a time.
        self._lock = threading.Lock()
        self._detector: Any = None
        self._recogniser: Any = None
        if not enabled:
            return
        try:
            import torch
            from surya.detection import DetectionPredictor
            from surya.foundation import FoundationPredictor
            from surya.recognition import RecognitionPredictor
        except ImportError as exc:  # pragma: no cover - the venv has it
            raise ImportError("surya-ocr is not installed; pip install -r requirements-models.txt") from exc
        self._detector = DetectionPredictor(checkpoint=str(options.detector_path), device="cpu", dtype=torch.float32)
        foundation = FoundationPredictor(checkpoint=str(options.foundation_path), device="cpu", dtype=torch.float32)
        self._recogniser = RecognitionPredictor(foundation)
        self._detector.disable_tqdm = True
        self._recogniser.disable_tqdm = True

    def recognise(self, images: Sequence[Image.Image]) -> list[list[OcrLine]]:
        opts = self.options
        ratio = opts.detection_scale / opts.scale
        highres = [image.convert("RGB") for image in images]
        lowres = [
            image.resize((max(1, round(image.width * ratio)), max(1, round(image.height * ratio))), Image.Resampling.LANCZOS)
            for image in highres
        ]
        with self._lock:
            results = self._recogniser(
                lowres,
                det_predictor=self._detector,
                highres_images=highres,
                detection_batch_size=opts.detection_batch_size,
                recognition_batch_size=opts.recognition_batch_size,
                math_mode=False,
                sort_lines=True,
                max_tokens=opts.max_tokens_per_line,
            )
        out: list[list[OcrLine]] = []
        for image, low, result in zip(highres, lowres, results, strict=True):
            # Boxes come in the coordinates of the detection (low-resolution) image.
            fx, fy = image.width / low.width, image.height / low.height
            lines = []
            for line in result.text_lines:
                text = " ".join(_TAG.sub(" ", line.text).split())
                if not text:
                    continue
                x0, y0, x1, y1 = line.bbox
                lines.append(OcrLine(text, float(line.confidence or 0.0), (x0 * fx, y0 * fy, x1 * fx, y1 * fy)))
            out.append(lines)
        return out

    @classmethod
    def get_options_type(cls) -> type[OcrOptions]:
        return SuryaOcrOptions


# ---------------------------------------------------------------- Tesseract


class TesseractOcrModel(ScanAwareOcrModel):
    """Tesseract through the tesseract backend's engine (its per-thread instances and clean-up)."""

    def __init__(
        self,
        *,
        enabled: bool,
        artifacts_path: Path | None,
        options: TesseractOcrOptions,
        accelerator_options: AcceleratorOptions,
    ) -> None:
        super().__init__(
            enabled=enabled, artifacts_path=artifacts_path, options=options, accelerator_options=accelerator_options
        )
        self.options: TesseractOcrOptions
        self._engine: Any = None
        if not enabled:
            return
        from services.tesseract.engine import TesseractEngine, TesseractSettings

        settings = {"psm": options.psm} | ({"tessdata": options.tessdata} if options.tessdata else {})
        self._engine = TesseractEngine(TesseractSettings.model_validate(settings))
        self._engine.load()

    def recognise(self, images: Sequence[Image.Image]) -> list[list[OcrLine]]:
        from services.intake.document import LoadedDocument
        from services.intake.limits import IntakeLimits
        from services.intake.sniff import DocumentType
        from services.scaffold.engine import PageOptions

        dpi = round(self.scale * 72)
        page_options = PageOptions(language="+".join(self.options.lang), preprocessing=self.options.preprocessing)
        out: list[list[OcrLine]] = []
        for image in images:
            image.info["dpi"] = (dpi, dpi)  # the clean-up decides on upscaling by resolution
            document = LoadedDocument(DocumentType.PNG, b"", 1, "", IntakeLimits(), _image=image)
            result = self._engine.process_page(document, 0, page_options)
            w, h = image.width, image.height
            out.append(
                [
                    OcrLine(ln.text, ln.confidence, (ln.box.x0 * w, ln.box.y0 * h, ln.box.x1 * w, ln.box.y1 * h))
                    for ln in result.lines
                    if ln.text.strip()
                ]
            )
        return out

    @classmethod
    def get_options_type(cls) -> type[OcrOptions]:
        return TesseractOcrOptions


# ---------------------------------------------------------------- Docling wiring


def ocr_engines() -> dict[str, list[type[BaseOcrModel]]]:
    """Docling's plugin hook (`ocr_engines`) for our engines."""
    return {"ocr_engines": [SuryaOcrModel, TesseractOcrModel]}


@lru_cache(maxsize=1)
def ocr_factory() -> OcrFactory:
    """Docling's OCR engines plus ours, selected by the options' `kind`."""
    factory = OcrFactory()
    factory.load_from_plugins(allow_external_plugins=False)
    factory.process_plugin(ocr_engines(), plugin_name="ocrmesh", plugin_module_name=__name__)
    return factory


class OcrmeshPdfPipeline(StandardPdfPipeline):
    """Docling's standard PDF pipeline with its OCR model from `ocr_factory()`."""

    def _make_ocr_model(self, art_path: Path | None) -> Any:
        return ocr_factory().create_instance(
            options=self.pipeline_options.ocr_options,
            enabled=self.pipeline_options.do_ocr,
            artifacts_path=art_path,
            accelerator_options=self.pipeline_options.accelerator_options,
        )
