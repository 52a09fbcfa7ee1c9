"""Tables in GOT's formatted output ("OCR with format"): LaTeX tabular or markdown pipes."""

from __future__ import annotations

import re

from ocrmesh.v1 import ocr_pb2 as pb

_TABULAR = re.compile(r"\\begin\{tabular\}(?:\{[^}]*\})?(.*?)\\end\{tabular\}", re.S)
_LATEX_RULES = re.compile(r"\\(?:hline|toprule|midrule|bottomrule|cline\{[^}]*\})")
_LATEX_ESCAPES = {r"\&": "&", r"\%": "%", r"\$": "$", r"\#": "#", r"\_": "_", r"\euro": "€", r"\EUR": "€"}
_PIPE_ROW = re.compile(r"^\s*\|(.+)\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _latex_cell(text: str) -> str:
    for escaped, plain in _LATEX_ESCAPES.items():
        text = text.replace(escaped, plain)
    text = re.sub(r"\\(?:multicolumn|multirow)\{[^}]*\}\{[^}]*\}\{(.*?)\}", r"\1", text)
    text = re.sub(r"\\text(?:bf|it)?\{(.*?)\}", r"\1", text)
    return " ".join(text.split())


def _table(rows: list[list[str]]) -> pb.Table:
    columns = max((len(r) for r in rows), default=0)
    table = pb.Table(row_count=len(rows), column_count=columns)
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            table.cells.add(row=i, column=j, row_span=1, column_span=1, text=text, header=i == 0)
    if rows:
        lines = ["| " + " | ".join(r + [""] * (columns - len(r))) + " |" for r in rows]
        lines.insert(1, "|" + "---|" * columns)
        table.markdown = "\n".join(lines)
    return table


def parse_tables(text: str) -> list[pb.Table]:
    tables: list[pb.Table] = []
    for match in _TABULAR.finditer(text):
        body = _LATEX_RULES.sub("", match.group(1))
        rows = [[_latex_cell(c) for c in re.split(r"(?<!\\)&", line)] for line in re.split(r"\\\\", body)]
        rows = [r for r in rows if any(c for c in r)]
        if rows:
            tables.append(_table(rows))
    current: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        row = _PIPE_ROW.match(line)
        if row and not _PIPE_RULE.match(line):
            current.append([c.strip() for c in row.group(1).split("|")])
        elif not _PIPE_RULE.match(line) or not current:
            if current:
                tables.append(_table(current))
            current = []
    return tables


def plain_text(text: str) -> str:
    """The formatted output without LaTeX table markup (cells joined by tabs), for `PageResult.text`."""

    def flatten(match: re.Match[str]) -> str:
        body = _LATEX_RULES.sub("", match.group(1))
        lines = ["\t".join(_latex_cell(c) for c in re.split(r"(?<!\\)&", ln)) for ln in re.split(r"\\\\", body)]
        return "\n".join(ln for ln in lines if ln.strip())

    return _TABULAR.sub(flatten, text)
