"""Applying fixes: choosing non-overlapping edits, and writing files atomically.

A file is fixed in passes (lint, apply every non-conflicting fix, lint again) until no applicable
fix remains, like ruff, so that fixes which conflicted in one pass are applied in the next and a
second ``--fix`` run finds nothing. Writes go to a temporary file in the same directory that
replaces the original in one rename, keeping its encoding, BOM, line endings and permissions; a
file that changed on disk since it was read is left alone.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

from .finding import Edit, Finding

MAX_PASSES = 10


class FixConflict(Exception):
    """The file changed on disk between reading and writing."""


def select_edits(findings: Iterable[Finding], *, unsafe: bool = False) -> tuple[list[Edit], int]:
    """Edits of the applicable fixes that do not overlap one another; and how many fixes they make.

    A fix is taken whole or not at all; a fix whose edits overlap an already taken one waits for
    the next pass.
    """
    taken: list[Edit] = []
    count = 0
    for f in sorted(findings, key=lambda f: (f.start, f.code)):
        if f.fix is None or not (f.fix.is_safe or unsafe):
            continue
        edits = sorted(f.fix.edits)
        if any(_overlap(e, t) for e in edits for t in taken):
            continue
        taken.extend(edits)
        count += 1
    return sorted(taken), count


def _overlap(a: Edit, b: Edit) -> bool:
    """Do two edits touch the same text? Insertions are points: two at the same point conflict
    (their order would be arbitrary), and so does one strictly inside a replaced range."""
    a_point, b_point = a.start == a.end, b.start == b.end
    if a_point and b_point:
        return a.start == b.start
    if a_point:
        return b.start < a.start < b.end
    if b_point:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


def apply_edits(text: str, edits: list[Edit]) -> str:
    """Apply sorted, non-overlapping edits to ``text``."""
    parts = []
    pos = 0
    for e in edits:
        parts.append(text[pos:e.start])
        parts.append(e.content)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def fix_text(text: str, lint: Callable[[str], list[Finding]], *, unsafe: bool = False) -> tuple[str, int, list[Finding]]:
    """Fix ``text`` in passes. Returns the new text, the number of fixes applied, and the findings
    that remain on the new text."""
    applied = 0
    findings = lint(text)
    for _ in range(MAX_PASSES):
        edits, count = select_edits(findings, unsafe=unsafe)
        if not count:
            break
        new = apply_edits(text, edits)
        if new == text:
            break
        text = new
        applied += count
        findings = lint(text)
    return text, applied, findings


def unified_diff(path: str, before: str, after: str) -> str:
    import difflib

    return "".join(difflib.unified_diff(
        before.splitlines(keepends=True), after.splitlines(keepends=True),
        fromfile=f"a/{path}", tofile=f"b/{path}",
    ))


def write_atomic(path: Path, data: bytes, *, expected: bytes) -> None:
    """Replace ``path`` with ``data`` in one rename, if its content is still ``expected``.

    The temporary file lives in the same directory (a rename across file systems is not atomic)
    and is flushed to disk before the rename; the original's permission bits are kept.
    """
    current = path.read_bytes()
    if current != expected:
        raise FixConflict(f"{path}: changed on disk since it was read; not fixed")
    target = Path(os.path.realpath(path))  # write through a symlink, not over it
    st = target.stat()
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".docqa-tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
