"""What a backend server does to every page its engine returns, in one place.

`OcrServicer` calls it after `Engine.process_page`; the benchmarks that call
engines directly call it too, so they measure what the servers return.
"""

from __future__ import annotations

from collections.abc import Sequence

from ocrmesh.v1 import ocr_pb2 as pb
from services.outputs.blocks import add_blocks
from services.outputs.markdown import blocks_markdown, page_markdown
from services.outputs.page_lines import PageLine, page_lines
from services.outputs.text_tables import text_tables
from services.scaffold.engine import PageOptions
from services.textfix.pages import GERMAN, correct_page_spelling
from services.textfix.typography import restore_section_signs


def finish_page(page: pb.PageResult, options: PageOptions) -> None:
    """The page's text after the engine, unless the request turned corrections off: on a recognised
    German page `§` restored where `8`/`$` stands for it, then the dictionary spelling correction (a
    page the engine read in another language, `PageQuality.language`, is left as read).
    Then the page's structure (`add_structure`)."""
    if options.correct_spelling:
        language = page.quality.language or options.language  # a page read in its own language says so
        if page.kind == pb.PAGE_KIND_SCANNED and language.lower() in GERMAN:
            restore_section_signs(page)
        correct_page_spelling(page, language)
    add_structure(page)


def add_structure(page: pb.PageResult, lines: Sequence[PageLine] | None = None) -> None:
    """Where the engine found no table, the page's tables of aligned text; its blocks (headings, clauses,
    tables, running header and footer) and its Markdown where the engine gave none. `lines` are the
    page's lines (`page_lines`) when the engine has them in hand."""
    if page.blocks:  # the engine's own blocks
        if not page.markdown:
            page.markdown = page_markdown(page)
        return
    if lines is None:
        lines = page_lines(page)  # read once for the passes below
    if not page.tables:
        page.tables.extend(text_tables(page, lines))
    made = add_blocks(page, lines)
    if not page.markdown:
        page.markdown = blocks_markdown(made)
