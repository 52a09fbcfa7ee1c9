"""Documents for the jobs tests: the dataset, made distinct where a test needs many."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from bench_service.datasets import ZUGFERD_AWV

DATASET = ZUGFERD_AWV


def dataset_pdfs() -> list[Path]:
    return sorted(DATASET.glob("*.pdf"))


def distinct(content: bytes, k: int) -> bytes:
    """The same PDF with a trailing comment: other bytes (other hash, no cache hit), same pages."""
    return content + f"\n%ocrmesh-test-copy-{k}\n".encode()


def distinct_documents(n: int) -> list[tuple[str, bytes]]:
    files = dataset_pdfs()
    docs = []
    for k in range(n):
        path = files[k % len(files)]
        docs.append((f"{k:03d}-{path.name}", distinct(path.read_bytes(), k)))
    return docs


def merged_pdf(paths: list[Path], *, tag: str = "") -> bytes:
    """One PDF of all pages of `paths` (a long document)."""
    out = pymupdf.open()
    for path in paths:
        with pymupdf.open(path) as src:
            out.insert_pdf(src)
    data = out.tobytes()
    out.close()
    return data + (f"\n%{tag}\n".encode() if tag else b"")
