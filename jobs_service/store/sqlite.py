"""The jobs store on SQLite (WAL) in the data directory; uploads as files by content hash.

One writer connection and one reader connection, each on its own thread, so
the event loop never blocks on the database and readers (GetJob, WatchJob)
never wait behind a writer's fsync (WAL lets them read the last commit).
Transactions of the writer are serialised by an asyncio lock and start with
`BEGIN IMMEDIATE`, which also serialises several processes on one file.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any

from jobs_service.store.base import Conn, NewDocument, SqlJobStore, UniqueViolation

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
  job_id TEXT PRIMARY KEY,
  idempotency_key TEXT UNIQUE,
  fingerprint TEXT NOT NULL,
  status TEXT NOT NULL,
  priority INTEGER NOT NULL,
  backend TEXT NOT NULL,
  allow_fallback INTEGER NOT NULL,
  options {blob} NOT NULL,
  total INTEGER NOT NULL,
  created_at {real} NOT NULL,
  started_at {real},
  finished_at {real},
  expires_at {real},
  last_claim_at {real} NOT NULL DEFAULT 0,
  owner TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS jobs_created ON jobs (created_at);
CREATE INDEX IF NOT EXISTS jobs_expires ON jobs (expires_at);
CREATE INDEX IF NOT EXISTS jobs_owner ON jobs (owner, last_claim_at);
CREATE TABLE IF NOT EXISTS job_docs (
  job_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  content_hash TEXT NOT NULL,
  filename TEXT NOT NULL,
  mime_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  cache_key TEXT NOT NULL,
  priority INTEGER NOT NULL,
  backend TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  page_count INTEGER NOT NULL DEFAULT 0,
  pages_done INTEGER NOT NULL DEFAULT 0,
  last_page INTEGER NOT NULL DEFAULT 0,
  cached INTEGER NOT NULL DEFAULT 0,
  claimed_by TEXT,
  lease_until {real} NOT NULL DEFAULT 0,
  not_before {real} NOT NULL DEFAULT 0,
  started_at {real},
  finished_at {real},
  error_code TEXT,
  error_message TEXT,
  result {blob},
  PRIMARY KEY (job_id, idx)
);
CREATE INDEX IF NOT EXISTS job_docs_open ON job_docs (priority, job_id, idx) WHERE status IN ('queued', 'processing');
CREATE INDEX IF NOT EXISTS job_docs_hash ON job_docs (content_hash);
CREATE TABLE IF NOT EXISTS job_pages (
  job_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  page_number INTEGER NOT NULL,
  attempt INTEGER NOT NULL,
  created_at {real} NOT NULL,
  result {blob} NOT NULL,
  PRIMARY KEY (job_id, idx, page_number)
);
CREATE TABLE IF NOT EXISTS result_cache (
  cache_key TEXT PRIMARY KEY,
  job_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  created_at {real} NOT NULL
);
CREATE INDEX IF NOT EXISTS result_cache_job ON result_cache (job_id);
CREATE TABLE IF NOT EXISTS api_keys (
  key_id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  key_hash TEXT NOT NULL UNIQUE,
  scopes TEXT NOT NULL,
  rate TEXT NOT NULL DEFAULT '',
  concurrency INTEGER NOT NULL DEFAULT 0,
  created_at {real} NOT NULL,
  rotated_at {real}
);
"""
# Columns added after the first release, added to older databases when they open: (table, column, type).
ADDED_COLUMNS = [("jobs", "owner", "TEXT NOT NULL DEFAULT ''")]

# Uploads and temporary files younger than this are never swept (a submission may be writing them).
SWEEP_MIN_AGE_SECONDS = 3600.0
# The database file in the data directory (`ocrmesh backup` copies it with the online backup API).
DB_NAME = "jobs.sqlite3"


class _SqliteConn:
    """Runs statements of one sqlite3 connection on its own thread."""

    def __init__(self, connection: sqlite3.Connection, thread: ThreadPoolExecutor) -> None:
        self._connection = connection
        self._thread = thread

    async def _run(self, fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(self._thread, partial(fn, *args))

    def _execute(self, sql: str, args: Sequence[Any]) -> int:
        try:
            return self._connection.execute(sql, args).rowcount
        except sqlite3.IntegrityError as exc:
            if "UNIQUE" in str(exc):
                raise UniqueViolation(str(exc)) from exc
            raise

    async def execute(self, sql: str, *args: Any) -> int:
        return await self._run(self._execute, sql, args)

    async def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        await self._run(self._connection.executemany, sql, rows)

    def _rollback(self) -> None:
        try:
            self._connection.execute("ROLLBACK")
        except sqlite3.OperationalError:
            pass  # no transaction was active (cancelled before BEGIN ran)

    async def rollback(self) -> None:
        await self._run(self._rollback)

    async def fetch(self, sql: str, *args: Any) -> list[Any]:
        return await self._run(lambda: self._connection.execute(sql, args).fetchall())

    async def fetchrow(self, sql: str, *args: Any) -> Any | None:
        return await self._run(lambda: self._connection.execute(sql, args).fetchone())


class _SqliteDatabase:
    def __init__(self, path: Path, synchronous: str) -> None:
        self.path = path
        self.synchronous = synchronous
        self._writer_thread = ThreadPoolExecutor(1, thread_name_prefix="jobs-sqlite-w")
        self._reader_thread = ThreadPoolExecutor(1, thread_name_prefix="jobs-sqlite-r")
        self._write_lock = asyncio.Lock()
        self._read_lock = asyncio.Lock()
        self._writer: _SqliteConn
        self._reader: _SqliteConn
        self._connections: list[tuple[sqlite3.Connection, ThreadPoolExecutor]] = []

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30.0)
        connection.row_factory = sqlite3.Row
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute(f"PRAGMA synchronous = {self.synchronous}")
        connection.execute("PRAGMA busy_timeout = 30000")
        return connection

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        writer = await loop.run_in_executor(self._writer_thread, self._connect)
        reader = await loop.run_in_executor(self._reader_thread, self._connect)
        self._connections = [(writer, self._writer_thread), (reader, self._reader_thread)]
        self._writer = _SqliteConn(writer, self._writer_thread)
        self._reader = _SqliteConn(reader, self._reader_thread)
        await loop.run_in_executor(self._writer_thread, _create_schema, writer)

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._write_lock, self._read_lock:
            for connection, thread in self._connections:
                await loop.run_in_executor(thread, connection.close)
                thread.shutdown(wait=True)
            self._connections = []

    @asynccontextmanager
    async def _transaction(self, lock: asyncio.Lock, conn: _SqliteConn, begin: str) -> AsyncIterator[Conn]:
        async with lock:
            try:
                await conn.execute(begin)
                yield conn
            except BaseException:
                # Statements already handed to the thread run before this ROLLBACK (one thread, in order).
                await asyncio.shield(conn.rollback())
                raise
            await asyncio.shield(conn.execute("COMMIT"))

    def transaction(self) -> Any:
        return self._transaction(self._write_lock, self._writer, "BEGIN IMMEDIATE")

    def reader(self) -> Any:
        return self._transaction(self._read_lock, self._reader, "BEGIN")


class SqliteJobStore(SqlJobStore):
    kind = "sqlite"

    def __init__(self, data_dir: Path, *, retention_seconds: float, synchronous: str = "FULL") -> None:
        super().__init__(retention_seconds=retention_seconds)
        self.data_dir = Path(data_dir)
        self.uploads_dir = self.data_dir / "uploads"
        self.tmp_dir = self.data_dir / "tmp"
        self.db = _SqliteDatabase(self.data_dir / DB_NAME, synchronous.upper())

    async def open(self) -> None:
        for d in (self.data_dir, self.uploads_dir, self.tmp_dir):
            d.mkdir(parents=True, exist_ok=True)
        await self.db.open()
        await asyncio.get_running_loop().run_in_executor(None, self._clean_tmp)

    async def close(self) -> None:
        await self.db.close()

    # ------------------------------------------------------------ uploads as files

    def _upload_path(self, content_hash: str) -> Path:
        return self.uploads_dir / content_hash[:2] / content_hash

    def _write_uploads(self, documents: Sequence[NewDocument]) -> list[str]:
        """Content-addressed, atomic (temp file, fsync, rename), idempotent."""
        hashes: list[str] = []
        dirs: set[Path] = set()
        for doc in documents:
            content_hash = doc.content_hash
            hashes.append(content_hash)
            target = self._upload_path(content_hash)
            if target.exists():
                os.utime(target)  # fresh mtime: the sweep leaves it alone while this job is committed
                continue
            target.parent.mkdir(exist_ok=True)
            tmp = self.tmp_dir / f"{content_hash[:16]}.{uuid.uuid4().hex}.part"
            with open(tmp, "wb") as f:
                f.write(doc.content)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, target)
            dirs.add(target.parent)
        for d in dirs:
            _fsync_dir(d)
        return hashes

    async def _prepare_uploads(self, documents: Sequence[NewDocument]) -> list[str]:
        return await asyncio.get_running_loop().run_in_executor(None, self._write_uploads, documents)

    async def _store_uploads(self, conn: Conn, documents: Sequence[NewDocument], hashes: Sequence[str]) -> None:
        return None  # already durable on disk (written before the transaction)

    async def read_upload(self, content_hash: str) -> bytes:
        return await asyncio.get_running_loop().run_in_executor(None, self._upload_path(content_hash).read_bytes)

    async def _delete_orphan_uploads(self) -> int:
        async with self.db.reader() as conn:
            referenced = {r["content_hash"] for r in await conn.fetch("SELECT DISTINCT content_hash FROM job_docs")}
        return await asyncio.get_running_loop().run_in_executor(None, self._delete_files, referenced)

    def _delete_files(self, referenced: set[str]) -> int:
        cutoff = time.time() - SWEEP_MIN_AGE_SECONDS
        deleted = 0
        for path in self.uploads_dir.glob("*/*"):
            try:
                if path.name not in referenced and path.stat().st_mtime < cutoff:
                    path.unlink()
                    deleted += 1
            except FileNotFoundError:
                pass
        return deleted + self._clean_tmp()

    def _clean_tmp(self) -> int:
        cutoff = time.time() - SWEEP_MIN_AGE_SECONDS
        deleted = 0
        for path in self.tmp_dir.glob("*.part"):
            try:
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    deleted += 1
            except FileNotFoundError:
                pass
        return deleted


def _create_schema(connection: sqlite3.Connection) -> None:
    """The tables of a new database; the columns an older one lacks (SQLite has no ADD COLUMN IF NOT EXISTS)."""
    # Older databases lack the added columns that SCHEMA's indexes may name: add them first.
    for table, column, kind in ADDED_COLUMNS:
        names = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        if names and column not in names:
            connection.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
    connection.executescript(SCHEMA.format(real="REAL", blob="BLOB"))


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
