"""How fast the web console answers on loopback, in the system Chromium (headless) against `ocrmesh up`.

    python -m benchmarks.bench_console [--loads 20] [--inspections 5] [--out docs/BENCHMARKS.md]

Starts a local mesh without keys (pdftext and tesseract), then measures each page load in a fresh
tab: first contentful paint (the target: under 300 ms), DOMContentLoaded, and signed in (the
navigation shown after `GET /api/v1/auth/caller`); and inspecting the born-digital sample invoice
(upload to the fields and the page picture shown).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench_service.sections import machine_line, update_section
from benchmarks.browser import headless_chromium, missing_browser
from services.scaffold.ports import free_port

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "rechnung-beispiel.pdf"
FIRST_PAINT_TARGET_MS = 300.0

PAINT_JS = """
const paint = performance.getEntriesByName('first-contentful-paint')[0];
const nav = performance.getEntriesByType('navigation')[0];
return [paint ? paint.startTime : -1, nav ? nav.domContentLoadedEventEnd : -1];
"""


def start_mesh(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    gateway = free_port()
    env = {**os.environ, "OCRMESH_MODELS_DIR": str(root / "models"), "OCRMESH_JOBS_DATA_DIR": str(root / "data")}
    ports = ["--gateway-port", str(gateway), "--router-port", str(free_port()), "--base-port", str(free_port())]
    process = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "up", "--no-auth", *ports],
        cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{gateway}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v1/health/ready", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    process.terminate()
    raise RuntimeError("the mesh did not come up")


def measure_loads(driver: object, url: str, loads: int) -> dict[str, list[float]]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    figures: dict[str, list[float]] = {"first_paint": [], "dom_ready": [], "signed_in": []}
    for _ in range(loads):
        driver.switch_to.new_window("tab")  # type: ignore[attr-defined]
        started = time.perf_counter()
        driver.get(url + "/")  # type: ignore[attr-defined]
        WebDriverWait(driver, 60, poll_frequency=0.005).until(lambda d: d.find_element(By.ID, "nav").is_displayed())
        signed_in = (time.perf_counter() - started) * 1000
        paint, dom = driver.execute_script(PAINT_JS)  # type: ignore[attr-defined]
        figures["first_paint"].append(paint)
        figures["dom_ready"].append(dom)
        figures["signed_in"].append(signed_in)
        driver.close()  # type: ignore[attr-defined]
        driver.switch_to.window(driver.window_handles[0])  # type: ignore[attr-defined]
    return figures


def measure_inspections(driver: object, url: str, count: int) -> list[float]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    seconds = []
    driver.get(url + "/")  # type: ignore[attr-defined]
    WebDriverWait(driver, 60).until(lambda d: d.find_element(By.ID, "nav").is_displayed())
    for _ in range(count):
        driver.execute_script("document.getElementById('inspect-result').hidden = true;"  # type: ignore[attr-defined]
                              "document.getElementById('page-image').removeAttribute('src');")
        driver.find_element(By.ID, "inspect-file").send_keys(str(SAMPLE))  # type: ignore[attr-defined]
        started = time.perf_counter()
        driver.find_element(By.ID, "inspect-form").submit()  # type: ignore[attr-defined]
        WebDriverWait(driver, 120, poll_frequency=0.005).until(
            lambda d: d.execute_script(
                "const i = document.getElementById('page-image');"
                "return !document.getElementById('inspect-result').hidden && i.complete && i.naturalWidth > 0"
                " && document.querySelectorAll('#page-boxes .field-box').length > 0"
            )
        )
        seconds.append(time.perf_counter() - started)
    return seconds


def _row(name: str, values: list[float], unit: str = "ms") -> str:
    ordered = sorted(values)
    p95 = ordered[int(0.95 * (len(ordered) - 1))]
    return f"| {name} | {statistics.median(ordered):.0f} {unit} | {p95:.0f} {unit} | {ordered[-1]:.0f} {unit} |"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--loads", type=int, default=20)
    parser.add_argument("--inspections", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    if missing_browser():
        raise SystemExit(missing_browser())
    with tempfile.TemporaryDirectory() as tmp:
        process, url = start_mesh(Path(tmp))
        driver = headless_chromium(Path(tmp) / "downloads")
        try:
            loads = measure_loads(driver, url, args.loads)
            inspections = [s * 1000 for s in measure_inspections(driver, url, args.inspections)]
        finally:
            driver.quit()
            process.terminate()
            process.wait(timeout=60)
    paint_median = statistics.median(loads["first_paint"])
    verdict = "met" if paint_median < FIRST_PAINT_TARGET_MS else "NOT met"
    text = "\n".join(
        [
            f"`python -m benchmarks.bench_console --loads {args.loads} --inspections {args.inspections}`; "
            + machine_line(),
            "",
            f"The console in headless Chromium against `ocrmesh up --no-auth` on loopback; each load in a fresh tab "
            f"({args.loads} loads). Target first paint < {FIRST_PAINT_TARGET_MS:.0f} ms: **{verdict}**.",
            "",
            "| measure | median | p95 | max |",
            "|---|---|---|---|",
            _row("first contentful paint", loads["first_paint"]),
            _row("DOMContentLoaded", loads["dom_ready"]),
            _row("signed in (navigation shown after /api/v1/auth/caller)", loads["signed_in"]),
            _row(f"inspect {SAMPLE.name}: upload to fields, boxes and page picture", inspections),
        ]
    )
    if args.out:
        update_section(args.out, "console", text)
    print(text)


if __name__ == "__main__":
    main()
