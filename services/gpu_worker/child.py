"""The worker process: load a backend's runner, then run batches until told to stop.

A runner is the backend's torch code (`services/gotocr/runner.py`,
`services/janus/runner.py`): `Runner(settings)`, `.device`, `.dtype`,
`.load()`, `.run(mode, images, rows, poll, report) -> list[Decoded]`.
Imported by its "module:Class" string in the child, so the parent never
imports torch.
"""

from __future__ import annotations

import importlib
import os
import time
import traceback
from collections import deque
from multiprocessing.connection import Connection
from typing import Any

from services.gpu_worker import messages as m


def _import(target: str) -> Any:
    module_name, class_name = target.split(":")
    return getattr(importlib.import_module(module_name), class_name)


class _Child:
    def __init__(self, conn: Connection, runner: Any) -> None:
        self.conn = conn
        self.runner = runner
        self.inbox: deque[Any] = deque()
        self.cancelled: set[int] = set()
        self.fault = ""

    def poll(self) -> set[int]:
        """Read what the parent sent meanwhile: cancels now, everything else later."""
        while self.conn.poll():
            msg = self.conn.recv()
            if isinstance(msg, m.Cancel):
                self.cancelled.add(msg.job_id)
            elif isinstance(msg, m.InjectFault):
                self.fault = msg.kind
            else:
                self.inbox.append(msg)
        return self.cancelled

    def next_message(self) -> Any:
        if self.inbox:
            return self.inbox.popleft()
        return self.conn.recv()

    def serve(self) -> None:
        while True:
            msg = self.next_message()
            if isinstance(msg, m.Shutdown):
                return
            if isinstance(msg, m.Cancel):
                self.cancelled.add(msg.job_id)
            elif isinstance(msg, m.InjectFault):
                self.fault = msg.kind
            elif isinstance(msg, m.RunBatch):
                self.run_batch(msg)

    def run_batch(self, batch: m.RunBatch) -> None:
        import torch

        from services.gpu_worker.generation import free_cached_memory, vram_bytes

        self.poll()
        tasks = [t for t in batch.tasks if not self._skip_cancelled(t)]
        groups = [tasks] if tasks else []
        while groups:
            group = groups.pop(0)
            try:
                self._run_group(batch.mode, group)
            except torch.cuda.OutOfMemoryError as exc:
                free_cached_memory(self.runner.device)
                if len(group) > 1:  # the batch did not fit: try the pages one at a time
                    groups = [[t] for t in group] + groups
                    continue
                self.conn.send(m.TaskFailed(group[0].job_id, "oom", f"CUDA out of memory: {exc}"))
            except Exception as exc:  # a bad page must not end the worker
                traceback.print_exc()
                for t in group:
                    self.conn.send(m.TaskFailed(t.job_id, "error", f"{type(exc).__name__}: {exc}"))
        for t in batch.tasks:
            self.cancelled.discard(t.job_id)
        current, peak = vram_bytes(self.runner.device)
        self.conn.send(m.BatchDone(batch.batch_id, current, peak))

    def _skip_cancelled(self, task: m.PageTask) -> bool:
        if task.job_id in self.cancelled:
            self.conn.send(m.TaskDone(task.job_id, "", 0.0, stopped="cancelled"))
            return True
        return False

    def _run_group(self, mode: str, group: list[m.PageTask]) -> None:
        import torch

        from services.gpu_worker.generation import RowControl

        if self.fault == "oom":
            self.fault = ""
            raise torch.cuda.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB (injected by a test)")
        now = time.monotonic()
        rows = [RowControl(t.job_id, None if t.timeout is None else now + t.timeout) for t in group]

        def report(row: RowControl, fraction: float) -> None:
            self.conn.send(m.Progress(row.job_id, row.tokens, fraction))

        started = time.perf_counter()
        decoded = self.runner.run(mode, [t.image for t in group], rows, self.poll, report)
        seconds = time.perf_counter() - started
        for task, row, d in zip(group, rows, decoded, strict=True):
            stopped = row.stopped or ("max_tokens" if d.hit_limit else "")
            self.conn.send(
                m.TaskDone(task.job_id, d.text, d.confidence, d.line_confidences, d.tokens, seconds, stopped, len(group))
            )


def child_main(conn: Connection, runner_target: str, settings: dict[str, Any]) -> None:
    """Entry point of the spawned process."""
    started = time.perf_counter()
    try:
        import torch

        runner = _import(runner_target)(settings)
        try:
            runner.load()
        except torch.cuda.OutOfMemoryError as exc:
            conn.send(m.LoadFailed("oom", f"CUDA out of memory while loading: {exc}"))
            return
        from services.gpu_worker.generation import vram_bytes

        current, _ = vram_bytes(runner.device)
        conn.send(m.Ready(runner.device, str(runner.dtype), current, time.perf_counter() - started, os.getpid()))
    except Exception as exc:
        traceback.print_exc()
        conn.send(m.LoadFailed("error", f"{type(exc).__name__}: {exc}"))
        return
    try:
        _Child(conn, runner).serve()
    except (EOFError, OSError, KeyboardInterrupt):
        pass  # the parent went away
