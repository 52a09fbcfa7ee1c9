"""The jobs store: `open_store(settings)` picks SQLite or PostgreSQL."""

from __future__ import annotations

from jobs_service.settings import JobsSettings
from jobs_service.store.base import (
    CANCELLED,
    COMPLETED,
    FAILED,
    PRIORITY_BATCH,
    PRIORITY_INTERACTIVE,
    PROCESSING,
    QUEUED,
    Claim,
    ClaimLost,
    DocRow,
    IdempotencyConflict,
    JobRow,
    JobSnapshot,
    JobSpec,
    JobStore,
    NewDocument,
    Progress,
)

__all__ = [
    "CANCELLED", "COMPLETED", "FAILED", "PRIORITY_BATCH", "PRIORITY_INTERACTIVE", "PROCESSING", "QUEUED",
    "Claim", "ClaimLost", "DocRow", "IdempotencyConflict", "JobRow", "JobSnapshot", "JobSpec", "JobStore",
    "NewDocument", "Progress", "create_store",
]  # fmt: skip


def create_store(settings: JobsSettings) -> JobStore:
    """The store the settings name (not yet opened)."""
    if settings.database_url:
        from jobs_service.store.postgres import PostgresJobStore

        return PostgresJobStore(
            settings.database_url, retention_seconds=settings.retention_seconds, pool_size=settings.postgres_pool_size
        )
    from jobs_service.store.sqlite import SqliteJobStore

    return SqliteJobStore(
        settings.data_dir, retention_seconds=settings.retention_seconds, synchronous=settings.sqlite_synchronous
    )
