"""Exit 0 when a gRPC server reports SERVING, 1 otherwise (container health checks).

    python -m clients.healthcheck HOST:PORT [SERVICE]
"""

from __future__ import annotations

import sys

import grpc
from grpc_health.v1 import health_pb2

from clients.client import OcrClient


def main(argv: list[str]) -> int:
    if not 1 <= len(argv) <= 2:
        print(__doc__, file=sys.stderr)
        return 2
    service = argv[1] if len(argv) == 2 else ""
    with OcrClient(argv[0]) as client:
        try:
            status = client.health(service, timeout=2)
        except grpc.RpcError as exc:
            print(f"unhealthy: {exc.code().name}", file=sys.stderr)  # type: ignore[attr-defined]
            return 1
    if status != health_pb2.HealthCheckResponse.SERVING:
        print(f"unhealthy: {health_pb2.HealthCheckResponse.ServingStatus.Name(status)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
