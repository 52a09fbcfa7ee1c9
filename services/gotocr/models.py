"""Weights of the `gotocr` backend (collected by `ocrmesh models download|list`).

The revision is a placeholder: this project was set up on a machine that
cannot reach the Hugging Face hub, so no commit sha could be looked up. "main"
is resolved on the first download and the commit found is written to the
lock file beside the weights (trust on first use); later runs verify against
that lock. Replace it with the commit sha once known to pin for real.
"""

from __future__ import annotations

from services.models.spec import ModelSpec

GOT_OCR = ModelSpec(
    backend="gotocr",
    name="got-ocr-2.0-hf",
    source="stepfun-ai/GOT-OCR-2.0-hf",
    revision="main",  # PLACEHOLDER, not a commit sha (see module docstring)
    allow_patterns=("*.json", "*.safetensors", "*.jinja", "*.txt"),
    size_bytes=1_130_000_000,  # estimate: ~560 M parameters in bf16
)

MODELS: list[ModelSpec] = [GOT_OCR]
