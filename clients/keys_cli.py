"""`ocrmesh keys ...` (API keys in the jobs database) and `ocrmesh certs init` (TLS material).

Keys are managed on the database directly, as the operator of the install:
the same data directory (or PostgreSQL URL) the router uses, from
OCRMESH_JOBS_DATA_DIR / OCRMESH_JOBS_DATABASE_URL or the options. A new or
rotated key is printed once, as the last word of the output.
"""

from __future__ import annotations

import asyncio
import datetime
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from clients.exits import exit_on

T = TypeVar("T")

keys_app = typer.Typer(no_args_is_help=True, help="API keys: create, list, rotate, revoke (stored hashed)")
certs_app = typer.Typer(
    no_args_is_help=True, help="TLS certificates for mutual TLS between router and backends"
)

DataDirOption = Annotated[Path | None, typer.Option(help="Data directory of the router (default ./data)")]
DatabaseOption = Annotated[str | None, typer.Option(help="postgresql://... when the router uses PostgreSQL")]


def _with_keys(data_dir: Path | None, database_url: str | None, action: Callable[..., Awaitable[T]]) -> T:
    from jobs_service.settings import JobsSettings
    from jobs_service.store import create_store
    from jobs_service.store.keys import KeyStore

    overrides = {
        k: v for k, v in {"data_dir": data_dir, "database_url": database_url}.items() if v is not None
    }

    async def run() -> T:
        store = create_store(JobsSettings(**overrides))  # type: ignore[arg-type]
        await store.open()
        try:
            return await action(KeyStore(store.db))  # type: ignore[attr-defined]
        finally:
            await store.close()

    try:
        return asyncio.run(run())
    except (ValueError, LookupError) as exc:
        typer.echo(f"error: {exc.args[0] if exc.args else exc}", err=True)
        raise typer.Exit(2) from None


def _limits(rate: str, concurrency: int) -> str:
    return f"rate {rate or 'unlimited'}, concurrency {concurrency or 'unlimited'}"


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Argument(help="A name for the key (who or what uses it)")],
    scope: Annotated[
        str, typer.Option(help="Comma-separated: process, batch, benchmark, admin")
    ] = "process,batch",
    rate: Annotated[str, typer.Option(help="Requests that start work, e.g. 60/min (default unlimited)")] = "",
    concurrency: Annotated[int, typer.Option(help="Documents in flight at once (0 = unlimited)")] = 0,
    data_dir: DataDirOption = None,
    database_url: DatabaseOption = None,
) -> None:
    """Create a key and print it once (it is stored hashed and cannot be shown again)."""

    async def create(keys):  # type: ignore[no-untyped-def]
        return await keys.create(name, scope, rate=rate, concurrency=concurrency)

    info, key = _with_keys(data_dir, database_url, create)
    typer.echo(
        f"key {info.name!r} created (scopes {','.join(info.scopes)}; {_limits(info.rate, info.concurrency)}); "
        f"shown once, store it now: {key}"
    )


@keys_app.command("list")
def keys_list(data_dir: DataDirOption = None, database_url: DatabaseOption = None) -> None:
    """Every key: name, scopes, limits, when created and last rotated (never the key)."""

    async def listing(keys):  # type: ignore[no-untyped-def]
        return await keys.list()

    def when(at: float | None) -> str:
        return datetime.datetime.fromtimestamp(at).strftime("%Y-%m-%d %H:%M") if at else "-"

    rows = _with_keys(data_dir, database_url, listing)
    if not rows:
        typer.echo("no keys")
    for info in rows:
        typer.echo(
            f"{info.name:20} {','.join(info.scopes):32} {_limits(info.rate, info.concurrency):40} "
            f"created {when(info.created_at)}  rotated {when(info.rotated_at)}"
        )


@keys_app.command("revoke")
def keys_revoke(
    name: Annotated[str, typer.Argument(help="The key's name")], data_dir: DataDirOption = None,
    database_url: DatabaseOption = None,
) -> None:  # fmt: skip
    """Delete a key: it stops working at once."""

    async def revoke(keys):  # type: ignore[no-untyped-def]
        await keys.revoke(name)

    _with_keys(data_dir, database_url, revoke)
    typer.echo(f"key {name!r} revoked")


@keys_app.command("rotate")
def keys_rotate(
    name: Annotated[str, typer.Argument(help="The key's name")], data_dir: DataDirOption = None,
    database_url: DatabaseOption = None,
) -> None:  # fmt: skip
    """A new secret for the key (same name, scopes, limits and jobs); the old secret stops working at once."""

    async def rotate(keys):  # type: ignore[no-untyped-def]
        return await keys.rotate(name)

    info, key = _with_keys(data_dir, database_url, rotate)
    typer.echo(f"key {info.name!r} rotated; the old secret no longer works; shown once, store it now: {key}")


@keys_app.command("export")
def keys_export(
    names: Annotated[list[str], typer.Argument(help="The keys a backend accepts (e.g. the router's)")],
    out: Annotated[Path, typer.Option(help="The keys file to write (a backend's --keys-file)")],
    data_dir: DataDirOption = None,
    database_url: DatabaseOption = None,
) -> None:
    """Write the named keys' hashes (never the keys) to a keys file for `ocrmesh serve --keys-file`.

    Export again after `rotate` or `revoke`: a backend reads the file again when it changes."""
    from services.auth.keys_file import write_keys_file

    async def export(keys):  # type: ignore[no-untyped-def]
        return await keys.export(names)

    entries = _with_keys(data_dir, database_url, export)
    write_keys_file(out, entries)
    typer.echo(f"{len(entries)} key(s) ({', '.join(e.name for e in entries)}) exported to {out} (hashes only)")


@keys_app.command("local")
def keys_local() -> None:
    """Print the local admin key `ocrmesh up` stored (for curl: -H "X-API-Key: $(ocrmesh keys local)")."""
    from ocrmesh_client.auth import local_key_paths, read_local_key

    key = read_local_key()
    if not key:
        where = ", ".join(str(p) for p in local_key_paths())
        typer.echo(f"error: no local admin key ({where}); `ocrmesh up` makes one", err=True)
        raise typer.Exit(1)
    typer.echo(key)


@certs_app.command("init")
def certs_init(
    directory: Annotated[
        Path, typer.Argument(help="Where to write ca.pem, server.pem/.key, client.pem/.key")
    ],
    host: Annotated[
        list[str] | None,
        typer.Option(help="Name or IP the server certificate is valid for (repeatable; localhost and 127.0.0.1 are always added)"),
    ] = None,
) -> None:
    """Make a small CA, a server certificate (backends, gateway) and a client certificate (the router)."""
    from services.auth.tls import init_certs

    with exit_on(FileExistsError, code=2):
        paths = init_certs(directory, host)
    for label, path in paths.items():
        typer.echo(f"{label:12} {path}")
