"""A small SVG writer for the report's plots: scatter and grouped bars, inline, no dependencies."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf")
FONT = 'font-family="system-ui, sans-serif" font-size="12"'


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    series: str  # colour
    group: str = ""  # marker shape


SHAPES = ("circle", "square", "triangle", "diamond", "cross", "star")


def _marker(shape: str, x: float, y: float, fill: str, tip: str) -> str:
    title = f"<title>{escape(tip)}</title>"
    style = f'fill="{fill}" fill-opacity="0.85" stroke="#333"'
    if shape == "square":
        return f'<rect x="{x - 5:.1f}" y="{y - 5:.1f}" width="10" height="10" {style}>{title}</rect>'
    if shape in ("triangle", "diamond", "star", "cross"):
        pts = {
            "triangle": [(0, -7), (6, 5), (-6, 5)],
            "diamond": [(0, -7), (6, 0), (0, 7), (-6, 0)],
            "star": [(0, -7), (2, -2), (7, -2), (3, 1), (5, 7), (0, 3), (-5, 7), (-3, 1), (-7, -2), (-2, -2)],
            "cross": [(-2, -7), (2, -7), (2, -2), (7, -2), (7, 2), (2, 2), (2, 7), (-2, 7), (-2, 2), (-7, 2),
                      (-7, -2), (-2, -2)],
        }[shape]  # fmt: skip
        points = " ".join(f"{x + dx:.1f},{y + dy:.1f}" for dx, dy in pts)
        return f'<polygon points="{points}" {style}>{title}</polygon>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" {style}>{title}</circle>'


def _nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    if high <= low:
        high = low + 1.0
    step = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(step))
    step = min((m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= step), default=step)
    start = math.floor(low / step) * step
    ticks, t = [], start
    while t <= high + step * 1e-9:
        ticks.append(round(t, 10))
        t += step
    return ticks


def _fmt(value: float) -> str:
    if value == 0:
        return "0"
    if abs(value) >= 100:
        return f"{value:.0f}"
    if abs(value) >= 1:
        return f"{value:.3g}"
    return f"{value:.2g}"


class _Canvas:
    def __init__(self, width: int, height: int, title: str) -> None:
        self.width, self.height = width, height
        self.parts = [
            f'<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img" '
            f'aria-label="{escape(title)}" {FONT}>',
            f"<title>{escape(title)}</title>",
            f'<rect width="{width}" height="{height}" fill="white"/>',
            f'<text x="{width / 2:.1f}" y="18" text-anchor="middle" font-size="14" font-weight="bold">{escape(title)}</text>',
        ]

    def add(self, element: str) -> None:
        self.parts.append(element)

    def text(self, x: float, y: float, s: str, anchor: str = "middle", extra: str = "") -> None:
        self.parts.append(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" {extra}>{escape(s)}</text>')

    def render(self) -> str:
        return "\n".join([*self.parts, "</svg>"])


def scatter(
    points: list[Point], *, title: str, x_label: str, y_label: str, log_x: bool = True,
    width: int = 640, height: int = 380, y_range: tuple[float, float] | None = None,
    series_order: list[str] | None = None,
) -> str:
    """One dot per point, coloured by series, with a legend; log x axis for seconds spanning decades."""
    c = _Canvas(width, height, title)
    left, right, top, bottom = 64, 150, 32, 48
    pw, ph = width - left - right, height - top - bottom
    if not points:
        c.text(width / 2, height / 2, "no data")
        return c.render()
    xs = [p.x for p in points]
    ys = [p.y for p in points]
    use_log = log_x and min(xs) > 0
    if use_log:
        lo, hi = math.floor(math.log10(min(xs) / 1.5)), math.ceil(math.log10(max(xs) * 1.5))
        if lo == hi:
            hi += 1
        x_ticks = [10.0**e for e in range(lo, hi + 1)]

        def fx(v: float) -> float:
            return left + (math.log10(v) - lo) / (hi - lo) * pw
    else:
        x_ticks = _nice_ticks(0.0, max(xs) * 1.05)

        def fx(v: float) -> float:
            return left + (v - x_ticks[0]) / ((x_ticks[-1] - x_ticks[0]) or 1) * pw

    y_lo, y_hi = y_range or (max(0.0, math.floor((min(ys) - 0.05) * 10) / 10), max(1.0, max(ys)))
    y_ticks = _nice_ticks(y_lo, y_hi)

    def fy(v: float) -> float:
        return top + ph - (v - y_ticks[0]) / ((y_ticks[-1] - y_ticks[0]) or 1) * ph

    for t in x_ticks:
        x = fx(t)
        c.add(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="#ddd"/>')
        c.text(x, top + ph + 16, _fmt(t))
    for t in y_ticks:
        y = fy(t)
        c.add(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#ddd"/>')
        c.text(left - 6, y + 4, _fmt(t), anchor="end")
    c.add(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#888"/>')
    c.text(left + pw / 2, height - 10, x_label + (" (log scale)" if use_log else ""))
    c.add(
        f'<text x="16" y="{top + ph / 2:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 16 {top + ph / 2:.1f})">{escape(y_label)}</text>'
    )
    # Colours follow `series_order` (every backend of the run), so they match the other plots.
    series = list(dict.fromkeys([*(series_order or []), *(p.series for p in points)]))
    groups = list(dict.fromkeys(p.group for p in points))
    for p in points:
        shape = SHAPES[groups.index(p.group) % len(SHAPES)]
        tip = f"{p.series}, {p.group}: {_fmt(p.x)} s/page, {p.y:.3f}"
        c.add(_marker(shape, fx(p.x), fy(p.y), colour(series.index(p.series)), tip))
    _legend(c, series, left + pw + 12, top + 8)
    y0 = top + 8 + len(series) * 18 + 14
    for i, group in enumerate(groups):
        c.add(_marker(SHAPES[i % len(SHAPES)], left + pw + 18, y0 + i * 18 + 4, "#bbb", group))
        c.text(left + pw + 30, y0 + i * 18 + 8, group, anchor="start")
    return c.render()


def grouped_bars(
    groups: list[str], series: list[str], values: dict[tuple[str, str], float | None], *, title: str,
    y_label: str, width: int = 760, height: int = 360,
) -> str:
    """One group per entry of `groups` (e.g. fields), one bar per series (backend); values 0..1."""
    c = _Canvas(width, height, title)
    left, right, top, bottom = 84, 150, 32, 86
    pw, ph = width - left - right, height - top - bottom
    if not groups or not series:
        c.text(width / 2, height / 2, "no data")
        return c.render()
    for t in (0.0, 0.25, 0.5, 0.75, 1.0):
        y = top + ph - t * ph
        c.add(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#ddd"/>')
        c.text(left - 6, y + 4, f"{t:.0%}", anchor="end")
    slot = pw / len(groups)
    bar = slot * 0.8 / len(series)
    for gi, group in enumerate(groups):
        x0 = left + gi * slot + slot * 0.1
        for si, name in enumerate(series):
            value = values.get((group, name))
            x = x0 + si * bar
            if value is None:
                c.text(x + bar / 2, top + ph - 3, "–", extra='font-size="10" fill="#999"')
                continue
            h = max(0.0, min(1.0, value)) * ph
            c.add(
                f'<rect x="{x:.1f}" y="{top + ph - h:.1f}" width="{max(1.0, bar - 1):.1f}" height="{h:.1f}" '
                f'fill="{colour(si)}"><title>{escape(f"{group} / {name}: {value:.1%}")}</title></rect>'
            )
        cx = left + gi * slot + slot / 2
        c.add(
            f'<text x="{cx:.1f}" y="{top + ph + 12}" text-anchor="end" font-size="11" '
            f'transform="rotate(-35 {cx:.1f} {top + ph + 12})">{escape(group)}</text>'
        )
    c.add(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#888"/>')
    c.add(
        f'<text x="14" y="{top + ph / 2:.1f}" text-anchor="middle" '
        f'transform="rotate(-90 14 {top + ph / 2:.1f})">{escape(y_label)}</text>'
    )
    _legend(c, series, left + pw + 12, top + 8)
    return c.render()


def _legend(c: _Canvas, series: list[str], x: float, y: float) -> None:
    for i, name in enumerate(series):
        c.add(f'<rect x="{x:.1f}" y="{y + i * 18:.1f}" width="12" height="12" fill="{colour(i)}"/>')
        c.text(x + 18, y + i * 18 + 10, name, anchor="start")
