"""The producer-variant benchmark runs and writes its section (the variants themselves: tests/backends)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.bench_producers import main


def test_bench_producers_writes_its_section(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARKS.md"
    main(["--limit", "2", "--per-family", "0", "--out", str(out)])
    text = out.read_text(encoding="utf-8")
    section = text[text.index("<!-- bench:producers:start -->") : text.index("<!-- bench:producers:end -->")]
    assert "### dataset (2 invoices)" in section
    rows = [
        line
        for line in section.splitlines()
        if line.startswith("| shown turned") or line.startswith("| over")
    ]
    assert len(rows) == 4 and all(
        row.endswith("| 100.0 % |") for row in rows
    )  # each variant as the plain page
    assert "| scan under an earlier OCR's invisible text | 5 | 0 (0.0 %) |" in section
