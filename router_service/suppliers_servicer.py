"""SuppliersService on the router: learn a supplier from a document a person confirmed.

The router keeps the registry (`RouterSettings.suppliers_dir`, the files `ocrmesh
learn-supplier` writes too); `SupplierLookup` reloads it when a file changes, so the
supplier's next document is read with what was learned here.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import grpc
import structlog
import yaml

from ocrmesh.v1 import ocr_pb2 as pb
from ocrmesh.v1 import suppliers_pb2 as spb
from ocrmesh.v1 import suppliers_pb2_grpc as spb_grpc
from services.invoice.suppliers import upsert_supplier
from services.scaffold.errors import StatusError
from services.scaffold.status import status_of

log = structlog.get_logger("ocrmesh.router")

SUPPLIERS_SERVICE_NAME = spb.DESCRIPTOR.services_by_name["SuppliersService"].full_name


class SuppliersServicer(spb_grpc.SuppliersServiceServicer):
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    async def LearnSupplier(
        self, request: spb.LearnSupplierRequest, context: grpc.aio.ServicerContext
    ) -> spb.LearnSupplierResponse:
        try:
            if not request.pages:
                raise StatusError(grpc.StatusCode.INVALID_ARGUMENT, "no pages: the values are learned where they stand")
            path = await asyncio.to_thread(self._learn, request)
        except (StatusError, ValueError) as exc:
            code = exc.code if isinstance(exc, StatusError) else grpc.StatusCode.INVALID_ARGUMENT
            await context.abort(code, str(exc))
        except Exception as exc:  # a bug: INTERNAL without details
            status = status_of(exc, "the supplier registry")
            log.exception("learn_supplier_failed")
            await context.abort(status.code, status.message)
        profile = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        learned = sorted((profile.get("template") or {}).keys())
        log.info("supplier_learned", supplier_id=profile.get("id", ""), fields=learned)
        return spb.LearnSupplierResponse(
            supplier_id=str(profile.get("id", "")), name=str(profile.get("name", "")), learned_fields=learned
        )

    def _learn(self, request: spb.LearnSupplierRequest) -> Path:
        fields = pb.InvoiceFields()
        fields.CopyFrom(request.fields)
        return upsert_supplier(self.directory, fields, request.supplier_id or None, list(request.pages))
