"""Dataset and document names never leave the datasets root; bad names are INVALID_ARGUMENT, well-formed
names the server does not have NOT_FOUND."""

from __future__ import annotations

from pathlib import Path

import grpc
import pytest

from bench_service.datasets import DatasetError, Datasets
from ocrmesh.v1 import benchmark_pb2 as bpb
from tests.bench.conftest import MINI, BenchService


@pytest.fixture(scope="module")
def escaping_links(bench_root: Path) -> Path:
    """A dataset symlink and a document symlink, both pointing outside the root."""
    outside = bench_root / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.pdf").write_bytes(b"%PDF-1.4 not yours")
    root = bench_root / "datasets"
    if not (root / "escape").exists():
        (root / "escape").symlink_to(outside, target_is_directory=True)
    if not (root / "mini" / "leak.pdf").exists():
        (root / "mini" / "leak.pdf").symlink_to(outside / "secret.pdf")
    return root


@pytest.mark.parametrize(
    ("dataset", "documents"),
    [
        ("../outside", []),
        ("..", []),
        ("/etc", []),
        ("mini/../../outside", []),
        ("mini/sub", []),
        (".hidden", []),
        ("escape", []),
        ("mini", ["../../outside/secret.pdf"]),
        ("mini", ["/etc/passwd"]),
        ("mini", ["leak.pdf"]),
        ("", ["a.pdf"]),
        ("", []),
    ],
)
async def test_unsafe_or_unknown_names_are_invalid_argument(
    bench_service: BenchService, escaping_links: Path, dataset: str, documents: list[str]
) -> None:
    request = bpb.StartRunRequest(dataset=dataset, documents=documents, backends=["pdftext"])
    with pytest.raises(grpc.aio.AioRpcError) as info:
        await bench_service.stub.StartRun(request, timeout=10)
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT, info.value.details()


@pytest.mark.parametrize(
    ("dataset", "documents", "backends", "named"),
    [
        ("does-not-exist", [], ["pdftext"], "does-not-exist"),
        ("mini", ["missing.pdf"], ["pdftext"], "missing.pdf"),
        ("mini", [], ["nope"], "nope"),
    ],
)
async def test_unknown_dataset_document_or_backend_is_not_found(
    bench_service: BenchService, dataset: str, documents: list[str], backends: list[str], named: str
) -> None:
    request = bpb.StartRunRequest(dataset=dataset, documents=documents, backends=backends)
    with pytest.raises(grpc.aio.AioRpcError) as info:
        await bench_service.stub.StartRun(request, timeout=10)
    assert info.value.code() == grpc.StatusCode.NOT_FOUND
    assert named in (info.value.details() or "")


def test_dataset_listing_skips_links_leaving_the_root(escaping_links: Path) -> None:
    datasets = Datasets(escaping_links)
    assert "escape" not in datasets.names()
    names = datasets.document_names("mini")
    assert "leak.pdf" not in names
    assert sorted(names) == sorted(f"{s}.pdf" for s in MINI)
    with pytest.raises(DatasetError):
        datasets.load("mini", ["leak.pdf"])
