"""Per-key limits: request rate (the `limits` package, moving window) and documents in flight.

Both live in this process's memory: with several router replicas each
enforces the limit on its own share (say so in the key's rate).
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from services.auth.keys import Principal


@dataclass(frozen=True)
class LimitExceeded(Exception):
    """A key is over its rate or its concurrency; retry after `retry_after` seconds."""

    message: str
    retry_after: int


class KeyLimiter:
    def __init__(self) -> None:
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self._items: dict[str, RateLimitItem] = {}
        self._in_flight: dict[str, int] = {}

    def _item(self, rate: str) -> RateLimitItem:
        item = self._items.get(rate)
        if item is None:
            item = self._items[rate] = parse(rate)
        return item

    def hit(self, principal: Principal) -> None:
        """Count one request against the key's rate; LimitExceeded when it is used up."""
        if not principal.rate:
            return
        item = self._item(principal.rate)
        if self._limiter.hit(item, principal.key_id):
            return
        reset = self._limiter.get_window_stats(item, principal.key_id).reset_time
        retry_after = max(1, math.ceil(reset - time.time()))
        raise LimitExceeded(f"key {principal.name!r} is over its rate of {principal.rate}", retry_after)

    def acquire(self, principal: Principal, retry_after: int = 1) -> bool:
        """Take one of the key's concurrent-document slots (False: the key has no limit, nothing taken);
        LimitExceeded when all are in use. Give it back with `release`."""
        if principal.concurrency <= 0:
            return False
        held = self._in_flight.get(principal.key_id, 0)
        if held >= principal.concurrency:
            raise LimitExceeded(
                f"key {principal.name!r} has {held} documents in flight, its limit is {principal.concurrency}",
                retry_after,
            )
        self._in_flight[principal.key_id] = held + 1
        return True

    def release(self, principal: Principal) -> None:
        left = self._in_flight.get(principal.key_id, 1) - 1
        if left > 0:
            self._in_flight[principal.key_id] = left
        else:
            self._in_flight.pop(principal.key_id, None)
