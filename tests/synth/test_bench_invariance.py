"""The invariance benchmark's scanner and tally (no OCR here: the benchmark itself runs it)."""

from __future__ import annotations

from benchmarks.bench_fields import SCAN_DPI, Doc, Scanner
from benchmarks.bench_invariance import SCANNER, Tally
from benchmarks.synth.degrade import MAX_ROTATION_DEG


def test_office_scanner_skews_every_sheet_noticeably_and_deterministically():
    assert SCANNER.dpi == 300 and SCANNER.min_skew >= 0.5
    angles = [SCANNER.skew(seed) for seed in range(200)]
    assert all(a is not None and SCANNER.min_skew <= abs(a) <= MAX_ROTATION_DEG for a in angles)
    assert any(a < 0 for a in angles) and any(a > 0 for a in angles)  # type: ignore[operator]
    assert angles == [SCANNER.skew(seed) for seed in range(200)]
    assert Scanner().skew(1) is None  # the default leaves the angle to degrade's own seeded draw


def test_scanner_cache_keys_differ_by_scan_and_keep_the_old_default():
    doc = Doc("x", b"%PDF-1.7 test", {}, 7)
    assert Scanner().key(doc) == doc.pdf + f"|7|{SCAN_DPI}".encode()  # OCR caches of bench_fields stay valid
    assert len({Scanner().key(doc), SCANNER.key(doc), Scanner(dpi=300).key(doc)}) == 3


def test_tally_counts_accuracy_per_path_and_agreement():
    truth = {
        "rechnungsnummer": "R-1",
        "betrag_brutto": 119.0,
        "iban": "DE02 1203 0000 0000 2020 51",
        "pages": 1,
    }
    tally = Tally()
    odd = tally.add(
        truth,
        text={"rechnungsnummer": "R-1", "betrag_brutto": "119.00", "iban": "DE02120300000000202051"},
        scan={"rechnungsnummer": "R-7", "betrag_brutto": "119"},
    )
    assert tally.docs == 1 and set(tally.total) == {"rechnungsnummer", "betrag_brutto", "iban"}
    assert (tally.text["rechnungsnummer"], tally.scan["rechnungsnummer"], tally.agree["rechnungsnummer"]) == (
        1,
        0,
        0,
    )
    assert (tally.text["betrag_brutto"], tally.scan["betrag_brutto"], tally.agree["betrag_brutto"]) == (
        1,
        1,
        1,
    )
    assert (tally.text["iban"], tally.scan["iban"], tally.both["iban"]) == (1, 0, 0)
    assert {key for key, *_ in odd} == {"rechnungsnummer", "iban"}
    tally.add({"datum": "2026-12-04"}, text={}, scan={})  # both missing: the same answer, neither right
    assert (tally.text["datum"], tally.scan["datum"], tally.agree["datum"], tally.both["datum"]) == (
        0,
        0,
        1,
        0,
    )
    assert tally.sums() == (4, 3, 1, 2, 1)


def test_each_section_run_writes_its_own_section_after_the_main_one(tmp_path):
    """`--section NAME` writes `invariance-NAME` right after the `invariance` section, and rerunning one
    replaces only that one (a before and an after run side by side)."""
    from bench_service.sections import update_section

    doc = tmp_path / "BENCHMARKS.md"
    update_section(doc, "invariance", "after 1")
    update_section(doc, "other", "other bench")
    update_section(doc, "invariance-before", "before 1", after="invariance")
    update_section(doc, "invariance", "after 2", after="invariance")
    text = doc.read_text(encoding="utf-8")
    assert text.index("after 2") < text.index("before 1") < text.index("other bench")
    assert "after 1" not in text and text.count("<!-- bench:invariance-before:start -->") == 1
