"""gRPC TLS credentials from PEM files (certificates made by `ocrmesh certs init`, services/auth/tls.py)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import grpc


@dataclass(frozen=True)
class TlsFiles:
    """PEM files: the CA to trust, and this side's own certificate and key (optional for a plain TLS client)."""

    ca: Path | None = None
    cert: Path | None = None
    key: Path | None = None

    @staticmethod
    def _read(path: Path | None) -> bytes | None:
        return Path(path).read_bytes() if path else None

    def channel_credentials(self) -> grpc.ChannelCredentials:
        return grpc.ssl_channel_credentials(
            root_certificates=self._read(self.ca),
            private_key=self._read(self.key),
            certificate_chain=self._read(self.cert),
        )

    def server_credentials(self) -> grpc.ServerCredentials:
        """Server TLS; with a CA, clients must present a certificate it signed (mutual TLS)."""
        if not (self.cert and self.key):
            raise ValueError("a TLS server needs both a certificate and a key")
        client_ca = self._read(self.ca)
        return grpc.ssl_server_credentials(
            [(Path(self.key).read_bytes(), Path(self.cert).read_bytes())],
            root_certificates=client_ca,
            require_client_auth=client_ca is not None,
        )
