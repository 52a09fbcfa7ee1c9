"""Who the caller of this gRPC call is, as the contract tells it (`OcrService.GetCaller`)."""

from __future__ import annotations

from ocrmesh.v1 import ocr_pb2 as pb
from services.auth.keys import SCOPES, current_principal


def caller_response() -> pb.GetCallerResponse:
    """The key of the call being served: its name and scopes; every scope when keys are not checked."""
    principal = current_principal()
    if principal is None:  # the interceptor checks no keys (loopback without auth)
        return pb.GetCallerResponse(name="", scopes=list(SCOPES), auth_required=False)
    held = [scope for scope in SCOPES if scope in principal.scopes]
    return pb.GetCallerResponse(name=principal.name, scopes=held, auth_required=True)
