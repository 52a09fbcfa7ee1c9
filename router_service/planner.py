"""From analysis and rules to a plan: contiguous page runs, each with its backend chain.

A page's chain is the first matching rule's backends, then the fallback
order, cut down to backends that are configured and available now (text-layer
only backends are left out for scanned pages). Consecutive pages with the
same chain form one run, sent to a backend as one first_page..last_page call.

`decide` is the router's entry: a lazy analysis planned while the document is
open, so a figure is measured only when a rule's condition needs it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import grpc

from router_service.analysis import DocumentAnalysis, PageAnalysis, SupplierLookup, analyse
from router_service.priors import PriorsStore
from router_service.rules import RoutingRules, Rule, When
from services.intake.document import LoadedDocument
from services.scaffold.errors import StatusError

AUTO = ("", "auto")
# Page explanations quoted per run in the reason; the figures of all pages are in routing.pages.
MAX_REASONS_PER_RUN = 3
# How a plan's reason starts when the document carries an e-invoice.
EINVOICE_NOTE = "embedded e-invoice XML found (its fields win); "


class RoutingError(StatusError):
    """The request cannot be routed; carries the gRPC status for the client."""


@dataclass(frozen=True)
class BackendView:
    """What the planner needs to know about one configured backend, at planning time."""

    available: bool
    text_layer_only: bool
    gpu: bool = False


@dataclass
class Run:
    pages: list[int]  # 1-based page numbers, consecutive; empty for an XML document
    chain: tuple[str, ...]
    rule: str

    @property
    def label(self) -> str:
        return pages_label(self.pages)


def pages_label(pages: list[int]) -> str:
    """Consecutive pages as a reason names them: "page 3", "pages 3-5", "document" for none."""
    if not pages:
        return "document"
    if len(pages) == 1:
        return f"page {pages[0]}"
    return f"pages {pages[0]}-{pages[-1]}"


def joined_rule(runs: list[Run]) -> str:
    """A plan's rule: its runs' rules, each once, in order ("einvoice+simple_layout")."""
    return "+".join(_dedup([run.rule for run in runs]))


@dataclass
class Plan:
    runs: list[Run]
    rule: str
    reason: str
    page_rules: dict[int, str] = field(default_factory=dict)


def matches(when: When, page: PageAnalysis | None, analysis: DocumentAnalysis) -> bool:
    """Whether every condition of `when` holds.

    Cheap facts are checked first; figures a lazy analysis left pending (a born-digital page's
    layout, the supplier lookup) are measured only when every cheaper condition holds.
    """
    if when.document is not None and analysis.document_kind not in when.document:
        return False
    if when.has_einvoice is not None and analysis.has_einvoice != when.has_einvoice:
        return False
    if when.batch is not None and analysis.batch != when.batch:
        return False
    if page is None:
        if any(v is not None for v in (when.born_digital, when.layout, when.tables, when.poor_scan)):
            return False  # page conditions never match a document without pages (XML)
    else:
        if when.born_digital is not None and page.born_digital != when.born_digital:
            return False
        if when.poor_scan is not None and page.poor_scan != when.poor_scan:
            return False
        if when.layout is not None or when.tables is not None:
            analysis.require_layout(page)
            if when.layout is not None and page.layout not in when.layout:
                return False
            if when.tables is not None and page.tables != when.tables:
                return False
    return when.known_supplier is None or bool(analysis.require_supplier()) == when.known_supplier


def _first_rule(
    rules: RoutingRules, page: PageAnalysis | None, analysis: DocumentAnalysis
) -> tuple[int, Rule]:
    for index, rule in enumerate(rules.rules):
        if matches(rule.when, page, analysis):
            return index, rule
    return len(rules.rules) - 1, rules.rules[-1]  # unreachable: the last rule matches everything


def _dedup(names: list[str]) -> list[str]:
    seen: set[str] = set()
    return [n for n in names if not (n in seen or seen.add(n))]


def _usable(name: str, backends: dict[str, BackendView], scanned: bool) -> bool:
    view = backends.get(name)
    return view is not None and view.available and not (scanned and view.text_layer_only)


def _skipped_note(wanted: list[str], chosen: str, backends: dict[str, BackendView]) -> str:
    skipped = []
    for name in wanted:
        if name == chosen:
            break
        view = backends.get(name)
        skipped.append(f"{name} not configured" if view is None else f"{name} not healthy")
    return f" ({'; '.join(skipped)})" if skipped else ""


def make_plan(
    analysis: DocumentAnalysis,
    rules: RoutingRules,
    backends: dict[str, BackendView],
    *,
    explicit: str = "",
    allow_fallback: bool = False,
    priors: PriorsStore | None = None,
) -> Plan:
    explicit = explicit.strip()
    if explicit.lower() in AUTO:
        explicit = ""
    if explicit:
        view = backends.get(explicit)
        if view is None and not allow_fallback:
            raise RoutingError(
                grpc.StatusCode.UNAVAILABLE,
                f"backend {explicit!r} is not configured in this mesh (configured: {', '.join(sorted(backends))}); "
                "send allow_fallback=true to let the router choose another",
            )
        if view is not None and not view.available and not allow_fallback:
            raise RoutingError(
                grpc.StatusCode.UNAVAILABLE,
                f"backend {explicit!r} is not available (not serving, unreachable or its circuit breaker is open); "
                "send allow_fallback=true to let the router choose another",
            )

    pages: list[PageAnalysis | None] = list(analysis.pages) if analysis.pages else [None]
    matched = [_first_rule(rules, page, analysis) for page in pages]

    def wanted_for(rule: Rule) -> list[str]:
        return _dedup([*rule.backends, *rules.fallback_order])

    def chain_for(rule: Rule, scanned: bool) -> list[str]:
        return [n for n in wanted_for(rule) if _usable(n, backends, scanned)]

    if rules.ocr_pages_together:
        ocr_positions = [
            i
            for i, (page, (_, rule)) in enumerate(zip(pages, matched, strict=True))
            if page is not None
            and (chain := chain_for(rule, not page.born_digital))
            and not backends[chain[0]].text_layer_only
        ]
        if ocr_positions:
            lead = min((matched[i] for i in ocr_positions), key=lambda m: m[0])
            for i in ocr_positions:
                matched[i] = lead

    decisions: list[tuple[int, tuple[str, ...], str, str]] = []  # page, chain, rule, why
    for page, (_, rule) in zip(pages, matched, strict=True):
        scanned = page is not None and not page.born_digital
        chain = chain_for(rule, scanned)
        rule_name = rule.name
        if explicit:
            rest = [n for n in chain if n != explicit] if allow_fallback else []
            if explicit in backends and (backends[explicit].available or not allow_fallback):
                chain = [explicit, *rest]
            else:
                chain = rest
            rule_name = "explicit" if not allow_fallback else "explicit_with_fallback"
        label = f"page {page.number}" if page is not None else "document"
        priors_note = ""
        if not explicit and priors is not None and page is not None and chain:
            ocr = {name for name, view in backends.items() if not view.text_layer_only}
            chain, priors_note = priors.reorder(chain, page, ocr)
            if priors_note:
                rule_name = f"{rule.name}+priors"
        if not chain:
            wanted = ", ".join(wanted_for(rule))
            raise RoutingError(
                grpc.StatusCode.UNAVAILABLE,
                f"no backend available for {label}: rule {rule.name} wants {wanted}, "
                f"and none of them is configured and healthy",
            )
        figures = page.describe() if page is not None else f"{analysis.document_kind} document"
        why = f"{figures}; rule {rule_name} -> {chain[0]}"
        if explicit and chain[0] == explicit:
            why = f"{figures}; backend {explicit} requested"
        elif explicit:
            why += f" (requested {explicit} not available, fallback allowed)"
        elif priors_note:
            why = f"{figures}; rule {rule.name}; {priors_note}"
        else:
            why += _skipped_note(wanted_for(rule), chain[0], backends)
        decisions.append((page.number if page is not None else 0, tuple(chain), rule_name, why))

    runs: list[Run] = []
    whys_per_run: list[list[str]] = []
    for number, chain, rule_name, why in decisions:
        if runs and runs[-1].chain == chain and runs[-1].rule == rule_name and number:
            runs[-1].pages.append(number)
            whys_per_run[-1].append(why)
            continue
        runs.append(Run(pages=[number] if number else [], chain=chain, rule=rule_name))
        whys_per_run.append([why])
    reason_parts = []
    for run, whys in zip(runs, whys_per_run, strict=True):
        distinct = _dedup(whys)
        shown = " | ".join(distinct[:MAX_REASONS_PER_RUN])
        if len(distinct) > MAX_REASONS_PER_RUN:
            shown += f" | ... ({len(distinct) - MAX_REASONS_PER_RUN} more pages: see routing.pages)"
        reason_parts.append(f"{run.label}: {shown}")
    reason = "; ".join(reason_parts)
    if analysis.has_einvoice:
        reason = EINVOICE_NOTE + reason
    if analysis.supplier_id:
        reason += f"; known supplier {analysis.supplier_id}"
    elif not analysis.supplier_checked:
        reason += "; supplier lookup skipped (no rule needed it)"
    return Plan(
        runs=runs,
        rule=joined_rule(runs),
        reason=reason,
        page_rules={number: rule_name for number, _, rule_name, _ in decisions if number},
    )


@dataclass
class Planning:
    """What planning takes besides the analysis: the rules and backend health of one request."""

    rules: RoutingRules
    backends: dict[str, BackendView]
    explicit: str = ""
    allow_fallback: bool = False
    priors: PriorsStore | None = None

    def plan(self, analysis: DocumentAnalysis) -> Plan:
        return make_plan(
            analysis,
            self.rules,
            self.backends,
            explicit=self.explicit,
            allow_fallback=self.allow_fallback,
            priors=self.priors,
        )


def decide(
    document: LoadedDocument,
    indices: range,
    planning: Planning,
    *,
    suppliers: SupplierLookup | None = None,
    requested_pages: int | None = None,
    other_texts: Sequence[str] = (),
) -> tuple[DocumentAnalysis, Plan]:
    """Analyse pages `indices` of the open `document` and plan them. Blocking (run it on a thread).

    The analysis is lazy: a born-digital page's layout figures and the supplier lookup are measured
    only when a rule's condition needs them during planning; what no rule needed stays unmeasured,
    and the plan's reason says it was skipped. `requested_pages` and `other_texts`: see `analyse`.
    """
    analysis = analyse(
        document,
        indices,
        planning.rules.thresholds,
        suppliers,
        lazy=True,
        requested_pages=requested_pages,
        other_texts=other_texts,
    )
    try:
        plan = planning.plan(analysis)
    finally:
        analysis.release()
    return analysis, plan
