"""The GPU backends' pure parts, without a model: mode choice, tables, VLM field checks, model files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from ocrmesh.v1 import ocr_pb2 as pb
from services.gotocr.pages import choose_mode, measure
from services.gotocr.tables import parse_tables, plain_text
from services.janus.fields import merge, parse_answer
from services.models.catalog import load_catalog
from services.models.download import LOCK_FILE, Lock, ModelCheckError, download, sha256_file, verify
from services.models.spec import ModelSpec


def _page(height: int, line_px: int, rules: int = 0) -> Image.Image:
    image = Image.new("L", (int(height * 0.707), height), 255)
    draw = ImageDraw.Draw(image)
    y = 50
    while y < height - 50:
        for x in range(40, image.width - 200, 45):  # "words": rows of text are far from solid rules
            draw.rectangle((x, y, x + 20, y + line_px), fill=0)
        y += line_px * 2
    for i in range(rules):
        draw.line((20, 60 + 40 * i, image.width - 20, 60 + 40 * i), fill=0, width=2)
    return image


def test_dense_pages_get_multi_crop_and_ruled_pages_formatted_output() -> None:
    sparse = measure(_page(1100, 30))
    dense = measure(_page(3508, 12))
    ruled = measure(_page(1100, 30, rules=5))
    assert choose_mode(sparse, mode="auto", crop="auto") == "plain"
    assert choose_mode(dense, mode="auto", crop="auto") == "crop"
    assert choose_mode(ruled, mode="auto", crop="never") == "format"
    assert choose_mode(dense, mode="format", crop="auto") == "crop+format"
    assert choose_mode(dense, mode="plain", crop="never") == "plain"


def test_tables_from_latex_and_markdown() -> None:
    latex = r"Rechnung\begin{tabular}{|l|r|}\hline Pos. & Betrag \\ \hline Äpfel & 222,00 \euro \\ Öl \& Gas & 194,00 \\ \end{tabular}"
    [table] = parse_tables(latex)
    assert (table.row_count, table.column_count) == (3, 2)
    assert [c.text for c in table.cells] == ["Pos.", "Betrag", "Äpfel", "222,00 €", "Öl & Gas", "194,00"]
    assert "Öl & Gas\t194,00" in plain_text(latex)
    [md] = parse_tables("Text\n| Pos. | Betrag |\n|---|---|\n| 1 | 12,50 € |\nEnde")
    assert md.row_count == 2 and md.cells[3].text == "12,50 €"


PAGE_TEXT = (
    "Müller & Söhne GmbH\nRechnung Nr. R-2024-17 vom 10.03.2024\nNetto 100,00 € MwSt 19,00 € Brutto 119,00 €\n"
    "IBAN DE89 3704 0044 0532 0130 00"
)


def test_vlm_answers_are_checked_before_they_count() -> None:
    answer = parse_answer(
        '```json\n{"rechnungsnummer": "R-2024-17", "datum": "10.03.2024", "betrag_netto": "100,00", "mwst": "19,00",'
        ' "betrag_brutto": "119,00", "iban": "DE89 3704 0044 0532 0130 01", "lieferant": "Erfundene AG",'
        ' "bic": null, "waehrung": "EUR"}\n```'
    )
    assert "bic" not in answer
    fields = pb.InvoiceFields()
    fields.fields.add(name="rechnungsnummer", value="R-2024-17", source=pb.FIELD_SOURCE_TEXT)
    merge(fields, answer, PAGE_TEXT, confidence=0.8, page=1)
    by_name = {f.name: f for f in fields.fields}
    assert by_name["rechnungsnummer"].source == pb.FIELD_SOURCE_TEXT  # the text's value stays
    assert by_name["datum"].value == "2024-03-10" and by_name["datum"].source == pb.FIELD_SOURCE_VLM
    assert by_name["betrag_brutto"].value == "119.00" and by_name["betrag_brutto"].valid
    assert by_name["waehrung"].value == "EUR"
    assert "iban" not in by_name and "lieferant" not in by_name  # bad checksum; not printed on the page
    checks = {c.name: c for c in fields.checks}
    assert not checks["vlm_iban"].passed and not checks["vlm_lieferant"].passed
    assert checks["vlm_vs_text_rechnungsnummer"].passed


def test_amounts_that_do_not_add_up_are_rejected() -> None:
    fields = pb.InvoiceFields()
    merge(fields, {"betrag_netto": "100,00", "mwst": "19,00", "betrag_brutto": "100,00"}, PAGE_TEXT + " 100,00", 0.9, 1)
    assert not fields.fields and any(c.name == "vlm_netto+mwst=brutto" and not c.passed for c in fields.checks)
    assert parse_answer("no json here") == {} and parse_answer("[1, 2]") == {}


def test_catalog_collects_every_backend_and_tolerates_a_missing_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from services.models import catalog as catalog_module

    monkeypatch.setitem(catalog_module.BACKEND_MODULES, "nothing", "services.does_not_exist.models")
    catalog = load_catalog()
    assert {"gotocr", "deepseek"} <= set(catalog.specs) and "nothing" in catalog.unavailable
    assert [s.source for s in catalog.select("deepseek")] == ["deepseek-community/Janus-Pro-7B"]
    with pytest.raises(ValueError, match="known"):
        catalog.select("tesseract")


def test_download_locks_on_first_use_and_detects_changes(tmp_path: Path) -> None:
    spec = ModelSpec(backend="gotocr", name="demo", source="org/demo", revision="main")
    served = {"config.json": b'{"a": 1}', "model.safetensors": b"weights"}
    calls: list[str] = []

    def fake_fetch(s: ModelSpec, revision: str, folder: Path) -> str:
        calls.append(revision)
        for name, data in served.items():
            (folder / name).write_bytes(data)
        return "a" * 40

    lock = download(spec, tmp_path, fetch=fake_fetch)
    assert lock.resolved_revision == "a" * 40 and set(lock.files) == {"config.json", "model.safetensors"}
    assert (spec.local_dir(tmp_path) / LOCK_FILE).is_file() and verify(spec, tmp_path).files == lock.files
    download(spec, tmp_path, fetch=fake_fetch)
    assert calls == ["main", "a" * 40]  # the second run fetches the locked commit, not "main"
    served["model.safetensors"] = b"tampered"
    with pytest.raises(ModelCheckError, match="differ from the lock"):
        download(spec, tmp_path, fetch=fake_fetch)
    with pytest.raises(ModelCheckError, match="model.safetensors"):
        verify(spec, tmp_path)
    pinned = ModelSpec(backend="gotocr", name="demo2", source="org/demo", revision="main",
                       sha256={"config.json": "0" * 64})  # fmt: skip
    with pytest.raises(ModelCheckError, match="the spec expects"):
        download(pinned, tmp_path, fetch=fake_fetch)
    assert Lock.read(tmp_path / "nowhere") is None
    assert sha256_file(spec.local_dir(tmp_path) / "config.json") == lock.files["config.json"]
