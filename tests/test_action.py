"""The composite GitHub Action: its shell steps, run locally with the inputs set as environment
variables, as the runner sets them (bash --noprofile --norc -eo pipefail)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
STEPS = {s.get("id") or s["name"]: s for s in ACTION["runs"]["steps"]}

pytestmark = pytest.mark.skipif(shutil.which("bash") is None, reason="bash is not installed")

BAD = "# Notes\n\nThe team shipped the release,and the users were happy.\n"


def outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines())


def run_step(step: str, cwd: Path, **env: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """Run one step's script with ``env`` (the step's ``env:`` block, as the runner fills it)."""
    script = STEPS[step]["run"]
    gh_output = cwd / f".github-output-{step}"
    gh_output.write_text("", encoding="utf-8")
    full = {k: v for k, v in os.environ.items() if not k.startswith(("INPUT_", "DOCQA_LANGUAGETOOL"))}
    # Every input the step reads is given, empty unless set: the runner always sets its env block.
    full.update({name: "" for name in STEPS[step].get("env", {})})
    full.update(GITHUB_OUTPUT=str(gh_output), **env)
    proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=cwd, env=full, capture_output=True, text=True, timeout=120)
    return proc, outputs(gh_output)


def lint(cwd: Path, **inputs: str):
    # A project config keeps each docqa start short: only the spacing rule the tests look at.
    if not (cwd / ".docqa.toml").exists():
        (cwd / ".docqa.toml").write_text('select = ["SPC001"]\n', encoding="utf-8")
    defaults = {f"INPUT_{k.upper().replace('-', '_')}": v["default"] for k, v in ACTION["inputs"].items()
                if f"INPUT_{k.upper().replace('-', '_')}" in STEPS["lint"]["env"]}
    return run_step("lint", cwd, DOCQA_PYTHON=sys.executable, **{**defaults, **inputs})


def test_action_is_composite_and_scripts_take_inputs_only_from_the_environment():
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "format", "fail-on", "baseline", "diff-base"} <= set(ACTION["inputs"])
    for step in ACTION["runs"]["steps"]:
        if "run" in step:
            assert step["shell"] == "bash"
            assert "${{" not in step["run"], f"{step['name']}: expressions inside a script allow injection"
    upload = STEPS["Upload SARIF to code scanning"]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == "${{ steps.lint.outputs.report }}"


@pytest.fixture
def fake_python(tmp_path):
    """A ``python3`` whose ``-m venv DIR`` makes a DIR/bin/python that only records its arguments."""
    bin_dir, log = tmp_path / "fakebin", tmp_path / "calls.log"
    bin_dir.mkdir()
    (bin_dir / "python3").write_text(
        "#!/bin/sh\n"
        '[ "$1 $2" = "-m venv" ] || exit 3\n'
        'mkdir -p "$3/bin"\n'
        f"printf '#!/bin/sh\\necho \"$@\" >> {log}\\n' > \"$3/bin/python\"\n"
        'chmod +x "$3/bin/python"\n', encoding="utf-8")
    (bin_dir / "python3").chmod(0o755)
    return bin_dir, log


@pytest.mark.parametrize("version, spec", [("", "ACTION_PATH"), ("0.1.0", "docqa==0.1.0")])
def test_install_step_installs_the_action_checkout_or_a_pinned_version(tmp_path, fake_python, version, spec):
    bin_dir, log = fake_python
    venv = tmp_path / "venv"
    proc, out = run_step("install", tmp_path, INPUT_VERSION=version, ACTION_PATH=str(ROOT), VENV_DIR=str(venv),
                         PATH=f"{bin_dir}:{os.environ['PATH']}")
    assert proc.returncode == 0, proc.stderr
    expected = str(ROOT) if spec == "ACTION_PATH" else spec
    assert log.read_text(encoding="utf-8").split() == ["-m", "pip", "install", "--disable-pip-version-check",
                                                       "--quiet", expected]
    assert out == {"python": f"{venv}/bin/python"}


def test_lint_step_annotates_and_records_the_exit_code_without_failing_yet(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text(BAD, encoding="utf-8")
    (tmp_path / "extra.md").write_text(BAD, encoding="utf-8")
    proc, out = lint(tmp_path, INPUT_PATHS="docs\n  extra.md ")
    assert proc.returncode == 0, proc.stderr
    assert out == {"exit-code": "1", "report": ""}
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::")]
    assert annotations == [
        f"::warning file={p},line=3,col=22,endLine=3,endColumn=33,title=docqa SPC001 "
        f"(missing-space-after-punctuation) [fixable]::missing space after ',' in 'release,and'"
        for p in ("docs/notes.md", "extra.md")
    ]

    # fail-on none: findings are reported but the status is 0.
    proc, out = lint(tmp_path, INPUT_PATHS="extra.md", INPUT_FAIL_ON="none")
    assert out["exit-code"] == "0" and "::warning" in proc.stdout
    # fail-on error: a warning does not fail.
    assert lint(tmp_path, INPUT_PATHS="extra.md", INPUT_FAIL_ON="error")[1]["exit-code"] == "0"
    # Extra arguments pass through.
    proc, out = lint(tmp_path, INPUT_PATHS="extra.md", INPUT_ARGS="--select CAS001 --ignore SPC")
    assert out["exit-code"] == "0" and "::warning" not in proc.stdout


def test_lint_step_writes_sarif_and_honours_the_baseline(tmp_path):
    (tmp_path / "notes.md").write_text(BAD, encoding="utf-8")
    proc, out = lint(tmp_path, INPUT_PATHS="notes.md", INPUT_FORMAT="sarif")
    assert proc.returncode == 0, proc.stderr
    assert out == {"exit-code": "1", "report": "docqa.sarif"}
    log = json.loads((tmp_path / "docqa.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["SPC001"]

    subprocess.run([sys.executable, "-m", "docqa", "lint", "--select", "SPC001", "--write-baseline", "baseline.json",
                    "notes.md"], cwd=tmp_path, check=True, capture_output=True)
    proc, out = lint(tmp_path, INPUT_PATHS="notes.md", INPUT_FORMAT="rdjson", INPUT_BASELINE="baseline.json",
                     INPUT_OUTPUT_FILE="review.json")
    assert proc.returncode == 0, proc.stderr
    assert out == {"exit-code": "0", "report": "review.json"}
    assert json.loads((tmp_path / "review.json").read_text(encoding="utf-8"))["diagnostics"] == []


def test_lint_step_stops_on_configuration_errors(tmp_path):
    (tmp_path / "notes.md").write_text(BAD, encoding="utf-8")
    proc, out = lint(tmp_path, INPUT_PATHS="notes.md", INPUT_CONFIG="missing.toml")
    assert proc.returncode == 2
    assert out["exit-code"] == "2"
    proc, out = lint(tmp_path, INPUT_PATHS="notes.md", INPUT_FAIL_ON="sometimes")
    assert proc.returncode == 2 and out == {}
    assert "::error title=docqa::fail-on must be error, warning, info or none, not 'sometimes'" in proc.stdout
    proc, out = lint(tmp_path, INPUT_PATHS="notes.md", INPUT_DIFF_BASE="no-such-rev")
    assert proc.returncode == 2 and out["exit-code"] == "2"
    assert "--diff-base" in proc.stderr


@pytest.mark.parametrize("status", ["0", "1", "2"])
def test_fail_step_passes_the_status_on(tmp_path, status):
    proc, _ = run_step("Fail on findings", tmp_path, DOCQA_EXIT=status)
    assert proc.returncode == int(status)
    assert ("docqa exited with status" in proc.stdout) == (status != "0")
