"""--format github: workflow commands that GitHub parses back into exactly our findings."""

from __future__ import annotations

import json
import re

from docqa.engine import FileResult
from docqa.finding import Finding, Fix, Severity
from docqa.reporters.base import RunReport
from docqa.reporters.github import GithubReporter

from conftest import SEEDS

COMMAND_RE = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def unescape(text: str) -> str:
    # The inverse of @actions/core's escaping, as the runner applies it (%25 last).
    for code, ch in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, ch)
    return text


def parse(output: str) -> list[dict]:
    """Parse workflow commands as the runner does: properties split on ',' then on the first '='."""
    commands = []
    for line in output.split("\n"):
        m = COMMAND_RE.match(line)
        if not m:
            continue
        props = dict(p.split("=", 1) for p in m.group(2).split(",")) if m.group(2) else {}
        commands.append({"level": m.group(1), **{k: unescape(v) for k, v in props.items()},
                         "message": unescape(m.group(3))})
    return commands


def finding(message: str, line: int, column: int, severity=Severity.WARNING, **kw) -> Finding:
    return Finding(code="TST001", name="test-rule", family="spacing", severity=severity, message=message,
                   start=0, end=1, line=line, column=column, end_line=line, end_column=column + 3, **kw)


def test_messages_and_paths_with_special_characters_round_trip_exactly():
    messages = [
        "100% sure: yes, really",
        "two\nlines, with a colon: here",
        "carriage\r\nreturn and %0A literally and %25 too",
        "ends with colons ::",
        "::warning file=evil.md::an injected command stays inside the message",
    ]
    path = "docs/odd: name, 50%.md"
    findings = [finding(m, i + 1, i + 2, severity=s)
                for i, (m, s) in enumerate(zip(messages, [Severity.ERROR, Severity.WARNING, Severity.INFO,
                                                          Severity.WARNING, Severity.ERROR]))]
    run = RunReport(results=[FileResult(path=path, findings=findings)], version="0")
    output = GithubReporter().render(run)
    # One line per finding (no message may start a new command) plus the summary line.
    assert len(output.splitlines()) == len(messages) + 1
    assert output.splitlines()[-1] == "docqa: 5 findings in 1 file"
    parsed = parse(output)
    assert [(c["level"], c["file"], int(c["line"]), int(c["col"]), int(c["endLine"]), int(c["endColumn"]),
             c["message"]) for c in parsed] == [
        (level, path, f.line, f.column, f.end_line, f.end_column, f.message)
        for level, f in zip(["error", "warning", "notice", "warning", "error"], findings)
    ]
    assert {c["title"] for c in parsed} == {"docqa TST001 (test-rule)"}


def test_fixable_findings_say_so_in_the_title():
    f = finding("missing space", 2, 5, fix=Fix.replace(3, 3, " "))
    (cmd,) = parse(GithubReporter().render(RunReport(results=[FileResult("a.md", [f])], version="0")))
    assert cmd["title"] == "docqa TST001 (test-rule) [fixable]"


def test_more_findings_than_github_shows_put_a_notice_first():
    findings = [finding(f"w{i}", i + 1, 1) for i in range(12)] + [finding("e", 30, 1, severity=Severity.ERROR)]
    output = GithubReporter().render(RunReport(results=[FileResult("a.md", findings)], version="0"))
    first, *rest = parse(output)
    assert first["level"] == "notice" and "file" not in first
    assert first["message"].startswith("docqa found 13 findings, but GitHub shows at most 10 annotations of "
                                       "each level per step, so 2 warnings appear only in this log.")
    assert "--format sarif" in first["message"]
    assert [c["message"] for c in rest] == [f.message for f in findings]
    # Ten notices of its own leave no room for the note: it says one of them is hidden.
    notices = [finding(f"n{i}", i + 1, 1, severity=Severity.INFO) for i in range(10)]
    output = GithubReporter().render(RunReport(results=[FileResult("a.md", notices + findings)], version="0"))
    assert "so 1 notice and 2 warnings appear only in this log" in parse(output)[0]["message"]
    # Within the limits there is no note.
    few = GithubReporter().render(RunReport(results=[FileResult("a.md", findings[:10])], version="0"))
    assert all(c["level"] == "warning" for c in parse(few))


def test_cli_on_the_seeds_gives_every_finding_of_the_json_report(cli, tmp_path):
    import shutil

    shutil.copytree(SEEDS, tmp_path / "seeds")
    as_json = cli("lint", "--format", "json", "seeds")
    as_github = cli("lint", "--format", "github", "seeds")
    assert as_github.exit_code == as_json.exit_code == 1
    expected = [(e["path"], f["line"], f["column"], f["end_line"], f["end_column"], f["message"])
                for e in json.loads(as_json.stdout)["files"] for f in e["findings"]]
    parsed = [c for c in parse(as_github.stdout) if "file" in c]
    assert [(c["file"], int(c["line"]), int(c["col"]), int(c["endLine"]), int(c["endColumn"]), c["message"])
            for c in parsed] == expected
    lines = as_github.stdout.splitlines()
    assert all(COMMAND_RE.match(line) for line in lines[:-1])
    assert lines[-1] == f"docqa: {len(expected)} findings in 2 files"
