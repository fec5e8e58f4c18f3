"""Grammar rules (family ``grammar``)."""

from __future__ import annotations

RULES: list = []
