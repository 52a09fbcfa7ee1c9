"""GOT-OCR 2.0 inside the worker process (imports torch; never imported by the server).

Uses transformers' native `GotOcr2ForConditionalGeneration` and its processor,
which builds GOT's own prompts: plain OCR, "OCR with format" (markdown/LaTeX,
tables) and multi-crop ("upon the patch reference") for dense pages.
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

MODES = ("plain", "format", "crop", "crop+format")


class GotRunner:
    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.device = pick_device(settings["device"])
        self.dtype = pick_dtype(self.device, settings["precision"])
        self.model: Any = None
        self.processor: Any = None

    def load(self) -> None:
        from transformers import AutoProcessor, GotOcr2ForConditionalGeneration

        path = self.settings["model_path"]
        self.processor = AutoProcessor.from_pretrained(path)
        self.processor.tokenizer.padding_side = "left"  # batches of prompts of different length
        kwargs = load_kwargs(self.device, self.settings["precision"], self.settings["quantization"])
        model = GotOcr2ForConditionalGeneration.from_pretrained(path, **kwargs)
        if "device_map" not in kwargs:
            model = model.to(self.device)
        self.model = model.eval()
        vision = self.model.config.vision_config
        # Vision patches, then two stride-2 convolutions in the projector: 1024/16/4 = 16 -> 256 tokens.
        self.num_image_tokens = (vision.image_size // vision.patch_size // 4) ** 2
        tokenizer = self.processor.tokenizer
        eos = self.model.generation_config.eos_token_id
        ids = set(eos if isinstance(eos, list) else [eos] if eos is not None else [])
        ids.add(tokenizer.convert_tokens_to_ids("<|im_end|>"))
        self.eos_token_ids = sorted(i for i in ids if i is not None and i >= 0)

    def run(self, mode: str, images: list[Any], rows: list[RowControl], poll: Any, report: Any) -> list[Decoded]:
        if mode not in MODES:
            raise ValueError(f"unknown GOT mode {mode!r}")
        crop = mode.startswith("crop")
        options: dict[str, Any] = {"format": mode.endswith("format"), "num_image_tokens": self.num_image_tokens}
        if crop:
            options.update(crop_to_patches=True, max_patches=int(self.settings["max_patches"]))
        batch = self.processor(images, return_tensors="pt", padding=True, **options)
        inputs = {
            "input_ids": batch["input_ids"].to(self.device),
            "attention_mask": batch["attention_mask"].to(self.device),
            "pixel_values": batch["pixel_values"].to(self.device, self.model.dtype),
        }
        return generate_and_decode(
            self.model,
            self.processor.tokenizer,
            inputs,
            rows,
            poll,
            report,
            max_new_tokens=int(self.settings["max_new_tokens"]),
            expected_tokens=int(self.settings["expected_tokens"]),
            eos_token_ids=self.eos_token_ids,
        )
