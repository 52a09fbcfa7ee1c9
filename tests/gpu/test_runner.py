"""The torch side both GPU runners share (`TransformersRunner`), with the tiny random GOT and Janus models."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from services.gotocr.models import GOT_OCR
from services.janus.models import JANUS_PRO_7B


def _settings(path: Path) -> dict[str, str]:
    return {"device": "cpu", "precision": "auto", "quantization": "none", "model_path": str(path)}


def test_a_runner_loads_left_padded_in_eval_mode_and_batches_on_its_device(tiny_models_dir: Path) -> None:
    import torch
    from transformers import AutoProcessor, GotOcr2ForConditionalGeneration

    from services.gpu_worker.generation import TransformersRunner

    runner = TransformersRunner(_settings(GOT_OCR.local_dir(tiny_models_dir)))
    runner.load_model(AutoProcessor, GotOcr2ForConditionalGeneration)
    assert runner.processor.tokenizer.padding_side == "left"
    assert not runner.model.training
    assert runner.dtype is torch.float32  # "auto" on the CPU
    eos = runner.model.generation_config.eos_token_id
    model_eos = {i for i in (eos if isinstance(eos, list) else [eos]) if i is not None and i >= 0}
    end = runner.processor.tokenizer.convert_tokens_to_ids("<|im_end|>")
    assert set(runner.stop_token_ids(end)) == model_eos | {end}
    assert set(runner.stop_token_ids(None)) == set(runner.stop_token_ids(-1)) == model_eos
    batch = runner.processor([Image.new("RGB", (300, 400), "white")] * 2, return_tensors="pt", padding=True)
    inputs = runner.model_inputs(batch)
    assert set(inputs) == {"input_ids", "attention_mask", "pixel_values"}
    assert inputs["pixel_values"].dtype == runner.model.dtype
    assert all(t.device.type == "cpu" for t in inputs.values())


@pytest.mark.parametrize("backend", ["gotocr", "janus"])
def test_both_runners_stop_at_the_chat_turns_end(tiny_models_dir: Path, backend: str) -> None:
    from services.gotocr.runner import GotRunner
    from services.janus.runner import JanusRunner

    if backend == "gotocr":
        runner: GotRunner | JanusRunner = GotRunner(_settings(GOT_OCR.local_dir(tiny_models_dir)))
        runner.load()
        end = runner.processor.tokenizer.convert_tokens_to_ids("<|im_end|>")
    else:
        runner = JanusRunner(_settings(JANUS_PRO_7B.local_dir(tiny_models_dir)))
        runner.load()
        end = runner.processor.tokenizer.eos_token_id
    assert end in runner.eos_token_ids
    assert runner.eos_token_ids == sorted(set(runner.eos_token_ids))
    assert not runner.model.training and runner.processor.tokenizer.padding_side == "left"
