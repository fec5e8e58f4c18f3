"""Baselines: adopt docqa on an existing document tree without fixing everything first.

``docqa lint --write-baseline FILE`` records every current finding by identity;
``docqa lint --baseline FILE`` then reports only findings that are not recorded. A finding's
identity is its file plus :attr:`~docqa.finding.Finding.fingerprint` (the rule, the flagged text
and up to 32 characters around it, white space folded, never the line number), so that edits
elsewhere in a file, lines inserted above a finding, or a re-wrapped paragraph do not bring a
baselined finding back. Editing the flagged words or their immediate neighbourhood does: that is a
new finding in text someone just touched.

File paths are stored relative to the baseline file's directory, so that the same baseline works
whether docqa is run from the repository root or from a sub-directory. Entries also carry the rule,
line and message, only to make the file reviewable in a pull request; matching ignores them.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Sequence

from .engine import FileResult
from .finding import Finding

FORMAT_VERSION = 1


class BaselineError(Exception):
    """The baseline file is missing, unreadable or not a docqa baseline."""


def finding_identity(path: str, finding: Finding) -> str:
    """A stable identity for ``finding`` in the file ``path``: independent of its line number.

    Findings without a fingerprint (docqa's own, such as an unreadable file) fall back on their
    rule and message, which is all they have.
    """
    token = finding.fingerprint or "message:" + hashlib.sha256(
        f"{finding.code}\x1f{finding.message}".encode("utf-8")).hexdigest()[:32]
    return hashlib.sha256(f"{path}\x1f{token}".encode("utf-8")).hexdigest()[:32]


def _relative_to(base: Path, display: str) -> str:
    """``display`` (as reported, relative to the working directory) relative to ``base``."""
    absolute = Path(os.path.abspath(display))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        return Path(os.path.relpath(absolute, base)).as_posix()


def _base_dir(path: Path) -> Path:
    return Path(os.path.abspath(path)).parent


def write_baseline(path: Path, results: Sequence[FileResult]) -> None:
    """Record every finding in ``results`` in the baseline file ``path`` (replaced atomically).

    Entries are sorted by file, line and rule, so that the file diffs well under version control.
    """
    base = _base_dir(path)
    entries = []
    for r in results:
        rel = _relative_to(base, r.path)
        for f in r.findings:
            entries.append({
                "path": rel, "code": f.code, "line": f.line, "column": f.column,
                "message": f.message, "id": finding_identity(rel, f),
            })
    entries.sort(key=lambda e: (e["path"], e["line"], e["column"], e["code"], e["id"]))
    doc = {
        "docqa_baseline": FORMAT_VERSION,
        "comment": "Findings recorded by `docqa lint --write-baseline`; `docqa lint --baseline` hides them. "
                   "Entries match by id (rule, flagged text and its neighbourhood), never by line.",
        "findings": entries,
    }
    text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    base.mkdir(parents=True, exist_ok=True)
    # Write beside the target and rename, so that an interrupted run never leaves half a baseline.
    fd, tmp = tempfile.mkstemp(prefix=".docqa-baseline-", dir=base)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_baseline(path: Path) -> Counter[str]:
    """The identities recorded in a baseline file, with how often each occurs."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BaselineError(f"baseline file {path} does not exist (create it with --write-baseline {path})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"cannot read baseline file {path}: {getattr(exc, 'strerror', None) or exc}") from None
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}:{exc.lineno}:{exc.colno}: baseline is not valid JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or "docqa_baseline" not in doc:
        raise BaselineError(f"{path} is not a docqa baseline (no 'docqa_baseline' key); write one with --write-baseline")
    if doc["docqa_baseline"] != FORMAT_VERSION:
        raise BaselineError(
            f"{path}: baseline format {doc['docqa_baseline']!r} is not supported (expected {FORMAT_VERSION}); "
            "write it again with --write-baseline"
        )
    findings = doc.get("findings")
    if not isinstance(findings, list) or not all(isinstance(e, dict) and isinstance(e.get("id"), str) for e in findings):
        raise BaselineError(f"{path}: 'findings' must be a list of objects, each with a string 'id'")
    return Counter(e["id"] for e in findings)


def apply_baseline(path: Path, results: Sequence[FileResult]) -> list[FileResult]:
    """``results`` without the findings recorded in the baseline ``path``.

    Recorded identities are counted, so that when a file holds one more copy of a baselined
    finding than it did, exactly one is reported.
    """
    remaining = read_baseline(path)
    base = _base_dir(path)
    out = []
    for r in results:
        rel = _relative_to(base, r.path)
        kept = [f for f in r.findings if not _take(remaining, finding_identity(rel, f))]
        out.append(r if len(kept) == len(r.findings) else replace(r, findings=kept))
    return out


def _take(counter: Counter[str], key: str) -> bool:
    if counter[key] > 0:
        counter[key] -= 1
        return True
    return False

