"""How a command of the `ocrmesh` CLI ends on an expected error: one line `error: ...` on stderr and an exit code.

Exit codes: 2 for bad arguments, settings or names (nothing was done), 1 for a failure while working.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer


@contextmanager
def exit_on(*errors: type[BaseException], code: int) -> Iterator[None]:
    """Turn any of `errors` raised in the block into `error: <message>` and exit `code`; others pass through."""
    try:
        yield
    except errors as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code) from None
