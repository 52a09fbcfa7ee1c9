"""Test and benchmark data the repo makes itself.

- `degrade`: office-scanner degradation of page images and image-only PDFs.
- `umlaut_page`: born-digital pages that exercise German umlauts and page order.
- `invoice_gen`: synthetic German invoices in many layouts with ground truth
  in the format of `datasets/zugferd-awv/*.truth.json`.
"""
