"""Read the booking-relevant terms of an e-invoice exactly as the XML states them.

One reader per syntax walks the EN 16931 business terms (BT-n) to their
element paths and returns a `StatedInvoice`: raw texts, nothing normalised,
nothing checked. Normalisation and validation happen in `einvoice_fields`.

Paths follow the EN 16931-3 syntax bindings: CII D16B (ZUGFeRD 2.x, Factur-X,
XRechnung CII), its ZUGFeRD 1.0 predecessor (CII D13B "CrossIndustryDocument",
different wrapper element names) and UBL 2.1 Invoice / CreditNote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from services.invoice.einvoice_xml import (
    NS_CII,
    NS_CII_RAM,
    NS_CII_UDT,
    NS_UBL_CAC,
    NS_UBL_CBC,
    NS_UBL_CREDIT_NOTE,
    NS_UBL_INVOICE,
    NS_ZF1,
    NS_ZF1_RAM,
    NS_ZF1_UDT,
    Flavor,
    ParsedXml,
)


@dataclass(frozen=True)
class StatedDate:
    """A date as written: its text and its format ("102" = YYYYMMDD, "ISO" = YYYY-MM-DD, ...)."""

    text: str
    format: str


@dataclass(frozen=True)
class StatedAmount:
    text: str
    currency: str  # the currencyID attribute, "" when absent


@dataclass(frozen=True)
class StatedTax:
    """One VAT breakdown (BG-23) entry."""

    category: str  # BT-118
    rate: str | None  # BT-119
    base: str | None  # BT-116
    amount: str | None  # BT-117


@dataclass(frozen=True)
class StatedLine:
    """One invoice line (BG-25), as stated."""

    line_id: str | None  # BT-126
    article: str | None  # BT-155, the seller's item id
    name: str | None  # BT-153
    quantity: str | None  # BT-129
    unit_code: str | None  # BT-130, UN/ECE Recommendation 20
    net_price: str | None  # BT-146
    amount: str | None  # BT-131
    rate: str | None  # BT-152


@dataclass
class StatedInvoice:
    """The terms we book, as stated in the XML (raw text, unstripped)."""

    flavor: Flavor
    guideline: str = ""  # BT-24
    number: str | None = None  # BT-1
    type_code: str | None = None  # BT-3
    issue_date: StatedDate | None = None  # BT-2
    currency: str | None = None  # BT-5
    delivery_date: StatedDate | None = None  # BT-72
    period_start: StatedDate | None = None  # BT-73
    period_end: StatedDate | None = None  # BT-74
    due_dates: list[StatedDate] = field(default_factory=list)  # BT-9
    payment_terms: list[str] = field(default_factory=list)  # BT-20
    tax_basis_total: str | None = None  # BT-109
    tax_totals: list[StatedAmount] = field(default_factory=list)  # BT-110 / BT-111
    grand_total: str | None = None  # BT-112
    taxes: list[StatedTax] = field(default_factory=list)  # BG-23
    seller_name: str | None = None  # BT-27
    seller_street: list[str] = field(default_factory=list)  # BT-35, BT-36, BT-162
    seller_postcode: str | None = None  # BT-38
    seller_city: str | None = None  # BT-37
    seller_country: str | None = None  # BT-40
    seller_vat_ids: list[str] = field(default_factory=list)  # BT-31
    seller_tax_numbers: list[str] = field(default_factory=list)  # BT-32
    ibans: list[str] = field(default_factory=list)  # BT-84
    bics: list[str] = field(default_factory=list)  # BT-86
    buyer_id: str | None = None  # BT-46
    order_refs: list[str] = field(default_factory=list)  # BT-13
    lines: list[StatedLine] = field(default_factory=list)  # BG-25


class _Finder:
    """XPath helpers returning texts; empty elements count as absent."""

    def __init__(self, namespaces: dict[str, str]) -> None:
        self.ns = namespaces

    def nodes(self, node: etree._Element | None, path: str) -> list[etree._Element]:
        if node is None:
            return []
        return node.xpath(path, namespaces=self.ns)

    def node(self, node: etree._Element | None, path: str) -> etree._Element | None:
        found = self.nodes(node, path)
        return found[0] if found else None

    def texts(self, node: etree._Element | None, path: str) -> list[str]:
        return [n.text for n in self.nodes(node, path) if n.text and n.text.strip()]

    def text(self, node: etree._Element | None, path: str) -> str | None:
        found = self.texts(node, path)
        return found[0] if found else None

    def date(self, node: etree._Element | None, path: str) -> StatedDate | None:
        dates = self.dates(node, path)
        return dates[0] if dates else None

    def dates(self, node: etree._Element | None, path: str) -> list[StatedDate]:
        """CII dates: `path` leads to a udt:DateTimeString with a format attribute."""
        return [
            StatedDate(n.text, n.get("format", "102"))
            for n in self.nodes(node, path)
            if n.text and n.text.strip()
        ]


# ---------------------------------------------------------------- CII


@dataclass(frozen=True)
class _CiiPaths:
    """Element names that differ between CII D16B (ZUGFeRD 2.x) and ZUGFeRD 1.0."""

    namespaces: dict[str, str]
    context: str
    document: str
    transaction: str
    agreement: str
    delivery: str
    settlement: str
    summation: str
    rate: str
    order_id: str
    # A line item's parts (BG-25): its price, quantity, and settlement with the line total.
    line_agreement: str
    line_delivery: str
    line_settlement: str
    line_summation: str


_CII_2 = _CiiPaths(
    namespaces={"rsm": NS_CII, "ram": NS_CII_RAM, "udt": NS_CII_UDT},
    context="rsm:ExchangedDocumentContext",
    document="rsm:ExchangedDocument",
    transaction="rsm:SupplyChainTradeTransaction",
    agreement="ram:ApplicableHeaderTradeAgreement",
    delivery="ram:ApplicableHeaderTradeDelivery",
    settlement="ram:ApplicableHeaderTradeSettlement",
    summation="ram:SpecifiedTradeSettlementHeaderMonetarySummation",
    rate="ram:RateApplicablePercent",
    order_id="ram:IssuerAssignedID",
    line_agreement="ram:SpecifiedLineTradeAgreement",
    line_delivery="ram:SpecifiedLineTradeDelivery",
    line_settlement="ram:SpecifiedLineTradeSettlement",
    line_summation="ram:SpecifiedTradeSettlementLineMonetarySummation",
)
_CII_ZF1 = _CiiPaths(
    namespaces={"rsm": NS_ZF1, "ram": NS_ZF1_RAM, "udt": NS_ZF1_UDT},
    context="rsm:SpecifiedExchangedDocumentContext",
    document="rsm:HeaderExchangedDocument",
    transaction="rsm:SpecifiedSupplyChainTradeTransaction",
    agreement="ram:ApplicableSupplyChainTradeAgreement",
    delivery="ram:ApplicableSupplyChainTradeDelivery",
    settlement="ram:ApplicableSupplyChainTradeSettlement",
    summation="ram:SpecifiedTradeSettlementMonetarySummation",
    rate="ram:ApplicablePercent",
    order_id="ram:ID",
    line_agreement="ram:SpecifiedSupplyChainTradeAgreement",
    line_delivery="ram:SpecifiedSupplyChainTradeDelivery",
    line_settlement="ram:SpecifiedSupplyChainTradeSettlement",
    line_summation="ram:SpecifiedTradeSettlementMonetarySummation",
)


_RAM_PREFIX = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:"
_UDT_PREFIX = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:"


def _namespaces(root: etree._Element, defaults: dict[str, str]) -> dict[str, str]:
    """The syntax's namespaces, with the ram/udt versions the document really uses.

    Older ZUGFeRD 1.0 writers declare other versions of the UN/CEFACT libraries
    (ram:12 with udt:16, ...); read with the standard's versions only, their
    invoice would be found and then read as empty.
    """
    found = dict(defaults)
    used = {etree.QName(el).namespace for el in root.iter() if isinstance(el.tag, str)}
    for prefix, start in (("ram", _RAM_PREFIX), ("udt", _UDT_PREFIX)):
        if defaults[prefix] not in used:
            other = sorted(ns for ns in used if ns and ns.startswith(start))
            if other:
                found[prefix] = other[0]
    return found


def _read_cii(parsed: ParsedXml) -> StatedInvoice:
    p = _CII_2 if parsed.flavor is Flavor.CII else _CII_ZF1
    f = _Finder(_namespaces(parsed.root, p.namespaces))
    root = parsed.root
    inv = StatedInvoice(flavor=parsed.flavor)
    inv.guideline = f.text(root, f"{p.context}/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID") or ""

    doc = f.node(root, p.document)
    inv.number = f.text(doc, "ram:ID")
    inv.type_code = f.text(doc, "ram:TypeCode")
    inv.issue_date = f.date(doc, "ram:IssueDateTime/udt:DateTimeString")

    tx = f.node(root, p.transaction)
    agreement = f.node(tx, p.agreement)
    delivery = f.node(tx, p.delivery)
    settlement = f.node(tx, p.settlement)

    seller = f.node(agreement, "ram:SellerTradeParty")
    inv.seller_name = f.text(seller, "ram:Name")
    address = f.node(seller, "ram:PostalTradeAddress")
    inv.seller_street = [
        t for name in ("LineOne", "LineTwo", "LineThree") for t in f.texts(address, f"ram:{name}")
    ]
    inv.seller_postcode = f.text(address, "ram:PostcodeCode")
    inv.seller_city = f.text(address, "ram:CityName")
    inv.seller_country = f.text(address, "ram:CountryID")
    inv.seller_vat_ids = f.texts(seller, "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']")
    # BT-32 is scheme FC; other or missing schemes are told apart by shape in einvoice_fields.
    inv.seller_tax_numbers = f.texts(seller, "ram:SpecifiedTaxRegistration/ram:ID[not(@schemeID='VA')]")

    inv.buyer_id = f.text(agreement, "ram:BuyerTradeParty/ram:ID")
    inv.order_refs = f.texts(agreement, f"ram:BuyerOrderReferencedDocument/{p.order_id}")

    inv.delivery_date = f.date(
        delivery, "ram:ActualDeliverySupplyChainEvent/ram:OccurrenceDateTime/udt:DateTimeString"
    )

    inv.currency = f.text(settlement, "ram:InvoiceCurrencyCode")
    means = "ram:SpecifiedTradeSettlementPaymentMeans"
    inv.ibans = f.texts(settlement, f"{means}/ram:PayeePartyCreditorFinancialAccount/ram:IBANID")
    inv.bics = f.texts(settlement, f"{means}/ram:PayeeSpecifiedCreditorFinancialInstitution/ram:BICID")
    inv.period_start = f.date(settlement, "ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString")
    inv.period_end = f.date(settlement, "ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString")
    terms = "ram:SpecifiedTradePaymentTerms"
    inv.payment_terms = f.texts(settlement, f"{terms}/ram:Description")
    inv.due_dates = f.dates(settlement, f"{terms}/ram:DueDateDateTime/udt:DateTimeString")
    inv.taxes = [
        StatedTax(
            category=f.text(tax, "ram:CategoryCode") or "",
            rate=f.text(tax, p.rate),
            base=f.text(tax, "ram:BasisAmount"),
            amount=f.text(tax, "ram:CalculatedAmount"),
        )
        for tax in f.nodes(settlement, "ram:ApplicableTradeTax")
        if (f.text(tax, "ram:TypeCode") or "VAT").strip() == "VAT"
    ]

    summation = f.node(settlement, p.summation)
    inv.tax_basis_total = f.text(summation, "ram:TaxBasisTotalAmount")
    inv.tax_totals = [
        StatedAmount(n.text, n.get("currencyID", ""))
        for n in f.nodes(summation, "ram:TaxTotalAmount")
        if n.text and n.text.strip()
    ]
    inv.grand_total = f.text(summation, "ram:GrandTotalAmount")
    inv.lines = [_cii_line(f, p, line) for line in f.nodes(tx, "ram:IncludedSupplyChainTradeLineItem")]
    return inv


def _cii_line(f: _Finder, p: _CiiPaths, line: etree._Element) -> StatedLine:
    quantity = f.node(line, f"{p.line_delivery}/ram:BilledQuantity")
    settlement = f.node(line, p.line_settlement)
    return StatedLine(
        line_id=f.text(line, "ram:AssociatedDocumentLineDocument/ram:LineID"),
        article=f.text(line, "ram:SpecifiedTradeProduct/ram:SellerAssignedID"),
        name=f.text(line, "ram:SpecifiedTradeProduct/ram:Name"),
        quantity=quantity.text if quantity is not None else None,
        unit_code=quantity.get("unitCode") if quantity is not None else None,
        net_price=f.text(line, f"{p.line_agreement}/ram:NetPriceProductTradePrice/ram:ChargeAmount"),
        amount=f.text(settlement, f"{p.line_summation}/ram:LineTotalAmount"),
        rate=f.text(settlement, f"ram:ApplicableTradeTax/{p.rate}"),
    )


# ---------------------------------------------------------------- UBL


def _read_ubl(parsed: ParsedXml) -> StatedInvoice:
    main = NS_UBL_INVOICE if parsed.flavor is Flavor.UBL_INVOICE else NS_UBL_CREDIT_NOTE
    f = _Finder({"ubl": main, "cbc": NS_UBL_CBC, "cac": NS_UBL_CAC})
    root = parsed.root
    inv = StatedInvoice(flavor=parsed.flavor)
    inv.guideline = f.text(root, "cbc:CustomizationID") or ""
    inv.number = f.text(root, "cbc:ID")
    inv.type_code = f.text(root, "cbc:InvoiceTypeCode | cbc:CreditNoteTypeCode")
    inv.issue_date = _iso_date(f.text(root, "cbc:IssueDate"))
    inv.currency = f.text(root, "cbc:DocumentCurrencyCode")
    inv.delivery_date = _iso_date(f.text(root, "cac:Delivery/cbc:ActualDeliveryDate"))
    inv.period_start = _iso_date(f.text(root, "cac:InvoicePeriod/cbc:StartDate"))
    inv.period_end = _iso_date(f.text(root, "cac:InvoicePeriod/cbc:EndDate"))
    # An Invoice states BT-9 in cbc:DueDate; a UBL 2.1 CreditNote has no such element
    # and carries it in PaymentMeans/PaymentDueDate.
    inv.due_dates = [
        d for d in map(_iso_date, f.texts(root, "cbc:DueDate | cac:PaymentMeans/cbc:PaymentDueDate")) if d
    ]
    inv.payment_terms = f.texts(root, "cac:PaymentTerms/cbc:Note")
    inv.order_refs = f.texts(root, "cac:OrderReference/cbc:ID")

    seller = f.node(root, "cac:AccountingSupplierParty/cac:Party")
    inv.seller_name = f.text(seller, "cac:PartyLegalEntity/cbc:RegistrationName") or f.text(
        seller, "cac:PartyName/cbc:Name"
    )
    address = f.node(seller, "cac:PostalAddress")
    inv.seller_street = f.texts(
        address, "cbc:StreetName | cbc:AdditionalStreetName | cac:AddressLine/cbc:Line"
    )
    inv.seller_postcode = f.text(address, "cbc:PostalZone")
    inv.seller_city = f.text(address, "cbc:CityName")
    inv.seller_country = f.text(address, "cac:Country/cbc:IdentificationCode")
    for scheme in f.nodes(seller, "cac:PartyTaxScheme"):
        company_id = f.text(scheme, "cbc:CompanyID")
        if company_id is None:
            continue
        if (f.text(scheme, "cac:TaxScheme/cbc:ID") or "").strip().upper() == "VAT":
            inv.seller_vat_ids.append(company_id)
        else:  # BT-32, the seller's tax registration (XRechnung: scheme "FC")
            inv.seller_tax_numbers.append(company_id)

    inv.buyer_id = f.text(root, "cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID")
    inv.ibans = f.texts(root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID")
    inv.bics = f.texts(
        root, "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID"
    )

    for total in f.nodes(root, "cac:TaxTotal"):
        amount = f.node(total, "cbc:TaxAmount")
        if amount is not None and amount.text and amount.text.strip():
            inv.tax_totals.append(StatedAmount(amount.text, amount.get("currencyID", "")))
        for sub in f.nodes(total, "cac:TaxSubtotal"):
            inv.taxes.append(
                StatedTax(
                    category=f.text(sub, "cac:TaxCategory/cbc:ID") or "",
                    rate=f.text(sub, "cac:TaxCategory/cbc:Percent"),
                    base=f.text(sub, "cbc:TaxableAmount"),
                    amount=f.text(sub, "cbc:TaxAmount"),
                )
            )
    inv.tax_basis_total = f.text(root, "cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount")
    inv.grand_total = f.text(root, "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount")
    inv.lines = [_ubl_line(f, line) for line in f.nodes(root, "cac:InvoiceLine | cac:CreditNoteLine")]
    return inv


def _ubl_line(f: _Finder, line: etree._Element) -> StatedLine:
    quantity = f.node(line, "cbc:InvoicedQuantity | cbc:CreditedQuantity")
    return StatedLine(
        line_id=f.text(line, "cbc:ID"),
        article=f.text(line, "cac:Item/cac:SellersItemIdentification/cbc:ID"),
        name=f.text(line, "cac:Item/cbc:Name"),
        quantity=quantity.text if quantity is not None else None,
        unit_code=quantity.get("unitCode") if quantity is not None else None,
        net_price=f.text(line, "cac:Price/cbc:PriceAmount"),
        amount=f.text(line, "cbc:LineExtensionAmount"),
        rate=f.text(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"),
    )


def _iso_date(text: str | None) -> StatedDate | None:
    return StatedDate(text, "ISO") if text else None


def read_invoice(parsed: ParsedXml) -> StatedInvoice:
    """The stated terms of a parsed e-invoice."""
    if parsed.flavor in (Flavor.CII, Flavor.ZUGFERD_1):
        return _read_cii(parsed)
    return _read_ubl(parsed)
