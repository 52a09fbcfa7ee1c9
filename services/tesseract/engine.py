"""Backend `tesseract`: Tesseract 5 (LSTM) through its in-process API.

One `PyTessBaseAPI` per worker thread and language, created on first use and
reused for every later page (no subprocess per page). OpenMP inside
Tesseract is limited to one thread: on a busy machine it ran 3-7x slower per
page with unlimited threads; we parallelise across pages and workers instead.

A page is read with layout analysis (psm 3); a page whose words are in a
language the requested model lacks letters of (French: é, è, à, ç) is read
again with that language's model first (`_own_language`). Then twice more in parts: the
print that layout analysis lost or garbled is found on the binarised page
and read region by region (`recover_unread_ink`, services/tesseract/ink.py),
and the remaining low-confidence words are read on their own crops
(`reread_low_confidence`). Both use one crop reader and one splice.
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
import numpy as np
import structlog
import tesserocr
from PIL import Image
from pydantic import BaseModel, Field

from ocrmesh.v1 import ocr_pb2 as pb
from services.intake.document import LoadedDocument
from services.intake.orientation import find_tessdata
from services.intake.pageprep import ink_share, prepare_page, quality_report
from services.intake.sniff import DocumentType
from services.scaffold.engine import Engine, EngineError, EngineInfo, PageOptions
from services.tesseract.preprocess import preprocess
from services.tesseract.reading import TESSERACT_DPI, collect
from services.tesseract.reread import recover_unread_ink, reread_low_confidence
from services.textfix.language import guess_language, load_identifier

log = structlog.get_logger(__name__)

PixelBox = tuple[int, int, int, int]

LANGUAGE_CODES = {
    "de": "deu",
    "deu": "deu",
    "en": "eng",
    "eng": "eng",
    "de+en": "deu+eng",
    "deu+eng": "deu+eng",
}
# A page in one of these languages is read again with its model first (the requested one second), when
# the requested model is not it and the model is installed (`tesseract-ocr-fra`). Measured on scans of the
# French tuning families: 62 -> 66 of 67 fields (names with é, â, è). Dutch was measured too (`nld`, the
# `nederlands` family): no field changed, so it is not read again.
OWN_MODEL = {"fr": "fra"}


class TesseractSettings(BaseModel):
    tessdata: str = Field(default_factory=find_tessdata)
    # Page segmentation mode: 3 = fully automatic layout analysis.
    psm: int = 3
    # Read again the print that layout analysis lost or garbled (recover_unread_ink).
    recover_unread_ink: bool = True


class TesseractEngine(Engine):
    def __init__(self, settings: TesseractSettings) -> None:
        self.settings = settings
        self.info = EngineInfo(
            name="tesseract",
            engine=f"tesseract {tesserocr.tesseract_version().split()[1]}",
            model_id="tesseract-lstm-deu",
            languages=("de", "en"),
            accepts=frozenset(
                {DocumentType.PDF, DocumentType.PNG, DocumentType.JPEG, DocumentType.TIFF, DocumentType.WEBP}
            ),
        )
        self._local = threading.local()
        self._apis: list[tesserocr.PyTessBaseAPI] = []
        self._apis_lock = threading.Lock()
        self._generation = 0
        self._installed: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> TesseractEngine:
        return cls(TesseractSettings.model_validate(settings))

    def load(self) -> None:
        tessdata = self.settings.tessdata
        if not tessdata or not (Path(tessdata) / "deu.traineddata").is_file():
            hint = (
                "apt-get install tesseract-ocr-deu"
                if sys.platform != "win32"
                else "install Tesseract with German data"
            )
            raise RuntimeError(f"German Tesseract data (deu.traineddata) not found in {tessdata!r}; {hint}")
        available = set(tesserocr.get_languages(tessdata)[1])
        self._installed = frozenset(available)
        missing = {"deu", "eng"} - available
        if "deu" in missing:
            raise RuntimeError(f"deu.traineddata is not usable in {tessdata}")
        # Warm up one instance so the first page does not pay for model loading.
        self._api("deu")
        if any(model in available for model in OWN_MODEL.values()):
            load_identifier()  # the page's language is asked on every page

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
        prepared = prepare_page(document, index, options.dpi, tessdata=self.settings.tessdata)
        width_pt, height_pt = document.page_size(index)
        image, _scale, skew = preprocess(prepared.image, options.preprocessing, prepared.dpi)
        t1 = time.perf_counter()
        api = self._api(lang)
        page = _recognise(api, image)
        language = options.language
        own = self._own_language(page, lang)
        if own is not None:
            api.Clear()
            language, models = own
            api = self._api(models)
            page = _recognise(api, image)
        if self.settings.recover_unread_ink:
            binary = np.asarray(api.GetThresholdedImage()) == 0  # Tesseract's own binarisation, True = ink
            if binary.shape == (image.height, image.width):
                recover_unread_ink(api, image, binary, page, self.settings.psm)
        reread_low_confidence(api, image, page, self.settings.psm)
        api.Clear()
        t2 = time.perf_counter()
        if prepared.orientation.degrees in (90, 270):  # boxes are on the page turned upright
            width_pt, height_pt = height_pt, width_pt
        page.width, page.height = width_pt, height_pt
        page.kind = pb.PAGE_KIND_SCANNED
        words = sum(len(line.words) for line in page.lines)
        page.quality.CopyFrom(
            quality_report(
                prepared, skew_degrees=skew, confidence=page.confidence, words=words, ink=ink_share(image)
            )
        )
        page.quality.language = language
        page.timings.preprocess_seconds = t1 - t0
        page.timings.recognition_seconds = t2 - t1
        return page

    def _own_language(self, page: pb.PageResult, models: str) -> tuple[str, str] | None:
        """(language, Tesseract models) to read `page` again with, when its words are in a language of
        `OWN_MODEL` that `models` lacks and whose model is installed; else None."""
        requested = models.split("+")
        if not any(m in self._installed and m not in requested for m in OWN_MODEL.values()):
            return None  # no other model to read with: the page's language is not asked
        guess = guess_language(page.text)
        if guess is None:
            return None
        own = OWN_MODEL.get(guess.code)
        if own is None or own in requested or own not in self._installed:
            return None
        log.info("page_read_in_own_language", language=guess.code, probability=round(guess.probability, 3))
        return guess.code, f"{own}+{models}"


def _recognise(api: tesserocr.PyTessBaseAPI, image: Image.Image) -> pb.PageResult:
    """The page as `api` reads `image` with layout analysis."""
    api.SetImage(image)
    api.SetSourceResolution(TESSERACT_DPI)
    api.Recognize()
    return collect(api, image.width, image.height)
