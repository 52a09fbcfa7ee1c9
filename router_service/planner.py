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
    if when.document_type is not None and analysis.require_document_type() not in when.document_type:
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


@dataclass
class RoutingRequest:
    """One request as planning sees it: the rules in force, the backends' health as of now (read on
    the event loop), and what the client asked for (a backend by name, with or without fallback)."""

    rules: RoutingRules
    backends: dict[str, BackendView]
    explicit: str = ""
    allow_fallback: bool = False
    priors: PriorsStore | None = None

    def __post_init__(self) -> None:
        self.explicit = self.explicit.strip()
        if self.explicit.lower() in AUTO:
            self.explicit = ""

    def plan(self, analysis: DocumentAnalysis) -> Plan:
        """The plan of `analysis`'s pages: see `make_plan`."""
        return _Planner(self, analysis).plan()


@dataclass
class _PageDecision:
    number: int  # 0 for a document without pages (XML)
    chain: tuple[str, ...]
    rule: str
    why: str


class _Planner:
    """Plans one analysis for one request, step by step: analysis (the pages) -> rules (the first that
    matches each page, OCR pages together) -> candidates (the rule's usable backends) -> budget (the
    requested backend, with or without fallback) -> order (the benchmark priors) -> runs and reason."""

    def __init__(self, request: RoutingRequest, analysis: DocumentAnalysis) -> None:
        self.request = request
        self.rules = request.rules
        self.backends = request.backends
        self.analysis = analysis

    def plan(self) -> Plan:
        self._check_requested()
        pages: list[PageAnalysis | None] = list(self.analysis.pages) if self.analysis.pages else [None]
        rules = self._match_rules(pages)
        decisions = [self._decide_page(page, rule) for page, rule in zip(pages, rules, strict=True)]
        runs, whys = self._runs(decisions)
        return Plan(
            runs=runs,
            rule=joined_rule(runs),
            reason=self._reason(runs, whys),
            page_rules={d.number: d.rule for d in decisions if d.number},
        )

    # ------------------------------------------------------------ steps

    def _check_requested(self) -> None:
        """A named backend that is not configured or not available fails the request, unless the
        client allowed a fallback."""
        explicit, backends = self.request.explicit, self.backends
        if not explicit or self.request.allow_fallback:
            return
        view = backends.get(explicit)
        if view is None:  # no such backend here (NOT_FOUND); one configured but down is UNAVAILABLE
            raise RoutingError(
                grpc.StatusCode.NOT_FOUND,
                f"backend {explicit!r} is not configured in this mesh (configured: {', '.join(sorted(backends))}); "
                "send allow_fallback=true to let the router choose another",
            )
        if not view.available:
            raise RoutingError(
                grpc.StatusCode.UNAVAILABLE,
                f"backend {explicit!r} is not available (not serving, unreachable or its circuit breaker is open); "
                "send allow_fallback=true to let the router choose another",
            )

    def _match_rules(self, pages: list[PageAnalysis | None]) -> list[Rule]:
        """The first matching rule of each page; with `ocr_pages_together`, the OCR pages of the
        document all take the highest-priority rule any of them matched."""
        matched = [_first_rule(self.rules, page, self.analysis) for page in pages]
        if self.rules.ocr_pages_together:
            ocr = [
                i
                for i, (page, (_, rule)) in enumerate(zip(pages, matched, strict=True))
                if self._goes_to_ocr(page, rule)
            ]
            if ocr:
                lead = min((matched[i] for i in ocr), key=lambda m: m[0])
                for i in ocr:
                    matched[i] = lead
        return [rule for _, rule in matched]

    def _goes_to_ocr(self, page: PageAnalysis | None, rule: Rule) -> bool:
        if page is None:
            return False
        chain = self._candidates(rule, scanned=not page.born_digital)
        return bool(chain) and not self.backends[chain[0]].text_layer_only

    def _wanted(self, rule: Rule) -> list[str]:
        return _dedup([*rule.backends, *self.rules.fallback_order])

    def _candidates(self, rule: Rule, scanned: bool) -> list[str]:
        """The rule's backends then the fallback order, cut to those configured and available now
        (text-layer-only backends left out for a scanned page)."""
        return [n for n in self._wanted(rule) if _usable(n, self.backends, scanned)]

    def _decide_page(self, page: PageAnalysis | None, rule: Rule) -> _PageDecision:
        chain = self._candidates(rule, scanned=page is not None and not page.born_digital)
        rule_name = rule.name
        if self.request.explicit:
            chain, rule_name = self._budget(chain)
        chain, priors_note = self._order(chain, page)
        if priors_note:
            rule_name = f"{rule.name}+priors"
        if not chain:
            raise RoutingError(
                grpc.StatusCode.UNAVAILABLE,
                f"no backend available for {pages_label([page.number] if page else [])}: rule {rule.name} "
                f"wants {', '.join(self._wanted(rule))}, and none of them is configured and healthy",
            )
        why = self._why(page, rule, rule_name, chain, priors_note)
        return _PageDecision(page.number if page is not None else 0, tuple(chain), rule_name, why)

    def _budget(self, chain: list[str]) -> tuple[list[str], str]:
        """The requested backend first; the rule's others after it only when fallback is allowed."""
        explicit, allow_fallback, backends = self.request.explicit, self.request.allow_fallback, self.backends
        rest = [n for n in chain if n != explicit] if allow_fallback else []
        if explicit in backends and (backends[explicit].available or not allow_fallback):
            chain = [explicit, *rest]
        else:
            chain = rest
        return chain, "explicit" if not allow_fallback else "explicit_with_fallback"

    def _order(self, chain: list[str], page: PageAnalysis | None) -> tuple[list[str], str]:
        """The chain reordered by the live benchmark's priors (never for a requested backend)."""
        priors = self.request.priors
        if self.request.explicit or priors is None or page is None or not chain:
            return chain, ""
        ocr = {name for name, view in self.backends.items() if not view.text_layer_only}
        return priors.reorder(chain, page, ocr)

    def _why(
        self, page: PageAnalysis | None, rule: Rule, rule_name: str, chain: list[str], priors_note: str
    ) -> str:
        explicit = self.request.explicit
        figures = page.describe() if page is not None else f"{self.analysis.document_kind} document"
        if explicit and chain[0] == explicit:
            return f"{figures}; backend {explicit} requested"
        why = f"{figures}; rule {rule_name} -> {chain[0]}"
        if explicit:
            return why + f" (requested {explicit} not available, fallback allowed)"
        if priors_note:
            return f"{figures}; rule {rule.name}; {priors_note}"
        return why + _skipped_note(self._wanted(rule), chain[0], self.backends)

    @staticmethod
    def _runs(decisions: list[_PageDecision]) -> tuple[list[Run], list[list[str]]]:
        """Consecutive pages with the same chain and rule as one run; each run's page explanations."""
        runs: list[Run] = []
        whys: list[list[str]] = []
        for d in decisions:
            if runs and runs[-1].chain == d.chain and runs[-1].rule == d.rule and d.number:
                runs[-1].pages.append(d.number)
                whys[-1].append(d.why)
                continue
            runs.append(Run(pages=[d.number] if d.number else [], chain=d.chain, rule=d.rule))
            whys.append([d.why])
        return runs, whys

    def _reason(self, runs: list[Run], whys_per_run: list[list[str]]) -> str:
        parts = []
        for run, whys in zip(runs, whys_per_run, strict=True):
            distinct = _dedup(whys)
            shown = " | ".join(distinct[:MAX_REASONS_PER_RUN])
            if len(distinct) > MAX_REASONS_PER_RUN:
                shown += f" | ... ({len(distinct) - MAX_REASONS_PER_RUN} more pages: see routing.pages)"
            parts.append(f"{run.label}: {shown}")
        reason = "; ".join(parts)
        if self.analysis.has_einvoice:
            reason = EINVOICE_NOTE + reason
        if self.analysis.supplier_id:
            reason += f"; known supplier {self.analysis.supplier_id}"
        elif not self.analysis.supplier_checked:
            reason += "; supplier lookup skipped (no rule needed it)"
        return reason


def make_plan(
    analysis: DocumentAnalysis,
    rules: RoutingRules,
    backends: dict[str, BackendView],
    *,
    explicit: str = "",
    allow_fallback: bool = False,
    priors: PriorsStore | None = None,
) -> Plan:
    """The plan of `analysis`'s pages under `rules` and the backends' health (`RoutingRequest.plan`)."""
    return RoutingRequest(rules, backends, explicit, allow_fallback, priors).plan(analysis)


def decide(
    document: LoadedDocument,
    indices: range,
    planning: RoutingRequest,
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
