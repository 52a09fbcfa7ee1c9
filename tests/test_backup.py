"""`ocrmesh backup` / `ocrmesh restore` with real SQLite job stores, real files and the real command line."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from clients.backup import BackupError, database_in_use, restore
from jobs_service.store.base import PRIORITY_BATCH, JobSpec, JobStore, NewDocument
from jobs_service.store.sqlite import SqliteJobStore
from ocrmesh.v1 import ocr_pb2 as pb
from tests.conftest import DATASET

REPO = Path(__file__).resolve().parents[1]
PDFS = sorted(DATASET.glob("*.pdf"))[:3]


def _cli(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {"OCRMESH_BENCH_DATA_DIR": str(Path(args[1]).parent / "no-bench"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "clients.cli", *map(str, args)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
        check=False,
    )


def _at(data: Path, suppliers: Path) -> list[str | Path]:
    return ["--data-dir", data, "--suppliers", suppliers]


def _store(data_dir: Path) -> SqliteJobStore:
    return SqliteJobStore(data_dir, retention_seconds=3600)


async def _submit(store: JobStore, pdfs: list[Path]) -> str:
    spec = JobSpec(
        backend="auto",
        options=pb.ProcessOptions().SerializeToString(deterministic=True),
        allow_fallback=False,
        priority=PRIORITY_BATCH,
    )
    job_id, created = await store.submit(
        spec, [NewDocument(p.read_bytes(), p.name, "application/pdf") for p in pdfs]
    )
    assert created
    return job_id


def _state(tmp_path: Path) -> tuple[Path, Path]:
    data, suppliers = tmp_path / "data", tmp_path / "suppliers"
    (data / "benchmarks").mkdir(parents=True)
    (data / "benchmarks" / "latest-priors.json").write_text('{"tesseract": 1.2}', encoding="utf-8")
    (data / "keys.json").write_text('{"api_keys": ["hash"]}', encoding="utf-8")
    (data / "tmp").mkdir()
    (data / "tmp" / "scratch.bin").write_bytes(b"scratch")
    suppliers.mkdir()
    for template in (REPO / "config" / "suppliers").glob("*.yaml"):
        (suppliers / template.name).write_bytes(template.read_bytes())
    return data, suppliers


@pytest.mark.parametrize("dest_name", ["backup-dir", "backup.tar.gz"])
async def test_backup_of_an_open_store_restores_into_an_empty_data_dir(
    tmp_path: Path, dest_name: str
) -> None:
    data, suppliers = _state(tmp_path)
    store = _store(data)
    await store.open()
    try:
        first = await _submit(store, PDFS[:2])
        second = await _submit(store, PDFS[2:])
        assert database_in_use(data / "jobs.sqlite3")
        dest = tmp_path / dest_name
        bench = tmp_path / "bench"  # the container layout: benchmark runs beside, not inside, the jobs' data
        (bench / "run-1").mkdir(parents=True)
        (bench / "run-1" / "report.md").write_text("# run 1", encoding="utf-8")
        # While the store is open:
        made = _cli("backup", dest, *_at(data, suppliers), env={"OCRMESH_BENCH_DATA_DIR": str(bench)})
        assert made.returncode == 0, made.stderr
        assert "2 jobs" in made.stdout
    finally:
        await store.close()

    new_data, new_suppliers = tmp_path / "restored" / "data", tmp_path / "restored" / "suppliers"
    new_bench = tmp_path / "restored" / "bench"
    done = _cli(
        "restore", dest, *_at(new_data, new_suppliers), env={"OCRMESH_BENCH_DATA_DIR": str(new_bench)}
    )
    assert done.returncode == 0, done.stderr
    assert "2 jobs" in done.stdout

    restored = _store(new_data)
    await restored.open()
    try:
        for job_id, pdfs in ((first, PDFS[:2]), (second, PDFS[2:])):
            snapshot = await restored.get_job(job_id)
            assert snapshot is not None and snapshot.progress.total == len(pdfs)
            for document, pdf in zip(snapshot.documents, pdfs, strict=True):
                assert await restored.read_upload(document.content_hash) == pdf.read_bytes()
    finally:
        await restored.close()
    assert (new_data / "benchmarks" / "latest-priors.json").read_text(
        encoding="utf-8"
    ) == '{"tesseract": 1.2}'
    assert (new_data / "keys.json").exists()
    assert (new_bench / "run-1" / "report.md").read_text(encoding="utf-8") == "# run 1"
    assert not (new_data / "tmp" / "scratch.bin").exists()
    assert sorted(p.name for p in new_suppliers.iterdir()) == sorted(p.name for p in suppliers.iterdir())


async def test_restore_refuses_a_database_in_use_unless_forced(tmp_path: Path) -> None:
    data, suppliers = _state(tmp_path)
    store = _store(data)
    await store.open()
    try:
        job_id = await _submit(store, PDFS[:1])
    finally:
        await store.close()
    assert _cli("backup", tmp_path / "b", "--data-dir", data, "--suppliers", suppliers).returncode == 0

    target = tmp_path / "live"
    running = _store(target)  # a running mesh holds its database open
    await running.open()
    try:
        refused = _cli("restore", tmp_path / "b", "--data-dir", target, "--suppliers", tmp_path / "s2")
        assert refused.returncode == 1
        assert "in use" in refused.stderr and "--force" in refused.stderr
        assert await running.get_job(job_id) is None
        forced = _cli(
            "restore", tmp_path / "b", "--data-dir", target, "--suppliers", tmp_path / "s2", "--force"
        )
        assert forced.returncode == 0, forced.stderr
        assert await running.get_job(job_id) is not None  # the live store sees the restored jobs
    finally:
        await running.close()


def _archive(path: Path, members: list[tuple[tarfile.TarInfo, bytes]]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        manifest = b'{"format": 1}'
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
        for member, content in members:
            member.size = len(content)
            tar.addfile(member, io.BytesIO(content))
    return path


@pytest.mark.parametrize(
    "name", ["../escaped.txt", "data/../../escaped.txt", "/tmp/escaped.txt", "C:\\escaped.txt"]
)
def test_restore_refuses_archives_with_path_traversal(tmp_path: Path, name: str) -> None:
    archive = _archive(tmp_path / "evil.tar.gz", [(tarfile.TarInfo(name), b"evil")])
    with pytest.raises(BackupError, match="path traversal"):
        restore(archive, tmp_path / "data", tmp_path / "suppliers")
    assert not (tmp_path / "escaped.txt").exists()
    assert not (tmp_path / "data").exists()


def test_restore_refuses_archives_with_links(tmp_path: Path) -> None:
    link = tarfile.TarInfo("data/keys.json")
    link.type = tarfile.SYMTYPE
    link.linkname = "/etc/passwd"
    archive = _archive(tmp_path / "link.tar.gz", [(link, b"")])
    result = _cli("restore", archive, "--data-dir", tmp_path / "data", "--suppliers", tmp_path / "suppliers")
    assert result.returncode == 1
    assert "link" in result.stderr
    assert not (tmp_path / "data").exists()


def test_postgresql_gets_a_pg_dump_hint_and_a_failure(tmp_path: Path) -> None:
    env = {"OCRMESH_JOBS_DATABASE_URL": "postgresql://ocr@db:5432/ocrmesh"}
    for command in ("backup", "restore"):
        target = tmp_path / "b" if command == "backup" else tmp_path
        result = _cli(command, target, "--data-dir", tmp_path, "--suppliers", tmp_path, env=env)
        assert result.returncode == 1
        assert "PostgreSQL" in result.stderr
        assert "pg_dump" in result.stderr and "pg_restore" in result.stderr


def test_backup_refuses_a_non_empty_destination(tmp_path: Path) -> None:
    data, suppliers = _state(tmp_path)
    (tmp_path / "dest").mkdir()
    (tmp_path / "dest" / "other.txt").write_text("keep me", encoding="utf-8")
    result = _cli("backup", tmp_path / "dest", "--data-dir", data, "--suppliers", suppliers)
    assert result.returncode == 1 and "not an empty directory" in result.stderr
    assert (tmp_path / "dest" / "other.txt").read_text(encoding="utf-8") == "keep me"


def test_backup_refuses_a_destination_inside_what_it_backs_up(tmp_path: Path) -> None:
    data, suppliers = _state(tmp_path)
    result = _cli("backup", data / "backups" / "b.tar.gz", *_at(data, suppliers))
    assert result.returncode == 1 and "lies inside" in result.stderr
    assert not (data / "backups").exists()
