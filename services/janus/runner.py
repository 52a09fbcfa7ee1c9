"""Janus-Pro inside the worker process (imports torch; never imported by the server).

transformers' native `JanusForConditionalGeneration` and `JanusProcessor`
(no remote code); the processor's chat template builds the prompt and
`generation_mode="text"` selects text generation.
"""

from __future__ import annotations

from typing import Any

from services.gpu_worker.generation import Decoded, RowControl, TransformersRunner
from services.janus.prompts import PROMPTS


class JanusRunner(TransformersRunner):
    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(settings)
        self.prompts: dict[str, str] = {}

    def load(self) -> None:
        from transformers import JanusForConditionalGeneration, JanusProcessor

        self.load_model(JanusProcessor, JanusForConditionalGeneration)
        for mode, question in PROMPTS.items():
            messages = [{"role": "user", "content": [{"type": "image"}, {"type": "text", "text": question}]}]
            self.prompts[mode] = self.processor.apply_chat_template(messages, add_generation_prompt=True)
        self.eos_token_ids = self.stop_token_ids(self.processor.tokenizer.eos_token_id)

    def run(self, mode: str, images: list[Any], rows: list[RowControl], poll: Any, report: Any) -> list[Decoded]:
        prompt = self.prompts[mode]
        batch = self.processor(
            text=[prompt] * len(images), images=images, generation_mode="text", padding=True, return_tensors="pt"
        )
        limit = int(self.settings["max_new_tokens"] if mode == "transcribe" else self.settings["max_field_tokens"])
        return self.generate(batch, rows, poll, report, limit, generation_mode="text")
