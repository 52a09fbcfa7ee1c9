"""`ocrmesh keys` and `ocrmesh up`'s local admin key, as processes against a real database."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from gateway_rest.settings import GatewaySettings
from jobs_service.settings import JobsSettings
from jobs_service.store import create_store
from jobs_service.store.keys import KeyStore
from router_service.settings import RouterSettings
from services.scaffold.ports import free_port

REPO = Path(__file__).resolve().parents[1]


def _cli(data_dir: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "OCRMESH_JOBS_DATA_DIR": str(data_dir)}
    env.pop("OCRMESH_API_KEY", None)
    return subprocess.run(
        [sys.executable, "-m", "clients.cli", *args],
        check=False,
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


async def _authenticates(data_dir: Path, key: str) -> str | None:
    store = create_store(JobsSettings(data_dir=data_dir))
    await store.open()
    try:
        principal = await KeyStore(store.db).authenticate(key)  # type: ignore[attr-defined]
        return principal.name if principal is not None else None
    finally:
        await store.close()


async def test_create_list_rotate_revoke(tmp_path: Path) -> None:
    created = _cli(tmp_path, "keys", "create", "buchhaltung", "--scope", "process,batch", "--rate", "60/min")
    assert created.returncode == 0, created.stderr
    key = created.stdout.split()[-1]
    assert key.startswith("ocm_") and len(key) > 40
    assert await _authenticates(tmp_path, key) == "buchhaltung"
    # Stored hashed: the key appears nowhere in the database file.
    with sqlite3.connect(tmp_path / "jobs.sqlite3") as db:
        dump = "\n".join(db.iterdump())
    assert key not in dump and key[4:] not in dump
    listed = _cli(tmp_path, "keys", "list")
    assert "buchhaltung" in listed.stdout and "60/minute" in listed.stdout and key not in listed.stdout
    assert _cli(tmp_path, "keys", "create", "buchhaltung").returncode == 2  # the name is taken
    rotated = _cli(tmp_path, "keys", "rotate", "buchhaltung")
    assert rotated.returncode == 0, rotated.stderr
    new_key = rotated.stdout.split()[-1]
    assert await _authenticates(tmp_path, key) is None
    assert await _authenticates(tmp_path, new_key) == "buchhaltung"
    assert _cli(tmp_path, "keys", "revoke", "buchhaltung").returncode == 0
    assert await _authenticates(tmp_path, new_key) is None
    assert _cli(tmp_path, "keys", "create", "x", "--scope", "everything").returncode == 2


def test_authentication_can_be_off_only_on_loopback() -> None:
    RouterSettings(auth=False, host="127.0.0.1")
    GatewaySettings(auth=False, host="::1")
    with pytest.raises(ValueError, match="loopback"):
        RouterSettings(auth=False, host="0.0.0.0")
    with pytest.raises(ValueError, match="loopback"):
        GatewaySettings(auth=False, host="192.168.1.20")
    RouterSettings(auth=True, host="0.0.0.0")


def test_up_makes_the_local_admin_key_once_and_the_demo_uses_it(tmp_path: Path) -> None:
    ports = [
        "--gateway-port",
        str(free_port()),
        "--router-port",
        str(free_port()),
        "--base-port",
        str(free_port()),
    ]
    first = _cli(tmp_path, "up", "--demo", "samples/rechnung-beispiel.pdf", *ports)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "backend: pdftext" in first.stdout  # the demo went through REST with the key
    key_file = tmp_path / "admin.key"
    key = key_file.read_text().strip()
    assert "admin API key" in first.stderr and key in first.stderr
    if os.name == "posix":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert _cli(tmp_path, "keys", "local").stdout.strip() == key
    second = _cli(tmp_path, "up", "--demo", "samples/rechnung-beispiel.pdf", *ports)
    assert second.returncode == 0, second.stderr[-3000:]
    assert key not in second.stderr  # printed once
    assert key_file.read_text().strip() == key


def test_certs_init_names_loopback_in_the_server_certificate(tmp_path: Path) -> None:
    """A container's health check asks its server on 127.0.0.1: the certificate must name it."""
    from cryptography import x509

    result = _cli(tmp_path / "data", "certs", "init", str(tmp_path / "certs"), "--host", "gpu-pc.lan")
    assert result.returncode == 0, result.stderr
    cert = x509.load_pem_x509_certificate((tmp_path / "certs" / "server.pem").read_bytes())
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["gpu-pc.lan", "localhost"]
    assert [str(ip) for ip in san.get_values_for_type(x509.IPAddress)] == ["127.0.0.1"]
    common_name = cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)[0].value
    assert common_name == "gpu-pc.lan"
