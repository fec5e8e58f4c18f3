"""Structure rules (family ``structure``)."""

from __future__ import annotations

RULES: list = []
