"""API keys and the principal a key stands for.

A key is `ocm_` + 32 random bytes (URL-safe base64) from `secrets`. Only its
SHA-256 is stored: with 256 bits of entropy no dictionary or brute force
applies, so a slow password hash would add cost per request and nothing else,
and a pepper would be one more secret every replica has to share.
"""

from __future__ import annotations

import contextvars
import hashlib
import hmac
import re
import secrets
from collections.abc import Collection
from dataclasses import dataclass

KEY_PREFIX = "ocm_"
SCOPES = ("process", "batch", "benchmark", "admin")
ADMIN = "admin"
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(second|minute|hour|day|sec|min|s|m|h|d)\s*$", re.IGNORECASE)
_UNITS = {"s": "second", "sec": "second", "m": "minute", "min": "minute", "h": "hour", "d": "day"}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def scopes_allow(scopes: Collection[str], scope: str) -> bool:
    """Whether a key holding `scopes` may do what `scope` names: admin may do everything."""
    return ADMIN in scopes or scope in scopes


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(b"ocrmesh-api-key\0" + key.encode("utf-8", "replace")).hexdigest()


def same_hash(a: str, b: str) -> bool:
    return hmac.compare_digest(a, b)


def check_name(name: str) -> str:
    if not _NAME.match(name):
        raise ValueError(f"a key name is 1-64 letters, digits, '.', '_' or '-', got {name!r}")
    return name


def parse_scopes(text: str) -> tuple[str, ...]:
    scopes = tuple(dict.fromkeys(s.strip().lower() for s in text.split(",") if s.strip()))
    unknown = [s for s in scopes if s not in SCOPES]
    if unknown or not scopes:
        raise ValueError(f"scopes are a comma-separated list of {', '.join(SCOPES)}; got {text!r}")
    return scopes


def parse_rate(text: str) -> str:
    """'60/min' -> '60/minute' (the `limits` notation); '' = no rate limit."""
    if not text.strip():
        return ""
    match = _RATE.match(text)
    if not match or int(match.group(1)) < 1:
        raise ValueError(f"a rate is N/second, N/minute, N/hour or N/day (N >= 1), got {text!r}")
    unit = match.group(2).lower()
    return f"{int(match.group(1))}/{_UNITS.get(unit, unit)}"


@dataclass(frozen=True)
class Principal:
    """Who calls: a key's identity (stable across rotation), name, scopes and limits."""

    key_id: str
    name: str
    scopes: frozenset[str]
    rate: str = ""
    concurrency: int = 0
    # The router's own hosted services (jobs runner, benchmarks) acting for `key_id`: work admitted already.
    internal: bool = False

    def allows(self, scope: str) -> bool:
        return scopes_allow(self.scopes, scope)

    @property
    def admin(self) -> bool:
        return ADMIN in self.scopes

    def owns(self, owner: str) -> bool:
        """A record with this owner is visible to this principal (admin sees all)."""
        return self.admin or owner == self.key_id

    @property
    def owner(self) -> str:
        """What new records are stored under."""
        return self.key_id


# The principal of the call being served; None when authentication is off (everything visible).
CURRENT: contextvars.ContextVar[Principal | None] = contextvars.ContextVar("ocrmesh_principal", default=None)


def current_principal() -> Principal | None:
    return CURRENT.get()
