"""The README's shell commands, as tests/test_readme.py runs them.

Every fenced ```sh block of README.md is read line by line: `\\` continuations
are joined, blank and comment-only lines dropped; what is left is one command
each. A command's trailing comment may say what it needs beyond this machine,
`# needs: gpu`, `# needs: hub`, `# needs: docker` (never runnable here) or
`# needs: TOOL` (runnable where the program TOOL is installed), several
separated by `|` or `,`. A `#` inside quotes is not a comment.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

# Needs that no test machine has: the command is reported as skipped with this reason.
UNAVAILABLE = {
    "gpu": "needs a GPU",
    "hub": "needs the model hub (network)",
    "docker": "needs docker",
}
_NEEDS = re.compile(r"\bneeds:\s*([\w.+-]+(?:\s*[|,]\s*[\w.+-]+)*)")
_FENCE = re.compile(r"^```(\w*)\s*$")


@dataclass(frozen=True)
class Command:
    text: str  # the command as a shell would run it (continuations joined, comment removed)
    comment: str  # its trailing comment, without the '#'
    line: int  # line number in the README where it starts

    @property
    def needs(self) -> tuple[str, ...]:
        found = _NEEDS.search(self.comment)
        return tuple(n.strip() for n in re.split(r"[|,]", found.group(1))) if found else ()

    @property
    def argv(self) -> list[str]:
        """The words of the command's first pipeline stage."""
        return shlex.split(re.split(r"\s(?:\|\|?|&&|;)\s", self.text)[0])

    @property
    def program(self) -> str:
        return Path(self.argv[0]).name if self.argv else ""

    @property
    def subcommand(self) -> str:
        """`up`, `serve`, `models`...: the first word after `ocrmesh`, if it is an ocrmesh command."""
        argv = self.argv
        return argv[1] if self.program == "ocrmesh" and len(argv) > 1 else ""

    @property
    def id(self) -> str:
        words = " ".join(self.text.split())
        return f"L{self.line}: {words[:70]}"


def split_comment(line: str) -> tuple[str, str]:
    """`cmd args  # comment` -> (`cmd args`, `comment`); a `#` in quotes or inside a word is kept."""
    quote = ""
    for i, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (i == 0 or line[i - 1].isspace()):
            return line[:i].rstrip(), line[i + 1 :].strip()
    return line.rstrip(), ""


def shell_blocks(markdown: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of every ```sh block."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(markdown.splitlines(), start=1):
        fence = _FENCE.match(line.strip())
        if fence and current is None:
            if fence.group(1) == "sh":  # other blocks (and their closing fences) are passed over
                current, start = [], number + 1
        elif line.strip().startswith("```") and current is not None:
            blocks.append((start, current))
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def commands(markdown: str) -> list[Command]:
    found: list[Command] = []
    for start, lines in shell_blocks(markdown):
        pending: list[str] = []
        comments: list[str] = []
        first = 0
        for offset, raw in enumerate(lines):
            code, comment = split_comment(raw)
            if not pending and not code.strip():
                continue  # blank or comment-only line
            if not pending:
                first = start + offset
            continued = code.endswith("\\")
            pending.append(code[:-1].strip() if continued else code.strip())
            if comment:
                comments.append(comment)
            if not continued:
                found.append(Command(" ".join(pending), "  ".join(comments), first))
                pending, comments = [], []
    return found
