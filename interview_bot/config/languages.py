"""The languages the shipped templates are written in (no imports: the core reads it cheaply)."""

from __future__ import annotations

# English first: the default of `languages`, and the fallback of a process in another language.
SHIPPED_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")

__all__ = ["SHIPPED_LANGUAGES"]
