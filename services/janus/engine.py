"""Backend `deepseek`: Janus-Pro-7B through transformers' native classes.

Pages are transcribed with a prompt that keeps reading order, German
spelling and tables (`prompts.py`). When invoice fields are requested, the
first page is asked a second question whose JSON answer is checked
(`fields.py`) before it joins the fields extracted from the text. The model
lives in a worker process (`services.gpu_worker`), as for GOT-OCR.
"""

from __future__ import annotations

import time
from typing import Any

import grpc
import structlog
from pydantic import Field

from ocrmesh.v1 import ocr_pb2 as pb
from services.gotocr.tables import parse_tables
from services.gpu_worker.engine import GpuEngine, GpuSettings
from services.intake.document import LoadedDocument
from services.janus.fields import merge, parse_answer
from services.janus.models import JANUS_PRO_7B
from services.scaffold.engine import EngineError, PageOptions

log = structlog.get_logger("ocrmesh.janus")


class JanusSettings(GpuSettings):
    model_id: str = JANUS_PRO_7B.source
    revision: str = JANUS_PRO_7B.revision
    # 7B in bf16 takes ~15 GB: one page at a time on a 16 GB card; more with 4-bit loading.
    max_batch_pages: int = Field(default=1, ge=1)
    max_new_tokens: int = Field(default=2048, ge=1)
    max_field_tokens: int = Field(default=512, ge=1)
    expected_tokens: int = Field(default=700, ge=1)
    # Janus sees 384x384 px; larger images only cost transfer time.
    max_image_side: int = Field(default=1536, ge=64)
    # Ask for the invoice fields (a second generation on the first page) when fields are requested.
    answer_fields: bool = True


class JanusEngine(GpuEngine):
    runner_target = "services.janus.runner:JanusRunner"
    public_name = "deepseek"
    engine_label = "Janus-Pro (transformers JanusForConditionalGeneration)"

    def __init__(self, settings: JanusSettings) -> None:
        super().__init__(settings, JANUS_PRO_7B)
        self.settings: JanusSettings = settings

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> JanusEngine:
        return cls(JanusSettings.model_validate(settings))

    def _model_id(self, mode: str) -> str:
        return f"{self.info.model_id}@{self.locked_revision() or self.info.model_revision} ({mode})"

    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        t0 = time.perf_counter()
        image = self.page_image(document, index, options)
        width, height = document.page_size(index)
        t1 = time.perf_counter()
        done = self.recognise(image, "transcribe", index, options)
        page = pb.PageResult(
            text=done.text,
            markdown=done.text,
            confidence=done.confidence,
            kind=pb.PAGE_KIND_SCANNED,
            width=width,
            height=height,
            model_id=self._model_id("transcribe"),
        )
        page.tables.extend(parse_tables(done.text))
        confidences = list(done.line_confidences)
        for i, line in enumerate(done.text.split("\n")):
            if line.strip():
                page.lines.add(text=line.strip(), confidence=confidences[i] if i < len(confidences) else done.confidence)
        page.timings.preprocess_seconds = t1 - t0
        page.timings.recognition_seconds = time.perf_counter() - t1
        return page

    def refine_document(self, document: LoadedDocument, result: pb.DocumentResult, options: PageOptions) -> None:
        """Ask for the invoice fields on the first page and merge the checked answer."""
        if not self.settings.answer_fields or result.einvoice.xml or document.page_count == 0:
            return  # an e-invoice's XML is exact; the model has nothing to add
        try:
            done = self.recognise(self.page_image(document, 0, options), "fields", 0, options)
        except EngineError as exc:
            if exc.code in (grpc.StatusCode.RESOURCE_EXHAUSTED, grpc.StatusCode.CANCELLED, grpc.StatusCode.DEADLINE_EXCEEDED):
                raise
            result.warnings.append(f"deepseek: invoice fields not asked: {exc.message}")
            log.warning("vlm_fields_failed", error=exc.message)
            return
        answer = parse_answer(done.text)
        if not answer:
            result.warnings.append("deepseek: the model's field answer was not a JSON object; ignored")
            return
        merge(result.fields, answer, result.text, done.confidence, page=1)
