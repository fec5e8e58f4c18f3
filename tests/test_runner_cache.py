"""Parallel runs and the result cache give exactly the serial, uncached output."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from conftest import SEEDS, json_output


def _corpus(tmp_path, copies=6):
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(copies):
        for seed in SEEDS.glob("*.txt"):
            shutil.copy(seed, d / f"{i}_{seed.name}")
    return d


def test_jobs_output_is_identical_to_serial(cli, tmp_path):
    corpus = _corpus(tmp_path)
    serial = cli("lint", "--no-cache", "-j", "1", "--format", "json", corpus).stdout
    parallel = cli("lint", "--no-cache", "-j", "2", "--format", "json", corpus).stdout
    assert serial == parallel
    assert len(json.loads(serial)["files"]) == 12


def test_cache_hit_gives_same_output_and_is_used(cli, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(cache_dir))
    corpus = _corpus(tmp_path, copies=1)
    cold = cli("lint", "-j", "1", "--format", "json", corpus).stdout
    (index,) = cache_dir.glob("results-*.json")
    warm = cli("lint", "-j", "1", "--format", "json", corpus).stdout
    assert warm == cold
    # Prove the warm run read the cache: doctor an entry and see it come back.
    data = json.loads(index.read_text())
    for entry in data["entries"].values():
        for f in entry["findings"]:
            f["message"] = "FROM CACHE"
    index.write_text(json.dumps(data))
    assert "FROM CACHE" in cli("lint", "-j", "1", corpus).output
    assert "FROM CACHE" not in cli("lint", "--no-cache", "-j", "1", corpus).output


def test_corrupt_cache_is_ignored_not_trusted(cli, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(cache_dir))
    corpus = _corpus(tmp_path, copies=1)
    cold = cli("lint", "--format", "json", corpus).stdout
    (index,) = cache_dir.glob("results-*.json")
    index.write_text('{"key": "' + index.stem[8:] + '", "entries": {"x": 1')  # truncated JSON
    assert cli("lint", "--format", "json", corpus).stdout == cold
    data = json.loads(index.read_text())
    for entry in data["entries"].values():
        entry["findings"] = [{"nonsense": True}]  # wrong shape
    index.write_text(json.dumps(data))
    assert cli("lint", "--format", "json", corpus).stdout == cold


def test_changed_file_or_config_misses_the_cache(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a.txt").write_text("The Group,and more.\n")
    assert len(json_output(cli("lint", "--format", "json", "a.txt"))["files"][0]["findings"]) == 1
    (tmp_path / "a.txt").write_text("The Group, and more.\n")
    assert json_output(cli("lint", "--format", "json", "a.txt"))["files"][0]["findings"] == []
    (tmp_path / "a.txt").write_text("The Group,and more.\n")
    assert json_output(cli("lint", "--format", "json", "--ignore", "SPC001", "a.txt"))["files"][0]["findings"] == []


def test_a_run_served_from_the_cache_loads_no_rule_but_says_and_lists_what_the_cold_run_did(tmp_path):
    """All files cached: no rule module is imported, the grammar notice of the cold run is
    repeated, and SARIF (which lists the rules) still gets them; a changed rule pack or option
    is a new key, so the rules run again."""
    import os
    import subprocess
    import sys

    corpus = _corpus(tmp_path, copies=1)
    env = {k: v for k, v in os.environ.items() if k != "DOCQA_LANGUAGETOOL_URL"}
    env["DOCQA_CACHE_DIR"] = str(tmp_path / "cache")
    probe = (
        "import sys\nfrom docqa.cli import main\nsys.argv = ['docqa', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('RULES LOADED' if 'docqa.rules.casing' in sys.modules else 'RULES NOT LOADED', file=sys.stderr)\n"
    )

    def run(*args):
        return subprocess.run([sys.executable, "-c", probe, "lint", "-j", "1", *args, str(corpus)],
                              cwd=tmp_path, env=env, capture_output=True, text=True)

    cold, warm = run("--format", "json"), run("--format", "json")
    assert "RULES LOADED" in cold.stderr and "RULES NOT LOADED" in warm.stderr
    assert warm.stdout == cold.stdout and json.loads(warm.stdout)["summary"]["findings"] > 10
    notice = "grammar checks (GRM001) skipped"
    assert notice in cold.stderr and notice in warm.stderr
    sarif_cold, sarif_warm = run("--format", "sarif"), run("--format", "sarif")
    assert sarif_warm.stdout == sarif_cold.stdout
    assert len(json.loads(sarif_warm.stdout)["runs"][0]["tool"]["driver"]["rules"]) > 20
    (tmp_path / "pack.yaml").write_text(
        "code: TST001\nname: no-very\nkind: existence\nfamily: grammar\nmessage: \"avoid {match!r}\"\n"
        "tokens: [very]\nexamples:\n  flagged: [\"It is very good.\"]\n  clean: [\"It is good.\"]\n"
    )
    (tmp_path / ".docqa.toml").write_text('rule-packs = ["pack.yaml"]\n')
    with_pack = run("--format", "json")
    assert "RULES LOADED" in with_pack.stderr
    assert "RULES NOT LOADED" in run("--format", "json").stderr


def test_an_unchanged_file_is_not_read_again_and_a_changed_one_always_is(cli, tmp_path, monkeypatch):
    """The index remembers each file's status (size, times, inode) with its content digest. A
    file rewritten with the same size and its modification time put back still changes its
    status-change time, so it is read again; a file changed in the last two seconds is never
    remembered at all."""
    import os

    import docqa.cache

    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(cache_dir))
    a = tmp_path / "a.txt"
    a.write_text("The Group,and more.\n")
    first = json_output(cli("lint", "-j", "1", "--format", "json", "a.txt"))
    (index,) = cache_dir.glob("results-*.json")
    assert json.loads(index.read_text())["stats"] == {}  # written just now: not remembered

    monkeypatch.setattr(docqa.cache, "RACY_NS", 0)
    cli("lint", "-j", "1", "--format", "json", "a.txt")
    (entry,) = json.loads(index.read_text())["stats"].values()
    assert entry[0] == a.stat().st_size

    before = a.stat()
    a.write_text("The Group, and more\n")  # same size, different text
    os.utime(a, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert a.stat().st_mtime_ns == before.st_mtime_ns and a.stat().st_size == before.st_size
    second = json_output(cli("lint", "-j", "1", "--format", "json", "a.txt"))
    assert [f["code"] for f in first["files"][0]["findings"]] == ["SPC001"]
    assert second["files"][0]["findings"] == []


def test_stale_caches_of_other_configurations_and_environments_are_deleted(cli, tmp_path, monkeypatch):
    import os
    import time

    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(cache_dir))
    month_ago = time.time() - 40 * 86400
    old = [cache_dir / "results-0ld.json", cache_dir / "plugins-0ld.json"]
    recent = [cache_dir / "results-other.json", cache_dir / "plugins-other.json"]
    table = cache_dir / "wordfreq-en-0ld.marisa"  # tables are not a sibling kind: left alone
    for p in [*old, *recent, table]:
        p.write_text("{}", encoding="utf-8")
    for p in [*old, table]:
        os.utime(p, (month_ago, month_ago))
    corpus = _corpus(tmp_path, copies=1)
    cli("lint", "-j", "1", "--format", "json", corpus)
    assert not any(p.exists() for p in old)
    assert all(p.exists() for p in recent) and table.exists()
    assert len(list(cache_dir.glob("results-*.json"))) == 2  # this run's and the recent one


def test_at_most_so_many_sibling_caches_are_kept(tmp_path):
    import os
    import time

    from docqa.cache import prune_siblings

    now = time.time()
    for i in range(10):
        p = tmp_path / f"results-{i}.json"
        p.write_text("{}", encoding="utf-8")
        os.utime(p, (now - i * 60, now - i * 60))  # results-0 the newest
    mine = tmp_path / "results-mine.json"
    mine.write_text("{}", encoding="utf-8")
    removed = prune_siblings(mine, "results-*.json", keep=4)
    assert sorted(p.name for p in removed) == [f"results-{i}.json" for i in range(3, 10)]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results-0.json", "results-1.json", "results-2.json",
                                                          "results-mine.json"]


def test_clean_deletes_docqa_caches_and_nothing_else(cli, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    monkeypatch.setenv("DOCQA_CACHE_DIR", str(cache_dir))
    corpus = _corpus(tmp_path, copies=1)
    cold = cli("lint", "-j", "1", "--format", "json", corpus).stdout
    ours = sorted(p.name for p in cache_dir.iterdir())
    assert any(n.startswith("results-") for n in ours) and any(n.startswith("plugins-") for n in ours)
    (cache_dir / "notes.txt").write_text("not docqa's", encoding="utf-8")
    done = cli("clean")
    assert done.exit_code == 0 and done.output.startswith("docqa: removed ")
    assert sorted(p.name for p in cache_dir.iterdir()) == ["notes.txt"]
    assert cli("clean").output == f"docqa: nothing to remove in {cache_dir.resolve()}\n"
    # The next run rebuilds what it needs and says the same.
    assert cli("lint", "-j", "1", "--format", "json", corpus).stdout == cold


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG rule is written out for Linux only")
@pytest.mark.parametrize("xdg", [None, "", "   ", "/tmp/xdg-cache-test"])
def test_the_cache_directory_is_the_one_platformdirs_gives(monkeypatch, xdg):
    from platformdirs import user_cache_dir

    from docqa.cachedir import default_dir

    monkeypatch.delenv("DOCQA_CACHE_DIR", raising=False)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert default_dir() == Path(user_cache_dir("docqa", appauthor=False))
    monkeypatch.setenv("DOCQA_CACHE_DIR", "/tmp/elsewhere")
    assert default_dir() == Path("/tmp/elsewhere")
