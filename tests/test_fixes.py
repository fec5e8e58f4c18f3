"""--fix, --unsafe-fixes and --diff: atomic, idempotent, byte-preserving."""

from __future__ import annotations

import os

from docqa.finding import Applicability, Edit, Finding, Fix, Severity
from docqa.fixes import apply_edits, select_edits

BAD = "Title\nThe Group,and SK  agreed.\nEnd,here.\n"
FIXED = "Title\nThe Group, and SK agreed.\nEnd, here.\n"


def test_fix_applies_safe_fixes_and_is_idempotent(cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    first = cli("lint", "--fix", "a.txt")
    assert (tmp_path / "a.txt").read_text() == FIXED
    assert first.exit_code == 0 and "fixed 3" in first.output
    before = (tmp_path / "a.txt").stat().st_mtime_ns
    second = cli("lint", "--fix", "a.txt")
    assert second.exit_code == 0 and "fixed" not in second.output
    assert (tmp_path / "a.txt").stat().st_mtime_ns == before  # nothing rewritten
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]  # no temporary files left behind


def test_fix_keeps_crlf_bom_and_permissions(cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + BAD.replace("\n", "\r\n").encode())
    path.chmod(0o640)
    assert cli("lint", "--fix", "a.txt").exit_code == 0
    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode()
    assert path.stat().st_mode & 0o777 == 0o640


def test_fix_keeps_a_legacy_encoding(cli, tmp_path):
    path = tmp_path / "a.txt"
    text = "Caf\u00e9 cr\u00e8me,and more caf\u00e9 cr\u00e8me than expected in the d\u00e9j\u00e0 vu story.\n"
    path.write_bytes(text.encode("latin-1"))
    cli("lint", "--fix", "a.txt")
    assert path.read_bytes() == text.replace(",and", ", and").encode("latin-1")


def test_diff_prints_and_writes_nothing(cli, tmp_path):
    (tmp_path / "a.txt").write_text(BAD)
    result = cli("lint", "--diff", "a.txt")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "--- a/a.txt", "+++ b/a.txt", "@@ -1,3 +1,3 @@", " Title",
        "-The Group,and SK  agreed.", "-End,here.", "+The Group, and SK agreed.", "+End, here.",
    ]
    assert (tmp_path / "a.txt").read_text() == BAD
    (tmp_path / "b.txt").write_text(FIXED)
    assert cli("lint", "--diff", "b.txt").exit_code == 0


def _finding(start, end, content, safe=True):
    fix = Fix((Edit(start, end, content),), Applicability.SAFE if safe else Applicability.UNSAFE)
    return Finding("X", "x", "spacing", Severity.WARNING, "m", start, end, 1, 1, 1, 1, fix=fix)


def test_overlapping_edits_are_never_applied_together_and_unsafe_needs_opt_in():
    findings = [_finding(0, 3, "A"), _finding(2, 5, "B"), _finding(5, 5, "C"), _finding(5, 5, "D"), _finding(7, 8, "E", safe=False)]
    edits, count = select_edits(findings)
    assert [e.content for e in edits] == ["A", "C"] and count == 2
    assert apply_edits("abcdefghij", edits) == "AdeCfghij"
    edits, count = select_edits(findings, unsafe=True)
    assert [e.content for e in edits] == ["A", "C", "E"]


def test_file_changed_on_disk_during_fix_is_left_alone(cli, tmp_path, monkeypatch):
    import docqa.runner

    path = tmp_path / "a.txt"
    path.write_text(BAD)
    real_fix_text = docqa.runner.fix_text

    def edit_meanwhile(text, lint, **kw):  # someone saves the file while docqa computes fixes
        result = real_fix_text(text, lint, **kw)
        path.write_text("Edited by someone else,meanwhile.\n")
        return result

    monkeypatch.setattr(docqa.runner, "fix_text", edit_meanwhile)
    result = cli("lint", "--fix", "a.txt")
    assert path.read_text() == "Edited by someone else,meanwhile.\n"
    assert "a.txt: changed on disk since it was read; not fixed" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
