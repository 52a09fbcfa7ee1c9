"""With the real weights: umlauts and an invoice's fields, read from scans.

These run whenever the models directory ($OCRMESH_MODELS_DIR, default
./models) holds the weights (`ocrmesh models download gotocr|deepseek`);
otherwise they are skipped and the skip reason says why (`pytest -rs`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.synth.umlaut_page import UMLAUT_WORDS, umlaut_test_pdf
from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from services.gotocr.models import GOT_OCR
from services.janus.models import JANUS_PRO_7B
from services.models.spec import ModelSpec, models_dir
from services.registry import create_engine
from tests import documents
from tests.gpu.conftest import start_gpu_server, stop_gpu_server


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def _require(spec: ModelSpec, needs_gpu: bool) -> None:
    if not spec.present():
        pytest.skip(
            f"real-weight test skipped: no {spec.source} weights in {spec.local_dir()} "
            f"(run `ocrmesh models download {spec.backend}` or set OCRMESH_MODELS_DIR)"
        )
    if needs_gpu and not _cuda():
        pytest.skip(f"real-weight test skipped: {spec.source} needs a CUDA GPU (fp32 on this CPU would not fit in RAM)")


@pytest.fixture(params=[pytest.param((GOT_OCR, False), id="gotocr"), pytest.param((JANUS_PRO_7B, True), id="deepseek")])
def real_backend(request: pytest.FixtureRequest) -> str:
    spec, needs_gpu = request.param
    _require(spec, needs_gpu)
    return spec.backend


async def test_umlaut_words_are_read(real_backend: str) -> None:
    handle = await start_gpu_server(create_engine(real_backend, {"models_dir": str(models_dir())}))
    try:
        scan = documents.image_only_pdf(umlaut_test_pdf(), dpi=200)
        outcome = await handle.client.process(build_request(scan, options=pb.ProcessOptions(extract_fields=False)), timeout=900)
        text = outcome.document.text
        missing = [w for w in UMLAUT_WORDS if w not in text]
        assert not missing, f"{real_backend} missed {missing} in:\n{text}"
    finally:
        await stop_gpu_server(handle)


async def test_invoice_fields_from_a_scan(real_backend: str, dataset_dir: Path) -> None:
    name = "EN16931_zugferd_2p0_EN16931_Einfach"
    truth = json.loads((dataset_dir / f"{name}.truth.json").read_text("utf-8"))
    scan = documents.image_only_pdf((dataset_dir / f"{name}.pdf").read_bytes(), dpi=200)  # no XML: fields from pixels
    handle = await start_gpu_server(create_engine(real_backend, {"models_dir": str(models_dir())}))
    try:
        outcome = await handle.client.process(build_request(scan), timeout=1800)
        fields = {f.name: f for f in outcome.document.fields.fields}
        assert fields["rechnungsnummer"].value == truth["rechnungsnummer"]
        assert fields["betrag_brutto"].value == f"{truth['betrag_brutto']:.2f}"
    finally:
        await stop_gpu_server(handle)
