"""Latency of `GET /api/v1/health` while the engines are kept busy.

Starts a tesseract backend and the REST gateway as separate processes (or
uses the ones given), keeps `--clients` concurrent clients posting a scanned
invoice to `/api/v1/ocr/process`, and meanwhile asks `/api/v1/health` every
`--interval` seconds. Prints the health latency percentiles (target: p99 under
500 ms) and what the load clients got.

    .venv/bin/python -m benchmarks.bench_gateway_health --duration 30
    .venv/bin/python -m benchmarks.bench_gateway_health --gateway http://127.0.0.1:8080
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx

from bench_service.datasets import ZUGFERD_AWV
from clients.processes import stop_processes
from services.scaffold.ports import free_port

REPO = Path(__file__).resolve().parents[1]
DATASET = ZUGFERD_AWV
DEFAULT_DOCUMENT = DATASET / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
TARGET_P99_SECONDS = 0.5


def scanned_pdf(source: Path, pages: int, dpi: int, image_format: str = "jpeg") -> bytes:
    """An image-only PDF of the first pages of `source`, so tesseract has real work."""
    import pymupdf

    with pymupdf.open(source) as doc, pymupdf.open() as out:
        for index in range(min(pages, doc.page_count)):
            page = doc[index]
            target = out.new_page(width=page.rect.width, height=page.rect.height)
            target.insert_image(
                target.rect, stream=page.get_pixmap(dpi=dpi).tobytes(image_format, jpg_quality=85)
            )
        return out.tobytes()


@contextlib.contextmanager
def started(argv: list[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with open(log, "wb") as out:
        proc = subprocess.Popen(argv, cwd=REPO, stdout=out, stderr=subprocess.STDOUT)
    try:
        yield proc
    finally:
        stop_processes([proc])


async def wait_ready(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient() as client:
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get(f"{url}/api/v1/health/ready", timeout=1)).status_code == 200:
                    return
            await asyncio.sleep(0.2)
    raise TimeoutError(f"{url} did not become ready within {timeout:.0f}s")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


async def load_client(
    client: httpx.AsyncClient, url: str, document: bytes, stop: asyncio.Event, outcomes: Counter[str]
) -> None:
    files = {"file": ("scan.pdf", document, "application/pdf")}
    data = {"backend": "tesseract", "options": json.dumps({"extract_fields": False})}
    while not stop.is_set():
        try:
            response = await client.post(f"{url}/api/v1/ocr/process", files=files, data=data, timeout=600)
            outcomes[str(response.status_code)] += 1
            if response.status_code == 503:
                await asyncio.sleep(float(response.headers.get("retry-after", "1")))
        except httpx.HTTPError as exc:
            outcomes[type(exc).__name__] += 1


async def prober(
    client: httpx.AsyncClient,
    url: str,
    interval: float,
    stop: asyncio.Event,
    samples: list[float],
    seen: Counter[str],
) -> None:
    while not stop.is_set():
        begin = time.perf_counter()
        try:
            response = await client.get(f"{url}/api/v1/health", timeout=5)
            samples.append(time.perf_counter() - begin)
            body = response.json()
            busy = sum(b.get("in_flight", 0) + b.get("queue_depth", 0) for b in body.get("backends", []))
            seen[f"{response.status_code} {body.get('status')}{' busy' if busy else ''}"] += 1
        except (httpx.HTTPError, ValueError) as exc:
            samples.append(time.perf_counter() - begin)
            seen[type(exc).__name__] += 1
        await asyncio.sleep(interval)


async def measure(url: str, args: argparse.Namespace) -> bool:
    ok, _stats = await measure_stats(url, args)
    return ok


async def measure_stats(url: str, args: argparse.Namespace) -> tuple[bool, dict[str, float]]:
    document = scanned_pdf(args.document, args.pages, args.dpi, args.image_format)
    samples: list[float] = []
    seen: Counter[str] = Counter()
    outcomes: Counter[str] = Counter()
    stop = asyncio.Event()
    limits = httpx.Limits(max_connections=args.clients + 5)
    async with httpx.AsyncClient(limits=limits) as load, httpx.AsyncClient() as probe:
        workers = [
            asyncio.create_task(load_client(load, url, document, stop, outcomes)) for _ in range(args.clients)
        ]
        await asyncio.sleep(args.warmup)  # let the engines fill up first
        probing = asyncio.create_task(prober(probe, url, args.interval, stop, samples, seen))
        await asyncio.sleep(args.duration)
        stop.set()
        await probing
        print(f"waiting for {args.clients} load clients to finish their last document ...", file=sys.stderr)
        await asyncio.gather(*workers)

    ms = [s * 1000 for s in samples]
    p99 = percentile(ms, 99)
    print(
        f"GET /api/v1/health under load: {args.clients} clients posting a {args.pages}-page scan "
        f"({args.dpi} dpi {args.image_format}, {len(document) / 1e6:.1f} MB)"
    )
    print(f"  samples      {len(ms)} over {args.duration:.0f}s")
    print(f"  p50          {percentile(ms, 50):8.2f} ms")
    print(f"  p95          {percentile(ms, 95):8.2f} ms")
    print(f"  p99          {p99:8.2f} ms   (target < {TARGET_P99_SECONDS * 1000:.0f} ms)")
    print(f"  max          {max(ms, default=float('nan')):8.2f} ms")
    if ms:
        print(f"  mean         {statistics.fmean(ms):8.2f} ms")
    print(f"  answers      {dict(seen)}")
    print(f"  load results {dict(outcomes)}")
    ok = bool(ms) and p99 < TARGET_P99_SECONDS * 1000
    print("RESULT", "PASS" if ok else "FAIL")
    stats = {
        "samples": float(len(ms)),
        "p50_ms": percentile(ms, 50),
        "p95_ms": percentile(ms, 95),
        "p99_ms": p99,
        "max_ms": max(ms, default=float("nan")),
        "load_documents": float(sum(outcomes.values())),
    }
    return ok, stats


async def main_async(args: argparse.Namespace) -> bool:
    if args.gateway:
        await wait_ready(args.gateway)
        return await measure(args.gateway.rstrip("/"), args)
    logs = Path(tempfile.mkdtemp(prefix="bench-gateway-"))
    cli = [sys.executable, "-m", "clients.cli"]
    with contextlib.ExitStack() as stack:
        upstream = args.upstream
        if upstream is None:
            port = free_port()
            upstream = f"127.0.0.1:{port}"
            stack.enter_context(
                started(
                    [*cli, "serve", "tesseract", "--port", str(port), "--workers", str(args.workers)],
                    logs / "tesseract.log",
                )
            )
        gateway_port = free_port()
        stack.enter_context(
            started(
                [*cli, "gateway", "--upstream", upstream, "--port", str(gateway_port)], logs / "gateway.log"
            )
        )
        url = f"http://127.0.0.1:{gateway_port}"
        await wait_ready(url)
        print(f"gateway {url} -> upstream {upstream}; logs in {logs}", file=sys.stderr)
        return await measure(url, args)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gateway", help="Use this running gateway (URL) instead of starting one")
    parser.add_argument(
        "--upstream", help="gRPC address for the started gateway (default: start a tesseract backend)"
    )
    parser.add_argument("--clients", type=int, default=10, help="Concurrent load clients")
    parser.add_argument("--duration", type=float, default=20.0, help="Seconds of probing")
    parser.add_argument("--warmup", type=float, default=2.0, help="Seconds of load before probing")
    parser.add_argument("--interval", type=float, default=0.05, help="Seconds between health requests")
    parser.add_argument("--document", type=Path, default=DEFAULT_DOCUMENT)
    parser.add_argument("--pages", type=int, default=2)
    parser.add_argument("--dpi", type=int, default=200)
    parser.add_argument(
        "--image-format",
        choices=("jpeg", "png"),
        default="jpeg",
        help="Page images of the scan; png makes uploads ~60x larger (worst case for the gateway)",
    )
    parser.add_argument(
        "--workers", type=int, default=2, help="Worker threads of the started tesseract backend"
    )
    parser.add_argument("--strict", action="store_true", help="Exit 1 when p99 misses the target")
    args = parser.parse_args()
    ok = asyncio.run(main_async(args))
    if args.strict and not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
