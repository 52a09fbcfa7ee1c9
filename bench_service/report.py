"""Reports of a run: JSON (the record), Markdown (tables) and self-contained HTML (tables and inline SVG plots;
the Jinja2 template `templates/report.html.j2`).

The HTML has no external resources at all (no scripts, fonts, images or
styles from elsewhere), so it opens offline and can be mailed as one file.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from bench_service.model import DocumentReport, Outcome, RunRecord
from bench_service.svg import Point, grouped_bars, scatter

FORMATS = {
    "json": ("application/json", "run.json"),
    "markdown": ("text/markdown; charset=utf-8", "report.md"),
    "html": ("text/html; charset=utf-8", "report.html"),
}
REFERENCE_WORDS = {
    "truth_text": "text truth",
    "text_layer": "PDF text layer",
    "agreement": "agreement between backends (no reference)",
    "none": "nothing to compare with",
}


def render(record: RunRecord, fmt: str) -> tuple[bytes, str, str]:
    """(content, MIME type, file name) of the report in `fmt` (json, markdown, html)."""
    mime, filename = FORMATS[fmt]
    if fmt == "json":
        return record.model_dump_json(indent=2).encode(), mime, filename
    if fmt == "markdown":
        return markdown(record).encode(), mime, filename
    return html(record).encode(), mime, filename


# ---------------------------------------------------------------- formatting


def pct(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f} %"


def secs(value: float) -> str:
    if value == 0:
        return "–"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def mib(value: int) -> str:
    return "–" if not value else f"{value / 2**20:,.0f} MiB"


def _cold(record: RunRecord, backend: str) -> str:
    s = record.summary(backend)
    if s is None:
        return "–"
    c = s.cold
    state = c.state_before
    if c.loaded_by_run:
        return f"{state}: loaded in {secs(c.load_seconds)}"
    if state == "ready":
        return f"ready (last load {secs(c.load_seconds)})"
    return state


def _errors(errors: dict[str, int]) -> str:
    return ", ".join(f"{code} {n}" for code, n in errors.items()) or "0"


def _cell(outcome: Outcome | None) -> str:
    if outcome is None:
        return "–"
    if not outcome.ok:
        return outcome.status
    if outcome.accuracy is not None:
        head = pct(outcome.accuracy)
    elif outcome.agreement is not None:
        head = f"agr. {pct(outcome.agreement)}"
    else:
        head = "ok"
    if outcome.field_accuracy is not None:
        head += f", fields {outcome.field_accuracy * 100:.0f} %"
    return f"{head}, {secs(outcome.seconds)}"


def _headline(record: RunRecord) -> list[str]:
    source = f"dataset `{record.dataset}`" if record.dataset else "uploaded documents"
    routed = f"through the router at {record.router_address}" if record.routing == "router" else "directly to each backend"
    lines = [
        f"Run `{record.run_id}` ({record.status}{', ' + record.label if record.label else ''}): {source}, "
        f"{record.document_count} documents x {len(record.backends)} backends ({', '.join(record.backends)}), "
        f"sent {routed}."
    ]
    if record.command:
        lines.append(f"Command: `{record.command}`")
    if record.machine:
        lines.append(f"Machine: {record.machine}.")
    if record.error:
        lines.append(f"Error: {record.error}")
    return lines


def _reference_counts(record: RunRecord) -> str:
    counts: dict[str, int] = {}
    for d in record.documents:
        counts[d.reference] = counts.get(d.reference, 0) + 1
    return "; ".join(f"{REFERENCE_WORDS[k]}: {n}" for k, n in counts.items())


def all_fields(record: RunRecord) -> list[str]:
    return list(dict.fromkeys(f.name for s in record.summaries for f in s.fields))


# ---------------------------------------------------------------- markdown


def summary_markdown(record: RunRecord) -> str:
    """The per-backend and per-class tables (docs/BENCHMARKS.md takes this)."""
    lines = [
        "| backend | docs ok | pages | avg time / doc | p50 / page | p95 / page | accuracy (1 − CER) | fields | "
        "agreement | confidence | RAM peak | VRAM peak | cold start | errors | wins |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in record.summaries:
        lines.append(
            f"| {s.backend} | {s.succeeded}/{s.documents} | {s.pages} | {secs(s.avg_time)} | "
            f"{secs(s.p50_seconds_per_page)} | {secs(s.p95_seconds_per_page)} | {pct(s.accuracy)} | "
            f"{pct(s.field_accuracy)} | {pct(s.agreement)} | {s.mean_confidence:.2f} | {mib(s.ram_usage)} | "
            f"{mib(s.vram_usage)} | {_cold(record, s.backend)} | {_errors(s.errors)} | {s.wins} |"
        )
    if record.classes:
        lines += [
            "",
            "Per document class (the router's priors):",
            "",
            "| class | backend | docs ok | accuracy | fields | p50 / page | wins |",
            "|---|---|---|---|---|---|---|",
        ]
        for c in record.classes:
            lines.append(
                f"| {c.document_class} | {c.backend} | {c.succeeded}/{c.documents} | {pct(c.accuracy)} | "
                f"{pct(c.field_accuracy)} | {secs(c.seconds_per_page)} | {c.wins} |"
            )
    fields = all_fields(record)
    if fields:
        lines += ["", "Per field (exact match, documents with field truth):", ""]
        lines.append("| field | " + " | ".join(s.backend for s in record.summaries) + " |")
        lines.append("|---|" + "---|" * len(record.summaries))
        for name in fields:
            row = []
            for s in record.summaries:
                f = next((f for f in s.fields if f.name == name), None)
                row.append("–" if f is None else f"{f.right}/{f.total} ({f.accuracy * 100:.0f} %)")
            lines.append(f"| {name} | " + " | ".join(row) + " |")
    return "\n".join(lines)


def markdown(record: RunRecord) -> str:
    lines = [f"# Benchmark {record.run_id}", "", *_headline(record), ""]
    if record.documents:
        lines += [f"References: {_reference_counts(record)}.", ""]
    lines += [summary_markdown(record), ""]
    if record.documents:
        lines += [
            "## Per document",
            "",
            "Cell: accuracy (or agreement, marked `agr.`, where no reference exists), field accuracy, wall time; "
            "an error shows its gRPC code. Winner: best accuracy, tie → fastest.",
            "",
            "| document | classes | reference | " + " | ".join(record.backends) + " | winner |",
            "|---|---|---|" + "---|" * len(record.backends) + "---|",
        ]
        for d in record.documents:
            cells = " | ".join(_cell(d.outcome(b)) for b in record.backends)
            lines.append(
                f"| {d.name} | {', '.join(d.classes)} | {REFERENCE_WORDS[d.reference]} | {cells} | {d.winner or '–'} |"
            )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- html (templates/report.html.j2)


@lru_cache(maxsize=1)
def _templates() -> Environment:
    return Environment(
        loader=PackageLoader("bench_service", "templates"), autoescape=True, undefined=StrictUndefined
    )


def _markdown_table_to_rows(md: str) -> list[tuple[list[str], list[list[str]]]]:
    """Split summary_markdown's tables back into header and rows (one source for both formats)."""
    tables, current = [], None
    for line in md.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if current is None:
                current = (cells, [])
            elif not set("".join(cells)) <= set("-"):
                current[1].append(cells)
        elif current is not None:
            tables.append(current)
            current = None
    if current is not None:
        tables.append(current)
    return tables


def _grid_colour(outcome: Outcome | None) -> str:
    if outcome is None or not outcome.ok:
        return ""
    value = outcome.accuracy if outcome.accuracy is not None else outcome.agreement
    if value is None:
        return "background:#eef"
    hue = max(0.0, min(1.0, (value - 0.5) / 0.5)) * 120  # 50 % and below red, 100 % green
    return f"background:hsl({hue:.0f},65%,78%)"


def document_grid(record: RunRecord) -> list[dict[str, object]]:
    """The rows of the winner grid: per document its cells (text, colour, class) and the winner."""
    rows: list[dict[str, object]] = []
    for d in record.documents:
        cells = []
        for b in record.backends:
            o = d.outcome(b)
            css_class = "win" if d.winner == b else ("err" if o is not None and not o.ok else "")
            cells.append({"css_class": css_class, "style": _grid_colour(o), "text": _cell(o), "winner": d.winner == b})
        rows.append(
            {"name": d.name, "classes": ", ".join(d.classes), "reference": REFERENCE_WORDS[d.reference],
             "cells": cells, "winner": d.winner or "–"}
        )  # fmt: skip
    return rows


def speed_accuracy_plot(record: RunRecord) -> str:
    points = []
    for s in record.summaries:
        if s.accuracy is not None and s.p50_seconds_per_page > 0:
            points.append(Point(s.p50_seconds_per_page, s.accuracy, s.backend, "all documents"))
    for c in record.classes:
        if c.accuracy is not None and c.seconds_per_page > 0:
            points.append(Point(c.seconds_per_page, c.accuracy, c.backend, c.document_class))
    return scatter(
        points, title="Seconds per page against accuracy", x_label="median seconds per page (warm)",
        y_label="character accuracy (1 − CER)", series_order=[s.backend for s in record.summaries],
    )


def field_plot(record: RunRecord) -> str:
    fields = all_fields(record)
    values: dict[tuple[str, str], float | None] = {}
    for s in record.summaries:
        for f in s.fields:
            values[(f.name, s.backend)] = f.accuracy
    return grouped_bars(
        fields, [s.backend for s in record.summaries], values, title="Per-field accuracy", y_label="exact match"
    )


def html(record: RunRecord) -> str:
    """The self-contained HTML report: templates/report.html.j2, every value escaped; the SVG plots
    (built by bench_service.svg, which escapes its own text) go in as markup."""
    titles = ["Backends", "Per document class (the router's priors)", "Per field"]
    tables = [
        {"title": title, "head": head, "rows": rows, "left": 2 if title.startswith("Per document") else 1}
        for title, (head, rows) in zip(titles, _markdown_table_to_rows(summary_markdown(record)), strict=False)
    ]
    return _templates().get_template("report.html.j2").render(
        run_id=record.run_id,
        headline=_headline(record),
        references=_reference_counts(record) if record.documents else "",
        agreement=any(d.reference == "agreement" for d in record.documents),
        tables=tables,
        speed_accuracy_svg=Markup(speed_accuracy_plot(record)),
        fields_svg=Markup(field_plot(record)),
        backends=record.backends,
        grid=document_grid(record),
    )


def winners(documents: list[DocumentReport]) -> dict[str, int]:
    out: dict[str, int] = {}
    for d in documents:
        out[d.winner or "none"] = out.get(d.winner or "none", 0) + 1
    return out
