"""The one error type that carries a gRPC status through the mesh's layers."""

from __future__ import annotations

import grpc


class StatusError(Exception):
    """A failure or refusal with the gRPC status code the client should get."""

    def __init__(self, code: grpc.StatusCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
