"""REST models: the JSON face of the ocrmesh.v1 contract.

They mirror the proto messages (`protos/ocrmesh/v1/ocr.proto`); every value
comes from the upstream's result, converted in `gateway_rest.convert` (the
only place that touches pb messages). Absent values are `None` and left out
of responses (`response_model_exclude_none`).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer


def _two_decimals(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


# An exact amount: parsed from the proto's decimal string, sent as a JSON number.
Money = Annotated[
    Decimal,
    AfterValidator(_two_decimals),
    PlainSerializer(float, return_type=float, when_used="json"),
]


def _iso_date(value: object) -> object:
    """A date as fields carry it, YYYY-MM-DD: pydantic alone reads "00000000" as the Unix epoch."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("a date written YYYY-MM-DD")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# A calendar date, parsed only from its ISO form.
IsoDate = Annotated[dt.date, BeforeValidator(_iso_date)]


class Backend(StrEnum):
    """Backend preference of a request; `auto` lets the router decide."""

    AUTO = "auto"
    DEEPSEEK = "deepseek"
    GOTOCR = "gotocr"
    SURYA = "surya"
    TESSERACT = "tesseract"
    PDFTEXT = "pdftext"


# ---------------------------------------------------------------- request


def _digits_only(value: object) -> object:
    """A query or form integer as OpenAPI's `integer` means it: digits, no sign, space or fraction."""
    if isinstance(value, str) and not (value.isascii() and value.isdigit()):
        raise ValueError("an integer written in digits")
    return value


def _true_or_false(value: object) -> object:
    """A query or form boolean as OpenAPI's `boolean` means it: `true` or `false`."""
    if isinstance(value, str) and value not in ("true", "false"):
        raise ValueError("true or false")
    return value


# Query and form parameters exactly as strict as their OpenAPI types (pydantic alone takes "+8", "yes", "1"):
# `Annotated[int, Query(ge=1), DIGITS]`, `Annotated[bool, Query(), TRUE_OR_FALSE]` (Query or Form
# first: so FastAPI puts its constraints into the OpenAPI schema).
DIGITS = BeforeValidator(_digits_only)
TRUE_OR_FALSE = BeforeValidator(_true_or_false)


# Page numbers travel as int32 (ProcessOptions in ocr.proto).
INT32_MAX = 2**31 - 1


class OutputFormat(StrEnum):
    """What `/process` answers: the JSON result, or the document as Markdown, plain text or a searchable PDF."""

    JSON = "json"
    MARKDOWN = "markdown"
    TEXT = "text"
    PDF = "pdf"


class ProcessOptions(BaseModel):
    """The `options` form field (a JSON object); mirrors `ProcessOptions`. `first_page` must not be after
    `last_page` (when set), nor beyond the document's pages (416)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    language: str | None = Field(default=None, description="ISO 639-1 code; default 'de'")
    extract_fields: bool | None = Field(default=None, description="Extract invoice fields (default true)")
    preprocessing: Literal["none", "auto", "full"] = "auto"
    confidence_threshold: float = Field(default=0.0, ge=0.0, le=1.0)
    first_page: int = Field(default=0, ge=0, le=INT32_MAX, description="1-based; 0 = from the first page")
    last_page: int = Field(default=0, ge=0, le=INT32_MAX, description="inclusive; 0 = to the last page")
    dpi: Literal[0] | Annotated[int, Field(ge=50, le=600)] = Field(
        default=0, description="PDF rendering dpi, 50 to 600; 0 = server default"
    )
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
    language: str | None = Field(
        default=None,
        description="The language the page was read in: the requested one, or the page's own (ISO 639-1, "
        "e.g. fr) when its words are in a language the requested model lacks letters of and it was read "
        "again with that language's model",
    )


BlockKindName = Literal["unspecified", "heading", "paragraph", "list_item", "table", "page_header", "page_footer"]


class Block(BaseModel):
    """One piece of the page's structure, in reading order."""

    kind: BlockKindName
    level: int | None = Field(default=None, description="Heading level, 1 (a part) to 6; absent for other kinds")
    text: str = Field(description="Lines joined by newlines (a table: its Markdown)")
    box: BoundingBox | None = None


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
    markdown: str | None = Field(
        default=None, description="The page as Markdown (headings, tables, lists; page furniture left out)"
    )
    blocks: list[Block] = Field(
        default=[],
        description="Headings, paragraphs, list items, tables and the running header and footer (page numbers),"
        " in reading order",
    )


class Validation(BaseModel):
    """The checks on the invoice's values: which held, which failed, and why a person should look."""

    held: list[str] = Field(default=[], description="Names of the checks that held, e.g. netto+mwst=brutto")
    failed: list[str] = Field(default=[], description="Names of the checks that failed (details in `checks`)")
    not_applicable: list[str] = Field(
        default=[],
        description="Names of the checks that could not be made on this document, neither held nor failed"
        " (e.g. line_items=netto when no line items were read)",
    )
    missing: list[str] = Field(
        default=[], description="Required fields not found (rechnungsnummer, datum, betrag_brutto)"
    )
    reasons: list[str] = Field(default=[], description="Why `needs_review` is set, one sentence each")


class Position(BaseModel):
    """One line item; a part the row does not print is left out."""

    pos: str | None = None
    artikelnummer: str | None = None
    beschreibung: str | None = None
    menge: float | None = None
    einheit: str | None = None
    einzelpreis: float | None = None
    gesamtpreis: float | None = None
    mwst_satz: float | None = Field(default=None, description="VAT rate in percent")
    page: int | None = None


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
    datum: IsoDate | None = None
    leistungsdatum: IsoDate | None = None
    faelligkeit: IsoDate | None = None
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
    # Every type (document_type): the document's own number, its issuer.
    dokumentnummer: str | None = Field(default=None, description="The document's own number (an invoice's rechnungsnummer)")
    absender: str | None = Field(default=None, description="The issuer's name")
    # gutschrift, mahnung
    bezug_rechnungsnummer: str | None = Field(default=None, description="The invoice it corrects or reminds of")
    # mahnung
    mahnstufe: int | None = Field(default=None, ge=1, le=3, description="1 Zahlungserinnerung/1. Mahnung, 2, 3 letzte")
    offener_betrag: Money | None = None
    mahngebuehr: Money | None = None
    zahlungsfrist: dt.date | None = None
    # lieferschein; angebot; bestellung, auftragsbestaetigung
    lieferdatum: dt.date | None = None
    gueltig_bis: dt.date | None = None
    liefertermin: dt.date | None = None
    # vertrag
    vertragstitel: str | None = None
    parteien: list[str] | None = Field(default=None, description="The contract's parties, as named")
    vertragsbeginn: dt.date | None = None
    laufzeit: str | None = Field(default=None, description="As written, e.g. '24 Monate'")
    kuendigungsfrist: str | None = Field(default=None, description="As written, e.g. 'drei Monate zum Quartalsende'")
    # handelsregisterauszug
    registergericht: str | None = None
    registernummer: str | None = Field(default=None, description="e.g. 'HRB 12345'")
    firma: str | None = None
    sitz: str | None = None
    stammkapital: Money | None = None
    geschaeftsfuehrer: list[str] | None = Field(default=None, description="Managing directors, 'Vorname Nachname'")
    positionen: list[Position] | None = Field(
        default=None, description="Line items (rows where quantity × unit price = amount), in reading order"
    )


# Fields whose value holds one entry per line (`Field.value`), a list in `text.structured`.
LIST_FIELDS = frozenset({"parteien", "geschaeftsfuehrer"})


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


# Fields whose value is an amount of money: `structured` and `fields[].amount` carry them as numbers.
MONEY_FIELDS = frozenset({"betrag_netto", "mwst", "betrag_brutto"})


class InvoiceField(BaseModel):
    name: str
    value: str = Field(description="Normalised: ISO dates, amounts as decimal strings (as read)")
    amount: Money | None = Field(
        default=None, description="The value as a number, for amounts of money; absent for other fields"
    )
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


DocumentTypeName = Literal[
    "rechnung",
    "gutschrift",
    "mahnung",
    "lieferschein",
    "angebot",
    "auftragsbestaetigung",
    "bestellung",
    "vertrag",
    "handelsregisterauszug",
    "sonstiges",
]


class DocumentTypeResult(BaseModel):
    """What kind of business document this is, decided from the whole document's evidence."""

    type: DocumentTypeName
    confidence: float = Field(ge=0, le=1, description="How clearly the evidence points to this type")
    reason: str = Field(description="The evidence: titles, phrases, structure, an e-invoice's type code")


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
    document_type: DocumentTypeResult | None = Field(
        default=None, description="The document's type (rechnung, mahnung, vertrag, ...), confidence and reason"
    )


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
    code: str = Field(description="Stable machine-readable code, e.g. unreadable_document, job_not_found")
    message: str = Field(description="What went wrong, for a person")
    details: dict[str, Any] = Field(
        default_factory=dict,
        description="More about it: `errors` (a list of {field, message}) for invalid parameters,"
        " `grpc_code` for an upstream's answer; empty otherwise",
    )
    request_id: str = Field(description="The request's id, also in the X-Request-ID header")


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
    total_documents: int
    status: JobStatusName
    backend: str
    progress: JobProgress
    created_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    estimated_completion: dt.datetime | None = None
    estimated_seconds_remaining: float | None = None
    results: list[JobDocument] = []


class BatchAccepted(BaseModel):
    """Answer of `POST /api/v1/ocr/batch` (the seed's shape: job_id, total_documents, status, progress, results)."""

    job_id: str
    total_documents: int
    status: JobStatusName
    progress: JobProgress
    results: list[JobDocument] = Field(
        default=[], description="Per document as stored so far (a cached document already has its result)"
    )
    created: bool = Field(description="False when the idempotency key named an existing job")
    estimated_completion: dt.datetime | None = None
    estimated_seconds_remaining: float | None = None


class JobList(BaseModel):
    jobs: list[JobView]
    next_page_token: str | None = None


# ---------------------------------------------------------------- caller, compare (the console's API)


class Caller(BaseModel):
    """Answer of `GET /api/v1/auth/caller`: the key's name and what it may do."""

    name: str = Field(description="The key's name; empty when the mesh checks no keys")
    scopes: list[Literal["process", "batch", "benchmark", "admin"]] = Field(
        description="Scopes the key holds (admin allows everything)"
    )
    auth_required: bool = Field(description="False when the mesh checks no keys (loopback only)")


class CompareEntry(BaseModel):
    """One backend's reading of the document, or why it gave none."""

    backend: str = Field(description="The backend asked for")
    result: ProcessResult | None = Field(default=None, description="As `POST /api/v1/ocr/process` answers it")
    error: ErrorDetail | None = Field(default=None, description="Set when this backend gave no result")


class FieldComparison(BaseModel):
    """One field as each backend read it (null where a backend found none or failed)."""

    name: str
    values: dict[str, str | None] = Field(description="Backend -> normalised value")
    agree: bool = Field(description="Every backend that answered read the same value")


class TextSegment(BaseModel):
    """A run of words: the same in both texts, or only in one, or replaced."""

    op: Literal["equal", "insert", "delete", "replace"]
    a: str = Field(description="The words of the first backend's text")
    b: str = Field(description="The words of the second backend's text")


class TextComparison(BaseModel):
    backend_a: str
    backend_b: str
    similarity: float = Field(ge=0, le=1, description="Word-level similarity of the two texts (0..1)")
    segments: list[TextSegment]


class CompareResult(BaseModel):
    """Answer of `POST /api/v1/ocr/compare`: one document through several backends, side by side."""

    document_id: str = Field(description="SHA-256 of the content, hex")
    entries: list[CompareEntry]
    fields: list[FieldComparison]
    text: list[TextComparison] = Field(description="The first backend that answered against each other one")


class LearnedSupplier(BaseModel):
    """Answer of `POST /api/v1/suppliers/learn`: the supplier written and the fields whose place was learned."""

    supplier_id: str
    name: str
    learned_fields: list[str] = Field(description="Fields whose place on the page the template now knows")
    document_id: str = Field(description="SHA-256 of the document learned from, hex")
