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
#: pattern equals re.compile's (Pattern.__eq__ compares pattern, flags and the whole program);
#: the same for the ``regex`` module's patterns (the built-in pack's), compared by what they pickle to.
#: (``regex`` does not emit the same program twice: its optimiser walks sets, so the code of a large
#: alternation differs from process to process. So a rebuilt ``regex`` pattern is compared with a
#: fresh one by everything else it pickles to and by what it matches in the linted seed.)
PROBE = r"""
import json, re, sys
import regex
from docqa import rx
text = open(sys.argv[1], encoding="utf-8").read()
def same_regex(a, b):
    data_a, data_b = list(a._pickled_data), list(b._pickled_data)
    del data_a[2], data_b[2]  # the program
    return data_a == data_b and [m.span() for m in a.finditer(text)] == [m.span() for m in b.finditer(text)]
from docqa.cli import main
sys.argv = ["docqa", "lint", "--no-cache", "-q", "--format", "json", sys.argv[1]]
try:
    main()
except SystemExit:
    pass
keys = list(rx.RE.used)
store = rx.regex_store()
print(json.dumps({
    "used": len(keys),
    "compiled_afresh": rx.RE.dirty,
    "equal": all(rx.compile(p, f) == re.compile(p, f) for p, f in keys),
    "regex_used": len(store.used),
    "regex_compiled_afresh": store.dirty,
    "regex_equal": all(same_regex(rx.compile_regex(p, f), regex.compile(p, f)) for p, f, _ in store.used),
}), file=sys.stderr)
"""


def probe(cache: Path) -> tuple[dict, str]:
    done = subprocess.run([sys.executable, "-c", PROBE, str(SEED_SPAMMY)], capture_output=True, text=True,
                          env={"PATH": "", "DOCQA_CACHE_DIR": str(cache)}, timeout=120)
    return json.loads(done.stderr.strip().splitlines()[-1]), done.stdout


def stored_file(cache: Path, prefix: str = "regex-") -> Path:
    (path,) = cache.glob(f"{prefix}*.marshal")
    return path


def test_a_second_process_rebuilds_every_pattern_from_the_file_and_lints_the_same(tmp_path):
    first, out_first = probe(tmp_path)
    assert first["used"] > 100 and first["compiled_afresh"] and first["equal"]
    assert stored_file(tmp_path).stat().st_size > 0
    assert first["regex_used"] >= 2 and first["regex_compiled_afresh"] and first["regex_equal"]
    assert stored_file(tmp_path, "regexmod-").stat().st_size > 0
    second, out_second = probe(tmp_path)
    assert second["used"] > 100  # (the first run also compiled what builds the word tables)
    assert not second["compiled_afresh"] and second["equal"]
    assert second["regex_used"] == first["regex_used"]
    assert not second["regex_compiled_afresh"] and second["regex_equal"]
    assert out_second == out_first and json.loads(out_first)["summary"]["findings"] > 20


@pytest.mark.parametrize("damage", ["garbage", "truncate", "empty"])
@pytest.mark.parametrize("engine", ["re", "regex"])
def test_a_damaged_file_is_ignored_and_written_anew(tmp_path, damage, engine):
    first, out_first = probe(tmp_path)
    prefix, afresh, least = {"re": ("regex-", "compiled_afresh", 100), "regex": ("regexmod-", "regex_compiled_afresh", 2)}[engine]
    path = stored_file(tmp_path, prefix)
    good = path.read_bytes()
    stored = marshal.loads(wordstats._read_verified(path.name, tmp_path))
    path.write_bytes({"garbage": b"\x00docqa" * 500, "truncate": good[: len(good) // 2], "empty": b""}[damage])
    again, out_again = probe(tmp_path)
    assert again[afresh] and again["equal"] and again["regex_equal"] and out_again == out_first
    rewritten = marshal.loads(wordstats._read_verified(path.name, tmp_path))
    # (the regex module's programs differ from compile to compile: see PROBE)
    same = (lambda a, b: a == b) if engine == "re" else (lambda a, b: a[:2] + a[3:] == b[:2] + b[3:])
    assert len(rewritten) >= least and all(same(stored[key], product) for key, product in rewritten.items())


def test_a_stored_program_the_engine_rejects_is_compiled_afresh(tmp_path, monkeypatch):
    pattern = r"(?P<n>\d+)(?:,\d{3})*\s*percent"
    flags = int(re.IGNORECASE)
    # A file with a valid digest whose program for this pattern is nonsense.
    wordstats._write_verified(rx._NAME, marshal.dumps({(pattern, flags): (flags, [999, 1, 2], 0, {}, (None,))}),
                              tmp_path)
    monkeypatch.setattr(rx, "RE", rx.Store(rx._NAME))
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


def test_a_stored_regex_product_of_another_shape_is_compiled_afresh(tmp_path, monkeypatch):
    import regex

    pattern, flags = r"(?<!\w)according\s+to\s+reports(?!\w)", int(regex.V0 | regex.IGNORECASE)
    store = rx.Store("regexmod-test.marshal")
    key = (pattern, flags, int(regex.DEFAULT_VERSION))
    # A file with a valid digest whose product for this pattern is not what _regex.compile takes.
    wordstats._write_verified(store.name, marshal.dumps({key: (pattern, flags, b"\xff\x00")}), tmp_path)
    monkeypatch.setattr(rx, "_regex_store", store)
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(tmp_path))
    compiled = rx.compile_regex(pattern, flags)
    assert compiled._pickled_data[3:] == regex.compile(pattern, flags)._pickled_data[3:]
    assert compiled.search("As ACCORDING TO  reports show").span() == (3, 24)


def test_compile_regex_behaves_as_regex_compile_for_errors_flags_and_timeouts(tmp_path, monkeypatch):
    import regex

    monkeypatch.setattr(rx, "_regex_store", None)
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(tmp_path))
    with pytest.raises(regex.error):
        rx.compile_regex(r"(unclosed")
    for _ in range(2):  # compiled, then rebuilt from the store
        p = rx.compile_regex(r"\p{Lu}\w+", regex.V0)
        assert p.findall("the Bank of Korea", timeout=1.0) == ["Bank", "Korea"]
    assert rx.compile_regex(rb"\d+").match(b"42").group() == b"42"
    assert rx.compile_regex(r"a.b", regex.DOTALL | regex.IGNORECASE).fullmatch("A\nB")
