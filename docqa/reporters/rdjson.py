"""``--format rdjson``: reviewdog's diagnostic format, for review comments on changed lines.

    docqa lint --format rdjson docs/ | reviewdog -f=rdjson -reporter=github-pr-review

reviewdog counts columns in UTF-8 bytes (its ``Position.column``), while docqa counts code points,
so each file with findings is read again to convert them: "café, the" flags the comma at code-point column 5
but byte column 6. Should a file no longer be readable, its columns stay in code points (exact
for ASCII lines). Fixes become ``suggestions``, which reviewdog posts as GitHub suggested changes
that a reviewer can accept with one click; unsafe fixes are included, since a person applies them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

from ..document import LineIndex
from ..engine import FileResult
from ..files import FileProblem, read_source
from ..finding import Finding, Severity
from .base import Reporter, RunReport

SEVERITIES = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}
SOURCE = {"name": "docqa"}


class RdjsonReporter(Reporter):
    """One ``DiagnosticResult`` JSON object for the whole run."""

    lists_rules = False

    def render(self, run: RunReport) -> str:
        diagnostics = []
        for r in run.results:
            if not r.findings:
                continue
            to_bytes = byte_columns(r)
            diagnostics.extend(_diagnostic(f, r, to_bytes) for f in r.findings)
        doc = {"source": SOURCE, "diagnostics": diagnostics}
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def byte_columns(r: FileResult) -> Callable[[int], dict[str, int]] | None:
    """A function from an offset in ``r``'s text to a reviewdog position (UTF-8 byte column);
    with the file unreadable, code-point columns from the lint's line index, or None without one."""
    try:
        text = read_source(Path(r.path), r.path).text
    except (FileProblem, OSError):
        text = None
    if text is None:
        if r.lines is None:
            return None
        return lambda offset: dict(zip(("line", "column"), r.lines.position(offset)))
    lines = LineIndex(text)

    def position(offset: int) -> dict[str, int]:
        line, col = lines.position(offset)
        start = lines.line_start(line)
        return {"line": line, "column": len(text[start:start + col - 1].encode("utf-8")) + 1}

    return position


def _diagnostic(f: Finding, r: FileResult, position: Callable[[int], dict[str, int]] | None) -> dict[str, Any]:
    if position is not None:
        where = {"start": position(f.start), "end": position(f.end)}
    else:
        where = {"start": {"line": f.line, "column": f.column}, "end": {"line": f.end_line, "column": f.end_column}}
    out: dict[str, Any] = {
        "message": f.message,
        "location": {"path": r.path, "range": where},
        "severity": SEVERITIES[f.severity],
        "source": SOURCE,
        "code": {"value": f.code},
        "original_output": f"{r.path}:{f.line}:{f.column}: {f.code} {f.message}",
    }
    if f.fix is not None and position is not None:
        out["suggestions"] = [
            {"range": {"start": position(e.start), "end": position(e.end)}, "text": e.content}
            for e in f.fix.edits
        ]
    return out
