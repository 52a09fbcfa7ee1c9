"""Run record <-> `ocrmesh.v1.BenchmarkRun`, by field name (the two mirror each other)."""

from __future__ import annotations

from typing import Any

from google.protobuf import json_format

from bench_service.model import RunRecord
from ocrmesh.v1 import benchmark_pb2 as bpb

_RUN_ENUMS = {"status": "BENCHMARK_RUN_STATUS_", "routing": "BENCHMARK_ROUTING_"}
_REFERENCE = "BENCHMARK_REFERENCE_"
_STATE = "MODEL_STATE_"


def _to_enum(prefix: str, word: str) -> str:
    return prefix + word.upper()


def _from_enum(prefix: str, name: str) -> str:
    return name.removeprefix(prefix).lower()


def _walk(data: dict[str, Any], convert: Any) -> dict[str, Any]:
    for key, prefix in _RUN_ENUMS.items():
        if key in data:
            data[key] = convert(prefix, data[key])
    for summary in data.get("summaries", []):
        cold = summary.get("cold")
        if cold and "state_before" in cold:
            cold["state_before"] = convert(_STATE, cold["state_before"])
    for document in data.get("documents", []):
        if "reference" in document:
            document["reference"] = convert(_REFERENCE, document["reference"])
    return data


def run_to_proto(record: RunRecord) -> bpb.BenchmarkRun:
    # The owner (a key id) stays on the server: it is no part of the contract.
    data = _walk(record.model_dump(mode="json", exclude_none=True, exclude={"owner"}), _to_enum)
    return json_format.ParseDict(data, bpb.BenchmarkRun())


def run_from_proto(message: bpb.BenchmarkRun) -> RunRecord:
    data = json_format.MessageToDict(
        message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True
    )
    return RunRecord.model_validate(_walk(data, _from_enum))


def run_dict_from_proto(message: bpb.BenchmarkRun) -> dict[str, Any]:
    """The run as the JSON-ready dict of the record (REST responses)."""
    return run_from_proto(message).model_dump(mode="json")
