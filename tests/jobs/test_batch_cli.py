"""`ocrmesh batch` as a user runs it: a folder in, JSONL and the invoice fields as CSV out."""

from __future__ import annotations

import asyncio
import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pymupdf
import pytest

from tests.conftest import REPO
from tests.doctype.test_classify import TEXTS
from tests.jobs.helpers import DATASET


def _pdf(text: str) -> bytes:
    with pymupdf.open() as doc:
        page = doc.new_page()
        page.insert_textbox(pymupdf.Rect(50, 50, 550, 800), text, fontsize=10, fontname="helv")
        return doc.tobytes()


INVOICES = ("EN16931_zugferd_2p0_EN16931_Einfach.pdf", "BASIC_zugferd_2p0_BASIC_Taxifahrt.pdf")


def _invoice_folder(tmp_path: Path) -> Path:
    """A folder "rechnungen" holding two dataset invoices (INVOICES)."""
    folder = tmp_path / "rechnungen"
    folder.mkdir()
    for name in INVOICES:
        (folder / name).write_bytes((DATASET / name).read_bytes())
    return folder


@pytest.mark.parametrize("store_kind", ["sqlite"])
async def test_batch_folder_to_jsonl_and_csv(
    store_kind: str, make_settings: Any, start_jobs: Any, pdftext_server: Any, tmp_path: Path
) -> None:
    jobs = await start_jobs(make_settings(upstream=pdftext_server.target))
    folder = _invoice_folder(tmp_path)
    names = list(INVOICES)
    (folder / "notes.txt").write_text("not a document")
    (folder / "vertrag.pdf").write_bytes(_pdf(TEXTS["vertrag"]))  # a contract: its own columns
    out, fields = tmp_path / "results.jsonl", tmp_path / "fields.csv"
    args = [sys.executable, "-m", "clients.cli", "batch", str(folder), "--target", jobs.target, "--backend", "pdftext",
            "--out", str(out), "--csv", str(fields)]  # fmt: skip
    run = await asyncio.to_thread(subprocess.run, args, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "3/3 documents completed" in run.stderr
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [Path(line["file"]).name for line in lines] == sorted([*names, "vertrag.pdf"])
    assert all(line["status"] == "completed" and line["result"]["text"] for line in lines)
    rows = {Path(r["file"]).name: r for r in csv.DictReader(fields.open(encoding="utf-8"))}
    for name in names:
        truth = json.loads((DATASET / name.replace(".pdf", ".truth.json")).read_text())
        assert rows[name]["rechnungsnummer"] == truth["rechnungsnummer"]
        assert rows[name]["datum"] == truth["datum"]
        assert rows[name]["document_type"] == "rechnung"
        assert rows[name]["dokumentnummer"] == truth["rechnungsnummer"]
    contract = rows["vertrag.pdf"]
    assert contract["document_type"] == "vertrag" and contract["rechnungsnummer"] == ""
    assert contract["parteien"] == "Kunden AG; Muster Bürotechnik GmbH"
    assert contract["kuendigungsfrist"] == "drei Monate zum Quartalsende"
    assert contract["needs_review"] in ("true", "false")
    # The same command again attaches to the same job (idempotency key from the contents).
    again = await asyncio.to_thread(subprocess.run, args, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert again.returncode == 0 and "already submitted" in again.stderr


@pytest.mark.parametrize("store_kind", ["sqlite"])
async def test_batch_writes_each_document_as_markdown_or_searchable_pdf(
    store_kind: str, make_settings: Any, start_jobs: Any, pdftext_server: Any, tmp_path: Path
) -> None:
    jobs = await start_jobs(make_settings(upstream=pdftext_server.target))
    folder = _invoice_folder(tmp_path)
    names = list(INVOICES)
    written: dict[str, Path] = {}
    for output in ("markdown", "pdf"):
        written[output] = tmp_path / output
        args = [sys.executable, "-m", "clients.cli", "batch", str(folder), "--target", jobs.target, "--backend",
                "pdftext", "--format", output, "--out-dir", str(written[output])]  # fmt: skip
        run = await asyncio.to_thread(subprocess.run, args, cwd=REPO, capture_output=True, text=True, timeout=120)
        assert run.returncode == 0, run.stderr
        assert f"wrote 2 {output} files" in run.stderr
    for name in names:
        truth = json.loads((DATASET / name.replace(".pdf", ".truth.json")).read_text())
        markdown = (written["markdown"] / name.replace(".pdf", ".md")).read_text(encoding="utf-8")
        assert markdown.startswith("<!-- page 1 -->") and truth["rechnungsnummer"] in markdown
        with pymupdf.open(written["pdf"] / name) as searchable, pymupdf.open(DATASET / name) as original:
            assert searchable.page_count == original.page_count
            assert truth["rechnungsnummer"] in searchable[0].get_text()
    bad = [sys.executable, "-m", "clients.cli", "batch", str(folder), "--target", jobs.target, "--format", "docx",
           "--out-dir", str(tmp_path / "x")]  # fmt: skip
    refused = await asyncio.to_thread(subprocess.run, bad, cwd=REPO, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 1 and "markdown, text, pdf" in refused.stderr
