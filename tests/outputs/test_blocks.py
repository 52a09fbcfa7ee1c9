"""A page's blocks by rules: headings with levels, clauses, paragraphs, tables, running header and footer."""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb
from services.outputs.blocks import page_blocks
from services.outputs.markdown import page_markdown
from tests.invoice.synth import line, page


def _in_block(text_line: pb.TextLine, block: int) -> pb.TextLine:
    text_line.block = block
    return text_line


def _statute_page() -> pb.PageResult:
    return page(
        _in_block(line("Bürgerliches Gesetzbuch Seite 12 von 40", 0.1, 0.03), 0),
        _in_block(line("Abschnitt 3 Schuldverhältnisse aus Verträgen", 0.1, 0.10), 1),
        _in_block(line("§ 311 Rechtsgeschäftliche Schuldverhältnisse", 0.1, 0.13), 2),
        _in_block(line("(1) Zur Begründung eines Schuldverhältnisses durch Rechtsgeschäft", 0.1, 0.16), 3),
        _in_block(line("ist ein Vertrag zwischen den Beteiligten erforderlich.", 0.1, 0.175), 3),
        _in_block(line("(2) Ein Schuldverhältnis entsteht auch durch", 0.1, 0.20), 4),
        _in_block(line("Die Vorschrift gilt entsprechend.", 0.1, 0.25), 5),
        _in_block(line("Wer etwas schuldet, leistet.", 0.1, 0.265), 5),
        _in_block(line("§ 5 Abs. 2 gilt entsprechend.", 0.1, 0.30), 6),
        _in_block(line("- 12 -", 0.48, 0.96), 7),
    )


def test_blocks_name_headings_clauses_paragraphs_and_the_page_furniture() -> None:
    blocks = page_blocks(_statute_page())
    assert [(pb.BlockKind.Name(b.kind).removeprefix("BLOCK_KIND_"), b.level) for b in blocks] == [
        ("PAGE_HEADER", 0),
        ("HEADING", 2),
        ("HEADING", 3),
        ("LIST_ITEM", 0),
        ("LIST_ITEM", 0),
        ("PARAGRAPH", 0),
        ("PARAGRAPH", 0),  # a citation starts a sentence, not a heading
        ("PAGE_FOOTER", 0),
    ]
    clause = blocks[3]
    assert clause.text.endswith("ist ein Vertrag zwischen den Beteiligten erforderlich.")
    assert list(clause.line_indices) == [3, 4]  # the clause's second line continues it
    assert clause.box.y0 < 0.165 and clause.box.y1 > 0.18
    assert blocks[5].text == "Die Vorschrift gilt entsprechend.\nWer etwas schuldet, leistet."


def test_a_number_in_the_page_body_or_a_letterhead_is_not_page_furniture() -> None:
    blocks = page_blocks(
        page(
            line("Muster GmbH · Hauptstraße 5 · 45127 Essen", 0.1, 0.03),  # top band, no page number
            line("Seite 2 von 3 der Anlage", 0.1, 0.50),  # a page number, mid-page: body text
            line("Bankverbindung: IBAN DE02 1203 0000 0000 2020 51", 0.1, 0.95),
        )
    )
    assert {b.kind for b in blocks} == {pb.BLOCK_KIND_PARAGRAPH}


def test_lines_inside_a_table_become_one_table_block() -> None:
    result = page(
        line("Rechnung 4711", 0.1, 0.1),
        line("Pos Menge Preis", 0.1, 0.3),
        line("1 2 19,90", 0.1, 0.32),
        line("Summe 39,80", 0.1, 0.5),
    )
    result.tables.add(
        row_count=2,
        column_count=3,
        box=pb.BoundingBox(x0=0.05, y0=0.29, x1=0.9, y1=0.34),
        markdown="| Pos | Menge | Preis |",
    )
    blocks = page_blocks(result)
    assert [b.kind for b in blocks] == [pb.BLOCK_KIND_PARAGRAPH, pb.BLOCK_KIND_TABLE, pb.BLOCK_KIND_PARAGRAPH]
    assert blocks[1].table_index == 0 and list(blocks[1].line_indices) == [1, 2]


def test_markdown_is_written_from_the_blocks_without_the_page_furniture() -> None:
    markdown = page_markdown(_statute_page())
    assert "Seite 12 von 40" not in markdown and "- 12 -" not in markdown
    assert markdown.startswith("## Abschnitt 3 Schuldverhältnisse aus Verträgen\n\n### § 311")
    assert (
        "- (1) Zur Begründung eines Schuldverhältnisses durch Rechtsgeschäft\n  ist ein Vertrag" in markdown
    )


def test_every_way_a_heading_or_clause_starts_is_tried() -> None:
    """`_fill` tries the heading and clause patterns only on lines whose first character can start one
    (`MAY_START_STRUCTURE`): each form of heading and clause is still found."""
    headings = [
        ("Teil 2 Schuldrecht", 1),
        ("Buch II Sachenrecht", 1),
        ("Abschnitt 3 Verträge", 2),
        ("Kapitel 4 Haftung", 2),
        ("Titel 5 Kauf", 2),
        ("Unterabschnitt 1 Allgemeines", 2),
        ("§ 5 Kündigung", 3),
        ("§§ 7 Übergang", 3),
        ("Art. 3 Zweck", 3),
        ("Artikel 12 Inkrafttreten", 3),
        ("1.2 Haftung", 4),
        ("10.2.1 Fristen", 5),
    ]
    clauses = [
        "(1) Der Vertrag",
        "(2a) Die Frist",
        "a) die Ware",
        "3. Die Laufzeit",
        "- ein Punkt",
        "• ein Punkt",
        "– ein Punkt",
    ]
    texts = [text for text, _ in headings] + clauses
    blocks = page_blocks(
        page(*(_in_block(line(text, 0.1, 0.1 + 0.03 * k), k) for k, text in enumerate(texts)))
    )
    assert [(b.kind, b.level) for b in blocks] == [
        (pb.BLOCK_KIND_HEADING, level) for _, level in headings
    ] + [(pb.BLOCK_KIND_LIST_ITEM, 0)] * len(clauses)
