"""The `deepseek` backend (Janus-Pro) through a real server, with a tiny random Janus model."""

from __future__ import annotations

from pathlib import Path

import grpc
import pytest

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh_client import build_request
from services.janus.models import JANUS_PRO_7B
from services.janus.prompts import FIELDS, TRANSCRIBE
from tests import documents


def test_prompts_go_through_the_chat_template_with_576_image_tokens(tiny_models_dir: Path) -> None:
    from PIL import Image

    from services.janus.runner import JanusRunner

    runner = JanusRunner(
        {"device": "cpu", "precision": "auto", "quantization": "none",
         "model_path": str(JANUS_PRO_7B.local_dir(tiny_models_dir))}
    )  # fmt: skip
    runner.load()
    assert TRANSCRIBE in runner.prompts["transcribe"] and FIELDS in runner.prompts["fields"]
    for prompt in runner.prompts.values():
        assert prompt.count("<image_placeholder>") == 1
    batch = runner.processor(
        text=[runner.prompts["transcribe"]], images=[Image.new("RGB", (600, 800), "white")], generation_mode="text",
        return_tensors="pt",
    )  # fmt: skip
    image_token = runner.model.config.image_token_id
    assert int((batch["input_ids"] == image_token).sum()) == 576
    assert tuple(batch["pixel_values"].shape[-2:]) == (384, 384)
    tokenizer = runner.processor.tokenizer
    assert tokenizer.decode(tokenizer("Grüße, Straße, 12,50 €", add_special_tokens=False)["input_ids"]) == (
        "Grüße, Straße, 12,50 €"
    )


async def test_transcribes_streams_and_checks_the_field_answer(janus_server) -> None:  # type: ignore[no-untyped-def]
    assert (await janus_server.client.status()).status.state == pb.MODEL_STATE_UNLOADED
    describe = await janus_server.client.describe()
    assert describe.name == "deepseek" and describe.model_id == "deepseek-community/Janus-Pro-7B"
    png = documents.png_page(documents.numbered_pdf(1), dpi=100)
    got = [e async for e in janus_server.client.stream(build_request(png), timeout=120)]
    kinds = [e.WhichOneof("event") for e in got]
    assert kinds.count("page") == 1 and kinds[-1] == "document" and "progress" in kinds
    page = next(e.page for e in got if e.HasField("page"))
    assert page.backend == "deepseek" and "Janus-Pro-7B@" in page.model_id and 0 <= page.confidence <= 1
    document = got[-1].document
    # The random model's field answer is no JSON: it is reported and ignored, never trusted.
    assert any("field answer was not a JSON object" in w for w in document.warnings), document.warnings
    assert all(f.source != pb.FIELD_SOURCE_VLM for f in document.fields.fields)
    assert janus_server.server.engine.worker_pid is not None


async def test_out_of_memory_on_a_page_is_resource_exhausted(janus_server) -> None:  # type: ignore[no-untyped-def]
    await janus_server.client.load()
    engine = janus_server.server.engine
    png = documents.png_page(documents.numbered_pdf(1), dpi=100)
    engine.worker.inject_fault("oom")
    with pytest.raises(grpc.aio.AioRpcError) as err:
        await janus_server.client.process(build_request(png, options=pb.ProcessOptions(extract_fields=False)), timeout=60)
    assert err.value.code() is grpc.StatusCode.RESOURCE_EXHAUSTED and "out of memory" in err.value.details()
    outcome = await janus_server.client.process(build_request(png, options=pb.ProcessOptions(extract_fields=False)))
    assert len(outcome.pages) == 1
