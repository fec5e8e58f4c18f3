"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

What goes in, and why:

* ``tool.driver.rules``: every rule that ran, with its name, summary (short description), prose
  (full description), whole documentation with examples (help, as text and Markdown) and default
  level, so that a viewer can explain a finding without docqa installed.
* Regions use docqa's 1-based lines and columns, with ``columnKind: unicodeCodePoints`` (docqa
  counts code points, not UTF-16 units); ``endColumn`` is exclusive, as in SARIF.
* ``partialFingerprints`` come from the file, the rule and the flagged text with its
  neighbourhood, never the line number. ``primaryLocationLineHash`` is set to the same value
  because GitHub's upload action fills that key in, when it is missing, from a hash of the first
  100 characters of the line, which changes on every edit of a long prose line; given a value,
  the action keeps it (and logs that its own hash differs).
* Fixes become ``fixes[].artifactChanges`` with line/column ``deletedRegion`` replacements.
* File paths are relative URIs against ``%SRCROOT%`` (the working directory, also given as an
  absolute ``file:`` URI in ``originalUriBaseIds``); GitHub reads them relative to the repository
  root, so run docqa from there in CI (the docqa action does).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import rx
from ..baseline import finding_identity
from ..engine import FileResult
from ..finding import Family, Finding, Severity
from .base import Reporter, RunReport

SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "docqa/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}

#: Where a rule docstring's examples begin (the prose before it is the full description).
_SECTION_RE = rx.compile(r"^(?:Flagged|Clean):[ \t]*$", re.MULTILINE)


class SarifReporter(Reporter):
    """One SARIF log with one run: docqa's rules, results, fixes and notices."""

    def render(self, run: RunReport) -> str:
        rules, index = self._rules(run)
        results = [self._result(f, r, index) for r in run.results for f in r.findings]
        notices = [*run.notices, *(n for r in run.results for n in r.notices)]
        driver: dict[str, Any] = {"name": "docqa", "version": run.version, "rules": rules}
        if re.fullmatch(r"\d+\.\d+\.\d+([-+].*)?", run.version):
            driver["semanticVersion"] = driver["version"]
        invocation: dict[str, Any] = {
            "executionSuccessful": not any(f.code == "DQA001" for f in run.findings),
        }
        if notices:
            invocation["toolExecutionNotifications"] = [
                {"level": "note", "message": {"text": n}} for n in notices
            ]
        sarif_run: dict[str, Any] = {
            "tool": {"driver": driver},
            "invocations": [invocation],
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [sarif_run]}
        return json.dumps(log, indent=2, ensure_ascii=False, default=str) + "\n"

    # ------------------------------------------------------------------ rules
    def _rules(self, run: RunReport) -> tuple[list[dict[str, Any]], dict[str, int]]:
        """Rule descriptors for the rules that ran, plus any other code that has a finding
        (docqa's own DQA findings are emitted by the runner, not by a selected rule)."""
        descriptors: list[dict[str, Any]] = []
        index: dict[str, int] = {}
        for cls in run.rules:
            if cls.code not in index:
                index[cls.code] = len(descriptors)
                descriptors.append(rule_descriptor(cls))
        for f in run.findings:
            if f.code not in index:
                index[f.code] = len(descriptors)
                descriptors.append({
                    "id": f.code, "name": f.name, "shortDescription": {"text": f.name.replace("-", " ")},
                    "defaultConfiguration": {"level": LEVELS[f.severity]},
                    "properties": {"tags": [f.family]},
                })
        return descriptors, index

    # ---------------------------------------------------------------- results
    def _result(self, f: Finding, r: FileResult, index: dict[str, int]) -> dict[str, Any]:
        location = artifact_location(r.path)
        identity = finding_identity(_fingerprint_path(r.path), f)
        result: dict[str, Any] = {
            "ruleId": f.code,
            "ruleIndex": index[f.code],
            "level": LEVELS[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {
                "artifactLocation": location,
                "region": _region(f.line, f.column, f.end_line, f.end_column),
            }}],
            "partialFingerprints": {FINGERPRINT_KEY: identity, "primaryLocationLineHash": identity},
            "properties": {"family": f.family},
        }
        if f.data:
            result["properties"]["evidence"] = dict(f.data)
        if f.fix is not None:
            replacements = []
            for e in f.fix.edits:
                (line, col), (end_line, end_col) = r.position(e.start), r.position(e.end)
                replacements.append({
                    "deletedRegion": _region(line, col, end_line, end_col),
                    "insertedContent": {"text": e.content},
                })
            result["fixes"] = [{
                "description": {"text": f"docqa fix ({f.fix.applicability.value})"},
                "artifactChanges": [{"artifactLocation": location, "replacements": replacements}],
            }]
            result["properties"]["fixApplicability"] = f.fix.applicability.value
        return result


def _region(line: int, column: int, end_line: int, end_column: int) -> dict[str, int]:
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _fingerprint_path(display: str) -> str:
    """The path that goes into a fingerprint: as reported, POSIX separators, no leading ``./``."""
    p = Path(display).as_posix()
    return p[2:] if p.startswith("./") else p


def artifact_location(display: str) -> dict[str, str]:
    """A SARIF ``artifactLocation`` for a reported path: relative to ``%SRCROOT%`` when the path
    lies under the working directory, an absolute ``file:`` URI otherwise."""
    path = Path(display)
    if not path.is_absolute():
        rel = Path(os.path.normpath(display)).as_posix()
        if rel != ".." and not rel.startswith("../"):
            return {"uri": quote(rel, safe="/"), "uriBaseId": SRCROOT}
    return {"uri": Path(os.path.abspath(display)).as_uri()}


def rule_descriptor(cls: type) -> dict[str, Any]:
    """A SARIF ``reportingDescriptor`` for a docqa rule class (its docstring is its documentation)."""
    doc, summary = cls.doc(), cls.summary()
    prose = _SECTION_RE.split(doc, maxsplit=1)[0].strip()
    help_md = [prose]
    for title, docs in zip(("Flagged", "Clean"), cls.examples()):
        if docs:
            help_md.append(f"**{title}:**")
            help_md.extend("```text\n" + d + "\n```" for d in docs)
    return {
        "id": cls.code,
        "name": cls.name,
        "shortDescription": {"text": summary or cls.name},
        "fullDescription": {"text": prose or summary or cls.name},
        "help": {"text": doc or summary or cls.name, "markdown": "\n\n".join(p for p in help_md if p)},
        "defaultConfiguration": {"level": LEVELS[Severity.parse(cls.severity)], "enabled": bool(cls.default_enabled)},
        "properties": {"tags": [Family(cls.family).value], "fixable": bool(cls.fixable)},
    }
