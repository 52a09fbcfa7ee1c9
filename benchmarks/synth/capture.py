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
from PIL import Image

from benchmarks.synth.degrade import RENDER_DPI, _rng, degrade, render_page_image, render_scanned_pdf
from benchmarks.synth.pdfdraw import A4, FAMILIES, Canvas, finish

SCAN_DPI = 200
CAPTURES = ("upright", "upright-png", "upside-down", "sideways", "photo", "fax-fine", "fax-normal")
SINGLE_PAGE = frozenset({"upright-png", "sideways", "photo"})  # one image per page
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
    ``sideways``, ``photo``) show page `page`, the others every page."""
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
