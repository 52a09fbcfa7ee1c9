"""A keys file: the hashes of some API keys, for a server without the jobs database (a backend).

`ocrmesh keys export NAME... --out FILE` writes it (JSON, 0600, replaced
atomically); it holds each key's SHA-256 (`services.auth.keys.hash_key`),
name, scopes and limits, never a key. A backend started with `--keys-file`
checks calls against it with the router's interceptor (`grpc_auth.py`), and
reads the file again when it changes (a stat per call), so an export after a
`rotate` or `revoke` applies without a restart. A file that cannot be read
when it changed keeps the keys read last (logged); a missing or bad file at
start is an error.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import structlog

from services.auth.keys import Principal, check_name, hash_key, parse_rate, parse_scopes

log = structlog.get_logger("ocrmesh.auth")

FORMAT = "ocrmesh-keys/1"


@dataclass(frozen=True)
class KeyEntry:
    """One exported key: who it is and what it may do, and the hash a presented key must match."""

    key_id: str
    name: str
    scopes: tuple[str, ...]
    rate: str
    concurrency: int
    key_hash: str

    def principal(self) -> Principal:
        return Principal(self.key_id, self.name, frozenset(self.scopes), self.rate, self.concurrency)

    def to_json(self) -> dict[str, Any]:
        return {
            "key_id": self.key_id,
            "name": self.name,
            "scopes": list(self.scopes),
            "rate": self.rate,
            "concurrency": self.concurrency,
            "key_hash": self.key_hash,
        }

    @classmethod
    def from_json(cls, data: Any) -> KeyEntry:
        if not isinstance(data, dict):
            raise ValueError("a key entry is a mapping")
        key_hash = str(data.get("key_hash", ""))
        if len(key_hash) != 64 or any(c not in "0123456789abcdef" for c in key_hash):
            raise ValueError(f"key {data.get('name')!r}: key_hash is not a SHA-256 hex digest")
        concurrency = int(data.get("concurrency", 0))
        if concurrency < 0:
            raise ValueError(f"key {data.get('name')!r}: concurrency must be >= 0")
        return cls(
            key_id=str(data.get("key_id") or ""),
            name=check_name(str(data.get("name", ""))),
            scopes=parse_scopes(",".join(data.get("scopes") or [])),
            rate=parse_rate(str(data.get("rate") or "")),
            concurrency=concurrency,
            key_hash=key_hash,
        )


def write_keys_file(path: Path, entries: list[KeyEntry]) -> None:
    """Write `entries` to `path` (0600 from creation), replacing any previous file in one step."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"format": FORMAT, "keys": [e.to_json() for e in entries]}, indent=2) + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def read_keys_file(path: Path) -> dict[str, KeyEntry]:
    """The entries of a keys file by hash; ValueError naming the file when it is missing or malformed."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read the keys file {path}: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"the keys file {path} is not JSON: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("keys"), list):
        raise ValueError(f"{path} is not a keys file of `ocrmesh keys export` (format {FORMAT})")
    try:
        entries = [KeyEntry.from_json(item) for item in data["keys"]]
    except (TypeError, ValueError) as exc:
        raise ValueError(f"the keys file {path}: {exc}") from None
    return {entry.key_hash: entry for entry in entries}


class KeysFile:
    """An `Authenticator` (grpc_auth.py) over a keys file, read again whenever the file changes."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._stamp = self._stat()
        self._entries = read_keys_file(self.path)
        self._broken: tuple[int, int, int] | None = None

    def _stat(self) -> tuple[int, int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def refresh(self) -> None:
        stamp = self._stat()
        if stamp == self._stamp or stamp is None or stamp == self._broken:
            if stamp is None and self._stamp is not None:
                log.error("keys_file_missing", path=str(self.path), keeping=len(self._entries))
                self._stamp = None
            return
        try:
            entries = read_keys_file(self.path)
        except ValueError as exc:
            log.error("keys_file_unreadable", path=str(self.path), error=str(exc), keeping=len(self._entries))
            self._broken = stamp  # read again on its next change
            return
        self._stamp, self._entries = stamp, entries
        log.info("keys_file_loaded", path=str(self.path), keys=len(entries))

    @property
    def names(self) -> list[str]:
        return sorted(entry.name for entry in self._entries.values())

    async def authenticate(self, key: str) -> Principal | None:
        if not key or len(key) > 256:
            return None
        self.refresh()
        entry = self._entries.get(hash_key(key))
        return entry.principal() if entry is not None else None
