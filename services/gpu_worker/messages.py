"""Messages between a backend (parent) and its model worker (child).

Plain picklable dataclasses sent over one `multiprocessing` Pipe.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# ------------------------------------------------------------ parent -> child


@dataclass(frozen=True)
class PageTask:
    """One page to recognise. `mode` is a key the backend's runner understands."""

    job_id: int
    image: Any  # PIL.Image.Image (RGB)
    mode: str
    # Seconds left until the request's deadline when the task was sent; None = no deadline.
    timeout: float | None = None


@dataclass(frozen=True)
class RunBatch:
    """Pages of one mode, run in one forward pass where memory allows."""

    batch_id: int
    mode: str
    tasks: tuple[PageTask, ...]


@dataclass(frozen=True)
class Cancel:
    job_id: int


@dataclass(frozen=True)
class InjectFault:
    """Test hook: the next batch raises this fault ("oom") in the child."""

    kind: str


@dataclass(frozen=True)
class Shutdown:
    pass


# ------------------------------------------------------------ child -> parent


@dataclass(frozen=True)
class Ready:
    device: str
    dtype: str
    vram_bytes: int
    load_seconds: float
    pid: int


@dataclass(frozen=True)
class LoadFailed:
    kind: str  # "oom" | "error"
    message: str


@dataclass(frozen=True)
class Progress:
    job_id: int
    tokens: int
    fraction: float


@dataclass(frozen=True)
class TaskDone:
    job_id: int
    text: str
    # Geometric mean of the generated tokens' probabilities (0..1).
    confidence: float
    # Per output line: mean token probability, same order as text.splitlines().
    line_confidences: tuple[float, ...] = ()
    tokens: int = 0
    seconds: float = 0.0
    # Why generation stopped early: "" (it finished), "cancelled", "deadline", "max_tokens".
    stopped: str = ""
    batch_size: int = 1


@dataclass(frozen=True)
class TaskFailed:
    job_id: int
    kind: str  # "oom" | "error"
    message: str


@dataclass(frozen=True)
class BatchDone:
    batch_id: int
    vram_bytes: int
    peak_vram_bytes: int
    extra: dict[str, Any] = field(default_factory=dict)
