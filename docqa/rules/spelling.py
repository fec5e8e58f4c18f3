"""Spelling rules (family ``spelling``)."""

from __future__ import annotations

RULES: list = []
