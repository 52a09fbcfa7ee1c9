"""Check a ProcessRequest's options and resolve its page range."""

from __future__ import annotations

from dataclasses import dataclass

from ocrmesh.v1 import ocr_pb2 as pb
from services.scaffold.engine import PageOptions


class OptionsError(ValueError):
    """Options a client got wrong (INVALID_ARGUMENT)."""


class PageRangeError(OptionsError):
    """Pages the document does not have (OUT_OF_RANGE): well-formed options, but past the document's end."""


@dataclass(frozen=True)
class ResolvedRequest:
    page_options: PageOptions
    extract_fields: bool
    language: str


def resolve_options(options: pb.ProcessOptions, default_dpi: int) -> ResolvedRequest:
    if options.dpi and not 50 <= options.dpi <= 600:
        raise OptionsError(f"dpi must be between 50 and 600, got {options.dpi}")
    if not 0.0 <= options.confidence_threshold <= 1.0:
        raise OptionsError(f"confidence_threshold must be between 0 and 1, got {options.confidence_threshold}")
    for name in ("first_page", "last_page"):
        if getattr(options, name) < 0:
            raise OptionsError(f"{name} {getattr(options, name)}: page numbers start at 1 (0 = not set)")
    if options.last_page and options.first_page > options.last_page:
        raise OptionsError(f"first_page {options.first_page} is after last_page {options.last_page}")
    language = (options.language or "de").strip().lower()
    return ResolvedRequest(
        page_options=PageOptions(
            language=language,
            dpi=options.dpi or default_dpi,
            preprocessing=options.preprocessing,
            confidence_threshold=options.confidence_threshold,
            correct_spelling=options.correct_spelling if options.HasField("correct_spelling") else True,
        ),
        extract_fields=options.extract_fields if options.HasField("extract_fields") else True,
        language=language,
    )


def page_indices(options: pb.ProcessOptions, page_count: int) -> range:
    """0-based indices of the requested pages; PageRangeError when they start past the document's end."""
    first = options.first_page or 1
    last = options.last_page or page_count
    if page_count and first > page_count:
        raise PageRangeError(f"first_page {first} is beyond the document's {page_count} pages")
    return range(first - 1, min(last, page_count))
