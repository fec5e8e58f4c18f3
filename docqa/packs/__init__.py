"""Declarative YAML rule packs (loaded through the ``docqa.rules`` entry point ``packs``).

A pack file holds one rule, or a mapping with a ``rules`` list. Each rule has a ``kind``
(existence, substitution, occurrence, capitalization, readability), its identity (code, name,
family, severity), a message template, a scope and ``examples``. Packs are validated against
``docqa/schemas/pack.schema.json`` when loaded; anything wrong raises :class:`PackError` naming
the file, the line and the JSON path. The format is documented in ``rules/README.md``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Iterable

PACK_SUFFIXES = (".yaml", ".yml")


class PackError(Exception):
    """A rule pack is unreadable or invalid. The message names file, line and JSON path."""

    def __init__(self, message: str, problems: list | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def pack_files(paths: Iterable[str | Path]) -> list[Path]:
    """The YAML files named by ``paths`` (files, or directories searched non-recursively), sorted."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in PACK_SUFFIXES and f.is_file()))
        elif p.is_file():
            out.append(p)
        else:
            raise PackError(f"{p}: rule pack not found (expected a YAML file or a directory of them)")
    return out


def _collect(files: list[Path], known_codes: dict[str, str] | None = None) -> tuple[list[type], list]:
    """Build rule classes from ``files``; return them and every problem found (all files, all rules)."""
    from .kinds import SpecError, build_rule
    from .loader import Problem, read_pack

    classes: list[type] = []
    problems: list[Problem] = []
    seen: dict[str, str] = dict(known_codes or {})
    seen_names: dict[str, str] = {}
    for f in files:
        raws, found = read_pack(f)
        problems.extend(found)
        for raw in raws:
            try:
                cls = build_rule(raw)
            except SpecError as exc:
                problems.append(Problem(raw.path, raw.line_of(*exc.key), _join(raw.pointer, exc.key), str(exc)))
                continue
            where = cls.source
            for key, table, value in (("code", seen, cls.code), ("name", seen_names, cls.name)):
                if value in table:
                    problems.append(Problem(raw.path, raw.line_of(key), _join(raw.pointer, (key,)),
                                            f"{key} {value} is already used by {table[value]}"))
                    break
            else:
                seen[cls.code] = where
                seen_names[cls.name] = where
                classes.append(cls)
    return classes, problems


def _join(base: str, key: tuple) -> str:
    from .loader import LineMap, pointer

    return pointer([*LineMap.parts(base), *key])


def load_packs(paths: Iterable[str | Path]) -> list:
    """Rule classes declared by the YAML packs at ``paths`` (files or directories).

    Raises :class:`PackError` for the first problem (its ``problems`` attribute lists all of them).
    """
    classes, problems = _collect(pack_files(paths))
    if problems:
        more = f" (and {len(problems) - 1} more problem(s); run 'docqa validate')" if len(problems) > 1 else ""
        raise PackError(str(problems[0]) + more, problems)
    return classes


def builtin_pack_dir() -> Path:
    """Where the built-in packs are: inside the installed package, else ``<repo>/rules`` (editable)."""
    try:
        shipped = resources.files("docqa").joinpath("_builtin_packs")
        if shipped.is_dir():
            return Path(str(shipped))
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent.parent / "rules"


@lru_cache(maxsize=1)
def _builtin() -> tuple[type, ...]:
    directory = builtin_pack_dir()
    return tuple(load_packs([directory])) if directory.is_dir() else ()


def builtin_rules() -> list:
    """Rule classes from the built-in packs shipped with docqa (the same classes on every call)."""
    return list(_builtin())


def validate_paths(paths: Iterable[str | Path] = ()) -> list[str]:
    """Check packs for ``docqa validate``: every problem as ``file:line: $.path: message``.

    With no paths, the built-in packs are checked. User packs are also checked against the codes
    and names of the built-in packs, since both load into one registry.
    """
    paths = list(paths)
    try:
        files = pack_files(paths or [builtin_pack_dir()])
    except PackError as exc:
        return [str(exc)]
    known: dict[str, str] = {}
    if paths:
        try:
            known = {c.code: f"built-in rule {c.name}" for c in builtin_rules()}
        except PackError as exc:
            return [f"built-in packs: {exc}"]
    _, problems = _collect(files, known)
    return [str(p) for p in problems]
