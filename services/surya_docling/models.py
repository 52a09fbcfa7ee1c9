"""Weights of backend `surya`: Docling's layout and table models, Surya's detector and recogniser.

Folder names under the models directory are the ones the libraries expect:
Docling resolves `artifacts_path / "<org>--<repo>"`, so the models directory
itself is Docling's `artifacts_path`. Surya's checkpoints are plain folders
passed to its predictors as local paths (Surya loads a local path with
`from_pretrained` and only downloads for its own `s3://` names).
"""

from __future__ import annotations

from services.models.spec import ModelSpec

LAYOUT = ModelSpec(
    backend="surya",
    name="docling-project--docling-layout-heron",
    source="docling-project/docling-layout-heron",
    revision="main",
    size_bytes=172_000_000,
)
TABLEFORMER = ModelSpec(
    backend="surya",
    name="docling-project--docling-models",
    source="docling-project/docling-models",
    # The tag Docling 2.x downloads for TableFormer (docling/models/stages/table_structure).
    revision="v2.3.0",
    allow_patterns=("model_artifacts/tableformer/**",),
    size_bytes=420_000_000,
)
# Surya 0.17.1's default checkpoints (surya/settings.py), served by Datalab as a
# folder with a manifest.json listing its files.
DETECTOR = ModelSpec(
    backend="surya",
    name="surya-text_detection-2025_05_07",
    source="https://models.datalab.to/text_detection/2025_05_07",
    revision="2025_05_07",
    size_bytes=80_000_000,
)
FOUNDATION = ModelSpec(
    backend="surya",
    name="surya-text_recognition-2025_09_23",
    source="https://models.datalab.to/text_recognition/2025_09_23",
    revision="2025_09_23",
    size_bytes=1_400_000_000,
)

MODELS: list[ModelSpec] = [LAYOUT, TABLEFORMER, DETECTOR, FOUNDATION]
