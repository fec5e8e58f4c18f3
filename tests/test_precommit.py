"""The pre-commit hooks, for real, in fresh git repositories: `pre-commit try-repo` against this
checkout, then the hooks installed from it and run by `git commit`.

pre-commit builds a hook environment by pip-installing the docqa checkout (hatchling and docqa's
dependencies come from the package index). try-repo does so in a new temporary store on every
call, so it is called twice; the installed hooks share one store. try-repo sees only committed and
modified tracked files, so the checkout is first copied as it is on disk (tracked and untracked
files, minus ignored ones) into a one-commit repository: the hooks tested are the code under test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BAD = "# Release notes\n\nThe team shipped the release,and the users were happy.\n"
CLEAN = "# Release notes\n\nThe team shipped the release, and the users were happy.\n"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _init(repo: Path) -> None:
    repo.mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "t@example.com")
    git(repo, "config", "user.name", "Test")
    git(repo, "config", "commit.gpgsign", "false")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    """This checkout as it is on disk, committed into a throwaway repository."""
    src = tmp_path_factory.mktemp("docqa-src") / "docqa"
    files = git(ROOT, "ls-files", "-z", "--cached", "--others", "--exclude-standard").split("\0")
    _init(src)
    for name in filter(None, files):
        path = ROOT / name
        if path.is_file():
            (src / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, src / name)
    git(src, "add", "-A")
    git(src, "commit", "-q", "-m", "snapshot")
    return src


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.fixture
def project(tmp_path) -> Path:
    repo = tmp_path / "project"
    _init(repo)
    return repo


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "DOCQA_LANGUAGETOOL"))}
    env.update(PRE_COMMIT_HOME=str(home), PIP_DISABLE_PIP_VERSION_CHECK="1", NO_COLOR="1")
    return env


def pre_commit(project: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args, "--color", "never"],
                          cwd=project, env=_env(home), capture_output=True, text=True, timeout=900)


def commit(project: Path, home: Path, *paths: str) -> tuple[int, str]:
    """``git add`` and ``git commit`` with the installed hooks running, as a user would: the exit
    status and the hooks' output (git sends hook output to standard error)."""
    subprocess.run(["git", "add", *paths], cwd=project, check=True)
    done = subprocess.run(["git", "commit", "-m", "change"], cwd=project, env=_env(home),
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=900)
    return done.returncode, done.stdout


def test_manifest_declares_the_three_hooks_for_prose_files():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"docqa", "docqa-fix", "docqa-validate"}
    assert hooks["docqa"]["entry"].startswith("docqa lint")
    assert "--fix" in hooks["docqa-fix"]["entry"].split()
    assert hooks["docqa-validate"]["pass_filenames"] is False
    for hid in ("docqa", "docqa-fix"):
        files, exclude = re.compile(hooks[hid]["files"]), re.compile(hooks[hid]["exclude"])
        picked = [n for n in ("docs/a.md", "NOTES.TXT", "b.rst", "c.markdown", "requirements.txt",
                              "docs/requirements-dev.txt", "LICENSE.txt", "LICENSE", "app.py", "robots.txt")
                  if files.search(n) and not exclude.search(n)]
        assert picked == ["docs/a.md", "NOTES.TXT", "b.rst", "c.markdown"]


def test_try_repo_fails_on_a_staged_bad_file_and_passes_on_a_clean_one(project, hook_repo, tmp_path):
    # try-repo installs the hook environment afresh in a temporary store on every call.
    (project / "notes.md").write_text(BAD, encoding="utf-8")
    git(project, "add", "notes.md")
    bad = pre_commit(project, tmp_path / "home", "try-repo", str(hook_repo), "docqa")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert re.search(r"^docqa\.+Failed$", bad.stdout, re.MULTILINE), bad.stdout
    assert "notes.md\n  3:22  warning  SPC001  missing space after ',' in 'release,and' [*]" in bad.stdout

    (project / "notes.md").write_text(CLEAN, encoding="utf-8")
    git(project, "add", "notes.md")
    clean = pre_commit(project, tmp_path / "home", "try-repo", str(hook_repo), "docqa")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"^docqa\.+Passed$", clean.stdout, re.MULTILINE), clean.stdout


def test_installed_hooks_fix_lint_and_validate_real_commits(project, hook_repo, pre_commit_home):
    rev = git(hook_repo, "rev-parse", "HEAD").strip()
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n"
        "      - id: docqa-fix\n      - id: docqa\n      - id: docqa-validate\n", encoding="utf-8")
    assert pre_commit(project, pre_commit_home, "install").returncode == 0
    assert commit(project, pre_commit_home, ".pre-commit-config.yaml")[0] == 0

    # A fixable slip: docqa-fix repairs it and stops the commit; committing the fix then passes.
    (project / "notes.md").write_text(BAD, encoding="utf-8")
    status, out = commit(project, pre_commit_home, "notes.md")
    assert status == 1, out
    assert re.search(r"^docqa \(apply safe fixes\)\.+Failed\n- hook id: docqa-fix\n- files were modified by this hook$",
                     out, re.MULTILINE), out
    assert re.search(r"^docqa\.+Passed$", out, re.MULTILINE), out
    assert (project / "notes.md").read_text(encoding="utf-8") == CLEAN
    status, out = commit(project, pre_commit_home, "notes.md")
    assert status == 0, out
    assert git(project, "log", "-1", "--format=%s", "--", "notes.md").strip() == "change"

    # A slip with no safe fix: docqa reports it and the commit fails.
    (project / "more.md").write_text("# More\n\nWe met the team in south korea.\n", encoding="utf-8")
    status, out = commit(project, pre_commit_home, "more.md")
    assert status == 1, out
    assert re.search(r"^docqa\.+Failed$", out, re.MULTILINE), out
    assert "more.md\n  3:20  warning  CAS001  'south korea' should be capitalised as 'South Korea'" in out
    subprocess.run(["git", "reset", "-q", "more.md"], cwd=project, check=True)

    # Text that is not prose is not linted.
    (project / "requirements.txt").write_text("click>=8,<9\nregex,thing\n", encoding="utf-8")
    status, out = commit(project, pre_commit_home, "requirements.txt")
    assert status == 0, out
    assert re.search(r"^docqa\.+\(no files to check\)Skipped$", out, re.MULTILINE), out

    # The config is validated when it changes.
    (project / ".docqa.toml").write_text('select = ["SPC"]\nno-such-key = 1\n', encoding="utf-8")
    status, out = commit(project, pre_commit_home, ".docqa.toml")
    assert status != 0
    assert re.search(r"^docqa \(validate config and rule packs\)\.+Failed$", out, re.MULTILINE), out
    assert "no-such-key" in out
    (project / ".docqa.toml").write_text('select = ["SPC"]\n', encoding="utf-8")
    assert commit(project, pre_commit_home, ".docqa.toml")[0] == 0
