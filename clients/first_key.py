"""The local admin key of `ocrmesh up`: made on first start, printed once, kept in <data dir>/admin.key (0600).

`ocrmesh up` also exports the key's hash to a keys file its backends check
(`--keys-file`) and has the router send the key to them. The key file is what
the local CLI and the demo use (clients/python/ocrmesh_client/auth.py finds
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
from services.auth.keys_file import write_keys_file

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


async def _ensure(env: Mapping[str, str], keys_file: Path | None) -> LocalKey:
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
            local = LocalKey(stored, path, created=False)
        else:
            if any(info.name == LOCAL_ADMIN for info in await keys.list()):
                _info, key = await keys.rotate(LOCAL_ADMIN)
            else:
                _info, key = await keys.create(LOCAL_ADMIN, "admin")
            write_local_key(path, key)
            local = LocalKey(key, path, created=True)
        if keys_file is not None:  # the backends' keys file: this key's hash
            write_keys_file(keys_file, await keys.export([LOCAL_ADMIN]))
        return local
    finally:
        await store.close()


def ensure_local_key(env: Mapping[str, str], keys_file: Path | None = None) -> LocalKey:
    """The local admin key (made or rotated when missing or stale); with `keys_file`, its hash exported
    there for the backends (`ocrmesh serve --keys-file`)."""
    return asyncio.run(_ensure(env, keys_file))
