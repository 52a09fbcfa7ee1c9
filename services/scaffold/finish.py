"""What a backend server does to every page its engine returns, in one place.

`OcrServicer` calls it after `Engine.process_page`; the benchmarks that call
engines directly call it too, so they measure what the servers return.
"""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb
from services.scaffold.engine import PageOptions
from services.textfix.pages import correct_page_spelling


def finish_page(page: pb.PageResult, options: PageOptions) -> None:
    """The page's text after the engine: dictionary spelling correction, unless the request turned it off."""
    if options.correct_spelling:
        correct_page_spelling(page, options.language)
