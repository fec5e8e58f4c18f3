"""--format rdjson (reviewdog) and --format junit."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from docqa.document import LineIndex
from docqa.engine import FileResult
from docqa.finding import Finding, Fix, Severity
from docqa.reporters.base import RunReport
from docqa.reporters.junit import JunitReporter
from docqa.reporters.rdjson import RdjsonReporter


def test_rdjson_counts_columns_in_utf8_bytes_and_carries_fixes(cli, tmp_path):
    # "𝒳" is four bytes and "é" two: code-point columns and UTF-8 byte columns differ.
    (tmp_path / "notes.md").write_text("# Notes\n\nThe 𝒳 café,and the bakery.\n", encoding="utf-8")
    result = cli("lint", "--select", "SPC001", "--format", "rdjson", "notes.md")
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["source"] == {"name": "docqa"}
    (d,) = doc["diagnostics"]
    assert d["message"] == "missing space after ',' in 'café,and'"
    assert d["severity"] == "WARNING"
    assert d["code"] == {"value": "SPC001"}
    # 'café,and' starts at code point 7 (byte 10) and ends before code point 15 (byte 19).
    assert d["location"] == {"path": "notes.md", "range": {"start": {"line": 3, "column": 10},
                                                           "end": {"line": 3, "column": 19}}}
    line = "The 𝒳 café,and the bakery.".encode("utf-8")
    assert line[10 - 1:19 - 1].decode("utf-8") == "café,and"
    assert line[:16 - 1].decode("utf-8") == "The 𝒳 café,"
    assert d["suggestions"] == [{"range": {"start": {"line": 3, "column": 16}, "end": {"line": 3, "column": 16}},
                                 "text": " "}]
    assert d["original_output"] == "notes.md:3:7: SPC001 missing space after ',' in 'café,and'"
    # Severities are reviewdog's enum names; positions are integers, as its schema requires.
    assert {x["severity"] for x in doc["diagnostics"]} <= {"ERROR", "WARNING", "INFO"}


def test_rdjson_of_a_clean_run_is_an_empty_list(cli, tmp_path):
    (tmp_path / "ok.md").write_text("# Fine\n\nThis text is fine.\n", encoding="utf-8")
    result = cli("lint", "--format", "rdjson", "ok.md")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"source": {"name": "docqa"}, "diagnostics": []}


def test_rdjson_falls_back_to_code_point_columns_when_the_file_is_gone(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    f = Finding(code="TST001", name="t", family="spacing", severity=Severity.INFO, message="m",
                start=5, end=7, line=2, column=3, end_line=2, end_column=5, fix=Fix.replace(6, 6, " "))
    out = RdjsonReporter().render(RunReport([FileResult("gone.md", [f], lines=LineIndex("ab\ncdé fg"))], "0"))
    (d,) = json.loads(out)["diagnostics"]
    assert d["location"]["range"] == {"start": {"line": 2, "column": 3}, "end": {"line": 2, "column": 5}}
    assert d["suggestions"][0]["range"]["start"] == {"line": 2, "column": 4}
    assert d["severity"] == "INFO"


def test_junit_has_a_suite_per_file_and_a_failure_per_finding(cli, tmp_path):
    (tmp_path / "ok.md").write_text("# Fine\n\nThis text is fine.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Title\nThe Group,and more.\nAlso,this.\n", encoding="utf-8")
    result = cli("lint", "--select", "SPC001", "--format", "junit", "ok.md", "bad.txt")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "3", "2")
    suites = {s.get("name"): s for s in root}
    assert (suites["ok.md"].get("tests"), suites["ok.md"].get("failures")) == ("1", "0")
    (passing,) = suites["ok.md"]
    assert passing.find("failure") is None
    cases = list(suites["bad.txt"])
    assert [(c.get("name"), c.get("line"), c.find("failure").get("type"), c.find("failure").get("message"))
            for c in cases] == [
        ("SPC001 (missing-space-after-punctuation) at 2:5", "2", "SPC001", "missing space after ',' in 'Group,and'"),
        ("SPC001 (missing-space-after-punctuation) at 3:1", "3", "SPC001", "missing space after ',' in 'Also,this'"),
    ]
    assert cases[0].find("failure").text == "bad.txt:2:5: warning SPC001 missing space after ',' in 'Group,and'"


def test_junit_escapes_markup_and_drops_characters_xml_cannot_hold():
    f = Finding(code="TST001", name="t", family="spacing", severity=Severity.ERROR,
                message='<b>&"quoted"</b>\x00\x1b end', start=0, end=1, line=1, column=1, end_line=1, end_column=2)
    out = JunitReporter().render(RunReport(results=[FileResult("a&b.md", [f])], version="0"))
    failure = ET.fromstring(out).find("testsuite/testcase/failure")
    assert failure.get("message") == '<b>&"quoted"</b>\ufffd\ufffd end'
    assert ET.fromstring(out).find("testsuite").get("name") == "a&b.md"
