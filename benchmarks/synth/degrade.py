"""Degrade page images the way an office scanner does, and make image-only PDFs.

An office scanner at 200 dpi greyscale gives: a page that is a little skewed
(white where the glass was empty), slightly soft strokes, sensor noise, paper
that is not quite white, and JPEG compression. `degrade` does exactly that,
deterministically for a seed; `render_scanned_pdf` turns a born-digital PDF
into the PDF such a scanner writes: one JPEG per page, no text layer, page
sizes unchanged.
"""

from __future__ import annotations

import io

import numpy as np
import pymupdf
from PIL import Image, ImageFilter

# Upper bound of the random skew: a sheet fed by hand or by an ADF.
MAX_ROTATION_DEG = 1.5
# Render resolution of the "paper" before it is scanned.
RENDER_DPI = 300
# Defaults of an office scanner: mild noise and blur, JPEG 75, greyscale.
DEFAULT_NOISE = 6.0
DEFAULT_BLUR = 0.6
DEFAULT_JPEG_QUALITY = 75
_OPTIONS = {
    "rotation_deg": None,
    "noise": DEFAULT_NOISE,
    "blur": DEFAULT_BLUR,
    "jpeg_quality": DEFAULT_JPEG_QUALITY,
    "grey": True,
}


def _rng(seed: int, *salt: int) -> np.random.Generator:
    return np.random.default_rng(np.random.SeedSequence([seed, *salt]))


def _degrade_to_jpeg(
    image: Image.Image,
    *,
    dpi_from: int,
    dpi_to: int,
    seed: int,
    rotation_deg: float | None,
    noise: float,
    blur: float,
    jpeg_quality: int,
    grey: bool,
) -> bytes:
    rng = _rng(seed)
    angle = float(rng.uniform(-MAX_ROTATION_DEG, MAX_ROTATION_DEG)) if rotation_deg is None else rotation_deg
    mode = "L" if grey else "RGB"
    fill = 255 if grey else (255, 255, 255)
    img = image.convert(mode)
    # Skew the sheet at the source resolution (finer than the scan), white where no paper.
    if angle:
        img = img.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=fill)
    # Sample at the scanner resolution; the sensor averages over its pixel area.
    if dpi_to != dpi_from:
        size = (max(1, round(img.width * dpi_to / dpi_from)), max(1, round(img.height * dpi_to / dpi_from)))
        img = img.resize(size, resample=Image.Resampling.LANCZOS)
    # Optics: strokes are a little soft.
    if blur > 0:
        img = img.filter(ImageFilter.GaussianBlur(radius=blur))
    # Paper is not white and toner not black; the sensor adds noise.
    arr = np.asarray(img, dtype=np.float32)
    black = float(rng.uniform(15.0, 35.0))
    white = float(rng.uniform(232.0, 248.0))
    arr = black + arr * ((white - black) / 255.0)
    if noise > 0:
        arr = arr + rng.normal(0.0, noise, size=arr.shape).astype(np.float32)
    img = Image.fromarray(np.clip(np.rint(arr), 0, 255).astype(np.uint8))  # 2-D: L, 3-D: RGB
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=jpeg_quality, dpi=(dpi_to, dpi_to))
    return buf.getvalue()


def degrade(
    image: Image.Image,
    *,
    dpi_from: int,
    dpi_to: int = 200,
    seed: int,
    rotation_deg: float | None = None,
    noise: float = DEFAULT_NOISE,
    blur: float = DEFAULT_BLUR,
    jpeg_quality: int = DEFAULT_JPEG_QUALITY,
    grey: bool = True,
) -> Image.Image:
    """Return `image` (rendered at `dpi_from`) as an office scanner at `dpi_to` would see it.

    `rotation_deg` defaults to a random skew in +-1.5 degrees, `noise` is the
    standard deviation of gaussian sensor noise in 8-bit grey levels, `blur`
    the gaussian blur radius in output pixels. Deterministic for a seed.
    """
    data = _degrade_to_jpeg(
        image,
        dpi_from=dpi_from,
        dpi_to=dpi_to,
        seed=seed,
        rotation_deg=rotation_deg,
        noise=noise,
        blur=blur,
        jpeg_quality=jpeg_quality,
        grey=grey,
    )
    out = Image.open(io.BytesIO(data))
    out.load()
    return out


def _render(page: pymupdf.Page, dpi: int) -> Image.Image:
    pix = page.get_pixmap(dpi=dpi, alpha=False)
    return Image.frombytes("RGB", (pix.width, pix.height), pix.samples)


def render_page_png(pdf_bytes: bytes, page_index: int, dpi: int) -> bytes:
    """Render one page of a PDF to PNG bytes at `dpi`."""
    with pymupdf.open(stream=pdf_bytes, filetype="pdf") as doc:
        return doc[page_index].get_pixmap(dpi=dpi, alpha=False).tobytes("png")


def render_page_image(pdf_bytes: bytes, page_index: int, dpi: int) -> Image.Image:
    """Render one page of a PDF to an RGB PIL image at `dpi`."""
    with pymupdf.open(stream=pdf_bytes, filetype="pdf") as doc:
        return _render(doc[page_index], dpi)


def render_scanned_pdf(pdf_bytes: bytes, *, seed: int, dpi: int = 200, **kw) -> bytes:
    """Print `pdf_bytes` and scan it back: an image-only PDF, one degraded JPEG per page.

    Each page is rendered at 300 dpi, degraded with `degrade(..., dpi_to=dpi)`
    (further keyword arguments go to `degrade`; every page gets its own seed
    derived from `seed`) and placed on a page of the original size.
    """
    unknown = set(kw) - set(_OPTIONS)
    if unknown:
        raise TypeError(
            f"render_scanned_pdf() got unknown options {sorted(unknown)}; known: {sorted(_OPTIONS)}"
        )
    options = {**_OPTIONS, **kw}
    out = pymupdf.open()
    with pymupdf.open(stream=pdf_bytes, filetype="pdf") as doc:
        for index, page in enumerate(doc):
            page_seed = int(_rng(seed, index).integers(0, 2**31 - 1))
            jpeg = _degrade_to_jpeg(
                _render(page, RENDER_DPI),
                dpi_from=RENDER_DPI,
                dpi_to=dpi,
                seed=page_seed,
                **options,
            )
            rect = page.rect
            new = out.new_page(width=rect.width, height=rect.height)
            new.insert_image(new.rect, stream=jpeg)
    out.set_metadata(
        {
            "producer": "ocrmesh synth scanner",
            "creator": "ocrmesh synth scanner",
            "creationDate": "D:20240101000000Z",
            "modDate": "D:20240101000000Z",
        }
    )
    data = out.tobytes(garbage=3, deflate=True, no_new_id=True)
    out.close()
    return data
