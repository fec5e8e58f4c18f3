"""Boilerplate rules (family ``boilerplate``)."""

from __future__ import annotations

RULES: list = []
