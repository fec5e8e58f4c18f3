"""Readability rules (family ``readability``)."""

from __future__ import annotations

RULES: list = []
