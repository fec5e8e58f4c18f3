"""Compiled patterns kept between processes (docqa.rx) are the patterns re.compile makes."""

from __future__ import annotations

import json
import marshal
import re
import subprocess
import sys
from pathlib import Path

import pytest

from docqa import rx, wordstats

from conftest import SEED_SPAMMY

#: Imports every module of docqa that compiles patterns, lints a seed, and reports what docqa.rx
#: did: the patterns it used, whether any had to be compiled afresh, and whether each rebuilt
#: pattern equals re.compile's (Pattern.__eq__ compares pattern, flags and the whole program).
PROBE = r"""
import json, re, sys
from docqa import rx
from docqa.cli import main
sys.argv = ["docqa", "lint", "--no-cache", "-q", "--format", "json", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
keys = list(rx._used)
print(json.dumps({
    "used": len(keys),
    "compiled_afresh": rx._dirty,
    "equal": all(rx.compile(p, f) == re.compile(p, f) for p, f in keys),
}), file=sys.stderr)
"""


def probe(cache: Path) -> tuple[dict, str]:
    done = subprocess.run([sys.executable, "-c", PROBE, str(SEED_SPAMMY)], capture_output=True, text=True,
                          env={"PATH": "", "DOCQA_CACHE_DIR": str(cache)}, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1]), done.stdout


def stored_file(cache: Path) -> Path:
    (path,) = cache.glob("regex-*.marshal")
    return path


def test_a_second_process_rebuilds_every_pattern_from_the_file_and_lints_the_same(tmp_path):
    first, out_first = probe(tmp_path)
    assert first["used"] > 100 and first["compiled_afresh"] and first["equal"]
    assert stored_file(tmp_path).stat().st_size > 0
    second, out_second = probe(tmp_path)
    assert second["used"] > 100  # (the first run also compiled what builds the word tables)
    assert not second["compiled_afresh"] and second["equal"]
    assert out_second == out_first and json.loads(out_first)["summary"]["findings"] > 20


@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty"])
def test_a_damaged_file_is_ignored_and_written_anew(tmp_path, damage):
    first, out_first = probe(tmp_path)
    path = stored_file(tmp_path)
    good = path.read_bytes()
    stored = marshal.loads(wordstats._read_verified(path.name, tmp_path))
    path.write_bytes({"garbage": b"\x00docqa" * 500, "truncate": good[: len(good) // 2], "empty": b""}[damage])
    again, out_again = probe(tmp_path)
    assert again["compiled_afresh"] and again["equal"] and out_again == out_first
    rewritten = marshal.loads(wordstats._read_verified(path.name, tmp_path))
    assert len(rewritten) > 100 and all(stored[key] == program for key, program in rewritten.items())


def test_a_stored_program_the_engine_rejects_is_compiled_afresh(tmp_path, monkeypatch):
    pattern = r"(?P<n>\d+)(?:,\d{3})*\s*percent"
    flags = int(re.IGNORECASE)
    # A file with a valid digest whose program for this pattern is nonsense.
    wordstats._write_verified(rx._NAME, marshal.dumps({(pattern, flags): (flags, [999, 1, 2], 0, {}, (None,))}),
                              tmp_path)
    monkeypatch.setattr(rx, "_stored", None)
    monkeypatch.setattr(rx, "_used", {})
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(tmp_path))
    compiled = rx.compile(pattern, re.IGNORECASE)
    assert compiled == re.compile(pattern, re.IGNORECASE)
    assert compiled.search("up 1,200 PERCENT").group("n") == "1"


def test_it_behaves_as_re_compile_for_errors_flags_and_bytes():
    with pytest.raises(re.error):
        rx.compile(r"(unclosed")
    assert rx.compile(r"a.b", re.DOTALL | re.IGNORECASE) == re.compile(r"a.b", re.DOTALL | re.IGNORECASE)
    assert rx.compile(r"(?x) a b  # comment").fullmatch("ab")
    assert rx.compile(rb"\d+").match(b"42").group() == b"42"
