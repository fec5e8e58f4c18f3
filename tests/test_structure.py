"""Structure rules: table of contents against the body, empty sections, truncated endings, repeated titles."""

from __future__ import annotations

import pytest

from conftest import SEED_CLEAN, SEED_SPAMMY
from docqa.config import Settings
from docqa.document import parse
from docqa.engine import instantiate, lint_text
from docqa.registry import Registry
from docqa.rules.structure import entry_text, normalize, sections, similarity, tables_of_contents

REGISTRY = Registry.load()


def lint(text: str, *codes: str, path: str = "doc.txt"):
    names = codes or ["structure"]
    rules = instantiate(REGISTRY.select(list(names)), Settings())
    findings = lint_text(text, rules, path=path).findings
    return [(f.code, f.line, f.column, text[f.start:f.end]) for f in findings], findings


def test_spammy_seed():
    text = SEED_SPAMMY.read_text(encoding="utf-8")
    found, findings = lint(text)
    last = text.splitlines()[72]
    assert found == [
        ("STR001", 15, 3, "13. Navigating north Korea: A Harder Line"),
        ("STR002", 42, 1, "Frequently Asked Questions about South Korea’s AI Initiative"),
        ("STR003", 73, 3, last[2:]),
    ]
    toc, faq, end = findings
    assert toc.data["entry"] == "Navigating north Korea: A Harder Line"
    assert toc.data["matched_entries"] == 17 and toc.data["entries"] == 18
    assert faq.data == {"heading": "Frequently Asked Questions about South Korea’s AI Initiative",
                        "reason": "only questions", "questions": 2}
    assert end.message.startswith("the document ends mid-sentence ('…and arguably contributed to'): it stops on 'to'")


def test_clean_seed_has_no_structure_findings():
    assert lint(SEED_CLEAN.read_text(encoding="utf-8"))[0] == []


# --------------------------------------------------------------------------- STR001
def test_toc_entries_are_fuzzy_matched():
    text = ("Guide\nTable of Contents\n- 1. Getting started!\n- 2. Usage & options\n- 3) Trouble-shooting\n- 4. Release notes\n\n"
            "Getting Started\n\nInstall it.\n\nUsage and options\n\nRun it.\n\nTroubleshooting\n\nRead the log.\n")
    found, (f,) = lint(text, "STR001")
    assert found == [("STR001", 6, 3, "4. Release notes")]
    assert f.data["matched_entries"] == 3


def test_markdown_toc_links():
    text = ("# Guide\n\n## Contents\n\n- [Setup](#setup)\n- [Usage](#usage)\n- [FAQ](#faq)\n\n"
            "## Setup\n\nInstall.\n\n## Usage\n\nRun.\n")
    found, _ = lint(text, "STR001", path="doc.md")
    assert found == [("STR001", 7, 3, "[FAQ](#faq)")]


def test_toc_that_matches_nothing_is_left_alone():
    text = "Guide\nTable of Contents\n- Setup\n- Usage\n\nThe tool installs itself. It runs on a folder.\n"
    assert lint(text, "STR001")[0] == []


def test_toc_helpers():
    doc = parse("Guide\nTable of Contents\n- 1.2 [Setup](#s) ...... 4\n\nSetup\n\nText.\n", "d.txt")
    (toc,) = tables_of_contents(doc)
    assert doc.slice(toc.heading) == "Table of Contents"
    assert [entry_text(doc, e) for e in toc.entries] == ["Setup"]
    assert normalize("Usage &  Options!") == "usage options"
    assert similarity("getting started", "getting started") == 1.0
    assert similarity("release notes", "getting started") < 0.5


# --------------------------------------------------------------------------- STR002
def test_markdown_empty_section_and_parent_heading():
    text = "# Report\n\n## Results\n\n### Unit tests\n\nPassed.\n\n## Plans\n\n## Risks\n\nFew.\n"
    found, (f,) = lint(text, "STR002", path="doc.md")
    assert found == [("STR002", 9, 4, "Plans")]
    assert f.data == {"heading": "Plans", "reason": "empty section", "next": "Risks"}


def test_plain_text_consecutive_headings_are_left_alone_but_a_trailing_one_is_not():
    text = "Report\n\nResults\n\nUnit tests\n\nThe tests passed.\n\nNext Steps\n"
    found, _ = lint(text, "STR002")
    assert found == [("STR002", 9, 1, "Next Steps")]
    # A sentence-case last line in plain text may be a cut-off sentence: not claimed as a heading.
    assert lint(text.replace("Next Steps", "But wait, there is more"), "STR002")[0] == []


def test_a_checklist_of_questions_is_a_body():
    text = "# Review\n\n## Intent\n\n- What is the change?\n- Do we want this feature?\n\n## Tests\n\nRun them.\n"
    assert lint(text, "STR002", path="doc.md")[0] == []
    # the same questions as paragraphs, with no answer: an FAQ template
    text = "# Review\n\n## Intent\n\nWhat is the change?\n\nDo we want this feature?\n\n## Tests\n\nRun them.\n"
    assert [f[0] for f in lint(text, "STR002", path="doc.md")[0]] == ["STR002"]


def test_questions_followed_by_answers_are_a_body():
    text = "Guide\n\nCommon problems\n\nWhy does it fail?\n\nThe cable is loose.\n"
    assert lint(text, "STR002")[0] == []


# --------------------------------------------------------------------------- STR003
@pytest.mark.parametrize("ending,why", [
    ("The plan was approved by the board and", "it stops on 'and', which cannot end a sentence"),
    ("The plan was approved by the committee,", "it stops on ','"),
])
def test_truncated_endings(ending, why):
    text = f"Plan\n\nThe budget was discussed at length. {ending}\n"
    found, (f,) = lint(text, "STR003")
    assert found == [("STR003", 3, 37, ending)]
    assert f.data["reason"] == why


def test_unterminated_paragraph_after_terminated_sentences():
    text = "Plan\n\nThe budget was discussed at length. Members then voted on the revised plan for next year\n"
    found, (f,) = lint(text, "STR003")
    assert found == [("STR003", 3, 37, "Members then voted on the revised plan for next year")]
    assert f.data["reason"] == "its earlier sentences end with punctuation but the last one does not"


@pytest.mark.parametrize("text", [
    "Plan\n\nThe budget was discussed at length.\n",
    "# Plan\n\nThe budget was discussed. ~~Scratch this.~~\n",
    "Plan\n\nThe budget was discussed.\n\n- apples and pears\n- oranges from Spain and Italy\n",
    "Plan\n\nThe budget was discussed.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "Plan\n\nSee https://example.com/a-very-long-path-to\n",
    "Plan\n\nThe budget was discussed at length. It was approved in 1805. [6][7]\n",  # reference markers
])
def test_complete_endings(text):
    assert lint(text, "STR003")[0] == []


# --------------------------------------------------------------------------- STR004
def test_duplicated_title_but_not_in_the_toc():
    text = ("Budget passes after debate\nTable of Contents\n- Budget passes after debate\n- Vote\n\n"
            "Budget Passes After Debate!\n\nThe council approved it.\n\nVote\n\nIt was close.\n")
    found, (f,) = lint(text, "STR004")
    assert found == [("STR004", 6, 1, "Budget Passes After Debate!")]
    assert f.message == "the title 'Budget passes after debate' (line 1) is repeated here"


def test_sections_helper_caches_and_covers_all_blocks():
    doc = parse("Intro text.\n\n# A\n\nOne.\n\n# B\n", "d.md")
    secs = sections(doc)
    assert [(s.heading and doc.slice(s.heading), [doc.slice(b) for b in s.blocks]) for s in secs] == [
        (None, ["Intro text."]), ("A", ["One."]), ("B", []),
    ]
    assert sections(doc) is secs
