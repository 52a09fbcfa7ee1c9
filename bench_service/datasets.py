"""Datasets: folders under one root, referenced by folder name; documents with optional truth.

A dataset folder holds documents (`X.pdf`, `X.png`, ...) and, optionally per
document, `X.truth.json` (invoice fields, the format of
datasets/zugferd-awv: amounts as numbers, dates ISO, `pages`) and
`X.truth.txt` (the full text, pages separated by form feeds). Names never
leave the root: `..`, absolute paths, hidden names and symlinks pointing
outside are refused with DatasetError (INVALID_ARGUMENT).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

import grpc

from services.scaffold.errors import StatusError

DOCUMENT_SUFFIXES = frozenset({".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp", ".xml"})
TRUTH_JSON = ".truth.json"
TRUTH_TEXT = ".truth.txt"

# The datasets that ship with the repository (`datasets/` beside the packages): the
# default root of `OCRMESH_DATASETS` when run from a checkout, and the tests' data.
BUNDLED_DATASETS = Path(__file__).resolve().parents[1] / "datasets"
# 29 born-digital ZUGFeRD 2.0 invoices with their truth (Apache-2.0, see its LICENSE).
ZUGFERD_AWV = BUNDLED_DATASETS / "zugferd-awv"


class DatasetError(StatusError, ValueError):
    """A name that is not allowed or a run that cannot be started (INVALID_ARGUMENT)."""

    def __init__(self, message: str, code: grpc.StatusCode = grpc.StatusCode.INVALID_ARGUMENT) -> None:
        super().__init__(code, message)


class UnknownNameError(DatasetError):
    """A well-formed name of a dataset, document or backend this server does not have (NOT_FOUND)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, grpc.StatusCode.NOT_FOUND)


@dataclass(frozen=True)
class BenchDocument:
    """One document of a run, with what is known to be true about it."""

    name: str
    content: bytes
    truth_fields: dict[str, object] | None = None
    truth_text: str | None = None


def _check_relative(name: str, what: str) -> PurePosixPath:
    if not name or "\x00" in name:
        raise DatasetError(f"{what} name is empty or invalid")
    if PurePosixPath(name).is_absolute() or PureWindowsPath(name).is_absolute() or PureWindowsPath(name).drive:
        raise DatasetError(f"{what} {name!r}: absolute paths are not allowed")
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if any(p in ("..", ".") or p.startswith(".") for p in parts):
        raise DatasetError(f"{what} {name!r}: '..' and hidden names are not allowed")
    return PurePosixPath(*parts)


def _inside(path: Path, root: Path, what: str, name: str) -> Path:
    resolved = path.resolve()
    if not resolved.is_relative_to(root):
        raise DatasetError(f"{what} {name!r} points outside its root")
    return resolved


class Datasets:
    """The datasets under one root."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        root = self.root.resolve()
        return sorted(
            p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(".") and p.resolve().is_relative_to(root)
        )

    def directory(self, dataset: str) -> Path:
        rel = _check_relative(dataset, "dataset")
        if len(rel.parts) != 1:
            raise DatasetError(f"dataset {dataset!r}: a dataset is a folder name, not a path")
        root = self.root.resolve()
        path = _inside(root / rel, root, "dataset", dataset)
        if not path.is_dir():
            known = ", ".join(self.names()) or "none"
            raise UnknownNameError(f"unknown dataset {dataset!r} (known: {known})")
        return path

    def document_names(self, dataset: str) -> list[str]:
        directory = self.directory(dataset)
        names = []
        for path in sorted(directory.rglob("*")):
            rel = path.relative_to(directory)
            if any(p.startswith(".") for p in rel.parts) or not path.is_file():
                continue
            if path.suffix.lower() in DOCUMENT_SUFFIXES and not path.name.endswith(TRUTH_JSON):
                if path.resolve().is_relative_to(directory):
                    names.append(rel.as_posix())
        return names

    def load(self, dataset: str, names: list[str] | None = None, limit: int = 0) -> list[BenchDocument]:
        """The named documents (all when `names` is empty), at most `limit` (0 = all)."""
        directory = self.directory(dataset)
        wanted = list(names) if names else self.document_names(dataset)
        if limit > 0:
            wanted = wanted[:limit]
        docs = []
        for name in wanted:
            rel = _check_relative(name, "document")
            path = _inside(directory / rel, directory, "document", name)
            if not path.is_file():
                raise UnknownNameError(f"document {name!r} not found in dataset {dataset!r}")
            docs.append(load_document(path, rel.as_posix()))
        return docs


def _truth_path(path: Path, suffix: str) -> Path:
    return path.with_name(path.name[: -len(path.suffix)] + suffix) if path.suffix else path.with_name(path.name + suffix)


def load_document(path: Path, name: str) -> BenchDocument:
    truth_fields = truth_text = None
    fields_file, text_file = _truth_path(path, TRUTH_JSON), _truth_path(path, TRUTH_TEXT)
    if fields_file.is_file():
        truth_fields = parse_truth_json(fields_file.read_text(encoding="utf-8"), name)
    if text_file.is_file():
        truth_text = text_file.read_text(encoding="utf-8")
    return BenchDocument(name, path.read_bytes(), truth_fields, truth_text)


def parse_truth_json(text: str, name: str) -> dict[str, object]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DatasetError(f"truth of {name!r} is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise DatasetError(f"truth of {name!r} must be a JSON object of fields")
    return data
