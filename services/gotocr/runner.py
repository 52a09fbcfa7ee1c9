"""GOT-OCR 2.0 inside the worker process (imports torch; never imported by the server).

Uses transformers' native `GotOcr2ForConditionalGeneration` and its processor,
which builds GOT's own prompts: plain OCR, "OCR with format" (markdown/LaTeX,
tables) and multi-crop ("upon the patch reference") for dense pages.
"""

from __future__ import annotations

from typing import Any

from services.gpu_worker.generation import Decoded, RowControl, TransformersRunner

MODES = ("plain", "format", "crop", "crop+format")


class GotRunner(TransformersRunner):
    def load(self) -> None:
        from transformers import AutoProcessor, GotOcr2ForConditionalGeneration

        self.load_model(AutoProcessor, GotOcr2ForConditionalGeneration)
        vision = self.model.config.vision_config
        # Vision patches, then two stride-2 convolutions in the projector: 1024/16/4 = 16 -> 256 tokens.
        self.num_image_tokens = (vision.image_size // vision.patch_size // 4) ** 2
        self.eos_token_ids = self.stop_token_ids(self.processor.tokenizer.convert_tokens_to_ids("<|im_end|>"))

    def run(self, mode: str, images: list[Any], rows: list[RowControl], poll: Any, report: Any) -> list[Decoded]:
        if mode not in MODES:
            raise ValueError(f"unknown GOT mode {mode!r}")
        crop = mode.startswith("crop")
        options: dict[str, Any] = {"format": mode.endswith("format"), "num_image_tokens": self.num_image_tokens}
        if crop:
            options.update(crop_to_patches=True, max_patches=int(self.settings["max_patches"]))
        batch = self.processor(images, return_tensors="pt", padding=True, **options)
        return self.generate(batch, rows, poll, report, int(self.settings["max_new_tokens"]))
