"""Lint (and optionally fix) one file: read, parse, run rules, apply fixes, write back.

Everything a worker process needs is in :class:`Job`, so that the same function serves a serial
run, a process pool and the cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .config import Settings
from .document import parse
from .engine import FileResult, lint_document
from .files import FileProblem, read_source
from .finding import Family, Finding, Severity
from .fixes import FixConflict, fix_text, unified_diff, write_atomic
from .rules.base import Rule
from .suppress import parse_suppressions

UNREADABLE = ("DQA002", "unreadable-file")


@dataclass
class Job:
    """What to do with the files of a run."""

    rules: Sequence[Rule]
    settings: Settings
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False  # compute fixes, show them as a diff, write nothing
    use_cache: bool = False


def run_files(
    work: Sequence[tuple[Path, str, Sequence[str]]], job: Job, *, jobs: int = 0, progress: bool = False
) -> list[FileResult]:
    """Lint ``(path, display, ignore_codes)`` items; results come back in input order."""
    return [lint_file(path, display, job, ignore) for path, display, ignore in work]


def lint_file(path: Path, display: str, job: Job, ignore_codes: Sequence[str] = ()) -> FileResult:
    """Lint one file. Never raises for a bad file: problems become findings or notices."""
    try:
        source = read_source(path, display, job.settings.max_file_size)
    except FileProblem as problem:
        result = FileResult(path=display)
        if problem.kind == "binary":
            result.skipped = True
            result.notices.append(f"{display}: {problem}")
        else:
            result.findings.append(_unreadable(str(problem)))
        return result

    doc = parse(source.text, display)
    sup = parse_suppressions(source.text, doc.format)
    result = lint_document(doc, job.rules, job.settings, ignore_codes=ignore_codes, suppressions=sup)
    if not (job.fix or job.diff) or not any(f.fix for f in result.findings):
        return result

    def relint(text: str) -> list[Finding]:
        d = parse(text, display)
        return lint_document(d, job.rules, job.settings, ignore_codes=ignore_codes,
                             suppressions=parse_suppressions(text, d.format)).findings

    new_text, applied, _ = fix_text(source.text, relint, unsafe=job.unsafe_fixes)
    if new_text == source.text:
        return result
    if job.diff:
        result.diff = unified_diff(display, source.text, new_text)
        return result
    try:
        write_atomic(path, source.encode(new_text), expected=source.raw)
    except FixConflict as exc:
        result.notices.append(str(exc))
        return result
    except OSError as exc:
        result.notices.append(f"{display}: could not write fixes: {exc.strerror or exc}")
        return result
    fixed_doc = parse(new_text, display)
    result = lint_document(fixed_doc, job.rules, job.settings, ignore_codes=ignore_codes,
                           suppressions=parse_suppressions(new_text, fixed_doc.format))
    result.fixed = applied
    return result


def _unreadable(message: str) -> Finding:
    return Finding(
        code=UNREADABLE[0], name=UNREADABLE[1], family=Family.INTERNAL.value, severity=Severity.ERROR,
        message=message, start=0, end=0, line=1, column=1, end_line=1, end_column=1,
    )
