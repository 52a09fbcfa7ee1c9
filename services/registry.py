"""Backends by public name: the engine of each, built from the catalogue (`services.catalogue`).

Each catalogue entry names the module and class of its engine as a string, so
that starting the Tesseract server never imports torch: a backend's heavy
dependencies load only when that backend is built.
"""

from __future__ import annotations

import importlib
from typing import Any

from services import catalogue
from services.catalogue import UnknownBackendError
from services.scaffold.engine import Engine

__all__ = ["BACKENDS", "UnknownBackendError", "create_engine", "known_backends"]

# Backend name -> "module:Class" of its engine.
BACKENDS: dict[str, str] = {name: entry.engine for name, entry in catalogue.BACKENDS.items()}


def known_backends() -> list[str]:
    return catalogue.names()


def create_engine(name: str, engine_settings: dict[str, Any] | None = None) -> Engine:
    module_name, class_name = catalogue.entry(name).engine.split(":")
    engine_cls = getattr(importlib.import_module(module_name), class_name)
    return engine_cls.from_settings(engine_settings or {})
