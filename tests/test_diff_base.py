"""--diff-base REV: only findings on lines added or changed since REV, in a real git repository."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from docqa.gitdiff import GitDiffError, filter_changed_lines, parse_unified_diff

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = (
    "Title\n"
    "The first line,has a slip that was already there.\n"
    "A clean line in the middle of the file.\n"
    "Another clean line that stays as it is.\n"
    "The last line.It was there before as well.\n"
)


def git(repo, *args):
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path):
    r = tmp_path / "repo"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    git(r, "config", "user.email", "t@example.com")
    git(r, "config", "user.name", "Test")
    git(r, "config", "commit.gpgsign", "false")
    (r / "doc.txt").write_text(OLD, encoding="utf-8")
    git(r, "add", "doc.txt")
    git(r, "commit", "-q", "-m", "base")
    return r


def _codes_lines(cli, *args):
    result = cli("lint", "--select", "SPC001", "--format", "json", *args)
    assert result.exit_code in (0, 1), result.output
    return sorted((e["path"], f["line"], f["column"]) for e in json.loads(result.stdout)["files"] for f in e["findings"])


def test_only_findings_on_changed_lines_are_reported(cli, repo, monkeypatch):
    monkeypatch.chdir(repo)
    git(repo, "switch", "-q", "-c", "feature")
    lines = OLD.split("\n")
    lines[2] = "A changed line,with a new slip in it."       # changed in a commit
    lines.insert(4, "An added line.With another new slip.")    # added in a commit
    (repo / "doc.txt").write_text("\n".join(lines), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "edit")
    with (repo / "doc.txt").open("a", encoding="utf-8") as fh:
        fh.write("Uncommitted,too.\n")                          # not committed yet
    (repo / "new.txt").write_text("Fresh\nAn untracked file,all new.\n", encoding="utf-8")

    everything = _codes_lines(cli, "doc.txt", "new.txt")
    assert everything == [("doc.txt", 2, 11), ("doc.txt", 3, 11), ("doc.txt", 5, 10), ("doc.txt", 6, 10),
                          ("doc.txt", 7, 1), ("new.txt", 2, 14)]
    assert _codes_lines(cli, "--diff-base", "main", "doc.txt", "new.txt") == [
        ("doc.txt", 3, 11), ("doc.txt", 5, 10), ("doc.txt", 7, 1), ("new.txt", 2, 14),
    ]
    # From a sub-directory, with paths relative to it, the same lines are found.
    (repo / "sub").mkdir()
    (repo / "new.txt").rename(repo / "sub" / "new.txt")
    monkeypatch.chdir(repo / "sub")
    assert _codes_lines(cli, "--diff-base", "main", "../doc.txt", "new.txt") == [
        ("../doc.txt", 3, 11), ("../doc.txt", 5, 10), ("../doc.txt", 7, 1), ("new.txt", 2, 14),
    ]


def test_commits_on_the_base_branch_after_the_fork_are_not_counted(cli, repo, monkeypatch):
    monkeypatch.chdir(repo)
    git(repo, "switch", "-q", "-c", "feature")
    (repo / "other.txt").write_text("Other\nUnrelated,file.\n", encoding="utf-8")
    git(repo, "add", "other.txt")
    git(repo, "commit", "-q", "-m", "feature work")
    git(repo, "switch", "-q", "main")
    (repo / "doc.txt").write_text(OLD.replace("line,has", "line, has"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main fixes a slip")
    git(repo, "switch", "-q", "feature")
    # Against main itself, line 2 differs (main fixed it, the feature branch did not touch it); the
    # comparison is with the fork point, where the feature branch left doc.txt as it was.
    assert _codes_lines(cli, "--diff-base", "main", "doc.txt", "other.txt") == [("other.txt", 2, 1)]


def test_a_renamed_file_reports_only_its_edited_lines(cli, repo, monkeypatch):
    monkeypatch.chdir(repo)
    git(repo, "mv", "doc.txt", "renamed.txt")
    (repo / "renamed.txt").write_text(OLD.replace("stays as it is.", "stays,as it is."), encoding="utf-8")
    git(repo, "add", "-A")
    assert _codes_lines(cli, "--diff-base", "HEAD", "renamed.txt") == [("renamed.txt", 4, 25)]


@pytest.mark.parametrize("setup, rev, message", [
    ("repo", "no-such-branch", "unknown git revision 'no-such-branch'"),
    ("plain", "HEAD", "is not inside a git repository"),
])
def test_git_problems_are_clear_errors(cli, repo, tmp_path, monkeypatch, setup, rev, message):
    where = repo if setup == "repo" else tmp_path / "plain"
    where.mkdir(exist_ok=True)
    (where / "x.txt").write_text("Title\nSome text,here.\n", encoding="utf-8")
    monkeypatch.chdir(where)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    result = cli("lint", "--diff-base", rev, "x.txt")
    assert result.exit_code == 2
    assert message in result.stderr
    with pytest.raises(GitDiffError, match=message):
        filter_changed_lines([], rev, where)


def test_missing_git_is_a_clear_error(cli, repo, monkeypatch):
    monkeypatch.chdir(repo)
    monkeypatch.setenv("PATH", "")
    result = cli("lint", "--diff-base", "HEAD", "doc.txt")
    assert result.exit_code == 2
    assert "--diff-base needs git, which is not installed or not on PATH" in result.stderr


def test_unified_diff_parsing_handles_quoting_deletions_and_counts():
    diff = (
        "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,0 +2,3 @@\n+a\n+b\n+c\n@@ -9 +12 @@\n-x\n+y\n"
        "@@ -20,2 +22,0 @@\n-gone\n-gone\n"
        '--- a/"caf\\303\\251 \\"q\\".md"\n+++ "b/caf\\303\\251 \\"q\\".md"\n@@ -0,0 +1 @@\n+new\n'
        "--- a/deleted.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-bye\n"
    )
    assert parse_unified_diff(diff) == {"x": {2, 3, 4, 12}, 'café "q".md': {1}}
