"""Casing rules (family ``casing``)."""

from __future__ import annotations

RULES: list = []
