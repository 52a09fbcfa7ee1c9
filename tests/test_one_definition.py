"""Constants the layers share are defined once, in the lowest layer that needs them, and imported everywhere else."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("services", "router_service", "jobs_service", "bench_service", "gateway_rest", "clients", "benchmarks")


def definitions(name: str) -> list[str]:
    """The modules that assign a name matching the regex `name` at module level."""
    assigned = re.compile(rf"^{name}\s*(?::[^=\n]+)?=", re.MULTILINE)
    return sorted(
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if assigned.search(path.read_text(encoding="utf-8"))
    )


def test_the_page_separator_has_one_home() -> None:
    assert definitions("PAGE_SEPARATOR") == ["services/intake/pagetext.py"]


def test_the_a4_page_width_has_one_home() -> None:
    """The dpi a scan without one is guessed at: the router's analysis and the backends' page preparation agree."""
    assert definitions(r"A4\w*_INCHES") == ["services/intake/pageprep.py"]


def test_pages_are_joined_with_the_page_separator_not_a_literal_form_feed() -> None:
    literal = re.compile(r"""["']\\f["']""")
    found = sorted(
        str(path.relative_to(ROOT))
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        if literal.search(path.read_text(encoding="utf-8"))
    )
    assert found == ["services/intake/pagetext.py"]
