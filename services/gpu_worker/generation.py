"""Torch-side helpers both GPU runners share. Imported in the child process only."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import torch
from transformers import StoppingCriteria, StoppingCriteriaList


def pick_device(device: str) -> str:
    if device == "auto":
        return "cuda:0" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise RuntimeError(f"device {device!r} requested but CUDA is not available (no GPU or a CPU-only torch)")
    return device


def pick_dtype(device: str, precision: str) -> torch.dtype:
    """bf16 on GPUs that support it, else fp16, fp32 on the CPU; or what `precision` says."""
    if precision == "fp32" or (precision == "auto" and not device.startswith("cuda")):
        return torch.float32
    if precision == "bf16":
        return torch.bfloat16
    if precision == "fp16":
        return torch.float16
    if precision == "auto":
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    raise ValueError(f"unknown precision {precision!r}; use auto, bf16, fp16 or fp32")


def load_kwargs(device: str, precision: str, quantization: str) -> dict[str, Any]:
    """Keyword arguments for `from_pretrained`: dtype, device placement, optional 8/4-bit loading.

    bitsandbytes is optional: it is imported (through transformers) only when
    quantisation is asked for, and needs a CUDA GPU.
    """
    dtype = pick_dtype(device, precision)
    kwargs: dict[str, Any] = {"dtype": dtype}
    if quantization in ("", "none"):
        return kwargs
    if quantization not in ("8bit", "4bit"):
        raise ValueError(f"unknown quantization {quantization!r}; use none, 8bit or 4bit")
    if not device.startswith("cuda"):
        raise RuntimeError(f"{quantization} loading needs a CUDA GPU (bitsandbytes); this worker runs on {device}")
    try:
        import bitsandbytes  # noqa: F401
    except ImportError as exc:
        raise RuntimeError(
            f"{quantization} loading needs bitsandbytes: pip install bitsandbytes (with the CUDA build of torch)"
        ) from exc
    from transformers import BitsAndBytesConfig

    if quantization == "8bit":
        kwargs["quantization_config"] = BitsAndBytesConfig(load_in_8bit=True)
    else:
        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=dtype
        )
    kwargs["device_map"] = {"": device}
    return kwargs


def vram_bytes(device: str) -> tuple[int, int]:
    """GPU memory this process holds (reserved by the allocator) and its peak; (0, 0) on the CPU."""
    if not device.startswith("cuda"):
        return 0, 0
    return int(torch.cuda.memory_reserved(device)), int(torch.cuda.max_memory_reserved(device))


def free_cached_memory(device: str) -> None:
    if device.startswith("cuda"):
        torch.cuda.empty_cache()


@dataclass
class RowControl:
    """What the stopping criterion needs to know about one row of a batch."""

    job_id: int
    deadline: float | None  # time.monotonic() in the child
    stopped: str = ""
    tokens: int = 0


class ControlledStop(StoppingCriteria):
    """Stop rows whose request was cancelled or whose deadline passed; report progress.

    Called by `generate` after every new token. Returns one flag per row, so a
    cancelled request stops its own rows and leaves the rest of the batch
    running. `poll()` reads cancel messages from the parent (cheap, non-blocking).
    """

    def __init__(
        self,
        rows: Sequence[RowControl],
        prompt_length: int,
        poll: Callable[[], set[int]],
        report: Callable[[RowControl, float], None],
        expected_tokens: int,
        report_every: float = 0.25,
    ) -> None:
        self.rows = list(rows)
        self.prompt_length = prompt_length
        self.poll = poll
        self.report = report
        self.expected_tokens = max(1, expected_tokens)
        self.report_every = report_every
        self._last_report = 0.0

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor, **kwargs: Any) -> torch.BoolTensor:
        cancelled = self.poll()
        now = time.monotonic()
        flags = []
        generated = input_ids.shape[1] - self.prompt_length
        for row in self.rows:
            if not row.stopped:
                row.tokens = generated
                if row.job_id in cancelled:
                    row.stopped = "cancelled"
                elif row.deadline is not None and now >= row.deadline:
                    row.stopped = "deadline"
            flags.append(bool(row.stopped))
        if now - self._last_report >= self.report_every:
            self._last_report = now
            for row in self.rows:
                if not row.stopped:
                    # Pages vary in length: an asymptotic estimate that never claims "done".
                    self.report(row, 1.0 - math.exp(-row.tokens / self.expected_tokens))
        return torch.tensor(flags, dtype=torch.bool, device=input_ids.device)


@dataclass(frozen=True)
class Decoded:
    text: str
    confidence: float
    line_confidences: tuple[float, ...]
    tokens: int
    hit_limit: bool


def generate_and_decode(
    model: Any,
    tokenizer: Any,
    inputs: dict[str, Any],
    rows: Sequence[RowControl],
    poll: Callable[[], set[int]],
    report: Callable[[RowControl, float], None],
    *,
    max_new_tokens: int,
    expected_tokens: int,
    eos_token_ids: Sequence[int],
    **generate_kwargs: Any,
) -> list[Decoded]:
    """Greedy generation for a batch with control, then text and confidences per row."""
    prompt_length = inputs["input_ids"].shape[1]
    criterion = ControlledStop(rows, prompt_length, poll, report, expected_tokens)
    with torch.inference_mode():
        out = model.generate(
            **inputs,
            max_new_tokens=max_new_tokens,
            do_sample=False,
            num_beams=1,
            eos_token_id=list(eos_token_ids),
            pad_token_id=tokenizer.pad_token_id if tokenizer.pad_token_id is not None else eos_token_ids[0],
            stopping_criteria=StoppingCriteriaList([criterion]),
            output_scores=True,
            return_dict_in_generate=True,
            **generate_kwargs,
        )
        # Log-probabilities of the chosen tokens (transformers' own helper).
        logprobs = model.compute_transition_scores(out.sequences, out.scores, normalize_logits=True).float().cpu()
    generated = out.sequences[:, prompt_length:].cpu()
    stop_ids = set(eos_token_ids) | {tokenizer.pad_token_id}
    results = []
    for row in range(generated.shape[0]):
        ids, probs = [], []
        ended = False
        for token, lp in zip(generated[row].tolist(), logprobs[row].tolist(), strict=False):
            if token in stop_ids:
                ended = True
                break
            ids.append(token)
            probs.append(math.exp(lp) if math.isfinite(lp) else 0.0)
        text = tokenizer.decode(ids, skip_special_tokens=True)
        results.append(
            Decoded(
                text=text,
                confidence=_geometric_mean(probs),
                line_confidences=_line_confidences(tokenizer, ids, probs),
                tokens=len(ids),
                hit_limit=not ended and len(ids) >= max_new_tokens,
            )
        )
    return results


def _geometric_mean(probs: Sequence[float]) -> float:
    if not probs:
        return 0.0
    return math.exp(sum(math.log(max(p, 1e-9)) for p in probs) / len(probs))


def _line_confidences(tokenizer: Any, ids: Sequence[int], probs: Sequence[float]) -> tuple[float, ...]:
    """Mean token probability per output line (a token's newlines end lines)."""
    lines: list[list[float]] = [[]]
    for token, p in zip(ids, probs, strict=True):
        piece = tokenizer.decode([token])
        lines[-1].append(p)
        for _ in range(piece.count("\n")):
            lines.append([])
    return tuple(sum(ln) / len(ln) if ln else 0.0 for ln in lines)


class TransformersRunner:
    """What both GPU runners share: the device and dtype their settings ask for, a processor and model
    loaded from `model_path` (left padding, placed on the device, eval mode), the model's stop tokens,
    and generation of a processed batch moved to the device."""

    def __init__(self, settings: dict[str, Any]) -> None:
        self.settings = settings
        self.device = pick_device(settings["device"])
        self.dtype = pick_dtype(self.device, settings["precision"])
        self.model: Any = None
        self.processor: Any = None
        self.eos_token_ids: list[int] = []

    def load_model(self, processor_class: Any, model_class: Any) -> None:
        path = self.settings["model_path"]
        self.processor = processor_class.from_pretrained(path)
        self.processor.tokenizer.padding_side = "left"  # batches of prompts of different length
        kwargs = load_kwargs(self.device, self.settings["precision"], self.settings["quantization"])
        model = model_class.from_pretrained(path, **kwargs)
        if "device_map" not in kwargs:
            model = model.to(self.device)
        self.model = model.eval()

    def stop_token_ids(self, extra: int | None) -> list[int]:
        """The model's end-of-sequence ids and `extra` (the chat turn's end), without unknown (< 0) ids."""
        eos = self.model.generation_config.eos_token_id
        ids = set(eos if isinstance(eos, list) else [eos] if eos is not None else [])
        ids.add(extra)
        return sorted(i for i in ids if i is not None and i >= 0)

    def model_inputs(self, batch: Any) -> dict[str, torch.Tensor]:
        """The processor's batch on the runner's device, pixels in the model's dtype."""
        return {
            "input_ids": batch["input_ids"].to(self.device),
            "attention_mask": batch["attention_mask"].to(self.device),
            "pixel_values": batch["pixel_values"].to(self.device, self.model.dtype),
        }

    def generate(
        self,
        batch: Any,
        rows: Sequence[RowControl],
        poll: Callable[[], set[int]],
        report: Callable[[RowControl, float], None],
        max_new_tokens: int,
        **generate_kwargs: Any,
    ) -> list[Decoded]:
        """`generate_and_decode` of the processor's batch, stopping at this model's stop tokens."""
        return generate_and_decode(
            self.model,
            self.processor.tokenizer,
            self.model_inputs(batch),
            rows,
            poll,
            report,
            max_new_tokens=max_new_tokens,
            expected_tokens=int(self.settings["expected_tokens"]),
            eos_token_ids=self.eos_token_ids,
            **generate_kwargs,
        )
