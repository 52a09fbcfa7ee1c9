"""GPU backends against the mission's targets (RTX 4080, 16 GB).

    python -m benchmarks.bench_gpu [--dataset DIR] [--backends gotocr,deepseek] [--docs 5]

For each backend whose weights are on disk: seconds per page (one page at a
time), then a batch of N documents sent at once (pages share forward passes
where the backend batches), and the worker's peak GPU memory. Printed against
the targets below. Needs a CUDA GPU and the real weights (`ocrmesh models
download gotocr deepseek`); without them it says so and exits 0.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench_service.datasets import ZUGFERD_AWV

# backend -> (seconds per page: low, high), max VRAM GB, seconds for a batch of 5 documents
TARGETS: dict[str, tuple[tuple[float, float], float, float]] = {
    "gotocr": ((0.5, 2.0), 10.0, 8.0),
    "deepseek": ((3.0, 8.0), 15.0, 25.0),
}
DATASET = ZUGFERD_AWV


@dataclass
class Result:
    backend: str
    seconds_per_page: float
    batch_seconds: float
    batch_pages: int
    peak_vram_bytes: int


def _scans(dataset: Path, count: int) -> list[bytes]:
    """First pages of dataset invoices as 200-dpi scans (no text layer, no XML)."""
    from benchmarks.synth.degrade import render_scanned_pdf

    pdfs = sorted(dataset.glob("*.pdf"))[:count]
    if len(pdfs) < count:
        raise SystemExit(f"need {count} PDFs in {dataset}, found {len(pdfs)}")
    return [render_scanned_pdf(p.read_bytes(), seed=i, dpi=200) for i, p in enumerate(pdfs)]


async def _bench(backend: str, scans: list[bytes]) -> Result:
    from ocrmesh.v1 import ocr_pb2 as pb
    from ocrmesh_client import AsyncOcrClient, build_request
    from services.invoice.pipeline import build_invoice
    from services.registry import create_engine
    from services.scaffold.server import BackendServer
    from services.scaffold.settings import ServerSettings

    engine = create_engine(backend, {})
    workers = engine.settings.max_batch_pages  # type: ignore[attr-defined]
    server = BackendServer(
        engine, ServerSettings(backend=backend, port=0, workers=workers, load_on_start=True), fields=build_invoice
    )
    await server.start()
    await server.wait_ready(timeout=1800)
    client = AsyncOcrClient(f"127.0.0.1:{server.port}")
    options = pb.ProcessOptions(extract_fields=False, first_page=1, last_page=1)
    try:
        await client.process(build_request(scans[0], options=options), timeout=600)  # warm-up
        per_page = []
        for scan in scans:
            start = time.perf_counter()
            await client.process(build_request(scan, options=options), timeout=600)
            per_page.append(time.perf_counter() - start)
        start = time.perf_counter()
        outcomes = await asyncio.gather(
            *(client.process(build_request(s, options=options), timeout=1800) for s in scans)
        )
        batch_seconds = time.perf_counter() - start
        peak = max(engine.worker.peak_vram, engine.vram_bytes())  # type: ignore[attr-defined]
        return Result(backend, statistics.median(per_page), batch_seconds, sum(len(o.pages) for o in outcomes), peak)
    finally:
        await client.close()
        await server.stop(grace=1)


def _verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, default=DATASET)
    parser.add_argument("--backends", default="gotocr,deepseek")
    parser.add_argument("--docs", type=int, default=5)
    args = parser.parse_args()

    import torch

    from services.models.catalog import load_catalog

    if not torch.cuda.is_available():
        print("bench_gpu: needs a CUDA GPU and the real weights; no GPU here, nothing measured.")
        return 0
    catalog = load_catalog()
    backends = [b for b in args.backends.split(",") if b]
    ready = [b for b in backends if all(s.present() for s in catalog.select(b))]
    for missing in sorted(set(backends) - set(ready)):
        print(f"bench_gpu: {missing}: weights missing; run `ocrmesh models download {missing}`")
    if not ready:
        print("bench_gpu: needs the real weights; nothing measured.")
        return 0
    print(f"GPU: {torch.cuda.get_device_name(0)}, {torch.cuda.get_device_properties(0).total_memory / 2**30:.1f} GiB")
    scans = _scans(args.dataset, args.docs)
    for backend in ready:
        r = asyncio.run(_bench(backend, scans))
        (low, high), vram_gb, batch_target = TARGETS[backend]
        print(f"\n{backend}")
        print(f"  seconds per page      {r.seconds_per_page:6.2f}  target {low}-{high} s   "
              f"{_verdict(r.seconds_per_page <= high)}")  # fmt: skip
        print(f"  batch of {args.docs} documents  {r.batch_seconds:6.2f}  target < {batch_target} s   "
              f"{_verdict(r.batch_seconds < batch_target)}  ({r.batch_pages / r.batch_seconds:.2f} pages/s)")  # fmt: skip
        print(f"  peak VRAM             {r.peak_vram_bytes / 1e9:6.2f}  target < {vram_gb} GB  "
              f"{_verdict(r.peak_vram_bytes / 1e9 < vram_gb)}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
