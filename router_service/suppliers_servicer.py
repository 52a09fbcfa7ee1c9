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
from services.scaffold.errors import InvalidRequestError
from services.scaffold.status import abort, status_of

log = structlog.get_logger("ocrmesh.router")

SUPPLIERS_SERVICE_NAME = spb.DESCRIPTOR.services_by_name["SuppliersService"].full_name


class SuppliersServicer(spb_grpc.SuppliersServiceServicer):
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    async def LearnSupplier(
        self, request: spb.LearnSupplierRequest, context: grpc.aio.ServicerContext
    ) -> spb.LearnSupplierResponse:
        try:
            path = await asyncio.to_thread(self._learn, request)
        except Exception as exc:  # a refusal (INVALID_ARGUMENT), or a bug (INTERNAL, its details only in the log)
            if status_of(exc).internal:
                log.exception("learn_supplier_failed")
            await abort(context, exc, "the supplier registry")
        profile = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        learned = sorted((profile.get("template") or {}).keys())
        log.info("supplier_learned", supplier_id=profile.get("id", ""), fields=learned)
        return spb.LearnSupplierResponse(
            supplier_id=str(profile.get("id", "")), name=str(profile.get("name", "")), learned_fields=learned
        )

    def _learn(self, request: spb.LearnSupplierRequest) -> Path:
        if not request.pages:
            raise InvalidRequestError("no pages: the values are learned where they stand")
        fields = pb.InvoiceFields()
        fields.CopyFrom(request.fields)
        try:
            return upsert_supplier(self.directory, fields, request.supplier_id or None, list(request.pages))
        except ValueError as exc:  # the registry's refusals: a bad id, no supplier name
            raise InvalidRequestError(str(exc)) from exc
