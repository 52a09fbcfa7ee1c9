"""The local admin key of `ocrmesh up`: made on first start, printed once, kept in <data dir>/admin.key (0600).

The key file is what the local CLI and the demo use (clients/python/ocrmesh_client/auth.py finds
it). When the file is missing or its key no longer works (revoked, or another
database), the `local-admin` key is made again (or rotated) and the file
rewritten: whoever runs `ocrmesh up` on this machine is its operator.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ocrmesh_client.auth import LOCAL_KEY_FILE, REPO, write_local_key

LOCAL_ADMIN = "local-admin"


@dataclass(frozen=True)
class LocalKey:
    key: str
    path: Path
    created: bool  # new (or rotated) now: print it once


def local_key_file(env: Mapping[str, str]) -> Path:
    """<data dir>/admin.key as the router started by `ocrmesh up` (working directory: the repo) sees it."""
    data_dir = Path(env.get("OCRMESH_JOBS_DATA_DIR", "data"))
    return (data_dir if data_dir.is_absolute() else REPO / data_dir) / LOCAL_KEY_FILE


async def _ensure(env: Mapping[str, str]) -> LocalKey:
    from jobs_service.settings import JobsSettings
    from jobs_service.store import create_store
    from jobs_service.store.keys import KeyStore

    path = local_key_file(env)
    settings = JobsSettings(data_dir=path.parent, database_url=env.get("OCRMESH_JOBS_DATABASE_URL", ""))
    store = create_store(settings)
    await store.open()
    try:
        keys = KeyStore(store.db)  # type: ignore[attr-defined]
        try:
            stored = path.read_text(encoding="utf-8").strip()
        except OSError:
            stored = ""
        if stored and await keys.authenticate(stored) is not None:
            return LocalKey(stored, path, created=False)
        if any(info.name == LOCAL_ADMIN for info in await keys.list()):
            _info, key = await keys.rotate(LOCAL_ADMIN)
        else:
            _info, key = await keys.create(LOCAL_ADMIN, "admin")
        write_local_key(path, key)
        return LocalKey(key, path, created=True)
    finally:
        await store.close()


def ensure_local_key(env: Mapping[str, str]) -> LocalKey:
    return asyncio.run(_ensure(env))
