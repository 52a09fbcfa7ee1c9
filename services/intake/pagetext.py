"""How a document's text joins its pages: one form feed between pages.

Every layer that joins or splits page texts (the scaffold's document result, the
document-type classifier, the invoice pipeline, the router's text layer) uses this.
"""

from __future__ import annotations

PAGE_SEPARATOR = "\f"
