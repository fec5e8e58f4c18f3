"""Finding files to lint and reading them without losing a byte.

Input policy:

* Directories are walked recursively; hidden directories and common tool directories
  (``.git``, ``node_modules``, virtual environments, caches) are skipped, and ``exclude`` /
  ``extend-exclude`` globs (gitignore syntax, via pathspec) are honoured. Files are picked by
  extension. Files named explicitly are linted whatever their extension, unless excluded.
* Encodings: a BOM decides (UTF-8, UTF-16, UTF-32); otherwise strict UTF-8; otherwise
  charset-normalizer's best guess. The encoding, BOM and newline style are kept, so that a fix
  writes the file back the way it was.
* A file with NUL bytes (and no UTF-16/32 BOM) or that no encoding decodes is binary: skipped with a
  notice. An unreadable file or one over ``max-file-size`` is reported as a finding of its own.
"""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

SKIP_DIRS = frozenset({
    ".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox", ".nox",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis", "build", "dist", ".docqa_cache",
})

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


class FileProblem(Exception):
    """A file that cannot be linted. ``kind`` is ``binary`` (skipped, a notice) or ``unreadable``,
    ``too-large``, ``undecodable`` (reported as findings)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class SourceFile:
    """A decoded file and what is needed to write it back unchanged but for the fixes."""

    path: Path
    display: str  # the path as shown in reports
    text: str
    encoding: str
    bom: bytes
    raw: bytes

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.encoding)


def read_source(path: Path, display: str | None = None, max_size: int | None = None) -> SourceFile:
    """Read and decode ``path``; raise :class:`FileProblem` with a precise reason otherwise."""
    display = display or str(path)
    try:
        size = path.stat().st_size
        if max_size is not None and size > max_size:
            raise FileProblem(
                "too-large",
                f"file is {size:,} bytes, over the limit of {max_size:,} (raise max-file-size in the config to lint it)",
            )
        raw = path.read_bytes()
    except FileProblem:
        raise
    except IsADirectoryError:
        raise FileProblem("unreadable", "is a directory") from None
    except OSError as exc:
        raise FileProblem("unreadable", f"cannot read file: {exc.strerror or exc}") from None
    text, encoding, bom = decode(raw)
    return SourceFile(path=path, display=display, text=text, encoding=encoding, bom=bom, raw=raw)


def decode(raw: bytes) -> tuple[str, str, bytes]:
    """``(text, encoding, bom)`` for ``raw``; raise :class:`FileProblem` for binary data."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom):].decode(encoding), encoding, bom
            except UnicodeDecodeError as exc:
                raise FileProblem("undecodable", f"starts with a {encoding} byte-order mark but is not {encoding}: {exc.reason} at byte {exc.start + len(bom)}") from None
    if b"\x00" in raw[:8192]:
        raise FileProblem("binary", "binary file (contains NUL bytes): skipped")
    try:
        return raw.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise FileProblem("binary", "binary or undecodable file (no text encoding fits): skipped")
    encoding = best.encoding
    try:
        return raw.decode(encoding), encoding, b""
    except (UnicodeDecodeError, LookupError):
        raise FileProblem("binary", f"undecodable file (guessed {encoding}, which fails): skipped") from None


def discover(
    paths: Sequence[str | Path],
    *,
    extensions: Iterable[str],
    exclude: Iterable[str] = (),
    root: Path | None = None,
) -> list[tuple[Path, str]]:
    """Files to lint as ``(path, display path)``, sorted, without duplicates.

    Directories are walked with ``os.scandir`` (file types come with the listing, no extra
    system call per file), real paths are resolved once per directory, and a file is resolved
    on its own only when it is a symlink: a tree of thousands of files costs a few milliseconds.
    """
    exclude = list(exclude)
    if exclude:
        import pathspec

        spec = pathspec.GitIgnoreSpec.from_lines(exclude)
        root = (root or Path.cwd()).resolve()
    else:
        spec = None
    exts = {e.lower() for e in extensions}
    seen: set[str] = set()
    out: list[tuple[Path, str]] = []

    def excluded(real: str, given: Path, is_dir: bool = False) -> bool:
        if spec is None:
            return False
        try:
            rel = Path(real).relative_to(root).as_posix()
        except ValueError:
            rel = given.as_posix()
        return spec.match_file(rel + ("/" if is_dir else ""))

    def add(p: Path, real: str) -> None:
        if real not in seen:
            seen.add(real)
            out.append((p, _display(p)))

    def walk(directory: str, real_dir: str, active: frozenset[str]) -> None:
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return
        subdirs = []
        for entry in entries:
            name = entry.name
            link = entry.is_symlink()
            if not link and entry.is_dir():
                if name in SKIP_DIRS or name.startswith("."):
                    continue
                real = os.path.join(real_dir, name)
                if not excluded(real, Path(entry.path), True):
                    subdirs.append((entry.path, real))
            elif os.path.splitext(name)[1].lower() in exts:
                if link:
                    real = os.path.realpath(entry.path)
                    if os.path.isdir(real):
                        continue  # a symlink to a directory is not followed
                elif entry.is_file():
                    real = os.path.join(real_dir, name)
                else:
                    continue  # a FIFO, socket or device named like a text file is never opened
                if not excluded(real, Path(entry.path)):
                    add(Path(entry.path), real)
        for path, real in subdirs:
            if real not in active:  # a bind mount or similar cycle
                walk(path, real, active | {real})

    for given in paths:
        p = Path(given)
        if p.is_dir():
            real = os.path.realpath(p)
            if not excluded(real, p, True):
                walk(str(p), real, frozenset({real}))
        else:
            real = os.path.realpath(p)
            if not excluded(real, p):
                add(p, real)
    return sorted(out, key=lambda t: t[1])


def real_path(p: Path) -> Path:
    """``p`` with symlinks resolved as far as they go; unlike ``Path.resolve`` it never raises,
    even on a symlink loop (the loop is reported when the file is read)."""
    return Path(os.path.realpath(p))


def _display(p: Path) -> str:
    s = p.as_posix()
    return s[2:] if s.startswith("./") else s
