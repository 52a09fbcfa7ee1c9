"""Blocking intake and analysis stop when the task awaiting them is cancelled."""

from __future__ import annotations

import asyncio
import threading

import pytest

from router_service.analysis import analyse
from router_service.rules import Thresholds
from services.intake.cancel import WorkCancelled, check_cancelled, run_blocking
from services.intake.document import open_document
from tests.conftest import PATIENCE, eventually
from tests.security.hostile import multi_frame_tiff


async def test_analysis_of_a_500_frame_tiff_stops_when_its_caller_is_cancelled() -> None:
    tiff = multi_frame_tiff(500, size=(400, 400))
    opened = threading.Event()
    outcome: list[str] = []

    def work() -> None:
        with open_document(tiff) as document:
            opened.set()
            try:
                analyse(document, range(document.page_count), Thresholds())
            except WorkCancelled:
                outcome.append("cancelled")
                raise
            outcome.append("finished")

    task = asyncio.create_task(run_blocking(work))
    assert await asyncio.to_thread(opened.wait, PATIENCE)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await eventually(lambda: bool(outcome)), "the analysis never ended"
    assert outcome == ["cancelled"]


def test_check_cancelled_outside_run_blocking_does_nothing() -> None:
    check_cancelled()
