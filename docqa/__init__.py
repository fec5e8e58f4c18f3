"""docqa: a document-quality and provenance linter for prose."""

__version__ = "0.1.0"
