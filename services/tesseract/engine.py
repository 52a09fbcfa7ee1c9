"""Backend `tesseract`: Tesseract 5 (LSTM) through its in-process API.

One `PyTessBaseAPI` per worker thread and language, created on first use and
reused for every later page (no subprocess per page). OpenMP inside
Tesseract is limited to one thread: on a busy machine it ran 3-7x slower per
page with unlimited threads; we parallelise across pages and workers instead.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # must be set before libtesseract loads

import sys
import threading
import time
from pathlib import Path
from typing import Any

import grpc
import tesserocr
from pydantic import BaseModel, Field

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import LoadedDocument
from services.intake.sniff import DocumentType
from services.scaffold.engine import Engine, EngineError, EngineInfo, PageOptions
from services.tesseract.preprocess import preprocess

LANGUAGE_CODES = {"de": "deu", "deu": "deu", "en": "eng", "eng": "eng", "de+en": "deu+eng", "deu+eng": "deu+eng"}
TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    r"C:\Program Files\Tesseract-OCR\tessdata",
)


def find_tessdata() -> str:
    env = os.environ.get("TESSDATA_PREFIX")
    for candidate in (env, *TESSDATA_CANDIDATES):
        if candidate and (Path(candidate) / "deu.traineddata").is_file():
            return candidate
    return ""


class TesseractSettings(BaseModel):
    tessdata: str = Field(default_factory=find_tessdata)
    # Page segmentation mode: 3 = fully automatic layout analysis.
    psm: int = 3


class TesseractEngine(Engine):
    def __init__(self, settings: TesseractSettings) -> None:
        self.settings = settings
        self.info = EngineInfo(
            name="tesseract",
            engine=f"tesseract {tesserocr.tesseract_version().split()[1]}",
            model_id="tesseract-lstm-deu",
            languages=("de", "en"),
            accepts=frozenset({DocumentType.PDF, DocumentType.PNG, DocumentType.JPEG, DocumentType.TIFF, DocumentType.WEBP}),
        )
        self._local = threading.local()
        self._apis: list[tesserocr.PyTessBaseAPI] = []
        self._apis_lock = threading.Lock()
        self._generation = 0

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> TesseractEngine:
        return cls(TesseractSettings.model_validate(settings))

    def load(self) -> None:
        tessdata = self.settings.tessdata
        if not tessdata or not (Path(tessdata) / "deu.traineddata").is_file():
            hint = "apt-get install tesseract-ocr-deu" if sys.platform != "win32" else "install Tesseract with German data"
            raise RuntimeError(f"German Tesseract data (deu.traineddata) not found in {tessdata!r}; {hint}")
        available = set(tesserocr.get_languages(tessdata)[1])
        missing = {"deu", "eng"} - available
        if "deu" in missing:
            raise RuntimeError(f"deu.traineddata is not usable in {tessdata}")
        # Warm up one instance so the first page does not pay for model loading.
        self._api("deu")

    def unload(self) -> None:
        with self._apis_lock:
            for api in self._apis:
                api.End()
            self._apis.clear()
            self._generation += 1

    def _api(self, lang: str) -> tesserocr.PyTessBaseAPI:
        cache: dict[str, tesserocr.PyTessBaseAPI] = getattr(self._local, "apis", {})
        if getattr(self._local, "generation", None) != self._generation:
            cache = {}
        api = cache.get(lang)
        if api is None:
            api = tesserocr.PyTessBaseAPI(
                path=self.settings.tessdata,
                lang=lang,
                psm=self.settings.psm,
                oem=tesserocr.OEM.LSTM_ONLY,
            )
            with self._apis_lock:
                self._apis.append(api)
            cache[lang] = api
            self._local.apis = cache
            self._local.generation = self._generation
        return api

    def process_page(self, document: LoadedDocument, index: int, options: PageOptions) -> pb.PageResult:
        lang = LANGUAGE_CODES.get(options.language)
        if lang is None:
            raise EngineError(
                grpc.StatusCode.INVALID_ARGUMENT,
                f"language {options.language!r} is not supported by tesseract; use one of {sorted(LANGUAGE_CODES)}",
            )
        t0 = time.perf_counter()
        rendered_dpi = options.dpi if document.kind is DocumentType.PDF else None
        image = document.render(index, options.dpi)
        width_pt, height_pt = document.page_size(index)
        image, _scale = preprocess(image, options.preprocessing, rendered_dpi)
        t1 = time.perf_counter()
        api = self._api(lang)
        api.SetImage(image)
        api.Recognize()
        page = _collect(api, image.width, image.height)
        _reread_low_confidence(api, image, page, self.settings.psm)
        api.Clear()
        t2 = time.perf_counter()
        page.width, page.height = width_pt, height_pt
        page.kind = pb.PAGE_KIND_SCANNED
        page.timings.preprocess_seconds = t1 - t0
        page.timings.recognition_seconds = t2 - t1
        return page


def _box(bbox: tuple[int, int, int, int], width: int, height: int) -> pb.BoundingBox:
    x0, y0, x1, y1 = bbox
    return pb.BoundingBox(x0=x0 / width, y0=y0 / height, x1=x1 / width, y1=y1 / height)


def _collect(api: tesserocr.PyTessBaseAPI, width: int, height: int) -> pb.PageResult:
    """Walk Tesseract's result word by word, grouping words into lines and blocks."""
    RIL = tesserocr.RIL
    page = pb.PageResult()
    iterator = api.GetIterator()
    block = -1
    line: pb.TextLine | None = None
    if iterator is not None:
        while True:
            if iterator.IsAtBeginningOf(RIL.BLOCK):
                block += 1
            if iterator.IsAtBeginningOf(RIL.TEXTLINE):
                line = page.lines.add(block=max(block, 0))
                bbox = iterator.BoundingBox(RIL.TEXTLINE)
                if bbox:
                    line.box.CopyFrom(_box(bbox, width, height))
                line.confidence = iterator.Confidence(RIL.TEXTLINE) / 100.0
            try:
                text = iterator.GetUTF8Text(RIL.WORD)
            except RuntimeError:  # "No text returned": an empty word (seen on small crops)
                text = None
            if text and text.strip() and line is not None:
                conf = iterator.Confidence(RIL.WORD) / 100.0
                word = line.words.add(text=text.strip(), confidence=conf)
                bbox = iterator.BoundingBox(RIL.WORD)
                if bbox:
                    word.box.CopyFrom(_box(bbox, width, height))
            if not iterator.Next(RIL.WORD):
                break
    kept = [ln for ln in page.lines if ln.words]
    del page.lines[:]
    for ln in kept:
        ln.text = " ".join(w.text for w in ln.words)
        page.lines.append(ln)
    page.text = _text_with_blocks(page.lines)
    page.confidence = _char_weighted_confidence(page.lines)
    return page


# Words below this confidence are read again on their own crop (see _reread_low_confidence).
REREAD_BELOW = 0.6
REREAD_MAX_WORDS = 12
# A crop's reading replaces the word only with at least this mean confidence.
REREAD_ACCEPT = 0.75


def _reread_low_confidence(api: tesserocr.PyTessBaseAPI, image: Any, page: pb.PageResult, psm: int) -> None:
    """Second pass over low-confidence words: each one's box read again as a block (psm 6).

    Page layout analysis sometimes merges two stacked short lines of a side
    column ("Rechnungsnr.: B-56686" over "Datum: 05.08.2023") with the lines of
    the next column into one text line; the LSTM then reads one tall garbage
    word. Read on its own, the crop gives its real lines. A crop's words replace
    the word only when their mean confidence is higher.
    """
    suspects = sorted(
        ((w.confidence, li, wi) for li, ln in enumerate(page.lines) for wi, w in enumerate(ln.words)
         if (w.confidence < REREAD_BELOW and len(w.text) > 1) or (w.confidence < 0.35 and w.text.isalnum())),
        key=lambda t: t[0],
    )[:REREAD_MAX_WORDS]
    if not suspects:
        return
    width, height = image.width, image.height
    replaced: dict[int, set[int]] = {}
    added: dict[int, list[pb.TextLine]] = {}
    api.SetPageSegMode(tesserocr.PSM.SINGLE_BLOCK)
    try:
        for conf, li, wi in suspects:
            box = page.lines[li].words[wi].box
            pad = 6
            x0, y0 = max(0, int(box.x0 * width) - pad), max(0, int(box.y0 * height) - pad)
            x1, y1 = min(width, int(box.x1 * width) + pad), min(height, int(box.y1 * height) + pad)
            if x1 - x0 < 8 or y1 - y0 < 8:
                continue
            api.SetImage(image.crop((x0, y0, x1, y1)))
            api.Recognize()
            sub = _collect(api, x1 - x0, y1 - y0)
            words = [w for ln in sub.lines for w in ln.words]
            if not words or sum(w.confidence for w in words) / len(words) <= max(conf, REREAD_ACCEPT):
                continue
            for ln in sub.lines:
                for w in ln.words:
                    b = w.box
                    w.box.CopyFrom(pb.BoundingBox(
                        x0=(x0 + b.x0 * (x1 - x0)) / width, y0=(y0 + b.y0 * (y1 - y0)) / height,
                        x1=(x0 + b.x1 * (x1 - x0)) / width, y1=(y0 + b.y1 * (y1 - y0)) / height))
                ln.box.CopyFrom(pb.BoundingBox(
                    x0=min(w.box.x0 for w in ln.words), y0=min(w.box.y0 for w in ln.words),
                    x1=max(w.box.x1 for w in ln.words), y1=max(w.box.y1 for w in ln.words)))
                ln.block = page.lines[li].block
                added.setdefault(li, []).append(ln)
            replaced.setdefault(li, set()).add(wi)
    finally:
        api.SetPageSegMode(psm)
    if not replaced:
        return
    lines = []
    for li, ln in enumerate(page.lines):
        if li in replaced:
            keep = [w for wi, w in enumerate(ln.words) if wi not in replaced[li]]
            del ln.words[:]
            ln.words.extend(keep)
            ln.text = " ".join(w.text for w in keep)
        if ln.words:
            lines.append(ln)
        lines.extend(added.get(li, []))
    del page.lines[:]
    page.lines.extend(lines)
    page.text = _text_with_blocks(page.lines)
    page.confidence = _char_weighted_confidence(page.lines)


def _char_weighted_confidence(lines: Any) -> float:
    weights = [(w.confidence, len(w.text)) for ln in lines for w in ln.words]
    total = sum(n for _, n in weights)
    return sum(c * n for c, n in weights) / total if total else 0.0


def _text_with_blocks(lines: Any) -> str:
    parts: list[str] = []
    previous_block = None
    for ln in lines:
        if previous_block is not None and ln.block != previous_block:
            parts.append("")
        parts.append(ln.text)
        previous_block = ln.block
    return "\n".join(parts)
