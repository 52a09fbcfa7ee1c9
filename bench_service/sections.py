"""Write one benchmark's section into docs/BENCHMARKS.md, leaving the others as they are."""

from __future__ import annotations

import platform
import re
from datetime import UTC, datetime
from pathlib import Path

import psutil

HEADER = "# Benchmarks\n\nEvery section is written by the script it names; rerun it to refresh the figures.\n"


def machine_line() -> str:
    return (
        f"{platform.system()} {platform.machine()}, {psutil.cpu_count(logical=True)} cores, "
        f"{psutil.virtual_memory().total / 2**30:.0f} GiB RAM, Python {platform.python_version()}; "
        f"run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    )


def update_section(path: Path, name: str, markdown: str, after: str | None = None) -> None:
    """Replace section ``name``; a new one goes right after section ``after`` when that exists, else at the end."""
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    block = f"{start}\n{markdown.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.S)
    anchor = f"<!-- bench:{after}:end -->" if after else None
    if pattern.search(text):
        text = pattern.sub(lambda _m: block, text)
    elif anchor and anchor in text:
        text = text.replace(anchor, f"{anchor}\n\n{block}", 1)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
