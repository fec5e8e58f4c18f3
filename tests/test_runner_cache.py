"""Parallel runs and the result cache give exactly the serial, uncached output."""

from __future__ import annotations

import json
import shutil

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
