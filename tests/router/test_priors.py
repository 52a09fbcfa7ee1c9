"""The latest benchmark's figures steer `auto` routing and seed latency estimates."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from bench_service.priors import BackendPrior, ClassPrior, Priors, priors_to_json
from router_service.settings import EndpointConfig
from tests.router.conftest import ONE_PAGE_INVOICE, backend_server, request, running_router, scan_of

NOW = datetime(2026, 11, 24, tzinfo=UTC)


def _prior(backend: str, accuracy: float, seconds: float, samples: int = 10) -> BackendPrior:
    figures = ClassPrior(
        accuracy=accuracy, field_accuracy=None, seconds_per_page=seconds, samples=samples, documents=samples,
        failures=0, run_id="run-42", measured_at=NOW,
    )
    return BackendPrior(
        backend=backend, seconds_per_page=seconds, p95_seconds_per_page=seconds, load_seconds=0.0, ram_bytes=0,
        vram_bytes=0, pages=samples, run_id="run-42", measured_at=NOW,
        classes={"clean-scan": figures, "degraded-scan": figures},
    )


def _write(path: Path, *priors: BackendPrior) -> None:
    path.write_text(priors_to_json(Priors(version=1, updated_at=NOW, backends={p.backend: p for p in priors})))


async def test_measured_accuracy_reorders_ocr_backends_and_is_explained(tmp_path: Path) -> None:
    scan = scan_of(ONE_PAGE_INVOICE, [0])
    priors_file = tmp_path / "latest-priors.json"
    async with backend_server("tesseract") as first, backend_server("tesseract") as second:
        endpoints = [
            EndpointConfig(name="surya", address=f"127.0.0.1:{first.port}"),  # the rules' first choice for scans
            EndpointConfig(name="tesseract", address=f"127.0.0.1:{second.port}"),
        ]
        async with running_router(endpoints, priors_file=priors_file) as (router, client):
            without = await client.process(request(scan), timeout=60)
            assert [a.backend for a in without.document.routing.attempts] == ["surya"]

            _write(priors_file, _prior("surya", 0.81, 9.0), _prior("tesseract", 0.93, 1.2))
            assert router.priors.reload()
            routed = await client.process(request(scan), timeout=60)
            routing = routed.document.routing
            assert [a.backend for a in routing.attempts] == ["tesseract"]
            assert routing.rule.endswith("+priors")
            assert "tesseract 93.0% at 1.20 s/page is more accurate than surya 81.0%" in routing.reason
            assert "run-42" in routing.reason

            # Too few samples: the figures do not count, the rules decide.
            _write(priors_file, _prior("surya", 0.81, 9.0, samples=2), _prior("tesseract", 0.93, 1.2, samples=2))
            router.priors.reload()
            assert [a.backend for a in (await client.process(request(scan), timeout=60)).document.routing.attempts] == [
                "surya"
            ]

            # An explicit backend is never overridden by priors.
            _write(priors_file, _prior("surya", 0.81, 9.0), _prior("tesseract", 0.93, 1.2))
            router.priors.reload()
            explicit = await client.process(request(scan, backend="surya"), timeout=60)
            assert [a.backend for a in explicit.document.routing.attempts] == ["surya"]


async def test_priors_seed_latency_until_live_figures_exist(tmp_path: Path) -> None:
    priors_file = tmp_path / "latest-priors.json"
    _write(priors_file, _prior("tesseract", 0.9, 0.777))
    async with backend_server("tesseract") as server:
        endpoints = [EndpointConfig(name="tesseract", address=f"127.0.0.1:{server.port}")]
        async with running_router(endpoints, priors_file=priors_file) as (router, _client):
            [replica] = router.mesh.backends["tesseract"].replicas
            assert replica.seconds_per_page == 0.777
            replica.observe_page(0.3)
            router._seed_latency()
            assert replica.seconds_per_page == 0.3  # live figures win
