"""Run rules over a document and turn their violations into findings.

The engine is the only place where offsets become lines and columns, where severities are
overridden by config, where suppressions apply, and where a rule that raises is contained: its
exception becomes an internal-error finding naming the rule, and the other rules still run.
"""

from __future__ import annotations

import traceback
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from .config import Settings
from .document import Document, LineIndex
from .finding import Family, Finding, Severity, Violation
from .rules.base import Rule
from .suppress import Suppressions, parse_suppressions

INTERNAL_ERROR = ("DQA001", "internal-error")


class RuleOptionError(Exception):
    """A ``[tool.docqa.rules.CODE]`` table names an unknown option or gives the wrong type."""


@dataclass
class FileResult:
    """What linting one file produced."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)  # informational lines (e.g. a skipped binary)
    skipped: bool = False
    fixed: int = 0  # fixes applied by --fix
    diff: str | None = None  # with --diff: what --fix would change, as a unified diff
    lines: LineIndex | None = None  # offsets -> line/column, for fix edits in reports

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset) if self.lines is not None else (1, 1)


def instantiate(rule_classes: Sequence[type[Rule]], settings: Settings) -> list[Rule]:
    """Create the rules of a run with their configured options, validating option names and types."""
    rules = []
    for cls in rule_classes:
        given = settings.rule_options.get(cls.code, {})
        for key, value in given.items():
            if key not in cls.options:
                allowed = ", ".join(sorted(cls.options)) or "none"
                raise RuleOptionError(
                    f"{settings.source or 'config'}: unknown option rules.{cls.code}.{key} (allowed: {allowed})"
                )
            default = cls.options[key]
            if default is not None and not _same_type(value, default):
                raise RuleOptionError(
                    f"{settings.source or 'config'}: option rules.{cls.code}.{key} must be "
                    f"{type(default).__name__}, got {type(value).__name__} {value!r}"
                )
        rules.append(cls(given, settings))
    return rules


def _same_type(value: Any, default: Any) -> bool:
    if isinstance(default, bool):
        return isinstance(value, bool)
    if isinstance(default, float):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if isinstance(default, (list, tuple)):
        return isinstance(value, (list, tuple))
    return isinstance(value, type(default))


def lint_document(
    doc: Document,
    rules: Iterable[Rule],
    settings: Settings | None = None,
    *,
    ignore_codes: Sequence[str] = (),
    suppressions: Suppressions | None = None,
) -> FileResult:
    """Run ``rules`` over ``doc``; return its findings sorted by position."""
    settings = settings or Settings()
    result = FileResult(path=doc.path or "<text>", lines=doc.lines)
    sup = suppressions if suppressions is not None else parse_suppressions(doc.text, doc.format)
    seen: set[tuple[str, int, int]] = set()
    n = len(doc.text)
    for rule in rules:
        if any(rule.code.startswith(c) for c in ignore_codes):
            continue
        try:
            violations = list(rule.check(doc))
            summary = rule.summarize(doc)
        except Exception as exc:  # contain a failing rule: report it, keep going
            result.findings.append(_internal_error(doc, rule, exc))
            continue
        if summary:
            result.metrics[rule.family.value if rule.family is not Family.INTERNAL else rule.code] = dict(summary)
        for v in violations:
            start, end = max(0, min(v.start, n)), max(0, min(v.end, n))
            if end < start:
                start, end = end, start
            if rule.prose_only and doc.is_ignored(start, end):
                continue
            key = (rule.code, start, end)
            if key in seen or (sup and sup.suppresses(rule.code, start)):
                continue
            seen.add(key)
            severity = settings.severity.get(rule.code) or v.severity or rule.severity
            result.findings.append(make_finding(doc, rule, v, start, end, severity))
    result.findings.sort(key=Finding.sort_key)
    result.findings = _with_fingerprints(doc.text, result.findings)
    return result


_CONTEXT = 32


def fingerprint_of(text: str, code: str, start: int, end: int) -> str:
    """A hash of the rule, the flagged text and up to 32 characters on each side, with white space
    folded, so that moving a finding to another line (or re-wrapping it) keeps its identity.
    Spans longer than 64 characters contribute only their first and last 32 characters."""
    import hashlib

    def fold(s: str) -> str:
        return " ".join(s.split())

    flagged = text[start:end]
    if end - start > 2 * _CONTEXT:
        # A span as long as a section (drift, readability) is identified by its two ends, so that
        # an edit inside it does not make it a new finding.
        flagged = flagged[:_CONTEXT] + "\x1e" + flagged[-_CONTEXT:]
    parts = (code, fold(text[max(0, start - _CONTEXT):start]), fold(flagged), fold(text[end:end + _CONTEXT]))
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _with_fingerprints(text: str, findings: list[Finding]) -> list[Finding]:
    from dataclasses import replace

    seen: dict[str, int] = {}
    out = []
    for f in findings:
        base = fingerprint_of(text, f.code, f.start, f.end)
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(replace(f, fingerprint=base if n == 0 else f"{base}:{n}"))
    return out


def make_finding(doc: Document, rule: Rule | type[Rule], v: Violation, start: int, end: int, severity: Severity) -> Finding:
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    return Finding(
        code=rule.code, name=rule.name, family=rule.family.value, severity=severity,
        message=v.message, start=start, end=end, line=line, column=col,
        end_line=end_line, end_column=end_col, fix=v.fix, data=dict(v.data),
    )


def _internal_error(doc: Document, rule: Rule, exc: BaseException) -> Finding:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    message = f"rule {rule.code} ({rule.name}) crashed on this file: {type(exc).__name__}: {exc}{where}"
    return Finding(
        code=INTERNAL_ERROR[0], name=INTERNAL_ERROR[1], family=Family.INTERNAL.value,
        severity=Severity.ERROR, message=message, start=0, end=0, line=1, column=1,
        end_line=1, end_column=1, data={"rule": rule.code, "exception": type(exc).__name__},
    )


def lint_text(
    text: str,
    rules: Iterable[Rule],
    *,
    path: str | None = None,
    fmt: str | None = None,
    settings: Settings | None = None,
) -> FileResult:
    """Parse and lint a string: the one-call API used by tests, examples and embedders."""
    from .document import parse

    return lint_document(parse(text, path, fmt), rules, settings)


def metrics_of(results: Iterable[FileResult]) -> Mapping[str, Any]:
    """Sum numeric per-file metrics across files (for a run summary)."""
    total: dict[str, Any] = {}
    for r in results:
        for family, values in r.metrics.items():
            bucket = total.setdefault(family, {})
            for k, v in values.items():
                if isinstance(v, (int, float)) and not isinstance(v, bool):
                    bucket[k] = bucket.get(k, 0) + v
    return total
