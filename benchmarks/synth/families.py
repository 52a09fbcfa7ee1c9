"""Invoice layout families with ground truth, split once into tuning and never-tuned.

A family is one way of laying out an invoice: where the sender and the invoice
number and date stand, how labels sit beside their values (left of, above,
below, in a right-aligned label column), how the item table and the totals
block look, which language, number, date and currency formats it prints, and
what else it says (several VAT rates, credit notes, Skonto, prepayments).
`generate_family(name, seed)` makes one invoice of a family; names, addresses,
items, amounts and identifiers vary with the seed, and everything is
deterministic. The six layouts of `invoice_gen` are families too; the others
are drawn here, one page each, or in `families_more` (six families added
blind in session 13, one of them two pages). Truth is in the format of
`datasets/zugferd-awv/*.truth.json` (keys only for values printed on the page).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar, Literal

import pymupdf
from schwifty import IBAN
from stdnum import luhn
from stdnum.fr import tva
from stdnum.nl import btw

from benchmarks.synth.families_bau import BAU_FAMILIES, draw_bau
from benchmarks.synth.families_bene import BENE_FAMILIES, draw_bene
from benchmarks.synth.families_buero import BUERO_FAMILIES, draw_buero
from benchmarks.synth.families_closing import CLOSING_FAMILIES, draw_closing
from benchmarks.synth.families_design import DESIGN_FAMILIES, draw_design
from benchmarks.synth.families_dienst import DIENST_FAMILIES, draw_dienst
from benchmarks.synth.families_digital import DIGITAL_FAMILIES, draw_digital
from benchmarks.synth.families_extra import EXTRA_FAMILIES, draw_extra
from benchmarks.synth.families_final import FINAL_FAMILIES, draw_final
from benchmarks.synth.families_first import FIRST_FAMILIES, draw_first
from benchmarks.synth.families_foto import FOTO_FAMILIES, draw_foto
from benchmarks.synth.families_fuhrpark import FUHRPARK_FAMILIES, draw_fuhrpark
from benchmarks.synth.families_getraenk import GETRAENK_FAMILIES, draw_getraenk
from benchmarks.synth.families_gruen import GRUEN_FAMILIES, draw_gruen
from benchmarks.synth.families_handel import HANDEL_FAMILIES, draw_handel
from benchmarks.synth.families_kanzlei import KANZLEI_FAMILIES, draw_kanzlei
from benchmarks.synth.families_karte import KARTE_FAMILIES, draw_karte
from benchmarks.synth.families_kueche import KUECHE_FAMILIES, draw_kueche
from benchmarks.synth.families_labor import LABOR_FAMILIES, draw_labor
from benchmarks.synth.families_last import LAST_FAMILIES, draw_last
from benchmarks.synth.families_late import LATE_FAMILIES, draw_late
from benchmarks.synth.families_lieferschein import LIEFERSCHEIN_FAMILIES, draw_lieferschein
from benchmarks.synth.families_medien import MEDIEN_FAMILIES, draw_medien
from benchmarks.synth.families_messe import MESSE_FAMILIES, draw_messe
from benchmarks.synth.families_metall import METALL_FAMILIES, draw_metall
from benchmarks.synth.families_miete import MIETE_FAMILIES, draw_miete
from benchmarks.synth.families_more import MORE_FAMILIES, Drawing, draw_more
from benchmarks.synth.families_notdienst import NOTDIENST_FAMILIES, draw_notdienst
from benchmarks.synth.families_objekt import OBJEKT_FAMILIES, draw_objekt
from benchmarks.synth.families_person import PERSON_FAMILIES, draw_person
from benchmarks.synth.families_recht import RECHT_FAMILIES, draw_recht
from benchmarks.synth.families_reise import REISE_FAMILIES, draw_reise
from benchmarks.synth.families_stempel import STEMPEL_FAMILIES, draw_stempel
from benchmarks.synth.families_trip import TRIP_FAMILIES, draw_trip
from benchmarks.synth.families_umzug import UMZUG_FAMILIES, draw_umzug
from benchmarks.synth.families_versand import VERSAND_FAMILIES, draw_versand
from benchmarks.synth.families_world import WORLD_FAMILIES, draw_world
from benchmarks.synth.families_zeit import ZEIT_FAMILIES, draw_zeit
from benchmarks.synth.invoice_gen import (
    _ITEMS,
    LAYOUT_NAMES,
    InvoiceData,
    LineItem,
    Party,
    SyntheticInvoice,
    VatLine,
    _invoice_data,
    distinct_seeds,
    generate_invoice,
    round_cent,
    vat_breakdown,
)
from benchmarks.synth.pdfdraw import A4, FAMILIES, Canvas, finish
from benchmarks.synth.printed import CurrencyStyle, DateStyle, NumberStyle, Printer

# ---------------------------------------------------------------------------
# The split, made ONCE, by family (issue 14, part 8). The six layouts of invoice_gen are tuning.
# Rule: never adjust extraction code to a failure on a never-tuned family. To work on such a failure,
# first move that family to TUNING and add a new family to NEVER_TUNED in its place, so that the
# never-tuned figures keep measuring layouts nobody has tuned on.
TUNING: tuple[str, ...] = (
    *LAYOUT_NAMES,  # klassik, modern, kanzlei, english, beleg, handwerk
    "kompakt",
    "briefkopf_rechts",
    "einzeiler",
    "gutschrift",
    "skonto",
    "english_boxed",
    # Moved from never-tuned after work on their failures (issue 14, line items and VAT lines).
    "francais",
    "sammelrechnung",
    # Moved after a fix its scan failure showed (issue 14: a misread small netto wiped all amounts).
    "iso_schlicht",
    # Moved after a fix its scan failure showed (issue 14: a VAT of the opposite sign to netto chosen).
    "zweispaltig",
    # Moved to work on its scan failures (issue 14: "N°" read "N®" or "N?").
    "facture_grille",
    # Moved to work on its scan failure (issue 14: a space-grouped total's tail taken for the total).
    "facture_artisan",
    # Moved to work on its scan failure (issue 14: a Dutch VAT id's "B" read "8").
    "nederlands",
    # Moved in session 13 to work on its scan failure (a two-rate VAT table read column by column: its
    # 7 % row taken for the totals). Designed blind; energie_abschlag took its place.
    "grosshandel_tabelle",
    # Moved in session 14 to work on their failures (designed blind that session; the new trip families took
    # their place): erp_en (a section's subtotal taken for the totals), hosting_export (no VAT charged: netto
    # read 0,00), facture_fai (a French VAT id's key "0" read "O").
    "erp_en",
    "hosting_export",
    "facture_fai",
    # Moved in session 14 to work on its failures (designed blind: the Bon-Nr. of a till receipt not read);
    # arzt_goae and autovermietung, designed blind, took its place.
    "kassenbon",
    # Moved in session 14 to work on their failures (designed blind: invoice numbers printed with a space inside
    # not read; a VAT-exempt medical invoice's netto); agentur_retainer and baumarkt_b2b took their place.
    "arzt_goae",
    "autovermietung",
    # Moved in session 15 to work on their failures (designed blind): webshop_nl (a slogan beside the sender
    # line taken into the seller's name; on scans bunq's bank code BUNQ read BUNG), handwerker_abschlag (the
    # "Fertigstellung/Abnahme" date of a final invoice not read as the date of supply), agentur_retainer (the
    # purchase order printed as "Ihre Referenz (PO)" / "PO-Nummer" not read), rechnung_at (the seller's name
    # taken with its sender line's "Abs.:"), gutschrift_versand (the original invoice's number and date taken
    # for the credit note's own). The session's blind families_first and families_extra took their place.
    "webshop_nl",
    "handwerker_abschlag",
    "agentur_retainer",
    "rechnung_at",
    "gutschrift_versand",
    # Moved in session 15 (designed blind that session; families_closing took their place): facture_btp (the
    # seller's name taken from an address or a label), kfz_haendler (a margin-scheme sale's netto; the amount
    # after a trade-in taken for the gross).
    "facture_btp",
    "kfz_haendler",
    # Moved in session 16 to work on their failures (designed blind in session 15; session 16's blind families
    # took their place): steuerberater_stbvv (the client number behind "Mandant" / "Mandantennummer" not read),
    # facture_abonnement_fr (on scans the footer's company line, its dashes read "—", not found: the customer's
    # name with its legal form taken for the seller).
    "steuerberater_stbvv",
    "facture_abonnement_fr",
    # Moved in session 16 to work on their failures (designed blind that session; families_recht, families_metall
    # and families_karte took their place): rechnung_quer (a contact line "Tel. 0932 382334 · Fax" beside the
    # letterhead taken for the seller's name), catering_bewirtung (the owner's line "Inh. Petra Lindemann" taken
    # for the seller), factuur_be (the customer's German VAT id taken for the seller's Belgian one),
    # marktplatz_rechnung (the platform taken for the seller printed under "Verkauft von").
    "rechnung_quer",
    "catering_bewirtung",
    "factuur_be",
    "marktplatz_rechnung",
    # Moved in session 16 to work on their failures (designed blind that session; families_foto and
    # families_messe took their place): us_software_usd (a US date read day first, the "Bill To" customer taken
    # for the seller, a BIC read "BENEFICIARY"), tankkarte_sammel (VAT ids returned where none is printed).
    "us_software_usd",
    "tankkarte_sammel",
    # Moved in session 17 to work on their failures (designed blind in session 16, measured before any change
    # at 10 seeds each: text layer / scan 89.4/89.4, 91.1/93.1, 79.4/80.4 %; families_dienst and
    # families_digital took their place): zzp_factuur_nl, messebau_schluss, dauerrechnung_miete.
    "zzp_factuur_nl",
    "messebau_schluss",
    "dauerrechnung_miete",
    # Moved in session 17 to work on its scans (designed blind that session, measured before any change for it:
    # 10 seeds, text layer / scan 98.8/94.0 %; 5 seeds 97.6/88.1 %: an Irish VAT id's final letter read as a
    # digit, the seller not found on scans; families_versand takes its place).
    "ads_plattform_ie",
    # Moved in session 17 to work on their scans (measured before any change for them, text layer / scan: at 10
    # seeds in session 16 seminar_schulung 100/98.0 %, at 5 seeds this session 100/96.1 %, the seminar's dates
    # taken on scans; gebaeudereinigung_monat, designed blind this session, 10 seeds 98.0/93.9 %, the invoice
    # number not found on scans; families_getraenk takes their place).
    "seminar_schulung",
    "gebaeudereinigung_monat",
    # Moved in session 18 to work on its text layer (designed blind in session 17, measured before any change for
    # it: 10 seeds, text layer / scan 98.0/96.9 %, in session 17: an invoice number starting with "Ü" was
    # not read, the date of the customer's inquiry ("Ihre Anfrage vom") was taken for the invoice's; the blind
    # families of session 18 take its place).
    "uebersetzung_normzeilen",
    # Moved in session 18 to work on its scans (designed blind in session 17, measured before any change for it:
    # 10 seeds, text layer / scan 100/99.0 %: an invoice number whose prefix stands a monospaced space from its
    # digits, "RG 18-871662", not found on a scan).
    "getraenke_pfand",
    # Moved in session 18 to work on it (designed blind this session, families_buero; measured before any change
    # for it: 10 seeds, text layer / scan 80.0/76.2 %: the notary's "Amtssitz" or title taken for the seller, the
    # invoice number behind "Kostenregister-Nr." not found, the deed's date taken for the invoice's, passed-on
    # court fees on scans; families_kanzlei takes its place).
    "notar_kostenrechnung",
    # Moved in session 18 to work on its seller (designed blind in session 16, measured before any change for it:
    # 5 seeds, text layer / scan 98.1/96.2 %: a seller's name with "+" in it, "Kabel + Licht Seifert GmbH", cut
    # at the "+" of its sender line; the blind families of session 18 take its place).
    "elektro_grosshandel",
    # Moved in session 18 to work on its VAT id (designed blind this session, families_kanzlei; measured before any
    # change for it: 10 seeds, text layer / scan 98.0/98.0 %: a footer's VAT id read on into the next column's
    # "GLS Gemeinschaftsbank"; the blind families of families_umzug and families_notdienst take its place).
    "patentanwalt_kosten",
    # Moved in session 18 to work on it (designed blind this session, families_notdienst; measured before any
    # change for it: 10 seeds, text layer / scan 89.0/89.0 %: the letterhead's hotline line or the customer under
    # "Auftraggeber" taken for the seller, a card slip's "Beleg-Nr." or nothing for the invoice number; the blind
    # families of families_handel take its place).
    "schluesseldienst_notdienst",
    # Moved in session 19 to work on its seller (designed blind in session 18, families_miete; measured before any
    # change for it: 10 seeds, text layer / scan 92.6/89.4 %: the customer's GmbH taken for the seller, a person
    # without a legal form whose sender line ends in a foreign postcode ("00-950 Warszawa", "1100-148 Lisboa");
    # on scans "Sánchez" read "Sänchez"; the blind families of session 19 take its place).
    "it_freelancer_en",
    # Moved in session 19 to work on its totals (designed blind in session 18, families_reise; measured before any
    # change for it: 10 seeds, text layer / scan 96.8/96.8 %: "Nettobetrag gesamt 492,25 € · MwSt. gesamt
    # 28,28 €" not read as netto, the VAT lines above it ("enthaltene MwSt. 7 % auf 323,75 €: 22,66 €") taken for
    # a triple; the blind families of session 19 take its place).
    "bahn_reisebuero",
    # Moved in session 19 to work on its seller (designed blind in session 18, families_objekt; measured before
    # any change for it: 10 seeds, text layer / scan 99.0/99.0 %: the guarded property's line "Objekt 2158:
    # Geschäftshaus ..." taken for the seller; the blind families of session 19 take its place).
    "sicherheitsdienst_objekt",
    # Moved in session 19 to work on its invoice numbers and totals (designed blind this session, families_bau;
    # measured before any change for it: 10 seeds, text layer / scan 90.2/89.2 %: the progress invoice's ordinal
    # ("Abschlagsrechnung Nr. 5", "3. Abschlagsrechnung") taken for the invoice number over "Rechnungs-Nr.", an
    # earlier invoice's number and the cumulative fee taken on one seed; families_person takes its place).
    "architekt_hoai_abschlag",
    # Moved in session 19 to work on its seller (designed blind this session, families_person; measured before any
    # change for it: 10 seeds, text layer / scan 99.0/99.0 %: a vet practice's sender line of name and town
    # alone, "Pferdepraxis Dr. med. vet. Jan Brüggemann · 60311 Frankfurt am Main", not read, the customer's
    # "Reitsportzentrum Elbaue e.K." taken; families_kueche and families_lieferschein take its place).
    "tierarzt_got",
    # Moved in session 19 to work on its totals and date (designed blind this session, families_person; measured
    # before any change for it: 10 seeds, text layer / scan 97.8/97.8 %: two line items, 650,00 + 130,00 = 780,00,
    # taken for netto and VAT at 20 % on an invoice exempt from VAT, the date of the offer it refers to ("lt.
    # Angebot Nr. A-2022-004 vom 24.11.2022") taken for the invoice's; families_kueche and families_lieferschein
    # take its place).
    "grafik_kleinunternehmer",
    # Moved in session 19 to work on their scans' invoice numbers (kuechen_montage and hausverwaltung_weg designed
    # blind this session, families_kueche; werbemittel_druck in session 18, families_handel; measured before any
    # change for them, text layer / scan: 10 seeds 100/99.0 %, 100/99.0 %, and 100/98.0 % in session 18: a zero
    # read "O" in the number ("RE019230" as "REO19230") where the page prints it again read right; families_fuhrpark
    # and families_gruen take their place).
    "kuechen_montage",
    "hausverwaltung_weg",
    "werbemittel_druck",
    # Moved in session 21 to work on their failures (designed blind this session, families_stempel and
    # families_design; measured before any change for them: 5 seeds, text layer / scan 100/100 % on the invariance
    # fields; in the capture benchmark, 2 seeds and every truth key: bezahlt_kopie's date of supply under
    # "Ausgeführt am:" missed on every capture and on the text layer, agentur_farbig's seller "Studio Nordlicht GmbH"
    # wrapped over two rows of a sidebar read "GmbH" on the upright and fax scans; families_labor takes their place).
    "bezahlt_kopie",
    "agentur_farbig",
)
NEVER_TUNED: tuple[str, ...] = (
    "anzahlung",
    "steuerstreifen",
    "formular",
    "credit_note_en",
    # Added in place of francais, sammelrechnung and iso_schlicht; nobody has tuned on them.
    "grosshandel",
    # Added in place of zweispaltig and facture_grille; nobody has tuned on them.
    "werkstatt",
    "english_plain",
    # Added in place of facture_artisan; nobody has tuned on it.
    "praxis",
    # Added in place of nederlands; nobody has tuned on it.
    "factuur_kompakt",
    # Added in session 13, designed blind (without reading the extractor); nobody has tuned on them.
    # They are drawn in families_more.
    "telekom_rechnung",
    "saas_en",
    "zwei_seiten",
    # Added in session 13 in place of grosshandel_tabelle, designed blind; nobody has tuned on it.
    "energie_abschlag",
    # Added in session 14 (second set), designed blind (without reading the extractor); nobody has tuned on them.
    # They are drawn in families_trip.
    "hotel_rechnung",
    "spedition_fracht",
    "lizenz_ch",
    # Added in session 14 (fourth set), designed blind (without reading the extractor); nobody has tuned on them.
    # They are drawn in families_last.
    "baumarkt_b2b",
    # Added in session 15, designed blind (without reading the extractor); nobody has tuned on them.
    # They are drawn in families_first.
    "uk_invoice",
    # Added in session 15 (second set), designed blind (without reading the extractor); nobody has tuned on them.
    # They are drawn in families_extra.
    "freelancer_reverse_charge",
    "druckerei_staffel",
    # Added in session 15 (fourth set), designed blind (without reading the extractor); nobody has tuned on them.
    # They are drawn in families_closing.
    "it_systemhaus",
    # Added in session 16, designed blind (without reading the extractor); nobody has tuned on them. They are
    # drawn in families_zeit and families_medien.
    "beratung_stunden",
    "anzeigen_verlag",
    # Added in session 16 (families_recht), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_recht.
    "kanzlei_rvg",
    # Added in session 16 (families_metall), designed blind (without reading the extractor); nobody has tuned
    # on them. They are drawn in families_metall.
    "auto_entrepreneur_fr",
    # Added in session 16 (families_foto), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_foto.
    "fotograf_nutzungsrechte",
    # Added in session 17 (families_digital), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_digital.
    "coworking_mitglied",
    # Added in session 17 (families_dienst), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_dienst.
    "zeitarbeit_wochen",
    # Added in session 17 (families_versand), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_versand.
    "paketdienst_monat",
    # Added in session 17 (families_getraenk), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_getraenk.
    "veranstaltungstechnik_miete",
    # Added in session 18 (families_reise), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_reise.
    "maler_lohnanteil",
    # Added in session 18 (families_buero), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_buero.
    "kopierer_leasing",
    # Added in session 18 (families_objekt), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_objekt.
    "bueromoebel_lieferung",
    # Added in session 18 (families_kanzlei), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_kanzlei.
    "softwarelizenz_reseller",
    # Added in session 18 (families_umzug), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_umzug.
    "umzug_buero",
    "container_entsorgung",
    # Added in session 18 (families_notdienst), designed blind (without reading the extractor); nobody has tuned
    # on them. They are drawn in families_notdienst.
    "fachzeitschrift_abo",
    # Added in session 18 (families_handel), designed blind (without reading the extractor); nobody has tuned
    # on them. They are drawn in families_handel.
    "reinigung_fensterputz",
    # Added in session 18 (families_miete), designed blind (without reading the extractor); nobody has tuned
    # on them. They are drawn in families_miete.
    "fotostudio_mietstudio",
    # Added in session 19 (families_bau), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_bau.
    "aufzug_wartung",
    # Added in session 19 (families_person), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_person.
    # Added in session 19 (families_kueche), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_kueche.
    # Added in session 19 (families_lieferschein), designed blind (without reading the extractor); nobody has
    # tuned on them. They are drawn in families_lieferschein.
    "baustoff_sammelrechnung",
    "dolmetscher_jveg",
    # Added in session 19 (families_gruen), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_gruen.
    "gartenbau_pflege",
    "tagungshotel_seminar",
    # Added in session 19 (families_fuhrpark), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_fuhrpark.
    "lkw_werkstatt",
    "firmenfitness_abo",
    # Added in session 21 (families_stempel), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_stempel.
    "eingangsstempel",
    # Added in session 21 (families_design), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_design.
    "onlineshop_b2b",
    # Added in session 21 (families_labor), designed blind (without reading the extractor); nobody has tuned on
    # them. They are drawn in families_labor.
    "labor_analytik",
    "print_invoice_en",
)
SPLIT: dict[str, tuple[str, ...]] = {"tuning": TUNING, "never_tuned": NEVER_TUNED}
FAMILY_NAMES: tuple[str, ...] = TUNING + NEVER_TUNED

Lang = Literal["de", "en", "fr", "nl"]


# ---------------------------------------------------------------------------
# Wordings

_WORDS: dict[Lang, dict[str, tuple[str, ...]]] = {
    "de": {
        "title": ("Rechnung", "RECHNUNG"),
        "credit_title": ("Gutschrift", "Rechnungskorrektur"),
        "number": ("Rechnungsnr.", "Rechnungsnummer", "Rechnung Nr.", "Beleg-Nr."),
        "credit_number": ("Gutschrift-Nr.", "Gutschriftsnummer"),
        "date": ("Rechnungsdatum", "Datum"),
        "credit_date": ("Datum", "Gutschriftsdatum"),
        "service_date": ("Leistungsdatum", "Lieferdatum"),
        "customer": ("Kundennummer", "Kunden-Nr."),
        "net": ("Nettobetrag", "Summe netto", "Zwischensumme", "Warenwert", "Netto"),
        "vat": ("MwSt.", "USt.", "Umsatzsteuer"),
        "vat_sum": ("Summe MwSt.", "Umsatzsteuer gesamt", "Steuerbetrag"),
        "total": ("Gesamtbetrag", "Rechnungsbetrag", "Endbetrag", "Summe brutto", "Bruttobetrag"),
        "due": ("Zahlbetrag", "zu zahlen", "Restbetrag"),
        "prepaid": ("bereits bezahlt", "abzüglich Anzahlung", "Anzahlung vom {date}"),
        "vat_id": ("USt-IdNr.", "USt-ID", "Umsatzsteuer-ID"),
        "tax_no": ("Steuernummer", "St.-Nr.", "Steuer-Nr."),
    },
    "en": {
        "title": ("Invoice", "INVOICE"),
        "credit_title": ("Credit Note", "CREDIT NOTE"),
        "number": ("Invoice No.", "Invoice number", "Document No."),
        "credit_number": ("Credit note No.", "Document No."),
        "date": ("Invoice date", "Date"),
        "credit_date": ("Date", "Issue date"),
        "service_date": ("Delivery date", "Date of supply"),
        "customer": ("Customer No.", "Account"),
        "net": ("Subtotal", "Net total", "Net amount"),
        "vat": ("VAT",),
        "vat_sum": ("Total VAT", "VAT total"),
        "total": ("Total", "Total amount", "Invoice total"),
        "due": ("Amount due", "Balance due"),
        "prepaid": ("Paid on account", "Less deposit"),
        "vat_id": ("VAT ID", "VAT Reg. No."),
        "tax_no": ("Tax No.", "Tax number"),
    },
    "fr": {
        "title": ("Facture", "FACTURE"),
        "credit_title": ("Avoir",),
        "number": ("Facture N°", "N° de facture", "Numéro de facture"),
        "credit_number": ("Avoir N°",),
        "date": ("Date de facture", "Date"),
        "credit_date": ("Date",),
        "service_date": ("Date de livraison",),
        "customer": ("N° client", "Code client"),
        "net": ("Montant HT", "Total HT"),
        "vat": ("TVA",),
        "vat_sum": ("Total TVA", "Montant TVA"),
        "total": ("Total TTC", "Montant TTC"),
        "due": ("Net à payer",),
        "prepaid": ("Acompte versé",),
        "vat_id": ("N° TVA intracommunautaire", "TVA intracom."),
        "tax_no": ("N° fiscal",),
    },
    "nl": {
        "title": ("Factuur", "FACTUUR"),
        "credit_title": ("Creditnota",),
        "number": ("Factuurnummer", "Factuurnr."),
        "credit_number": ("Creditnotanummer",),
        "date": ("Factuurdatum", "Datum"),
        "credit_date": ("Datum",),
        "service_date": ("Leverdatum",),
        "customer": ("Klantnummer", "Debiteurnr."),
        "net": ("Subtotaal", "Totaal excl. BTW"),
        "vat": ("BTW",),
        "vat_sum": ("Totaal BTW",),
        "total": ("Totaal", "Totaal incl. BTW"),
        "due": ("Te betalen",),
        "prepaid": ("Reeds betaald",),
        "vat_id": ("BTW-nummer", "Btw-id"),
        "tax_no": ("Fiscaal nummer",),
    },
}

_FIXED: dict[Lang, dict[str, str]] = {
    "de": {
        "pos": "Pos.", "art": "Art.-Nr.", "desc": "Bezeichnung", "qty": "Menge", "unit": "Einheit",
        "price": "Einzelpreis", "rate": "USt.", "total": "Gesamt", "on": "auf", "phone": "Tel.",
        "bank": "Bankverbindung", "sep": ": ", "of": "vom", "rate_head": "Steuersatz",
        "gross_head": "Brutto", "net_head": "Netto", "vat_head": "Steuer", "sum": "Summe",
        "intro": "Wir erlauben uns, Ihnen folgende Leistungen in Rechnung zu stellen:",
        "credit_intro": "Wir schreiben Ihnen folgende Positionen gut:",
        "due_text": "Zahlbar bis zum {due} ohne Abzug.",
        "credit_due": "Der Betrag wird Ihrem Konto gutgeschrieben.",
        "skonto": (
            "Bei Zahlung bis zum {date} gewähren wir {pct} % Skonto, zu zahlen {amount}.",
            "Zahlbar innerhalb von {days} Tagen mit {pct} % Skonto ({amount}) oder bis zum {due} ohne Abzug.",
        ),
        "contains": "Im Gesamtbetrag sind {rate} % USt. in Höhe von {vat} enthalten (Nettobetrag {net}).",
        "transfer": "Bitte überweisen Sie den Betrag auf unser Konto bei der {bank}, IBAN {iban}, BIC {bic}.",
        "amounts_in": "Alle Beträge in EUR", "thanks": "Vielen Dank für Ihren Auftrag!",
        "ceo": "Geschäftsführer", "page": "Seite 1 von 1",
    },
    "en": {
        "pos": "No.", "art": "Item", "desc": "Description", "qty": "Qty", "unit": "Unit",
        "price": "Unit price", "rate": "VAT", "total": "Amount", "on": "on", "phone": "Phone",
        "bank": "Bank details", "sep": ": ", "of": "dated", "rate_head": "VAT rate",
        "gross_head": "Gross", "net_head": "Net", "vat_head": "VAT", "sum": "Total",
        "intro": "We hereby invoice you for the following:",
        "credit_intro": "We credit your account with the following:",
        "due_text": "Payment due by {due} without deduction.",
        "credit_due": "The amount will be credited to your account.",
        "skonto": ("Pay by {date} and deduct {pct} % early payment discount: {amount}.",),
        "contains": "The total includes {rate} % VAT of {vat} (net {net}).",
        "transfer": "Please transfer the amount to {bank}, IBAN {iban}, BIC {bic}.",
        "amounts_in": "All amounts in EUR", "thanks": "Thank you for your business!",
        "ceo": "Managing director", "page": "Page 1 of 1",
    },
    "fr": {
        "pos": "N°", "art": "Réf.", "desc": "Désignation", "qty": "Qté", "unit": "Unité",
        "price": "P.U. HT", "rate": "TVA", "total": "Montant HT", "on": "sur", "phone": "Tél.",
        "bank": "Coordonnées bancaires", "sep": " : ", "of": "du", "rate_head": "Taux",
        "gross_head": "TTC", "net_head": "Base HT", "vat_head": "TVA", "sum": "Total",
        "intro": "Veuillez trouver ci-dessous le détail de notre prestation :",
        "credit_intro": "Nous portons à votre crédit :",
        "due_text": "Date d'échéance : {due}. Pas d'escompte pour paiement anticipé.",
        "credit_due": "Ce montant sera porté au crédit de votre compte.",
        "skonto": ("Escompte de {pct} % pour paiement avant le {date} : {amount}.",),
        "contains": "Le total comprend {rate} % de TVA soit {vat} (HT {net}).",
        "transfer": "Règlement par virement : {bank}, IBAN {iban}, BIC {bic}.",
        "amounts_in": "Montants en EUR", "thanks": "Merci de votre confiance.",
        "ceo": "Gérant", "page": "Page 1 sur 1",
    },
    "nl": {
        "pos": "Nr.", "art": "Art.nr.", "desc": "Omschrijving", "qty": "Aantal", "unit": "Eenheid",
        "price": "Prijs", "rate": "BTW", "total": "Bedrag", "on": "over", "phone": "Tel.",
        "bank": "Bankgegevens", "sep": ": ", "of": "d.d.", "rate_head": "BTW-tarief",
        "gross_head": "Incl.", "net_head": "Excl.", "vat_head": "BTW", "sum": "Totaal",
        "intro": "Hierbij brengen wij u het volgende in rekening:",
        "credit_intro": "Wij crediteren u voor het volgende:",
        "due_text": "Gelieve te betalen voor {due}.",
        "credit_due": "Het bedrag wordt op uw rekening gestort.",
        "skonto": ("Bij betaling voor {date} {pct} % korting: {amount}.",),
        "contains": "Het totaal bevat {rate} % BTW ({vat}), excl. BTW {net}.",
        "transfer": "Gelieve over te maken naar {bank}, IBAN {iban}, BIC {bic}.",
        "amounts_in": "Bedragen in EUR", "thanks": "Bedankt voor uw opdracht!",
        "ceo": "Directeur", "page": "Pagina 1 van 1",
    },
}  # fmt: skip

_DETAILS: dict[Lang, tuple[str, ...]] = {
    "de": (
        "inkl. Anfahrt und Material",
        "gemäß Angebot Nr. A-{n}",
        "Lieferung frei Haus",
        "laut Aufmaß vor Ort",
    ),
    "en": ("including travel and material", "as per quotation Q-{n}", "delivered free to site"),
    "fr": ("selon devis n° D-{n}", "déplacement compris", "livraison incluse"),
    "nl": ("volgens offerte O-{n}", "inclusief voorrijkosten", "franco geleverd"),
}

# ---------------------------------------------------------------------------
# Parties and identifiers abroad

_FOREIGN: dict[str, dict[str, tuple]] = {
    "FR": {
        "suppliers": (
            "Boulangerie Lefèvre SARL", "Éditions Beaumont SA", "Atelier Mécanique Girard",
            "Nettoyage Dubois et Fils", "Pâtisserie Hélène Roux", "Menuiserie Château SAS",
        ),
        "customers": ("Mairie de Villeurbanne", "Hôtel du Parc SARL", "Librairie Mollat", "Cabinet Médical Léon"),
        "streets": ("rue de la République", "avenue Victor Hugo", "boulevard Saint-Michel", "rue des Écoles"),
        "cities": (("75011", "Paris"), ("69002", "Lyon"), ("13001", "Marseille"), ("67000", "Strasbourg")),
        "banks": ("3000400001", "3000300001", "3000200001", "1020700001"),
    },
    "NL": {
        "suppliers": (
            "Bakkerij De Vries B.V.", "Van den Berg Installatietechniek", "Drukkerij Jansen",
            "Koffiebranderij Visser", "Bouwbedrijf Bakker B.V.",
        ),
        "customers": ("Gemeente Utrecht", "Hotel De Gouden Leeuw", "Tandartspraktijk Smit", "Boekhandel Dekker"),
        "streets": ("Keizersgracht", "Dorpsstraat", "Stationsweg", "Kerkstraat", "Marktplein"),
        "cities": (("1012 AB", "Amsterdam"), ("3011 AD", "Rotterdam"), ("3511 LN", "Utrecht"), ("2511 CV", "Den Haag")),
        "banks": ("ABNA", "INGB", "RABO", "SNSB"),
    },
}  # fmt: skip

_FOREIGN_ITEMS: dict[Lang, dict[int, tuple[tuple[str, str, float, float, bool], ...]]] = {
    "fr": {
        20: (
            ("Prestation de conseil", "h", 80, 160, True),
            ("Maintenance informatique", "forfait", 120, 480, False),
            ("Fournitures de bureau", "pce", 2, 40, False),
            ("Frais de livraison", "forfait", 5, 39, False),
            ("Installation sur site", "h", 55, 95, True),
        ),
        10: (("Repas d'affaires", "couvert", 18, 45, False), ("Travaux de rénovation", "m²", 25, 80, False)),
    },
    "nl": {
        21: (
            ("Adviesdiensten", "uur", 80, 160, True),
            ("Onderhoud cv-ketel", "post", 120, 480, False),
            ("Kantoorartikelen", "st.", 2, 40, False),
            ("Verzendkosten", "post", 5, 39, False),
            ("Montage op locatie", "uur", 55, 95, True),
        ),
        9: (("Koffiebonen, 1 kg", "pak", 12, 28, False), ("Vakboek Belastingrecht", "st.", 29, 129, False)),
    },
}


def _foreign_vat_id(rng: random.Random, country: str) -> str:
    while True:
        if country == "FR":
            siren = str(rng.randint(10**8, 10**9 - 1))[:8]
            siren += luhn.calc_check_digit(siren)
            number = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
            if tva.is_valid(number):
                return number
        else:
            number = f"NL{rng.randint(10**8, 10**9 - 1)}B{rng.randint(1, 99):02d}"
            if btw.is_valid(number):
                return number


def _foreign_iban(rng: random.Random, country: str) -> IBAN:
    banks = _FOREIGN[country]["banks"]
    while True:
        bank = rng.choice(banks)
        digits = 10 if country == "NL" else 11
        account = str(rng.randint(10 ** (digits - 1), 10**digits - 1))
        try:
            iban = IBAN.generate(country, bank_code=bank, account_code=account)
            IBAN(str(iban), validate_bban=True)
        except ValueError:
            continue
        if iban.bic is not None:
            return iban


def _foreign_data(rng: random.Random, country: str, lang: Lang) -> InvoiceData:
    """Like invoice_gen's German invoice data, for a supplier and a customer in France or the Netherlands."""
    pool = _FOREIGN[country]

    def party(names: tuple[str, ...]) -> Party:
        plz, city = rng.choice(pool["cities"])
        street, no = rng.choice(pool["streets"]), rng.randint(1, 180)
        return Party(
            rng.choice(names), f"{no} {street}" if country == "FR" else f"{street} {no}", plz, city, country
        )

    base = _invoice_data(rng, "en")  # dates, numbers and the like; parties and identifiers replaced below
    supplier = party(pool["suppliers"])
    domain = supplier.name.split()[0].lower().replace("é", "e").replace("â", "a")
    return InvoiceData(
        **{
            **base.__dict__,
            "supplier": supplier,
            "customer": party(pool["customers"]),
            "email": f"{'facturation' if lang == 'fr' else 'factuur'}@{domain}.{country.lower()}",
            "vat_id": _foreign_vat_id(rng, country),
            "tax_no": "",
            "iban": _foreign_iban(rng, country),
            "vat_id_spaced": False,
            "phone": f"+{33 if country == 'FR' else 31} {rng.randint(1, 9)} {rng.randint(10**7, 10**8 - 1)}",
        }
    )


# ---------------------------------------------------------------------------
# Families

Sender = Literal["left", "right", "logo", "center"]
Info = Literal["lines", "label_column", "boxes", "table", "one_line", "stacked"]
Table = Literal["ruled", "none", "grid", "zebra"]
Totals = Literal[
    "right", "label_column", "boxed", "two_column", "in_table", "strip", "single_line", "rate_table"
]
Footer = Literal["cols", "centered", "text"]
Ids = Literal["both", "vat", "stnr", "either"]


@dataclass(frozen=True)
class Family:
    """One layout family: everything but the seeded content."""

    name: str
    lang: Lang
    sender: Sender
    info: Info
    info_right: bool
    table: Table
    columns: tuple[str, ...]
    totals: Totals
    footer: Footer
    numbers: tuple[NumberStyle, ...]
    currency: tuple[CurrencyStyle, ...]
    dates: tuple[DateStyle, ...]
    rates: tuple[tuple[int, ...], ...]
    ids: Ids = "either"
    country: Literal["DE", "FR", "NL"] = "DE"
    fonts: tuple[str, ...] = ("dejavu-sans", "liberation-sans")
    multiline: bool = False
    credit: bool = False
    skonto: bool = False
    prepaid: bool = False
    due_row: bool = False
    iban_grouped: float = 0.5
    size: float = 10.0
    # How many line items (least, most); None: 2-7 (2-5 with multi-line descriptions).
    item_count: tuple[int, int] | None = None


_STD = ("pos", "desc", "qty", "unit", "price", "total")
DRAWN: tuple[Family, ...] = (
    # -- tuning
    Family("kompakt", "de", "left", "lines", True, "ruled", _STD, "right", "cols", ("de",), ("sign_after",),
           ("dotted",), ((19, 7), (19,)), ids="both"),
    Family("briefkopf_rechts", "de", "logo", "table", False, "none", ("pos", "desc", "qty", "price", "rate", "total"),
           "boxed", "centered", ("de",), ("code_after", "sign_after"), ("dotted", "de_long"), ((19,), (19, 7)),
           fonts=("liberation-serif", "dejavu-serif")),
    Family("einzeiler", "de", "center", "one_line", False, "none", ("desc", "qty", "price", "total"), "single_line",
           "text", ("de",), ("sign_after", "code_after"), ("de_long", "dotted"), ((19,), (7,)), ids="stnr"),
    Family("gutschrift", "de", "left", "boxes", False, "grid", ("pos", "art", "desc", "qty", "price", "total"),
           "in_table", "cols", ("de",), ("sign_after",), ("dotted",), ((19,), (19, 7)), credit=True,
           fonts=("dejavu-sans-condensed", "liberation-sans")),
    Family("skonto", "de", "right", "label_column", False, "ruled", _STD, "right", "cols", ("de_space",),
           ("code_after",), ("dotted", "iso"), ((19,), (19, 7)), skonto=True, due_row=True),
    Family("english_boxed", "en", "left", "lines", True, "zebra", ("desc", "qty", "price", "rate", "total"), "boxed",
           "cols", ("en",), ("sign_before", "code_before"), ("en_us", "en_long"), ((19,), (19, 7)), ids="vat"),
    # -- never tuned (francais, iso_schlicht and sammelrechnung below moved to tuning; see TUNING)
    Family("francais", "fr", "left", "lines", True, "ruled", ("art", "desc", "qty", "price", "rate", "total"),
           "right", "cols", ("de_space",), ("sign_after",), ("fr_slash", "fr_long"), ((20,), (20, 10)), ids="vat",
           country="FR", due_row=True),
    Family("nederlands", "nl", "right", "stacked", False, "none", ("desc", "qty", "price", "rate", "total"),
           "label_column", "centered", ("de",), ("sign_before",), ("nl_dash", "nl_long"), ((21,), (21, 9)),
           ids="vat", country="NL", fonts=("liberation-sans", "dejavu-sans-condensed")),
    Family("anzahlung", "de", "left", "label_column", True, "ruled", _STD, "two_column", "cols", ("de",),
           ("sign_after", "code_after"), ("dotted",), ((19,),), prepaid=True),
    Family("steuerstreifen", "de", "logo", "boxes", False, "grid", ("pos", "desc", "qty", "unit", "price", "rate",
           "total"), "strip", "centered", ("de",), ("none",), ("dotted_short", "dotted"), ((19, 7),), ids="both"),
    Family("formular", "de", "right", "table", False, "zebra", _STD, "label_column", "cols", ("de",),
           ("sign_after",), ("de_long",), ((19,), (7,)), multiline=True, fonts=("dejavu-serif", "liberation-serif")),
    Family("credit_note_en", "en", "right", "stacked", False, "ruled", ("pos", "desc", "qty", "price", "total"),
           "right", "cols", ("en",), ("code_after",), ("en_long", "iso"), ((19,),), credit=True, ids="vat"),
    Family("iso_schlicht", "de", "left", "lines", False, "none", ("pos", "desc", "qty", "price", "total"),
           "in_table", "text", ("plain_comma",), ("code_before",), ("iso",), ((19,), (19, 7)), ids="stnr",
           multiline=True, fonts=("liberation-mono",), size=9.5, iban_grouped=0.0),
    Family("sammelrechnung", "de", "center", "label_column", True, "ruled", ("pos", "art", "desc", "qty", "price",
           "rate", "total"), "rate_table", "cols", ("de",), ("sign_after",), ("dotted",), ((19, 7),), ids="both",
           iban_grouped=1.0),
    Family("facture_grille", "fr", "logo", "boxes", False, "grid", ("pos", "art", "desc", "qty", "price", "rate",
           "total"), "boxed", "centered", ("de_space", "plain_comma"), ("sign_after", "code_after"),
           ("fr_slash", "fr_long"), ((20,), (20, 10)), ids="vat", country="FR",
           fonts=("liberation-serif", "dejavu-sans-condensed")),
    Family("zweispaltig", "de", "center", "stacked", False, "none", ("desc", "qty", "unit", "price", "total"),
           "two_column", "text", ("de_space",), ("code_before",), ("de_long",), ((7,), (19, 7)), ids="stnr",
           multiline=True, fonts=("liberation-serif", "dejavu-serif"), size=9.5),
    Family("grosshandel", "de", "right", "table", False, "zebra", ("pos", "art", "desc", "qty", "unit", "price",
           "total"), "label_column", "cols", ("de",), ("none", "code_after"), ("dotted", "dotted_short"), ((19, 7),),
           ids="both", size=9.0, item_count=(10, 16), fonts=("dejavu-sans-condensed", "liberation-sans")),
    Family("werkstatt", "de", "left", "one_line", True, "grid", ("pos", "desc", "qty", "unit", "price", "rate",
           "total"), "rate_table", "text", ("de",), ("code_before",), ("iso", "de_long"), ((7,), (19, 7)), ids="vat",
           fonts=("times", "helvetica"), skonto=True, due_row=True),
    Family("english_plain", "en", "center", "label_column", False, "none", ("desc", "qty", "price", "total"),
           "two_column", "centered", ("en",), ("code_after",), ("en_us", "iso"), ((19,), (19, 7)), ids="both",
           fonts=("times",), prepaid=True, size=10.5),
    Family("facture_artisan", "fr", "right", "label_column", True, "zebra", ("pos", "desc", "qty", "price",
           "total"), "right", "text", ("de_space", "de"), ("code_after",), ("fr_long", "fr_slash"), ((20,), (20, 10)),
           ids="vat", country="FR", fonts=("helvetica", "dejavu-serif"), due_row=True),
    Family("praxis", "de", "center", "table", False, "ruled", ("pos", "desc", "qty", "price", "rate", "total"),
           "boxed", "cols", ("de_space",), ("sign_before",), ("dotted_short", "de_long"), ((19,), (7,)), ids="stnr",
           fonts=("liberation-sans", "liberation-serif"), multiline=True, item_count=(3, 8)),
    Family("factuur_kompakt", "nl", "left", "lines", True, "zebra", ("art", "desc", "qty", "price", "total"),
           "boxed", "text", ("de",), ("sign_after",), ("nl_long", "nl_dash"), ((21,), (21, 9)), ids="vat",
           country="NL", fonts=("dejavu-serif", "liberation-sans"), size=9.5),
)  # fmt: skip
_DRAWN = {f.name: f for f in DRAWN}
# Each module of families designed apart: its families by name, and the function that draws one of them.
FAMILY_MODULES: tuple[tuple[Mapping[str, object], Callable[[str, int], Drawing]], ...] = (
    (MORE_FAMILIES, draw_more),
    (WORLD_FAMILIES, draw_world),
    (TRIP_FAMILIES, draw_trip),
    (LATE_FAMILIES, draw_late),
    (LAST_FAMILIES, draw_last),
    (FIRST_FAMILIES, draw_first),
    (EXTRA_FAMILIES, draw_extra),
    (FINAL_FAMILIES, draw_final),
    (CLOSING_FAMILIES, draw_closing),
    (ZEIT_FAMILIES, draw_zeit),
    (MEDIEN_FAMILIES, draw_medien),
    (BENE_FAMILIES, draw_bene),
    (RECHT_FAMILIES, draw_recht),
    (KARTE_FAMILIES, draw_karte),
    (METALL_FAMILIES, draw_metall),
    (FOTO_FAMILIES, draw_foto),
    (MESSE_FAMILIES, draw_messe),
    (DIENST_FAMILIES, draw_dienst),
    (DIGITAL_FAMILIES, draw_digital),
    (VERSAND_FAMILIES, draw_versand),
    (GETRAENK_FAMILIES, draw_getraenk),
    (REISE_FAMILIES, draw_reise),
    (BUERO_FAMILIES, draw_buero),
    (OBJEKT_FAMILIES, draw_objekt),
    (KANZLEI_FAMILIES, draw_kanzlei),
    (UMZUG_FAMILIES, draw_umzug),
    (NOTDIENST_FAMILIES, draw_notdienst),
    (HANDEL_FAMILIES, draw_handel),
    (MIETE_FAMILIES, draw_miete),
    (BAU_FAMILIES, draw_bau),
    (PERSON_FAMILIES, draw_person),
    (KUECHE_FAMILIES, draw_kueche),
    (LIEFERSCHEIN_FAMILIES, draw_lieferschein),
    (GRUEN_FAMILIES, draw_gruen),
    (FUHRPARK_FAMILIES, draw_fuhrpark),
    (STEMPEL_FAMILIES, draw_stempel),
    (DESIGN_FAMILIES, draw_design),
    (LABOR_FAMILIES, draw_labor),
)
assert set(_DRAWN) | set(LAYOUT_NAMES) | {n for families, _ in FAMILY_MODULES for n in families} == set(
    FAMILY_NAMES
)
assert len(FAMILY_NAMES) == len(set(FAMILY_NAMES))


def _items(rng: random.Random, fam: Family, rates: tuple[int, ...], count: int) -> list[LineItem]:
    catalog = _FOREIGN_ITEMS[fam.lang] if fam.lang in _FOREIGN_ITEMS else _ITEMS[fam.lang]
    chosen = [rates[i] if i < len(rates) else rng.choice(rates) for i in range(count)]
    rng.shuffle(chosen)
    items = []
    for rate in chosen:
        desc, unit, lo, hi, hourly = rng.choice(catalog[rate])
        if fam.multiline and rng.random() < 0.6:
            desc += "\n" + rng.choice(_DETAILS[fam.lang]).format(n=rng.randint(100, 9999))
        if hourly:
            qty = Decimal(rng.randint(1, 40)) / 2
        elif unit in ("pauschal", "flat", "forfait", "post"):
            qty = Decimal(1)
        else:
            qty = Decimal(rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 20, 25)))
        price = round_cent(Decimal(str(rng.uniform(lo, hi))))
        if fam.credit:
            price = -price
        art = f"{rng.choice('ABKMSZ')}-{rng.randint(1000, 99999)}"
        items.append(LineItem(desc, art, qty, unit, price, rate))
    return items


class _Drawer:
    """Draws one invoice of one drawn family on one A4 page."""

    LEFT = 56.0
    RIGHT = A4.width - 50.0
    WIDTHS: ClassVar[dict[str, int]] = {
        "pos": 28,
        "art": 60,
        "qty": 42,
        "unit": 50,
        "price": 78,
        "rate": 42,
        "total": 84,
    }

    def __init__(self, rng: random.Random, fam: Family, data: InvoiceData) -> None:
        self.rng, self.fam, self.data = rng, fam, data
        self.font = FAMILIES[rng.choice(fam.fonts)]
        self.p = Printer(rng.choice(fam.numbers), rng.choice(fam.currency), rng.choice(fam.dates))
        self.w = {key: rng.choice(options) for key, options in _WORDS[fam.lang].items()}
        self.f = _FIXED[fam.lang]
        if fam.credit:
            self.w |= {k: self.w[f"credit_{k}"] for k in ("title", "number", "date")}
        self.size = fam.size
        self.row_h = fam.size * 1.6
        self.doc = pymupdf.open()
        page = self.doc.new_page(width=A4.width, height=A4.height)
        self.c = Canvas(page, self.font)
        self.printed_tax: dict[str, str] = {}
        self.grouped = rng.random() < fam.iban_grouped
        self.paid_share = Decimal(rng.choice((20, 25, 30, 40, 50)))

    # -- parts ----------------------------------------------------------------
    def label(self, key: str) -> str:
        return self.w[key]

    def info_fields(self) -> list[tuple[str, str]]:
        d = self.data
        rows = [(self.w["number"], d.number), (self.w["date"], self.p.date(d.date))]
        if d.service_date:
            rows.append((self.w["service_date"], self.p.date(d.service_date)))
        if d.customer_no:
            rows.append((self.w["customer"], d.customer_no))
        return rows

    def tax_lines(self) -> list[str]:
        d, fam, sep = self.data, self.fam, self.f["sep"]
        ids = fam.ids
        if fam.country != "DE":
            ids = "vat"
        elif ids == "either":
            ids = self.rng.choice(("both", "vat", "stnr"))
        if ids == "stnr" and not d.tax_no:
            ids = "vat"
        lines = []
        if ids in ("both", "vat"):
            self.printed_tax["ust_id"] = d.vat_id
            lines.append(f"{self.w['vat_id']}{sep}{d.vat_id_printed}")
        if ids in ("both", "stnr") and d.tax_no:
            self.printed_tax["steuernummer"] = d.tax_no
            lines.append(f"{self.w['tax_no']}{sep}{d.tax_no}")
        return lines

    def bank_name(self) -> str:
        iban = self.data.iban
        return iban.bank_name if len(iban.bank_name) <= 40 else iban.bank_short_name

    def sender(self) -> float:
        c, d, s = self.c, self.data, self.data.supplier
        contact = f"{self.f['phone']} {d.phone} · {d.email}"
        L, R = self.LEFT, self.RIGHT
        style = self.fam.sender
        if style == "left":
            c.fit_text(L, 60, s.name, 16, 320, bold=True)
            c.text(L, 76, f"{s.street} · {s.city_line}", 9)
            c.text(L, 88, contact, 8.5)
            return 104
        if style == "right":
            c.fit_text(R, 60, s.name, 15, 300, bold=True, align="right")
            for i, line in enumerate((s.street, s.city_line, contact)):
                c.text(R, 75 + 12 * i, line, 9, align="right")
            return 112
        if style == "logo":
            initials = "".join(w[0] for w in s.name.split()[:2]).upper()
            c.box(L, 38, L + 54, 88, fill=(0.2, 0.3, 0.5), stroke=None)
            c.text(L + 27, 71, initials, 20, bold=True, align="center", colour=(1, 1, 1))
            c.fit_text(L + 66, 56, s.name, 15, 300, bold=True)
            c.text(L + 66, 71, f"{s.street}, {s.city_line}", 9)
            c.text(L + 66, 83, contact, 8.5)
            return 104
        mid = c.width / 2
        c.fit_text(mid, 58, s.name, 17, R - L, bold=True, align="center")
        c.text(mid, 74, f"{s.street} · {s.city_line} · {contact}", 8.5, align="center")
        c.line(L, 82, R, 82, width=0.8)
        return 98

    def address(self, top: float) -> float:
        c, s, r = self.c, self.data.supplier, self.data.customer
        y = max(top, 140)
        c.text(self.LEFT, y, f"{s.name} · {s.street} · {s.city_line}", 7)
        y += 18
        for line in (r.name, r.contact if self.fam.country == "DE" else "", r.street, r.city_line):
            if line:
                c.text(self.LEFT, y, line, self.size + 0.5)
                y += (self.size + 0.5) * 1.3
        return y

    def info(self, top: float) -> float:
        """Title and info block (invoice number, date...); returns the y where the items start."""
        c, fam, size, sep = self.c, self.fam, self.size, self.f["sep"]
        fields = self.info_fields()
        L, R = self.LEFT, self.RIGHT
        if fam.info in ("lines", "label_column", "stacked") and fam.info_right:
            y = self._info_block(fields, R - 240, 150.0)
            y = max(y, self.address(top)) + 20
            c.text(L, y, self.w["title"], 15, bold=True)
            return y + 12
        y = self.address(top) + 24
        if fam.info in ("lines", "label_column", "stacked"):
            c.text(L, y, self.w["title"], 15, bold=True)
            return self._info_block(fields, L, y + 22) + 4
        if fam.info == "one_line":
            number, date = fields[0][1], fields[1][1]
            c.text(L, y, f"{self.w['title']} Nr. {number} {self.f['of']} {date}", 14, bold=True)
            y += 18
            if len(fields) > 2:
                c.text(L, y, "   ".join(f"{k}{sep}{v}" for k, v in fields[2:]), size - 1)
                y += size * 1.5
            return y + 4
        c.text(L, y, self.w["title"], 15, bold=True)
        y += 14
        width = (R - L) / max(4, len(fields))
        if fam.info == "boxes":  # a form: small label on top of each box, value below it
            for i, (label, value) in enumerate(fields):
                x = L + i * width
                c.box(x, y, x + width - 6, y + 30, width=0.5)
                c.text(x + 4, y + 9, label, 7, colour=(0.35, 0.35, 0.35))
                c.fit_text(x + 4, y + 24, value, size, width - 14, bold=True)
            return y + 42
        # table: a header row of labels, the values in the row below
        c.box(L, y, R, y + 15, fill=(0.9, 0.9, 0.9), width=0.5)
        c.box(L, y + 15, R, y + 32, width=0.5)
        for i, (label, value) in enumerate(fields):
            x = L + i * width
            if i:
                c.line(x, y, x, y + 32, width=0.5)
            c.fit_text(x + 4, y + 11, label, size - 1.5, width - 8, bold=True)
            c.fit_text(x + 4, y + 28, value, size, width - 8)
        return y + 44

    def _info_block(self, fields: list[tuple[str, str]], x: float, y: float) -> float:
        c, size, sep, style = self.c, self.size, self.f["sep"], self.fam.info
        for label, value in fields:
            if style == "lines":  # label: value, values aligned in a column
                c.text(x, y, f"{label}{sep.rstrip()}", size)
                c.text(x + 118, y, value, size, bold=label == self.w["number"])
                y += size * 1.5
            elif style == "label_column":  # labels right-aligned against the values
                c.text(x + 112, y, f"{label}{sep.rstrip()}", size, align="right")
                c.text(x + 118, y, value, size)
                y += size * 1.5
            else:  # stacked: a small label, its value on the line below
                c.text(x, y, label, 7.5, colour=(0.35, 0.35, 0.35))
                c.text(x, y + size + 1, value, size, bold=True)
                y += size * 2.6
        return y

    # -- items ----------------------------------------------------------------
    def columns(self) -> tuple[list[tuple[str, float, str]], float]:
        """(key, x, align) per column (x the left or right edge) and the description's width."""
        x = self.LEFT + 4
        cols: list[tuple[str, float, str]] = []
        keys = self.fam.columns
        split = keys.index("desc")
        for key in keys[:split]:
            cols.append((key, x, "left"))
            x += self.WIDTHS[key]
        cols.append(("desc", x, "left"))
        right = self.RIGHT - 4
        tail = []
        for key in reversed(keys[split + 1 :]):
            if key == "unit":
                tail.append((key, right - self.WIDTHS[key] + 8, "left"))
            else:
                tail.append((key, right, "right"))
            right -= self.WIDTHS[key]
        return cols + tail[::-1], right - x - 6

    def header_text(self, key: str) -> str:
        if key == "total" and self.p.currency in ("sign_after", "sign_before"):
            return f"{self.f['total']} €"
        if key == "total" and self.p.currency != "none":
            return f"{self.f['total']} EUR"
        return self.f[key]

    def table(self, y: float, items: list[LineItem]) -> float:
        c, style, size = self.c, self.fam.table, self.size
        L, R = self.LEFT, self.RIGHT
        h = self.row_h * 1.3
        if style in ("zebra", "grid"):
            c.box(
                L,
                y,
                R,
                y + h,
                fill=(0.85, 0.87, 0.9),
                stroke=None if style == "zebra" else (0, 0, 0),
                width=0.5,
            )
        cols, desc_w = self.columns()
        for key, x, align in cols:
            c.text(x, y + h - size * 0.55, self.header_text(key), size - 0.5, bold=True, align=align)
        if style == "ruled":
            c.line(L, y + h, R, y + h, width=0.8)
        y += h
        for n, item in enumerate(items, 1):
            lines = item.description.split("\n")
            row_h = self.row_h + (len(lines) - 1) * size * 1.2
            if style == "zebra" and n % 2 == 0:
                c.box(L, y, R, y + row_h, fill=(0.95, 0.96, 0.98), stroke=None)
            base = y + self.row_h - size * 0.5
            cells = {
                "pos": str(n),
                "art": item.article,
                "qty": self.p.quantity(item.quantity),
                "unit": item.unit,
                "price": self.p.number(item.unit_price),
                "rate": f"{item.rate} %",
                "total": self.p.number(item.total),
            }
            for key, x, align in cols:
                if key == "desc":
                    for i, line in enumerate(lines):
                        c.fit_text(x, base + i * size * 1.2, line, size - (i > 0), desc_w)
                else:
                    c.fit_text(x, base, cells[key], size, self.WIDTHS[key] - 4, align=align)
            if style == "grid":
                c.box(L, y, R, y + row_h, width=0.4)
            y += row_h
        if style == "ruled":
            c.line(L, y + 2, R, y + 2, width=0.6)
        return y + 4

    # -- totals ---------------------------------------------------------------
    def totals_rows(self, vat_lines: list[VatLine], short: bool = False) -> list[tuple[str, str, bool]]:
        p, w = self.p, self.w
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        rows = [(w["net"], p.amount(net), False)]
        for v in vat_lines:
            label = f"{w['vat']} {v.rate} %"
            if len(vat_lines) > 1 and not short:
                label += f" {self.f['on']} {p.number(v.base)}"
            rows.append((label, p.amount(v.amount), False))
        if len(vat_lines) > 1:
            rows.append((w["vat_sum"], p.amount(vat), False))
        rows.append((w["total"], p.amount(net + vat), True))
        if self.fam.prepaid:
            paid = self.prepaid(net + vat)
            label = w["prepaid"].format(date=p.date(self.data.date - dt.timedelta(days=30)))
            rows.append((label, p.amount(-paid), False))
            rows.append((w["due"], p.amount(net + vat - paid), True))
        elif self.fam.due_row:
            rows.append((w["due"], p.amount(net + vat), True))
        return rows

    def prepaid(self, gross: Decimal) -> Decimal:
        return round_cent(gross * self.paid_share / 100)

    def totals(self, y: float, vat_lines: list[VatLine], cols: list[tuple[str, float, str]]) -> float:
        c, style, size = self.c, self.fam.totals, self.size
        L, R = self.LEFT, self.RIGHT
        step = size * 1.6
        if style in ("right", "label_column", "boxed", "in_table"):
            rows = self.totals_rows(vat_lines)
            if style == "in_table":  # the table's last rows: labels against the amount column
                total_x = next(x for key, x, _ in cols if key == "total")
                x_label, label_align = total_x - self.WIDTHS["total"] - 6, "right"
                value_x = total_x
            else:
                x_label = R - 250 if style != "label_column" else R - 100
                label_align = "left" if style != "label_column" else "right"
                value_x = R - 4
                y += 8
            if style == "boxed":
                c.box(x_label - 8, y, R, y + step * len(rows) + 6, width=0.7)
                c.box(x_label - 8, y + step * (len(rows) - 1) + 2, R, y + step * len(rows) + 6,
                      fill=(0.9, 0.9, 0.9), stroke=None)  # fmt: skip
            for label, value, bold in rows:
                y += step
                c.text(x_label, y, label, size, bold=bold, align=label_align)
                c.text(value_x, y, value, size, bold=bold, align="right")
            if style in ("right", "in_table"):
                c.line(x_label - (200 if style == "in_table" else 0), y + 4, R, y + 4, width=0.7)
            return y + 16
        if style == "two_column":  # net and VAT on the left, totals and payments on the right
            rows = self.totals_rows(vat_lines)
            split = 1 + len(vat_lines) + (len(vat_lines) > 1)
            y += 8
            bottom = y
            for rows_col, x0, x1 in ((rows[:split], L, L + 220), (rows[split:], R - 230, R)):
                yy = y
                for label, value, bold in rows_col:
                    yy += step
                    c.text(x0, yy, label, size, bold=bold)
                    c.text(x1 - 4, yy, value, size, bold=bold, align="right")
                bottom = max(bottom, yy)
            return bottom + 16
        if style == "strip":  # labels in one row, each value below its label
            rows = self.totals_rows(vat_lines, short=True)
            width = (R - L) / len(rows)
            y += 10
            c.box(L, y, R, y + 34, width=0.6)
            for i, (label, value, bold) in enumerate(rows):
                x = L + (i + 1) * width - 6
                c.fit_text(x, y + 12, label, size - 1.5, width - 10, align="right", colour=(0.3, 0.3, 0.3))
                c.fit_text(x, y + 28, value, size, width - 10, bold=bold, align="right")
            return y + 48
        if style == "single_line":
            (v,) = vat_lines
            p = self.p
            y += 22
            c.text(
                L, y, f"{self.w['total']}{self.f['sep']}{p.amount(v.base + v.amount)}", size + 2, bold=True
            )
            y += size * 1.6
            text = self.f["contains"].format(rate=v.rate, vat=p.amount(v.amount), net=p.amount(v.base))
            return c.paragraph(L, y, text, R - L, size) + 4
        # rate_table: one row per rate (rate, net, VAT, gross), then the sums
        p, f = self.p, self.f
        heads = (f["rate_head"], f["net_head"], f["vat_head"], f["gross_head"])
        xs = (L + 120, R - 190, R - 100, R - 4)
        y += 8
        c.line(L + 60, y + 3, R, y + 3, width=0.6)
        for head, x in zip(heads, xs, strict=True):
            c.text(x, y, head, size - 0.5, bold=True, align="right")
        net = sum((v.base for v in vat_lines), Decimal(0))
        vat = sum((v.amount for v in vat_lines), Decimal(0))
        body = [(f"{v.rate} %", v.base, v.amount) for v in vat_lines]
        for label, base, amount in body:
            y += step
            for text, x in zip(
                (label, p.number(base), p.number(amount), p.number(base + amount)), xs, strict=True
            ):
                c.text(x, y, text, size, align="right")
        y += step
        c.line(L + 60, y - step + 4, R, y - step + 4, width=0.6)
        for text, x in zip((f["sum"], p.amount(net), p.amount(vat), p.amount(net + vat)), xs, strict=True):
            c.text(x, y, text, size, bold=True, align="right")
        return y + 16

    # -- closing and footer ---------------------------------------------------
    def closing(self, y: float, gross: Decimal) -> float:
        c, f, p, d = self.c, self.f, self.p, self.data
        width = self.RIGHT - self.LEFT
        y += self.size * 0.6
        if self.fam.credit:
            texts = [f["credit_due"]]
        elif self.fam.skonto:
            pct = self.rng.choice((2, 3))
            days = self.rng.choice((7, 10))
            discounted = gross - round_cent(gross * pct / 100)
            template = self.rng.choice(f["skonto"])
            texts = [
                template.format(
                    date=p.date(d.date + dt.timedelta(days=days)),
                    pct=pct,
                    amount=p.amount(discounted),
                    days=days,
                    due=p.date(d.due_date),
                )
            ]
        else:
            texts = [f["due_text"].format(due=p.date(d.due_date))]
        if self.fam.footer == "text":
            texts.append(
                f["transfer"].format(
                    bank=self.bank_name(), iban=d.iban_printed_as(self.grouped), bic=d.iban.bic
                )
            )
        if self.p.currency == "none":
            texts.append(f["amounts_in"])
        texts.append(f["thanks"])
        iban = d.iban_printed_as(self.grouped)
        for text in texts:
            # wrapped as if the IBAN had no spaces, so that no line break falls inside it
            for line in c.wrap(text.replace(iban, d.iban.compact), width, self.size):
                c.text(self.LEFT, y, line.replace(d.iban.compact, iban), self.size)
                y += self.size * 1.35
            y += 2
        return y

    def footer_top(self) -> float:
        return A4.height - {"cols": 84, "centered": 64, "text": 54}[self.fam.footer]

    def footer(self) -> None:
        c, d, s, f = self.c, self.data, self.data.supplier, self.f
        top = self.footer_top()
        L, R = self.LEFT, self.RIGHT
        fs = 7.5
        c.line(L, top, R, top, width=0.4, colour=(0.4, 0.4, 0.4))
        bank = [
            self.bank_name(),
            f"IBAN{f['sep']}{d.iban_printed_as(self.grouped)}",
            f"BIC{f['sep']}{d.iban.bic}",
        ]
        if self.fam.footer == "cols":
            width = (R - L) / 3
            cols = (
                [s.name, s.street, s.city_line, f"{f['ceo']}: {d.ceo}"],
                [f"{f['phone']} {d.phone}", d.email, *self.tax_lines()],
                [f["bank"] + ":", *bank],
            )
            for i, lines in enumerate(cols):
                for j, line in enumerate(lines):
                    c.fit_text(L + i * width, top + 12 + j * fs * 1.35, line, fs, width - 6)
            return
        lines = [f"{s.name} · {s.street} · {s.city_line} · {f['ceo']}: {d.ceo}", " · ".join(self.tax_lines())]
        if self.fam.footer == "centered":
            lines.append(" · ".join(bank))
        for j, line in enumerate(lines):
            c.fit_text(c.width / 2, top + 12 + j * fs * 1.4, line, fs, R - L, align="center")

    # -- the document -----------------------------------------------------------
    def render(self) -> tuple[bytes, list[LineItem], list[VatLine]]:
        fam, rng = self.fam, self.rng
        rates = rng.choice(fam.rates)
        low, high = fam.item_count or (2, 5 if fam.multiline else 7)
        count = rng.randint(max(low, len(rates)), high)
        items = _items(rng, fam, rates, count)
        vat_lines = vat_breakdown(items)
        top = self.sender()
        y = self.info(top)
        if fam.info != "one_line" and rng.random() < 0.5:
            intro = self.f["credit_intro" if fam.credit else "intro"]
            y = self.c.paragraph(self.LEFT, y + 4, intro, self.RIGHT - self.LEFT, self.size) - 4
        y = self.table(y + 4, items)
        y = self.totals(y, vat_lines, self.columns()[0])
        gross = sum((v.base + v.amount for v in vat_lines), Decimal(0))
        y = self.closing(y, gross)
        self.footer()
        if rng.random() < 0.4:
            self.c.text(self.RIGHT, self.footer_top() - 8, self.f["page"], 8, align="right")
        assert y < self.footer_top() - 4, f"{fam.name}: page overflow"
        title = f"{self.w['title']} {self.data.number}"
        return finish(self.doc, title=title, author=self.data.supplier.name), items, vat_lines


def generate_family(name: str, seed: int) -> SyntheticInvoice:
    """One invoice of family `name`, deterministic for `seed`."""
    if name in LAYOUT_NAMES:
        return generate_invoice(seed, layout=name)
    for families, draw in FAMILY_MODULES:
        if name in families:
            return _invoice(name, seed, draw(name, seed))
    if name not in _DRAWN:
        raise ValueError(f"unknown family {name!r}; known: {', '.join(FAMILY_NAMES)}")
    fam = _DRAWN[name]
    rng = random.Random(f"{name}-{seed}")
    if fam.country == "DE":
        data = _invoice_data(rng, "en" if fam.lang == "en" else "de")
    else:
        data = _foreign_data(rng, fam.country, fam.lang)
    drawer = _Drawer(rng, fam, data)
    pdf, items, vat_lines = drawer.render()
    iban = data.iban_printed_as(drawer.grouped)
    return _invoice(name, seed, Drawing(data, pdf, items, vat_lines, drawer.p, drawer.printed_tax, iban))


def _invoice(name: str, seed: int, drawing: Drawing) -> SyntheticInvoice:
    return SyntheticInvoice(
        seed=seed,
        layout=name,
        pdf=drawing.pdf,
        truth=drawing.truth(),
        items=tuple(drawing.items),
        vat_lines=tuple(drawing.vat_lines),
        date_format=drawing.printer.dates,
        money_format=f"{drawing.printer.numbers}/{drawing.printer.currency}",
    )


def family_seeds(name: str, n: int) -> list[int]:
    """The first `n` seeds of a family's corpus: distinct and fixed for the family name."""
    return distinct_seeds(f"ocrmesh-family-{name}", n)


def split_of(name: str) -> str:
    """'tuning' or 'never_tuned'."""
    return next(split for split, names in SPLIT.items() if name in names)
