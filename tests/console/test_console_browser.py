"""The web console in a real browser (the system Chromium, headless) against a real `ocrmesh up`.

Sign in, inspect the sample invoice (fields, boxes on the page), compare two engines, run a
batch and a benchmark, watch health; bad input gets a clear German message. Each test takes a
screenshot; `OCRMESH_SCREENSHOTS=docs/console` keeps them for docs/CONSOLE.md.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import yaml

from benchmarks.browser import headless_chromium, missing_browser
from tests.conftest import DATASET, UP_BANNER, free_port, wait_until

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "rechnung-beispiel.pdf"
SCAN = REPO / "samples" / "rechnung-scan.pdf"
MAX_UPLOAD_MB = 2  # the mesh's gateway limit here: a "huge" file is a small one to make
WAIT = 180.0  # seconds a screen may take on a loaded two-core machine (not a speed target)

pytestmark = pytest.mark.skipif(bool(missing_browser()), reason=missing_browser() or "browser present")


@dataclass
class Mesh:
    url: str
    admin_key: str
    viewer_key: str  # scope `process` only
    process: subprocess.Popen[bytes]
    suppliers: Path  # the router's supplier registry


def _run(args: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "clients.cli", *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def mesh(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Mesh]:
    """`ocrmesh up` with keys (pdftext and tesseract: no model weights here), and a key that may only process."""
    root = tmp_path_factory.mktemp("console-mesh")
    datasets = root / "datasets" / "mini"
    datasets.mkdir(parents=True)
    for suffix in (".pdf", ".truth.json"):
        shutil.copy(DATASET / f"EN16931_zugferd_2p0_EN16931_Einfach{suffix}", datasets)
    env = {
        **os.environ,
        "OCRMESH_MODELS_DIR": str(root / "models"),
        "OCRMESH_JOBS_DATA_DIR": str(root / "data"),
        "OCRMESH_GATEWAY_MAX_UPLOAD_MB": str(MAX_UPLOAD_MB),
        "OCRMESH_DATASETS": str(root / "datasets"),
        "OCRMESH_BENCH_DATA_DIR": str(root / "runs"),
        "OCRMESH_ROUTER_SUPPLIERS_DIR": str(root / "suppliers"),
    }
    gateway = free_port()
    ports = ["--gateway-port", str(gateway), "--router-port", str(free_port()), "--base-port", str(free_port())]
    log = (root / "up.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "clients.cli", "up", *ports], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{gateway}"
    try:
        up_log = root / "up.log"
        up = wait_until(lambda: UP_BANNER in up_log.read_text(errors="replace") and _ready(url), 240, interval=0.5)
        assert up, up_log.read_text()[-3000:]
        admin_key = (root / "data" / "admin.key").read_text().strip()
        created = _run(["keys", "create", "viewer", "--scope", "process", "--data-dir", str(root / "data")], env)
        viewer_key = re.search(r"ocm_[A-Za-z0-9_-]+", created).group(0)  # type: ignore[union-attr]
        yield Mesh(url, admin_key, viewer_key, process, root / "suppliers")
    finally:
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/api/v1/health/ready", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[object]:
    driver = headless_chromium(tmp_path / "downloads")
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(driver: object, name: str, tmp_path: Path) -> None:
    """A screenshot of the screen as the user sees it; kept under $OCRMESH_SCREENSHOTS when set."""
    target_dir = Path(os.environ.get("OCRMESH_SCREENSHOTS") or tmp_path)
    target_dir.mkdir(parents=True, exist_ok=True)
    path = target_dir / f"{name}.png"
    driver.execute_script("window.scrollTo(0, 0)")  # type: ignore[attr-defined]  # the screen as it opens
    assert driver.save_screenshot(str(path))  # type: ignore[attr-defined]
    assert path.stat().st_size > 5000


def _wait(driver: object, condition: object, timeout: float = WAIT) -> object:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.2).until(condition)  # type: ignore[arg-type]


def _by_id(driver: object, element_id: str) -> object:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)  # type: ignore[attr-defined]


def _sign_in(driver: object, mesh: Mesh, key: str | None = None) -> None:
    driver.get(mesh.url + "/")  # type: ignore[attr-defined]
    _wait(driver, lambda d: _by_id(d, "view-signin").is_displayed())
    _by_id(driver, "key").send_keys(key or mesh.admin_key)
    _by_id(driver, "signin-form").submit()
    _wait(driver, lambda d: _by_id(d, "nav").is_displayed())


def _open(driver: object, view: str) -> None:
    from selenium.webdriver.common.by import By

    driver.find_element(By.CSS_SELECTOR, f'#nav button[data-view="{view}"]').click()  # type: ignore[attr-defined]
    _wait(driver, lambda d: _by_id(d, f"view-{view}").is_displayed())


def _text(driver: object, element_id: str) -> str:
    return _by_id(driver, element_id).text  # type: ignore[attr-defined,no-any-return]


def test_console_page_and_every_asset_come_from_the_gateway(mesh: Mesh) -> None:
    page = httpx.get(mesh.url + "/", timeout=30)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assets = re.findall(r'(?:src|href)="([^"#?]+)"', page.text)
    assert assets, "the page names its script and style"
    for asset in assets:
        assert asset.startswith("/"), f"{asset} is not served by the gateway"
        assert httpx.get(mesh.url + asset, timeout=30).status_code == 200, asset
    assert 'lang="de"' in page.text and "Anmelden" in page.text
    assert "Sign in" in httpx.get(mesh.url + "/?lang=en", timeout=30).text


def test_browser_wrong_key_gets_a_german_message_and_the_right_key_signs_in(
    mesh: Mesh, browser: object, tmp_path: Path
) -> None:
    browser.get(mesh.url + "/")  # type: ignore[attr-defined]
    _wait(browser, lambda d: _by_id(d, "view-signin").is_displayed())
    _by_id(browser, "key").send_keys("ocm_not-a-key-of-this-mesh")
    _by_id(browser, "signin-form").submit()
    _wait(browser, lambda d: _by_id(d, "message").is_displayed())
    assert "unbekannt oder widerrufen" in _text(browser, "message")
    _shot(browser, "signin-wrong-key", tmp_path)
    assert "ocm_" not in browser.current_url  # type: ignore[attr-defined]
    _by_id(browser, "key").clear()
    _sign_in(browser, mesh)
    assert "local-admin" in _text(browser, "who")
    assert mesh.admin_key not in browser.current_url  # type: ignore[attr-defined]
    browser.refresh()  # type: ignore[attr-defined]  # the key lives in the tab: still signed in
    _wait(browser, lambda d: _by_id(d, "nav").is_displayed())
    _by_id(browser, "sign-out").click()
    _wait(browser, lambda d: _by_id(d, "view-signin").is_displayed())
    assert browser.execute_script("return sessionStorage.length") == 0  # type: ignore[attr-defined]


def test_browser_inspect_shows_the_sample_invoice_fields_and_their_boxes(
    mesh: Mesh, browser: object, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(browser, mesh)
    _open(browser, "inspect")
    _by_id(browser, "inspect-file").send_keys(str(SAMPLE))
    _by_id(browser, "inspect-form").submit()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#fields-table tr[data-field]"))
    values = _field_values(browser)
    assert values["rechnungsnummer"] == "471102"
    assert values["betrag_brutto"] == "529.87"
    assert values["datum"] == "2018-03-05"
    assert "rechnung" in _text(browser, "inspect-summary")
    assert "pdftext" in _text(browser, "inspect-summary")
    _wait(browser, lambda d: d.execute_script("return document.getElementById('page-image').naturalWidth > 0"))
    boxes = browser.find_elements(By.CSS_SELECTOR, "#page-boxes .field-box")  # type: ignore[attr-defined]
    assert len(boxes) >= 3, "the fields are drawn where they were found"
    frame = _by_id(browser, "page-frame").rect  # type: ignore[attr-defined]
    for box in boxes:
        rect = box.rect
        assert rect["width"] > 0 and rect["height"] > 0
        assert frame["x"] - 1 <= rect["x"] and rect["x"] + rect["width"] <= frame["x"] + frame["width"] + 1
    raw = _text(browser, "inspect-text")
    assert "471102" in raw
    _by_id(browser, "show-markdown").click()  # type: ignore[attr-defined]
    _wait(browser, lambda d: _text(d, "inspect-text") != raw)  # the pages' Markdown: blocks apart
    assert "471102" in _text(browser, "inspect-text") and "\n\n" in _text(browser, "inspect-text")
    assert _by_id(browser, "show-markdown").get_attribute("aria-pressed") == "true"  # type: ignore[attr-defined]
    _by_id(browser, "show-text").click()  # type: ignore[attr-defined]
    assert _by_id(browser, "pages-table").find_elements(By.CSS_SELECTOR, "tbody tr")  # type: ignore[attr-defined]
    _shot(browser, "inspect", tmp_path)


def _field_values(driver: object) -> dict[str, str]:
    """The fields table as shown: an admin sees each value in an input to correct it."""
    from selenium.webdriver.common.by import By

    values = {}
    for row in driver.find_elements(By.CSS_SELECTOR, "#fields-table tr[data-field]"):  # type: ignore[attr-defined]
        cell = row.find_elements(By.TAG_NAME, "td")[0]
        inputs = cell.find_elements(By.TAG_NAME, "input")
        values[row.get_attribute("data-field")] = inputs[0].get_attribute("value") if inputs else cell.text
    return values


def test_browser_a_corrected_field_teaches_the_supplier(mesh: Mesh, browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(browser, mesh)
    _open(browser, "inspect")
    _by_id(browser, "inspect-file").send_keys(str(SCAN))
    _by_id(browser, "inspect-form").submit()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#fields-table input[data-name=rechnungsnummer]"))
    number = browser.find_element(By.CSS_SELECTOR, "#fields-table input[data-name=rechnungsnummer]")  # type: ignore[attr-defined]
    number.clear()
    number.send_keys("471102")  # as printed: confirmed (a misread one would be corrected the same way)
    _by_id(browser, "learn-button").click()  # type: ignore[attr-defined]
    _wait(browser, lambda d: "Gelernt" in _text(d, "message"))
    assert "Lieferant GmbH" in _text(browser, "message")
    (profile,) = mesh.suppliers.glob("*.yaml")
    learned = yaml.safe_load(profile.read_text("utf-8"))
    assert learned["name"] == "Lieferant GmbH" and "rechnungsnummer" in learned["template"]
    _shot(browser, "learn-supplier", tmp_path)


def test_browser_bad_files_get_clear_german_messages(mesh: Mesh, browser: object, tmp_path: Path) -> None:
    _sign_in(browser, mesh)
    _open(browser, "inspect")
    text_file = tmp_path / "notiz.txt"
    text_file.write_text("Das ist kein Dokument, nur eine Notiz.\n")
    _by_id(browser, "inspect-file").send_keys(str(text_file))
    _by_id(browser, "inspect-form").submit()
    _wait(browser, lambda d: "Typ" in _text(d, "message"))
    assert "notiz.txt" in _text(browser, "message") and "PDF" in _text(browser, "message")
    _shot(browser, "unsupported-file", tmp_path)
    huge = tmp_path / "riesig.pdf"
    huge.write_bytes(b"%PDF-1.7\n" + os.urandom(MAX_UPLOAD_MB * 1024 * 1024 + 1))
    _by_id(browser, "inspect-file").send_keys(str(huge))
    _by_id(browser, "inspect-form").submit()
    _wait(browser, lambda d: "zu groß" in _text(d, "message"))
    assert "riesig.pdf" in _text(browser, "message") and f"{MAX_UPLOAD_MB} MB" in _text(browser, "message")
    broken = tmp_path / "kaputt.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\n")
    _by_id(browser, "inspect-file").send_keys(str(broken))
    _by_id(browser, "inspect-form").submit()
    _wait(browser, lambda d: "nicht gelesen werden" in _text(d, "message"))


def test_browser_compares_two_engines_side_by_side(mesh: Mesh, browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(browser, mesh)
    _open(browser, "compare")
    _by_id(browser, "compare-file").send_keys(str(SAMPLE))
    _by_id(browser, "compare-form").submit()  # pdftext and tesseract are ticked by default
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#compare-columns .column .per-page"))
    columns = browser.find_elements(By.CSS_SELECTOR, "#compare-columns .column")  # type: ignore[attr-defined]
    assert [c.get_attribute("data-backend") for c in columns] == ["pdftext", "tesseract"]
    for column in columns:
        assert "je Seite" in column.text and "471102" in column.text
    rows = browser.find_elements(By.CSS_SELECTOR, "#compare-fields tbody tr")  # type: ignore[attr-defined]
    assert any(r.get_attribute("data-field") == "rechnungsnummer" for r in rows)
    assert "Ähnlichkeit" in _text(browser, "compare-diff")
    marks = browser.find_elements(By.CSS_SELECTOR, "#compare-diff ins, #compare-diff del")  # type: ignore[attr-defined]
    assert marks, "OCR and the text layer differ somewhere: the difference is highlighted"
    _shot(browser, "compare", tmp_path)


def test_browser_batch_runs_to_completion_with_filters_and_downloads(
    mesh: Mesh, browser: object, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(browser, mesh)
    _open(browser, "batch")
    _by_id(browser, "batch-files").send_keys(f"{SAMPLE}\n{SCAN}")
    _by_id(browser, "batch-form").submit()
    _wait(browser, lambda d: _by_id(d, "batch-results").is_displayed())
    assert "abgeschlossen" in _text(browser, "batch-status") and "2 von 2" in _text(browser, "batch-status")
    rows = browser.find_elements(By.CSS_SELECTOR, "#batch-table tbody tr")  # type: ignore[attr-defined]
    assert sorted(r.find_elements(By.TAG_NAME, "td")[0].text for r in rows) == sorted([SAMPLE.name, SCAN.name])
    assert all(r.find_elements(By.TAG_NAME, "td")[1].text == "abgeschlossen" for r in rows)
    for link in ("download-jsonl", "download-csv"):
        assert _by_id(browser, link).get_attribute("href").startswith("blob:")  # type: ignore[attr-defined]
    _by_id(browser, "download-jsonl").click()  # type: ignore[attr-defined]
    downloaded = tmp_path / "downloads" / "results.jsonl"
    assert wait_until(downloaded.is_file, timeout=60), "the JSONL download arrived"
    lines = downloaded.read_text("utf-8").strip().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["result"]["document_id"] for line in lines)
    _by_id(browser, "download-csv").click()  # type: ignore[attr-defined]
    csv_file = tmp_path / "downloads" / "results.csv"
    assert wait_until(csv_file.is_file, timeout=60), "the CSV download arrived"
    header, *rows = csv_file.read_text("utf-8-sig").splitlines()
    assert header.startswith("datei;status;typ;pruefen;") and '"betrag_brutto"' not in header
    assert "rechnungsnummer" in header and "dokumentnummer" in header and len(rows) == 2
    _shot(browser, "batch", tmp_path)
    supplier = _by_id(browser, "filter-supplier")
    supplier.send_keys("niemand-liefert-so")  # type: ignore[attr-defined]
    _wait(browser, lambda d: not d.find_elements(By.CSS_SELECTOR, "#batch-table tbody tr"))


def test_browser_benchmark_runs_and_shows_its_report(mesh: Mesh, browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(browser, mesh)
    _open(browser, "bench")
    invoice = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    _by_id(browser, "bench-files").send_keys(str(invoice))
    _by_id(browser, "bench-truth").send_keys(str(invoice.with_suffix(".truth.json")))
    _by_id(browser, "bench-form").submit()
    _wait(browser, lambda d: _by_id(d, "bench-results").is_displayed())
    assert "abgeschlossen" in _text(browser, "bench-status")
    rows = browser.find_elements(By.CSS_SELECTOR, "#bench-table tbody tr")  # type: ignore[attr-defined]
    assert sorted(r.get_attribute("data-backend") for r in rows) == ["pdftext", "tesseract"]
    assert all("%" in r.text for r in rows)
    assert browser.find_elements(By.CSS_SELECTOR, "#bench-chart svg rect.bar")  # type: ignore[attr-defined]
    _shot(browser, "benchmark", tmp_path)


def test_browser_health_shows_every_backend_live(mesh: Mesh, browser: object, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(browser, mesh)
    _open(browser, "health")
    _wait(browser, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#health-table tbody tr")) >= 2)
    names = {
        r.get_attribute("data-backend")
        for r in browser.find_elements(By.CSS_SELECTOR, "#health-table tbody tr")  # type: ignore[attr-defined]
    }
    assert {"pdftext", "tesseract"} <= names
    assert _text(browser, "health-overall") in ("bereit", "eingeschränkt")
    _shot(browser, "health", tmp_path)


def test_browser_a_process_only_key_is_not_offered_batches_or_benchmarks(
    mesh: Mesh, browser: object, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    _sign_in(browser, mesh, mesh.viewer_key)
    shown = [
        b.get_attribute("data-view")
        for b in browser.find_elements(By.CSS_SELECTOR, "#nav button")  # type: ignore[attr-defined]
        if b.is_displayed()
    ]
    assert shown == ["inspect", "compare", "health"]
    assert "viewer" in _text(browser, "who")
    _open(browser, "inspect")
    _by_id(browser, "inspect-file").send_keys(str(SAMPLE))
    _by_id(browser, "inspect-form").submit()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#fields-table tr[data-field]"))
    assert not browser.find_elements(By.CSS_SELECTOR, "#fields-table input")  # type: ignore[attr-defined]
    assert not _by_id(browser, "learn-button").is_displayed()  # type: ignore[attr-defined]


def test_browser_console_switches_to_english(mesh: Mesh, browser: object) -> None:
    browser.get(mesh.url + "/?lang=en")  # type: ignore[attr-defined]
    _wait(browser, lambda d: _by_id(d, "view-signin").is_displayed())
    _by_id(browser, "key").send_keys("ocm_wrong")
    _by_id(browser, "signin-form").submit()
    _wait(browser, lambda d: "unknown or revoked" in _text(d, "message"))


AXE = REPO / "tools" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}})
  .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
  .catch(e => done([{id: 'axe-error', impact: 'critical', nodes: [String(e)]}]));
"""


@pytest.mark.skipif(not AXE.is_file(), reason="axe-core not installed in tools/ (`make setup` installs it)")
def test_browser_console_screens_pass_the_axe_accessibility_rules(mesh: Mesh, browser: object) -> None:
    """WCAG 2.1 A/AA as axe-core checks it (labels, names, contrast, landmarks) on every screen, filled."""
    from selenium.webdriver.common.by import By

    browser.set_script_timeout(120)  # type: ignore[attr-defined]
    axe = AXE.read_text("utf-8")
    browser.get(mesh.url + "/")  # type: ignore[attr-defined]
    _wait(browser, lambda d: _by_id(d, "view-signin").is_displayed())
    screens: dict[str, list[dict[str, object]]] = {}
    browser.execute_script(axe)  # type: ignore[attr-defined]
    screens["signin"] = browser.execute_async_script(AXE_RUN)  # type: ignore[attr-defined]
    _sign_in(browser, mesh)
    _open(browser, "inspect")
    _by_id(browser, "inspect-file").send_keys(str(SAMPLE))
    _by_id(browser, "inspect-form").submit()
    _wait(browser, lambda d: d.find_elements(By.CSS_SELECTOR, "#page-boxes .field-box"))
    browser.execute_script(axe)  # type: ignore[attr-defined]
    for view in ("inspect", "compare", "batch", "bench", "health"):
        _open(browser, view)
        screens[view] = browser.execute_async_script(AXE_RUN)  # type: ignore[attr-defined]
    found = {name: violations for name, violations in screens.items() if violations}
    assert not found, found


def test_browser_console_is_usable_by_keyboard_alone(mesh: Mesh, browser: object) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.get(mesh.url + "/")  # type: ignore[attr-defined]
    _wait(browser, lambda d: _by_id(d, "view-signin").is_displayed())
    active = lambda: browser.switch_to.active_element  # type: ignore[attr-defined]  # noqa: E731
    assert active().get_attribute("id") == "key"  # the sign-in form has the focus at once
    active().send_keys(mesh.admin_key, Keys.ENTER)
    _wait(browser, lambda d: _by_id(d, "nav").is_displayed())
    assert active().get_attribute("id") == "inspect-title"  # the first screen's heading, announced
    ActionChains(browser).send_keys(Keys.TAB).perform()  # type: ignore[arg-type]
    assert active().get_attribute("id") == "inspect-file"  # Tab goes on into the screen
    visited = []
    for _ in range(12):  # Shift+Tab back up to the sections
        ActionChains(browser).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()  # type: ignore[arg-type]
        visited.append(active().get_attribute("id") or active().get_attribute("data-view") or active().tag_name)
        if active().get_attribute("data-view") == "health":
            break
    assert visited[-1] == "health", visited
    assert active().get_attribute("data-view") == "health"
    active().send_keys(Keys.ENTER)
    _wait(browser, lambda d: _by_id(d, "view-health").is_displayed())
    assert active().get_attribute("id") == "health-title"


def test_browser_a_key_revoked_while_signed_in_is_signed_out_with_a_message(
    mesh: Mesh, browser: object, tmp_path: Path
) -> None:
    env = {**os.environ, "OCRMESH_JOBS_DATA_DIR": str(mesh.suppliers.parent / "data")}
    created = _run(["keys", "create", "kurzzeit", "--scope", "process", "--data-dir", str(mesh.suppliers.parent / "data")], env)
    key = re.search(r"ocm_[A-Za-z0-9_-]+", created).group(0)  # type: ignore[union-attr]
    _sign_in(browser, mesh, key)
    _run(["keys", "revoke", "kurzzeit", "--data-dir", str(mesh.suppliers.parent / "data")], env)
    _open(browser, "inspect")
    _by_id(browser, "inspect-file").send_keys(str(SAMPLE))
    _by_id(browser, "inspect-form").submit()
    _wait(browser, lambda d: _by_id(d, "view-signin").is_displayed())
    assert "unbekannt oder widerrufen" in _text(browser, "message")
    assert browser.execute_script("return sessionStorage.length") == 0  # type: ignore[attr-defined]
