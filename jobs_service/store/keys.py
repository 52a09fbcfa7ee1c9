"""The API keys table, in the jobs database (SQLite or PostgreSQL, same portable SQL).

A row holds the key's SHA-256, never the key. `key_id` is the identity jobs
and benchmark runs are owned by; it survives `rotate` (new secret, same
owner) and ends with `revoke` (the row is deleted).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

from jobs_service.store.base import Database, UniqueViolation
from services.auth.keys import Principal, check_name, hash_key, new_key, parse_rate, parse_scopes
from services.auth.keys_file import KeyEntry

KEY_COLUMNS = "key_id, name, scopes, rate, concurrency, created_at, rotated_at"


class KeyExists(ValueError):
    """A key of that name exists already."""


class NoSuchKey(LookupError):
    """No key of that name."""


@dataclass(frozen=True)
class KeyInfo:
    key_id: str
    name: str
    scopes: tuple[str, ...]
    rate: str
    concurrency: int
    created_at: float
    rotated_at: float | None

    def principal(self) -> Principal:
        return Principal(self.key_id, self.name, frozenset(self.scopes), self.rate, self.concurrency)


def _info(row: Any) -> KeyInfo:
    return KeyInfo(
        key_id=row["key_id"],
        name=row["name"],
        scopes=tuple(s for s in row["scopes"].split(",") if s),
        rate=row["rate"] or "",
        concurrency=int(row["concurrency"] or 0),
        created_at=row["created_at"],
        rotated_at=row["rotated_at"],
    )


class KeyStore:
    """Create, list, rotate, revoke and look up keys; the database is the jobs store's (opened by it)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(
        self, name: str, scopes: str, *, rate: str = "", concurrency: int = 0
    ) -> tuple[KeyInfo, str]:
        """A new key; returns its record and the key itself (shown once, never stored)."""
        if concurrency < 0:
            raise ValueError("concurrency must be >= 0 (0 = no limit)")
        info = KeyInfo(
            key_id=uuid.uuid4().hex,
            name=check_name(name),
            scopes=parse_scopes(scopes),
            rate=parse_rate(rate),
            concurrency=concurrency,
            created_at=time.time(),
            rotated_at=None,
        )
        key = new_key()
        try:
            async with self.db.transaction() as tx:
                await tx.execute(
                    f"INSERT INTO api_keys ({KEY_COLUMNS}, key_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    info.key_id, info.name, ",".join(info.scopes), info.rate, info.concurrency, info.created_at,
                    None, hash_key(key),
                )  # fmt: skip
        except UniqueViolation:
            raise KeyExists(f"a key named {name!r} exists; revoke or rotate it") from None
        return info, key

    async def list(self) -> list[KeyInfo]:
        async with self.db.reader() as conn:
            return [_info(r) for r in await conn.fetch(f"SELECT {KEY_COLUMNS} FROM api_keys ORDER BY name")]

    async def count(self) -> int:
        async with self.db.reader() as conn:
            row = await conn.fetchrow("SELECT COUNT(*) AS n FROM api_keys")
        return int(row["n"]) if row is not None else 0

    async def revoke(self, name: str) -> None:
        async with self.db.transaction() as tx:
            if not await tx.execute("DELETE FROM api_keys WHERE name = ?", name):
                raise NoSuchKey(f"no key named {name!r}")

    async def rotate(self, name: str) -> tuple[KeyInfo, str]:
        """A new secret for the same identity (its jobs stay its own); the old secret stops working."""
        key = new_key()
        async with self.db.transaction() as tx:
            if not await tx.execute(
                "UPDATE api_keys SET key_hash = ?, rotated_at = ? WHERE name = ?",
                hash_key(key),
                time.time(),
                name,
            ):
                raise NoSuchKey(f"no key named {name!r}")
            row = await tx.fetchrow(f"SELECT {KEY_COLUMNS} FROM api_keys WHERE name = ?", name)
        return _info(row), key

    async def export(self, names: list[str]) -> list[KeyEntry]:
        """The named keys as keys-file entries (their hashes, never the keys); NoSuchKey for an unknown name."""
        entries = []
        async with self.db.reader() as conn:
            for name in dict.fromkeys(names):
                row = await conn.fetchrow(f"SELECT {KEY_COLUMNS}, key_hash FROM api_keys WHERE name = ?", name)
                if row is None:
                    raise NoSuchKey(f"no key named {name!r}")
                info = _info(row)
                entries.append(
                    KeyEntry(info.key_id, info.name, info.scopes, info.rate, info.concurrency, row["key_hash"])
                )
        return entries

    async def concurrency_of(self, key_id: str) -> int:
        """The documents-in-flight limit of a key by its id (0 = none, or no such key)."""
        async with self.db.reader() as conn:
            row = await conn.fetchrow("SELECT concurrency FROM api_keys WHERE key_id = ?", key_id)
        return int(row["concurrency"] or 0) if row is not None else 0

    async def authenticate(self, key: str) -> Principal | None:
        """The principal of a presented key, or None (unknown, revoked, malformed)."""
        if not key or len(key) > 256:
            return None
        async with self.db.reader() as conn:
            row = await conn.fetchrow(f"SELECT {KEY_COLUMNS} FROM api_keys WHERE key_hash = ?", hash_key(key))
        return _info(row).principal() if row is not None else None
