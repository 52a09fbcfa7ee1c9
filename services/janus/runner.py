"""Janus-Pro inside the worker process (imports torch; never imported by the server).

transformers' native `JanusForConditionalGeneration` and `JanusProcessor`
(no remote code); the processor's chat template builds the prompt and
`generation_mode="text"` selects text generation.
"""

from __future__ import annotations

from typing import Any

from services.gpu_worker.generation import (
    Decoded,
    RowControl,
    generate_and_decode,
    load_kwargs,
    pick_device,
    pick_dtype,
)
from services.janus.prompts import PROMPTS


class JanusRunner:
    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.device = pick_device(settings["device"])
        self.dtype = pick_dtype(self.device, settings["precision"])
        self.model: Any = None
        self.processor: Any = None
        self.prompts: dict[str, str] = {}

    def load(self) -> None:
        from transformers import JanusForConditionalGeneration, JanusProcessor

        path = self.settings["model_path"]
        self.processor = JanusProcessor.from_pretrained(path)
        self.processor.tokenizer.padding_side = "left"
        kwargs = load_kwargs(self.device, self.settings["precision"], self.settings["quantization"])
        model = JanusForConditionalGeneration.from_pretrained(path, **kwargs)
        if "device_map" not in kwargs:
            model = model.to(self.device)
        self.model = model.eval()
        for mode, question in PROMPTS.items():
            messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
            self.prompts[mode] = self.processor.apply_chat_template(messages, add_generation_prompt=True)
        tokenizer = self.processor.tokenizer
        eos = self.model.generation_config.eos_token_id
        ids = set(eos if isinstance(eos, list) else [eos] if eos is not None else [])
        ids.add(tokenizer.eos_token_id)
        self.eos_token_ids = sorted(i for i in ids if i is not None and i >= 0)

    def run(self, mode: str, images: list[Any], rows: list[RowControl], poll: Any, report: Any) -> list[Decoded]:
        prompt = self.prompts[mode]
        batch = self.processor(
            text=[prompt] * len(images), images=images, generation_mode="text", padding=True, return_tensors="pt"
        )
        inputs = {
            "input_ids": batch["input_ids"].to(self.device),
            "attention_mask": batch["attention_mask"].to(self.device),
            "pixel_values": batch["pixel_values"].to(self.device, self.model.dtype),
        }
        limit = int(self.settings["max_new_tokens"] if mode == "transcribe" else self.settings["max_field_tokens"])
        return generate_and_decode(
            self.model,
            self.processor.tokenizer,
            inputs,
            rows,
            poll,
            report,
            max_new_tokens=limit,
            expected_tokens=int(self.settings["expected_tokens"]),
            eos_token_ids=self.eos_token_ids,
            generation_mode="text",
        )
