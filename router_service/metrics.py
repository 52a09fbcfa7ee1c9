"""Router metrics: the scaffold's ServerMetrics (backend label "router") plus routing figures.

The extra series live in the same registry, so one /metrics endpoint serves both.
"""

from __future__ import annotations

import grpc
from prometheus_client import Counter, Gauge, Histogram

from router_service.dispatch import AttemptObserver
from router_service.endpoints import Mesh, Replica
from router_service.vram import DeviceGroups
from services.scaffold.metrics import PAGE_BUCKETS, ServerMetrics

ANALYSIS_BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5)


class RouterMetrics(ServerMetrics):
    def __init__(self) -> None:
        super().__init__("router")
        self._add_routing_series()
        self._add_backend_series()

    def _add_routing_series(self) -> None:
        """What the router decided per document and what deciding cost."""
        r = self.registry
        self.decisions = Counter(
            "ocrmesh_router_decisions", "Routing decisions by rule", ["rule"], registry=r
        )
        self.presumptions = Counter(
            "ocrmesh_router_presumptions",
            "PDFs presumed born digital and sent to a text-layer backend unread, by whether it read every page",
            ["outcome"],
            registry=r,
        )
        self.analysis_seconds = Histogram(
            "ocrmesh_router_analysis_seconds",
            "Seconds of document analysis",
            registry=r,
            buckets=ANALYSIS_BUCKETS,
        )
        self.overhead_seconds = Histogram(
            "ocrmesh_router_overhead_seconds",
            "Router time per document before its first backend call and after the last (open, analysis, planning, assembly)",
            registry=r,
            buckets=PAGE_BUCKETS,
        )
        self.reloads = Counter(
            "ocrmesh_router_rule_reloads", "Routing file loads by outcome", ["outcome"], registry=r
        )

    def _add_backend_series(self) -> None:
        """How the backends answered: calls, fallbacks, breakers, health, latency, VRAM budgets."""
        r = self.registry
        self.attempts = Counter(
            "ocrmesh_router_attempts", "Backend calls by outcome", ["backend", "replica", "code"], registry=r
        )
        self.attempt_seconds = Histogram(
            "ocrmesh_router_attempt_seconds",
            "Seconds per backend call",
            ["backend"],
            registry=r,
            buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300),
        )
        self.fallbacks = Counter(
            "ocrmesh_router_fallbacks",
            "Runs moved on after a failed backend call",
            ["backend", "code"],
            registry=r,
        )
        self.breaker_opened = Counter(
            "ocrmesh_router_breaker_opened", "Circuit breaker openings", ["backend", "replica"], registry=r
        )
        self.backend_serving = Gauge(
            "ocrmesh_router_backend_serving",
            "1 when a replica is SERVING",
            ["backend", "replica"],
            registry=r,
        )
        self.seconds_per_page = Gauge(
            "ocrmesh_router_seconds_per_page",
            "Live seconds-per-page estimate",
            ["backend", "replica"],
            registry=r,
        )
        self.vram_budget_bytes = Gauge(
            "ocrmesh_router_vram_budget_bytes",
            "VRAM budget of a device group (GPU backends sharing one card)",
            ["device_group"],
            registry=r,
        )

    def observer(self) -> AttemptObserver:
        def attempt(replica: Replica, code: grpc.StatusCode, seconds: float) -> None:
            self.attempts.labels(replica.name, replica.address, code.name).inc()
            self.attempt_seconds.labels(replica.name).observe(seconds)
            self.seconds_per_page.labels(replica.name, replica.address).set(replica.seconds_per_page)

        def opened(replica: Replica) -> None:
            self.breaker_opened.labels(replica.name, replica.address).inc()

        def fallback(replica: Replica, code: grpc.StatusCode) -> None:
            self.fallbacks.labels(replica.name, code.name).inc()

        return AttemptObserver(attempt=attempt, breaker_opened=opened, fallback=fallback)

    def publish_health(self, mesh: Mesh) -> None:
        for replica in mesh.replicas():
            self.backend_serving.labels(replica.name, replica.address).set(1 if replica.serving else 0)

    def publish_vram_budgets(self, groups: DeviceGroups) -> None:
        for group in groups.names():
            self.vram_budget_bytes.labels(group).set(groups.budget_bytes(group))
