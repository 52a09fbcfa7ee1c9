"""The form parts that several routes share are declared once, so OpenAPI documents them alike."""

from __future__ import annotations

from gateway_rest.app import create_app
from gateway_rest.routes.process import BackendForm
from gateway_rest.settings import GatewaySettings


def test_process_and_batch_document_the_backend_part_alike() -> None:
    schemas = create_app(GatewaySettings(auth=False)).openapi()["components"]["schemas"]
    process = schemas["Body_process_document_api_v1_ocr_process_post"]["properties"]["backend"]
    batch = schemas["Body_submit_batch_api_v1_ocr_batch_post"]["properties"]["backend"]
    assert process == batch
    assert process["description"] == BackendForm.__metadata__[0].description
    assert process["default"] == "auto"
