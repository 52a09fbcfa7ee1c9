"""The system Chromium, headless, driven by Selenium through Debian's chromedriver (no browser download).

Used by the console's browser tests (tests/console) and its benchmark (benchmarks/bench_console.py).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
DRIVER_NAMES = ("chromedriver",)


def _first(names: tuple[str, ...], env: str) -> str | None:
    if os.environ.get(env):
        return os.environ[env]
    return next((found for name in names if (found := shutil.which(name))), None)


def missing_browser() -> str:
    """Why no browser test can run here ('' when Chromium and its driver are installed)."""
    if not _first(CHROMIUM_NAMES, "OCRMESH_CHROMIUM"):
        return "no Chromium installed (Debian: apt-get install chromium chromium-driver; `make setup` does it)"
    if not _first(DRIVER_NAMES, "OCRMESH_CHROMEDRIVER"):
        return "no chromedriver installed (Debian: apt-get install chromium-driver; `make setup` does it)"
    return ""


def headless_chromium(downloads: Path, language: str = "de-DE"):  # type: ignore[no-untyped-def]
    """A headless Chromium at a laptop's window size, downloads into `downloads`."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = _first(CHROMIUM_NAMES, "OCRMESH_CHROMIUM") or ""
    for argument in (
        "--headless=new",
        "--no-sandbox",  # containers and CI run as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1366,900",
        f"--lang={language}",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",  # the mesh is offline: nothing may be fetched from outside
    ):
        options.add_argument(argument)
    options.add_experimental_option(
        "prefs", {"download.default_directory": str(downloads), "intl.accept_languages": language}
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=_first(DRIVER_NAMES, "OCRMESH_CHROMEDRIVER"))
    return webdriver.Chrome(options=options, service=service)
