"""Known suppliers: profiles in config/suppliers/*.yaml, matching and upsert.

A profile is matched by its VAT id or IBAN printed on the document (compared
compactly), else by its name or keywords (fuzzy, rapidfuzz). A matched profile's
label hints and learned template (where each field stood on a confirmed
document, `services.invoice.templates`) guide extraction; the fields they decide
carry FIELD_SOURCE_TEMPLATE and the result names the template.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path

import yaml
from pydantic import BaseModel, Field
from rapidfuzz import fuzz

from ocrmesh.v1 import ocr_pb2 as pb
from services.doctype.classify import classify_document
from services.intake.pagetext import PAGE_SEPARATOR
from services.invoice.templates import FieldTemplate, learn_layout
from services.invoice.validate import compact_iban, compact_vat

# Least partial-ratio similarity (0..100) for a name match.
NAME_THRESHOLD = 92


class SupplierProfile(BaseModel):
    """One known supplier."""

    id: str
    name: str
    vat_id: str = ""
    iban: str = ""
    steuernummer: str = ""
    keywords: list[str] = Field(default_factory=list)
    # Field name → label texts this supplier prints (e.g. betrag_brutto: ["Endsumme"]).
    labels: dict[str, list[str]] = Field(default_factory=dict)
    # Field name → where it stood on a confirmed invoice (or credit note) of this supplier (learn-supplier).
    template: dict[str, FieldTemplate] = Field(default_factory=dict)
    # The same for the supplier's documents of other types, which it lays out otherwise:
    # document type (lieferschein, mahnung, angebot...) → field name → place.
    type_templates: dict[str, dict[str, FieldTemplate]] = Field(default_factory=dict)

    def for_type(self, document_type: str) -> SupplierProfile:
        """The supplier as a document of `document_type` sees it: that type's template in `template`."""
        if document_type in INVOICE_LAYOUT_TYPES:
            return self
        return self.model_copy(update={"template": self.type_templates.get(document_type, {})})


# Types read with the supplier's invoice template (`template`): its invoices and credit notes share a
# layout, and a document whose type is not known is taken for an invoice.
INVOICE_LAYOUT_TYPES = frozenset({"rechnung", "gutschrift", "sonstiges", ""})


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "supplier"


def _page_text(pages_or_text: Sequence[pb.PageResult] | str) -> str:
    if isinstance(pages_or_text, str):
        return pages_or_text
    return "\n".join(p.text or "\n".join(line.text for line in p.lines) for p in pages_or_text)


class SupplierRegistry:
    """The supplier profiles of one directory."""

    def __init__(self, profiles: Sequence[SupplierProfile] = ()) -> None:
        self.profiles = list(profiles)

    @classmethod
    def load(cls, directory: str | Path) -> SupplierRegistry:
        profiles = []
        for path in sorted(Path(directory).glob("*.y*ml")):
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            profiles.append(SupplierProfile.model_validate(data))
        return cls(profiles)

    def match(self, pages_or_text: Sequence[pb.PageResult] | str) -> SupplierProfile | None:
        """The profile whose VAT id or IBAN is printed, else whose name or keyword is."""
        text = _page_text(pages_or_text)
        compact = re.sub(r"[\s.\-/]", "", text).upper()
        for p in self.profiles:
            if p.vat_id and compact_vat(p.vat_id) in compact:
                return p
            if p.iban and compact_iban(p.iban) in compact:
                return p
        lowered = text.lower()
        best: tuple[float, SupplierProfile] | None = None
        for p in self.profiles:
            for term in [p.name, *p.keywords]:
                if not term:
                    continue
                score = 100.0 if term.lower() in lowered else fuzz.partial_ratio(term.lower(), lowered)
                if score >= NAME_THRESHOLD and (best is None or score > best[0]):
                    best = (score, p)
        return best[1] if best else None

    def upsert(
        self,
        directory: str | Path,
        fields: pb.InvoiceFields,
        supplier_id: str | None = None,
        pages: Sequence[pb.PageResult] = (),
    ) -> Path:
        path = upsert_supplier(directory, fields, supplier_id, pages)
        fresh = SupplierRegistry.load(directory)
        self.profiles = fresh.profiles
        return path


def apply_corrections(fields: pb.InvoiceFields, corrections: Mapping[str, str]) -> None:
    """A person's corrections (field name -> value) over the fields as read: replaced, or added."""
    for name, value in corrections.items():
        existing = [f for f in fields.fields if f.name == name]
        if existing:
            existing[0].value = value
        else:
            fields.fields.add(name=name, value=value, source=pb.FIELD_SOURCE_UNSPECIFIED)


def upsert_supplier(
    directory: str | Path,
    fields: pb.InvoiceFields,
    supplier_id: str | None = None,
    pages: Sequence[pb.PageResult] = (),
) -> Path:
    """Write or update the profile of the seller of a document whose fields a person confirmed.

    Existing keywords and label hints are kept; name, VAT id, IBAN and
    Steuernummer are taken from the confirmed fields where present. With the
    document's pages, the place and label of each confirmed value are learned
    as the supplier's template for the document's type (an invoice's in
    `template`, a delivery note's in `type_templates["lieferschein"]`),
    replacing what an earlier document of that type taught.
    """
    values = {f.name: f.value for f in fields.fields if f.value}
    name = values.get("lieferant", "")
    sid = supplier_id or fields.supplier_id or _slug(name)
    if not name and not supplier_id:
        raise ValueError("confirmed fields name no supplier (lieferant) and no supplier_id was given")
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{_slug(sid)}.yaml"
    current = (
        SupplierProfile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
        if path.exists()
        else SupplierProfile(id=sid, name=name)
    )
    update = {
        "name": name or current.name,
        "vat_id": values.get("ust_id", current.vat_id),
        "iban": values.get("iban", current.iban),
        "steuernummer": values.get("steuernummer", current.steuernummer),
    }
    if pages:
        learned = learn_layout(pages, values)
        document_type = classify_document(PAGE_SEPARATOR.join(p.text for p in pages)).type
        if document_type in INVOICE_LAYOUT_TYPES:
            update["template"] = {**current.template, **learned}
        else:
            known = current.type_templates.get(document_type, {})
            update["type_templates"] = {**current.type_templates, document_type: {**known, **learned}}
        update["labels"] = _with_learned_labels(current.labels, learned)
    profile = current.model_copy(update=update)
    tmp = path.with_suffix(".yaml.tmp")
    data = profile.model_dump(mode="json")
    tmp.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    tmp.replace(path)
    return path


def _with_learned_labels(
    labels: dict[str, list[str]], learned: dict[str, FieldTemplate]
) -> dict[str, list[str]]:
    """The label hints with each learned label that reads as one (letters, not a number or date)."""
    out = {k: list(v) for k, v in labels.items()}
    for name, template in learned.items():
        label = template.label
        if re.search(r"[^\W\d_]{3}", label) and label not in out.get(name, []):
            out.setdefault(name, []).append(label)
    return out
