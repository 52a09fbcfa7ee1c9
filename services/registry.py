"""Backends by public name.

Each entry names the module and class of its engine as a string, so that
starting the Tesseract server never imports torch: a backend's heavy
dependencies load only when that backend is built.
"""

from __future__ import annotations

import importlib
from typing import Any

from services.scaffold.engine import Engine

BACKENDS: dict[str, str] = {
    "pdftext": "services.pdftext.engine:PdfTextEngine",
    "tesseract": "services.tesseract.engine:TesseractEngine",
    "surya": "services.surya_docling.engine:SuryaDoclingEngine",
    "gotocr": "services.gotocr.engine:GotOcrEngine",
    "deepseek": "services.janus.engine:JanusEngine",
}


class UnknownBackendError(ValueError):
    pass


def known_backends() -> list[str]:
    return sorted(BACKENDS)


def create_engine(name: str, engine_settings: dict[str, Any] | None = None) -> Engine:
    try:
        target = BACKENDS[name]
    except KeyError:
        raise UnknownBackendError(f"unknown backend {name!r}; known backends: {', '.join(known_backends())}") from None
    module_name, class_name = target.split(":")
    engine_cls = getattr(importlib.import_module(module_name), class_name)
    return engine_cls.from_settings(engine_settings or {})
