"""Declarative YAML rule packs (loaded through the ``docqa.rules`` entry point ``packs``)."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable


def load_packs(paths: Iterable[str | Path]) -> list:
    """Rule classes declared by the YAML packs at ``paths`` (files or directories)."""
    return []


def builtin_rules() -> list:
    """Rule classes from the built-in packs shipped with docqa."""
    return []
