"""A third-party plugin distribution registered under ``docqa.rules`` is discovered and run."""

from __future__ import annotations

import json
import textwrap

from conftest import run_docqa

PLUGIN = '''
from docqa.finding import Family, Violation
from docqa.rules.base import Rule


class NoLorem(Rule):
    """Placeholder text left in a document.

    Flagged:
        Lorem ipsum dolor.

    Clean:
        Real text.
    """

    code = "LOR001"
    name = "no-lorem"
    family = Family.BOILERPLATE

    def check(self, doc):
        at = doc.text.find("Lorem ipsum")
        if at >= 0:
            yield Violation(at, at + 11, "placeholder text 'Lorem ipsum'")
'''


def make_plugin(site):
    """A minimal installed distribution: a module plus its .dist-info with an entry point."""
    (site / "docqa_lorem.py").write_text(PLUGIN)
    info = site / "docqa_lorem-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: docqa-lorem\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[docqa.rules]\nlorem = docqa_lorem:NoLorem\n")


def test_plugin_rule_is_listed_and_runs(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site)
    (tmp_path / "doc.md").write_text("# T\n\nLorem ipsum dolor.\n")
    env = {"PYTHONPATH": str(site)}
    listing = run_docqa("rules", cwd=tmp_path, env=env)
    assert "LOR001" in listing.stdout and "no-lorem" in listing.stdout
    proc = run_docqa("lint", "--format", "json", "doc.md", cwd=tmp_path, env=env)
    assert proc.returncode == 1, proc.stderr
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in findings if f["code"] == "LOR001"] == [("LOR001", 3, 1)]
    # without the distribution on the path, the rule is gone
    assert "LOR001" not in run_docqa("rules", cwd=tmp_path).stdout


def test_broken_plugin_is_a_clear_error(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site)
    (site / "docqa_lorem.py").write_text("raise ImportError('missing dependency xyz')\n")
    (tmp_path / "doc.md").write_text("Fine.\n")
    proc = run_docqa("lint", "doc.md", cwd=tmp_path, env={"PYTHONPATH": str(site)})
    assert proc.returncode == 2
    assert "plugin entry point 'lorem'" in proc.stderr and "missing dependency xyz" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_installing_or_removing_a_plugin_is_seen_by_a_cached_run(tmp_path):
    """Cached results are keyed by the installed plugins: a plugin installed into a directory
    that is already on the path, after a cached run, still runs; removed, it is gone again."""
    import shutil

    site = tmp_path / "site"
    site.mkdir()
    (tmp_path / "doc.md").write_text("# T\n\nLorem ipsum dolor.\n")
    env = {"PYTHONPATH": str(site), "DOCQA_CACHE_DIR": str(tmp_path / "cache")}

    def codes():
        proc = run_docqa("lint", "--format", "json", "doc.md", cwd=tmp_path, env=env)
        return [f["code"] for f in json.loads(proc.stdout)["files"][0]["findings"]]

    assert "LOR001" not in codes() and "LOR001" not in codes()  # the second run is served from the cache
    make_plugin(site)
    assert "LOR001" in codes()
    shutil.rmtree(site / "docqa_lorem-0.1.dist-info")
    (site / "docqa_lorem.py").unlink()
    assert "LOR001" not in codes()


def test_an_entry_point_edited_in_place_is_seen(tmp_path):
    """The remembered list of entry points is keyed by each distribution's entry_points.txt:
    retargeting an entry point in place (an editable install being edited) takes effect."""
    import os

    site = tmp_path / "site"
    site.mkdir()
    make_plugin(site)
    (site / "docqa_lorem.py").write_text(PLUGIN + PLUGIN.split("from docqa.rules.base import Rule", 1)[1]
                                         .replace("NoLorem", "NoIpsum").replace("LOR001", "LOR002")
                                         .replace("no-lorem", "no-ipsum"))
    (tmp_path / "doc.md").write_text("# T\n\nLorem ipsum dolor.\n")
    env = {"PYTHONPATH": str(site), "DOCQA_CACHE_DIR": str(tmp_path / "cache")}

    def codes():
        proc = run_docqa("lint", "--no-cache", "--format", "json", "doc.md", cwd=tmp_path, env=env)
        assert proc.returncode in (0, 1), proc.stderr
        return {f["code"] for f in json.loads(proc.stdout)["files"][0]["findings"]} & {"LOR001", "LOR002"}

    assert codes() == {"LOR001"} and codes() == {"LOR001"}
    entry_points = site / "docqa_lorem-0.1.dist-info" / "entry_points.txt"
    before = entry_points.stat().st_mtime_ns
    entry_points.write_text("[docqa.rules]\nlorem = docqa_lorem:NoIpsum\n")
    os.utime(entry_points, ns=(before + 10**9, before + 10**9))
    assert codes() == {"LOR002"}


def test_a_remembered_entry_point_that_no_longer_loads_is_looked_up_again(tmp_path, monkeypatch):
    """A stale or tampered list of entry points in the cache directory is not trusted when one of
    its targets fails to load: the installed distributions are scanned again."""
    from docqa import cache
    from docqa.registry import Registry

    monkeypatch.setenv("DOCQA_CACHE_DIR", str(tmp_path))
    good = {r.code for r in Registry.load()}
    (memo,) = tmp_path.glob("plugins-*.json")
    memo.write_text(json.dumps([["ghost", "docqa_no_such_module:Rule", "ghost", "1"]]))
    assert cache.rule_entry_points() == [("ghost", "docqa_no_such_module:Rule")]
    assert {r.code for r in Registry.load()} == good
    assert ("ghost", "docqa_no_such_module:Rule") not in cache.rule_entry_points()
