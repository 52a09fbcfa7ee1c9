"""`GET /`: the console's page, German first (`?lang=en`), every asset from `/console/static`.

The page holds no data: it signs in with an API key kept in the tab's sessionStorage and
calls the REST API with it (`X-API-Key`), so the key never travels in a URL or a cookie and
the gateway logs no more than for any API call. A strict Content-Security-Policy keeps
every script, style and picture on the gateway itself (the mesh runs offline).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gateway_rest.deps import SettingsDep

HERE = Path(__file__).parent
STATIC_PREFIX = "/console/static"
LANGUAGES = ("de", "en")
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

router = APIRouter(include_in_schema=False)


@cache
def messages() -> dict[str, dict[str, dict[str, str]]]:
    """Every word of the console by language: `page` (rendered here) and `script` (for console.js)."""
    data: dict[str, dict[str, dict[str, str]]] = yaml.safe_load((HERE / "messages.yaml").read_text("utf-8"))
    return data


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))


def render_console(lang: str, settings: Any) -> str:
    words = messages()[lang]
    return _environment().get_template("console.html").render(
        lang=lang,
        t=words["page"],
        script_messages=words["script"],
        static=STATIC_PREFIX,
        max_upload_mb=f"{settings.max_upload_mb:g}",
        max_batch_mb=f"{settings.max_batch_mb:g}",
    )


@router.get("/", response_class=HTMLResponse)
async def console(
    request: Request, settings: SettingsDep, lang: Annotated[Literal["de", "en"] | None, Query()] = None
) -> HTMLResponse:
    chosen = lang or _preferred(request.headers.get("accept-language", ""))
    return HTMLResponse(render_console(chosen, settings), headers={**SECURITY_HEADERS, "Cache-Control": "no-store"})


def _preferred(accept_language: str) -> str:
    """German unless the browser asks for English before German."""
    for part in accept_language.split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return "de"


class _SecuredStatic:
    """The console's static files with the same security headers as its page."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_secured)


def install_console(app: FastAPI) -> None:
    app.include_router(router)
    app.mount(STATIC_PREFIX, _SecuredStatic(StaticFiles(directory=HERE / "static")), name="console-static")
