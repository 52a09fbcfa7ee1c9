"""Fixtures of the jobs tests: both stores (SQLite in a tmp dir, a real throwaway PostgreSQL), jobs servers."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from jobs_service.server import JobsServer
from jobs_service.settings import JobsSettings
from jobs_service.store import JobStore, create_store
from tests.jobs.pg import PgCluster, find_bindir

STORES = ["sqlite", "postgres"]


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    bindir = find_bindir()
    if bindir is None:
        pytest.fail("PostgreSQL is not installed (initdb not found); run `make setup` (apt package postgresql)")
    cluster = PgCluster(bindir)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=STORES)
def store_kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest_asyncio.fixture
async def make_settings(store_kind: str, tmp_path: Path, request: pytest.FixtureRequest) -> Any:
    """Settings factory: a fresh SQLite data dir or a fresh PostgreSQL database per test."""
    url = ""
    if store_kind == "postgres":
        url = await request.getfixturevalue("pg_cluster").create_database()

    def make(**overrides: Any) -> JobsSettings:
        values: dict[str, Any] = {
            "port": 0,
            "data_dir": tmp_path / "data",
            "database_url": url,
            "lease_seconds": 3.0,
            "poll_seconds": 0.05,
            "retry_backoff_seconds": 0.2,
            "grace_seconds": 2.0,
            "sqlite_synchronous": "NORMAL",
            # Loopback; the jobs server's keys are tests/jobs/test_server_auth.py's.
            "auth": False,
        }
        values.update(overrides)
        return JobsSettings(**values)

    return make


@pytest_asyncio.fixture
async def store(make_settings: Any) -> AsyncIterator[JobStore]:
    s = create_store(make_settings())
    await s.open()
    yield s
    await s.close()


@pytest_asyncio.fixture
async def start_jobs() -> AsyncIterator[Any]:
    """Start in-process jobs servers; all stop at teardown."""
    running: list[JobsServer] = []

    async def start(settings: JobsSettings) -> JobsServer:
        server = JobsServer(settings)
        await server.start()
        running.append(server)
        return server

    yield start
    for server in running:
        await server.stop(grace=0.5)
