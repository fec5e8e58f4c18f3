"""``--format github``: GitHub Actions workflow commands, shown as annotations on the pull request.

One command per finding::

    ::warning file=docs/a.md,line=3,col=5,endLine=3,endColumn=9,title=docqa SPC001 (missing-space-after-punctuation)::message

Escaping follows GitHub's toolkit (``@actions/core``): in the message ``%``, CR and LF become
``%25``, ``%0D`` and ``%0A``; in property values ``:`` and ``,`` also become ``%3A`` and ``%2C``, so
that a message or a file name can never end the command early or start a new one. Columns are
1-based code points and ``endColumn`` is exclusive, as everywhere in docqa.

GitHub shows at most 10 annotations of each level per step (and 50 per job); the rest are only in
the log. When a run has more, a notice comes first, so that it is among those shown, saying how
many are hidden and suggesting SARIF upload (every finding, in code scanning) or ``--diff-base``.
"""

from __future__ import annotations

from collections import Counter

from ..finding import Finding, Severity
from .base import Reporter, RunReport

#: docqa severity -> workflow command.
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
#: Annotations GitHub displays per level and step.
ANNOTATION_LIMIT = 10


def escape_data(text: str) -> str:
    """Escape a workflow command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    """One workflow command line, escaped."""
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in properties.items())
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


class GithubReporter(Reporter):
    """Findings as ``::error``/``::warning``/``::notice`` workflow commands, then a summary line."""

    lists_rules = False

    def render(self, run: RunReport) -> str:
        lines = []
        findings = run.findings
        note = overflow_note(Counter(COMMANDS[f.severity] for f in findings))
        if note:
            lines.append(command("notice", {"title": "docqa: more findings than GitHub shows"}, note))
        for r in run.results:
            for f in r.findings:
                lines.append(command(COMMANDS[f.severity], _properties(r.path, f), f.message))
        n, files = len(findings), len(run.results)
        lines.append(f"docqa: {n} finding{'s' * (n != 1)} in {files} file{'s' * (files != 1)}")
        return "\n".join(lines) + "\n"


def _properties(path: str, f: Finding) -> dict[str, object]:
    props: dict[str, object] = {"file": path, "line": f.line, "col": f.column,
                                "endLine": f.end_line, "endColumn": f.end_column}
    props["title"] = f"docqa {f.code} ({f.name})" + (" [fixable]" if f.fix is not None else "")
    return props


def overflow_note(per_level: Counter[str]) -> str | None:
    """The message telling users that GitHub hides some annotations, or None when all show."""
    hidden = {level: n - ANNOTATION_LIMIT for level, n in per_level.items() if n > ANNOTATION_LIMIT}
    if not hidden:
        return None
    # The note itself is a notice: with notices over the limit it takes one of their places.
    if "notice" in per_level and per_level["notice"] >= ANNOTATION_LIMIT:
        hidden["notice"] = per_level["notice"] + 1 - ANNOTATION_LIMIT
    total = sum(per_level.values())
    counts = [f"{n} {level}{'s' * (n != 1)}" for level, n in sorted(hidden.items())]
    parts = " and ".join(counts) if len(counts) < 3 else ", ".join(counts[:-1]) + " and " + counts[-1]
    return (
        f"docqa found {total} findings, but GitHub shows at most {ANNOTATION_LIMIT} annotations of each "
        f"level per step, so {parts} appear only in this log. Upload SARIF to code scanning to see every "
        "finding (docqa lint --format sarif), or report only changed lines (--diff-base)."
    )
