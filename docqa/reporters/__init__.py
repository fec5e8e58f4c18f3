"""Output formats behind one interface, found through the ``docqa.reporters`` entry-point group."""

from __future__ import annotations

from importlib import import_module

from .base import Reporter, RunReport

ENTRY_POINT_GROUP = "docqa.reporters"

#: docqa's own formats, registered as entry points like any plugin's (``pyproject.toml``) and
#: loaded from here directly: scanning the installed distributions costs more (~40 ms with
#: importing ``importlib.metadata``) than a run served from the cache spends on everything else.
BUILTIN = {
    "text": "docqa.reporters.text:TextReporter",
    "json": "docqa.reporters.json:JsonReporter",
    "sarif": "docqa.reporters.sarif:SarifReporter",
    "github": "docqa.reporters.github:GithubReporter",
    "rdjson": "docqa.reporters.rdjson:RdjsonReporter",
    "junit": "docqa.reporters.junit:JunitReporter",
}


def available() -> dict[str, object]:
    """Format name -> entry point (not loaded: loading happens only for the chosen format)."""
    from importlib.metadata import entry_points

    return {ep.name: ep for ep in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name)}


def get_reporter(name: str) -> type[Reporter]:
    if name in BUILTIN:
        module, _, attr = BUILTIN[name].partition(":")
        cls = getattr(import_module(module), attr)
    else:
        eps = available()
        if name not in eps:
            raise KeyError(f"unknown output format {name!r} (available: {', '.join(eps)})")
        cls = eps[name].load()
    if not (isinstance(cls, type) and issubclass(cls, Reporter)):
        raise TypeError(f"reporter entry point {name!r} does not load a docqa Reporter class")
    return cls


__all__ = ["BUILTIN", "Reporter", "RunReport", "available", "get_reporter"]
