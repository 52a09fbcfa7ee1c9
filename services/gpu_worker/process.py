"""Parent side of a model worker: spawn, feed, cancel, end.

`WorkerProcess.start()` spawns the child (`multiprocessing` "spawn" context:
the same on Linux and Windows, no fork of a process holding threads or CUDA)
and waits until its model is loaded. `run_page()` is called from the
scaffold's page threads; pages that arrive together are grouped by mode into
one batch (up to `max_batch` pages, waiting at most `batch_wait` seconds for
company), so several pages share a forward pass. `stop()` ends the process,
which frees every byte of GPU memory it held.
"""

from __future__ import annotations

import itertools
import multiprocessing
import queue
import shutil
import subprocess
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field
from typing import Any

import structlog

from services.gpu_worker import messages as m
from services.gpu_worker.child import child_main

log = structlog.get_logger("ocrmesh.gpu_worker")


class WorkerError(RuntimeError):
    """The worker failed: `kind` is "oom" (out of GPU memory), "crashed", "error" or "timeout"."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class PageControl:
    """How the caller can stop a page and hear of its progress."""

    cancelled: threading.Event | None = None
    deadline: float | None = None  # time.monotonic() of this process
    progress: Callable[[float], None] | None = None


@dataclass
class _Job:
    job_id: int
    image: Any
    mode: str
    control: PageControl
    future: Future[m.TaskDone] = field(default_factory=Future)
    cancel_sent: bool = False


class WorkerProcess:
    def __init__(
        self,
        name: str,
        runner_target: str,
        runner_settings: dict[str, Any],
        *,
        max_batch: int = 1,
        batch_wait: float = 0.03,
        load_timeout: float = 900.0,
    ) -> None:
        self.name = name
        self.runner_target = runner_target
        self.runner_settings = runner_settings
        self.max_batch = max(1, max_batch)
        self.batch_wait = batch_wait
        self.load_timeout = load_timeout
        self.ready: m.Ready | None = None
        self.vram = 0
        self.peak_vram = 0
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Any = None
        self._send_lock = threading.Lock()
        self._jobs: dict[int, _Job] = {}
        self._jobs_lock = threading.Lock()
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._batch_done = threading.Event()
        self._ids = itertools.count(1)
        self._threads: list[threading.Thread] = []
        self._dead: WorkerError | None = None
        self._stopping = False
        self._nvml_cache: tuple[float, int] = (0.0, 0)
        self._nvml_refreshing = threading.Lock()

    # ------------------------------------------------------------ lifecycle

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive() and self._dead is None

    def start(self) -> m.Ready:
        ctx = multiprocessing.get_context("spawn")
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        process = ctx.Process(
            target=child_main,
            args=(child_conn, self.runner_target, self.runner_settings),
            name=f"ocrmesh-{self.name}-worker",
            daemon=True,
        )
        process.start()
        child_conn.close()
        self._process, self._conn, self._dead, self._stopping = process, parent_conn, None, False
        self._nvml_cache = (0.0, 0)
        log.info("worker_spawned", backend=self.name, pid=process.pid)
        deadline = time.monotonic() + self.load_timeout
        try:
            while not parent_conn.poll(0.2):
                if not process.is_alive():
                    raise WorkerError("crashed", f"the {self.name} worker exited with code {process.exitcode} while loading")
                if time.monotonic() > deadline:
                    raise WorkerError("timeout", f"the {self.name} worker did not load within {self.load_timeout:.0f} s")
            msg = parent_conn.recv()
        except (EOFError, OSError) as exc:
            self._kill()
            raise WorkerError("crashed", f"the {self.name} worker died while loading: {exc}") from None
        except WorkerError:
            self._kill()
            raise
        if isinstance(msg, m.LoadFailed):
            self._kill()
            raise WorkerError(msg.kind, msg.message)
        assert isinstance(msg, m.Ready), msg
        self.ready, self.vram, self.peak_vram = msg, msg.vram_bytes, msg.vram_bytes
        self._batch_done.set()
        self._threads = [
            threading.Thread(target=self._read, name=f"{self.name}-worker-read", daemon=True),
            threading.Thread(target=self._dispatch, name=f"{self.name}-worker-batch", daemon=True),
        ]
        for t in self._threads:
            t.start()
        log.info("worker_ready", backend=self.name, pid=msg.pid, device=msg.device, dtype=msg.dtype,
                 load_seconds=round(msg.load_seconds, 2))  # fmt: skip
        return msg

    def stop(self, grace: float = 5.0) -> None:
        """End the worker process (its GPU memory goes with it) and fail what was waiting."""
        if self._process is None:
            return
        self._stopping = True
        try:
            self._send(m.Shutdown())
        except WorkerError:
            pass
        self._process.join(grace)
        self._kill()
        self._queue.put(None)
        for t in self._threads:
            t.join(5)
        self._threads = []
        self._fail_all(WorkerError("crashed", f"the {self.name} worker was stopped"))
        self._queue = queue.Queue()
        self.ready, self.vram = None, 0

    def _kill(self) -> None:
        process = self._process
        if process is None:
            return
        if process.is_alive():
            process.terminate()
            process.join(5)
        if process.is_alive():
            process.kill()
            process.join(5)
        log.info("worker_ended", backend=self.name, pid=process.pid, exitcode=process.exitcode)
        if self._conn is not None:
            self._conn.close()
        self._process, self._conn = None, None

    # ------------------------------------------------------------ pages

    def run_page(self, image: Any, mode: str, control: PageControl) -> m.TaskDone:
        """Recognise one page (blocking). Raises WorkerError on failure."""
        if self._dead is not None:
            raise self._dead
        if not self.alive:
            raise WorkerError("crashed", f"the {self.name} worker is not running")
        job = _Job(next(self._ids), image, mode, control)
        with self._jobs_lock:
            self._jobs[job.job_id] = job
        self._queue.put(job)
        try:
            while True:
                try:
                    return job.future.result(timeout=0.1)
                except FutureTimeout:
                    if control.cancelled is not None and control.cancelled.is_set() and not job.cancel_sent:
                        job.cancel_sent = True
                        self._send(m.Cancel(job.job_id))
        finally:
            with self._jobs_lock:
                self._jobs.pop(job.job_id, None)

    def inject_fault(self, kind: str) -> None:
        """Test hook: make the child's next batch fail with `kind` ("oom")."""
        self._send(m.InjectFault(kind))

    def _send(self, msg: Any) -> None:
        with self._send_lock:
            if self._conn is None:
                raise WorkerError("crashed", f"the {self.name} worker is not running")
            try:
                self._conn.send(msg)
            except (OSError, ValueError) as exc:
                raise WorkerError("crashed", f"the {self.name} worker is gone: {exc}") from None

    def _dispatch(self) -> None:
        """Group waiting pages by mode into batches; one batch in the child at a time."""
        held: list[_Job] = []
        batch_ids = itertools.count(1)
        while True:
            first = held.pop(0) if held else self._queue.get()
            if first is None:
                return
            batch = [first]
            until = time.monotonic() + self.batch_wait
            for job in list(held):
                if len(batch) < self.max_batch and job.mode == first.mode:
                    held.remove(job)
                    batch.append(job)
            while len(batch) < self.max_batch:
                remaining = until - time.monotonic()
                try:
                    job = self._queue.get(timeout=max(remaining, 0.0)) if remaining > 0 else self._queue.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    return
                (batch if job.mode == first.mode else held).append(job)
            batch = [j for j in batch if not self._drop_cancelled(j)]
            if not batch:
                continue
            now = time.monotonic()
            tasks = tuple(
                m.PageTask(j.job_id, j.image, j.mode, None if j.control.deadline is None else j.control.deadline - now)
                for j in batch
            )
            self._batch_done.clear()
            try:
                self._send(m.RunBatch(next(batch_ids), first.mode, tasks))
            except WorkerError as exc:
                for j in batch:
                    j.future.set_exception(exc)
                continue
            while not self._batch_done.wait(0.5):
                if self._dead is not None:
                    break

    def _drop_cancelled(self, job: _Job) -> bool:
        if job.control.cancelled is not None and job.control.cancelled.is_set():
            job.future.set_result(m.TaskDone(job.job_id, "", 0.0, stopped="cancelled"))
            return True
        return False

    def _read(self) -> None:
        conn = self._conn
        while True:
            try:
                msg = conn.recv()
            except (EOFError, OSError):
                if self._process is not None and not self._stopping:
                    code = self._process.exitcode
                    self._dead = WorkerError("crashed", f"the {self.name} worker process died (exit code {code})")
                    log.error("worker_died", backend=self.name, exitcode=code)
                    self._fail_all(self._dead)
                self._batch_done.set()
                return
            if isinstance(msg, m.Progress):
                job = self._job(msg.job_id)
                if job is not None and job.control.progress is not None:
                    job.control.progress(msg.fraction)
            elif isinstance(msg, m.TaskDone):
                self._resolve(msg.job_id, result=msg)
            elif isinstance(msg, m.TaskFailed):
                self._resolve(msg.job_id, error=WorkerError(msg.kind, msg.message))
            elif isinstance(msg, m.BatchDone):
                self.vram, self.peak_vram = msg.vram_bytes, max(self.peak_vram, msg.peak_vram_bytes)
                self._batch_done.set()

    def _job(self, job_id: int) -> _Job | None:
        with self._jobs_lock:
            return self._jobs.get(job_id)

    def _resolve(self, job_id: int, result: m.TaskDone | None = None, error: WorkerError | None = None) -> None:
        job = self._job(job_id)
        if job is None or job.future.done():
            return
        if error is not None:
            job.future.set_exception(error)
        else:
            job.future.set_result(result)  # type: ignore[arg-type]

    def _fail_all(self, error: WorkerError) -> None:
        with self._jobs_lock:
            jobs = list(self._jobs.values())
        for job in jobs:
            if not job.future.done():
                job.future.set_exception(error)

    # ------------------------------------------------------------ memory

    def vram_bytes(self) -> int:
        """GPU memory the worker holds: NVML's figure for its pid where nvidia-smi exists
        (includes the CUDA context), else what its allocator reserved; 0 when not running."""
        pid = self.pid
        if pid is None or not self.alive:
            return 0
        if self.ready is not None and self.ready.device.startswith("cuda"):
            checked, used = self._nvml_cache
            if time.monotonic() - checked > 2.0 and self._nvml_refreshing.acquire(blocking=False):
                # nvidia-smi takes ~0.1 s: refresh in the background, never on the caller's (event loop) thread.
                threading.Thread(target=self._refresh_nvml, args=(pid,), daemon=True).start()
            if used:
                return used
        return self.vram

    def _refresh_nvml(self, pid: int) -> None:
        value = 0
        try:
            exe = shutil.which("nvidia-smi")
            if exe:
                out = subprocess.run(
                    [exe, "--query-compute-apps=pid,used_memory", "--format=csv,noheader,nounits"],
                    capture_output=True, text=True, timeout=3, check=False,
                ).stdout  # fmt: skip
                for line in out.splitlines():
                    parts = [p.strip() for p in line.split(",")]
                    if len(parts) == 2 and parts[0] == str(pid) and parts[1].isdigit():
                        value = int(parts[1]) * 1024 * 1024
        except (OSError, subprocess.SubprocessError):
            value = 0
        finally:
            self._nvml_cache = (time.monotonic(), value)
            self._nvml_refreshing.release()
