"""ocrmesh-client: talk to an ocrmesh router, backend (gRPC) or gateway (REST).

    from ocrmesh_client import OcrClient, request_from_file
    with OcrClient("127.0.0.1:50051") as client:
        outcome = client.process(request_from_file("invoice.pdf"))

The gRPC stubs are the package's own (`ocrmesh_client.v1`, generated with the
mesh's by scripts/gen_protos.py); the package needs no part of the mesh.
"""

from ocrmesh_client.grpc_client import (
    CHANNEL_OPTIONS,
    AsyncOcrClient,
    OcrClient,
    ProcessOutcome,
    build_request,
    request_from_file,
)
from ocrmesh_client.rest import AsyncRestClient, RestClient, RestError
from ocrmesh_client.v1 import ocr_pb2 as pb

__all__ = [
    "CHANNEL_OPTIONS",
    "AsyncOcrClient",
    "AsyncRestClient",
    "OcrClient",
    "ProcessOutcome",
    "RestClient",
    "RestError",
    "build_request",
    "pb",
    "request_from_file",
]
