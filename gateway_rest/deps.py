"""FastAPI dependencies: what `lifespan` opened, injected with `Depends`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from gateway_rest.health_cache import HealthCache
from gateway_rest.metrics import GatewayMetrics
from gateway_rest.settings import GatewaySettings
from ocrmesh_client import AsyncOcrClient


def get_settings(request: Request) -> GatewaySettings:
    return request.app.state.settings


def get_metrics(request: Request) -> GatewayMetrics:
    return request.app.state.metrics


def get_client(request: Request) -> AsyncOcrClient:
    return request.app.state.client


def get_health_cache(request: Request) -> HealthCache:
    return request.app.state.health


def get_request_id(request: Request) -> str:
    return request.state.request_id


SettingsDep = Annotated[GatewaySettings, Depends(get_settings)]
MetricsDep = Annotated[GatewayMetrics, Depends(get_metrics)]
ClientDep = Annotated[AsyncOcrClient, Depends(get_client)]
HealthDep = Annotated[HealthCache, Depends(get_health_cache)]
RequestIdDep = Annotated[str, Depends(get_request_id)]
