"""Runs on disk: `<data_dir>/<run_id>/run.json`, `report.md`, `report.html`; the router's priors beside them.

Writes are atomic (temporary file, then rename), so a reader never sees half
a run. Run ids are checked against their pattern before they touch a path.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
from pathlib import Path

from bench_service import report
from bench_service.model import RunRecord, utcnow
from bench_service.priors import Priors, write_priors
from services.scaffold.errors import NotFoundError

RUN_ID = re.compile(r"^\d{8}T\d{6}Z-[0-9a-f]{6}$")


class UnknownRunError(NotFoundError, KeyError):
    """No run with this id (NOT_FOUND)."""

    def __init__(self, run_id: str) -> None:
        super().__init__(f"no benchmark run {run_id!r}")
        self.run_id = run_id


def new_run_id() -> str:
    return f"{utcnow():%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


class RunStore:
    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)

    @property
    def priors_path(self) -> Path:
        return self.data_dir / "latest-priors.json"

    def run_dir(self, run_id: str) -> Path:
        if not RUN_ID.match(run_id):
            raise UnknownRunError(run_id)
        return self.data_dir / run_id

    def save(self, record: RunRecord) -> None:
        directory = self.run_dir(record.run_id)
        directory.mkdir(parents=True, exist_ok=True)
        _write(directory / "run.json", record.model_dump_json(indent=2).encode())

    def save_reports(self, record: RunRecord) -> None:
        directory = self.run_dir(record.run_id)
        directory.mkdir(parents=True, exist_ok=True)
        for fmt in ("markdown", "html"):
            content, _mime, filename = report.render(record, fmt)
            _write(directory / filename, content)

    def finish(self, record: RunRecord) -> Priors | None:
        """Persist a final run with its reports; a completed one also updates the priors."""
        self.save(record)
        self.save_reports(record)
        if record.status == "completed" and record.summaries:
            return write_priors(self.priors_path, record)
        return None

    def load(self, run_id: str) -> RunRecord:
        path = self.run_dir(run_id) / "run.json"
        try:
            return RunRecord.model_validate_json(path.read_bytes())
        except FileNotFoundError:
            raise UnknownRunError(run_id) from None

    def run_ids(self) -> list[str]:
        """Newest first."""
        if not self.data_dir.is_dir():
            return []
        return sorted((p.name for p in self.data_dir.iterdir() if RUN_ID.match(p.name)), reverse=True)

    def list(self, limit: int = 50) -> list[RunRecord]:
        out = []
        for run_id in self.run_ids():
            try:
                out.append(self.load(run_id).listing())
            except (UnknownRunError, ValueError):
                continue  # a half-deleted or foreign directory
            if len(out) >= limit:
                break
        return out

    def prune(self, keep: int) -> None:
        """Delete the oldest final runs beyond `keep` (0 = keep all)."""
        if keep <= 0:
            return
        for run_id in self.run_ids()[keep:]:
            try:
                if self.load(run_id).final:
                    shutil.rmtree(self.run_dir(run_id), ignore_errors=True)
            except (UnknownRunError, ValueError):
                continue
