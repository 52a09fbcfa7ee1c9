"""Native libraries that free memory behind Python's back: what keeps them from crashing a server.

Two crashes (SIGSEGV, exit -11) of the router under load came from native memory touched at the
wrong moment. Neither is deterministic, so these tests pin the mechanism that prevents each:
- grpc: `context.peer()` after a call has ended reads the freed call (grpc/grpc#29927); the audit
  line's peer and request id are read when the call starts.
- MuPDF runs single-threaded: a Page, TextPage or Pixmap frees MuPDF memory when its last
  reference goes, so the functions that make them hold PYMUPDF_LOCK until their locals are gone.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import grpc
import pytest
import structlog.testing

from router_service import analysis
from services.auth.grpc_auth import AuthInterceptor
from services.intake import document
from services.intake.mupdf_lock import PYMUPDF_LOCK, holds_pymupdf_lock
from services.pdftext import textlayer
from services.surya_docling import engine as surya_engine


class _EndingContext:
    """A servicer context whose call is gone once the handler returned, as grpc's is."""

    def __init__(self) -> None:
        self.ended = False

    def _alive(self) -> None:
        if self.ended:
            raise AssertionError("read the call after it ended (grpc frees it: SIGSEGV)")

    def peer(self) -> str:
        self._alive()
        return "ipv4:127.0.0.1:40000"

    def invocation_metadata(self) -> tuple[tuple[str, str], ...]:
        self._alive()
        return (("x-request-id", "req-1"),)

    def code(self) -> grpc.StatusCode | None:
        return None


async def test_the_audit_line_of_a_stream_the_client_left_reads_nothing_of_the_ended_call() -> None:
    """A client that stops reading a page stream: grpc ends the call, the generator is closed later."""
    context = _EndingContext()
    interceptor = AuthInterceptor(None)  # auth off: every call admitted, every call audited

    async def pages(request: Any, ctx: Any) -> AsyncIterator[int]:
        for page in range(3):
            yield page

    stream = interceptor._streaming("/ocrmesh.v1.OcrService/Process", pages)(None, context)
    with structlog.testing.capture_logs() as logs:
        assert await anext(stream) == 0
        context.ended = True  # the client went away; grpc has freed the call
        await stream.aclose()  # the audit's finally runs now
    audit = [line for line in logs if line["event"] == "audit"]
    assert [(a["peer"], a["request_id"]) for a in audit] == [("ipv4:127.0.0.1:40000", "req-1")]


class _Native:
    """Stands for a PyMuPDF object: notes whether the lock was held when it was freed."""

    def __init__(self, freed_locked: list[bool]) -> None:
        self.freed_locked = freed_locked

    def __del__(self) -> None:
        self.freed_locked.append(PYMUPDF_LOCK._is_owned())  # type: ignore[attr-defined]


def test_locals_of_a_locked_function_are_freed_under_the_lock() -> None:
    freed: list[bool] = []

    @holds_pymupdf_lock
    def reads_a_page() -> int:
        page = _Native(freed)  # noqa: F841 - freed when the function's frame goes
        return 1

    assert reads_a_page() == 1
    assert freed == [True]
    assert not PYMUPDF_LOCK._is_owned()  # type: ignore[attr-defined]


def test_locals_of_a_failing_locked_function_are_freed_under_the_lock_too() -> None:
    freed: list[bool] = []

    @holds_pymupdf_lock
    def fails_on_a_page() -> None:
        page = _Native(freed)  # noqa: F841
        raise RuntimeError("damaged page")

    with pytest.raises(RuntimeError) as raised:
        fails_on_a_page()
    assert freed == [True]  # not kept alive by the traceback until the handler lets go
    del raised


@pytest.mark.parametrize(
    "function",
    [
        analysis._read_pdf_page,
        analysis._measure_layout_figures,
        textlayer._read_text_layer,
        document.LoadedDocument._render_pdf_page,
        surya_engine._image_pdf,
    ],
    ids=lambda f: f.__qualname__,
)
def test_every_function_that_makes_pages_textpages_or_pixmaps_holds_the_lock(function: Any) -> None:
    assert getattr(function, "__wrapped__", None) is not None, f"{function.__qualname__} is not @holds_pymupdf_lock"
