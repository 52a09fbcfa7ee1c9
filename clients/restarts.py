"""When to restart a crashed process: exponential backoff, capped, reset by a stable run.

A process that fails right after each start (a crash loop) is restarted
after 0.5 s, 1 s, 2 s, ... up to `cap` seconds between attempts, never in a
tight loop; one that ran for `stable_seconds` before it died counts as a
fresh failure again (first delay).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Backoff:
    initial: float = 0.5
    factor: float = 2.0
    cap: float = 30.0
    stable_seconds: float = 30.0
    # Failures since the last stable run.
    failures: int = 0

    def next_delay(self, ran_for: float) -> float:
        """The delay before the next start of a process that just ended after `ran_for` seconds."""
        if ran_for >= self.stable_seconds:
            self.failures = 0
        delay = min(self.cap, self.initial * self.factor**self.failures)
        self.failures += 1
        return delay
