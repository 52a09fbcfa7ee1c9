"""Every hostile input through the REST gateway of a real mesh: a clear answer, bounded memory, still serving."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.conftest import PATIENCE
from tests.gateway.test_errors import error_of
from tests.security.conftest import INVOICE, RSS_LIMIT, RunningMesh
from tests.security.hostile import Hostile, catalogue

PROCESS = "/api/v1/ocr/process"
# Only a guard against hangs (the answers must come, not come fast: speed is in benchmarks/).
HANG_GUARD = 4 * PATIENCE
INPUTS = catalogue(INVOICE.read_bytes())


def test_the_catalogue_is_large_enough() -> None:
    assert len(INPUTS) >= 60
    assert len({hostile.name for hostile in INPUTS}) == len(INPUTS)


def post(mesh: RunningMesh, hostile: Hostile) -> httpx.Response:
    files = {"file": (hostile.filename, hostile.data(), "application/octet-stream")}
    with httpx.Client(base_url=mesh.gateway, timeout=HANG_GUARD) as client:
        return client.post(PROCESS, files=files, data=hostile.form, headers={**mesh.auth, **hostile.headers})


def assert_clear_answer(hostile: Hostile, response: httpx.Response) -> None:
    assert response.status_code in hostile.statuses, (hostile.name, response.status_code, response.text[:500])
    assert hostile.leak == b"" or hostile.leak not in response.content, f"{hostile.name} leaked a local file"
    assert "x-injected" not in response.headers
    if response.status_code == 200:
        result = response.json()
        assert result["document_id"] and result["backend_used"], hostile.name
        warnings = result["metadata"].get("warnings", [])
        assert not hostile.pattern or any(re.search(hostile.pattern, w) for w in warnings), (
            hostile.name,
            warnings,
        )
        return
    error = error_of(response, response.status_code)
    assert error["message"], hostile.name
    assert re.search(hostile.pattern, error["message"]), (hostile.name, error["message"])


@pytest.mark.parametrize("hostile", INPUTS, ids=[hostile.name for hostile in INPUTS])
def test_hostile_input_gets_a_clear_answer_in_bounded_memory(mesh: RunningMesh, hostile: Hostile) -> None:
    mesh.memory.reset()
    response = post(mesh, hostile)
    mesh.memory.sample()
    assert_clear_answer(hostile, response)
    over = {name: rss for name, rss in mesh.memory.peaks.items() if rss > RSS_LIMIT}
    assert not over, f"{hostile.name}: peak RSS over {RSS_LIMIT / 1024**3:.1f} GB: {over}"


def test_the_mesh_still_serves_an_invoice_after_the_hostile_inputs(mesh: RunningMesh) -> None:
    for hostile in INPUTS[:: max(1, len(INPUTS) // 10)]:  # some again, in case this test runs alone
        post(mesh, hostile)
    response = post(mesh, Hostile("the invoice", INVOICE.read_bytes(), statuses=frozenset({200})))
    assert response.status_code == 200, response.text[:500]
    result = response.json()
    assert result["backend_used"] and "471102" in result["text"]["raw"]
    with httpx.Client(base_url=mesh.gateway, timeout=PATIENCE) as client:
        assert client.get("/api/v1/health").json()["status"] == "healthy"
