"""Open a document once, check it, and hand out its pages.

Every engine reads documents through `open_document`: PDF pages are rendered
with PyMuPDF at the requested resolution, images are decoded with Pillow
(multi-page TIFF included). Everything that can go wrong with the input turns
into an `IntakeError` whose message a person understands.

PyMuPDF is not thread-safe, so every call into it holds `PYMUPDF_LOCK`
(`services/intake/mupdf_lock.py`).
"""

from __future__ import annotations

import hashlib
import io
import threading
import warnings
from dataclasses import dataclass, field

import pymupdf
from PIL import Image, ImageOps, UnidentifiedImageError

from services.intake.cancel import WorkCancelled, check_cancelled
from services.intake.capture import CaptureFacts, displayed_size, image_facts, pdf_page_facts, square_pixels
from services.intake.errors import IntakeError
from services.intake.limits import IntakeLimits
from services.intake.mupdf_lock import PYMUPDF_LOCK, holds_pymupdf_lock
from services.intake.pdfstreams import check_page_box, check_streams, streams_checked
from services.intake.sniff import DocumentType, sniff

pymupdf.TOOLS.mupdf_display_errors(False)
pymupdf.TOOLS.mupdf_display_warnings(False)
# We check pixel counts ourselves before decoding; Pillow's own bomb check
# would raise a warning or an exception of its own type.
Image.MAX_IMAGE_PIXELS = None


@dataclass
class LoadedDocument:
    """A checked document. Close it when done (or use it as a context manager)."""

    kind: DocumentType
    content: bytes
    page_count: int
    sha256: str
    limits: IntakeLimits
    pdf: pymupdf.Document | None = None
    _image: Image.Image | None = None
    warnings: list[str] = field(default_factory=list)

    def __enter__(self) -> LoadedDocument:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.pdf is not None:
            with PYMUPDF_LOCK:
                self.pdf.close()
                self.pdf = None
        if self._image is not None:
            self._image.close()
            self._image = None

    def page_size(self, index: int) -> tuple[float, float]:
        """Page width and height: PDF points for PDFs, pixels for images (as rendered: EXIF-turned, square pixels)."""
        self._check_index(index)
        if self.pdf is not None:
            with PYMUPDF_LOCK:
                rect = self.pdf[index].rect
            return float(rect.width), float(rect.height)
        assert self._image is not None
        with _IMAGE_LOCK:
            self._image.seek(index)
            width, height = displayed_size(self._image)
        return float(width), float(height)

    def render(self, index: int, dpi: int | None = None) -> Image.Image:
        """Page `index` (0-based) as an RGB or greyscale image.

        PDF pages are rasterised at `dpi` (clamped so the image stays within the
        pixel limit); image pages are returned as stored, EXIF rotation applied
        and pixels made square (a fax at 204 x 98 dpi, `capture.square_pixels`).
        """
        self._check_index(index)
        if self.pdf is not None:
            image = self._render_pdf_page(index, dpi or self.limits.default_dpi)
            _forget_decoded()
            return image
        assert self._image is not None
        with _IMAGE_LOCK:
            self._image.seek(index)
            frame = self._image.copy()
        try:
            frame = ImageOps.exif_transpose(frame)
        except Exception:  # broken EXIF must not lose the page
            pass
        frame = square_pixels(frame)
        if frame.mode == "1":
            frame = frame.convert("L")
        elif frame.mode not in ("RGB", "L"):
            frame = frame.convert("RGB")
        return frame

    def capture(self, index: int, dpi: int | None = None) -> CaptureFacts:
        """How page `index` was captured, as the file says (`services/intake/capture.py`).

        For a PDF page, `dpi` is the resolution it is rendered at (the fallback resolution).
        """
        self._check_index(index)
        if self.pdf is not None:
            with PYMUPDF_LOCK:
                return pdf_page_facts(self.pdf[index], dpi or self.limits.default_dpi)
        assert self._image is not None
        with _IMAGE_LOCK:
            self._image.seek(index)
            return image_facts(self._image)

    @holds_pymupdf_lock
    def _render_pdf_page(self, index: int, dpi: int) -> Image.Image:
        dpi = max(self.limits.min_dpi, min(self.limits.max_dpi, dpi))
        assert self.pdf is not None
        with PYMUPDF_LOCK:
            page = self.pdf[index]
            w_in, h_in = page.rect.width / 72.0, page.rect.height / 72.0
            pixels = w_in * h_in * dpi * dpi
            if pixels > self.limits.max_page_pixels:
                dpi = int((self.limits.max_page_pixels / (w_in * h_in)) ** 0.5)
                if dpi < self.limits.min_dpi:
                    raise IntakeError(
                        f"page {index + 1} is too large to render ({w_in:.0f} x {h_in:.0f} inches)"
                    )
            try:
                pix = page.get_pixmap(dpi=dpi, alpha=False)
            except Exception as exc:  # MuPDF raises plain RuntimeError/ValueError
                raise IntakeError(f"page {index + 1} of the PDF cannot be rendered: {exc}") from exc
            mode = "L" if pix.n == 1 else "RGB"
            return Image.frombytes(mode, (pix.width, pix.height), pix.samples)

    def _check_index(self, index: int) -> None:
        if not 0 <= index < self.page_count:
            raise IntakeError(f"page {index + 1} does not exist; the document has {self.page_count} pages")


_IMAGE_LOCK = threading.Lock()


def _forget_decoded() -> None:
    """Empty MuPDF's store once a rendered page is dropped.

    MuPDF keeps what it decoded to draw a page (a scan's page image: 11 MB at 200 dpi, fonts) in
    one store per process, up to 256 MB. We draw each page once, so a long scan only piled its
    decoded pages up there (measured: +3.6 MB per rendered page; benchmarks/bench_long_document.py).
    A born-digital page's fonts are read again for the next page: 99 instead of 94 ms to draw a
    dataset invoice page at 300 dpi (median of 67 pages).
    """
    with PYMUPDF_LOCK:
        pymupdf.TOOLS.store_shrink(100)


def open_document(content: bytes, limits: IntakeLimits | None = None) -> LoadedDocument:
    """Check `content` and open it. Raises IntakeError for anything unreadable."""
    limits = limits or IntakeLimits()
    if len(content) > limits.max_bytes:
        raise IntakeError(
            f"the document is too large: {len(content) / 1e6:.1f} MB, the limit is {limits.max_bytes / 1e6:.0f} MB"
        )
    kind = sniff(content)
    digest = hashlib.sha256(content).hexdigest()
    if kind is DocumentType.PDF:
        pdf, notes = _open_pdf(content, limits, digest)
        return LoadedDocument(kind, content, pdf.page_count, digest, limits, pdf=pdf, warnings=notes)
    if kind is DocumentType.XML:
        return LoadedDocument(kind, content, 0, digest, limits)
    image, frames = _open_image(content, kind, limits)
    return LoadedDocument(kind, content, frames, digest, limits, _image=image)


def _open_pdf(content: bytes, limits: IntakeLimits, digest: str) -> tuple[pymupdf.Document, list[str]]:
    notes: list[str] = []
    with PYMUPDF_LOCK:
        try:
            pdf = pymupdf.open(stream=content, filetype="pdf")
        except Exception as exc:
            raise IntakeError(f"the PDF is damaged and cannot be opened ({exc})") from exc
        try:
            if pdf.needs_pass:
                raise IntakeError(
                    "the PDF is password-protected; remove the password (or print it to a new PDF) and send it again"
                )
            try:
                pdf.page_count  # noqa: B018 (MuPDF counts the page tree here and may find it broken)
            except RuntimeError as exc:
                raise IntakeError(f"the PDF's page tree is damaged ({exc})") from exc
            if pdf.page_count == 0:
                raise IntakeError("the PDF has no pages (it is damaged or truncated)")
            if pdf.page_count > limits.max_pages:
                raise IntakeError(f"the PDF has {pdf.page_count} pages, the limit is {limits.max_pages}")
            tail = content[-2048:]
            if pdf.is_repaired and b"%%EOF" not in tail:
                raise IntakeError("the PDF is truncated (its end is missing); send the complete file")
            if pdf.is_repaired:
                notes.append("the PDF was damaged and has been repaired; check the result")
            for index in range(pdf.page_count):
                check_cancelled()
                try:
                    rect = pdf[index].rect
                except Exception as exc:
                    raise IntakeError(f"page {index + 1} of the PDF is damaged ({exc})") from exc
                if rect.is_empty or rect.is_infinite:
                    raise IntakeError(f"page {index + 1} of the PDF has no valid size")
                check_page_box(index, rect, limits)
            streams_checked.check(digest, limits, lambda: check_streams(pdf, limits))
        except BaseException:
            pdf.close()
            raise
    return pdf, notes


def _open_image(content: bytes, kind: DocumentType, limits: IntakeLimits) -> tuple[Image.Image, int]:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            image = Image.open(io.BytesIO(content))
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise IntakeError(f"the {kind.name} image is damaged and cannot be opened ({exc})") from exc
    frames = getattr(image, "n_frames", 1)
    if frames > limits.max_pages:
        image.close()
        raise IntakeError(f"the image has {frames} pages, the limit is {limits.max_pages}")
    for index in range(frames):
        try:
            check_cancelled()
            image.seek(index)
        except WorkCancelled:
            image.close()
            raise
        except EOFError as exc:
            image.close()
            raise IntakeError(f"the {kind.name} image is truncated at page {index + 1}") from exc
        width, height = image.size
        if width * height > limits.max_page_pixels:
            image.close()
            raise IntakeError(
                f"the image is too large: {width} x {height} pixels, "
                f"the limit is {limits.max_page_pixels / 1e6:.0f} megapixels per page"
            )
        try:
            image.load()  # decode now: a truncated file fails here, not in a worker
        except (OSError, SyntaxError, ValueError) as exc:
            image.close()
            raise IntakeError(f"the {kind.name} image is damaged or truncated ({exc})") from exc
    image.seek(0)
    return image, frames
