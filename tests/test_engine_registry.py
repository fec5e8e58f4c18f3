"""The engine (crash containment, severities, prose filtering) and rule selection."""

from __future__ import annotations


import pytest

from docqa.config import Settings
from docqa.engine import instantiate, lint_text, RuleOptionError
from docqa.finding import Family, Severity, Violation
from docqa.registry import Registry, RegistryError
from docqa.rules.base import Rule, parse_examples


class Shouty(Rule):
    """Flags the word SHOUT.

    Flagged:
        please SHOUT now

    Clean:
        please speak
    """

    code = "TST001"
    name = "shouty"
    family = Family.STRUCTURE
    options = {"word": "SHOUT"}

    def check(self, doc):
        word = self.opts["word"]
        at = doc.text.find(word)
        while at >= 0:
            yield Violation(at, at + len(word), f"found {word}")
            at = doc.text.find(word, at + 1)


class Crashes(Rule):
    """Always raises.

    Flagged:
        anything
    """

    code = "TST002"
    name = "crashes"
    family = Family.STRUCTURE

    def check(self, doc):
        raise ValueError("boom")


class OffByDefault(Rule):
    """Off unless selected by code."""

    code = "TST003"
    name = "off-by-default"
    family = Family.CASING
    default_enabled = False

    def check(self, doc):
        return ()


def test_crashing_rule_becomes_internal_error_and_others_still_run():
    result = lint_text("please SHOUT\n", [Crashes(), Shouty()], path="a.txt")
    codes = [f.code for f in result.findings]
    assert codes == ["DQA001", "TST001"]
    crash = result.findings[0]
    assert "TST002" in crash.message and "ValueError: boom" in crash.message
    assert crash.severity is Severity.ERROR


def test_positions_and_severity_override():
    settings = Settings(severity={"TST001": Severity.ERROR})
    result = lint_text("one\r\ntwo SHOUT\n", instantiate([Shouty], settings), settings=settings)
    (f,) = result.findings
    assert (f.line, f.column, f.end_line, f.end_column, f.severity) == (2, 5, 2, 10, Severity.ERROR)


def test_findings_inside_code_are_dropped_for_prose_rules():
    result = lint_text("Text `SHOUT` and SHOUT.\n", [Shouty()], path="a.md")
    assert [(f.column, f.end_column) for f in result.findings] == [(18, 23)]


def test_rule_options_are_validated_and_used():
    rules = instantiate([Shouty], Settings(rule_options={"TST001": {"word": "HEY"}}))
    assert [f.column for f in lint_text("x HEY SHOUT", rules).findings] == [3]
    with pytest.raises(RuleOptionError, match="unknown option rules.TST001.wrod"):
        instantiate([Shouty], Settings(rule_options={"TST001": {"wrod": "x"}}))
    with pytest.raises(RuleOptionError, match="must be str, got int"):
        instantiate([Shouty], Settings(rule_options={"TST001": {"word": 3}}))


def test_selection_by_prefix_family_name_and_default_state():
    reg = Registry.load([Shouty, Crashes, OffByDefault], plugins=False)
    assert [r.code for r in reg.select()] == ["TST001", "TST002"]
    assert [r.code for r in reg.select(["TST"])] == ["TST001", "TST002"]
    assert [r.code for r in reg.select(["TST003"])] == ["TST003"]
    assert [r.code for r in reg.select(["structure"], ignore=["crashes"])] == ["TST001"]
    assert [r.code for r in reg.select(extend_select=["off-by-default"])] == ["TST001", "TST002", "TST003"]
    with pytest.raises(RegistryError, match="unknown rule selector 'NOPE'"):
        reg.select(["NOPE"])


def test_bad_rule_metadata_is_refused():
    class Bad(Rule):
        """Bad."""

        code = "bad1"
        name = "Bad Name"

    with pytest.raises(RegistryError, match="code 'bad1'"):
        Registry.load([Bad], plugins=False)


def test_docstring_examples_parse():
    flagged, clean = Shouty.examples()
    assert (flagged, clean) == (["please SHOUT now"], ["please speak"])
    assert parse_examples("Sum.\n\nFlagged:\n    a\\nb\n") == (["a\nb"], [])


class CollectorProbe(Rule):
    """Records whether Python's cyclic garbage collector runs while it checks a document."""

    code = "TST009"
    name = "collector-probe"
    family = Family.STRUCTURE
    seen: list = []

    def check(self, doc):
        import gc

        CollectorProbe.seen.append(gc.isenabled())
        if "boom" in doc.text:
            raise ValueError("boom")
        return []


def test_the_collector_is_paused_while_a_file_is_linted_and_restored_after(tmp_path):
    import gc

    from docqa.runner import Job, lint_file

    job = Job(rules=instantiate([CollectorProbe, Crashes], Settings()), settings=Settings())
    (tmp_path / "a.txt").write_text("calm text\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("boom\n", encoding="utf-8")
    assert gc.isenabled()
    CollectorProbe.seen.clear()
    for name in ("a.txt", "b.txt"):
        result = lint_file(tmp_path / name, name, job)
        assert gc.isenabled()  # back on after the file, also after a rule crashed
        assert any(f.code == "DQA001" for f in result.findings)  # the crash is a finding
    assert CollectorProbe.seen == [False, False]
    gc.disable()
    try:
        lint_file(tmp_path / "a.txt", "a.txt", job)
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()
