"""Provenance rules (family ``provenance``)."""

from __future__ import annotations

RULES: list = []
