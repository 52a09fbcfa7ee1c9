"""REST clients (sync and async) for the ocrmesh gateway: process, batch, job.

Answers are the gateway's JSON as dicts (its OpenAPI schema at /docs is the
contract); an error answer raises `RestError` with the status and the body's
`error` object.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, Self, TypedDict, Unpack

import httpx

from ocrmesh_client.auth import resolve_api_key

API = "/api/v1"
FINISHED = frozenset({"completed", "failed", "cancelled"})
# A document, given as a path or as (filename, bytes).
Upload = Path | str | tuple[str, bytes]
# Processing options as for `POST /api/v1/ocr/process` (`dpi`, `language`, `first_page`...).
Options = Mapping[str, Any] | None


# What `render` and `render_job_document` answer: Markdown, plain text or a searchable PDF.
Format = Literal["markdown", "text", "pdf"]


class BatchOptions(TypedDict, total=False):
    backend: str  # default "auto": the router chooses
    options: Options
    idempotency_key: str  # the same key again answers the same job


class RestError(Exception):
    """The gateway answered with an error status."""

    def __init__(self, status: int, body: Any) -> None:
        error = body.get("error", {}) if isinstance(body, dict) else {}
        self.status = status
        self.code: str = error.get("code", "") if isinstance(error, dict) else ""
        self.body = body
        super().__init__(
            f"HTTP {status} {self.code}: {error.get('message', body) if isinstance(error, dict) else body}"
        )


def _upload(document: Upload) -> tuple[str, bytes]:
    if isinstance(document, tuple):
        return document
    path = Path(document)
    return path.name, path.read_bytes()


def _form(
    backend: str, options: Mapping[str, Any] | None, allow_fallback: bool | None = None
) -> dict[str, str]:
    form = {"backend": backend}
    if options:
        form["options"] = json.dumps(dict(options))
    if allow_fallback is not None:
        form["allow_fallback"] = "true" if allow_fallback else "false"
    return form


def _answer(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        body = response.text
    if response.is_error:
        raise RestError(response.status_code, body)
    return body  # type: ignore[no-any-return]


def _content(response: httpx.Response) -> bytes:
    """A rendered document's bytes (Markdown, text, PDF); RestError with the error body otherwise."""
    if response.is_error:
        _answer(response)
    return response.content


class _Requests:
    """What both clients send, built once: (method, path, keyword arguments of httpx's request)."""

    @staticmethod
    def process(
        document: Upload, backend: str, options: Mapping[str, Any] | None
    ) -> tuple[str, str, dict[str, Any]]:
        name, content = _upload(document)
        return (
            "POST",
            f"{API}/ocr/process",
            {"files": {"file": (name, content)}, "data": _form(backend, options)},
        )

    @staticmethod
    def batch(
        documents: Sequence[Upload], backend: str = "auto", options: Options = None, idempotency_key: str = ""
    ) -> tuple[str, str, dict[str, Any]]:
        files = [("files", _upload(d)) for d in documents]
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return (
            "POST",
            f"{API}/ocr/batch",
            {"files": files, "data": _form(backend, options, False), "headers": headers},
        )

    @staticmethod
    def job(job_id: str, results: bool) -> tuple[str, str, dict[str, Any]]:
        return "GET", f"{API}/ocr/job/{job_id}", {"params": {"results": "true" if results else "false"}}

    @staticmethod
    def render(
        document: Upload, output: str, backend: str, options: Mapping[str, Any] | None
    ) -> tuple[str, str, dict[str, Any]]:
        method, path, kwargs = _Requests.process(document, backend, options)
        return method, path, {**kwargs, "params": {"format": output}}

    @staticmethod
    def job_document(job_id: str, index: int, output: str) -> tuple[str, str, dict[str, Any]]:
        return "GET", f"{API}/ocr/job/{job_id}/documents/{index}", {"params": {"format": output}}

    @staticmethod
    def health() -> tuple[str, str, dict[str, Any]]:
        return "GET", f"{API}/health", {}


def _auth_headers(api_key: str | None) -> dict[str, str]:
    key = resolve_api_key(api_key)
    return {"Authorization": f"Bearer {key}"} if key else {}


class RestClient:
    """Blocking REST client: `RestClient("http://127.0.0.1:8000").process("invoice.pdf")`."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 300.0,
        http: httpx.Client | None = None,
        api_key: str | None = None,
    ) -> None:
        """`api_key` None: OCRMESH_API_KEY or the local admin key; '' sends none."""
        self.http = http or httpx.Client(base_url=base_url, timeout=timeout, headers=_auth_headers(api_key))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.http.close()

    def _send(self, request: tuple[str, str, dict[str, Any]]) -> dict[str, Any]:
        method, path, kwargs = request
        return _answer(self.http.request(method, path, **kwargs))

    def process(self, document: Upload, *, backend: str = "auto", options: Options = None) -> dict[str, Any]:
        """One document: `document_id`, `backend_used`, `text`, `confidence`, `metadata`, `fields`..."""
        return self._send(_Requests.process(document, backend, options))

    def batch(self, documents: Sequence[Upload], **submit: Unpack[BatchOptions]) -> dict[str, Any]:
        """Submit a batch job (`backend`, `options`, `idempotency_key`): `job_id`, `total_documents`, `status`."""
        return self._send(_Requests.batch(documents, **submit))

    def job(self, job_id: str, *, results: bool = True) -> dict[str, Any]:
        """A job: `status`, `progress`, and each finished document's result."""
        return self._send(_Requests.job(job_id, results))

    def render(
        self, document: Upload, output: Format = "markdown", *, backend: str = "auto", options: Options = None
    ) -> bytes:
        """One document as Markdown, plain text or a searchable PDF (`format=` of `/process`)."""
        method, path, kwargs = _Requests.render(document, output, backend, options)
        return _content(self.http.request(method, path, **kwargs))

    def job_document(self, job_id: str, index: int) -> dict[str, Any]:
        """One finished document of a batch job, as `process` answers it."""
        return self._send(_Requests.job_document(job_id, index, "json"))

    def render_job_document(self, job_id: str, index: int, output: Format = "markdown") -> bytes:
        """One finished document of a batch job as Markdown, plain text or a searchable PDF."""
        method, path, kwargs = _Requests.job_document(job_id, index, output)
        return _content(self.http.request(method, path, **kwargs))

    def wait_for_job(self, job_id: str, *, timeout: float = 600.0, poll: float = 0.5) -> dict[str, Any]:
        """Poll until the job is completed, failed or cancelled; TimeoutError after `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while (job := self.job(job_id, results=False))["status"] not in FINISHED:
            if time.monotonic() > deadline:
                raise TimeoutError(f"job {job_id} still {job['status']} after {timeout:.0f}s")
            time.sleep(poll)
        return self.job(job_id)

    def health(self) -> dict[str, Any]:
        return self._send(_Requests.health())


class AsyncRestClient:
    """The same as RestClient, awaitable."""

    def __init__(
        self,
        base_url: str,
        *,
        timeout: float = 300.0,
        http: httpx.AsyncClient | None = None,
        api_key: str | None = None,
    ) -> None:
        self.http = http or httpx.AsyncClient(base_url=base_url, timeout=timeout, headers=_auth_headers(api_key))

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        await self.http.aclose()

    async def _send(self, request: tuple[str, str, dict[str, Any]]) -> dict[str, Any]:
        method, path, kwargs = request
        return _answer(await self.http.request(method, path, **kwargs))

    async def process(
        self, document: Upload, *, backend: str = "auto", options: Options = None
    ) -> dict[str, Any]:
        return await self._send(_Requests.process(document, backend, options))

    async def batch(self, documents: Sequence[Upload], **submit: Unpack[BatchOptions]) -> dict[str, Any]:
        return await self._send(_Requests.batch(documents, **submit))

    async def job(self, job_id: str, *, results: bool = True) -> dict[str, Any]:
        return await self._send(_Requests.job(job_id, results))

    async def render(
        self, document: Upload, output: Format = "markdown", *, backend: str = "auto", options: Options = None
    ) -> bytes:
        method, path, kwargs = _Requests.render(document, output, backend, options)
        return _content(await self.http.request(method, path, **kwargs))

    async def job_document(self, job_id: str, index: int) -> dict[str, Any]:
        return await self._send(_Requests.job_document(job_id, index, "json"))

    async def render_job_document(self, job_id: str, index: int, output: Format = "markdown") -> bytes:
        method, path, kwargs = _Requests.job_document(job_id, index, output)
        return _content(await self.http.request(method, path, **kwargs))

    async def wait_for_job(self, job_id: str, *, timeout: float = 600.0, poll: float = 0.5) -> dict[str, Any]:
        async with asyncio.timeout(timeout):
            while (await self.job(job_id, results=False))["status"] not in FINISHED:
                await asyncio.sleep(poll)
        return await self.job(job_id)

    async def health(self) -> dict[str, Any]:
        return await self._send(_Requests.health())
