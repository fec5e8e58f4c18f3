"""Drift rules (family ``drift``)."""

from __future__ import annotations

RULES: list = []
