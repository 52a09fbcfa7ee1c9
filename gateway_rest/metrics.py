"""Prometheus metrics of the gateway, in a registry of its own (one per app)."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600)
SIZE_BUCKETS = (10e3, 100e3, 500e3, 1e6, 5e6, 10e6, 25e6, 50e6, 100e6)


class GatewayMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "ocrmesh_gateway_requests",
            "HTTP requests by route and status",
            ["method", "route", "status"],
            registry=self.registry,
        )
        self.request_seconds = Histogram(
            "ocrmesh_gateway_request_seconds",
            "Seconds per HTTP request",
            ["method", "route"],
            buckets=REQUEST_BUCKETS,
            registry=self.registry,
        )
        self.in_progress = Gauge(
            "ocrmesh_gateway_requests_in_progress", "HTTP requests being served", registry=self.registry
        )
        self.upload_bytes = Histogram(
            "ocrmesh_gateway_upload_bytes",
            "Size of accepted documents",
            buckets=SIZE_BUCKETS,
            registry=self.registry,
        )
        self.upstream_errors = Counter(
            "ocrmesh_gateway_upstream_errors",
            "Failed upstream Process calls by gRPC status code",
            ["code"],
            registry=self.registry,
        )
        self.documents = Counter(
            "ocrmesh_gateway_documents",
            "Documents processed by backend used",
            ["backend"],
            registry=self.registry,
        )
        self.upstream_serving = Gauge(
            "ocrmesh_gateway_upstream_serving", "1 when the upstream reported SERVING", registry=self.registry
        )
        self.health_refresh_failures = Counter(
            "ocrmesh_gateway_health_refresh_failures",
            "Upstream health/status calls that failed",
            ["call"],
            registry=self.registry,
        )
