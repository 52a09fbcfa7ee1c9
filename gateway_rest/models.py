"""REST models: the JSON face of the ocrmesh.v1 contract.

They mirror the proto messages (`protos/ocrmesh/v1/ocr.proto`); every value
comes from the upstream's result, converted in `gateway_rest.convert` (the
only place that touches pb messages). Absent values are `None` and left out
of responses (`response_model_exclude_none`).
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer


def _two_decimals(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# An exact amount: parsed from the proto's decimal string, sent as a JSON number.
Money = Annotated[
    Decimal,
    AfterValidator(_two_decimals),
    PlainSerializer(float, return_type=float, when_used="json"),
]


class Backend(StrEnum):
    """Backend preference of a request; `auto` lets the router decide."""

    AUTO = "auto"
    DEEPSEEK = "deepseek"
    GOTOCR = "gotocr"
    SURYA = "surya"
    TESSERACT = "tesseract"
    PDFTEXT = "pdftext"


# ---------------------------------------------------------------- request


# Page numbers travel as int32 (ProcessOptions in ocr.proto).
INT32_MAX = 2**31 - 1


class OutputFormat(StrEnum):
    """What `/process` answers: the JSON result, or the document as Markdown, plain text or a searchable PDF."""

    JSON = "json"
    MARKDOWN = "markdown"
    TEXT = "text"
    PDF = "pdf"


class ProcessOptions(BaseModel):
    """The `options` form field (a JSON object); mirrors `ProcessOptions`."""

    model_config = ConfigDict(extra="forbid")

    language: str | None = Field(default=None, description="ISO 639-1 code; default 'de'")
    extract_fields: bool | None = Field(default=None, description="Extract invoice fields (default true)")
    preprocessing: Literal["none", "auto", "full"] = "auto"
    confidence_threshold: float = Field(default=0.0, ge=0.0, le=1.0)
    first_page: int = Field(default=0, ge=0, le=INT32_MAX, description="1-based; 0 = from the first page")
    last_page: int = Field(default=0, ge=0, le=INT32_MAX, description="inclusive; 0 = to the last page")
    dpi: int = Field(default=0, ge=0, le=600, description="PDF rendering dpi; 0 = server default")
    correct_spelling: bool | None = Field(
        default=None, description="Dictionary spelling correction of OCR words (default true)"
    )


# ---------------------------------------------------------------- result


class BoundingBox(BaseModel):
    """Page-normalised rectangle: (0,0) top-left, (1,1) bottom-right."""

    x0: float
    y0: float
    x1: float
    y1: float


class Timings(BaseModel):
    queue_seconds: float
    preprocess_seconds: float
    recognition_seconds: float
    total_seconds: float


class PageQuality(BaseModel):
    """How a scanned page arrived and what was done to it before recognition (OCR engines only)."""

    rotation_degrees: int = Field(description="Turned clockwise by this much (0, 90, 180, 270) before OCR")
    orientation_method: str = Field(
        description="check (read upright as it stood), osd, osd+ocr (OSD unsure, readings compared), none"
    )
    orientation_confidence: float
    skew_degrees: float = Field(description="Skew removed by deskewing, counter-clockwise positive")
    estimated_dpi: float
    capture: Literal["unspecified", "scan", "photo", "fax"]
    exif_orientation: int = Field(
        description="The image's EXIF orientation tag (1-8), applied first; 0 if none"
    )
    unreliable: bool = Field(description="The page is too poor to trust its text (see warnings)")
    warnings: list[str]


class Page(BaseModel):
    page_number: int
    text: str
    confidence: float
    backend: str
    model_id: str | None = None
    kind: Literal["unspecified", "born_digital", "scanned"]
    timings: Timings
    low_confidence_words: int = 0
    layout_complexity: Literal["unspecified", "simple", "medium", "complex"] = Field(
        default="unspecified",
        description="As the engine measured it (pdftext: every page); unspecified otherwise",
    )
    quality: PageQuality | None = Field(default=None, description="Set by OCR engines for scanned pages")


class Validation(BaseModel):
    """The checks on the invoice's values: which held, which failed, and why a person should look."""

    held: list[str] = Field(default=[], description="Names of the checks that held, e.g. netto+mwst=brutto")
    failed: list[str] = Field(default=[], description="Names of the checks that failed (details in `checks`)")
    missing: list[str] = Field(
        default=[], description="Required fields not found (rechnungsnummer, datum, betrag_brutto)"
    )
    reasons: list[str] = Field(default=[], description="Why `needs_review` is set, one sentence each")


class StructuredFields(BaseModel):
    """Invoice fields by name, each left out when not found (names as in `Field.name`), with
    `needs_review` and `validation` beside them: a value to book only when `needs_review` is false."""

    model_config = ConfigDict(extra="allow")

    needs_review: bool | None = Field(
        default=None,
        description="True when a check failed, a required field is missing or the amounts could not be"
        " checked (netto + mwst = brutto): a person should confirm the values before booking."
        " Absent when no fields were extracted (options.extract_fields false)",
    )
    validation: Validation | None = Field(
        default=None, description="Checks that held and failed; absent when no fields were extracted"
    )

    rechnungsnummer: str | None = None
    datum: dt.date | None = None
    leistungsdatum: dt.date | None = None
    faelligkeit: dt.date | None = None
    zahlungsbedingungen: str | None = None
    betrag_netto: Money | None = None
    mwst: Money | None = None
    betrag_brutto: Money | None = None
    waehrung: str | None = None
    ust_id: str | None = None
    steuernummer: str | None = None
    iban: str | None = None
    bic: str | None = None
    lieferant: str | None = None
    lieferant_adresse: str | None = None
    kundennummer: str | None = None
    bestellnummer: str | None = None


class Text(BaseModel):
    raw: str = Field(description="Full text of the processed pages, pages separated by form feeds")
    structured: StructuredFields


class DocumentMetadata(BaseModel):
    pages: int = Field(description="Pages in the document")
    pages_processed: int
    language: str
    layout_complexity: Literal["unspecified", "simple", "medium", "complex"]
    mime_type: str | None = None
    request_id: str | None = None


FieldSourceName = Literal["unspecified", "einvoice_xml", "text", "template", "vlm", "computed"]


class InvoiceField(BaseModel):
    name: str
    value: str = Field(description="Normalised: ISO dates, amounts as decimal strings")
    raw: str
    confidence: float
    page: int | None = Field(default=None, description="1-based; absent when not known")
    box: BoundingBox | None = None
    source: FieldSourceName
    valid: bool | None = Field(default=None, description="Absent when no check applies")
    issues: list[str] = []


class TaxBreakdown(BaseModel):
    rate: Money
    base: Money
    amount: Money


class Check(BaseModel):
    name: str
    passed: bool
    message: str


class EInvoice(BaseModel):
    filename: str
    syntax: str
    xml: str | None = Field(default=None, description="Only with ?include_xml=true")


class RoutingAttempt(BaseModel):
    backend: str
    replica: str
    pages: list[int]
    status: str
    message: str | None = None
    seconds: float


class PageFeatures(BaseModel):
    page_number: int
    text_coverage: float
    text_chars: int
    born_digital: bool
    ruling_lines: int
    image_dpi: float
    sharpness: float
    skew_degrees: float
    layout_complexity: Literal["unspecified", "simple", "medium", "complex"]


class Routing(BaseModel):
    rule: str
    reason: str
    attempts: list[RoutingAttempt]
    pages: list[PageFeatures]
    has_einvoice: bool
    supplier_id: str | None = None
    analysis_seconds: float


class ProcessResult(BaseModel):
    """Answer of `POST /api/v1/ocr/process`."""

    document_id: str = Field(description="SHA-256 of the content, hex")
    backend_used: str = Field(description="Backend, or comma-joined backends, that produced the pages")
    processing_time: float = Field(description="Seconds from request to result, as measured upstream")
    text: Text
    confidence: float
    metadata: DocumentMetadata
    pages: list[Page]
    routing: Routing | None = Field(default=None, description="Set when the upstream is the router")
    fields: list[InvoiceField]
    tax: list[TaxBreakdown]
    checks: list[Check]
    supplier_id: str | None = None
    template_id: str | None = Field(
        default=None, description="The learned supplier template that guided the fields (supplier id)"
    )
    template_fields: list[str] = Field(
        default_factory=list, description="Fields whose value that template decided (learned place or label)"
    )
    einvoice_profile: str | None = None
    warnings: list[str]
    einvoice: EInvoice | None = None


# ---------------------------------------------------------------- health


class Latency(BaseModel):
    p50_seconds: float
    p95_seconds: float
    p99_seconds: float
    ewma_seconds: float
    samples: int


# The proto's model states, "unknown" (no Status answer) and "not_serving" (a router's backend whose
# health watch is down or NOT_SERVING: it takes no work whatever its last Status said).
ModelStateName = Literal[
    "unspecified", "unloaded", "loading", "ready", "unloading", "failed", "unknown", "not_serving"
]


class BackendHealth(BaseModel):
    name: str
    status: ModelStateName
    loaded: bool
    # Set for the router's backends: replica address, health, router's estimate, breaker state.
    address: str | None = None
    serving: bool | None = None
    seconds_per_page: float | None = None
    breaker: str | None = None
    engine: str | None = None
    device: str | None = None
    ram_bytes: int | None = None
    vram_bytes: int | None = None
    peak_ram_bytes: int | None = None
    peak_vram_bytes: int | None = None
    queue_depth: int | None = None
    in_flight: int | None = None
    pages_served: int | None = None
    documents_served: int | None = None
    latency: Latency | None = None
    error: str | None = None


class UpstreamHealth(BaseModel):
    address: str
    serving: bool
    error: str | None = None


class SystemInfo(BaseModel):
    gpu_available: bool
    gpu_name: str | None = None
    cpu_cores: int


# healthy: the upstream and every configured backend serve; degraded: the upstream serves but a
# backend does not (or the upstream answers late); unavailable: the upstream does not serve.
OverallStatus = Literal["healthy", "degraded", "unavailable"]


class HealthReport(BaseModel):
    """Answer of `GET /api/v1/health`, served from a cache refreshed in the background."""

    status: OverallStatus
    upstream: UpstreamHealth
    backends: list[BackendHealth]
    system: SystemInfo
    checked_at: dt.datetime | None = Field(default=None, description="When the upstream was last asked")
    age_seconds: float | None = None


class Probe(BaseModel):
    status: Literal["alive", "ready", "not_ready"]
    reason: str | None = None


# ---------------------------------------------------------------- errors


class ErrorDetail(BaseModel):
    code: str
    message: str
    request_id: str


class ErrorBody(BaseModel):
    error: ErrorDetail


# ---------------------------------------------------------------- batch jobs (mirror jobs.proto)

JobStatusName = Literal["queued", "processing", "completed", "failed", "cancelled"]
DocumentStatusName = Literal["queued", "processing", "completed", "failed", "cancelled"]


class JobProgress(BaseModel):
    total: int
    processed: int
    failed: int
    completed: int = 0
    cached: int = 0
    cancelled: int = 0
    pages_done: int = 0
    pages_total: int = 0


class BatchAccepted(BaseModel):
    job_id: str
    total_documents: int
    status: JobStatusName
    created: bool
    estimated_completion: dt.datetime | None = None
    estimated_seconds_remaining: float | None = None


class DocumentError(BaseModel):
    code: str
    message: str


class JobDocument(BaseModel):
    index: int
    filename: str
    document_id: str
    status: DocumentStatusName
    page_count: int = 0
    pages_done: int = 0
    attempts: int = 0
    cached: bool = False
    error: DocumentError | None = None
    result: ProcessResult | None = None


class JobView(BaseModel):
    job_id: str
    status: JobStatusName
    backend: str
    progress: JobProgress
    created_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    estimated_completion: dt.datetime | None = None
    estimated_seconds_remaining: float | None = None
    results: list[JobDocument] = []


class JobList(BaseModel):
    jobs: list[JobView]
    next_page_token: str | None = None
