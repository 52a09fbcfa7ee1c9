import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from ocrmesh.v1 import ocr_pb2 as _ocr_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BenchmarkRunStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BENCHMARK_RUN_STATUS_UNSPECIFIED: _ClassVar[BenchmarkRunStatus]
    BENCHMARK_RUN_STATUS_QUEUED: _ClassVar[BenchmarkRunStatus]
    BENCHMARK_RUN_STATUS_RUNNING: _ClassVar[BenchmarkRunStatus]
    BENCHMARK_RUN_STATUS_COMPLETED: _ClassVar[BenchmarkRunStatus]
    BENCHMARK_RUN_STATUS_FAILED: _ClassVar[BenchmarkRunStatus]
    BENCHMARK_RUN_STATUS_CANCELLED: _ClassVar[BenchmarkRunStatus]

class BenchmarkRouting(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BENCHMARK_ROUTING_UNSPECIFIED: _ClassVar[BenchmarkRouting]
    BENCHMARK_ROUTING_DIRECT: _ClassVar[BenchmarkRouting]
    BENCHMARK_ROUTING_ROUTER: _ClassVar[BenchmarkRouting]

class BenchmarkReference(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BENCHMARK_REFERENCE_UNSPECIFIED: _ClassVar[BenchmarkReference]
    BENCHMARK_REFERENCE_TRUTH_TEXT: _ClassVar[BenchmarkReference]
    BENCHMARK_REFERENCE_TEXT_LAYER: _ClassVar[BenchmarkReference]
    BENCHMARK_REFERENCE_AGREEMENT: _ClassVar[BenchmarkReference]
    BENCHMARK_REFERENCE_NONE: _ClassVar[BenchmarkReference]

class BenchmarkReportFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BENCHMARK_REPORT_FORMAT_UNSPECIFIED: _ClassVar[BenchmarkReportFormat]
    BENCHMARK_REPORT_FORMAT_JSON: _ClassVar[BenchmarkReportFormat]
    BENCHMARK_REPORT_FORMAT_MARKDOWN: _ClassVar[BenchmarkReportFormat]
    BENCHMARK_REPORT_FORMAT_HTML: _ClassVar[BenchmarkReportFormat]

class BenchmarkEventKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BENCHMARK_EVENT_KIND_UNSPECIFIED: _ClassVar[BenchmarkEventKind]
    BENCHMARK_EVENT_KIND_SNAPSHOT: _ClassVar[BenchmarkEventKind]
    BENCHMARK_EVENT_KIND_PHASE: _ClassVar[BenchmarkEventKind]
    BENCHMARK_EVENT_KIND_DOCUMENT_DONE: _ClassVar[BenchmarkEventKind]
BENCHMARK_RUN_STATUS_UNSPECIFIED: BenchmarkRunStatus
BENCHMARK_RUN_STATUS_QUEUED: BenchmarkRunStatus
BENCHMARK_RUN_STATUS_RUNNING: BenchmarkRunStatus
BENCHMARK_RUN_STATUS_COMPLETED: BenchmarkRunStatus
BENCHMARK_RUN_STATUS_FAILED: BenchmarkRunStatus
BENCHMARK_RUN_STATUS_CANCELLED: BenchmarkRunStatus
BENCHMARK_ROUTING_UNSPECIFIED: BenchmarkRouting
BENCHMARK_ROUTING_DIRECT: BenchmarkRouting
BENCHMARK_ROUTING_ROUTER: BenchmarkRouting
BENCHMARK_REFERENCE_UNSPECIFIED: BenchmarkReference
BENCHMARK_REFERENCE_TRUTH_TEXT: BenchmarkReference
BENCHMARK_REFERENCE_TEXT_LAYER: BenchmarkReference
BENCHMARK_REFERENCE_AGREEMENT: BenchmarkReference
BENCHMARK_REFERENCE_NONE: BenchmarkReference
BENCHMARK_REPORT_FORMAT_UNSPECIFIED: BenchmarkReportFormat
BENCHMARK_REPORT_FORMAT_JSON: BenchmarkReportFormat
BENCHMARK_REPORT_FORMAT_MARKDOWN: BenchmarkReportFormat
BENCHMARK_REPORT_FORMAT_HTML: BenchmarkReportFormat
BENCHMARK_EVENT_KIND_UNSPECIFIED: BenchmarkEventKind
BENCHMARK_EVENT_KIND_SNAPSHOT: BenchmarkEventKind
BENCHMARK_EVENT_KIND_PHASE: BenchmarkEventKind
BENCHMARK_EVENT_KIND_DOCUMENT_DONE: BenchmarkEventKind

class BenchmarkUpload(_message.Message):
    __slots__ = ("document", "truth_json", "truth_text")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    TRUTH_JSON_FIELD_NUMBER: _ClassVar[int]
    TRUTH_TEXT_FIELD_NUMBER: _ClassVar[int]
    document: _ocr_pb2.Document
    truth_json: str
    truth_text: str
    def __init__(self, document: _Optional[_Union[_ocr_pb2.Document, _Mapping]] = ..., truth_json: _Optional[str] = ..., truth_text: _Optional[str] = ...) -> None: ...

class StartRunRequest(_message.Message):
    __slots__ = ("dataset", "documents", "uploads", "backends", "routing", "limit", "label", "dpi")
    DATASET_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    UPLOADS_FIELD_NUMBER: _ClassVar[int]
    BACKENDS_FIELD_NUMBER: _ClassVar[int]
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DPI_FIELD_NUMBER: _ClassVar[int]
    dataset: str
    documents: _containers.RepeatedScalarFieldContainer[str]
    uploads: _containers.RepeatedCompositeFieldContainer[BenchmarkUpload]
    backends: _containers.RepeatedScalarFieldContainer[str]
    routing: BenchmarkRouting
    limit: int
    label: str
    dpi: int
    def __init__(self, dataset: _Optional[str] = ..., documents: _Optional[_Iterable[str]] = ..., uploads: _Optional[_Iterable[_Union[BenchmarkUpload, _Mapping]]] = ..., backends: _Optional[_Iterable[str]] = ..., routing: _Optional[_Union[BenchmarkRouting, str]] = ..., limit: _Optional[int] = ..., label: _Optional[str] = ..., dpi: _Optional[int] = ...) -> None: ...

class StartRunResponse(_message.Message):
    __slots__ = ("run",)
    RUN_FIELD_NUMBER: _ClassVar[int]
    run: BenchmarkRun
    def __init__(self, run: _Optional[_Union[BenchmarkRun, _Mapping]] = ...) -> None: ...

class BenchmarkProgress(_message.Message):
    __slots__ = ("total", "done", "failed", "phase")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    DONE_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    PHASE_FIELD_NUMBER: _ClassVar[int]
    total: int
    done: int
    failed: int
    phase: str
    def __init__(self, total: _Optional[int] = ..., done: _Optional[int] = ..., failed: _Optional[int] = ..., phase: _Optional[str] = ...) -> None: ...

class BenchmarkFieldScore(_message.Message):
    __slots__ = ("name", "right", "total", "accuracy")
    NAME_FIELD_NUMBER: _ClassVar[int]
    RIGHT_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_FIELD_NUMBER: _ClassVar[int]
    name: str
    right: int
    total: int
    accuracy: float
    def __init__(self, name: _Optional[str] = ..., right: _Optional[int] = ..., total: _Optional[int] = ..., accuracy: _Optional[float] = ...) -> None: ...

class BenchmarkColdStart(_message.Message):
    __slots__ = ("state_before", "loaded_by_run", "load_seconds", "first_request_seconds")
    STATE_BEFORE_FIELD_NUMBER: _ClassVar[int]
    LOADED_BY_RUN_FIELD_NUMBER: _ClassVar[int]
    LOAD_SECONDS_FIELD_NUMBER: _ClassVar[int]
    FIRST_REQUEST_SECONDS_FIELD_NUMBER: _ClassVar[int]
    state_before: _ocr_pb2.ModelState
    loaded_by_run: bool
    load_seconds: float
    first_request_seconds: float
    def __init__(self, state_before: _Optional[_Union[_ocr_pb2.ModelState, str]] = ..., loaded_by_run: _Optional[bool] = ..., load_seconds: _Optional[float] = ..., first_request_seconds: _Optional[float] = ...) -> None: ...

class BenchmarkBackendSummary(_message.Message):
    __slots__ = ("backend", "address", "documents", "succeeded", "pages", "avg_time", "p50_seconds_per_page", "p95_seconds_per_page", "accuracy", "accuracy_documents", "fields", "field_accuracy", "agreement", "ram_usage", "vram_usage", "mean_confidence", "errors", "error_count", "cold", "wins")
    class ErrorsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    SUCCEEDED_FIELD_NUMBER: _ClassVar[int]
    PAGES_FIELD_NUMBER: _ClassVar[int]
    AVG_TIME_FIELD_NUMBER: _ClassVar[int]
    P50_SECONDS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    P95_SECONDS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    FIELD_ACCURACY_FIELD_NUMBER: _ClassVar[int]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    RAM_USAGE_FIELD_NUMBER: _ClassVar[int]
    VRAM_USAGE_FIELD_NUMBER: _ClassVar[int]
    MEAN_CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    ERRORS_FIELD_NUMBER: _ClassVar[int]
    ERROR_COUNT_FIELD_NUMBER: _ClassVar[int]
    COLD_FIELD_NUMBER: _ClassVar[int]
    WINS_FIELD_NUMBER: _ClassVar[int]
    backend: str
    address: str
    documents: int
    succeeded: int
    pages: int
    avg_time: float
    p50_seconds_per_page: float
    p95_seconds_per_page: float
    accuracy: float
    accuracy_documents: int
    fields: _containers.RepeatedCompositeFieldContainer[BenchmarkFieldScore]
    field_accuracy: float
    agreement: float
    ram_usage: int
    vram_usage: int
    mean_confidence: float
    errors: _containers.ScalarMap[str, int]
    error_count: int
    cold: BenchmarkColdStart
    wins: int
    def __init__(self, backend: _Optional[str] = ..., address: _Optional[str] = ..., documents: _Optional[int] = ..., succeeded: _Optional[int] = ..., pages: _Optional[int] = ..., avg_time: _Optional[float] = ..., p50_seconds_per_page: _Optional[float] = ..., p95_seconds_per_page: _Optional[float] = ..., accuracy: _Optional[float] = ..., accuracy_documents: _Optional[int] = ..., fields: _Optional[_Iterable[_Union[BenchmarkFieldScore, _Mapping]]] = ..., field_accuracy: _Optional[float] = ..., agreement: _Optional[float] = ..., ram_usage: _Optional[int] = ..., vram_usage: _Optional[int] = ..., mean_confidence: _Optional[float] = ..., errors: _Optional[_Mapping[str, int]] = ..., error_count: _Optional[int] = ..., cold: _Optional[_Union[BenchmarkColdStart, _Mapping]] = ..., wins: _Optional[int] = ...) -> None: ...

class BenchmarkFieldResult(_message.Message):
    __slots__ = ("name", "match")
    NAME_FIELD_NUMBER: _ClassVar[int]
    MATCH_FIELD_NUMBER: _ClassVar[int]
    name: str
    match: bool
    def __init__(self, name: _Optional[str] = ..., match: _Optional[bool] = ...) -> None: ...

class BenchmarkOutcome(_message.Message):
    __slots__ = ("backend", "status", "message", "seconds", "pages", "page_seconds", "accuracy", "agreement", "field_accuracy", "fields", "confidence", "supplier_id")
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    PAGES_FIELD_NUMBER: _ClassVar[int]
    PAGE_SECONDS_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_FIELD_NUMBER: _ClassVar[int]
    AGREEMENT_FIELD_NUMBER: _ClassVar[int]
    FIELD_ACCURACY_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    backend: str
    status: str
    message: str
    seconds: float
    pages: int
    page_seconds: _containers.RepeatedScalarFieldContainer[float]
    accuracy: float
    agreement: float
    field_accuracy: float
    fields: _containers.RepeatedCompositeFieldContainer[BenchmarkFieldResult]
    confidence: float
    supplier_id: str
    def __init__(self, backend: _Optional[str] = ..., status: _Optional[str] = ..., message: _Optional[str] = ..., seconds: _Optional[float] = ..., pages: _Optional[int] = ..., page_seconds: _Optional[_Iterable[float]] = ..., accuracy: _Optional[float] = ..., agreement: _Optional[float] = ..., field_accuracy: _Optional[float] = ..., fields: _Optional[_Iterable[_Union[BenchmarkFieldResult, _Mapping]]] = ..., confidence: _Optional[float] = ..., supplier_id: _Optional[str] = ...) -> None: ...

class BenchmarkDocument(_message.Message):
    __slots__ = ("name", "page_count", "size_bytes", "classes", "reference", "has_field_truth", "outcomes", "winner")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    REFERENCE_FIELD_NUMBER: _ClassVar[int]
    HAS_FIELD_TRUTH_FIELD_NUMBER: _ClassVar[int]
    OUTCOMES_FIELD_NUMBER: _ClassVar[int]
    WINNER_FIELD_NUMBER: _ClassVar[int]
    name: str
    page_count: int
    size_bytes: int
    classes: _containers.RepeatedScalarFieldContainer[str]
    reference: BenchmarkReference
    has_field_truth: bool
    outcomes: _containers.RepeatedCompositeFieldContainer[BenchmarkOutcome]
    winner: str
    def __init__(self, name: _Optional[str] = ..., page_count: _Optional[int] = ..., size_bytes: _Optional[int] = ..., classes: _Optional[_Iterable[str]] = ..., reference: _Optional[_Union[BenchmarkReference, str]] = ..., has_field_truth: _Optional[bool] = ..., outcomes: _Optional[_Iterable[_Union[BenchmarkOutcome, _Mapping]]] = ..., winner: _Optional[str] = ...) -> None: ...

class BenchmarkClassSummary(_message.Message):
    __slots__ = ("document_class", "backend", "documents", "succeeded", "pages", "accuracy", "accuracy_documents", "field_accuracy", "seconds_per_page", "wins")
    DOCUMENT_CLASS_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    SUCCEEDED_FIELD_NUMBER: _ClassVar[int]
    PAGES_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_FIELD_NUMBER: _ClassVar[int]
    ACCURACY_DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    FIELD_ACCURACY_FIELD_NUMBER: _ClassVar[int]
    SECONDS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    WINS_FIELD_NUMBER: _ClassVar[int]
    document_class: str
    backend: str
    documents: int
    succeeded: int
    pages: int
    accuracy: float
    accuracy_documents: int
    field_accuracy: float
    seconds_per_page: float
    wins: int
    def __init__(self, document_class: _Optional[str] = ..., backend: _Optional[str] = ..., documents: _Optional[int] = ..., succeeded: _Optional[int] = ..., pages: _Optional[int] = ..., accuracy: _Optional[float] = ..., accuracy_documents: _Optional[int] = ..., field_accuracy: _Optional[float] = ..., seconds_per_page: _Optional[float] = ..., wins: _Optional[int] = ...) -> None: ...

class BenchmarkRun(_message.Message):
    __slots__ = ("run_id", "status", "label", "dataset", "backends", "routing", "router_address", "progress", "created_at", "started_at", "finished_at", "error", "summaries", "documents", "classes", "command", "machine", "document_count")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    LABEL_FIELD_NUMBER: _ClassVar[int]
    DATASET_FIELD_NUMBER: _ClassVar[int]
    BACKENDS_FIELD_NUMBER: _ClassVar[int]
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    ROUTER_ADDRESS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    SUMMARIES_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    CLASSES_FIELD_NUMBER: _ClassVar[int]
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    MACHINE_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_COUNT_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    status: BenchmarkRunStatus
    label: str
    dataset: str
    backends: _containers.RepeatedScalarFieldContainer[str]
    routing: BenchmarkRouting
    router_address: str
    progress: BenchmarkProgress
    created_at: _timestamp_pb2.Timestamp
    started_at: _timestamp_pb2.Timestamp
    finished_at: _timestamp_pb2.Timestamp
    error: str
    summaries: _containers.RepeatedCompositeFieldContainer[BenchmarkBackendSummary]
    documents: _containers.RepeatedCompositeFieldContainer[BenchmarkDocument]
    classes: _containers.RepeatedCompositeFieldContainer[BenchmarkClassSummary]
    command: str
    machine: str
    document_count: int
    def __init__(self, run_id: _Optional[str] = ..., status: _Optional[_Union[BenchmarkRunStatus, str]] = ..., label: _Optional[str] = ..., dataset: _Optional[str] = ..., backends: _Optional[_Iterable[str]] = ..., routing: _Optional[_Union[BenchmarkRouting, str]] = ..., router_address: _Optional[str] = ..., progress: _Optional[_Union[BenchmarkProgress, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finished_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., error: _Optional[str] = ..., summaries: _Optional[_Iterable[_Union[BenchmarkBackendSummary, _Mapping]]] = ..., documents: _Optional[_Iterable[_Union[BenchmarkDocument, _Mapping]]] = ..., classes: _Optional[_Iterable[_Union[BenchmarkClassSummary, _Mapping]]] = ..., command: _Optional[str] = ..., machine: _Optional[str] = ..., document_count: _Optional[int] = ...) -> None: ...

class GetRunRequest(_message.Message):
    __slots__ = ("run_id", "include_documents")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    include_documents: bool
    def __init__(self, run_id: _Optional[str] = ..., include_documents: _Optional[bool] = ...) -> None: ...

class GetRunResponse(_message.Message):
    __slots__ = ("run",)
    RUN_FIELD_NUMBER: _ClassVar[int]
    run: BenchmarkRun
    def __init__(self, run: _Optional[_Union[BenchmarkRun, _Mapping]] = ...) -> None: ...

class WatchRunRequest(_message.Message):
    __slots__ = ("run_id",)
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    def __init__(self, run_id: _Optional[str] = ...) -> None: ...

class WatchRunResponse(_message.Message):
    __slots__ = ("kind", "progress", "run", "document", "backend", "message")
    KIND_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    RUN_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    kind: BenchmarkEventKind
    progress: BenchmarkProgress
    run: BenchmarkRun
    document: str
    backend: str
    message: str
    def __init__(self, kind: _Optional[_Union[BenchmarkEventKind, str]] = ..., progress: _Optional[_Union[BenchmarkProgress, _Mapping]] = ..., run: _Optional[_Union[BenchmarkRun, _Mapping]] = ..., document: _Optional[str] = ..., backend: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class ListRunsRequest(_message.Message):
    __slots__ = ("limit",)
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    limit: int
    def __init__(self, limit: _Optional[int] = ...) -> None: ...

class ListRunsResponse(_message.Message):
    __slots__ = ("runs",)
    RUNS_FIELD_NUMBER: _ClassVar[int]
    runs: _containers.RepeatedCompositeFieldContainer[BenchmarkRun]
    def __init__(self, runs: _Optional[_Iterable[_Union[BenchmarkRun, _Mapping]]] = ...) -> None: ...

class GetReportRequest(_message.Message):
    __slots__ = ("run_id", "format")
    RUN_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    run_id: str
    format: BenchmarkReportFormat
    def __init__(self, run_id: _Optional[str] = ..., format: _Optional[_Union[BenchmarkReportFormat, str]] = ...) -> None: ...

class GetReportResponse(_message.Message):
    __slots__ = ("content", "mime_type", "filename")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    mime_type: str
    filename: str
    def __init__(self, content: _Optional[bytes] = ..., mime_type: _Optional[str] = ..., filename: _Optional[str] = ...) -> None: ...
