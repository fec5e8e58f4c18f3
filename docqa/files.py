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
    """Files to lint as ``(path, display path)``, sorted, without duplicates."""
    import pathspec

    root = (root or Path.cwd()).resolve()
    spec = pathspec.GitIgnoreSpec.from_lines(list(exclude))
    exts = {e.lower() for e in extensions}
    seen: set[Path] = set()
    out: list[tuple[Path, str]] = []

    def excluded(p: Path, is_dir: bool = False) -> bool:
        try:
            rel = real_path(p).relative_to(root).as_posix()
        except ValueError:
            rel = p.as_posix()
        return bool(spec.patterns) and spec.match_file(rel + ("/" if is_dir else ""))

    def add(p: Path) -> None:
        key = real_path(p)
        if key not in seen:
            seen.add(key)
            out.append((p, _display(p)))

    for given in paths:
        p = Path(given)
        if p.is_dir():
            for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
                d = Path(dirpath)
                dirnames[:] = sorted(
                    n for n in dirnames
                    if n not in SKIP_DIRS and not n.startswith(".") and not excluded(d / n, True)
                )
                for name in sorted(filenames):
                    f = d / name
                    if f.suffix.lower() in exts and not excluded(f) and (f.is_file() or f.is_symlink()):
                        add(f)
        elif not excluded(p):
            add(p)
    return sorted(out, key=lambda t: t[1])


def real_path(p: Path) -> Path:
    """``p`` with symlinks resolved as far as they go; unlike ``Path.resolve`` it never raises,
    even on a symlink loop (the loop is reported when the file is read)."""
    return Path(os.path.realpath(p))


def _display(p: Path) -> str:
    s = p.as_posix()
    return s[2:] if s.startswith("./") else s
