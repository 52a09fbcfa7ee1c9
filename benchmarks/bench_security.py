"""Reproduce the outsider's resource probes against a real local mesh (`ocrmesh up`'s processes).

    python -m benchmarks.bench_security [--out docs/BENCHMARKS.md]

Probes, each with the time to the answer and the peak resident memory of every mesh process
(psutil, sampled every 20 ms): the small PDF declaring a 20000 x 20000 pt page (before: 11 GB and
79 s in the router), a 60 MB gRPC message to the router and to a backend (before: accepted up to
256 MB), a 500-frame TIFF whose gRPC caller cancels after one second and whose HTTP client
disconnects after one second (before: the router worked on for 100 s), and `last_page` = 2^63 over
REST (before: 500). The cancelled probes report how long the router's CPU stayed busy after the
caller left (busy = more than 10 % of a core over 0.5 s).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from pathlib import Path

import grpc
import httpx
import psutil

from bench_service.sections import machine_line, update_section
from clients.mesh import Mesh, MeshSettings
from clients.processes import PeakMemory
from ocrmesh_client import AsyncOcrClient, build_request
from services.scaffold.ports import free_port
from tests.security.hostile import multi_frame_tiff, page_box

REPO = Path(__file__).resolve().parents[1]
INVOICE = REPO / "datasets" / "zugferd-awv" / "EN16931_zugferd_2p0_EN16931_Einfach.pdf"
GB = 1024**3


def peak_line(memory: PeakMemory) -> str:
    return ", ".join(f"{name} {rss / GB:.2f}" for name, rss in sorted(memory.peaks.items()))


async def rest_probe(
    mesh: Mesh, memory: PeakMemory, name: str, content: bytes, **form: str
) -> dict[str, str]:
    memory.reset()
    started = time.perf_counter()
    async with httpx.AsyncClient(base_url=mesh.components[-1].url, timeout=600) as client:
        response = await client.post(
            "/api/v1/ocr/process", files={"file": (name, content, "application/octet-stream")}, data=form
        )
    seconds = time.perf_counter() - started
    memory.sample()
    message = (
        response.json().get("error", {}).get("message", "") if response.status_code != 200 else "processed"
    )
    return {
        "answer": f"{response.status_code}: {message[:90]}",
        "seconds": f"{seconds:.2f}",
        "peak": peak_line(memory),
    }


async def grpc_probe(address: str, memory: PeakMemory, content: bytes) -> dict[str, str]:
    memory.reset()
    started = time.perf_counter()
    async with AsyncOcrClient(address) as client:
        try:
            await client.process(build_request(content, filename="big.pdf"), timeout=600)
            answer = "accepted"
        except grpc.aio.AioRpcError as exc:
            answer = f"{exc.code().name}: {(exc.details() or '')[:70]}"
    memory.sample()
    return {"answer": answer, "seconds": f"{time.perf_counter() - started:.2f}", "peak": peak_line(memory)}


async def busy_after(process: psutil.Process, limit: float = 300.0) -> float:
    """Seconds until `process` uses less than 10 % of a core over 0.5 s."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        before = sum(process.cpu_times()[:2])
        await asyncio.sleep(0.5)
        if sum(process.cpu_times()[:2]) - before < 0.05:
            return time.perf_counter() - started
    return limit


async def cancel_probe(mesh: Mesh, memory: PeakMemory, router: psutil.Process, via: str) -> dict[str, str]:
    tiff = multi_frame_tiff(500, size=(1240, 1754))
    memory.reset()

    async def call() -> object:
        if via == "grpc":
            async with AsyncOcrClient(mesh.components[-2].address) as client:
                return await client.process(build_request(tiff, filename="x.tif"), timeout=600)
        async with httpx.AsyncClient(base_url=mesh.components[-1].url, timeout=600) as client:
            return await client.post("/api/v1/ocr/process", files={"file": ("x.tif", tiff, "image/tiff")})

    task = asyncio.create_task(call())
    await asyncio.sleep(1.0)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    after = await busy_after(router)
    memory.sample()
    seconds = f"router idle {after:.1f} s after (0.5 s samples)"
    return {"answer": "cancelled 1 s after sending", "seconds": seconds, "peak": peak_line(memory)}


async def run() -> str:
    settings = MeshSettings(
        router_port=free_port(),
        gateway_port=free_port(),
        backends={"pdftext": free_port(), "tesseract": free_port()},
        start_timeout_seconds=300,
    )
    rows: list[tuple[str, dict[str, str]]] = []
    with Mesh(settings) as mesh:
        processes = {c.name: psutil.Process(c.process.pid) for c in mesh.components if c.process is not None}
        with PeakMemory(processes) as memory:
            pdf = page_box(20000, 20000)
            rows.append(
                (
                    f"REST: {len(pdf)}-byte PDF, one 20000 x 20000 pt page",
                    await rest_probe(mesh, memory, "p.pdf", pdf),
                )
            )
            big = b"%PDF-1.7\n" + b"0" * (60 * 1024 * 1024)
            rows.append(
                (
                    "gRPC: 60 MB message to the router",
                    await grpc_probe(mesh.components[-2].address, memory, big),
                )
            )
            rows.append(
                ("gRPC: 60 MB message to pdftext", await grpc_probe(mesh.components[0].address, memory, big))
            )
            options = json.dumps({"last_page": 2**63})
            rows.append(
                (
                    "REST: `last_page` = 2^63",
                    await rest_probe(mesh, memory, "i.pdf", INVOICE.read_bytes(), options=options),
                )
            )
            rows.append(
                (
                    "gRPC: 500-frame TIFF, caller cancels",
                    await cancel_probe(mesh, memory, processes["router"], "grpc"),
                )
            )
            rows.append(
                (
                    "REST: 500-frame TIFF, client disconnects",
                    await cancel_probe(mesh, memory, processes["router"], "rest"),
                )
            )
    lines = [
        "## Security: resource probes (`benchmarks/bench_security.py`)",
        "",
        machine_line(),
        "",
        "The outsider's probes of issue 16 against a local mesh (pdftext, tesseract, router, gateway, each "
        "its own process). Peak RSS in GB of every process during the probe.",
        "",
        "| probe | answer | seconds | peak RSS (GB) |",
        "|---|---|---|---|",
        *[f"| {name} | {r['answer']} | {r['seconds']} | {r['peak']} |" for name, r in rows],
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "BENCHMARKS.md")
    args = parser.parse_args()
    markdown = asyncio.run(run())
    update_section(args.out, "security", markdown)
    print(markdown)


if __name__ == "__main__":
    main()
