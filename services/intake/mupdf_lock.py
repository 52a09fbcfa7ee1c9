"""One lock for every call into PyMuPDF, and a decorator that also covers freeing its objects.

PyMuPDF runs MuPDF single-threaded (`mupdf.reinit_singlethreaded()` at import): two threads
inside MuPDF at once corrupt its memory. Holding `PYMUPDF_LOCK` around the calls is not
enough: a Page, TextPage or Pixmap frees MuPDF memory when its last reference goes, and a
function's locals go when the function returns, after a `with PYMUPDF_LOCK:` block inside
it has already released the lock. `holds_pymupdf_lock` keeps the lock until the function's
frame is gone, so its PyMuPDF objects are freed under the lock too.
"""

from __future__ import annotations

import functools
import threading
import traceback
from collections.abc import Callable
from typing import ParamSpec, TypeVar

PYMUPDF_LOCK = threading.RLock()

_P = ParamSpec("_P")
_R = TypeVar("_R")


def holds_pymupdf_lock(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """`function` runs, and its locals are freed, with PYMUPDF_LOCK held.

    Its result must not be a PyMuPDF object (that would be freed wherever the caller drops it).
    On an exception, the frames in its traceback are cleared under the lock: a traceback
    keeps their locals (pages, pixmaps) alive until whoever handles it lets go.
    """

    @functools.wraps(function)
    def locked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with PYMUPDF_LOCK:
            try:
                return function(*args, **kwargs)
            except BaseException as exc:
                traceback.clear_frames(exc.__traceback__)
                raise

    return locked
