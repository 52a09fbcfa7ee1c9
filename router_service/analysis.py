"""Cheap document analysis that routing decisions rest on (well under 50 ms a page).

Per page: text-layer characters (born digital or scanned). Born-digital pages:
layout figures, i.e. text coverage, text blocks and ruling lines (vector
strokes). Scans: image resolution, sharpness (variance of the Laplacian on a
100 dpi greyscale render), skew (projection-profile search) and ruling lines
(long dark pixel runs). From these the page's tables and layout complexity.
Per document: embedded e-invoice XML (attachment names), known supplier, page
count.

`analyse(..., lazy=True)` (the router's way) measures up front only what
every routing decision needs: the text layer of every page, the e-invoice
attachment and, for scans, the full image-quality analysis. A born-digital
page's layout figures (the words and vector drawings pass) and the supplier
lookup are measured when a rule asks for them (`require_layout`,
`require_supplier`, called by the planner while the document is still open);
`release()` then forgets the document, and whatever no rule asked for stays
unmeasured: the page's explanation names it as skipped. A skipped page's
layout is then taken from its backend's result (`adopt_reported_layouts`:
`pdftext` measures every page it reads, with the same code,
`services.intake.layout`), so the routing features and the document's layout
complexity still have it.

PyMuPDF is not thread-safe: every call into it holds PYMUPDF_LOCK.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pymupdf
import structlog
import yaml
from PIL import Image

from ocrmesh.v1 import ocr_pb2 as pb
from router_service.rules import Thresholds
from services.intake.cancel import check_cancelled
from services.intake.document import PYMUPDF_LOCK, LoadedDocument, open_document
from services.intake.errors import IntakeError
from services.intake.layout import (
    LAYOUT_TO_PROTO,
    PROTO_TO_LAYOUT,
    LayoutName,
    classify_layout,
    has_tables,
    most_complex,
    text_layer_figures,
)
from services.intake.limits import IntakeLimits
from services.intake.mupdf_lock import holds_pymupdf_lock
from services.intake.ocrlayer import earlier_ocr_layer
from services.intake.pageprep import A4_SHORT_EDGE_INCHES
from services.intake.pagetext import PAGE_SEPARATOR
from services.intake.sniff import DocumentType
from services.pdftext.textlayer import is_usable, visible_chars

log = structlog.get_logger("ocrmesh.router.analysis")

ANALYSIS_DPI = 100
# Pixels of the analysis render: an A4 page at 100 dpi is about 1 MP; a larger page is rendered coarser.
ANALYSIS_MAX_PIXELS = 8_000_000
# A dark pixel run at least this long (inches) is a ruling line, not a character.
MIN_RULE_INCHES = 0.8
SKEW_RANGE_DEGREES = 6.0
SKEW_STEP_DEGREES = 0.25
SKEW_MAX_SAMPLES = 30_000
SUPPLIERS_DIR = Path(__file__).resolve().parents[1] / "config" / "suppliers"
# Mediabox clipping only (no ligature or whitespace preservation): 0.2 instead of 0.5 ms a page, same counts.
TEXTPAGE_FLAGS = pymupdf.TEXT_MEDIABOX_CLIP
# A born-digital page's figures that only layout/tables rules need, in the words of the explanation.
LAYOUT_FIGURES = "coverage, text blocks, ruling lines and layout"


@dataclass
class PageAnalysis:
    number: int  # 1-based
    text_chars: int = 0
    text_coverage: float = 0.0
    born_digital: bool = False
    text_blocks: int = 0
    ruling_lines: int = 0
    image_dpi: float = 0.0
    sharpness: float = 0.0
    skew_degrees: float = 0.0
    layout: LayoutName = "unknown"
    tables: bool = False
    poor_scan: bool = False
    # False when a born-digital page's layout figures (coverage, text blocks, ruling lines, tables,
    # layout) were not measured: lazy analysis and no rule needed them (yet). Their fields stay 0/unknown,
    # except `layout` once taken from the backend's result (`DocumentAnalysis.adopt_reported_layouts`).
    layout_measured: bool = True
    # The backend whose reported layout `layout` is ("" when measured here or unknown).
    layout_reported_by: str = ""
    # The backend whose reading of the text layer `text_chars` counts ("" when the router read it):
    # a page presumed born digital and confirmed by its text-layer backend (router_service/presumption.py).
    text_read_by: str = ""
    # A scan whose text layer is an earlier OCR's invisible text (`earlier_ocr_layer`): read again by OCR.
    earlier_ocr: bool = False

    def to_proto(self) -> pb.PageFeatures:
        return pb.PageFeatures(
            page_number=self.number,
            text_coverage=self.text_coverage,
            text_chars=self.text_chars,
            born_digital=self.born_digital,
            ruling_lines=self.ruling_lines,
            image_dpi=self.image_dpi,
            sharpness=self.sharpness,
            skew_degrees=self.skew_degrees,
            layout_complexity=LAYOUT_TO_PROTO[self.layout],
        )

    def describe(self) -> str:
        """The figures behind the decision, in words."""
        if self.born_digital and not self.layout_measured:
            read = f" (as {self.text_read_by} read it)" if self.text_read_by else ""
            return f"text layer {self.text_chars} chars{read}; {LAYOUT_FIGURES} skipped (no rule needed them)"
        if self.born_digital:
            return (
                f"text layer {self.text_chars} chars (coverage {self.text_coverage:.2f}), "
                f"{self.ruling_lines} ruling lines, {self.text_blocks} text blocks, layout {self.layout}"
            )
        layer = "an earlier OCR's invisible text layer of " if self.earlier_ocr else ""
        return (
            f"scanned ({layer}{self.text_chars} text-layer chars; image {self.image_dpi:.0f} dpi, "
            f"sharpness {self.sharpness:.0f}, skew {self.skew_degrees:+.1f}°), "
            f"{self.ruling_lines} ruling lines, layout {self.layout}"
            + (", poor scan" if self.poor_scan else "")
        )


class FigureUnavailable(RuntimeError):
    """A rule needs a figure that can no longer (or, in a presumed analysis, cannot) be measured."""


@dataclass
class _Pending:
    """What measuring the pending features takes, while the document is open."""

    pdf: pymupdf.Document | None
    thresholds: Thresholds
    suppliers: SupplierLookup | None


@dataclass
class DocumentAnalysis:
    kind: DocumentType
    page_count: int
    pages: list[PageAnalysis]  # the requested pages only
    has_einvoice: bool = False
    einvoice: pb.EInvoice | None = None
    supplier_id: str = ""
    # False when the supplier lookup did not run: lazy analysis and no rule needed it (yet).
    supplier_checked: bool = True
    batch: bool = False
    seconds: float = 0.0  # every measurement so far, pending ones measured on demand included
    warnings: list[str] = field(default_factory=list)
    # Text layer of the requested pages ("" for scans), for the supplier lookup and the document type.
    texts: list[str] = field(default_factory=list, repr=False)
    # The document's type as its text layer (or e-invoice) tells it; "" when neither says anything
    # (a scan: its type is known only after OCR); None until a rule asked.
    document_type: str | None = None
    _pending: _Pending | None = field(default=None, repr=False, compare=False)

    def require_layout(self, page: PageAnalysis) -> None:
        """Measure a born-digital page's layout figures now (a rule needs them), unless done already."""
        if page.layout_measured:
            return
        pending = self._require_pending(f"the layout figures of page {page.number}")
        assert pending.pdf is not None  # only PDF pages are born digital
        started = time.perf_counter()
        with unreadable_page_is_intake_error(page.number - 1):
            _measure_born_digital_layout(pending.pdf, page, pending.thresholds)
        self.seconds += time.perf_counter() - started

    def require_supplier(self) -> str:
        """The known supplier's id ("" if none), looked up now if no rule needed it yet."""
        if not self.supplier_checked:
            pending = self._require_pending("the supplier lookup")
            started = time.perf_counter()
            self.supplier_id = _match_supplier(pending.suppliers, self.texts)
            self.supplier_checked = True
            self.seconds += time.perf_counter() - started
        return self.supplier_id

    def require_document_type(self) -> str:
        """The document's type from its text layer or e-invoice ("" for a scan), decided now if no rule asked yet."""
        if self.document_type is None:
            if not self.texts and any(page.born_digital for page in self.pages):
                self._require_pending("the document type")  # a presumption read no text
            started = time.perf_counter()
            self.document_type = _classify(self.texts, self.einvoice)
            self.seconds += time.perf_counter() - started
        return self.document_type

    def complete(self) -> None:
        """Measure every feature still pending."""
        for page in self.pages:
            self.require_layout(page)
        self.require_supplier()
        self.require_document_type()

    def release(self) -> None:
        """Forget the document (it is about to close); what is still pending stays unmeasured."""
        self._pending = None
        self.texts = []

    def adopt_reported_layouts(self, results: Iterable[pb.PageResult]) -> dict[str, list[int]]:
        """Give pages whose layout was skipped here the layout their backend reported.

        `pdftext` measures the layout of every page it reads (`PageResult.layout_complexity`); a page
        measured here keeps its own figures (the ones routing used). Returns the adopting pages'
        numbers by backend.
        """
        reported = {r.page_number: r for r in results if r.layout_complexity != pb.LAYOUT_COMPLEXITY_UNSPECIFIED}
        adopted: dict[str, list[int]] = {}
        for page in self.pages:
            result = reported.get(page.number)
            if page.layout_measured or result is None:
                continue
            page.layout = PROTO_TO_LAYOUT.get(result.layout_complexity, "unknown")
            page.layout_reported_by = result.backend
            adopted.setdefault(result.backend, []).append(page.number)
        return adopted

    def _require_pending(self, what: str) -> _Pending:
        if self._pending is None:
            raise FigureUnavailable(f"{what} cannot be measured: the document was released (or never given)")
        return self._pending

    @property
    def layout(self) -> LayoutName:
        """The most complex page's layout ("unknown" without pages or while any page's is unknown)."""
        return most_complex(p.layout for p in self.pages)

    @property
    def document_kind(self) -> str:
        if self.kind is DocumentType.XML:
            return "xml"
        return "pdf" if self.kind is DocumentType.PDF else "image"


# ---------------------------------------------------------------- raster measures


def laplacian_variance(gray: np.ndarray) -> float:
    """Variance of the 4-neighbour Laplacian: low means blurred."""
    g = gray.astype(np.float32)
    lap = g[1:-1, :-2] + g[1:-1, 2:] + g[:-2, 1:-1] + g[2:, 1:-1] - 4 * g[1:-1, 1:-1]
    return float(lap.var()) if lap.size else 0.0


def estimate_skew(dark: np.ndarray) -> float:
    """Skew in degrees (positive = text rising to the right) by projection-profile search."""
    ys, xs = np.nonzero(dark)
    if ys.size < 200:
        return 0.0
    if ys.size > SKEW_MAX_SAMPLES:
        pick = np.random.default_rng(0).choice(ys.size, SKEW_MAX_SAMPLES, replace=False)
        ys, xs = ys[pick], xs[pick]
    xs = xs - dark.shape[1] / 2
    height = dark.shape[0]

    def score(angle: float) -> float:
        shifted = np.round(ys + xs * np.tan(np.radians(angle))).astype(np.int64)
        shifted = shifted[(shifted >= 0) & (shifted < height)]
        return float(np.square(np.bincount(shifted, minlength=height).astype(np.float64)).sum())

    coarse = np.arange(-SKEW_RANGE_DEGREES, SKEW_RANGE_DEGREES + 1e-9, 1.0)
    best = float(max(coarse, key=score))
    fine = np.arange(best - 1.0, best + 1.0 + 1e-9, SKEW_STEP_DEGREES)
    return round(float(max(fine, key=score)), 2)


def _count_runs(mask: np.ndarray) -> int:
    """Number of groups of consecutive True values (a thick line counts once)."""
    if not mask.any():
        return 0
    padded = np.concatenate(([False], mask))
    return int(np.count_nonzero(padded[1:] & ~padded[:-1]))


def raster_ruling_lines(dark: np.ndarray, dpi: float) -> int:
    """Horizontal and vertical lines: rows/columns holding a dark run of MIN_RULE_INCHES or more."""
    length = max(8, int(MIN_RULE_INCHES * dpi))
    total = 0
    for axis_image in (dark, dark.T):
        if axis_image.shape[1] <= length:
            continue
        cs = np.cumsum(axis_image, axis=1, dtype=np.int32)
        cs = np.concatenate((np.zeros((cs.shape[0], 1), np.int32), cs), axis=1)
        has_run = ((cs[:, length:] - cs[:, :-length]) >= length).any(axis=1)
        total += _count_runs(has_run)
    return total


def _scan_measures(page: PageAnalysis, gray: np.ndarray, dpi: float) -> None:
    dark = gray < 128
    page.sharpness = round(laplacian_variance(gray), 1)
    page.skew_degrees = estimate_skew(dark)
    page.ruling_lines = raster_ruling_lines(dark, dpi)


# ---------------------------------------------------------------- classification


def classify(page: PageAnalysis, t: Thresholds) -> None:
    """Set tables, poor_scan and layout from the measured figures."""
    page.tables = has_tables(page.ruling_lines, t)
    if not page.born_digital:
        page.poor_scan = (
            (0 < page.image_dpi < t.poor_scan_dpi)
            or page.sharpness < t.poor_scan_sharpness
            or abs(page.skew_degrees) > t.poor_scan_skew_degrees
        )
    page.layout = classify_layout(page.ruling_lines, page.text_blocks, t, poor_scan=page.poor_scan)


def _layout_figures(page: pymupdf.Page, textpage: pymupdf.TextPage, result: PageAnalysis) -> None:
    """Coverage, text blocks and ruling lines of a born-digital page (the caller holds PYMUPDF_LOCK)."""
    figures = text_layer_figures(page, page.get_text("words", textpage=textpage))
    result.text_blocks = figures.text_blocks
    result.text_coverage = figures.text_coverage
    result.ruling_lines = figures.ruling_lines
    result.layout_measured = True


def _measure_born_digital_layout(pdf: pymupdf.Document, result: PageAnalysis, t: Thresholds) -> None:
    """A pending page's layout figures, then its tables and layout."""
    _measure_layout_figures(pdf, result)
    classify(result, t)


@holds_pymupdf_lock
def _measure_layout_figures(pdf: pymupdf.Document, result: PageAnalysis) -> None:
    page = pdf[result.number - 1]
    _layout_figures(page, page.get_textpage(flags=TEXTPAGE_FLAGS), result)


@contextmanager
def unreadable_page_is_intake_error(index: int) -> Iterator[None]:
    """MuPDF's errors on a hostile page (e.g. "too many nested graphics states") as an IntakeError."""
    try:
        yield
    except (RuntimeError, ValueError) as exc:
        raise IntakeError(f"page {index + 1} of the PDF cannot be read ({exc})") from exc


def analysis_dpi(rect: pymupdf.Rect) -> int:
    """ANALYSIS_DPI, lowered for a page so large that its render would exceed ANALYSIS_MAX_PIXELS."""
    square_inches = max(1e-6, rect.width * rect.height / (72.0 * 72.0))
    return max(1, min(ANALYSIS_DPI, int((ANALYSIS_MAX_PIXELS / square_inches) ** 0.5)))


def _analyse_pdf_page(
    pdf: pymupdf.Document, index: int, t: Thresholds, *, lazy: bool
) -> tuple[PageAnalysis, str]:
    """The page's figures and its text layer ("" for a scan); `lazy` leaves a born-digital page's layout pending."""
    result, text, scan = _read_pdf_page(pdf, index, lazy=lazy)
    if scan is not None:
        gray, dpi = scan
        _scan_measures(result, gray, dpi)
    if not (result.born_digital and not result.layout_measured):  # a lazy page's layout stays pending
        classify(result, t)
    return result, text


@holds_pymupdf_lock
def _read_pdf_page(
    pdf: pymupdf.Document, index: int, *, lazy: bool
) -> tuple[PageAnalysis, str, tuple[np.ndarray, int] | None]:
    """What MuPDF tells of the page: its figures, text layer, and for a scan its greyscale render and dpi."""
    result = PageAnalysis(number=index + 1)
    page = pdf[index]
    # Built once, every text query below reuses it.
    textpage = page.get_textpage(flags=TEXTPAGE_FLAGS)
    text = page.get_text("text", textpage=textpage)
    result.text_chars, bad_share = visible_chars(text)
    if is_usable(result.text_chars, bad_share):
        result.earlier_ocr = earlier_ocr_layer(page)
        result.born_digital = not result.earlier_ocr
    if result.born_digital:
        if lazy:
            result.layout_measured = False
            return result, text, None
        _layout_figures(page, textpage, result)
        return result, text, None
    text = ""
    images = page.get_image_info()
    if images:
        largest = max(images, key=lambda i: abs(pymupdf.Rect(i["bbox"]).get_area()))
        bbox = pymupdf.Rect(largest["bbox"])
        if bbox.width > 0:
            result.image_dpi = round(largest["width"] / (bbox.width / 72.0), 1)
    dpi = analysis_dpi(page.rect)
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY, alpha=False)
    gray = np.frombuffer(pix.samples, np.uint8).reshape(pix.height, pix.width)
    return result, text, (gray, dpi)


def _analyse_image_page(document: LoadedDocument, index: int, t: Thresholds) -> PageAnalysis:
    result = PageAnalysis(number=index + 1)
    image = document.render(index)
    width_px = image.width
    dpi_info = image.info.get("dpi")
    stated = float(dpi_info[0]) if dpi_info and dpi_info[0] and float(dpi_info[0]) > 1 else 0.0
    result.image_dpi = round(stated or width_px / A4_SHORT_EDGE_INCHES, 1)
    scale = min(1.0, ANALYSIS_DPI / max(1.0, result.image_dpi))
    small = image.convert("L")
    if scale < 1.0:
        small = small.resize(
            (max(1, int(image.width * scale)), max(1, int(image.height * scale))), Image.BILINEAR
        )
    gray = np.asarray(small)
    _scan_measures(result, gray, result.image_dpi * scale)
    classify(result, t)
    return result


def analyse(
    document: LoadedDocument,
    indices: range,
    thresholds: Thresholds,
    suppliers: SupplierLookup | None = None,
    *,
    lazy: bool = False,
    requested_pages: int | None = None,
    other_texts: Sequence[str] = (),
) -> DocumentAnalysis:
    """Analyse pages `indices` (0-based) of an opened document. Blocking (run it on a thread).

    With `lazy`, born-digital layout figures and the supplier lookup stay pending (see the module
    docstring); the document must stay open until `release()`. When `indices` are part of a request
    whose other pages were read elsewhere (a text-layer backend confirmed them), `requested_pages`
    counts all of them for the batch flag and `other_texts` (their text) joins the supplier lookup.
    """
    started = time.perf_counter()
    analysis = DocumentAnalysis(kind=document.kind, page_count=document.page_count, pages=[])
    if document.kind is DocumentType.XML:
        analysis.einvoice = _xml_einvoice(document.content)
        analysis.has_einvoice = analysis.einvoice is not None
    elif document.kind is DocumentType.PDF:
        assert document.pdf is not None
        analysis.has_einvoice = has_einvoice_attachment(document.pdf)
        for index in indices:
            check_cancelled()
            with unreadable_page_is_intake_error(index):
                page, text = _analyse_pdf_page(document.pdf, index, thresholds, lazy=lazy)
            analysis.pages.append(page)
            analysis.texts.append(text)
    else:
        for index in indices:
            check_cancelled()
            analysis.pages.append(_analyse_image_page(document, index, thresholds))
            analysis.texts.append("")
    analysis.batch = (requested_pages or len(analysis.pages)) >= thresholds.batch_pages
    analysis.texts.extend(other_texts)
    analysis._pending = _Pending(document.pdf, thresholds, suppliers)
    analysis.supplier_checked = suppliers is None or not any(analysis.texts)  # else nothing to look up
    analysis.seconds = time.perf_counter() - started
    if not lazy:
        analysis.complete()  # only the supplier lookup is left
        analysis.release()
    return analysis


def _classify(texts: Sequence[str], einvoice: pb.EInvoice | None) -> str:
    """The document type by services.doctype, or "" when there is no text and no XML to tell it."""
    text = PAGE_SEPARATOR.join(texts)
    if not text.strip() and einvoice is None:
        return ""
    from services.doctype.classify import classify_document

    return classify_document(text, einvoice).type


def _match_supplier(suppliers: SupplierLookup | None, texts: list[str]) -> str:
    return suppliers.match("\n".join(texts)) if suppliers is not None and any(texts) else ""


# ---------------------------------------------------------------- optional collaborators


_EINVOICE_NAME = re.compile(r"zugferd|factur-?x|xrechnung|invoice", re.IGNORECASE)


def has_einvoice_attachment(pdf: pymupdf.Document) -> bool:
    """Whether the PDF carries an XML attachment (cheap: names only).

    The XML itself is read by the backend that gets the pages (`pdftext`
    returns it with its result); the servicer reads it only when no backend
    did (`find_einvoice`), so a routed invoice does not pay for it twice.
    """
    with PYMUPDF_LOCK:
        names = pdf.embfile_names()
    # Older ZUGFeRD writers named the attachment without ".xml" ("ZUGFeRD-invoice").
    return any(name.lower().endswith(".xml") or _EINVOICE_NAME.search(name) for name in names)


def find_einvoice(content: bytes) -> tuple[pb.EInvoice | None, list[str]]:
    """The e-invoice of a PDF whose pages no backend read it from, and warnings about it (blocking)."""
    finder = _einvoice_module()
    if finder is None:
        return None, []
    try:
        with open_document(content, IntakeLimits(max_bytes=len(content) + 1)) as document:
            if document.pdf is None:
                return None, []
            found = finder.lookup_embedded_einvoice(document.pdf)
            return found.einvoice, found.warnings
    except (IntakeError, RuntimeError, ValueError) as exc:  # a broken attachment must not stop the result
        log.warning("einvoice_lookup_failed", error=f"{type(exc).__name__}: {exc}")
        return None, [f"e-invoice XML not read, fields taken from the page: {type(exc).__name__}: {exc}"]


def _xml_einvoice(content: bytes) -> pb.EInvoice | None:
    finder = _einvoice_module()
    return finder.detect_einvoice_xml(content) if finder is not None else None


def warm_up() -> None:
    """Import the optional collaborators now, not on the first request."""
    _einvoice_module()


@lru_cache(maxsize=1)
def _einvoice_module():  # type: ignore[no-untyped-def]
    try:
        from services.invoice import einvoice
    except ImportError as exc:
        log.warning("einvoice_reader_missing", error=str(exc))
        return None
    return einvoice


class SupplierLookup:
    """Known suppliers from config/suppliers/*.yaml (services.invoice.suppliers), if installed.

    Reloaded when a profile file changes (`ocrmesh learn-supplier` writes them while the router runs),
    so a supplier learned now guides the next document's routing and fields.
    """

    def __init__(self, directory: Path = SUPPLIERS_DIR) -> None:
        self.directory = directory
        self._registry = None
        self._loader = None
        self._signature: tuple[tuple[str, int], ...] | None = None
        try:
            from services.invoice.suppliers import SupplierRegistry
        except ImportError as exc:
            log.warning("supplier_registry_missing", error=str(exc))
            return
        self._loader = SupplierRegistry.load

    def _files(self) -> tuple[tuple[str, int], ...]:
        try:
            return tuple(sorted((p.name, p.stat().st_mtime_ns) for p in self.directory.glob("*.y*ml")))
        except OSError:
            return ()

    @property
    def registry(self):  # type: ignore[no-untyped-def]
        if self._loader is None:
            return None
        files = self._files()
        if files != self._signature:
            try:
                self._registry = self._loader(self.directory) if files else None
            except (OSError, ValueError, yaml.YAMLError) as exc:  # a half-written or broken profile
                log.warning("supplier_registry_unreadable", error=f"{type(exc).__name__}: {exc}")
                return self._registry
            self._signature = files
        return self._registry

    def match(self, text: str) -> str:
        registry = self.registry
        if registry is None:
            return ""
        profile = registry.match(text)
        return profile.id if profile is not None else ""
