"""Which API key a client sends, and channels that send it.

The key comes from `--api-key` (an explicit argument), else `OCRMESH_API_KEY`,
else the local admin key `ocrmesh up` stored in the data directory
(`admin.key`, mode 0600). Channels get a client interceptor that adds
`authorization: Bearer KEY` to every call; the key may be a callable (the
gateway forwards each caller's own key).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import grpc

from ocrmesh_client.tls import TlsFiles

_log = logging.getLogger("ocrmesh_client.auth")

ENV_KEY = "OCRMESH_API_KEY"
LOCAL_KEY_FILE = "admin.key"
# The checkout this module sits in (clients/python/ocrmesh_client/), where `ocrmesh up` keeps its data;
# installed from a wheel the path simply does not exist.
REPO = Path(__file__).resolve().parents[3]

# A key, or a function giving the key of the call being made ('' = send none).
KeySource = str | Callable[[], str]
# Extra metadata of each call (e.g. the gateway's request id and the caller's key).
MetadataSource = Callable[[], Sequence[tuple[str, str]]]


def data_dir() -> Path:
    """The data directory servers use (OCRMESH_JOBS_DATA_DIR, default ./data)."""
    return Path(os.environ.get("OCRMESH_JOBS_DATA_DIR", "data"))


def local_key_paths() -> list[Path]:
    """Where the local admin key may be: the data directory here, then the one `ocrmesh up` uses (the repo's)."""
    base = data_dir()
    paths = [base / LOCAL_KEY_FILE]
    if not base.is_absolute():
        paths.append(REPO / base / LOCAL_KEY_FILE)
    return paths


def read_local_key() -> str:
    for path in local_key_paths():
        try:
            return path.read_text(encoding="utf-8").strip()
        except OSError:
            continue
    return ""


def resolve_api_key(explicit: str | None = None) -> str:
    """`explicit`, else OCRMESH_API_KEY, else the stored local admin key, else ''."""
    if explicit is not None:
        return explicit.strip()
    return os.environ.get(ENV_KEY, "").strip() or read_local_key()


def write_local_key(path: Path, key: str) -> None:
    """Store a key readable by its owner only (0600 from creation, never world-readable for a moment)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(key + "\n")
    if os.name == "posix":
        os.chmod(path, 0o600)


class FileKey:
    """A `KeySource` reading the key from a file (one line; e.g. what `ocrmesh keys create` printed),
    again whenever the file changes, so a rotated key applies without a restart. '' while unreadable."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._stamp: tuple[int, int] | None = None
        self._key = ""

    def __call__(self) -> str:
        try:
            st = os.stat(self.path)
            stamp = (st.st_mtime_ns, st.st_size)
            if stamp != self._stamp:
                self._key, self._stamp = self.path.read_text(encoding="utf-8").strip(), stamp
        except OSError as exc:
            if self._stamp != (-1, -1):  # once per failure, not per call
                _log.error("cannot read the API key file %s: %s", self.path, exc.strerror or exc)
            self._key, self._stamp = "", (-1, -1)
        return self._key


def auth_metadata(key: str) -> tuple[tuple[str, str], ...]:
    return (("authorization", f"Bearer {key}"),) if key else ()


def _extra(key: KeySource, metadata: MetadataSource | None) -> list[tuple[str, str]]:
    value = key() if callable(key) else key
    extra = list(auth_metadata(value))
    if metadata is not None:
        extra += list(metadata())
    return extra


def _with_metadata(details: Any, extra: list[tuple[str, str]], factory: Callable[..., Any]) -> Any:
    if not extra:
        return details
    metadata = [*(details.metadata or ()), *extra]
    return factory(details.method, details.timeout, metadata, details.credentials, details.wait_for_ready)


class _SyncDetails(grpc.ClientCallDetails):  # the sync API takes any object with these attributes
    def __init__(
        self, method: str, timeout: Any, metadata: Any, credentials: Any, wait_for_ready: Any
    ) -> None:
        self.method, self.timeout, self.metadata = method, timeout, metadata
        self.credentials, self.wait_for_ready, self.compression = credentials, wait_for_ready, None


class SyncAuthInterceptor(
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
):
    def __init__(self, key: KeySource, metadata: MetadataSource | None = None) -> None:
        self.key, self.metadata = key, metadata

    def _details(self, details: Any) -> Any:
        return _with_metadata(details, _extra(self.key, self.metadata), _SyncDetails)

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return continuation(self._details(details), request)

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return continuation(self._details(details), request)

    def intercept_stream_unary(self, continuation: Any, details: Any, requests: Any) -> Any:
        return continuation(self._details(details), requests)

    def intercept_stream_stream(self, continuation: Any, details: Any, requests: Any) -> Any:
        return continuation(self._details(details), requests)


class _AioBase:
    def __init__(self, key: KeySource, metadata: MetadataSource | None = None) -> None:
        self.key, self.metadata = key, metadata

    def _details(self, details: Any) -> Any:
        return _with_metadata(details, _extra(self.key, self.metadata), grpc.aio.ClientCallDetails)


class _AioUnaryUnary(_AioBase, grpc.aio.UnaryUnaryClientInterceptor):
    async def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._details(details), request)


class _AioUnaryStream(_AioBase, grpc.aio.UnaryStreamClientInterceptor):
    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._details(details), request)


def aio_interceptors(key: KeySource, metadata: MetadataSource | None = None) -> list[Any]:
    """Interceptors for `grpc.aio.*_channel(..., interceptors=...)` (the contract has no client-streaming calls)."""
    return [_AioUnaryUnary(key, metadata), _AioUnaryStream(key, metadata)]


def aio_channel(
    target: str,
    *,
    key: KeySource = "",
    tls: TlsFiles | None = None,
    options: Sequence[tuple[str, Any]] = (),
    metadata: MetadataSource | None = None,
) -> grpc.aio.Channel:
    """An asyncio channel sending `key` (and `metadata`) with every call; TLS when `tls` is given."""
    interceptors = aio_interceptors(key, metadata) if key or metadata else None
    if tls is not None:
        return grpc.aio.secure_channel(
            target, tls.channel_credentials(), options=list(options), interceptors=interceptors
        )
    return grpc.aio.insecure_channel(target, options=list(options), interceptors=interceptors)


def sync_channel(
    target: str, *, key: KeySource = "", tls: TlsFiles | None = None, options: Sequence[tuple[str, Any]] = ()
) -> grpc.Channel:
    """A blocking channel sending `key` with every call; TLS when `tls` is given."""
    if tls is not None:
        channel = grpc.secure_channel(target, tls.channel_credentials(), options=list(options))
    else:
        channel = grpc.insecure_channel(target, options=list(options))
    return grpc.intercept_channel(channel, SyncAuthInterceptor(key)) if key else channel
