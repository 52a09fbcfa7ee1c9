"""Tiny random models for backend `surya`, built once per session into a temporary models directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.surya.tiny_models import build_detector, build_foundation, build_layout


@pytest.fixture(scope="session")
def tiny_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("surya-models")
    build_layout(root)
    build_detector(root)
    build_foundation(root)
    return root


@pytest.fixture
def tiny_engine(tiny_models_dir: Path) -> Any:
    """An engine on the tiny models. TableFormer is not built (no tiny TableFormer): tables off."""
    from services.surya_docling.engine import SuryaDoclingEngine

    def make(**settings: Any) -> SuryaDoclingEngine:
        base = {"models_dir": tiny_models_dir, "tables": False, "threads": 2, "max_tokens_per_line": 8}
        return SuryaDoclingEngine.from_settings(base | settings)

    return make
