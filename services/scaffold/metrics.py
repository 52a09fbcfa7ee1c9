"""Prometheus metrics and the latency window behind `Status`.

Each server has its own registry, so several servers can live in one
process (tests) without clashing.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from wsgiref.simple_server import WSGIServer

import numpy as np
import psutil
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

from ocrmesh.v1 import ocr_pb2 as pb

PAGE_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64)
REQUEST_BUCKETS = (0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600)


class LatencyWindow:
    """Per-page seconds over the last `size` pages, plus an EWMA."""

    def __init__(self, size: int = 256, alpha: float = 0.2) -> None:
        self._samples: deque[float] = deque(maxlen=size)
        self._alpha = alpha
        self._ewma = 0.0
        self._lock = threading.Lock()

    def add(self, seconds: float) -> None:
        with self._lock:
            self._ewma = seconds if not self._samples else self._alpha * seconds + (1 - self._alpha) * self._ewma
            self._samples.append(seconds)

    def to_proto(self) -> pb.LatencyStats:
        with self._lock:
            if not self._samples:
                return pb.LatencyStats()
            p50, p95, p99 = np.percentile(np.fromiter(self._samples, float), [50, 95, 99])
            return pb.LatencyStats(
                p50_seconds=float(p50),
                p95_seconds=float(p95),
                p99_seconds=float(p99),
                ewma_seconds=self._ewma,
                samples=len(self._samples),
            )


def serve_metrics(registry: CollectorRegistry, host: str, port: int) -> WSGIServer:
    """`registry` on http://host:port/metrics in a thread; port 0 picks a free port."""
    server, _thread = start_http_server(port, addr=host, registry=registry)
    return server


def stop_metrics(server: WSGIServer) -> None:
    server.shutdown()
    server.server_close()


class ServerMetrics:
    def __init__(self, backend: str) -> None:
        self.backend = backend
        self.registry = CollectorRegistry()
        labels = ["backend"]
        self.requests = Counter(
            "ocrmesh_requests", "Process requests by outcome", [*labels, "code"], registry=self.registry
        )
        self.pages = Counter("ocrmesh_pages", "Pages processed", labels, registry=self.registry)
        self.errors = Counter(
            "ocrmesh_errors", "Failed requests by gRPC status code", [*labels, "code"], registry=self.registry
        )
        self.request_seconds = Histogram(
            "ocrmesh_request_seconds", "Seconds per document", labels, buckets=REQUEST_BUCKETS, registry=self.registry
        )
        self.page_seconds = Histogram(
            "ocrmesh_page_seconds", "Seconds per page", labels, buckets=PAGE_BUCKETS, registry=self.registry
        )
        self.in_flight = Gauge("ocrmesh_in_flight", "Documents being processed", labels, registry=self.registry)
        self.queue_depth = Gauge("ocrmesh_queue_depth", "Documents waiting", labels, registry=self.registry)
        self.model_load_seconds = Gauge(
            "ocrmesh_model_load_seconds", "Seconds the last model load took", labels, registry=self.registry
        )
        self.model_loaded = Gauge("ocrmesh_model_loaded", "1 when the model is loaded", labels, registry=self.registry)
        self.ram_bytes = Gauge("ocrmesh_ram_bytes", "Resident memory of the process", labels, registry=self.registry)
        self.vram_bytes = Gauge("ocrmesh_vram_bytes", "GPU memory held by the engine", labels, registry=self.registry)
        self.latency = LatencyWindow()
        self.pages_served = 0
        self.documents_served = 0
        self.peak_ram = 0
        self.peak_vram = 0
        self._process = psutil.Process()
        self._http: WSGIServer | None = None
        self.http_port = 0
        self.watch_memory(lambda: 0)

    def watch_memory(self, vram: Callable[[], int]) -> None:
        """RAM and VRAM are read at every scrape, so an idle or unloaded model shows as it is now."""
        self.ram_bytes.labels(self.backend).set_function(lambda: self._process.memory_info().rss)
        self.vram_bytes.labels(self.backend).set_function(vram)

    def observe_page(self, seconds: float) -> None:
        self.pages.labels(self.backend).inc()
        self.page_seconds.labels(self.backend).observe(seconds)
        self.latency.add(seconds)
        self.pages_served += 1

    def observe_request(self, code: str, seconds: float) -> None:
        self.requests.labels(self.backend, code).inc()
        if code != "OK":
            self.errors.labels(self.backend, code).inc()
        else:
            self.documents_served += 1
        self.request_seconds.labels(self.backend).observe(seconds)

    def sample_memory(self, vram: int) -> tuple[int, int]:
        """Now and peak figures for `Status` (the gauges read theirs at scrape time)."""
        ram = self._process.memory_info().rss
        self.peak_ram = max(self.peak_ram, ram)
        self.peak_vram = max(self.peak_vram, vram)
        return ram, vram

    def serve_http(self, host: str, port: int) -> int:
        """Expose /metrics; port 0 picks a free port. Returns the port."""
        self._http = serve_metrics(self.registry, host, port)
        self.http_port = self._http.server_port
        return self.http_port

    def close(self) -> None:
        if self._http is not None:
            stop_metrics(self._http)
            self._http = None
