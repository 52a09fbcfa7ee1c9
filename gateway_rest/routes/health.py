"""Health: the full report (from the cache), liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from gateway_rest import models as m
from gateway_rest.deps import HealthDep

router = APIRouter(prefix="/api/v1/health", tags=["health"])


@router.get(
    "",
    response_model=m.HealthReport,
    response_model_exclude_none=True,
    summary="Health of the upstream, its backends and the system",
)
async def health(cache: HealthDep) -> m.HealthReport:
    """Served from a cache refreshed in the background: never waits for the upstream."""
    return cache.report()


@router.get(
    "/live",
    response_model=m.Probe,
    response_model_exclude_none=True,
    summary="Liveness: the gateway process answers",
)
async def live() -> m.Probe:
    return m.Probe(status="alive")


@router.get(
    "/ready",
    response_model=m.Probe,
    response_model_exclude_none=True,
    responses={503: {"model": m.Probe, "description": "The upstream is not SERVING"}},
    summary="Readiness: the upstream is SERVING",
)
async def ready(cache: HealthDep) -> m.Probe | JSONResponse:
    if cache.ready:
        return m.Probe(status="ready")
    probe = m.Probe(status="not_ready", reason=cache.not_ready_reason)
    return JSONResponse(probe.model_dump(exclude_none=True), status_code=503)
