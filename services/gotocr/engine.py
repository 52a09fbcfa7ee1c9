"""Backend `gotocr`: GOT-OCR 2.0 through transformers' native classes.

The model lives in a worker process (`services.gpu_worker`): lazy load on the
first request, idle unload, Load/Unload RPCs; unloading ends the process and
so frees its GPU memory. Per page the engine measures the image and picks
GOT's mode (plain, formatted for tables, multi-crop for dense pages; see
`pages.py`); pages arriving together share one forward pass (set the server's
`workers` to `max_batch_pages`).
"""

from __future__ import annotations

import time
from typing import Any, Literal

from pydantic import Field

from ocrmesh.v1 import ocr_pb2 as pb
from services.gotocr.models import GOT_OCR
from services.gotocr.pages import choose_mode, measure
from services.gotocr.tables import parse_tables, plain_text
from services.gpu_worker.engine import GpuEngine, GpuSettings
from services.intake.document import LoadedDocument
from services.scaffold.engine import PageOptions


class GotOcrSettings(GpuSettings):
    model_id: str = GOT_OCR.source
    revision: str = GOT_OCR.revision
    max_batch_pages: int = Field(default=4, ge=1)
    expected_tokens: int = Field(default=900, ge=1)
    # "auto": formatted output when the page has table rules; "plain" / "format": always.
    mode: Literal["auto", "plain", "format"] = "auto"
    # "auto": multi-crop when text lines would be shorter than min_line_px at GOT's input size.
    crop: Literal["auto", "always", "never"] = "auto"
    min_line_px: float = Field(default=14.0, gt=0)
    max_patches: int = Field(default=6, ge=1, le=12)
    # GOT's input size (the vision tower's image_size; 1024 for the released model).
    input_size: int = Field(default=1024, ge=64)


class GotOcrEngine(GpuEngine):
    runner_target = "services.gotocr.runner:GotRunner"
    public_name = "gotocr"
    engine_label = "GOT-OCR 2.0 (transformers GotOcr2ForConditionalGeneration)"

    def __init__(self, settings: GotOcrSettings) -> None:
        super().__init__(settings, GOT_OCR)
        self.settings: GotOcrSettings = settings

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> GotOcrEngine:
        return cls(GotOcrSettings.model_validate(settings))

    def choose_mode(self, image: Any) -> str:
        s = self.settings
        return choose_mode(measure(image), mode=s.mode, crop=s.crop, input_size=s.input_size, min_line_px=s.min_line_px)

    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        t0 = time.perf_counter()
        image = self.page_image(document, index, options)
        mode = self.choose_mode(image)
        width, height = document.page_size(index)
        t1 = time.perf_counter()
        done = self.recognise(image, mode, index, options)
        formatted = mode.endswith("format")
        text = plain_text(done.text) if formatted else done.text
        page = pb.PageResult(
            text=text,
            confidence=done.confidence,
            kind=pb.PAGE_KIND_SCANNED,
            width=width,
            height=height,
            model_id=f"{self.info.model_id}@{self.locked_revision() or self.info.model_revision} ({mode})",
        )
        if formatted:
            page.markdown = done.text
            page.tables.extend(parse_tables(done.text))
        confidences = list(done.line_confidences)
        for i, line in enumerate(text.split("\n")):
            if line.strip():
                conf = confidences[i] if i < len(confidences) else done.confidence
                page.lines.add(text=line.strip(), confidence=conf)
        page.timings.preprocess_seconds = t1 - t0
        page.timings.recognition_seconds = time.perf_counter() - t1
        return page
