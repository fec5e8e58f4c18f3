"""Compiled regular expressions kept between processes.

docqa's rules compile about two hundred regular expressions when they are imported, and a rule
pack compiles its phrases into a few large ones with the ``regex`` module. Both engines parse and
compile a pattern in Python code, which cost ~0.1 s (``re``) and ~20 ms (``regex``, the built-in
pack) of every run: a good part of what linting one small file takes, paid again by every
pre-commit hook call. What that work produces is small and plain: for ``re``, the pattern's final
flags, its program (a list of integers, stored packed), its group count and group names, which ``_sre.compile``
turns into the same ``re.Pattern`` in microseconds; for ``regex``, the data its patterns pickle to
(``Pattern._pickled_data``), which ``_regex.compile`` turns back into the pattern, as unpickling does.

:func:`compile` is ``re.compile`` and :func:`compile_regex` is ``regex.compile``, with those
products kept in a file in docqa's cache directory (marshal, with a digest: see
:mod:`docqa.wordstats`), named after the interpreter and the engine's version
(``sys.implementation.cache_tag`` and ``_sre.MAGIC`` or ``regex.__version__``), so another Python
or another engine never reads them. A pattern rebuilt from the file compares equal to
``re.compile``'s (``Pattern.__eq__`` compares the pattern, the flags and the whole program), and a
``regex`` pattern pickles to the same data as ``regex.compile``'s (the tests check every pattern
docqa compiles). New patterns are written back once, when the process exits. Anything unexpected
(another Python implementation, a changed private API, a damaged or foreign file) falls back to
the engine's own compile: the file only ever costs or saves time.
"""

from __future__ import annotations

import atexit
import re
import sys
from array import array
from typing import Any, Callable

try:  # CPython's engine and its pattern compiler (private, so everything here has a fallback)
    import _sre
    from re import _compiler, _parser

    if _sre.CODESIZE != array("I").itemsize:  # pragma: no cover - the packing below needs it
        raise ImportError("unexpected code size")

    # "v2": programs are stored packed (see _program); a file of the earlier format is not read.
    _NAME = f"regex-v2-{sys.implementation.cache_tag}-{_sre.MAGIC}.marshal"
except (ImportError, AttributeError):  # pragma: no cover - not CPython
    _sre = None
    _NAME = ""

#: Past this many patterns a file keeps only those the last process used (patterns built from
#: configs, packs or older docqa versions would otherwise pile up).
MAX_STORED = 4000


class Store:
    """One engine's compiled products, ``(pattern, flags) -> product``, loaded from the cache file
    ``name`` on first use and written back at exit when this process added to them."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.enabled = bool(name)
        self.stored: dict | None = None  # loaded on first use
        self.directory = None  # where it was loaded from, and is written back to
        self.used: dict = {}  # what this process compiled or loaded, for the write-back
        self.dirty = False

    def compile(self, key: tuple, build: Callable[[], Any], rebuild: Callable[[Any], Any],
                fallback: Callable[[], Any], errors: type[Exception]) -> Any:
        """The pattern for ``key``: rebuilt from its stored product when there is one, else made
        by ``build`` (which returns ``(pattern, product)``). ``errors`` (the engine's own) pass
        through; any other failure turns the store off and uses ``fallback`` from then on."""
        table = self.stored if self.stored is not None else self._load()
        product = table.get(key)
        if product is not None:
            try:
                compiled = rebuild(product)
                self.used[key] = product
                return compiled
            except Exception:  # a product this engine rejects: compile afresh
                pass
        try:
            compiled, product = build()
        except errors:
            raise
        except Exception:  # the private API moved: the engine's own compile from now on
            self.enabled = False
            return fallback()
        self.used[key] = table[key] = product
        if not self.dirty:
            self.dirty = True
            atexit.register(self.save)
        return compiled

    def _load(self) -> dict:
        import marshal

        from .cachedir import default_dir
        from .wordstats import _read_verified

        self.stored, self.directory = {}, default_dir()
        body = _read_verified(self.name, self.directory)
        if body is not None:
            try:
                value = marshal.loads(body)
            except (ValueError, EOFError, TypeError):
                value = None
            if isinstance(value, dict):
                self.stored = value
        return self.stored

    def save(self) -> None:
        """Write the table back if this process compiled a pattern it did not hold (best effort)."""
        if not self.dirty or not self.enabled:
            return
        import marshal

        from .wordstats import _write_verified

        table = self.stored if self.stored is not None and len(self.stored) <= MAX_STORED else self.used
        try:
            _write_verified(self.name, marshal.dumps(table), self.directory)
        except (OSError, ValueError):
            return
        self.dirty = False


#: The store of ``re`` programs.
RE = Store(_NAME)
_regex_store: Store | None = None


def compile(pattern: str, flags: int | re.RegexFlag = 0) -> re.Pattern:
    """``re.compile(pattern, flags)`` for a ``str`` pattern, with the compiled program kept in
    the cache directory between processes."""
    flags = int(flags)
    if not RE.enabled or not isinstance(pattern, str) or flags & re.DEBUG:
        return re.compile(pattern, flags)

    def build() -> tuple:
        program = _program(pattern, flags)
        return _rebuild(pattern, program), program

    return RE.compile((pattern, flags), build, lambda program: _rebuild(pattern, program),
                      lambda: re.compile(pattern, flags), re.error)


def _rebuild(pattern: str, program: tuple) -> re.Pattern:
    """The pattern from its stored program (the code unpacked into the list ``_sre`` takes)."""
    final_flags, packed, groups, groupindex, indexgroup = program
    return _sre.compile(pattern, final_flags, array("I", packed).tolist(), groups, groupindex, indexgroup)


def _program(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` after the pattern: final flags,
    program, group count, group names and the index-to-name tuple."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The code is kept packed, four bytes a word (_sre.CODESIZE): as a list of ints, the ~200
    # programs docqa holds took 3 MB of every process's memory; packed, a tenth of that.
    return (int(flags | parsed.state.flags), array("I", code).tobytes(), parsed.state.groups - 1, groupindex,
            tuple(indexgroup))


def regex_store() -> Store:
    """The store of ``regex`` patterns (the module is imported on first use)."""
    global _regex_store
    if _regex_store is None:
        import regex

        _regex_store = Store(f"regexmod-{sys.implementation.cache_tag}-{regex.__version__}.marshal"
                             if hasattr(regex.Pattern, "_pickled_data") else "")
    return _regex_store


def compile_regex(pattern: str, flags: int = 0):
    """``regex.compile(pattern, flags)`` for a ``str`` pattern, kept in the cache directory
    between processes as the data the pattern pickles to."""
    import regex
    from regex import _regex

    store = regex_store()
    flags = int(flags)
    if not store.enabled or not isinstance(pattern, str) or flags & (regex.DEBUG | regex.LOCALE):
        return regex.compile(pattern, flags)

    def build() -> tuple:
        compiled = regex.compile(pattern, flags)
        return compiled, compiled._pickled_data

    # The default version decides what a pattern without V0/V1 means, so it is part of the key.
    return store.compile((pattern, flags, int(regex.DEFAULT_VERSION)), build, lambda data: _regex.compile(*data),
                         lambda: regex.compile(pattern, flags), regex.error)
