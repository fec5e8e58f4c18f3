"""Output formats behind one interface, found through the ``docqa.reporters`` entry-point group."""

from __future__ import annotations

from importlib.metadata import entry_points

from .base import Reporter, RunReport

ENTRY_POINT_GROUP = "docqa.reporters"


def available() -> dict[str, object]:
    """Format name -> entry point (not loaded: loading happens only for the chosen format)."""
    return {ep.name: ep for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)}


def get_reporter(name: str) -> type[Reporter]:
    eps = available()
    if name not in eps:
        raise KeyError(f"unknown output format {name!r} (available: {', '.join(eps)})")
    cls = eps[name].load()
    if not (isinstance(cls, type) and issubclass(cls, Reporter)):
        raise TypeError(f"reporter entry point {name!r} does not load a docqa Reporter class")
    return cls


__all__ = ["Reporter", "RunReport", "available", "get_reporter"]
