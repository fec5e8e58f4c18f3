"""Spacing rules (SPC001-SPC005): exact findings, the places they must step around, safe fixes."""

from __future__ import annotations

import pytest

from conftest import SEED_CLEAN, SEED_SPAMMY
from docqa.config import Settings
from docqa.engine import instantiate, lint_text
from docqa.rules import spacing

ALL = spacing.RULES


def run(text: str, rules=ALL, path: str = "t.txt"):
    found = lint_text(text, instantiate(rules, Settings()), path=path).findings
    return [(f.code, f.line, f.column, text[f.start:f.end]) for f in found]


def test_seed_004_spacing_findings():
    text = SEED_SPAMMY.read_text(encoding="utf-8")
    assert run(text) == [
        ("SPC001", 23, 33, "Jae-yong,Chairman"),
        ("SPC001", 23, 62, "Group,and"),
        ("SPC001", 23, 77, "Tae-won,Chairman"),
        ("SPC001", 23, 100, "Group,underscoring"),
        ("SPC001", 23, 287, "companies,focusing"),
        ("SPC001", 57, 112, "economies.The"),
        ("SPC001", 57, 328, "concerns.Analyzing"),
        ("SPC001", 58, 51, "Korea,linking"),
        ("SPC001", 65, 250, "deployment.This"),
        ("SPC001", 65, 303, "Seoul,requiring"),
        ("SPC001", 73, 79, "Korea,while"),
        ("SPC001", 73, 91, "principled,failed"),
    ]


def test_clean_seed_has_no_spacing_finding():
    assert run(SEED_CLEAN.read_text(encoding="utf-8")) == []


def test_every_spacing_fix_is_safe_and_inserts_or_removes_only_spaces():
    text = "A,b c.Then  d , e ( f ) g,, h.. I"
    for f in lint_text(text, instantiate(ALL, Settings())).findings:
        assert f.fix is not None and f.fix.is_safe
        for e in f.fix.edits:
            assert (text[e.start:e.end].strip(), e.content.strip()) in (("", ""), (",,", ","), ("..", "."))


@pytest.mark.parametrize("text", [
    "Sales rose to 1,200 units in version 3.11.2 of the U.S.A. edition.",
    "See example.com, config.yaml or john.doe@example.com for details.",
    "She earned a Ph.D. in 1990; then-U.S. officials agreed; x,y pairs are fine.",
    "Use System.Text.Json or ASP.NET here.",
    "Visit https://example.com/a,b.Then come back.",
    "Run `a.Then,b` in the shell.",
])
def test_missing_space_after_punctuation_steps_around_numbers_names_and_code(text):
    assert run(text, [spacing.MissingSpaceAfterPunctuation], path="t.md") == []


def test_missing_space_after_marks_and_closing_quotes():
    assert run("Is it true?Yes. He said.”Then she left;and so on. Note:This matters.") == [
        ("SPC001", 1, 7, "true?Yes"),
        ("SPC001", 1, 20, "said.”Then"),
        ("SPC001", 1, 35, "left;and"),
        ("SPC001", 1, 51, "Note:This"),
    ]
    f = lint_text("He said.”Then", instantiate([spacing.MissingSpaceAfterPunctuation], Settings())).findings[0]
    assert [(e.start, e.end, e.content) for e in f.fix.edits] == [(9, 9, " ")]


def test_multiple_spaces():
    assert run("This is   a  test   sentence.") == [
        ("SPC002", 1, 8, "   "), ("SPC002", 1, 12, "  "), ("SPC002", 1, 18, "   "),
    ]
    assert run("This \u00a0is a test.") == [("SPC002", 1, 5, " \u00a0")]
    # A document that doubles every gap between sentences keeps its habit.
    assert run("One.  Two.  Three sentences, each gap doubled on purpose.  Four.") == []
    # Columns laid out with spaces are not prose.
    assert run("Name    Value    Unit\nAlpha   12       kg\n") == []


def test_space_before_punctuation():
    assert run("This , is a test ; ok .") == [
        ("SPC003", 1, 5, " ,"), ("SPC003", 1, 17, " ;"), ("SPC003", 1, 22, " ."),
    ]
    assert run("This ,is a test.") == [("SPC003", 1, 5, " ,")]
    assert run("A sentence with ellipsis ... and a smile :) and .5 of the .org domain.") == []


def test_space_inside_brackets_and_curly_quotes():
    assert run("This ( foo bar) is (baz ) and “ marks ” here.") == [
        ("SPC004", 1, 6, "( "), ("SPC004", 1, 24, " )"), ("SPC004", 1, 31, "“ "), ("SPC004", 1, 38, " ”"),
    ]
    assert run("- [ ] A checkbox at GitHub\n", path="c.md") == []


def test_doubled_punctuation():
    assert run("This,, is a test sentence.. Another sentence.") == [
        ("SPC005", 1, 5, ",,"), ("SPC005", 1, 26, ".."),
    ]
    assert run("Wait... More stuff.... Count 1..10 in ../docs and ,,quoted'' text.") == []


def test_code_and_urls_in_markdown_are_never_checked():
    text = "Call `f(a ,b)  x` or see <https://x.org/a,b.C>.\n\n```\nx = 1 ,2\n```\n"
    assert run(text, path="m.md") == []
