"""The bad-input catalogue: every case gets a precise answer, an exact exit code, no traceback.

Fixtures are generated here (no committed binaries). Each case: what is on disk, the expected
exit code, and what stderr/stdout must say (always naming the file).
"""

from __future__ import annotations

import codecs
import json
import os

import pytest

from conftest import json_output, run_docqa

CLEAN = "A clean sentence about nothing much.\n"
BAD = "The Group,and more.\n"


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


CASES = {
    # name: (file name, bytes, exit code, substring expected in the output, finding codes in JSON or None)
    "binary-png": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 0, "image.txt: binary file", None),
    "nul-bytes": ("nul.md", b"Some text\x00with NULs\x00", 0, "nul.md: binary file", None),
    "empty": ("empty.txt", b"", 0, "0 findings in 1 file", []),
    "only-newlines": ("blank.md", b"\n\r\n\r\n", 0, "0 findings in 1 file", []),
    "latin-1": ("latin.txt", "Caf\u00e9 cr\u00e8me in the d\u00e9j\u00e0 vu story,and more caf\u00e9 text here.\n".encode("latin-1"), 1, "latin.txt", ["SPC001"]),
    "utf-16-bom": ("wide.txt", codecs.BOM_UTF16_LE + BAD.encode("utf-16-le"), 1, "wide.txt", ["SPC001"]),
    "utf-8-bom": ("bom.txt", codecs.BOM_UTF8 + BAD.encode(), 1, "bom.txt", ["SPC001"]),
    "crlf": ("crlf.txt", ("Title\r\n" + BAD.replace("\n", "\r\n")).encode(), 1, "crlf.txt", ["SPC001"]),
    "lone-cr": ("cr.txt", ("Title\r" + BAD.replace("\n", "\r")).encode(), 1, "cr.txt", ["SPC001"]),
    "long-line-no-spaces": ("long.txt", b"x" * 1_000_000 + b"\n", 0, "0 findings in 1 file", []),
    "bad-utf16-after-bom": ("broken16.txt", codecs.BOM_UTF16_LE + b"a\x00b", 1, "broken16.txt", ["DQA002"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_catalogue(case, cli, tmp_path):
    name, data, code, needle, findings = CASES[case]
    _write(tmp_path, name, data)
    result = cli("lint", name)
    assert result.exit_code == code, result.output
    assert needle in result.output
    assert "Traceback" not in result.output
    if findings is not None:
        doc = json_output(cli("lint", "--format", "json", name))
        assert [f["code"] for f in doc["files"][0]["findings"]] == findings


def test_positions_in_crlf_and_lone_cr_files(cli, tmp_path):
    for name, sep in (("crlf.txt", "\r\n"), ("cr.txt", "\r")):
        _write(tmp_path, name, f"Title{sep}Line two{sep}{BAD.strip()}{sep}".encode())
        (f,) = json_output(cli("lint", "--format", "json", name))["files"][0]["findings"]
        assert (f["line"], f["column"], f["end_column"]) == (3, 5, 14)


def test_file_over_the_size_limit_is_a_finding_with_the_remedy(cli, tmp_path):
    (tmp_path / ".docqa.toml").write_text("max-file-size = 1000\n")
    _write(tmp_path, "big.txt", b"word " * 400)
    result = cli("lint", "big.txt")
    assert result.exit_code == 1
    assert "DQA002" in result.output and "2,000 bytes, over the limit of 1,000" in result.output
    assert "max-file-size" in result.output


def test_unreadable_paths_are_findings_not_crashes(cli, tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "nowhere.md")
    result = cli("lint", "--format", "json", "loop.txt", "dangling.md")
    assert result.exit_code == 1
    by_path = {e["path"]: e["findings"] for e in json_output(result)["files"]}
    assert [f["code"] for f in by_path["loop.txt"]] == ["DQA002"]
    assert "symbolic links" in by_path["loop.txt"][0]["message"]
    assert [f["code"] for f in by_path["dangling.md"]] == ["DQA002"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a file without read permission")
def test_permission_denied_is_a_finding(cli, tmp_path):
    path = _write(tmp_path, "secret.txt", b"text\n")
    path.chmod(0)
    result = cli("lint", "secret.txt")
    assert result.exit_code == 1 and "DQA002" in result.output and "Permission denied" in result.output


def test_directory_with_symlink_loop_and_odd_names(cli, tmp_path):
    docs = tmp_path / "my docs"
    docs.mkdir()
    (docs / "loop").symlink_to(docs)  # a directory loop: not followed
    (docs / "naïve café.md").write_text(BAD)
    (docs / "with space.txt").write_text(CLEAN)
    result = cli("lint", "--format", "json", "my docs")
    assert result.exit_code == 1
    assert sorted(e["path"] for e in json_output(result)["files"]) == ["my docs/naïve café.md", "my docs/with space.txt"]


def test_subprocess_on_whole_catalogue_never_prints_a_traceback(tmp_path):
    for name, data, *_ in CASES.values():
        _write(tmp_path, name, data)
    proc = run_docqa("lint", ".", cwd=tmp_path)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "image.txt: binary file" in proc.stderr and "nul.md: binary file" in proc.stderr


@pytest.mark.skipif(not os.path.exists("/proc/self/mem"), reason="needs Linux /proc")
def test_io_error_is_a_finding_even_for_root(cli, tmp_path):
    (tmp_path / "io.txt").symlink_to("/proc/self/mem")  # reading it at offset 0 fails with EIO
    result = cli("lint", "--format", "json", "io.txt")
    assert result.exit_code == 1
    (f,) = json_output(result)["files"][0]["findings"]
    assert f["code"] == "DQA002" and f["message"] == "cannot read file: Input/output error"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_directory_walk_never_opens_a_fifo_or_follows_a_linked_directory(tmp_path):
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    os.mkfifo(docs / "pipe.txt")  # opening it for reading would block forever
    (docs / "sub" / "inner.md").write_text(BAD)
    (docs / "linked.md").symlink_to(docs / "sub")  # a directory behind a text-file name
    (docs / "loop.txt").symlink_to(docs / "loop.txt")
    (docs / "plain.txt").write_text(CLEAN)
    proc = run_docqa("lint", "--format", "json", "docs", cwd=tmp_path, timeout=60)
    assert proc.returncode == 1, proc.stderr
    files = {e["path"]: [f["code"] for f in e["findings"]] for e in json.loads(proc.stdout)["files"]}
    assert files == {"docs/loop.txt": ["DQA002"], "docs/plain.txt": [], "docs/sub/inner.md": ["SPC001"]}
