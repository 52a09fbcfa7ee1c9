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

class JobStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_STATUS_UNSPECIFIED: _ClassVar[JobStatus]
    JOB_STATUS_QUEUED: _ClassVar[JobStatus]
    JOB_STATUS_PROCESSING: _ClassVar[JobStatus]
    JOB_STATUS_COMPLETED: _ClassVar[JobStatus]
    JOB_STATUS_FAILED: _ClassVar[JobStatus]
    JOB_STATUS_CANCELLED: _ClassVar[JobStatus]

class JobPriority(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    JOB_PRIORITY_UNSPECIFIED: _ClassVar[JobPriority]
    JOB_PRIORITY_INTERACTIVE: _ClassVar[JobPriority]
    JOB_PRIORITY_BATCH: _ClassVar[JobPriority]

class DocumentStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    DOCUMENT_STATUS_UNSPECIFIED: _ClassVar[DocumentStatus]
    DOCUMENT_STATUS_QUEUED: _ClassVar[DocumentStatus]
    DOCUMENT_STATUS_PROCESSING: _ClassVar[DocumentStatus]
    DOCUMENT_STATUS_COMPLETED: _ClassVar[DocumentStatus]
    DOCUMENT_STATUS_FAILED: _ClassVar[DocumentStatus]
    DOCUMENT_STATUS_CANCELLED: _ClassVar[DocumentStatus]
JOB_STATUS_UNSPECIFIED: JobStatus
JOB_STATUS_QUEUED: JobStatus
JOB_STATUS_PROCESSING: JobStatus
JOB_STATUS_COMPLETED: JobStatus
JOB_STATUS_FAILED: JobStatus
JOB_STATUS_CANCELLED: JobStatus
JOB_PRIORITY_UNSPECIFIED: JobPriority
JOB_PRIORITY_INTERACTIVE: JobPriority
JOB_PRIORITY_BATCH: JobPriority
DOCUMENT_STATUS_UNSPECIFIED: DocumentStatus
DOCUMENT_STATUS_QUEUED: DocumentStatus
DOCUMENT_STATUS_PROCESSING: DocumentStatus
DOCUMENT_STATUS_COMPLETED: DocumentStatus
DOCUMENT_STATUS_FAILED: DocumentStatus
DOCUMENT_STATUS_CANCELLED: DocumentStatus

class SubmitBatchRequest(_message.Message):
    __slots__ = ("documents", "backend", "options", "idempotency_key", "priority", "allow_fallback")
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    ALLOW_FALLBACK_FIELD_NUMBER: _ClassVar[int]
    documents: _containers.RepeatedCompositeFieldContainer[_ocr_pb2.Document]
    backend: str
    options: _ocr_pb2.ProcessOptions
    idempotency_key: str
    priority: JobPriority
    allow_fallback: bool
    def __init__(self, documents: _Optional[_Iterable[_Union[_ocr_pb2.Document, _Mapping]]] = ..., backend: _Optional[str] = ..., options: _Optional[_Union[_ocr_pb2.ProcessOptions, _Mapping]] = ..., idempotency_key: _Optional[str] = ..., priority: _Optional[_Union[JobPriority, str]] = ..., allow_fallback: _Optional[bool] = ...) -> None: ...

class SubmitBatchResponse(_message.Message):
    __slots__ = ("job", "created")
    JOB_FIELD_NUMBER: _ClassVar[int]
    CREATED_FIELD_NUMBER: _ClassVar[int]
    job: Job
    created: bool
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ..., created: _Optional[bool] = ...) -> None: ...

class JobProgress(_message.Message):
    __slots__ = ("total", "processed", "failed", "pages_done", "pages_total", "cached", "completed", "cancelled")
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    PROCESSED_FIELD_NUMBER: _ClassVar[int]
    FAILED_FIELD_NUMBER: _ClassVar[int]
    PAGES_DONE_FIELD_NUMBER: _ClassVar[int]
    PAGES_TOTAL_FIELD_NUMBER: _ClassVar[int]
    CACHED_FIELD_NUMBER: _ClassVar[int]
    COMPLETED_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_FIELD_NUMBER: _ClassVar[int]
    total: int
    processed: int
    failed: int
    pages_done: int
    pages_total: int
    cached: int
    completed: int
    cancelled: int
    def __init__(self, total: _Optional[int] = ..., processed: _Optional[int] = ..., failed: _Optional[int] = ..., pages_done: _Optional[int] = ..., pages_total: _Optional[int] = ..., cached: _Optional[int] = ..., completed: _Optional[int] = ..., cancelled: _Optional[int] = ...) -> None: ...

class DocumentError(_message.Message):
    __slots__ = ("code", "message")
    CODE_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    code: str
    message: str
    def __init__(self, code: _Optional[str] = ..., message: _Optional[str] = ...) -> None: ...

class JobDocument(_message.Message):
    __slots__ = ("index", "document_id", "filename", "status", "page_count", "pages_done", "attempts", "cached", "processing_seconds", "result", "error", "pages", "size_bytes")
    INDEX_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    PAGES_DONE_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    CACHED_FIELD_NUMBER: _ClassVar[int]
    PROCESSING_SECONDS_FIELD_NUMBER: _ClassVar[int]
    RESULT_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    PAGES_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    index: int
    document_id: str
    filename: str
    status: DocumentStatus
    page_count: int
    pages_done: int
    attempts: int
    cached: bool
    processing_seconds: float
    result: _ocr_pb2.DocumentResult
    error: DocumentError
    pages: _containers.RepeatedCompositeFieldContainer[_ocr_pb2.PageResult]
    size_bytes: int
    def __init__(self, index: _Optional[int] = ..., document_id: _Optional[str] = ..., filename: _Optional[str] = ..., status: _Optional[_Union[DocumentStatus, str]] = ..., page_count: _Optional[int] = ..., pages_done: _Optional[int] = ..., attempts: _Optional[int] = ..., cached: _Optional[bool] = ..., processing_seconds: _Optional[float] = ..., result: _Optional[_Union[_ocr_pb2.DocumentResult, _Mapping]] = ..., error: _Optional[_Union[DocumentError, _Mapping]] = ..., pages: _Optional[_Iterable[_Union[_ocr_pb2.PageResult, _Mapping]]] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class Job(_message.Message):
    __slots__ = ("job_id", "status", "priority", "backend", "options", "idempotency_key", "progress", "created_at", "started_at", "finished_at", "estimated_completion", "estimated_seconds_remaining", "expires_at", "documents")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_COMPLETION_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_SECONDS_REMAINING_FIELD_NUMBER: _ClassVar[int]
    EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    status: JobStatus
    priority: JobPriority
    backend: str
    options: _ocr_pb2.ProcessOptions
    idempotency_key: str
    progress: JobProgress
    created_at: _timestamp_pb2.Timestamp
    started_at: _timestamp_pb2.Timestamp
    finished_at: _timestamp_pb2.Timestamp
    estimated_completion: _timestamp_pb2.Timestamp
    estimated_seconds_remaining: float
    expires_at: _timestamp_pb2.Timestamp
    documents: _containers.RepeatedCompositeFieldContainer[JobDocument]
    def __init__(self, job_id: _Optional[str] = ..., status: _Optional[_Union[JobStatus, str]] = ..., priority: _Optional[_Union[JobPriority, str]] = ..., backend: _Optional[str] = ..., options: _Optional[_Union[_ocr_pb2.ProcessOptions, _Mapping]] = ..., idempotency_key: _Optional[str] = ..., progress: _Optional[_Union[JobProgress, _Mapping]] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finished_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., estimated_completion: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., estimated_seconds_remaining: _Optional[float] = ..., expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., documents: _Optional[_Iterable[_Union[JobDocument, _Mapping]]] = ...) -> None: ...

class GetJobRequest(_message.Message):
    __slots__ = ("job_id", "include_results", "include_pages")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_RESULTS_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_PAGES_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    include_results: bool
    include_pages: bool
    def __init__(self, job_id: _Optional[str] = ..., include_results: _Optional[bool] = ..., include_pages: _Optional[bool] = ...) -> None: ...

class GetJobDocumentRequest(_message.Message):
    __slots__ = ("job_id", "index", "include_content")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_CONTENT_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    index: int
    include_content: bool
    def __init__(self, job_id: _Optional[str] = ..., index: _Optional[int] = ..., include_content: _Optional[bool] = ...) -> None: ...

class GetJobDocumentResponse(_message.Message):
    __slots__ = ("document", "content")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    document: JobDocument
    content: bytes
    def __init__(self, document: _Optional[_Union[JobDocument, _Mapping]] = ..., content: _Optional[bytes] = ...) -> None: ...

class GetJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class WatchJobRequest(_message.Message):
    __slots__ = ("job_id", "include_results", "include_pages")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_RESULTS_FIELD_NUMBER: _ClassVar[int]
    INCLUDE_PAGES_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    include_results: bool
    include_pages: bool
    def __init__(self, job_id: _Optional[str] = ..., include_results: _Optional[bool] = ..., include_pages: _Optional[bool] = ...) -> None: ...

class PageDone(_message.Message):
    __slots__ = ("document_index", "document_id", "page_number", "page_count", "page")
    DOCUMENT_INDEX_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    PAGE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    document_index: int
    document_id: str
    page_number: int
    page_count: int
    page: _ocr_pb2.PageResult
    def __init__(self, document_index: _Optional[int] = ..., document_id: _Optional[str] = ..., page_number: _Optional[int] = ..., page_count: _Optional[int] = ..., page: _Optional[_Union[_ocr_pb2.PageResult, _Mapping]] = ...) -> None: ...

class WatchJobResponse(_message.Message):
    __slots__ = ("job_id", "status", "progress", "estimated_seconds_remaining", "snapshot", "document", "page")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_SECONDS_REMAINING_FIELD_NUMBER: _ClassVar[int]
    SNAPSHOT_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    status: JobStatus
    progress: JobProgress
    estimated_seconds_remaining: float
    snapshot: Job
    document: JobDocument
    page: PageDone
    def __init__(self, job_id: _Optional[str] = ..., status: _Optional[_Union[JobStatus, str]] = ..., progress: _Optional[_Union[JobProgress, _Mapping]] = ..., estimated_seconds_remaining: _Optional[float] = ..., snapshot: _Optional[_Union[Job, _Mapping]] = ..., document: _Optional[_Union[JobDocument, _Mapping]] = ..., page: _Optional[_Union[PageDone, _Mapping]] = ...) -> None: ...

class CancelJobRequest(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class CancelJobResponse(_message.Message):
    __slots__ = ("job",)
    JOB_FIELD_NUMBER: _ClassVar[int]
    job: Job
    def __init__(self, job: _Optional[_Union[Job, _Mapping]] = ...) -> None: ...

class ListJobsRequest(_message.Message):
    __slots__ = ("page_size", "page_token", "statuses")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    statuses: _containers.RepeatedScalarFieldContainer[JobStatus]
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ..., statuses: _Optional[_Iterable[_Union[JobStatus, str]]] = ...) -> None: ...

class ListJobsResponse(_message.Message):
    __slots__ = ("jobs", "next_page_token")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[Job]
    next_page_token: str
    def __init__(self, jobs: _Optional[_Iterable[_Union[Job, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...
