"""Compiled regular expressions kept between processes.

docqa's rules compile about two hundred regular expressions when they are imported. CPython's
``re`` parses and compiles a pattern in Python code (``re._parser`` and ``re._compiler``), which
costs ~0.1 s of every run: half of what linting one small file takes, paid again by every
pre-commit hook call. What that work produces is small and plain: the pattern's final flags, its
program (a list of integers), its group count and group names, which ``_sre.compile`` turns into
the same ``re.Pattern`` in microseconds.

:func:`compile` is ``re.compile`` with those products kept in one file in docqa's cache
directory (marshal, with a digest: see :mod:`docqa.wordstats`), named after the interpreter and
its regular-expression engine (``sys.implementation.cache_tag`` and ``_sre.MAGIC``), so another
Python never reads them. A pattern rebuilt from the file compares equal to ``re.compile``'s
(``Pattern.__eq__`` compares the pattern, the flags and the whole program; the tests check every
pattern docqa compiles). New patterns are written back once, when the process exits. Anything
unexpected (another Python implementation, a changed private API, a damaged or foreign file)
falls back to ``re.compile``: the file only ever costs or saves time.
"""

from __future__ import annotations

import atexit
import re
import sys

try:  # CPython's engine and its pattern compiler (private, so everything here has a fallback)
    import _sre
    from re import _compiler, _parser

    _NAME = f"regex-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"
except (ImportError, AttributeError):  # pragma: no cover - not CPython
    _sre = None
    _NAME = ""

#: Past this many patterns the file keeps only those the last process used (patterns built from
#: configs, packs or older docqa versions would otherwise pile up).
MAX_STORED = 4000

_stored: dict | None = None  # (pattern, flags) -> program, loaded on first use
_directory = None  # where it was loaded from, and is written back to
_used: dict = {}  # what this process compiled or loaded, for the write-back
_dirty = False
_enabled = _sre is not None


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` for a ``str`` pattern, with the compiled program kept in
    the cache directory between processes."""
    global _dirty
    flags = int(flags)
    if not _enabled or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)
    key = (pattern, flags)
    table = _stored if _stored is not None else _load()
    program = table.get(key)
    if program is not None:
        try:
            compiled = _sre.compile(pattern, *program)
            _used[key] = program
            return compiled
        except Exception:  # a program this engine rejects: compile afresh
            pass
    try:
        program = _program(pattern, flags)
        compiled = _sre.compile(pattern, *program)
    except re.error:
        raise
    except Exception:  # the private API moved: plain re from now on
        _disable()
        return re.compile(pattern, flags)
    _used[key] = table[key] = program
    if not _dirty:
        _dirty = True
        atexit.register(save)
    return compiled


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` after the pattern: final flags,
    program, group count, group names and the index-to-name tuple."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The opcodes are int subclasses (named constants), which marshal refuses: plain ints here.
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def _load() -> dict:
    global _stored, _directory
    import marshal

    from .cachedir import default_dir
    from .wordstats import _read_verified

    _stored, _directory = {}, default_dir()
    body = _read_verified(_NAME, _directory)
    if body is not None:
        try:
            value = marshal.loads(body)
        except (ValueError, EOFError, TypeError):
            value = None
        if isinstance(value, dict):
            _stored = value
    return _stored


def save() -> None:
    """Write the table back if this process compiled a pattern it did not hold (best effort)."""
    global _dirty
    if not _dirty or not _enabled:
        return
    import marshal

    from .wordstats import _write_verified

    table = _stored if _stored is not None and len(_stored) <= MAX_STORED else _used
    try:
        _write_verified(_NAME, marshal.dumps(table), _directory)
    except (OSError, ValueError):
        return
    _dirty = False


def _disable() -> None:
    global _enabled
    _enabled = False
