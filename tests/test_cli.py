"""The CLI against real server processes: `ocrmesh serve` and `ocrmesh process`."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import PATIENCE

REPO = Path(__file__).resolve().parents[1]


def _cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "clients.cli", *args], cwd=REPO, capture_output=True, text=True, timeout=timeout
    )


def test_light_backends_do_not_import_model_stacks() -> None:
    code = (
        "import sys, services.tesseract.engine, services.pdftext.engine, services.scaffold.server, clients.cli;"
        "heavy = {'torch', 'transformers', 'docling', 'surya'} & set(sys.modules); print(sorted(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_serve_and_process_json(backend_process, dataset_dir: Path) -> None:  # type: ignore[no-untyped-def]
    proc, target = backend_process("pdftext")
    invoice = dataset_dir / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    result = _cli("process", str(invoice), "--target", target, "--json", "--no-fields")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert [p["pageNumber"] for p in out["pages"]] == [1, 2]
    assert "Lieferantenstraße 20" in out["pages"][0]["text"]
    assert out["document"]["metadata"]["pageCount"] == 2
    # SIGTERM stops the server gracefully with exit code 0.
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=PATIENCE) == 0


def test_process_prints_pages_and_clear_errors(backend_process, dataset_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, target = backend_process("pdftext")
    invoice = dataset_dir / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    result = _cli("process", str(invoice), "--target", target, "--no-fields")
    assert result.returncode == 0, result.stderr
    assert "page 1/2" in result.stdout and "page 2/2" in result.stdout
    fake = tmp_path / "rechnung.pdf"
    fake.write_text("keine PDF-Datei")
    result = _cli("process", str(fake), "--target", target)
    assert result.returncode == 1
    assert "INVALID_ARGUMENT" in result.stderr and "plain text" in result.stderr


def test_process_writes_markdown_text_or_a_searchable_pdf(backend_process, dataset_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import pymupdf

    _, target = backend_process("pdftext")
    invoice = dataset_dir / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    markdown = _cli("process", str(invoice), "--target", target, "--format", "markdown")
    assert markdown.returncode == 0, markdown.stderr
    assert "<!-- page 2 -->" in markdown.stdout and "Lieferantenstraße 20" in markdown.stdout
    assert "--- page" not in markdown.stdout  # the document, not the progress of its pages
    out = tmp_path / "rechnung.pdf"
    pdf = _cli("process", str(invoice), "--target", target, "--format", "pdf", "--out", str(out))
    assert pdf.returncode == 0, pdf.stderr
    with pymupdf.open(out) as doc:
        assert doc.page_count == 2 and "Lieferantenstraße 20" in doc[0].get_text()
    wrong = _cli("process", str(invoice), "--target", target, "--format", "docx")
    assert wrong.returncode == 2 and "markdown, text, pdf" in wrong.stderr


def test_unknown_backend_is_a_clear_error() -> None:
    result = _cli("serve", "abbyy", "--port", "0")
    assert result.returncode == 2
    assert "unknown backend 'abbyy'" in result.stderr and "tesseract" in result.stderr


def test_learn_supplier_from_a_confirmed_document(backend_process, dataset_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    _, target = backend_process("pdftext")
    invoice = dataset_dir / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
    registry = tmp_path / "suppliers"
    result = _cli(
        "learn-supplier", str(invoice), "--target", target, "--directory", str(registry), "--id", "lieferant-gmbh",
        "--set", "iban=DE02120300000000202051", "--yes",
    )
    assert result.returncode == 0, result.stderr
    saved = yaml.safe_load((registry / "lieferant-gmbh.yaml").read_text())
    assert saved["name"] == "Lieferant GmbH" and saved["vat_id"] == "DE123456789"
    assert saved["iban"] == "DE02120300000000202051"  # the person's correction


def test_clients_default_to_where_up_and_router_listen() -> None:
    """`ocrmesh process`, `batch` and `learn-supplier` without --target reach the router `up` starts."""
    import inspect

    from clients import cli
    from clients.mesh import MeshSettings
    from router_service.settings import RouterSettings

    mesh = MeshSettings()
    assert cli.ROUTER_ADDRESS == f"{mesh.host}:{mesh.router_port}" == f"127.0.0.1:{RouterSettings().port}"
    for command in (cli.process, cli.batch, cli.learn_supplier):
        assert inspect.signature(command).parameters["target"].default == cli.ROUTER_ADDRESS, command.__name__


def test_an_expected_error_ends_a_command_with_one_line_and_its_exit_code(capsys) -> None:  # type: ignore[no-untyped-def]
    import pytest
    import typer

    from clients.exits import exit_on

    with pytest.raises(typer.Exit) as ended, exit_on(KeyError, ValueError, code=2):
        raise ValueError("port must be a number")
    assert ended.value.exit_code == 2
    assert capsys.readouterr().err == "error: port must be a number\n"
    with pytest.raises(RuntimeError), exit_on(ValueError, code=2):
        raise RuntimeError("a bug is not an expected error")


def test_bad_settings_of_a_server_command_exit_2(tmp_path: Path) -> None:
    config = tmp_path / "router.yaml"
    config.write_text("router: [1, 2]\n")
    router = _cli("router", "--config", str(config))
    assert router.returncode == 2 and router.stderr.startswith("error: ") and "expected a mapping" in router.stderr
    gateway = _cli("gateway", "--port", "-5")
    assert gateway.returncode == 2 and gateway.stderr.startswith("error: ")
    models = _cli("models", "download", "nonsense")
    assert models.returncode == 2 and "error: unknown backend 'nonsense'" in models.stderr
