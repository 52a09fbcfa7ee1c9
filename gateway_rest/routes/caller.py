"""`GET /api/v1/auth/caller`: the caller's key, its name and scopes (what a console may offer)."""

from __future__ import annotations

import grpc
from fastapi import APIRouter

from gateway_rest import errors
from gateway_rest import models as m
from gateway_rest.deps import ClientDep, SettingsDep

router = APIRouter(prefix="/api/v1/auth", tags=["auth"])


async def fetch_caller(client: ClientDep, settings: SettingsDep) -> m.Caller:
    """The caller's key as the router knows it (401 for an unknown key); the router checks every key."""
    try:
        answer = await client.caller(timeout=settings.health_rpc_timeout * 5)
    except grpc.aio.AioRpcError as exc:
        raise errors.upstream(exc, settings.retry_after_seconds) from None
    return m.Caller(name=answer.name, scopes=list(answer.scopes), auth_required=answer.auth_required)  # type: ignore[arg-type]


@router.get(
    "/caller",
    response_model=m.Caller,
    responses=errors.responses(*errors.UPSTREAM),
    summary="The caller's key: its name and scopes",
)
async def caller(client: ClientDep, settings: SettingsDep) -> m.Caller:
    return await fetch_caller(client, settings)
