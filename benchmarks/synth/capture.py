"""Deliver a born-digital PDF the ways documents reach an office, deterministically for a seed.

    python -m benchmarks.synth.capture INPUT.pdf OUTDIR [--seed N]
    python -m benchmarks.synth.capture --statute OUTDIR [--pages N]

Capture kinds (`CAPTURES`):

- ``upright``: the office scan of `degrade.render_scanned_pdf` (200 dpi grey JPEG pages in a PDF);
- ``upright-png``: one page of that scan, not turned, as a PNG: ``sideways`` without the turn (what
  the image path costs apart from orientation: no JPEG, the 200 dpi upscaled by the engine);
- ``upside-down``: the same scan with every page image turned 180 degrees;
- ``sideways``: one page scanned and turned 90 degrees clockwise, as a PNG;
- ``photo``: one page photographed with a phone held upright: a JPEG stored sideways with
  EXIF orientation 6 (the viewer turns it 90 degrees clockwise), the sheet in perspective on a dark
  desk, light falling off from one corner, camera make and model in EXIF;
- ``photo-hard``: one page photographed on a desk as people really do it (`hard_phone_photo`), each
  effect drawn per seed within these bounds: a 12 MP frame (4032 x 3024, 4000 x 3000 or
  4080 x 3072), stored landscape with EXIF orientation 6 (6 seeds in 10) or stored portrait with
  orientation 1, X/YResolution 72 as phones write; the sheet at 180-260 dpi effective, spanning
  about 55-80 % of the frame's height (25-55 % of its area); a pinhole camera (24-28 mm equivalent)
  tilted 10-25 degrees from the sheet's normal, from the near edge +-40 degrees, the sheet turned
  +-12 degrees in the frame; the sheet bowed, curled at one edge or folded (a ridge or valley at a
  third, half or two thirds), shifted along the page's vertical by 0.2-1.8 % of the page height
  as a smooth function of one axis, its facets lit 5-14 % brighter or darker, a fold's crease
  darker; light: a gradient to 65-88 %, a soft-edged capsule shadow of hand and phone from a frame
  edge over part of the sheet leaving 45-70 % of the light, vignetting to 70-88 % in the corners;
  a wood or laminate desk with grain, for some seeds another white sheet's edge (4 in 10) and a
  dark keyboard (35 in 100) partly in frame, under the sheet, which casts a soft shadow; exposure
  for the paper (white 205-240), colour cast (warm to cool, slight tint); defocus of sigma
  0.6-1.5 px growing away from the focused depth, or (3 in 10) a 2-4 px motion streak; sensor
  noise stronger in the dark with chroma blotches, unsharp mask (radius 1.2-2.5, 60-170 %), JPEG
  quality 70-90. For 1 seed in 5 one sheet corner lies 2-7 mm outside the frame (kept whole when
  that corner cannot go without the text). The printed area always stays 24 px inside the frame;
- ``fax-fine`` / ``fax-normal``: every page as a fax machine sends it: bilevel, 204 x 196 or
  204 x 98 dpi, CCITT G4 compressed, one multi-page TIFF.

`statute_pdf` writes a German statute-like text with ``§`` headings (its truth: `STATUTE_HEADINGS`
per page), to be scanned like any other PDF. The degradation itself is `degrade.degrade`'s.
"""

from __future__ import annotations

import argparse
import io
import random
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pymupdf
from PIL import Image, ImageDraw, ImageFilter

from benchmarks.synth.degrade import RENDER_DPI, _rng, degrade, render_page_image, render_scanned_pdf
from benchmarks.synth.pdfdraw import A4, FAMILIES, Canvas, finish

SCAN_DPI = 200
CAPTURES = (
    "upright", "upright-png", "upside-down", "sideways", "photo", "photo-hard", "fax-fine", "fax-normal",
)  # fmt: skip
SINGLE_PAGE = frozenset({"upright-png", "sideways", "photo", "photo-hard"})  # one image per page
MIME = {"pdf": "application/pdf", "png": "image/png", "jpg": "image/jpeg", "tif": "image/tiff"}
EXIF_ORIENTATION = 0x0112


@dataclass(frozen=True)
class Capture:
    kind: str
    content: bytes
    extension: str  # pdf, png, jpg, tif

    @property
    def filename(self) -> str:
        return f"{self.kind}.{self.extension}"


def capture(pdf: bytes, kind: str, *, seed: int, page: int = 0) -> Capture:
    """`pdf` delivered as capture `kind` (one of CAPTURES); the single-image kinds (``upright-png``,
    ``sideways``, ``photo``, ``photo-hard``) show page `page`, the others every page."""
    if kind == "upright":
        return Capture(kind, render_scanned_pdf(pdf, seed=seed, dpi=SCAN_DPI), "pdf")
    if kind == "upside-down":
        return Capture(kind, turned_scan_pdf(pdf, seed=seed, degrees=180), "pdf")
    if kind in ("upright-png", "sideways"):
        scan = _scan(pdf, page, seed)
        shown = scan.rotate(-90, expand=True) if kind == "sideways" else scan
        return Capture(kind, _save(shown, "PNG", dpi=(SCAN_DPI, SCAN_DPI)), "png")
    if kind == "photo":
        return Capture(kind, phone_photo(pdf, seed=seed, index=page), "jpg")
    if kind == "photo-hard":
        return Capture(kind, hard_phone_photo(pdf, seed=seed, index=page), "jpg")
    if kind in ("fax-fine", "fax-normal"):
        return Capture(kind, fax_tiff(pdf, seed=seed, y_dpi=196 if kind == "fax-fine" else 98), "tif")
    raise ValueError(f"unknown capture kind {kind!r}; known: {', '.join(CAPTURES)}")


def _scan(pdf: bytes, index: int, seed: int) -> Image.Image:
    page_seed = int(_rng(seed, index).integers(0, 2**31 - 1))
    return degrade(
        render_page_image(pdf, index, RENDER_DPI), dpi_from=RENDER_DPI, dpi_to=SCAN_DPI, seed=page_seed
    )


def _save(image: Image.Image, fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format=fmt, **params)
    return buf.getvalue()


def turned_scan_pdf(pdf: bytes, *, seed: int, degrees: int) -> bytes:
    """The office scan with every page image turned `degrees` clockwise (the sheet fed the wrong way)."""
    out = pymupdf.open()
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        count = doc.page_count
    for index in range(count):
        page = _scan(pdf, index, seed).rotate(-degrees, expand=True)
        new = out.new_page(width=page.width * 72 / SCAN_DPI, height=page.height * 72 / SCAN_DPI)
        new.insert_image(new.rect, stream=_save(page, "JPEG", quality=75))
    data = out.tobytes(garbage=3, deflate=True, no_new_id=True)
    out.close()
    return data


def phone_photo(pdf: bytes, *, seed: int, index: int = 0) -> bytes:
    """Page `index` photographed from above at a slant: perspective, uneven light, EXIF orientation 6."""
    rng = _rng(seed, 1000 + index)
    sheet = render_page_image(pdf, index, RENDER_DPI).convert("RGB")
    sheet = sheet.resize((sheet.width * 2 // 3, sheet.height * 2 // 3), Image.Resampling.LANCZOS)  # ~200 dpi
    frame_w, frame_h = round(sheet.width * 1.25), round(sheet.height * 1.18)
    # Where the sheet's corners land in the frame (clockwise from top left): a trapezoid, the top
    # farther from the lens than the bottom, plus a little jitter.
    mx, my = frame_w * 0.1, frame_h * 0.07
    corners = [
        (mx + frame_w * 0.05, my),
        (frame_w - mx - frame_w * 0.04, my + frame_h * 0.01),
        (frame_w - mx * 0.4, frame_h - my),
        (mx * 0.5, frame_h - my * 0.8),
    ]
    corners = [(x + float(rng.uniform(-15, 15)), y + float(rng.uniform(-15, 15))) for x, y in corners]
    coeffs = _perspective_coefficients(corners, sheet.size)
    desk = Image.new("RGB", (frame_w, frame_h), (58, 50, 44))
    warped = sheet.transform(
        (frame_w, frame_h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BICUBIC
    )
    mask = Image.new("L", sheet.size, 255).transform(
        (frame_w, frame_h), Image.Transform.PERSPECTIVE, coeffs, Image.Resampling.BILINEAR
    )
    desk.paste(warped, (0, 0), mask)
    # Light falls off from the top-left corner to about 55 %, with a warm tint and sensor noise.
    yy, xx = np.mgrid[0:frame_h, 0:frame_w].astype(np.float32)
    distance = np.hypot(xx / frame_w, yy / frame_h) / np.sqrt(2.0)
    light = 1.0 - 0.45 * distance**1.3
    arr = np.asarray(desk, dtype=np.float32) * light[..., None] * np.array([1.0, 0.97, 0.9], dtype=np.float32)
    arr += rng.normal(0.0, 4.0, size=arr.shape).astype(np.float32)
    photo = Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), "RGB")
    stored = photo.rotate(90, expand=True)  # the sensor's landscape frame; EXIF 6 turns it back
    exif = Image.Exif()
    exif[EXIF_ORIENTATION] = 6
    exif[0x010F] = "ocrmesh synth"  # Make
    exif[0x0110] = "phone camera"  # Model
    return _save(stored, "JPEG", quality=85, exif=exif.tobytes())


def _perspective_coefficients(corners: list[tuple[float, float]], size: tuple[int, int]) -> list[float]:
    """PIL's PERSPECTIVE coefficients mapping frame points to sheet points (sheet corners → `corners`)."""
    w, h = size
    source = [(0, 0), (w, 0), (w, h), (0, h)]
    rows, rhs = [], []
    for (x, y), (u, v) in zip(corners, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs += [u, v]
    return [
        float(c) for c in np.linalg.solve(np.array(rows, dtype=np.float64), np.array(rhs, dtype=np.float64))
    ]


# ---------------------------------------------------------------- photo-hard

# Stored frames of 12 MP phone cameras (landscape, as the sensor reads out).
HARD_FRAMES = ((4032, 3024), (4000, 3000), (4080, 3072))
HARD_DPI = (180.0, 260.0)  # the sheet's effective resolution in the frame
HARD_TILT_DEG = (10.0, 25.0)  # camera axis against the sheet's normal
HARD_ROLL_DEG = 12.0  # the sheet turned in the frame, either way
HARD_BEND = (0.002, 0.018)  # curl / fold displacement, fraction of the page height
HARD_SHADOW = (0.45, 0.70)  # what the hand's shadow leaves of the light
HARD_BLUR = (0.6, 1.5)  # optical blur sigma, frame pixels
HARD_QUALITY = (70, 90)
HARD_CUT_MM = (2.0, 7.0)  # one corner outside the frame (1 seed in 5)
_TEXT_MARGIN_PX = 24  # the printed area keeps at least this far from the frame's edge


@dataclass(frozen=True)
class _Bend:
    """The sheet not lying flat: its points move along the page's vertical by `shift(s)` sheet pixels,
    `s` running along `axis` (0: across the page, lines bow; 1: down the page, a horizontal fold or
    curl), and its light changes by `shade(s)` with the slope."""

    axis: int
    grid: np.ndarray  # s, sheet pixels
    shift: np.ndarray  # displacement at grid points
    shade: np.ndarray  # light factor at grid points

    def forward(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        s = u if self.axis == 0 else v
        return v + np.interp(s, self.grid, self.shift)

    def inverse(self, u: np.ndarray, v_bent: np.ndarray) -> np.ndarray:
        if self.axis == 0:
            return v_bent - np.interp(u, self.grid, self.shift)
        # v -> v + shift(v) is monotone (|shift'| < 1): invert by swapping the table's columns; off
        # the sheet, the end's shift carries on (clamping would smear the last row over the desk).
        bent = self.grid + self.shift
        inside = np.interp(v_bent, bent, self.grid)
        return np.where(
            v_bent < bent[0],
            v_bent - self.shift[0],
            np.where(v_bent > bent[-1], v_bent - self.shift[-1], inside),
        )

    def light(self, u: np.ndarray, v: np.ndarray) -> np.ndarray:
        return np.interp(u if self.axis == 0 else v, self.grid, self.shade)


def _bend(rng: np.random.Generator, size: tuple[int, int]) -> _Bend:
    """A gentle bow, one edge curling up, or a letter fold (a soft ridge or valley)."""
    w, h = size
    axis = int(rng.integers(0, 2))
    length = (w, h)[axis]
    t = np.linspace(0.0, 1.0, 2049)
    kind = rng.choice(["bow", "curl", "fold"], p=[0.3, 0.3, 0.4])
    if kind == "bow":
        shape = np.sin(np.pi * t)
    elif kind == "curl":
        start = float(rng.uniform(0.45, 0.8))
        shape = np.clip((t - start) / (1.0 - start), 0.0, 1.0) ** 2
        if rng.random() < 0.5:
            shape = shape[::-1]
    else:
        crease = float(rng.choice([1 / 3, 2 / 3, 0.5])) + float(rng.uniform(-0.03, 0.03))
        reach = float(rng.uniform(0.15, 0.35))
        shape = np.exp(-np.sqrt((t - crease) ** 2 + 0.008**2) / reach)
        shape = (shape - shape.min()) / (shape.max() - shape.min())
    amplitude = float(rng.uniform(*HARD_BEND)) * h * float(rng.choice([-1.0, 1.0]))
    grid = t * length
    shift = amplitude * shape
    slope = np.gradient(shape, t)
    strength = float(rng.uniform(0.05, 0.14)) * float(rng.choice([-1.0, 1.0]))
    shade = 1.0 + strength * slope / max(float(np.abs(slope).max()), 1e-6)
    if kind == "fold":  # the crease itself catches a thin shadow
        width = 0.0025 * (1.0 + float(rng.random()))
        shade *= 1.0 - float(rng.uniform(0.04, 0.12)) * np.exp(-(((t - crease) / width) ** 2))
    return _Bend(axis, grid, shift, shade)


def _camera(
    rng: np.random.Generator, sheet: tuple[int, int], frame: tuple[int, int], dpi: float, focal: float
) -> np.ndarray:
    """Homography from sheet pixels (rendered at RENDER_DPI) to frame pixels, the sheet's centre on
    the frame's centre: the sheet turned in its plane, seen by a pinhole camera tilted against the
    sheet's normal, mostly from the near (bottom) edge, at the distance that gives `dpi` there."""
    w, h = sheet
    per_mm = RENDER_DPI / 25.4
    roll = np.radians(rng.uniform(-HARD_ROLL_DEG, HARD_ROLL_DEG))
    tilt = np.radians(rng.uniform(*HARD_TILT_DEG))
    azimuth = np.radians(rng.uniform(-40.0, 40.0))  # where the photographer stands, 0: below the sheet
    c, s = np.cos(roll), np.sin(roll)
    # Sheet pixels to desk millimetres (x right, y towards the photographer, z into the desk).
    desk = np.array(
        [[c / per_mm, -s / per_mm, -(c * w - s * h) / (2 * per_mm)],
         [s / per_mm, c / per_mm, -(s * w + c * h) / (2 * per_mm)],
         [0.0, 0.0, 0.0]]
    )  # fmt: skip
    distance = 25.4 * focal / dpi
    eye = distance * np.array([np.sin(tilt) * np.sin(azimuth), np.sin(tilt) * np.cos(azimuth), -np.cos(tilt)])
    forward = -eye / distance
    down = np.array([0.0, 1.0, 0.0]) - forward[1] * forward
    down /= np.linalg.norm(down)
    right = np.cross(down, forward)
    rotation = np.stack([right, down, forward])
    intrinsic = np.array([[focal, 0.0, frame[0] / 2], [0.0, focal, frame[1] / 2], [0.0, 0.0, 1.0]])
    return intrinsic @ (rotation @ desk + np.outer(-rotation @ eye, [0.0, 0.0, 1.0]))


def _project(homography: np.ndarray, points: np.ndarray) -> np.ndarray:
    mapped = np.c_[points, np.ones(len(points))] @ homography.T
    return mapped[:, :2] / mapped[:, 2:]


def _outline(box: tuple[float, float, float, float], bend: _Bend, per_edge: int = 64) -> np.ndarray:
    """Points along a box's edges in sheet pixels, moved as the bent sheet moves them (corners first)."""
    x0, y0, x1, y1 = box
    t = np.linspace(0.0, 1.0, per_edge)
    corners = np.array([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], dtype=np.float64)
    edges = [corners]
    for a, b in zip(corners, np.roll(corners, -1, axis=0), strict=True):
        edges.append(a + (b - a) * t[:, None])
    points = np.concatenate(edges)
    return np.c_[points[:, 0], bend.forward(points[:, 0], points[:, 1])]


def _ink_box(sheet: Image.Image) -> tuple[float, float, float, float]:
    grey = np.asarray(sheet.convert("L"))
    rows, cols = np.nonzero(grey.min(axis=1) < 200)[0], np.nonzero(grey.min(axis=0) < 200)[0]
    if not len(rows):
        return (0.1 * sheet.width, 0.1 * sheet.height, 0.9 * sheet.width, 0.9 * sheet.height)
    return (float(cols[0]) - 4, float(rows[0]) - 4, float(cols[-1]) + 5, float(rows[-1]) + 5)


def _inside(points: np.ndarray, frame: tuple[int, int], margin: float) -> bool:
    return bool(
        (points[:, 0] >= margin).all() and (points[:, 0] <= frame[0] - margin).all()
        and (points[:, 1] >= margin).all() and (points[:, 1] <= frame[1] - margin).all()
    )  # fmt: skip


def _shift_range(points: np.ndarray, frame: tuple[int, int], margin: float, axis: int) -> tuple[float, float]:
    return margin - float(points[:, axis].min()), frame[axis] - margin - float(points[:, axis].max())


def _place(
    rng: np.random.Generator, sheet: np.ndarray, ink: np.ndarray, frame: tuple[int, int], cut_px: float
) -> tuple[float, float] | None:
    """Where the photographer puts the sheet in the frame: a shift of the projected points. With
    `cut_px`, one corner lies that far beyond a frame edge (the rest of the sheet and every printed
    mark inside); None when the sheet does not fit so."""
    if cut_px <= 0:
        margin = float(rng.uniform(0.005, 0.03)) * frame[0]
        ranges = [_shift_range(sheet, frame, margin, axis) for axis in (0, 1)]
        if any(lo > hi for lo, hi in ranges):
            return None
        shift = [(lo + hi) / 2 + (hi - lo) / 2 * float(rng.uniform(-0.8, 0.8)) for lo, hi in ranges]
        return shift[0], shift[1]
    corners = sheet[:4]
    options = [(axis, side) for axis in (0, 1) for side in (-1, 1)]
    for pick in rng.permutation(len(options)):
        axis, side = options[int(pick)]
        order = np.argsort(side * corners[:, axis])[::-1]  # the corner farthest out on that side first
        corner = int(order[0])
        if abs(corners[corner, axis] - corners[int(order[1]), axis]) < cut_px + 40:
            continue  # that edge lies along the frame's edge: more than a corner would go
        shift = [0.0, 0.0]
        shift[axis] = (
            (-cut_px - corners[corner, axis]) if side < 0 else (frame[axis] + cut_px - corners[corner, axis])
        )
        others = _shift_range(np.delete(corners, corner, axis=0), frame, 10.0, 1 - axis)
        text = _shift_range(ink, frame, _TEXT_MARGIN_PX, 1 - axis)
        lo, hi = max(others[0], text[0]), min(others[1], text[1])
        if lo > hi:
            continue
        shift[1 - axis] = float(rng.uniform(lo, hi))
        moved, moved_ink = sheet + shift, ink + shift
        outside = ~((moved >= 0) & (moved <= np.array(frame))).all(axis=1)
        near = np.hypot(*(moved[outside] - moved[corner]).T) < 0.3 * np.ptp(moved, axis=0).min()
        others = np.delete(moved[:4], corner, axis=0)
        if _inside(moved_ink, frame, _TEXT_MARGIN_PX) and _inside(others, frame, 5.0) and near.all():
            return shift[0], shift[1]
    return None


def _grain(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    """Wood-like texture in [-1, 1]: fine streaks along a direction, wavering with the annual rings."""
    w, h = size
    angle = float(rng.choice([0.0, np.pi / 2])) + float(rng.uniform(-0.35, 0.35))
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    across = xx * np.float32(np.cos(angle)) + yy * np.float32(np.sin(angle))
    small = rng.normal(0.0, 1.0, size=(4, 5)).astype(np.float32)
    waver = np.asarray(Image.fromarray(small, "F").resize((w, h), Image.Resampling.BICUBIC))
    position = across + waver * np.float32(rng.uniform(15.0, 60.0))
    span = int(np.hypot(w, h)) + 800
    profile = np.zeros(span, dtype=np.float32)
    for scale, weight in ((3, 0.25), (11, 0.35), (37, 0.4), (150, 0.5)):
        coarse = rng.normal(0.0, 1.0, size=span // scale + 2).astype(np.float32)
        profile += weight * np.interp(np.arange(span) / scale, np.arange(len(coarse)), coarse).astype(
            np.float32
        )
    profile /= np.abs(profile).max()
    return np.interp(position.ravel() + 400, np.arange(span), profile).reshape(h, w).astype(np.float32)


def _desk(rng: np.random.Generator, size: tuple[int, int]) -> Image.Image:
    """A desk top: oak, teak, walnut or grey laminate with its grain."""
    tones = ((176, 136, 96), (140, 96, 62), (92, 64, 46), (150, 148, 142), (196, 170, 132))
    base = np.array(tones[int(rng.integers(0, len(tones)))], dtype=np.float32) * rng.uniform(0.9, 1.08, 3)
    depth = float(rng.uniform(0.08, 0.22))
    grain = _grain(rng, size)
    # The dark lines of the grain are a little more saturated.
    tint = np.array([0.0, 0.03, 0.07], dtype=np.float32)
    arr = base * (1.0 + depth * grain)[..., None] * (1.0 + tint * grain[..., None])
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")


def _rotated_box(
    centre: tuple[float, float], size: tuple[float, float], angle: float
) -> list[tuple[float, float]]:
    (cx, cy), (w, h), c, s = centre, size, np.cos(angle), np.sin(angle)
    return [
        (cx + dx * c - dy * s, cy + dx * s + dy * c)
        for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2), (w / 2, h / 2), (-w / 2, h / 2))
    ]


def _clutter(rng: np.random.Generator, desk: Image.Image, scale: float) -> None:
    """Some seeds: the edge of another white sheet and / or a keyboard partly in the frame, under the
    photographed sheet. `scale` is frame pixels per millimetre."""
    w, h = desk.size
    draw = ImageDraw.Draw(desk)
    if rng.random() < 0.4:  # another sheet, its edge 5-25 % into the frame from a side
        side = int(rng.integers(0, 3))  # left, right, top
        reach = float(rng.uniform(0.05, 0.25))
        angle = float(rng.uniform(-0.35, 0.35))
        sw, sh = 210 * scale, 297 * scale
        if side == 0:
            centre = (reach * w - sw / 2, float(rng.uniform(0.2, 0.8)) * h)
        elif side == 1:
            centre = (w - reach * w + sw / 2, float(rng.uniform(0.2, 0.8)) * h)
        else:
            centre, angle = (float(rng.uniform(0.2, 0.8)) * w, reach * h - sw / 2), angle + np.pi / 2
        white = tuple(int(v) for v in float(rng.uniform(226, 248)) + rng.uniform(-3, 3, 3))
        draw.polygon(_rotated_box(centre, (sw, sh), angle), fill=white)
    if rng.random() < 0.35:  # a keyboard at the far or a side edge
        angle = float(rng.uniform(-0.2, 0.2))
        kw, kh = 440 * scale, 140 * scale
        top = rng.random() < 0.6
        if top:
            centre = (float(rng.uniform(0.3, 0.7)) * w, float(rng.uniform(0.04, 0.12)) * h - kh / 2)
        else:  # at the left or right edge, turned across
            inset = float(rng.uniform(0.04, 0.15)) * w
            x = inset - kh / 2 if rng.random() < 0.5 else w - inset + kh / 2
            centre = (x, float(rng.uniform(0.3, 0.7)) * h)
            angle += np.pi / 2
        shell = int(rng.integers(25, 60))
        draw.polygon(_rotated_box(centre, (kw, kh), angle), fill=(shell, shell, shell + 3))
        key, gap = 16.5 * scale, 2.5 * scale
        c, s = np.cos(angle), np.sin(angle)
        for row in range(6):
            for col in range(23):
                dx = -kw / 2 + 8 * scale + col * (key + gap) + key / 2 + (row % 2) * 4 * scale
                dy = -kh / 2 + 10 * scale + row * (key + gap) + key / 2
                if dx + key / 2 > kw / 2 - 6 * scale:
                    continue
                at = (centre[0] + dx * c - dy * s, centre[1] + dx * s + dy * c)
                tone = shell + int(rng.integers(10, 30))
                draw.polygon(_rotated_box(at, (key, key), angle), fill=(tone, tone, tone + 3))


def _hand_shadow(rng: np.random.Generator, frame: tuple[int, int], sheet: np.ndarray) -> np.ndarray:
    """How much of the light the phone and hand leave, per pixel: a soft-edged capsule (the arm
    and phone) reaching from a frame edge over part of the sheet, down to 45-70 % at its core."""
    w, h = frame
    x0, y0 = sheet.min(axis=0)
    x1, y1 = sheet.max(axis=0)
    side = int(rng.choice([0, 1, 2, 3], p=[0.45, 0.2, 0.2, 0.15]))  # bottom, left, right, top
    along = float(rng.uniform(0.15, 0.85))
    into = float(rng.uniform(0.15, 0.45))
    if side == 0:
        start, end = (x0 + along * (x1 - x0), h * 1.3), (x0 + along * (x1 - x0), y1 - into * (y1 - y0))
    elif side == 1:
        start, end = (-0.3 * w, y0 + along * (y1 - y0)), (x0 + into * (x1 - x0), y0 + along * (y1 - y0))
    elif side == 2:
        start, end = (1.3 * w, y0 + along * (y1 - y0)), (x1 - into * (x1 - x0), y0 + along * (y1 - y0))
    else:
        start, end = (x0 + along * (x1 - x0), -0.3 * h), (x0 + along * (x1 - x0), y0 + into * (y1 - y0))
    start = (start[0] + float(rng.uniform(-0.2, 0.2)) * w, start[1])
    radius = float(rng.uniform(0.1, 0.2)) * w
    soft = float(rng.uniform(0.05, 0.12)) * w
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    ax, ay = np.float32(end[0] - start[0]), np.float32(end[1] - start[1])
    t = np.clip(((xx - start[0]) * ax + (yy - start[1]) * ay) / (ax * ax + ay * ay), 0, 1)
    gap = np.hypot(xx - start[0] - t * ax, yy - start[1] - t * ay) - radius
    cover = 1.0 / (1.0 + np.exp(np.clip(gap / (soft / 4), -30, 30)))
    return 1.0 - (1.0 - float(rng.uniform(*HARD_SHADOW))) * cover


def _to_frame(
    sheet: Image.Image, coeffs: list[float], bend: _Bend, frame: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The bent sheet as the frame sees it: colours, coverage (0-1) and the relative depth per pixel."""
    import cv2  # the remap of twelve million points; numpy alone would take many seconds

    a, b, c, d, e, f, g, h = coeffs
    yy, xx = np.mgrid[0 : frame[1], 0 : frame[0]].astype(np.float32)
    den = g * xx + h * yy + 1.0
    u = (a * xx + b * yy + c) / den
    v = bend.inverse(u, (d * xx + e * yy + f) / den).astype(np.float32)
    u = u.astype(np.float32)
    source = np.asarray(sheet, dtype=np.uint8)
    colours = cv2.remap(
        source, u, v, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=(255, 255, 255)
    )
    ones = np.full(source.shape[:2], 1.0, dtype=np.float32)
    cover = cv2.remap(ones, u, v, cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=0.0)
    shade = bend.light(u, v).astype(np.float32)
    return colours.astype(np.float32) * shade[..., None], cover, 1.0 / den


def hard_phone_photo(pdf: bytes, *, seed: int, index: int = 0) -> bytes:
    """Page `index` photographed with a phone on a desk, the hard way (bounds in the module docstring)."""
    rng = _rng(seed, 3000 + index)
    sheet = render_page_image(pdf, index, RENDER_DPI).convert("RGB")
    stored = HARD_FRAMES[int(rng.integers(0, len(HARD_FRAMES)))]
    frame = (stored[1], stored[0])  # the scene upright: portrait
    turned = rng.random() < 0.6  # stored landscape with EXIF 6, else stored portrait
    focal = float(rng.uniform(0.72, 0.82)) * stored[0]  # 24-28 mm equivalent
    bend = _bend(rng, sheet.size)
    outline = _outline((0.0, 0.0, float(sheet.width), float(sheet.height)), bend)
    ink_outline = _outline(_ink_box(sheet), bend)
    dpi = float(rng.uniform(*HARD_DPI))
    cut = rng.random() < 0.2
    cut_mm = float(rng.uniform(*HARD_CUT_MM))
    area_in = sheet.width * sheet.height / RENDER_DPI**2
    state = rng.bit_generator.state
    for attempt in range(40):
        rng.bit_generator.state = state  # the same tilt and turn, a little farther away each time
        homography = _camera(rng, sheet.size, frame, dpi, focal)
        corners = _project(homography, outline[:4])
        # Aim at the asked effective resolution (the sheet's area in the frame).
        x, y = corners[:, 0], corners[:, 1]
        area_px = 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))
        zoom = dpi / np.sqrt(area_px / area_in)
        centre = np.array(frame, dtype=np.float64) / 2
        homography = (
            np.array([[zoom, 0, centre[0] * (1 - zoom)], [0, zoom, centre[1] * (1 - zoom)], [0, 0, 1]])
            @ homography
        )
        projected, ink = _project(homography, outline), _project(homography, ink_outline)
        shift = _place(rng, projected, ink, frame, cut_mm * dpi / 25.4 if cut else 0.0)
        if shift is not None:
            break
        if cut:
            cut = False  # that corner cannot go out with the text kept in: keep the sheet whole
        else:
            dpi *= 0.98
    else:
        raise ValueError("the sheet does not fit the frame")
    projected, corners = projected + shift, _project(homography, outline[:4]) + shift
    coeffs = _perspective_coefficients([(float(x), float(y)) for x, y in corners], sheet.size)
    # The paper's own tint, the desk and what lies on it.
    sheet_arr = np.asarray(sheet, dtype=np.float32) * rng.uniform(0.95, 1.0, 3).astype(np.float32)
    sheet = Image.fromarray(np.clip(sheet_arr, 0, 255).astype(np.uint8), "RGB")
    desk = _desk(rng, frame)
    _clutter(rng, desk, dpi / 25.4)
    colours, cover, depth = _to_frame(sheet, coeffs, bend, frame)
    # The lifted sheet's soft shadow on the desk, cast away from the light.
    mask = Image.fromarray(np.clip(cover * 255, 0, 255).astype(np.uint8), "L")
    offset = rng.uniform(-12, 12, 2).astype(int)
    drop = np.asarray(
        mask.filter(ImageFilter.GaussianBlur(float(rng.uniform(6, 20)))).transform(
            frame, Image.Transform.AFFINE, (1, 0, -offset[0], 0, 1, -offset[1])
        ),
        dtype=np.float32,
    ) / np.float32(255)
    desk_arr = np.asarray(desk, dtype=np.float32) * (1.0 - float(rng.uniform(0.15, 0.35)) * drop)[..., None]
    scene = desk_arr * (1.0 - cover)[..., None] + colours * cover[..., None]
    del desk_arr, colours
    # Light: a broad gradient, the hand's shadow, the lens's vignetting.
    w, h = frame
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    direction = float(rng.uniform(0, 2 * np.pi))
    ramp = (xx - w / 2) * np.float32(np.cos(direction)) + (yy - h / 2) * np.float32(np.sin(direction))
    ramp = (ramp - ramp.min()) / (ramp.max() - ramp.min())
    light = 1.0 - np.float32(rng.uniform(0.12, 0.35)) * ramp
    light *= _hand_shadow(rng, frame, projected)
    radius = np.hypot((xx - w / 2) / (w / 2), (yy - h / 2) / (h / 2)) / np.float32(np.sqrt(2.0))
    light *= 1.0 - np.float32(rng.uniform(0.12, 0.3)) * radius**2
    del xx, yy, ramp, radius
    scene *= light[..., None]
    # The camera exposes for the paper; its white balance is off.
    paper = scene[::8, ::8][cover[::8, ::8] > 0.99].max(axis=1)
    scene *= np.float32(rng.uniform(205, 240) / max(float(np.percentile(paper, 97)), 1.0))
    warmth, tint = float(rng.uniform(-1, 1)), float(rng.uniform(-0.03, 0.03))
    scene *= np.array([1 + 0.07 * warmth, 1 + tint, 1 - 0.12 * warmth], dtype=np.float32)
    photo = Image.fromarray(np.clip(np.rint(scene), 0, 255).astype(np.uint8), "RGB")
    del scene
    photo = _optics(rng, photo, depth, cover)
    # Sensor noise, stronger in the dark, some of it in colour blotches; then the phone sharpens.
    arr = np.asarray(photo, dtype=np.float32)
    level = float(rng.uniform(1.5, 4.5))
    sigma = level * (1.0 + 1.5 * (1.0 - arr.mean(axis=2, keepdims=True) / 255.0))
    arr += sigma * rng.normal(0.0, 1.0, size=(h, w, 1)).astype(np.float32)
    chroma = rng.normal(0.0, level * 0.6, size=(h // 4, w // 4, 3)).astype(np.float32)
    arr += np.stack(
        [
            np.asarray(Image.fromarray(chroma[..., k], "F").resize((w, h), Image.Resampling.BILINEAR))
            for k in range(3)
        ],
        axis=2,
    )
    photo = Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8), "RGB")
    del arr
    photo = photo.filter(
        ImageFilter.UnsharpMask(
            float(rng.uniform(1.2, 2.5)), int(rng.integers(60, 170)), int(rng.integers(1, 4))
        )
    )
    exif = Image.Exif()
    exif[0x010F] = "ocrmesh synth"  # Make
    exif[0x0110] = "phone camera (hard)"  # Model
    exif[0x011A] = exif[0x011B] = 72.0  # X/YResolution: what phones write, not the sheet's dpi
    exif[0x0128] = 2  # inches
    exif[EXIF_ORIENTATION] = 6 if turned else 1
    if turned:
        photo = photo.rotate(90, expand=True)  # the sensor's landscape frame; EXIF 6 turns it back
    quality = int(rng.integers(HARD_QUALITY[0], HARD_QUALITY[1] + 1))
    return _save(photo, "JPEG", quality=quality, dpi=(72, 72), exif=exif.tobytes())


def _optics(
    rng: np.random.Generator, photo: Image.Image, depth: np.ndarray, cover: np.ndarray
) -> Image.Image:
    """Defocus growing away from the focused point (the tilted sheet is not at one distance), or a
    shaken hand's motion blur; sigma within HARD_BLUR."""
    low, high = HARD_BLUR
    sharp = float(rng.uniform(low, 1.0))
    soft = photo.filter(ImageFilter.GaussianBlur(sharp))
    if rng.random() < 0.3:  # motion: a short streak, 2-4 px, any direction
        length, angle = float(rng.uniform(2.0, 4.0)), float(rng.uniform(0, np.pi))
        kernel = np.zeros((5, 5), dtype=np.float64)
        for t in np.linspace(-length / 2, length / 2, 41):
            kernel[round(2 + t * np.sin(angle)), round(2 + t * np.cos(angle))] += 1.0
        return soft.filter(ImageFilter.Kernel((5, 5), (kernel / kernel.sum()).ravel().tolist()))
    blurry = photo.filter(ImageFilter.GaussianBlur(float(rng.uniform(max(sharp, 1.1), high))))
    on_sheet = depth[cover > 0.5]
    focus = float(np.percentile(on_sheet, rng.uniform(30, 70)))
    reach = float(np.abs(on_sheet - focus).max()) * float(rng.uniform(0.6, 1.2))
    weight = np.clip(np.abs(depth - focus) / max(reach, 1e-6), 0, 1)
    mixed = (
        np.asarray(soft, dtype=np.float32) * (1 - weight[..., None])
        + np.asarray(blurry, dtype=np.float32) * weight[..., None]
    )
    return Image.fromarray(np.clip(np.rint(mixed), 0, 255).astype(np.uint8), "RGB")


def fax_tiff(pdf: bytes, *, seed: int, y_dpi: int) -> bytes:
    """Every page as a fax: 204 x `y_dpi` dpi, bilevel with a few flipped pixels, CCITT G4, one TIFF."""
    frames = []
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        count = doc.page_count
    for index in range(count):
        rng = _rng(seed, 2000 + index)
        sheet = render_page_image(pdf, index, RENDER_DPI).convert("L")
        size = (round(sheet.width * 204 / RENDER_DPI), round(sheet.height * y_dpi / RENDER_DPI))
        grey = np.asarray(sheet.resize(size, Image.Resampling.BOX), dtype=np.float32)
        grey += rng.normal(0.0, 18.0, size=grey.shape).astype(np.float32)  # transmission noise
        bits = Image.fromarray(np.where(grey < 150, 0, 255).astype(np.uint8), "L").convert("1", dither=None)
        frames.append(bits)
    buf = io.BytesIO()
    frames[0].save(
        buf, format="TIFF", compression="group4", dpi=(204, y_dpi), save_all=True, append_images=frames[1:]
    )
    return buf.getvalue()


# ---------------------------------------------------------------- statute

_TITLES = (
    "Geltungsbereich", "Begriffsbestimmungen", "Gegenstand des Unternehmens", "Stammkapital",
    "Geschäftsführung", "Vertretung", "Gesellschafterversammlung", "Beschlussfassung", "Jahresabschluss",
    "Gewinnverwendung", "Abtretung von Geschäftsanteilen", "Einziehung", "Kündigung", "Abfindung",
    "Wettbewerbsverbot", "Schriftform", "Haftung", "Gewährleistung", "Zahlungsbedingungen", "Fristen",
    "Datenschutz", "Vertraulichkeit", "Gerichtsstand", "Salvatorische Klausel", "Inkrafttreten",
)  # fmt: skip
_SENTENCES = (
    ("Die Gesellschaft wird durch einen oder mehrere Geschäftsführer vertreten, die von der "
     "Gesellschafterversammlung bestellt werden."),
    ("Über Änderungen dieses Vertrages beschließen die Gesellschafter mit einer Mehrheit von drei "
     "Vierteln der abgegebenen Stimmen."),
    ("Die Frist beginnt mit dem Zugang der schriftlichen Erklärung bei der Gesellschaft und endet "
     "nach Ablauf von drei Monaten."),
    ("Für die Vergütung gilt die Vereinbarung vom 12. März 2024; sie beträgt 8 500,00 € im Jahr "
     "zuzüglich der gesetzlichen Umsatzsteuer von 19 %."),
    ("Soweit dieser Vertrag nichts anderes bestimmt, gelten die Vorschriften des Gesetzes betreffend "
     "die Gesellschaften mit beschränkter Haftung."),
    ("Die Gesellschafter sind verpflichtet, über alle Angelegenheiten der Gesellschaft Stillschweigen "
     "zu bewahren, auch nach ihrem Ausscheiden."),
    ("Ein Anspruch auf Abfindung besteht nur, wenn der Anteil vollständig eingezahlt ist und die "
     "Einziehung nicht auf einem wichtigen Grund beruht."),
    ("Die Lieferung erfolgt an die Geschäftsstelle in der Königstraße 8, 80331 München, während der "
     "üblichen Geschäftszeiten."),
)  # fmt: skip
_REFERENCES = ("Abs. {a}", "Abs. {a} Satz {s}", "GmbHG", "BGB", "Abs. {a} Nr. {s}", "HGB")


@dataclass(frozen=True)
class Statute:
    pdf: bytes
    headings: list[list[str]]  # per page, the headings' "§ n" in order
    text: str  # the full text, for word recall


def statute_pdf(pages: int = 4, *, seed: int = 0) -> Statute:
    """A German statute-like contract: numbered ``§`` headings, paragraphs citing other sections."""
    rng = random.Random(seed)
    family = FAMILIES["liberation-serif"]
    doc = pymupdf.open()
    headings: list[list[str]] = []
    parts: list[str] = []
    number = 0
    margin, size = 72.0, 11.0
    for _ in range(pages):
        page = doc.new_page(width=A4.width, height=A4.height)
        c = Canvas(page, family)
        width = c.width - 2 * margin
        y = 90.0
        on_page: list[str] = []
        while True:
            number += 1
            heading = f"§ {number}"
            title = _TITLES[(number - 1) % len(_TITLES)]
            paragraphs = []
            for k in range(rng.randint(1, 3)):
                sentence = rng.choice(_SENTENCES)
                ref = rng.choice(_REFERENCES).format(a=rng.randint(1, 4), s=rng.randint(1, 3))
                cited = f"§ {rng.randint(1, max(1, number + 3))} {ref}"
                joined = f"({k + 1}) {sentence} Im Übrigen gilt {cited} entsprechend."
                paragraphs.append(joined)
            need = size * 2.2 + sum(len(c.wrap(p, width, size)) + 0.5 for p in paragraphs) * size * 1.35
            if y + need > c.height - 80 and on_page:
                number -= 1
                break
            c.text(margin, y, f"{heading} {title}", size + 1, bold=True)
            y += size * 2.0
            for paragraph in paragraphs:
                y = c.paragraph(margin, y, paragraph, width, size) + size * 0.5
            y += size * 0.8
            on_page.append(heading)
            parts.append(f"{heading} {title}\n" + "\n".join(paragraphs))
        headings.append(on_page)
    return Statute(
        finish(doc, title="Gesellschaftsvertrag", author="ocrmesh synth"), headings, "\n".join(parts)
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("input", nargs="?", type=Path)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--statute", action="store_true", help="write the statute and its scan instead")
    parser.add_argument("--pages", type=int, default=4)
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    if args.statute:
        statute = statute_pdf(args.pages, seed=args.seed)
        (args.outdir / "statute.pdf").write_bytes(statute.pdf)
        (args.outdir / "statute-scan.pdf").write_bytes(
            render_scanned_pdf(statute.pdf, seed=args.seed, dpi=SCAN_DPI)
        )
        return
    pdf = args.input.read_bytes()
    for kind in CAPTURES:
        made = capture(pdf, kind, seed=args.seed)
        (args.outdir / made.filename).write_bytes(made.content)


if __name__ == "__main__":
    main()
