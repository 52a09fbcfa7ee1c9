"""The whole mesh as `ocrmesh up` starts it (each server its own process), watched for memory."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import psutil
import pytest

from bench_service.datasets import ZUGFERD_AWV
from clients.mesh import Mesh, MeshSettings
from services.scaffold.ports import free_port

INVOICE = ZUGFERD_AWV / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
# No server may grow beyond this on any hostile input (the outsider's probe reached 11 GB).
RSS_LIMIT = int(1.5 * 1024**3)


@dataclass
class PeakMemory:
    """Peak resident memory of each process, sampled on a thread while the tests run."""

    processes: dict[str, psutil.Process]
    interval: float = 0.02
    peaks: dict[str, int] = field(default_factory=dict)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="peak-rss", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        for name, process in self.processes.items():
            try:
                rss = process.memory_info().rss
            except psutil.Error:
                continue
            self.peaks[name] = max(self.peaks.get(name, 0), rss)

    def reset(self) -> None:
        self.peaks = {}

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


@dataclass
class RunningMesh:
    mesh: Mesh
    memory: PeakMemory

    @property
    def gateway(self) -> str:
        return self.mesh.components[-1].url

    @property
    def router(self) -> str:
        return self.mesh.components[-2].address

    def process(self, name: str) -> psutil.Process:
        return self.memory.processes[name]


@pytest.fixture(scope="session")
def mesh() -> Iterator[RunningMesh]:
    settings = MeshSettings(
        router_port=free_port(),
        gateway_port=free_port(),
        backends={"pdftext": free_port(), "tesseract": free_port()},
        start_timeout_seconds=300,
    )
    with Mesh(settings) as running:
        processes = {
            c.name: psutil.Process(c.process.pid) for c in running.components if c.process is not None
        }
        memory = PeakMemory(processes)
        memory.start()
        try:
            yield RunningMesh(running, memory)
        finally:
            memory.stop()
