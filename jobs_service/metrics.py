"""Prometheus metrics of the jobs subsystem, in the registry of the process that hosts it.

In the router's process they join the router's registry (one /metrics for
both); the standalone jobs server has a registry of its own. Events (documents
and pages done or failed, durations) are counted by this process's runner;
the states (queue depth, jobs and documents by state) are the whole store's,
read every `metrics_seconds`, so with one PostgreSQL queue shared by several
runners every replica reports the same figures (take `max`, not `sum`).
"""

from __future__ import annotations

import asyncio
import time

import structlog
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from jobs_service.store.base import CANCELLED, COMPLETED, FAILED, PROCESSING, QUEUED, JobStore

log = structlog.get_logger("ocrmesh.jobs")

STATES = (QUEUED, PROCESSING, COMPLETED, FAILED, CANCELLED)
DOCUMENT_BUCKETS = (0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800)
JOB_BUCKETS = (1, 5, 10, 30, 60, 300, 600, 1800, 3600, 7200, 14400, 43200, 86400)


class JobsMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry or CollectorRegistry()
        r = self.registry
        self.documents = Counter(
            "ocrmesh_jobs_documents",
            "Documents this runner finished, by outcome (completed, cached, failed)",
            ["outcome"],
            registry=r,
        )
        self.pages = Counter(
            "ocrmesh_jobs_pages",
            "Pages by outcome: done (stored by this runner) or failed (pages of a failed document left unstored)",
            ["outcome"],
            registry=r,
        )
        self.requeued = Counter(
            "ocrmesh_jobs_requeued",
            "Documents given back to the queue, by reason (retry: counted attempt; delay: upstream busy or restarting)",
            ["reason"],
            registry=r,
        )
        self.document_seconds = Histogram(
            "ocrmesh_jobs_document_seconds",
            "Seconds from claim to stored result or failure, per document attempt",
            ["outcome"],
            buckets=DOCUMENT_BUCKETS,
            registry=r,
        )
        self.job_seconds = Histogram(
            "ocrmesh_jobs_job_seconds",
            "Seconds from submission to the end of a job, by final state",
            ["state"],
            buckets=JOB_BUCKETS,
            registry=r,
        )
        self.jobs_in_state = Gauge(
            "ocrmesh_jobs_jobs_in_state", "Jobs in the store by state", ["state"], registry=r
        )
        self.documents_in_state = Gauge(
            "ocrmesh_jobs_documents_in_state", "Documents in the store by state", ["state"], registry=r
        )
        self.queue_depth = Gauge(
            "ocrmesh_jobs_queue_depth", "Documents waiting to be claimed (state queued)", registry=r
        )
        self.oldest_queued_seconds = Gauge(
            "ocrmesh_jobs_oldest_queued_seconds",
            "Age of the job of the oldest queued document (0 when nothing waits)",
            registry=r,
        )
        self.in_flight = Gauge("ocrmesh_jobs_in_flight", "Documents this runner is processing", registry=r)
        self.sample_failures = Counter(
            "ocrmesh_jobs_sample_failures",
            "Reads of the store's state for these metrics that failed",
            registry=r,
        )
        for outcome in (COMPLETED, "cached", FAILED):
            self.documents.labels(outcome)
            self.document_seconds.labels(outcome)
        for outcome in ("done", FAILED):
            self.pages.labels(outcome)
        for state in STATES:
            self.jobs_in_state.labels(state)
            self.documents_in_state.labels(state)

    def job_finished(self, state: str, seconds: float) -> None:
        self.job_seconds.labels(state).observe(max(0.0, seconds))

    def document_finished(self, outcome: str, seconds: float) -> None:
        self.documents.labels(outcome).inc()
        self.document_seconds.labels(outcome).observe(seconds)

    async def sample(self, store: JobStore) -> None:
        """Set the state gauges from the store once. The exporter's thread may scrape between two sets: the
        queue's and the documents' gauges are set first, so a scrape that sees a job's new state sees them as new."""
        counts = await store.counts()
        self.queue_depth.set(counts.documents.get(QUEUED, 0))
        oldest = counts.oldest_queued_at
        self.oldest_queued_seconds.set(max(0.0, time.time() - oldest) if oldest is not None else 0.0)
        for state in STATES:
            self.documents_in_state.labels(state).set(counts.documents.get(state, 0))
        for state in STATES:
            self.jobs_in_state.labels(state).set(counts.jobs.get(state, 0))

    async def sample_every(self, store: JobStore, seconds: float) -> None:
        """Sample until cancelled; a failed read is counted and logged, the loop goes on."""
        while True:
            try:
                await self.sample(store)
            except Exception:
                self.sample_failures.inc()
                log.exception("jobs_metrics_sample_failed")
            await asyncio.sleep(seconds)
