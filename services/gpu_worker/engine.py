"""What GOT-OCR and Janus share on the scaffold side: settings, load/unload of
the worker process, page rendering, and the mapping of worker failures to
gRPC status codes.

A backend subclasses `GpuEngine`, names its runner ("module:Class", imported
only in the child) and turns the worker's text into a PageResult.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
from pathlib import Path
from typing import Any, ClassVar, Literal

import grpc
from pydantic import BaseModel, Field

from services.gpu_worker.messages import TaskDone
from services.gpu_worker.process import PageControl, WorkerError, WorkerProcess
from services.intake.document import LoadedDocument
from services.models.download import LOCK_FILE
from services.models.spec import MissingModelError, ModelSpec, models_dir
from services.scaffold.engine import Engine, EngineError, EngineInfo, PageOptions


class GpuSettings(BaseModel):
    """Settings every GPU backend has (section `engine:` of the server config)."""

    # Hub id and revision the weights came from (reported by Describe; checked against the lock file).
    model_id: str = ""
    revision: str = ""
    # Folder with the weights; empty = <models dir>/<spec folder>.
    model_path: str = ""
    models_dir: str = Field(default_factory=lambda: str(models_dir()))
    # "auto" = cuda:0 when a GPU is there, else cpu.
    device: str = "auto"
    # "auto" = bf16 (fp16 on GPUs without bf16) on CUDA, fp32 on the CPU.
    precision: Literal["auto", "bf16", "fp16", "fp32"] = "auto"
    # Optional 8/4-bit loading through bitsandbytes (CUDA only; imported only when set).
    quantization: Literal["none", "8bit", "4bit"] = "none"
    max_new_tokens: int = Field(default=4096, ge=1)
    # Pages per forward pass; pages arriving within batch_wait_ms of each other share one.
    # Set the server's `workers` at least this high so enough pages arrive together.
    max_batch_pages: int = Field(default=1, ge=1)
    batch_wait_ms: float = Field(default=30.0, ge=0)
    # Typical generated tokens per page (only for the progress estimate).
    expected_tokens: int = Field(default=800, ge=1)
    # Pages are scaled down to at most this many pixels on the long side before they go to the worker.
    max_image_side: int = Field(default=3072, ge=64)
    load_timeout_seconds: float = Field(default=900.0, gt=0)
    device_group: str = "gpu0"


def guess_device(setting: str) -> str:
    """The device for Describe, without importing torch in the server process."""
    if setting != "auto":
        return setting
    return "cuda:0" if shutil.which("nvidia-smi") else "cpu"


class GpuEngine(Engine):
    """An engine whose model runs in a `WorkerProcess`."""

    runner_target: ClassVar[str]
    # Public backend name and engine description, for `Describe`.
    public_name: ClassVar[str]
    engine_label: ClassVar[str]

    def __init__(self, settings: GpuSettings, spec: ModelSpec) -> None:
        self.info = EngineInfo(
            name=self.public_name,
            engine=self.engine_label,
            model_id=settings.model_id,
            model_revision=settings.revision,
            device=guess_device(settings.device),
            languages=("de", "en"),
            tables=True,
            layout=True,
            gpu=True,
            device_group=settings.device_group,
        )
        self.settings = settings
        self.spec = spec
        self._lock = threading.Lock()
        self.worker = self._new_worker()

    def _new_worker(self) -> WorkerProcess:
        return WorkerProcess(
            self.spec.backend,
            self.runner_target,
            self.runner_settings(),
            max_batch=self.settings.max_batch_pages,
            batch_wait=self.settings.batch_wait_ms / 1000,
            load_timeout=self.settings.load_timeout_seconds,
        )

    # ------------------------------------------------------------ model files

    def model_path(self) -> Path:
        if self.settings.model_path:
            return Path(self.settings.model_path).expanduser()
        return self.spec.local_dir(Path(self.settings.models_dir).expanduser())

    def locked_revision(self) -> str:
        """The commit recorded by `ocrmesh models download`, if any."""
        try:
            return str(json.loads((self.model_path() / LOCK_FILE).read_text("utf-8")).get("resolved_revision", ""))
        except (OSError, ValueError):
            return ""

    def runner_settings(self) -> dict[str, Any]:
        return {**self.settings.model_dump(), "model_path": str(self.model_path())}

    # ------------------------------------------------------------ lifecycle

    def load(self) -> None:
        path = self.model_path()
        if not (path / "config.json").is_file():
            if self.settings.model_path:
                raise RuntimeError(f"no model in {path} (config.json missing)")
            raise MissingModelError(self.spec, Path(self.settings.models_dir).expanduser())
        with self._lock:
            if self.worker.alive:
                return
            try:
                self.worker.start()
            except WorkerError as exc:
                if exc.kind == "oom":
                    raise RuntimeError(f"out of memory while loading {self.spec.source}: {exc}") from None
                raise RuntimeError(str(exc)) from None

    def unload(self) -> None:
        with self._lock:
            self.worker.stop()

    def vram_bytes(self) -> int:
        return self.worker.vram_bytes()

    @property
    def worker_pid(self) -> int | None:
        return self.worker.pid

    # ------------------------------------------------------------ pages

    def page_image(self, document: LoadedDocument, index: int, options: PageOptions) -> Any:
        image = document.render(index, options.dpi).convert("RGB")
        longest = max(image.size)
        if longest > self.settings.max_image_side:
            scale = self.settings.max_image_side / longest
            image = image.resize((max(1, round(image.width * scale)), max(1, round(image.height * scale))))
        return image

    def recognise(self, image: Any, mode: str, index: int, options: PageOptions) -> TaskDone:
        """Run one page in the worker; worker failures become EngineErrors with the contract's codes."""
        progress = options.progress
        control = PageControl(
            cancelled=options.cancelled,
            deadline=options.deadline,
            progress=(lambda fraction: progress(index, fraction)) if progress is not None else None,
        )
        if not self.worker.alive:
            self._restart()
        try:
            done = self.worker.run_page(image, mode, control)
        except WorkerError as exc:
            raise self._engine_error(exc) from None
        if done.stopped == "cancelled":
            raise EngineError(grpc.StatusCode.CANCELLED, f"page {index + 1}: the request was cancelled")
        if done.stopped == "deadline":
            raise EngineError(grpc.StatusCode.DEADLINE_EXCEEDED, f"page {index + 1}: the deadline passed during generation")
        return done

    def _restart(self) -> None:
        """A crashed worker is replaced on the next page (the model loads again)."""
        with self._lock:
            if self.worker.alive:
                return
            self.worker.stop()
            try:
                self.worker.start()
            except WorkerError as exc:
                raise self._engine_error(exc) from None

    def _engine_error(self, exc: WorkerError) -> EngineError:
        name = self.info.name
        if exc.kind == "oom":
            # The router reads RESOURCE_EXHAUSTED + "out of memory" as: free the GPU and retry.
            return EngineError(grpc.StatusCode.RESOURCE_EXHAUSTED, f"{name}: GPU out of memory: {exc}")
        if exc.kind in ("crashed", "timeout"):
            return EngineError(grpc.StatusCode.UNAVAILABLE, f"{name}: {exc}")
        return EngineError(grpc.StatusCode.INTERNAL, f"{name}: model error: {exc}")


def elapsed(since: float) -> float:
    return time.perf_counter() - since
