"""The jobs store on PostgreSQL (asyncpg): several replicas share one queue.

The claim selects with `FOR UPDATE OF d SKIP LOCKED`, so concurrent runners
never take the same document and never wait for each other's row. Uploads
live in the database too (`uploads`, bytea): replicas on different machines
share nothing else.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any

import asyncpg

from jobs_service.store.base import Conn, NewDocument, SqlJobStore, UniqueViolation
from jobs_service.store.sqlite import ADDED_COLUMNS, SCHEMA, SWEEP_MIN_AGE_SECONDS

PG_SCHEMA = (
    SCHEMA.format(real="DOUBLE PRECISION", blob="BYTEA")
    + """
CREATE TABLE IF NOT EXISTS uploads (
  content_hash TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  created_at DOUBLE PRECISION NOT NULL,
  content BYTEA NOT NULL
);
"""
)
# Serialises schema creation of replicas starting at once.
SCHEMA_LOCK_ID = 0x6F63726D  # "ocrm"
_PLACEHOLDER = re.compile(r"\?")


def _numbered(sql: str, cache: dict[str, str] = {}) -> str:  # noqa: B006 - a deliberate module-level cache
    converted = cache.get(sql)
    if converted is None:
        counter = iter(range(1, 10_000))
        converted = cache[sql] = _PLACEHOLDER.sub(lambda _m: f"${next(counter)}", sql)
    return converted


class _PgConn:
    def __init__(self, connection: asyncpg.Connection) -> None:
        self._connection = connection

    async def execute(self, sql: str, *args: Any) -> int:
        try:
            status = await self._connection.execute(_numbered(sql), *args)
        except asyncpg.UniqueViolationError as exc:
            raise UniqueViolation(str(exc)) from exc
        tail = status.rsplit(" ", 1)[-1]
        return int(tail) if tail.isdigit() else 0

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        try:
            await self._connection.executemany(_numbered(sql), rows)
        except asyncpg.UniqueViolationError as exc:
            raise UniqueViolation(str(exc)) from exc

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        return list(await self._connection.fetch(_numbered(sql), *args))

    async def fetchrow(self, sql: str, *args: Any) -> Any | None:
        return await self._connection.fetchrow(_numbered(sql), *args)


class _PgDatabase:
    def __init__(self, url: str, pool_size: int) -> None:
        self.url = url
        self.pool_size = pool_size
        self.pool: asyncpg.Pool | None = None

    async def open(self) -> None:
        self.pool = await asyncpg.create_pool(self.url, min_size=1, max_size=self.pool_size)
        async with self.pool.acquire() as connection, connection.transaction():
            await connection.execute("SELECT pg_advisory_xact_lock($1)", SCHEMA_LOCK_ID)
            for table, column, kind in ADDED_COLUMNS:
                await connection.execute(f"ALTER TABLE IF EXISTS {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
            await connection.execute(PG_SCHEMA)

    async def close(self) -> None:
        if self.pool is not None:
            await self.pool.close()
            self.pool = None

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[Conn]:
        assert self.pool is not None, "store not open"
        async with self.pool.acquire() as connection, connection.transaction():
            yield _PgConn(connection)

    @asynccontextmanager
    async def reader(self) -> AsyncIterator[Conn]:
        assert self.pool is not None, "store not open"
        async with self.pool.acquire() as connection, connection.transaction(
            isolation="repeatable_read", readonly=True
        ):
            yield _PgConn(connection)


class PostgresJobStore(SqlJobStore):
    kind = "postgres"
    claim_lock = "FOR UPDATE OF d SKIP LOCKED"
    row_lock = " FOR UPDATE"

    def __init__(self, url: str, *, retention_seconds: float, pool_size: int = 8) -> None:
        super().__init__(retention_seconds=retention_seconds)
        self.db = _PgDatabase(url, pool_size)

    async def open(self) -> None:
        await self.db.open()

    async def close(self) -> None:
        await self.db.close()

    async def _store_uploads(self, conn: Conn, documents: Sequence[NewDocument], hashes: Sequence[str]) -> None:
        now = self.now()
        unique = {h: d for d, h in zip(documents, hashes, strict=True)}
        await conn.executemany(
            "INSERT INTO uploads (content_hash, size, created_at, content) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (content_hash) DO UPDATE SET created_at = excluded.created_at",
            [(h, len(d.content), now, d.content) for h, d in unique.items()],
        )

    async def read_upload(self, content_hash: str) -> bytes:
        async with self.db.reader() as conn:
            row = await conn.fetchrow("SELECT content FROM uploads WHERE content_hash = ?", content_hash)
        if row is None:
            raise FileNotFoundError(f"upload {content_hash} is missing")
        return bytes(row["content"])

    async def _delete_orphan_uploads(self) -> int:
        async with self.db.transaction() as tx:
            return await tx.execute(
                "DELETE FROM uploads u WHERE u.created_at < ? AND NOT EXISTS "
                "(SELECT 1 FROM job_docs d WHERE d.content_hash = u.content_hash)",
                self.now() - SWEEP_MIN_AGE_SECONDS,
            )
