"""A document's pages as Markdown: headings as `#`, tables as pipe tables, clauses as lists.

An engine that writes Markdown itself (Docling, the GPU models) is taken as it wrote it; for the
others the page's blocks (`blocks.page_blocks`: headings, clauses, paragraphs, the engine's tables
in place of the lines inside their box) are written out, the running header and footer left out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ocrmesh.v1 import ocr_pb2 as pb
from services.outputs.blocks import BlockText, page_block_texts
from services.outputs.pipe_tables import escape_markdown, table_markdown

PAGE_BREAK = "\n\n<!-- page {number} -->\n\n"


def document_markdown(pages: Sequence[pb.PageResult]) -> str:
    parts = []
    for page in pages:
        if len(pages) > 1:
            parts.append(PAGE_BREAK.format(number=page.page_number).strip("\n"))
        parts.append(page.markdown.strip() if page.markdown.strip() else page_markdown(page))
    return "\n\n".join(part for part in parts if part) + "\n"


def page_markdown(page: pb.PageResult) -> str:
    """The page's blocks as Markdown; its running header and footer (page numbers) left out."""
    if not page.blocks:
        return blocks_markdown(page_block_texts(page))
    tables = page.tables
    return blocks_markdown(
        (block.kind, block.level, _table_text(tables, block.table_index) if block.kind == pb.BLOCK_KIND_TABLE else block.text)
        for block in page.blocks
    )


def blocks_markdown(blocks: Iterable[BlockText]) -> str:
    """Blocks as (kind, level, text), a table's text its Markdown, written one after the other."""
    parts = [_block_markdown(kind, level, text) for kind, level, text in blocks]
    return "\n\n".join(part for part in parts if part)


def _table_text(tables: Sequence[pb.Table], index: int) -> str:
    return table_markdown(tables[index]) if index < len(tables) else ""


def _block_markdown(kind: int, level: int, text: str) -> str:
    if kind == pb.BLOCK_KIND_HEADING:
        return f"{'#' * max(1, min(6, level))} {escape_markdown(text)}"
    if kind == pb.BLOCK_KIND_TABLE:
        return text
    if kind == pb.BLOCK_KIND_LIST_ITEM:
        first, *rest = text.split("\n")
        item = first[1:].strip() if first.startswith(("-", "•", "–")) else first
        return "\n".join([f"- {escape_markdown(item)}", *(f"  {escape_markdown(line)}" for line in rest)])
    if kind in (pb.BLOCK_KIND_PAGE_HEADER, pb.BLOCK_KIND_PAGE_FOOTER):
        return ""
    return "\n".join(escape_markdown(line) for line in text.split("\n"))
