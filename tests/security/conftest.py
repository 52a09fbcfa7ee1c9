"""The whole mesh as `ocrmesh up` starts it (each server its own process), watched for memory."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import psutil
import pytest

from bench_service.datasets import ZUGFERD_AWV
from clients.mesh import Mesh, MeshSettings
from clients.processes import PeakMemory
from services.scaffold.ports import free_port

INVOICE = ZUGFERD_AWV / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
# No server may grow beyond this on any hostile input (the outsider's probe reached 11 GB).
RSS_LIMIT = int(1.5 * 1024**3)


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

    @property
    def key(self) -> str:
        """The mesh's admin key: hostile inputs come from a caller who got past authentication."""
        assert self.mesh.local_key is not None
        return self.mesh.local_key.key

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"}

    def address(self, name: str) -> str:
        """gRPC address of a component (a backend's name, or "router")."""
        return next(c.address for c in self.mesh.components if c.name == name)

    def process(self, name: str) -> psutil.Process:
        return self.memory.processes[name]


@pytest.fixture(scope="session")
def mesh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningMesh]:
    settings = MeshSettings(
        router_port=free_port(),
        gateway_port=free_port(),
        backends={"pdftext": free_port(), "tesseract": free_port()},
        start_timeout_seconds=300,
    )
    # Its own data directory: its own jobs state and a fresh admin key.
    data = tmp_path_factory.mktemp("security-data")
    with Mesh(settings, env={"OCRMESH_JOBS_DATA_DIR": str(data)}) as running:
        processes = {
            c.name: psutil.Process(c.process.pid) for c in running.components if c.process is not None
        }
        memory = PeakMemory(processes)
        memory.start()
        try:
            yield RunningMesh(running, memory)
        finally:
            memory.stop()
