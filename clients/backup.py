"""`ocrmesh backup DEST` / `ocrmesh restore SRC`: one host's state, copied consistently.

What is saved:
- the jobs database, through SQLite's online backup API (`Connection.backup`):
  a consistent copy while the mesh runs, checked with `PRAGMA integrity_check`;
- everything else in the data directory: the uploads the jobs refer to, key
  files, and benchmark runs, reports and priors when they live there (they do
  by default, in data/benchmarks); not temporary files (`tmp/`) nor the
  database's own `-wal`/`-shm` files;
- the benchmark directory when it lies elsewhere (the container image keeps
  it in /data/benchmarks beside the jobs' /data/jobs);
- the supplier templates (config/suppliers).

DEST is a directory (created; must not exist or be empty) or a file name ending
in `.tar.gz`. Either holds `manifest.json`, `data/...`, `suppliers/...` and,
when it was separate, `benchmarks/...`.

Restore refuses an archive with absolute paths, `..`, links or special files;
refuses to overwrite a database that is in use (a running mesh holds it open)
unless forced; and writes the database through the backup API too, never as a
file copy over a live database. A PostgreSQL jobs database is not copied here:
the error names the `pg_dump` / `pg_restore` commands.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath

from jobs_service.store.sqlite import DB_NAME

FORMAT = 1
MANIFEST = "manifest.json"
ARCHIVE_SUFFIX = ".tar.gz"
# Never copied as files: the database goes through the backup API; tmp/ is scratch space.
SKIPPED_NAMES = frozenset({DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", f"{DB_NAME}-journal", "tmp"})


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why and what to do."""


@dataclass(frozen=True)
class Summary:
    location: Path
    jobs: int
    data_files: int
    supplier_files: int

    def describe(self) -> str:
        return f"{self.location}: {self.jobs} jobs, {self.data_files} data files, {self.supplier_files} supplier files"


def postgres_hint(database_url: str) -> str:
    return (
        "the jobs database is PostgreSQL; back it up with its own tools, e.g.\n"
        f"  pg_dump --format=custom --file=ocrmesh-jobs.dump '{database_url}'\n"
        f"  pg_restore --clean --if-exists --dbname='{database_url}' ocrmesh-jobs.dump\n"
        "(`ocrmesh backup` copies SQLite databases only)"
    )


def backup(
    dest: Path, data_dir: Path, suppliers_dir: Path, database_url: str = "", bench_dir: Path | None = None
) -> Summary:
    """Write a backup of `data_dir` and `suppliers_dir` to `dest` (a directory or a .tar.gz)."""
    if database_url:
        raise BackupError(postgres_hint(database_url))
    for area in (data_dir, suppliers_dir, bench_dir):
        if area is not None and dest.resolve().is_relative_to(area.resolve()):
            raise BackupError(f"{dest} lies inside {area}, which is backed up: put backups elsewhere")
    if dest.name.endswith(ARCHIVE_SUFFIX):
        if dest.exists():
            raise BackupError(f"{dest} exists already; choose a new name")
        dest.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".ocrmesh-backup-", dir=dest.parent) as staging:
            summary = _write_tree(Path(staging), data_dir, suppliers_dir, bench_dir)
            partial = dest.with_name(dest.name + ".partial")
            with tarfile.open(partial, "w:gz") as tar:
                for path in sorted(Path(staging).iterdir()):
                    tar.add(path, arcname=path.name)
            partial.replace(dest)
        return Summary(dest, summary.jobs, summary.data_files, summary.supplier_files)
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise BackupError(f"{dest} exists and is not an empty directory; choose a new one")
    dest.mkdir(parents=True, exist_ok=True)
    return _write_tree(dest, data_dir, suppliers_dir, bench_dir)


def restore(
    src: Path,
    data_dir: Path,
    suppliers_dir: Path,
    *,
    force: bool = False,
    database_url: str = "",
    bench_dir: Path | None = None,
) -> Summary:
    """Put a backup made by `backup` back into `data_dir` and `suppliers_dir`."""
    if database_url:
        raise BackupError(postgres_hint(database_url))
    with _unpacked(src) as root:
        _read_manifest(root)
        target_db = data_dir / DB_NAME
        if target_db.exists() and database_in_use(target_db) and not force:
            raise BackupError(
                f"{target_db} is in use (is the mesh running?); stop it first, or pass --force to "
                "overwrite the live database (restart the mesh afterwards)"
            )
        data_dir.mkdir(parents=True, exist_ok=True)
        source_db = root / "data" / DB_NAME
        jobs = 0
        if source_db.exists():
            _sqlite_copy(source_db, target_db)
            jobs = count_jobs(target_db)
        data_files = _copy_files(root / "data", data_dir, skip=SKIPPED_NAMES)
        if bench_dir is not None and (root / "benchmarks").is_dir():
            data_files += _copy_files(root / "benchmarks", bench_dir)
        supplier_files = (
            _copy_files(root / "suppliers", suppliers_dir) if (root / "suppliers").is_dir() else 0
        )
    return Summary(data_dir, jobs, data_files, supplier_files)


def database_in_use(path: Path) -> bool:
    """Whether another connection holds the SQLite database open (in WAL mode every open connection does)."""
    with closing(sqlite3.connect(path, timeout=0, isolation_level=None)) as connection:
        try:
            connection.execute("PRAGMA locking_mode = EXCLUSIVE")
            connection.execute("BEGIN EXCLUSIVE")
            connection.execute("ROLLBACK")
        except sqlite3.OperationalError:
            return True
    return False


def count_jobs(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        try:
            return int(connection.execute("SELECT count(*) FROM jobs").fetchone()[0])
        except sqlite3.OperationalError:  # no jobs table yet
            return 0


# ---------------------------------------------------------------- internals


def _write_tree(root: Path, data_dir: Path, suppliers_dir: Path, bench_dir: Path | None) -> Summary:
    (root / "data").mkdir()
    jobs = 0
    if (data_dir / DB_NAME).exists():
        _sqlite_copy(data_dir / DB_NAME, root / "data" / DB_NAME)
        jobs = count_jobs(root / "data" / DB_NAME)
    data_files = _copy_files(data_dir, root / "data", skip=SKIPPED_NAMES) if data_dir.is_dir() else 0
    if (
        bench_dir is not None
        and bench_dir.is_dir()
        and not bench_dir.resolve().is_relative_to(data_dir.resolve())
    ):
        data_files += _copy_files(bench_dir, root / "benchmarks")
    supplier_files = _copy_files(suppliers_dir, root / "suppliers") if suppliers_dir.is_dir() else 0
    manifest = {
        "format": FORMAT,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "jobs_database": DB_NAME if jobs or (root / "data" / DB_NAME).exists() else None,
        "jobs": jobs,
        "data_files": data_files,
        "supplier_files": supplier_files,
    }
    (root / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return Summary(root, jobs, data_files, supplier_files)


def _sqlite_copy(source: Path, target: Path) -> None:
    """Copy a database page by page through the online backup API, then check the copy."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(source, timeout=30)) as src,
        closing(sqlite3.connect(target, timeout=30)) as dst,
    ):
        src.backup(dst)
        result = dst.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(f"the copy of {source} failed its integrity check: {result}")


def _copy_files(source: Path, target: Path, skip: frozenset[str] = frozenset()) -> int:
    """Copy the files under `source` (top-level names in `skip` left out); returns how many."""
    count = 0
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if relative.parts[0] in skip or path.is_symlink() or not path.is_file():
            continue
        destination = target / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, destination)
        count += 1
    return count


def _read_manifest(root: Path) -> dict[str, object]:
    try:
        manifest = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"not an ocrmesh backup (no readable {MANIFEST}): {exc}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"backup format {manifest.get('format')!r} is not supported (expected {FORMAT})")
    return manifest


@contextmanager
def _unpacked(src: Path) -> Iterator[Path]:
    """The backup's root directory: `src` itself, or the checked archive extracted to a temporary one."""
    if src.is_dir():
        yield src
        return
    if not src.name.endswith(ARCHIVE_SUFFIX) or not src.is_file():
        raise BackupError(f"{src} is neither a backup directory nor a {ARCHIVE_SUFFIX} file")
    with tempfile.TemporaryDirectory(prefix="ocrmesh-restore-") as tmp:
        try:
            with tarfile.open(src, "r:gz") as tar:
                members = tar.getmembers()
                for member in members:
                    _check_member(src, member)
                tar.extractall(tmp, members=members, filter="data")
        except (tarfile.TarError, EOFError, OSError) as exc:
            raise BackupError(f"cannot read {src}: {exc}") from None
        yield Path(tmp)


def _check_member(src: Path, member: tarfile.TarInfo) -> None:
    name = member.name
    if (
        PurePosixPath(name).is_absolute()
        or PureWindowsPath(name).is_absolute()
        or PureWindowsPath(name).drive
        or ".." in PurePosixPath(name.replace("\\", "/")).parts
    ):
        raise BackupError(f"refusing {src}: member {name!r} points outside the backup (path traversal)")
    if not (member.isfile() or member.isdir()):
        raise BackupError(f"refusing {src}: member {name!r} is a link or a special file")
