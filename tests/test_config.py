"""Configuration: discovery, validation with precise messages, and its effect on a run."""

from __future__ import annotations

import pytest

from conftest import json_output

BAD_TEXT = "The Group,and  more.\n"


def codes(result):
    return [f["code"] for entry in json_output(result)["files"] for f in entry["findings"]]


def test_pyproject_tool_docqa_is_found_from_a_subdirectory(cli, tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.docqa]\nignore = ["SPC002"]\n')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(BAD_TEXT)
    monkeypatch.chdir(tmp_path / "sub")
    assert codes(cli("lint", "--format", "json", "a.txt")) == ["SPC001"]


def test_docqa_toml_wins_over_pyproject_and_severity_and_fail_on_apply(cli, tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.docqa]\nignore = ["SPC001"]\n')
    (tmp_path / ".docqa.toml").write_text(
        'select = ["SPC001"]\nfail-on = "error"\n[severity]\nSPC001 = "info"\n'
    )
    (tmp_path / "a.txt").write_text(BAD_TEXT)
    result = cli("lint", "--format", "json", "a.txt")
    doc = json_output(result)
    assert [(f["code"], f["severity"]) for f in doc["files"][0]["findings"]] == [("SPC001", "info")]
    assert result.exit_code == 0  # info is below fail-on = error
    assert cli("lint", "--fail-on", "info", "a.txt").exit_code == 1  # the flag overrides the file


def test_exclude_and_per_file_ignores(cli, tmp_path):
    (tmp_path / ".docqa.toml").write_text(
        'exclude = ["drafts/"]\n[per-file-ignores]\n"legacy/*.txt" = ["SPC"]\n'
    )
    for d in ("drafts", "legacy", "docs"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(BAD_TEXT)
    doc = json_output(cli("lint", "--format", "json", "."))
    assert {e["path"]: len(e["findings"]) for e in doc["files"]} == {"docs/a.txt": 2, "legacy/a.txt": 0}


def test_rule_options_from_config_reach_the_rule_and_are_validated(cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD_TEXT)
    (tmp_path / ".docqa.toml").write_text("[rules.SPC001]\nbogus = 1\n")
    result = cli("lint", "a.txt")
    assert result.exit_code == 2
    assert "unknown option rules.SPC001.bogus" in result.output and ".docqa.toml" in result.output


@pytest.mark.parametrize(
    "content, needles",
    [
        ('selec = ["SPC"]\n', ["unknown key selec", "allowed:"]),
        ('select = "SPC001"\n', ["key select", "a list of rule codes"]),
        ('fail-on = "fatal"\n', ["key fail-on", "one of error, warning, info"]),
        ("[severity]\nSPC001 = 3\n", ["key severity.SPC001"]),
        ("select = [\n", ["invalid TOML"]),
    ],
)
def test_broken_config_is_exit_2_with_file_and_key(cli, tmp_path, content, needles):
    (tmp_path / ".docqa.toml").write_text(content)
    (tmp_path / "a.txt").write_text("Fine.\n")
    result = cli("lint", "a.txt")
    assert result.exit_code == 2
    line = result.output.strip()
    assert line.startswith("docqa: error: ") and ".docqa.toml" in line and "\n" not in line
    for needle in needles:
        assert needle in line


def test_explicit_config_file(cli, tmp_path):
    (tmp_path / "conf.toml").write_text('select = ["SPC002"]\n')
    (tmp_path / "a.txt").write_text(BAD_TEXT)
    assert codes(cli("lint", "--format", "json", "--config", "conf.toml", "a.txt")) == ["SPC002"]
    missing = cli("lint", "--config", "nope.toml", "a.txt")
    assert missing.exit_code == 2 and "nope.toml: config file not found" in missing.output


def test_a_config_that_validated_once_is_not_validated_again_but_any_change_is(tmp_path):
    """The second run with the same config skips jsonschema; a changed value, even one that only
    changes type (a TOML date where a string was), is validated and rejected."""
    import subprocess
    import sys

    env_cache = tmp_path / "cache"
    config = tmp_path / ".docqa.toml"
    probe = (
        "import sys; from pathlib import Path; from docqa.cli import load_settings; "
        "load_settings(Path(sys.argv[1])); print('jsonschema' in sys.modules)"
    )

    def run():
        import os

        env = {**os.environ, "DOCQA_CACHE_DIR": str(env_cache)}
        return subprocess.run([sys.executable, "-c", probe, str(config)], capture_output=True, text=True, env=env)

    config.write_text('baseline = "2024-01-01"\nmax-file-size = 1000\n')
    first, second = run(), run()
    assert (first.returncode, first.stdout.strip()) == (0, "True")
    assert (second.returncode, second.stdout.strip()) == (0, "False")
    config.write_text("baseline = 2024-01-01\nmax-file-size = 1000\n")  # a TOML date, not a string
    third = run()
    assert third.returncode != 0 and "baseline" in third.stderr
