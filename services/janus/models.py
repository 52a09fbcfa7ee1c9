"""Weights of the `deepseek` backend (collected by `ocrmesh models download|list`).

`deepseek-community/Janus-Pro-7B` is the transformers-native conversion of
deepseek-ai/Janus-Pro-7B (no `trust_remote_code`). The revision is a
placeholder: the hub was not reachable where this was written, so "main" is
resolved on the first download and recorded in the lock file beside the
weights (trust on first use); later runs verify against the lock. Replace it
with the commit sha once known to pin for real.
"""

from __future__ import annotations

from services.models.spec import ModelSpec

JANUS_PRO_7B = ModelSpec(
    backend="deepseek",
    name="janus-pro-7b",
    source="deepseek-community/Janus-Pro-7B",
    revision="main",  # PLACEHOLDER, not a commit sha (see module docstring)
    allow_patterns=("*.json", "*.safetensors", "*.jinja", "*.txt"),
    size_bytes=14_900_000_000,  # estimate: ~7.4 B parameters in bf16
)

MODELS: list[ModelSpec] = [JANUS_PRO_7B]
