"""The one error type of document intake: a message a person understands."""

from __future__ import annotations


class IntakeError(ValueError):
    """The document cannot be read. Maps to INVALID_ARGUMENT (gRPC) / 422 (REST)."""


class UnsupportedTypeError(IntakeError):
    """The bytes are not a document type we read. Maps to INVALID_ARGUMENT / 415."""
