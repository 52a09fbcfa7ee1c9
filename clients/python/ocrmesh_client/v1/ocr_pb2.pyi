from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Preprocessing(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PREPROCESSING_UNSPECIFIED: _ClassVar[Preprocessing]
    PREPROCESSING_NONE: _ClassVar[Preprocessing]
    PREPROCESSING_FULL: _ClassVar[Preprocessing]

class PageKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    PAGE_KIND_UNSPECIFIED: _ClassVar[PageKind]
    PAGE_KIND_BORN_DIGITAL: _ClassVar[PageKind]
    PAGE_KIND_SCANNED: _ClassVar[PageKind]

class BlockKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BLOCK_KIND_UNSPECIFIED: _ClassVar[BlockKind]
    BLOCK_KIND_HEADING: _ClassVar[BlockKind]
    BLOCK_KIND_PARAGRAPH: _ClassVar[BlockKind]
    BLOCK_KIND_LIST_ITEM: _ClassVar[BlockKind]
    BLOCK_KIND_TABLE: _ClassVar[BlockKind]
    BLOCK_KIND_PAGE_HEADER: _ClassVar[BlockKind]
    BLOCK_KIND_PAGE_FOOTER: _ClassVar[BlockKind]

class CaptureKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    CAPTURE_KIND_UNSPECIFIED: _ClassVar[CaptureKind]
    CAPTURE_KIND_SCAN: _ClassVar[CaptureKind]
    CAPTURE_KIND_PHOTO: _ClassVar[CaptureKind]
    CAPTURE_KIND_FAX: _ClassVar[CaptureKind]

class LayoutComplexity(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    LAYOUT_COMPLEXITY_UNSPECIFIED: _ClassVar[LayoutComplexity]
    LAYOUT_COMPLEXITY_SIMPLE: _ClassVar[LayoutComplexity]
    LAYOUT_COMPLEXITY_MEDIUM: _ClassVar[LayoutComplexity]
    LAYOUT_COMPLEXITY_COMPLEX: _ClassVar[LayoutComplexity]

class FieldSource(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FIELD_SOURCE_UNSPECIFIED: _ClassVar[FieldSource]
    FIELD_SOURCE_EINVOICE_XML: _ClassVar[FieldSource]
    FIELD_SOURCE_TEXT: _ClassVar[FieldSource]
    FIELD_SOURCE_TEMPLATE: _ClassVar[FieldSource]
    FIELD_SOURCE_VLM: _ClassVar[FieldSource]
    FIELD_SOURCE_COMPUTED: _ClassVar[FieldSource]

class ModelState(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    MODEL_STATE_UNSPECIFIED: _ClassVar[ModelState]
    MODEL_STATE_UNLOADED: _ClassVar[ModelState]
    MODEL_STATE_LOADING: _ClassVar[ModelState]
    MODEL_STATE_READY: _ClassVar[ModelState]
    MODEL_STATE_UNLOADING: _ClassVar[ModelState]
    MODEL_STATE_FAILED: _ClassVar[ModelState]
PREPROCESSING_UNSPECIFIED: Preprocessing
PREPROCESSING_NONE: Preprocessing
PREPROCESSING_FULL: Preprocessing
PAGE_KIND_UNSPECIFIED: PageKind
PAGE_KIND_BORN_DIGITAL: PageKind
PAGE_KIND_SCANNED: PageKind
BLOCK_KIND_UNSPECIFIED: BlockKind
BLOCK_KIND_HEADING: BlockKind
BLOCK_KIND_PARAGRAPH: BlockKind
BLOCK_KIND_LIST_ITEM: BlockKind
BLOCK_KIND_TABLE: BlockKind
BLOCK_KIND_PAGE_HEADER: BlockKind
BLOCK_KIND_PAGE_FOOTER: BlockKind
CAPTURE_KIND_UNSPECIFIED: CaptureKind
CAPTURE_KIND_SCAN: CaptureKind
CAPTURE_KIND_PHOTO: CaptureKind
CAPTURE_KIND_FAX: CaptureKind
LAYOUT_COMPLEXITY_UNSPECIFIED: LayoutComplexity
LAYOUT_COMPLEXITY_SIMPLE: LayoutComplexity
LAYOUT_COMPLEXITY_MEDIUM: LayoutComplexity
LAYOUT_COMPLEXITY_COMPLEX: LayoutComplexity
FIELD_SOURCE_UNSPECIFIED: FieldSource
FIELD_SOURCE_EINVOICE_XML: FieldSource
FIELD_SOURCE_TEXT: FieldSource
FIELD_SOURCE_TEMPLATE: FieldSource
FIELD_SOURCE_VLM: FieldSource
FIELD_SOURCE_COMPUTED: FieldSource
MODEL_STATE_UNSPECIFIED: ModelState
MODEL_STATE_UNLOADED: ModelState
MODEL_STATE_LOADING: ModelState
MODEL_STATE_READY: ModelState
MODEL_STATE_UNLOADING: ModelState
MODEL_STATE_FAILED: ModelState

class Document(_message.Message):
    __slots__ = ("content", "filename", "mime_type")
    CONTENT_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    content: bytes
    filename: str
    mime_type: str
    def __init__(self, content: _Optional[bytes] = ..., filename: _Optional[str] = ..., mime_type: _Optional[str] = ...) -> None: ...

class ProcessOptions(_message.Message):
    __slots__ = ("language", "extract_fields", "preprocessing", "confidence_threshold", "first_page", "last_page", "dpi", "correct_spelling")
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    EXTRACT_FIELDS_FIELD_NUMBER: _ClassVar[int]
    PREPROCESSING_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_THRESHOLD_FIELD_NUMBER: _ClassVar[int]
    FIRST_PAGE_FIELD_NUMBER: _ClassVar[int]
    LAST_PAGE_FIELD_NUMBER: _ClassVar[int]
    DPI_FIELD_NUMBER: _ClassVar[int]
    CORRECT_SPELLING_FIELD_NUMBER: _ClassVar[int]
    language: str
    extract_fields: bool
    preprocessing: Preprocessing
    confidence_threshold: float
    first_page: int
    last_page: int
    dpi: int
    correct_spelling: bool
    def __init__(self, language: _Optional[str] = ..., extract_fields: _Optional[bool] = ..., preprocessing: _Optional[_Union[Preprocessing, str]] = ..., confidence_threshold: _Optional[float] = ..., first_page: _Optional[int] = ..., last_page: _Optional[int] = ..., dpi: _Optional[int] = ..., correct_spelling: _Optional[bool] = ...) -> None: ...

class ProcessRequest(_message.Message):
    __slots__ = ("document", "backend", "request_id", "options", "allow_fallback")
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    ALLOW_FALLBACK_FIELD_NUMBER: _ClassVar[int]
    document: Document
    backend: str
    request_id: str
    options: ProcessOptions
    allow_fallback: bool
    def __init__(self, document: _Optional[_Union[Document, _Mapping]] = ..., backend: _Optional[str] = ..., request_id: _Optional[str] = ..., options: _Optional[_Union[ProcessOptions, _Mapping]] = ..., allow_fallback: _Optional[bool] = ...) -> None: ...

class BoundingBox(_message.Message):
    __slots__ = ("x0", "y0", "x1", "y1")
    X0_FIELD_NUMBER: _ClassVar[int]
    Y0_FIELD_NUMBER: _ClassVar[int]
    X1_FIELD_NUMBER: _ClassVar[int]
    Y1_FIELD_NUMBER: _ClassVar[int]
    x0: float
    y0: float
    x1: float
    y1: float
    def __init__(self, x0: _Optional[float] = ..., y0: _Optional[float] = ..., x1: _Optional[float] = ..., y1: _Optional[float] = ...) -> None: ...

class Word(_message.Message):
    __slots__ = ("text", "box", "confidence", "original_text")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    BOX_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    ORIGINAL_TEXT_FIELD_NUMBER: _ClassVar[int]
    text: str
    box: BoundingBox
    confidence: float
    original_text: str
    def __init__(self, text: _Optional[str] = ..., box: _Optional[_Union[BoundingBox, _Mapping]] = ..., confidence: _Optional[float] = ..., original_text: _Optional[str] = ...) -> None: ...

class TextLine(_message.Message):
    __slots__ = ("text", "box", "confidence", "words", "block")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    BOX_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    WORDS_FIELD_NUMBER: _ClassVar[int]
    BLOCK_FIELD_NUMBER: _ClassVar[int]
    text: str
    box: BoundingBox
    confidence: float
    words: _containers.RepeatedCompositeFieldContainer[Word]
    block: int
    def __init__(self, text: _Optional[str] = ..., box: _Optional[_Union[BoundingBox, _Mapping]] = ..., confidence: _Optional[float] = ..., words: _Optional[_Iterable[_Union[Word, _Mapping]]] = ..., block: _Optional[int] = ...) -> None: ...

class TableCell(_message.Message):
    __slots__ = ("row", "column", "row_span", "column_span", "text", "box", "header")
    ROW_FIELD_NUMBER: _ClassVar[int]
    COLUMN_FIELD_NUMBER: _ClassVar[int]
    ROW_SPAN_FIELD_NUMBER: _ClassVar[int]
    COLUMN_SPAN_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    BOX_FIELD_NUMBER: _ClassVar[int]
    HEADER_FIELD_NUMBER: _ClassVar[int]
    row: int
    column: int
    row_span: int
    column_span: int
    text: str
    box: BoundingBox
    header: bool
    def __init__(self, row: _Optional[int] = ..., column: _Optional[int] = ..., row_span: _Optional[int] = ..., column_span: _Optional[int] = ..., text: _Optional[str] = ..., box: _Optional[_Union[BoundingBox, _Mapping]] = ..., header: _Optional[bool] = ...) -> None: ...

class Table(_message.Message):
    __slots__ = ("row_count", "column_count", "cells", "box", "markdown")
    ROW_COUNT_FIELD_NUMBER: _ClassVar[int]
    COLUMN_COUNT_FIELD_NUMBER: _ClassVar[int]
    CELLS_FIELD_NUMBER: _ClassVar[int]
    BOX_FIELD_NUMBER: _ClassVar[int]
    MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    row_count: int
    column_count: int
    cells: _containers.RepeatedCompositeFieldContainer[TableCell]
    box: BoundingBox
    markdown: str
    def __init__(self, row_count: _Optional[int] = ..., column_count: _Optional[int] = ..., cells: _Optional[_Iterable[_Union[TableCell, _Mapping]]] = ..., box: _Optional[_Union[BoundingBox, _Mapping]] = ..., markdown: _Optional[str] = ...) -> None: ...

class Timings(_message.Message):
    __slots__ = ("queue_seconds", "preprocess_seconds", "recognition_seconds", "total_seconds")
    QUEUE_SECONDS_FIELD_NUMBER: _ClassVar[int]
    PREPROCESS_SECONDS_FIELD_NUMBER: _ClassVar[int]
    RECOGNITION_SECONDS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_SECONDS_FIELD_NUMBER: _ClassVar[int]
    queue_seconds: float
    preprocess_seconds: float
    recognition_seconds: float
    total_seconds: float
    def __init__(self, queue_seconds: _Optional[float] = ..., preprocess_seconds: _Optional[float] = ..., recognition_seconds: _Optional[float] = ..., total_seconds: _Optional[float] = ...) -> None: ...

class PageResult(_message.Message):
    __slots__ = ("page_number", "page_count", "text", "lines", "tables", "confidence", "timings", "backend", "model_id", "kind", "width", "height", "low_confidence_words", "markdown", "layout_complexity", "quality", "blocks")
    PAGE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    PAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    LINES_FIELD_NUMBER: _ClassVar[int]
    TABLES_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    TIMINGS_FIELD_NUMBER: _ClassVar[int]
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    WIDTH_FIELD_NUMBER: _ClassVar[int]
    HEIGHT_FIELD_NUMBER: _ClassVar[int]
    LOW_CONFIDENCE_WORDS_FIELD_NUMBER: _ClassVar[int]
    MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    LAYOUT_COMPLEXITY_FIELD_NUMBER: _ClassVar[int]
    QUALITY_FIELD_NUMBER: _ClassVar[int]
    BLOCKS_FIELD_NUMBER: _ClassVar[int]
    page_number: int
    page_count: int
    text: str
    lines: _containers.RepeatedCompositeFieldContainer[TextLine]
    tables: _containers.RepeatedCompositeFieldContainer[Table]
    confidence: float
    timings: Timings
    backend: str
    model_id: str
    kind: PageKind
    width: float
    height: float
    low_confidence_words: int
    markdown: str
    layout_complexity: LayoutComplexity
    quality: PageQuality
    blocks: _containers.RepeatedCompositeFieldContainer[Block]
    def __init__(self, page_number: _Optional[int] = ..., page_count: _Optional[int] = ..., text: _Optional[str] = ..., lines: _Optional[_Iterable[_Union[TextLine, _Mapping]]] = ..., tables: _Optional[_Iterable[_Union[Table, _Mapping]]] = ..., confidence: _Optional[float] = ..., timings: _Optional[_Union[Timings, _Mapping]] = ..., backend: _Optional[str] = ..., model_id: _Optional[str] = ..., kind: _Optional[_Union[PageKind, str]] = ..., width: _Optional[float] = ..., height: _Optional[float] = ..., low_confidence_words: _Optional[int] = ..., markdown: _Optional[str] = ..., layout_complexity: _Optional[_Union[LayoutComplexity, str]] = ..., quality: _Optional[_Union[PageQuality, _Mapping]] = ..., blocks: _Optional[_Iterable[_Union[Block, _Mapping]]] = ...) -> None: ...

class Block(_message.Message):
    __slots__ = ("kind", "level", "text", "box", "line_indices", "table_index")
    KIND_FIELD_NUMBER: _ClassVar[int]
    LEVEL_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    BOX_FIELD_NUMBER: _ClassVar[int]
    LINE_INDICES_FIELD_NUMBER: _ClassVar[int]
    TABLE_INDEX_FIELD_NUMBER: _ClassVar[int]
    kind: BlockKind
    level: int
    text: str
    box: BoundingBox
    line_indices: _containers.RepeatedScalarFieldContainer[int]
    table_index: int
    def __init__(self, kind: _Optional[_Union[BlockKind, str]] = ..., level: _Optional[int] = ..., text: _Optional[str] = ..., box: _Optional[_Union[BoundingBox, _Mapping]] = ..., line_indices: _Optional[_Iterable[int]] = ..., table_index: _Optional[int] = ...) -> None: ...

class PageQuality(_message.Message):
    __slots__ = ("rotation_degrees", "orientation_method", "orientation_confidence", "skew_degrees", "estimated_dpi", "capture", "warnings", "unreliable", "exif_orientation", "language")
    ROTATION_DEGREES_FIELD_NUMBER: _ClassVar[int]
    ORIENTATION_METHOD_FIELD_NUMBER: _ClassVar[int]
    ORIENTATION_CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    SKEW_DEGREES_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_DPI_FIELD_NUMBER: _ClassVar[int]
    CAPTURE_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    UNRELIABLE_FIELD_NUMBER: _ClassVar[int]
    EXIF_ORIENTATION_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    rotation_degrees: int
    orientation_method: str
    orientation_confidence: float
    skew_degrees: float
    estimated_dpi: float
    capture: CaptureKind
    warnings: _containers.RepeatedScalarFieldContainer[str]
    unreliable: bool
    exif_orientation: int
    language: str
    def __init__(self, rotation_degrees: _Optional[int] = ..., orientation_method: _Optional[str] = ..., orientation_confidence: _Optional[float] = ..., skew_degrees: _Optional[float] = ..., estimated_dpi: _Optional[float] = ..., capture: _Optional[_Union[CaptureKind, str]] = ..., warnings: _Optional[_Iterable[str]] = ..., unreliable: _Optional[bool] = ..., exif_orientation: _Optional[int] = ..., language: _Optional[str] = ...) -> None: ...

class Field(_message.Message):
    __slots__ = ("name", "value", "raw", "confidence", "page", "box", "source", "valid", "issues")
    NAME_FIELD_NUMBER: _ClassVar[int]
    VALUE_FIELD_NUMBER: _ClassVar[int]
    RAW_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    BOX_FIELD_NUMBER: _ClassVar[int]
    SOURCE_FIELD_NUMBER: _ClassVar[int]
    VALID_FIELD_NUMBER: _ClassVar[int]
    ISSUES_FIELD_NUMBER: _ClassVar[int]
    name: str
    value: str
    raw: str
    confidence: float
    page: int
    box: BoundingBox
    source: FieldSource
    valid: bool
    issues: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., value: _Optional[str] = ..., raw: _Optional[str] = ..., confidence: _Optional[float] = ..., page: _Optional[int] = ..., box: _Optional[_Union[BoundingBox, _Mapping]] = ..., source: _Optional[_Union[FieldSource, str]] = ..., valid: _Optional[bool] = ..., issues: _Optional[_Iterable[str]] = ...) -> None: ...

class TaxBreakdown(_message.Message):
    __slots__ = ("rate", "base", "amount")
    RATE_FIELD_NUMBER: _ClassVar[int]
    BASE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    rate: str
    base: str
    amount: str
    def __init__(self, rate: _Optional[str] = ..., base: _Optional[str] = ..., amount: _Optional[str] = ...) -> None: ...

class Check(_message.Message):
    __slots__ = ("name", "passed", "message", "fields")
    NAME_FIELD_NUMBER: _ClassVar[int]
    PASSED_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    name: str
    passed: bool
    message: str
    fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, name: _Optional[str] = ..., passed: _Optional[bool] = ..., message: _Optional[str] = ..., fields: _Optional[_Iterable[str]] = ...) -> None: ...

class InvoiceFields(_message.Message):
    __slots__ = ("fields", "tax", "checks", "supplier_id", "einvoice_profile", "template_id", "template_fields", "needs_review", "review_reasons", "missing", "not_applicable", "line_items")
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    TAX_FIELD_NUMBER: _ClassVar[int]
    CHECKS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    EINVOICE_PROFILE_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_ID_FIELD_NUMBER: _ClassVar[int]
    TEMPLATE_FIELDS_FIELD_NUMBER: _ClassVar[int]
    NEEDS_REVIEW_FIELD_NUMBER: _ClassVar[int]
    REVIEW_REASONS_FIELD_NUMBER: _ClassVar[int]
    MISSING_FIELD_NUMBER: _ClassVar[int]
    NOT_APPLICABLE_FIELD_NUMBER: _ClassVar[int]
    LINE_ITEMS_FIELD_NUMBER: _ClassVar[int]
    fields: _containers.RepeatedCompositeFieldContainer[Field]
    tax: _containers.RepeatedCompositeFieldContainer[TaxBreakdown]
    checks: _containers.RepeatedCompositeFieldContainer[Check]
    supplier_id: str
    einvoice_profile: str
    template_id: str
    template_fields: _containers.RepeatedScalarFieldContainer[str]
    needs_review: bool
    review_reasons: _containers.RepeatedScalarFieldContainer[str]
    missing: _containers.RepeatedScalarFieldContainer[str]
    not_applicable: _containers.RepeatedScalarFieldContainer[str]
    line_items: _containers.RepeatedCompositeFieldContainer[LineItem]
    def __init__(self, fields: _Optional[_Iterable[_Union[Field, _Mapping]]] = ..., tax: _Optional[_Iterable[_Union[TaxBreakdown, _Mapping]]] = ..., checks: _Optional[_Iterable[_Union[Check, _Mapping]]] = ..., supplier_id: _Optional[str] = ..., einvoice_profile: _Optional[str] = ..., template_id: _Optional[str] = ..., template_fields: _Optional[_Iterable[str]] = ..., needs_review: _Optional[bool] = ..., review_reasons: _Optional[_Iterable[str]] = ..., missing: _Optional[_Iterable[str]] = ..., not_applicable: _Optional[_Iterable[str]] = ..., line_items: _Optional[_Iterable[_Union[LineItem, _Mapping]]] = ...) -> None: ...

class EInvoice(_message.Message):
    __slots__ = ("filename", "syntax", "xml")
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SYNTAX_FIELD_NUMBER: _ClassVar[int]
    XML_FIELD_NUMBER: _ClassVar[int]
    filename: str
    syntax: str
    xml: str
    def __init__(self, filename: _Optional[str] = ..., syntax: _Optional[str] = ..., xml: _Optional[str] = ...) -> None: ...

class RoutingAttempt(_message.Message):
    __slots__ = ("backend", "replica", "pages", "status", "message", "seconds")
    BACKEND_FIELD_NUMBER: _ClassVar[int]
    REPLICA_FIELD_NUMBER: _ClassVar[int]
    PAGES_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    backend: str
    replica: str
    pages: _containers.RepeatedScalarFieldContainer[int]
    status: str
    message: str
    seconds: float
    def __init__(self, backend: _Optional[str] = ..., replica: _Optional[str] = ..., pages: _Optional[_Iterable[int]] = ..., status: _Optional[str] = ..., message: _Optional[str] = ..., seconds: _Optional[float] = ...) -> None: ...

class PageFeatures(_message.Message):
    __slots__ = ("page_number", "text_coverage", "text_chars", "born_digital", "ruling_lines", "image_dpi", "sharpness", "skew_degrees", "layout_complexity")
    PAGE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    TEXT_COVERAGE_FIELD_NUMBER: _ClassVar[int]
    TEXT_CHARS_FIELD_NUMBER: _ClassVar[int]
    BORN_DIGITAL_FIELD_NUMBER: _ClassVar[int]
    RULING_LINES_FIELD_NUMBER: _ClassVar[int]
    IMAGE_DPI_FIELD_NUMBER: _ClassVar[int]
    SHARPNESS_FIELD_NUMBER: _ClassVar[int]
    SKEW_DEGREES_FIELD_NUMBER: _ClassVar[int]
    LAYOUT_COMPLEXITY_FIELD_NUMBER: _ClassVar[int]
    page_number: int
    text_coverage: float
    text_chars: int
    born_digital: bool
    ruling_lines: int
    image_dpi: float
    sharpness: float
    skew_degrees: float
    layout_complexity: LayoutComplexity
    def __init__(self, page_number: _Optional[int] = ..., text_coverage: _Optional[float] = ..., text_chars: _Optional[int] = ..., born_digital: _Optional[bool] = ..., ruling_lines: _Optional[int] = ..., image_dpi: _Optional[float] = ..., sharpness: _Optional[float] = ..., skew_degrees: _Optional[float] = ..., layout_complexity: _Optional[_Union[LayoutComplexity, str]] = ...) -> None: ...

class Routing(_message.Message):
    __slots__ = ("pages", "has_einvoice", "supplier_id", "rule", "reason", "attempts", "analysis_seconds")
    PAGES_FIELD_NUMBER: _ClassVar[int]
    HAS_EINVOICE_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    RULE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    ANALYSIS_SECONDS_FIELD_NUMBER: _ClassVar[int]
    pages: _containers.RepeatedCompositeFieldContainer[PageFeatures]
    has_einvoice: bool
    supplier_id: str
    rule: str
    reason: str
    attempts: _containers.RepeatedCompositeFieldContainer[RoutingAttempt]
    analysis_seconds: float
    def __init__(self, pages: _Optional[_Iterable[_Union[PageFeatures, _Mapping]]] = ..., has_einvoice: _Optional[bool] = ..., supplier_id: _Optional[str] = ..., rule: _Optional[str] = ..., reason: _Optional[str] = ..., attempts: _Optional[_Iterable[_Union[RoutingAttempt, _Mapping]]] = ..., analysis_seconds: _Optional[float] = ...) -> None: ...

class DocumentMetadata(_message.Message):
    __slots__ = ("page_count", "language", "layout_complexity", "backends", "processing_seconds", "mime_type", "request_id", "pages_processed")
    PAGE_COUNT_FIELD_NUMBER: _ClassVar[int]
    LANGUAGE_FIELD_NUMBER: _ClassVar[int]
    LAYOUT_COMPLEXITY_FIELD_NUMBER: _ClassVar[int]
    BACKENDS_FIELD_NUMBER: _ClassVar[int]
    PROCESSING_SECONDS_FIELD_NUMBER: _ClassVar[int]
    MIME_TYPE_FIELD_NUMBER: _ClassVar[int]
    REQUEST_ID_FIELD_NUMBER: _ClassVar[int]
    PAGES_PROCESSED_FIELD_NUMBER: _ClassVar[int]
    page_count: int
    language: str
    layout_complexity: LayoutComplexity
    backends: _containers.RepeatedScalarFieldContainer[str]
    processing_seconds: float
    mime_type: str
    request_id: str
    pages_processed: int
    def __init__(self, page_count: _Optional[int] = ..., language: _Optional[str] = ..., layout_complexity: _Optional[_Union[LayoutComplexity, str]] = ..., backends: _Optional[_Iterable[str]] = ..., processing_seconds: _Optional[float] = ..., mime_type: _Optional[str] = ..., request_id: _Optional[str] = ..., pages_processed: _Optional[int] = ...) -> None: ...

class DocumentResult(_message.Message):
    __slots__ = ("document_id", "text", "fields", "confidence", "metadata", "routing", "einvoice", "warnings", "document_type")
    DOCUMENT_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    METADATA_FIELD_NUMBER: _ClassVar[int]
    ROUTING_FIELD_NUMBER: _ClassVar[int]
    EINVOICE_FIELD_NUMBER: _ClassVar[int]
    WARNINGS_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_TYPE_FIELD_NUMBER: _ClassVar[int]
    document_id: str
    text: str
    fields: InvoiceFields
    confidence: float
    metadata: DocumentMetadata
    routing: Routing
    einvoice: EInvoice
    warnings: _containers.RepeatedScalarFieldContainer[str]
    document_type: DocumentClassification
    def __init__(self, document_id: _Optional[str] = ..., text: _Optional[str] = ..., fields: _Optional[_Union[InvoiceFields, _Mapping]] = ..., confidence: _Optional[float] = ..., metadata: _Optional[_Union[DocumentMetadata, _Mapping]] = ..., routing: _Optional[_Union[Routing, _Mapping]] = ..., einvoice: _Optional[_Union[EInvoice, _Mapping]] = ..., warnings: _Optional[_Iterable[str]] = ..., document_type: _Optional[_Union[DocumentClassification, _Mapping]] = ...) -> None: ...

class LineItem(_message.Message):
    __slots__ = ("position", "article_number", "description", "quantity", "unit", "unit_price", "amount", "vat_rate", "page")
    POSITION_FIELD_NUMBER: _ClassVar[int]
    ARTICLE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_FIELD_NUMBER: _ClassVar[int]
    VAT_RATE_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    position: str
    article_number: str
    description: str
    quantity: str
    unit: str
    unit_price: str
    amount: str
    vat_rate: str
    page: int
    def __init__(self, position: _Optional[str] = ..., article_number: _Optional[str] = ..., description: _Optional[str] = ..., quantity: _Optional[str] = ..., unit: _Optional[str] = ..., unit_price: _Optional[str] = ..., amount: _Optional[str] = ..., vat_rate: _Optional[str] = ..., page: _Optional[int] = ...) -> None: ...

class DocumentClassification(_message.Message):
    __slots__ = ("type", "confidence", "reason")
    TYPE_FIELD_NUMBER: _ClassVar[int]
    CONFIDENCE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    type: str
    confidence: float
    reason: str
    def __init__(self, type: _Optional[str] = ..., confidence: _Optional[float] = ..., reason: _Optional[str] = ...) -> None: ...

class PageProgress(_message.Message):
    __slots__ = ("page_number", "fraction")
    PAGE_NUMBER_FIELD_NUMBER: _ClassVar[int]
    FRACTION_FIELD_NUMBER: _ClassVar[int]
    page_number: int
    fraction: float
    def __init__(self, page_number: _Optional[int] = ..., fraction: _Optional[float] = ...) -> None: ...

class ProcessResponse(_message.Message):
    __slots__ = ("page", "document", "progress")
    PAGE_FIELD_NUMBER: _ClassVar[int]
    DOCUMENT_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    page: PageResult
    document: DocumentResult
    progress: PageProgress
    def __init__(self, page: _Optional[_Union[PageResult, _Mapping]] = ..., document: _Optional[_Union[DocumentResult, _Mapping]] = ..., progress: _Optional[_Union[PageProgress, _Mapping]] = ...) -> None: ...

class DescribeRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetCallerRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdmitPreviewRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class AdmitPreviewResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetCallerResponse(_message.Message):
    __slots__ = ("name", "scopes", "auth_required")
    NAME_FIELD_NUMBER: _ClassVar[int]
    SCOPES_FIELD_NUMBER: _ClassVar[int]
    AUTH_REQUIRED_FIELD_NUMBER: _ClassVar[int]
    name: str
    scopes: _containers.RepeatedScalarFieldContainer[str]
    auth_required: bool
    def __init__(self, name: _Optional[str] = ..., scopes: _Optional[_Iterable[str]] = ..., auth_required: _Optional[bool] = ...) -> None: ...

class Capabilities(_message.Message):
    __slots__ = ("tables", "layout", "fields", "max_pages", "text_layer_only", "gpu")
    TABLES_FIELD_NUMBER: _ClassVar[int]
    LAYOUT_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    MAX_PAGES_FIELD_NUMBER: _ClassVar[int]
    TEXT_LAYER_ONLY_FIELD_NUMBER: _ClassVar[int]
    GPU_FIELD_NUMBER: _ClassVar[int]
    tables: bool
    layout: bool
    fields: bool
    max_pages: int
    text_layer_only: bool
    gpu: bool
    def __init__(self, tables: _Optional[bool] = ..., layout: _Optional[bool] = ..., fields: _Optional[bool] = ..., max_pages: _Optional[int] = ..., text_layer_only: _Optional[bool] = ..., gpu: _Optional[bool] = ...) -> None: ...

class DescribeResponse(_message.Message):
    __slots__ = ("name", "engine", "model_id", "model_revision", "device", "languages", "capabilities", "device_group")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ENGINE_FIELD_NUMBER: _ClassVar[int]
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    MODEL_REVISION_FIELD_NUMBER: _ClassVar[int]
    DEVICE_FIELD_NUMBER: _ClassVar[int]
    LANGUAGES_FIELD_NUMBER: _ClassVar[int]
    CAPABILITIES_FIELD_NUMBER: _ClassVar[int]
    DEVICE_GROUP_FIELD_NUMBER: _ClassVar[int]
    name: str
    engine: str
    model_id: str
    model_revision: str
    device: str
    languages: _containers.RepeatedScalarFieldContainer[str]
    capabilities: Capabilities
    device_group: str
    def __init__(self, name: _Optional[str] = ..., engine: _Optional[str] = ..., model_id: _Optional[str] = ..., model_revision: _Optional[str] = ..., device: _Optional[str] = ..., languages: _Optional[_Iterable[str]] = ..., capabilities: _Optional[_Union[Capabilities, _Mapping]] = ..., device_group: _Optional[str] = ...) -> None: ...

class LatencyStats(_message.Message):
    __slots__ = ("p50_seconds", "p95_seconds", "p99_seconds", "ewma_seconds", "samples")
    P50_SECONDS_FIELD_NUMBER: _ClassVar[int]
    P95_SECONDS_FIELD_NUMBER: _ClassVar[int]
    P99_SECONDS_FIELD_NUMBER: _ClassVar[int]
    EWMA_SECONDS_FIELD_NUMBER: _ClassVar[int]
    SAMPLES_FIELD_NUMBER: _ClassVar[int]
    p50_seconds: float
    p95_seconds: float
    p99_seconds: float
    ewma_seconds: float
    samples: int
    def __init__(self, p50_seconds: _Optional[float] = ..., p95_seconds: _Optional[float] = ..., p99_seconds: _Optional[float] = ..., ewma_seconds: _Optional[float] = ..., samples: _Optional[int] = ...) -> None: ...

class ModelStatus(_message.Message):
    __slots__ = ("state", "ram_bytes", "vram_bytes", "queue_depth", "in_flight", "pages_served", "documents_served", "latency", "load_seconds", "error", "peak_ram_bytes", "peak_vram_bytes")
    STATE_FIELD_NUMBER: _ClassVar[int]
    RAM_BYTES_FIELD_NUMBER: _ClassVar[int]
    VRAM_BYTES_FIELD_NUMBER: _ClassVar[int]
    QUEUE_DEPTH_FIELD_NUMBER: _ClassVar[int]
    IN_FLIGHT_FIELD_NUMBER: _ClassVar[int]
    PAGES_SERVED_FIELD_NUMBER: _ClassVar[int]
    DOCUMENTS_SERVED_FIELD_NUMBER: _ClassVar[int]
    LATENCY_FIELD_NUMBER: _ClassVar[int]
    LOAD_SECONDS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    PEAK_RAM_BYTES_FIELD_NUMBER: _ClassVar[int]
    PEAK_VRAM_BYTES_FIELD_NUMBER: _ClassVar[int]
    state: ModelState
    ram_bytes: int
    vram_bytes: int
    queue_depth: int
    in_flight: int
    pages_served: int
    documents_served: int
    latency: LatencyStats
    load_seconds: float
    error: str
    peak_ram_bytes: int
    peak_vram_bytes: int
    def __init__(self, state: _Optional[_Union[ModelState, str]] = ..., ram_bytes: _Optional[int] = ..., vram_bytes: _Optional[int] = ..., queue_depth: _Optional[int] = ..., in_flight: _Optional[int] = ..., pages_served: _Optional[int] = ..., documents_served: _Optional[int] = ..., latency: _Optional[_Union[LatencyStats, _Mapping]] = ..., load_seconds: _Optional[float] = ..., error: _Optional[str] = ..., peak_ram_bytes: _Optional[int] = ..., peak_vram_bytes: _Optional[int] = ...) -> None: ...

class LoadRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class LoadResponse(_message.Message):
    __slots__ = ("status",)
    STATUS_FIELD_NUMBER: _ClassVar[int]
    status: ModelStatus
    def __init__(self, status: _Optional[_Union[ModelStatus, _Mapping]] = ...) -> None: ...

class UnloadRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class UnloadResponse(_message.Message):
    __slots__ = ("status",)
    STATUS_FIELD_NUMBER: _ClassVar[int]
    status: ModelStatus
    def __init__(self, status: _Optional[_Union[ModelStatus, _Mapping]] = ...) -> None: ...

class StatusRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class BackendStatus(_message.Message):
    __slots__ = ("name", "address", "serving", "status", "seconds_per_page", "breaker", "device_group", "pages_in_flight")
    NAME_FIELD_NUMBER: _ClassVar[int]
    ADDRESS_FIELD_NUMBER: _ClassVar[int]
    SERVING_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SECONDS_PER_PAGE_FIELD_NUMBER: _ClassVar[int]
    BREAKER_FIELD_NUMBER: _ClassVar[int]
    DEVICE_GROUP_FIELD_NUMBER: _ClassVar[int]
    PAGES_IN_FLIGHT_FIELD_NUMBER: _ClassVar[int]
    name: str
    address: str
    serving: bool
    status: ModelStatus
    seconds_per_page: float
    breaker: str
    device_group: str
    pages_in_flight: int
    def __init__(self, name: _Optional[str] = ..., address: _Optional[str] = ..., serving: _Optional[bool] = ..., status: _Optional[_Union[ModelStatus, _Mapping]] = ..., seconds_per_page: _Optional[float] = ..., breaker: _Optional[str] = ..., device_group: _Optional[str] = ..., pages_in_flight: _Optional[int] = ...) -> None: ...

class StatusResponse(_message.Message):
    __slots__ = ("status", "name", "backends")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    BACKENDS_FIELD_NUMBER: _ClassVar[int]
    status: ModelStatus
    name: str
    backends: _containers.RepeatedCompositeFieldContainer[BackendStatus]
    def __init__(self, status: _Optional[_Union[ModelStatus, _Mapping]] = ..., name: _Optional[str] = ..., backends: _Optional[_Iterable[_Union[BackendStatus, _Mapping]]] = ...) -> None: ...
