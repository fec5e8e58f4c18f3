"""``--diff-base REV``: keep only findings on lines added or changed since a git revision.

For a pull request on a long document, reviewers want the findings on the lines the pull request
touched, not the whole file's history. The comparison is between the working tree and the merge
base of ``REV`` and ``HEAD`` (what ``git diff REV...`` shows for commits, plus uncommitted
changes), so that commits made on the base branch after the pull request forked are not counted as
the pull request's changes. Untracked files that git does not ignore are new: every line counts.

A finding is kept when any of its lines is an added or changed line. Deleted lines leave nothing
to flag. docqa's own findings (family ``internal``: a crashed rule, an unreadable file) are always
kept, since hiding them would hide that a file went unchecked.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from . import rx
from .engine import FileResult

_HUNK_RE = rx.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}

#: Every line of the file counts as changed (an untracked file).
ALL_LINES = None


class GitDiffError(Exception):
    """git is missing, the directory is not in a repository, or the revision is unknown."""


def _git(args: Sequence[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    # Fixed locale and no pager or external diff driver: the output is parsed, not read by a person.
    env = {**os.environ, "LC_ALL": "C", "GIT_PAGER": "cat", "GIT_EXTERNAL_DIFF": ""}
    env.pop("GIT_DIR", None)
    env.pop("GIT_WORK_TREE", None)
    return subprocess.run(["git", "-c", "core.quotePath=false", *args], cwd=cwd, env=env,
                          capture_output=True, check=False)


def _stderr(proc: subprocess.CompletedProcess[bytes]) -> str:
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else f"git exited with status {proc.returncode}"


def repository_root(root: Path) -> Path:
    """The top level of the git work tree containing ``root``."""
    if shutil.which("git") is None:
        raise GitDiffError("--diff-base needs git, which is not installed or not on PATH")
    if not Path(root).is_dir():
        raise GitDiffError(f"--diff-base: {root} is not a directory")
    proc = _git(["rev-parse", "--show-toplevel"], Path(root))
    if proc.returncode != 0:
        raise GitDiffError(f"--diff-base: {Path(root).resolve()} is not inside a git repository ({_stderr(proc)})")
    return Path(os.fsdecode(proc.stdout.rstrip(b"\n"))).resolve()


def _comparison_base(rev: str, top: Path) -> str:
    """The commit to diff the working tree against: the merge base of ``rev`` and HEAD."""
    proc = _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"], top)
    if proc.returncode != 0:
        raise GitDiffError(
            f"--diff-base: unknown git revision {rev!r} in {top} (in CI, fetch it first, e.g. "
            "actions/checkout with fetch-depth: 0)"
        )
    commit = proc.stdout.decode().strip()
    merge_base = _git(["merge-base", commit, "HEAD"], top)
    # No common history (or no HEAD yet): compare with the revision itself.
    return merge_base.stdout.decode().strip() if merge_base.returncode == 0 else commit


def changed_lines(rev: str, top: Path) -> dict[str, set[int] | None]:
    """Path relative to the repository ``top`` -> added or changed line numbers (``None``: all).

    Covers committed, staged and unstaged changes since the merge base of ``rev`` and HEAD, and
    untracked files that are not ignored.
    """
    base = _comparison_base(rev, top)
    proc = _git(["diff", "--no-color", "--no-ext-diff", "--no-textconv", "--unified=0",
                 "--find-renames", base, "--"], top)
    if proc.returncode != 0:
        raise GitDiffError(f"--diff-base: git diff failed: {_stderr(proc)}")
    changed = parse_unified_diff(proc.stdout.decode("utf-8", "surrogateescape"))
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], top)
    if untracked.returncode == 0:
        for name in untracked.stdout.split(b"\0"):
            if name:
                changed[os.fsdecode(name)] = ALL_LINES
    return changed


def parse_unified_diff(diff: str) -> dict[str, set[int]]:
    """Added or changed line numbers (in the new file) per path of a ``--unified=0`` diff."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            if target == "/dev/null":  # a deleted file: nothing of it is left to flag
                current = None
                continue
            name = _unquote(target) if target.startswith('"') else target
            name = name[2:] if name.startswith("b/") else name
            current = changed.setdefault(name, set())
        elif line.startswith("@@") and current is not None:
            m = _HUNK_RE.match(line)
            if m:
                start, count = int(m.group(1)), int(m.group(2) if m.group(2) is not None else 1)
                current.update(range(start, start + count))
    return changed


def _unquote(quoted: str) -> str:
    """Undo git's C-style quoting of a path (``"a\\tb"``, octal bytes for non-ASCII)."""
    body = quoted[1:-1] if quoted.endswith('"') else quoted[1:]
    out = bytearray()
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if re.fullmatch(r"[0-7]{3}", body[i + 1:i + 4]):
                out.append(int(body[i + 1:i + 4], 8))
                i += 4
                continue
            out.append(_ESCAPES.get(nxt, ord(nxt)))
            i += 2
            continue
        out.extend(ch.encode("utf-8", "surrogateescape"))
        i += 1
    return out.decode("utf-8", "surrogateescape")


def filter_changed_lines(results: Sequence[FileResult], rev: str, root: Path) -> list[FileResult]:
    """``results`` with only the findings on lines added or changed since ``rev`` (see module doc).

    ``root`` is any directory inside the repository (the config's directory); result paths are
    resolved against the working directory, as they were reported.
    """
    top = repository_root(root)
    changed = changed_lines(rev, top)
    out = []
    for r in results:
        absolute = Path(os.path.realpath(r.path))
        try:
            rel = absolute.relative_to(top).as_posix()
        except ValueError:
            kept = [f for f in r.findings if f.family == "internal"]
            note = f"{r.path}: outside the git repository {top}: --diff-base reports none of its findings"
            out.append(replace(r, findings=kept, notices=[*r.notices, note]))
            continue
        lines = changed.get(rel, set())
        if lines is ALL_LINES:
            out.append(r)
            continue
        kept = [f for f in r.findings
                if f.family == "internal" or any(n in lines for n in range(f.line, f.end_line + 1))]
        out.append(r if len(kept) == len(r.findings) else replace(r, findings=kept))
    return out
