"""A document's result in the forms people keep: Markdown, plain text, a searchable PDF."""
