"""Keep GPU backends that share a card within its VRAM budget.

Backends declare a device group (`device_group: gpu0`); each group has a
budget (`device_groups: {gpu0: 16}` in GB, 16 by default). Before a call to a
GPU replica whose model is not loaded, the router unloads the least recently
used loaded models of the same group until the new one fits. A CUDA
out-of-memory answer (RESOURCE_EXHAUSTED mentioning "out of memory") unloads
the group's other models; the dispatcher then retries once and otherwise
falls back to the next backend.

A model's need is what its backend reports (peak VRAM once it has run), or
else the configured estimate (`vram_gb` per endpoint, or the catalogue's by kind).
"""

from __future__ import annotations

import asyncio
import time

import grpc
import structlog

from ocrmesh.v1 import ocr_pb2 as pb
from router_service.endpoints import Mesh, Replica

log = structlog.get_logger("ocrmesh.router.vram")

GB = 1024**3
STATUS_TIMEOUT = 2.0
UNLOAD_TIMEOUT = 60.0


def is_out_of_memory(code: grpc.StatusCode, message: str) -> bool:
    return code is grpc.StatusCode.RESOURCE_EXHAUSTED and "out of memory" in message.lower()


class DeviceGroups:
    def __init__(self, mesh: Mesh, budgets_gb: dict[str, float], default_budget_gb: float = 16.0) -> None:
        self.mesh = mesh
        self.budgets_gb = budgets_gb
        self.default_budget_gb = default_budget_gb
        self._last_used: dict[Replica, float] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def names(self) -> list[str]:
        """Every group with a budget or a member."""
        members = {r.config.device_group for r in self.mesh.replicas() if r.config.device_group}
        return sorted(set(self.budgets_gb) | members)

    def budget_bytes(self, group: str) -> int:
        return int(self.budgets_gb.get(group, self.default_budget_gb) * GB)

    def members(self, group: str) -> list[Replica]:
        return [r for r in self.mesh.replicas() if r.config.device_group == group]

    def need_bytes(self, replica: Replica) -> int:
        status = replica.last_status
        if status is not None and (status.peak_vram_bytes or status.vram_bytes):
            return max(status.peak_vram_bytes, status.vram_bytes)
        return int(replica.config.vram_gb * GB)  # configured, or the catalogue's estimate

    async def _loaded(self, replica: Replica) -> bool:
        status = await replica.refresh_status(timeout=STATUS_TIMEOUT)
        return status is not None and status.status.state in (pb.MODEL_STATE_READY, pb.MODEL_STATE_LOADING)

    async def _unload(self, replica: Replica, why: str) -> bool:
        try:
            await replica.stub.Unload(pb.UnloadRequest(), timeout=UNLOAD_TIMEOUT)
        except grpc.aio.AioRpcError as exc:
            log.warning(
                "vram_unload_failed", backend=replica.name, replica=replica.address, code=exc.code().name
            )
            return False
        log.info("vram_unloaded", backend=replica.name, replica=replica.address, why=why)
        await replica.refresh_status(timeout=STATUS_TIMEOUT)
        return True

    def touch(self, replica: Replica) -> None:
        self._last_used[replica] = time.monotonic()

    async def prepare(self, replica: Replica) -> list[str]:
        """Make room for `replica`'s model; returns what was unloaded (for the routing explanation)."""
        group = replica.config.device_group
        if not group:
            return []
        self.touch(replica)
        async with self._locks.setdefault(group, asyncio.Lock()):
            if await self._loaded(replica):
                return []
            others = [r for r in self.members(group) if r is not replica]
            loaded = [r for r in others if await self._loaded(r)]
            used = sum(self.need_bytes(r) for r in loaded)
            free = self.budget_bytes(group) - used
            unloaded: list[str] = []
            for victim in sorted(loaded, key=lambda r: self._last_used.get(r, 0.0)):
                if free >= self.need_bytes(replica):
                    break
                if await self._unload(victim, f"make room for {replica.name} in {group}"):
                    free += self.need_bytes(victim)
                    unloaded.append(victim.name)
            return unloaded

    async def relieve(self, replica: Replica) -> list[str]:
        """After an out-of-memory error: unload every other loaded model of the group."""
        group = replica.config.device_group
        if not group:
            return []
        async with self._locks.setdefault(group, asyncio.Lock()):
            unloaded = []
            for other in self.members(group):
                if other is not replica and await self._loaded(other):
                    if await self._unload(other, f"{replica.name} ran out of memory in {group}"):
                        unloaded.append(other.name)
            return unloaded
