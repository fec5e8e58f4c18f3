"""The command line from the outside: exit codes, output formats, messages."""

from __future__ import annotations

import json
import shutil
from importlib import resources

import jsonschema
import pytest

from conftest import SEED_CLEAN, SEED_SPAMMY, SEEDS, json_output, run_docqa

OUTPUT_SCHEMA = json.loads(resources.files("docqa.schemas").joinpath("output.schema.json").read_text())


def validate_output(doc: dict) -> None:
    jsonschema.Draft202012Validator(OUTPUT_SCHEMA).validate(doc)


@pytest.fixture
def seeds_copy(tmp_path):
    dest = tmp_path / "seeds"
    shutil.copytree(SEEDS, dest)
    return dest


def test_json_output_validates_lists_every_file_and_points_at_the_text(cli, seeds_copy):
    result = cli("lint", "--format", "json", seeds_copy)
    assert result.exit_code == 1
    doc = json_output(result)
    validate_output(doc)
    assert sorted(f["path"].rsplit("/", 1)[-1] for f in doc["files"]) == sorted(p.name for p in SEEDS.glob("*.txt"))
    total = 0
    for entry in doc["files"]:
        lines = (seeds_copy / entry["path"].rsplit("/", 1)[-1]).read_text(encoding="utf-8").splitlines()
        for f in entry["findings"]:
            total += 1
            assert 1 <= f["line"] <= f["end_line"] <= len(lines)
            if f["family"] in ("spacing", "casing", "spelling", "provenance") and f["line"] == f["end_line"]:
                flagged = lines[f["line"] - 1][f["column"] - 1:f["end_column"] - 1]
                # the message quotes what it flags (a name may be quoted word by word)
                assert flagged and all(w in f["message"] for w in flagged.split()), (f, flagged)
    assert total == doc["summary"]["findings"] > 0


def test_clean_file_exits_zero_and_says_so(cli, tmp_path):
    (tmp_path / "ok.md").write_text("# Fine\n\nThis text is fine.\n", encoding="utf-8")
    result = cli("lint", "ok.md")
    assert result.exit_code == 0
    assert result.stdout.strip() == "0 findings in 1 file"
    assert cli("lint", "--quiet", "ok.md").output == ""  # -q silences notices too


def test_findings_text_output_grouped_by_file(cli, tmp_path):
    (tmp_path / "bad.txt").write_text("Title\nThe Group,and more.\n", encoding="utf-8")
    result = cli("lint", "bad.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:2] == [
        "bad.txt",
        "  2:5  warning  SPC001  missing space after ',' in 'Group,and' [*]",
    ]
    assert result.stdout.rstrip().endswith("1 finding in 1 file (1 fixable with --fix)")
    assert "\x1b[" not in result.output  # no colour when not on a terminal


def test_force_color_and_no_color(cli, tmp_path, monkeypatch):
    (tmp_path / "bad.txt").write_text("The Group,and more.\n", encoding="utf-8")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in cli("lint", "bad.txt").output
    assert "\x1b[" not in cli("lint", "--no-color", "bad.txt").output


def test_select_ignore_fail_on_and_exit_zero(cli, tmp_path):
    (tmp_path / "bad.txt").write_text("The Group,and  more.\n", encoding="utf-8")
    codes = lambda r: [f["code"] for f in json_output(r)["files"][0]["findings"]]
    assert codes(cli("lint", "--format", "json", "bad.txt")) == ["SPC001", "SPC002"]
    assert codes(cli("lint", "--format", "json", "--select", "SPC002", "bad.txt")) == ["SPC002"]
    assert codes(cli("lint", "--format", "json", "--ignore", "SPC001", "bad.txt")) == ["SPC002"]
    assert codes(cli("lint", "--format", "json", "--select", "spacing", "--ignore", "multiple-spaces", "bad.txt")) == ["SPC001"]
    assert cli("lint", "--fail-on", "error", "bad.txt").exit_code == 0
    assert cli("lint", "--exit-zero", "bad.txt").exit_code == 0
    bad = cli("lint", "--select", "XYZ", "bad.txt")
    assert bad.exit_code == 2 and "unknown rule selector 'XYZ'" in bad.output


def test_directories_recurse_by_extension_and_skip_hidden(cli, tmp_path):
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "a.md").write_text("Fine.\n")
    (tmp_path / "docs" / "sub" / "b.txt").write_text("Fine.\n")
    (tmp_path / "docs" / "c.py").write_text("x = 1\n")
    (tmp_path / "docs" / ".hidden").mkdir()
    (tmp_path / "docs" / ".hidden" / "d.md").write_text("Fine.\n")
    doc = json_output(cli("lint", "--format", "json", "docs"))
    assert [f["path"] for f in doc["files"]] == ["docs/a.md", "docs/sub/b.txt"]


def test_output_file(cli, tmp_path):
    (tmp_path / "a.txt").write_text("The Group,and more.\n")
    result = cli("lint", "--format", "json", "-o", "out.json", "a.txt")
    assert result.exit_code == 1 and result.stdout == ""
    validate_output(json.loads((tmp_path / "out.json").read_text()))


def test_output_file_folder_is_created_and_an_unwritable_path_is_a_clear_error(cli, tmp_path):
    (tmp_path / "a.txt").write_text("The Group,and more.\n")
    result = cli("lint", "--format", "sarif", "-o", "reports/ci/docqa.sarif", "a.txt")
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads((tmp_path / "reports" / "ci" / "docqa.sarif").read_text())["version"] == "2.1.0"
    (tmp_path / "blocker").write_text("a file, not a folder")
    bad = cli("lint", "-o", "blocker/out.txt", "a.txt")
    assert bad.exit_code == 2 and "cannot write blocker/out.txt" in bad.output and "Traceback" not in bad.output


def test_rules_and_explain(cli):
    listing = cli("rules")
    assert listing.exit_code == 0
    assert any(line.startswith("SPC001") and "missing-space-after-punctuation" in line for line in listing.output.splitlines())
    rows = json.loads(cli("rules", "--format", "json").output)
    assert {"code", "name", "family", "severity", "summary"} <= set(rows[0])
    explained = cli("explain", "SPC001")
    assert explained.exit_code == 0 and "Flagged:" in explained.output and "spacing" in explained.output
    assert cli("explain", "missing-space-after-punctuation").exit_code == 0
    unknown = cli("explain", "ZZZ999")
    assert unknown.exit_code == 2 and "unknown rule 'ZZZ999'" in unknown.output


def test_real_subprocess_exit_codes_and_no_tracebacks(tmp_path):
    (tmp_path / "ok.txt").write_text("Fine text.\n")
    assert run_docqa("lint", "ok.txt", cwd=tmp_path).returncode == 0
    seeds = run_docqa("lint", str(SEED_SPAMMY), str(SEED_CLEAN), cwd=tmp_path)
    assert seeds.returncode == 1 and SEED_SPAMMY.name in seeds.stdout
    for args, needle in [
        (["lint", "missing.txt"], "path does not exist: missing.txt"),
        (["lint", "--no-such-option"], "No such option '--no-such-option'"),
        (["lint", "--format", "nope", "ok.txt"], "unknown output format 'nope'"),
        (["lint", "--unsafe-fixes", "ok.txt"], "--unsafe-fixes needs --fix or --diff"),
    ]:
        proc = run_docqa(*args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        assert needle in proc.stderr
        assert "Traceback" not in proc.stderr + proc.stdout


def test_help_and_version(cli):
    out = cli("--help").output
    assert "lint" in out and "explain" in out and "Examples:" in out
    assert "--fail-on" in cli("lint", "--help").output
    assert cli("--version").output.startswith("docqa, version ")


def test_builtin_formats_are_the_registered_entry_points():
    """The built-in formats are loaded without scanning entry points; the table must say exactly
    what pyproject.toml registers."""
    from docqa.reporters import BUILTIN, available

    assert {name: ep.value for name, ep in available().items() if ep.value.startswith("docqa.")} == BUILTIN
