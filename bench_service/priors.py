"""The router's priors: what the latest benchmarks say each backend does per document class.

`data/benchmarks/latest-priors.json` is written when a run completes. It is
merged per backend and class: a run that measured only tesseract on scans
replaces tesseract's scan figures and leaves everything else as it was, so
every entry carries the run id and time it comes from.

    from bench_service.priors import load_priors
    priors = load_priors(Path("data/benchmarks/latest-priors.json"))
    priors.accuracy("tesseract", "degraded-scan")      # 0.93 or None
    priors.seconds_per_page("tesseract")               # 1.2 or None
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from bench_service.model import RunRecord

PRIORS_VERSION = 1


class PriorsError(ValueError):
    """The priors file exists but cannot be used."""


@dataclass(frozen=True)
class ClassPrior:
    """One backend on one document class."""

    # Mean character accuracy (documents with a reference text); None when none had one.
    accuracy: float | None
    # Invoice fields right / fields with truth; None without field truth.
    field_accuracy: float | None
    # Median engine seconds per page on this class (warm).
    seconds_per_page: float | None
    # Documents behind `accuracy`, and documents of the class sent to the backend.
    samples: int
    documents: int
    # Documents the backend failed on (e.g. pdftext declining scans).
    failures: int
    run_id: str
    measured_at: datetime


@dataclass(frozen=True)
class BackendPrior:
    backend: str
    # Median engine seconds per page over all classes (warm), from the latest run that measured it.
    seconds_per_page: float | None
    p95_seconds_per_page: float | None
    # Seconds a cold start (model load) took.
    load_seconds: float
    ram_bytes: int
    vram_bytes: int
    pages: int
    run_id: str
    measured_at: datetime
    classes: dict[str, ClassPrior] = field(default_factory=dict)


@dataclass(frozen=True)
class Priors:
    version: int
    updated_at: datetime | None
    backends: dict[str, BackendPrior]

    def backend(self, name: str) -> BackendPrior | None:
        return self.backends.get(name)

    def accuracy(self, backend: str, document_class: str) -> float | None:
        b = self.backends.get(backend)
        c = b.classes.get(document_class) if b else None
        return c.accuracy if c else None

    def seconds_per_page(self, backend: str, document_class: str | None = None) -> float | None:
        b = self.backends.get(backend)
        if b is None:
            return None
        if document_class is not None and (c := b.classes.get(document_class)) and c.seconds_per_page:
            return c.seconds_per_page
        return b.seconds_per_page


EMPTY = Priors(version=PRIORS_VERSION, updated_at=None, backends={})


def priors_from_run(record: RunRecord) -> Priors:
    """The priors one completed run gives."""
    if record.status != "completed" or record.finished_at is None:
        raise PriorsError(f"run {record.run_id} is {record.status}, not completed")
    when = record.finished_at
    backends: dict[str, BackendPrior] = {}
    for s in record.summaries:
        if s.documents == 0:
            continue
        classes = {
            c.document_class: ClassPrior(
                accuracy=c.accuracy,
                field_accuracy=c.field_accuracy,
                seconds_per_page=c.seconds_per_page or None,
                samples=c.accuracy_documents,
                documents=c.documents,
                failures=c.documents - c.succeeded,
                run_id=record.run_id,
                measured_at=when,
            )
            for c in record.classes
            if c.backend == s.backend and c.documents
        }
        backends[s.backend] = BackendPrior(
            backend=s.backend,
            seconds_per_page=s.p50_seconds_per_page or None,
            p95_seconds_per_page=s.p95_seconds_per_page or None,
            load_seconds=s.cold.load_seconds,
            ram_bytes=s.ram_usage,
            vram_bytes=s.vram_usage,
            pages=s.pages,
            run_id=record.run_id,
            measured_at=when,
            classes=classes,
        )
    return Priors(version=PRIORS_VERSION, updated_at=when, backends=backends)


def merge(old: Priors, new: Priors) -> Priors:
    """`new` wins per backend (overall figures) and per backend and class; the rest of `old` stays."""
    backends = dict(old.backends)
    for name, prior in new.backends.items():
        before = backends.get(name)
        classes = {**(before.classes if before else {}), **prior.classes}
        if before is not None and prior.seconds_per_page is None:  # the new run measured no page of it
            prior = BackendPrior(**{**asdict_shallow(before), "classes": classes})
        else:
            prior = BackendPrior(**{**asdict_shallow(prior), "classes": classes})
        backends[name] = prior
    return Priors(version=PRIORS_VERSION, updated_at=new.updated_at or old.updated_at, backends=backends)


def asdict_shallow(prior: BackendPrior) -> dict[str, Any]:
    return {f: getattr(prior, f) for f in prior.__dataclass_fields__}


def priors_to_json(priors: Priors) -> str:
    def encode(value: Any) -> Any:
        if isinstance(value, datetime):
            return value.isoformat()
        raise TypeError(type(value))

    return json.dumps(asdict(priors), default=encode, indent=2, ensure_ascii=False) + "\n"


def _when(value: Any, where: str) -> datetime:
    try:
        return datetime.fromisoformat(str(value))
    except ValueError:
        raise PriorsError(f"{where}: not a timestamp: {value!r}") from None


def _opt_float(data: dict[str, Any], key: str) -> float | None:
    value = data.get(key)
    return None if value is None else float(value)


def priors_from_dict(data: dict[str, Any]) -> Priors:
    try:
        if int(data.get("version", 0)) != PRIORS_VERSION:
            raise PriorsError(f"priors version {data.get('version')!r}, expected {PRIORS_VERSION}")
        backends = {}
        for name, b in (data.get("backends") or {}).items():
            classes = {
                cname: ClassPrior(
                    accuracy=_opt_float(c, "accuracy"),
                    field_accuracy=_opt_float(c, "field_accuracy"),
                    seconds_per_page=_opt_float(c, "seconds_per_page"),
                    samples=int(c["samples"]),
                    documents=int(c["documents"]),
                    failures=int(c.get("failures", 0)),
                    run_id=str(c["run_id"]),
                    measured_at=_when(c["measured_at"], f"{name}/{cname}"),
                )
                for cname, c in (b.get("classes") or {}).items()
            }
            backends[name] = BackendPrior(
                backend=name,
                seconds_per_page=_opt_float(b, "seconds_per_page"),
                p95_seconds_per_page=_opt_float(b, "p95_seconds_per_page"),
                load_seconds=float(b.get("load_seconds", 0.0)),
                ram_bytes=int(b.get("ram_bytes", 0)),
                vram_bytes=int(b.get("vram_bytes", 0)),
                pages=int(b.get("pages", 0)),
                run_id=str(b["run_id"]),
                measured_at=_when(b["measured_at"], name),
                classes=classes,
            )
        updated = data.get("updated_at")
        return Priors(PRIORS_VERSION, None if updated is None else _when(updated, "updated_at"), backends)
    except (KeyError, TypeError, AttributeError) as exc:
        raise PriorsError(f"malformed priors: {exc!r}") from None


def load_priors(path: Path | str) -> Priors:
    """Read the priors file. Raises FileNotFoundError when there is none yet, PriorsError when it is malformed."""
    text = Path(path).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PriorsError(f"{path}: not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise PriorsError(f"{path}: expected a JSON object")
    return priors_from_dict(data)


def write_priors(path: Path, record: RunRecord) -> Priors:
    """Merge the run's priors into the file at `path` (atomically) and return the result."""
    try:
        old = load_priors(path)
    except (FileNotFoundError, PriorsError):
        old = EMPTY
    merged = merge(old, priors_from_run(record))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(priors_to_json(merged), encoding="utf-8")
    os.replace(tmp, path)
    return merged
