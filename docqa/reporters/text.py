"""``--format text``: findings grouped per file, then a summary line; colour only on a terminal."""

from __future__ import annotations

import click

from ..finding import Severity
from .base import Reporter, RunReport

_SEVERITY_COLOUR = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class TextReporter(Reporter):
    machine = False
    lists_rules = False

    def __init__(self, *, color: bool = False, quiet: bool = False) -> None:
        super().__init__(color=color)
        self.quiet = quiet

    def _style(self, text: str, **kw) -> str:
        return click.style(text, **kw) if self.color else text

    def render(self, run: RunReport) -> str:
        out: list[str] = []
        for r in run.results:
            if not r.findings:
                continue
            out.append(self._style(r.path, bold=True, underline=True))
            width = max(len(f"{f.line}:{f.column}") for f in r.findings)
            for f in r.findings:
                pos = f"{f.line}:{f.column}".ljust(width)
                sev = self._style(f.severity.value.ljust(7), fg=_SEVERITY_COLOUR[f.severity])
                code = self._style(f.code, bold=True)
                mark = " [*]" if f.fix is not None else ""
                out.append(f"  {pos}  {sev}  {code}  {f.message}{mark}")
            out.append("")
        if not self.quiet or run.findings:
            out.append(self.summary_line(run))
        return "\n".join(out) + ("\n" if out else "")

    def summary_line(self, run: RunReport) -> str:
        s = run.summary()
        n, files = s["findings"], s["files"]
        line = f"{n} finding{'s' * (n != 1)} in {files} file{'s' * (files != 1)}"
        fixes = []
        if s["fixable"]:
            fixes.append(f"{s['fixable']} fixable with --fix")
        if s["unsafe_fixable"]:
            fixes.append(f"{s['unsafe_fixable']} more with --unsafe-fixes")
        if fixes:
            line += f" ({', '.join(fixes)})"
        elif n:
            line += " (0 fixable)"
        if s["fixed"]:
            line += f"; fixed {s['fixed']}"
        if s["skipped"]:
            line += f"; {s['skipped']} skipped"
        return self._style(line, bold=True) if n else line
