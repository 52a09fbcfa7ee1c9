"""Limits that protect a server from hostile or broken input."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IntakeLimits:
    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    # Pixels of one decoded page image (a 20000x20000 PNG is 400 MP).
    max_page_pixels: int = 100_000_000
    default_dpi: int = 300
    min_dpi: int = 50
    max_dpi: int = 600
