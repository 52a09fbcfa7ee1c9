"""What a backend needs on disk: model specs and the models directory.

Each model backend declares its weights as `ModelSpec`s in its own
`models.py` (e.g. `services/gotocr/models.py: MODELS`); `ocrmesh models
download|list` collects them from there. Weights live under one directory,
`OCRMESH_MODELS_DIR` (default `./models`), one folder per spec. Nothing is
downloaded at serve time: a backend whose folder is missing refuses to start
with a message naming the command to run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODELS_DIR = Path("models")


def models_dir() -> Path:
    return Path(os.environ.get("OCRMESH_MODELS_DIR", DEFAULT_MODELS_DIR)).expanduser()


@dataclass(frozen=True)
class ModelSpec:
    # Backend that uses it: "gotocr", "deepseek", "surya".
    backend: str
    # Folder name under the models directory.
    name: str
    # Where it comes from (a Hugging Face hub repository id, or a URL for non-hub artifacts).
    source: str
    # Pinned revision (a commit sha where known).
    revision: str = "main"
    # Only these files (glob patterns); empty = all.
    allow_patterns: tuple[str, ...] = ()
    # Expected SHA-256 per file name, verified after download where given.
    sha256: dict[str, str] = field(default_factory=dict)
    # Approximate download size in bytes (for the listing).
    size_bytes: int = 0

    def local_dir(self, root: Path | None = None) -> Path:
        return (root or models_dir()) / self.name

    def present(self, root: Path | None = None) -> bool:
        path = self.local_dir(root)
        return path.is_dir() and any(path.iterdir())


class MissingModelError(RuntimeError):
    """Weights are not on disk; the message names the command that fetches them."""

    def __init__(self, spec: ModelSpec, root: Path | None = None) -> None:
        super().__init__(
            f"model weights for {spec.backend} ({spec.source}) are missing in {spec.local_dir(root)}; "
            f"run `ocrmesh models download {spec.backend}` on a machine with access to the model hub"
        )
        self.spec = spec
