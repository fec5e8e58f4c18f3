"""Baselines: --write-baseline records today's findings, --baseline reports only new ones."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import SEED_CLEAN, SEEDS

from docqa.baseline import BaselineError, apply_baseline, read_baseline, write_baseline
from docqa.engine import FileResult, lint_text


@pytest.fixture
def seeds_copy(tmp_path):
    dest = tmp_path / "docs"
    shutil.copytree(SEEDS, dest)
    return dest


def _findings(cli, *args):
    result = cli("lint", "--format", "json", "--no-cache", *args)
    assert result.exit_code in (0, 1), result.output
    return [(entry["path"], f) for entry in json.loads(result.stdout)["files"] for f in entry["findings"]]


def _quiet_line(findings, path, lines) -> int:
    """Index of a long prose line of ``path`` with no finding on it or its neighbours (but
    readability findings, which span whole sections)."""
    busy = set()
    for p, f in findings:
        if p == path and f["family"] != "readability":
            busy.update(range(f["line"] - 1, f["end_line"] + 2))
    for i, line in enumerate(lines):
        if i + 1 not in busy and len(line.split()) >= 12 and line.rstrip().endswith("."):
            return i
    pytest.skip("no line far enough from every finding")


def test_baseline_on_the_seeds_hides_everything_then_reports_only_the_new_error(cli, seeds_copy):
    before = _findings(cli, "docs")
    assert len(before) > 10
    result = cli("lint", "--write-baseline", "baseline.json", "docs")
    assert result.exit_code == 0
    assert f"docqa: wrote {len(before)} findings to baseline baseline.json" in result.stderr
    recorded = json.loads((seeds_copy.parent / "baseline.json").read_text(encoding="utf-8"))
    assert len(recorded["findings"]) == len(before)
    assert {e["path"] for e in recorded["findings"]} <= {f"docs/{p.name}" for p in SEEDS.glob("*.txt")}

    again = cli("lint", "--baseline", "baseline.json", "docs")
    assert again.exit_code == 0
    assert again.stdout.strip() == "0 findings in 2 files"

    # One new error, inserted as its own line between two lines that have no finding near them.
    target = seeds_copy / SEED_CLEAN.name
    lines = target.read_text(encoding="utf-8").split("\n")
    at = _quiet_line(before, f"docs/{SEED_CLEAN.name}", lines)
    lines.insert(at + 1, "The committee approved the plan,and the vote was close.")
    target.write_text("\n".join(lines), encoding="utf-8")
    new = _findings(cli, "--baseline", "baseline.json", "docs")
    assert [(p, f["code"], f["line"], f["column"], f["message"]) for p, f in new] == [
        (f"docs/{SEED_CLEAN.name}", "SPC001", at + 2, 28, "missing space after ',' in 'plan,and'"),
    ]


def test_lines_moving_and_unrelated_edits_do_not_resurrect_baselined_findings(cli, seeds_copy):
    spammy = next(seeds_copy.glob("004_*.txt"))
    path = f"docs/{spammy.name}"
    before = _findings(cli, "docs")
    cli("lint", "--write-baseline", "baseline.json", "docs")
    lines = spammy.read_text(encoding="utf-8").split("\n")
    at = _quiet_line(before, path, lines)
    # An edit inside a line far from every finding, and every later finding moved down two lines.
    lines[at] = lines[at].replace(" ", " indeed ", 1)
    lines.insert(at, "")
    lines.insert(at, "")
    spammy.write_text("\n".join(lines), encoding="utf-8")
    after = _findings(cli, "docs")
    assert any(f["line"] > at + 3 for p, f in after if p == path)
    resurrected = _findings(cli, "--baseline", "baseline.json", "docs")
    # Section-wide findings (readability, drift) are identified by their ends, so an edit inside
    # them does not bring them back either.
    assert resurrected == []


def test_baseline_paths_are_relative_to_the_baseline_file(cli, seeds_copy, monkeypatch):
    cli("lint", "--write-baseline", "baseline.json", "docs")
    monkeypatch.chdir(seeds_copy)  # the same tree, seen from a sub-directory
    result = cli("lint", "--baseline", "../baseline.json", ".")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "0 findings in 2 files"


def _result(text: str, path: str = "a.txt") -> FileResult:
    from docqa.cli import build_rules, load_settings

    _, rules = build_rules(load_settings(None, select=("SPC001",)))
    return lint_text(text, rules, path=path)


def test_repeated_identical_findings_are_counted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    filler = "Nothing at all happens in this line of filler text."
    block = f"{filler}\nThe plan,and more.\n{filler}\n"
    one = _result("Title\n" + block)
    assert [(f.code, f.line) for f in one.findings] == [("SPC001", 3)]
    write_baseline(tmp_path / "bl.json", [one])
    three = _result("Title\n" + block * 3)
    kept = apply_baseline(tmp_path / "bl.json", [three])[0].findings
    # The same finding in the same surroundings, three times: one is known, two are new.
    assert [(f.line, f.column) for f in kept] == [(6, 5), (9, 5)]
    assert sum(read_baseline(tmp_path / "bl.json").values()) == 1


@pytest.mark.parametrize("content, message", [
    (None, "does not exist (create it with --write-baseline"),
    ("{", "baseline is not valid JSON"),
    ('{"findings": []}', "is not a docqa baseline"),
    ('{"docqa_baseline": 99, "findings": []}', "baseline format 99 is not supported"),
    ('{"docqa_baseline": 1, "findings": [{"path": "a"}]}', "each with a string 'id'"),
])
def test_broken_baselines_are_clear_errors(cli, tmp_path, content, message):
    (tmp_path / "ok.txt").write_text("Title\nFine text here.\n", encoding="utf-8")
    if content is not None:
        (tmp_path / "bl.json").write_text(content, encoding="utf-8")
    with pytest.raises(BaselineError, match=message.replace("(", r"\(")):
        read_baseline(tmp_path / "bl.json")
    result = cli("lint", "--baseline", "bl.json", "ok.txt")
    assert result.exit_code == 2
    assert message in result.stderr


def test_baseline_from_the_config(cli, seeds_copy):
    cli("lint", "--write-baseline", "base/known.json", "docs")
    (seeds_copy.parent / ".docqa.toml").write_text('baseline = "base/known.json"\n')
    result = cli("lint", "docs")
    assert result.exit_code == 0 and result.stdout.strip() == "0 findings in 2 files"
