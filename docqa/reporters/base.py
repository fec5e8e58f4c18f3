"""The reporter contract and what every format shares (a finding's JSON form, the run summary)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, ClassVar, Sequence

from ..engine import FileResult
from ..finding import Finding


@dataclass
class RunReport:
    """Everything a reporter may show about one run."""

    results: Sequence[FileResult]
    version: str
    rules: Sequence[type] = ()  # the rule classes that ran (for formats that list rules)
    notices: Sequence[str] = ()
    fix_mode: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    def summary(self) -> dict[str, Any]:
        findings = self.findings
        return {
            "files": len(self.results),
            "files_with_findings": sum(1 for r in self.results if r.findings),
            "skipped": sum(1 for r in self.results if r.skipped),
            "findings": len(findings),
            "fixable": sum(1 for f in findings if f.fix is not None and f.fix.is_safe),
            "unsafe_fixable": sum(1 for f in findings if f.fix is not None and not f.fix.is_safe),
            "fixed": sum(r.fixed for r in self.results),
            "by_severity": dict(sorted(Counter(f.severity.value for f in findings).items())),
            "by_family": dict(sorted(Counter(f.family for f in findings).items())),
        }


class Reporter:
    """Turns a :class:`RunReport` into text for one output format."""

    #: True for formats read by machines: no colour, no progress bar, notices go to stderr only.
    machine: ClassVar[bool] = True
    #: True for formats that list the rules of the run (``RunReport.rules``); for the others a run
    #: served entirely from the cache does not load the rules at all.
    lists_rules: ClassVar[bool] = True

    def __init__(self, *, color: bool = False) -> None:
        self.color = color

    def render(self, run: RunReport) -> str:  # pragma: no cover - interface
        raise NotImplementedError


def finding_dict(f: Finding, result: FileResult) -> dict[str, Any]:
    """A finding in the JSON contract (positions 1-based, end column exclusive)."""
    fix = None
    if f.fix is not None:
        edits = []
        for e in f.fix.edits:
            (line, col), (end_line, end_col) = result.position(e.start), result.position(e.end)
            edits.append({"line": line, "column": col, "end_line": end_line, "end_column": end_col, "content": e.content})
        fix = {"applicability": f.fix.applicability.value, "edits": edits}
    out: dict[str, Any] = {
        "code": f.code, "name": f.name, "family": f.family, "severity": f.severity.value,
        "message": f.message, "line": f.line, "column": f.column,
        "end_line": f.end_line, "end_column": f.end_column, "fix": fix,
    }
    if f.data:
        out["data"] = dict(f.data)
    return out
