"""Which backends `ocrmesh up` starts on this host, and why the others are not started.

pdftext and Tesseract need no model weights and always start. A model
backend (surya with Docling, GOT-OCR, DeepSeek/Janus) starts when all of its
weights are in the models directory (`OCRMESH_MODELS_DIR`, filled by
`ocrmesh models download`; see services/models/spec.py); the GPU backends
also need a visible CUDA device. So one command serves a host's whole share
of the mesh: surya on the CPU VM, the GPU engines on the GPU PC.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from services.models.catalog import load_catalog
from services.models.spec import models_dir

# gRPC ports by backend, as in deploy/config/router.cpu-vm.yaml.
DEFAULT_PORTS: dict[str, int] = {
    "pdftext": 50061,
    "tesseract": 50062,
    "surya": 50081,
    "gotocr": 50071,
    "deepseek": 50072,
}
WITHOUT_WEIGHTS = ("pdftext", "tesseract")
GPU_BACKENDS = frozenset({"gotocr", "deepseek"})


@dataclass(frozen=True)
class EngineChoice:
    name: str
    start: bool
    # Why it is not started (empty when it is).
    reason: str = ""

    @property
    def port(self) -> int:
        return DEFAULT_PORTS[self.name]


@cache
def cuda_visible() -> bool:
    """Whether torch sees a CUDA device (False when torch is not installed)."""
    try:
        import torch
    except ImportError:
        return False
    return bool(torch.cuda.is_available())


def choose_engines(root: Path | None = None, cuda: Callable[[], bool] = cuda_visible) -> list[EngineChoice]:
    """Every backend with whether `up` starts it here; `cuda` is asked only when a GPU backend has its weights."""
    root = root or models_dir()
    choices = [EngineChoice(name, True) for name in WITHOUT_WEIGHTS]
    catalog = load_catalog()
    for name, reason in catalog.unavailable.items():
        choices.append(EngineChoice(name, False, reason))
    for name, specs in catalog.specs.items():
        missing = [spec for spec in specs if not spec.present(root)]
        if missing:
            reason = (
                f"{len(missing)} of {len(specs)} weight folders missing in {root} "
                f"(`ocrmesh models download {name}`)"
            )
            choices.append(EngineChoice(name, False, reason))
        elif name in GPU_BACKENDS and not cuda():
            choices.append(EngineChoice(name, False, "weights present, but no CUDA device is visible"))
        else:
            choices.append(EngineChoice(name, True))
    return choices
