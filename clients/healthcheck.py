"""Exit 0 when a server is healthy, 1 otherwise (container health checks).

python -m clients.healthcheck HOST:PORT [SERVICE]   gRPC health: SERVING
python -m clients.healthcheck http://HOST:PORT/PATH  HTTP: a 2xx answer
python -m clients.healthcheck                        the target in $OCRMESH_HEALTHCHECK

A server speaking TLS (a backend with --tls-cert, mutual TLS with --tls-client-ca)
is asked over TLS when $OCRMESH_HEALTHCHECK_CA names the CA to trust, with the
client certificate $OCRMESH_HEALTHCHECK_CERT and key $OCRMESH_HEALTHCHECK_KEY
for mutual TLS (the server certificate must name 127.0.0.1: `ocrmesh certs init`
adds it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ocrmesh_client.tls import TlsFiles

HEALTHCHECK_ENV = "OCRMESH_HEALTHCHECK"
TLS_ENV = {"ca": "OCRMESH_HEALTHCHECK_CA", "cert": "OCRMESH_HEALTHCHECK_CERT", "key": "OCRMESH_HEALTHCHECK_KEY"}
TIMEOUT_SECONDS = 2.0


def tls_from_env() -> TlsFiles | None:
    """TLS files from $OCRMESH_HEALTHCHECK_CA/_CERT/_KEY; None (plaintext) without a CA."""
    from ocrmesh_client.tls import TlsFiles

    files = {name: os.environ.get(variable, "").strip() for name, variable in TLS_ENV.items()}
    if not files["ca"]:
        return None
    return TlsFiles(**{name: Path(value) if value else None for name, value in files.items()})


def check_grpc(target: str, service: str = "") -> int:
    import grpc
    from grpc_health.v1 import health_pb2

    from ocrmesh_client import OcrClient

    try:
        client = OcrClient(target, api_key="", tls=tls_from_env())  # health is open: no key
    except OSError as exc:
        print(f"unhealthy: cannot read the TLS files: {exc}", file=sys.stderr)
        return 1
    with client:
        try:
            status = client.health(service, timeout=TIMEOUT_SECONDS)
        except grpc.RpcError as exc:
            print(f"unhealthy: {exc.code().name}", file=sys.stderr)  # type: ignore[attr-defined]
            return 1
    if status != health_pb2.HealthCheckResponse.SERVING:
        print(f"unhealthy: {health_pb2.HealthCheckResponse.ServingStatus.Name(status)}", file=sys.stderr)
        return 1
    return 0


def check_http(url: str) -> int:
    import httpx

    try:
        response = httpx.get(url, timeout=TIMEOUT_SECONDS)
    except httpx.HTTPError as exc:
        print(f"unhealthy: {type(exc).__name__}", file=sys.stderr)
        return 1
    if not response.is_success:
        print(f"unhealthy: HTTP {response.status_code}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    if not argv and os.environ.get(HEALTHCHECK_ENV):
        argv = os.environ[HEALTHCHECK_ENV].split()
    if not 1 <= len(argv) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    if argv[0].startswith(("http://", "https://")):
        return check_http(argv[0]) if len(argv) == 1 else 2
    return check_grpc(*argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
