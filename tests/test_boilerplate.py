"""Boilerplate rules on the seeds and on small documents built to probe each feature."""

from __future__ import annotations

import pytest

from conftest import SEED_CLEAN, SEED_SPAMMY
from docqa.config import Settings
from docqa.engine import instantiate, lint_text
from docqa.registry import Registry
from docqa.rules import boilerplate as bp

REGISTRY = Registry.load()
ALL_BOILERPLATE = instantiate(REGISTRY.select(["boilerplate"]), Settings())


def lint(text: str, *codes: str, path: str = "doc.txt"):
    rules = instantiate([REGISTRY.get(c) for c in codes], Settings()) if codes else ALL_BOILERPLATE
    result = lint_text(text, rules, path=path)
    return [(f.code, f.line, f.column, text[f.start:f.end]) for f in result.findings], result.findings


# --------------------------------------------------------------------------- seeds
def test_spammy_seed_findings_are_exactly_the_editors_items():
    text = SEED_SPAMMY.read_text(encoding="utf-8")
    found, findings = lint(text)
    assert found == [
        ("BPL005", 2, 1, "Table of Contents"),
        ("BPL001", 35, 1, "Did you know?"),
        ("BPL001", 39, 1, "Pro Tip:"),
        ("BPL004", 42, 1, "Frequently Asked Questions about South Korea’s AI Initiative"),
        ("BPL101", 43, 1, "What are your thoughts"),
        ("BPL002", 50, 286, "This remains a significant aspect of South Korea defense policy."),
        ("BPL002", 57, 337, "Analyzing KORUS FTA impact remains a key area of economic research."),
        ("BPL002", 65, 386, "Understanding China’s outlook on Korean peninsula is vital."),
    ]
    by_code = {f.code: f for f in findings}
    assert "it lists the article's own title" in by_code["BPL005"].message
    assert by_code["BPL004"].data == {"questions": 2, "answered": 0, "unanswered": 2}


def test_clean_seed_has_only_the_leaked_caption():
    text = SEED_CLEAN.read_text(encoding="utf-8")
    found, (f,) = lint(text)
    assert found == [("BPL003", 2, 1, text.splitlines()[1])]
    assert f.data["reasons"] == ["describes a picture", "credit after a slash"]


def test_seed_filler_sentences_carry_their_evidence():
    text = SEED_SPAMMY.read_text(encoding="utf-8")
    _, findings = lint(text, "BPL002")
    first = findings[0]
    assert first.data["subject"] == "demonstrative 'This'"
    assert first.data["predicate"] == "remains a significant aspect"
    assert first.data["new_words"] == []
    assert "restates South, Korea, defense, policy" in first.message
    # The fix deletes the sentence and the space before it (it ends the line).
    (edit,) = first.fix.edits
    assert text[edit.start:edit.end] == " This remains a significant aspect of South Korea defense policy."
    assert not first.fix.is_safe


# --------------------------------------------------------------------------- call-out labels
@pytest.mark.parametrize("label", ["Fun fact:", "Key Takeaway:", "Editor’s note:", "Bottom line:", "Have you heard?"])
def test_callout_shapes_not_a_fixed_list(label):
    text = f"Gardening\n\nTomatoes need sun.\n\n{label} Watering in the morning keeps the leaves dry.\n\nHarvest in August.\n"
    found, (f,) = lint(text, "BPL001")
    assert found == [("BPL001", 5, 1, label)]
    (edit,) = f.fix.edits
    assert text[edit.start:edit.end] == label + " "


@pytest.mark.parametrize("para", [
    "Note: Watering in the morning keeps the leaves dry.",      # one word: a documentation admonition
    "Why? Watering in the morning keeps the leaves dry.",       # a question not addressed to the reader
    "Basse Terre: green and lush vegetation with a volcano.",   # a place being described
    "Terminal 2: Alaska, Spirit and United fly from here.",    # digits: a listing
    "The tip: water in the morning to keep the leaves dry.",   # lower-case article start is fine prose
    "Pro tip: “Water early,” she said.",                       # too short and a quotation
])
def test_callout_negatives(para):
    text = f"Gardening\n\nTomatoes need sun.\n\n{para}\n\nHarvest in August.\n"
    assert lint(text, "BPL001")[0] == []


def test_labelled_runs_are_definition_lists_not_callouts():
    text = ("Islands\n\nFun fact: the main island has a volcano and many beaches.\n\n"
            "Travel tip: the ferry leaves every morning from the harbour.\n")
    assert lint(text, "BPL001")[0] == []


# --------------------------------------------------------------------------- filler sentences
@pytest.mark.parametrize("sentence", [
    "Understanding rail freight is essential.",
    "Exploring rail freight remains a crucial aspect of transport policy.",
    "The importance of rail freight cannot be overstated.",
    "These lines play a vital role in freight policy.",
])
def test_filler_sentences_generalise(sentence):
    text = ("Rail freight and transport policy\n\nRail freight grew in the north as new lines opened. "
            f"Transport policy changed. {sentence}\n")
    found, _ = lint(text, "BPL002")
    assert found == [("BPL002", 3, text.splitlines()[2].index(sentence) + 1, sentence)]


@pytest.mark.parametrize("sentence", [
    "Understanding rail freight is vital, the minister said.",           # a named source
    "Understanding rail freight is vital for 40 firms.",                 # a figure
    "Understanding rail freight is vital for planning depots, timetables and crew rosters across the region.",
    "Beijing is vital to rail freight policy.",                          # a place, not a gerund
    "The report on rail freight is important.",                          # a concrete subject
    "Understanding quantum chromodynamics is essential.",                # says something new to the text
    "This is important.",                                                # emphasis: restates nothing
])
def test_filler_negatives(sentence):
    text = ("Rail freight and transport policy\n\nRail freight grew in the north as new lines opened. "
            f"Transport policy changed. {sentence}\n")
    assert lint(text, "BPL002")[0] == []


def test_filler_is_found_after_a_missing_space():
    text = "Rail freight\n\nRail freight grew in the north.Understanding rail freight is vital.\n"
    found, _ = lint(text, "BPL002")
    assert found == [("BPL002", 3, 32, "Understanding rail freight is vital.")]


def test_gerund_test():
    assert bp.gerund("Understanding") and bp.gerund("Running") and bp.gerund("Analyzing")
    assert not bp.gerund("Beijing") and not bp.gerund("Spring") and not bp.gerund("understanding")


# --------------------------------------------------------------------------- captions, credits, bylines
@pytest.mark.parametrize("line,reasons", [
    ("Photo by Jane Doe on Unsplash", ["photo credit"]),
    ("Getty Images", ["photo agency"]),
    ("The harbour at dawn (Photo: Port Authority)", ["photo credit"]),
    ("By Jane Doe and John Smith", ["a byline"]),
    ("By U.S. CUSTOMS AND BORDER PROTECTION", ["a byline"]),
    ("Jane Doe | Staff Writer", ["credit after a slash", "a byline"]),
])
def test_caption_credit_and_byline_shapes(line, reasons):
    text = f"Port reopens\n\n{line}\n\nThe port reopened on Monday after the storm.\n\nShips had queued for two days.\n"
    found, (f,) = lint(text, "BPL003")
    assert found == [("BPL003", 3, 1, line)]
    assert f.data["reasons"] == reasons and f.data["position"] == "start"


def test_markdown_bold_callout_label_is_removed_with_its_markup():
    text = "# Gardening\n\nTomatoes need sun.\n\n**Pro tip:** Watering in the morning keeps the leaves dry.\n\nHarvest in August.\n"
    found, (f,) = lint(text, "BPL001", path="doc.md")
    assert found == [("BPL001", 5, 1, "**Pro tip:**")]
    (edit,) = f.fix.edits
    assert text[edit.start:edit.end] == "**Pro tip:** "


@pytest.mark.parametrize("line", [
    "Input / Output",
    "By Design",
    "By setting this to Default, attributes are reset",
    "A view from the bridge",
    "Kilometres per hour / miles per hour conversions are given below.",
    "By the end of the year the port had reopened.",
])
def test_caption_negatives(line):
    text = f"{line}\nThe port reopened on Monday after the storm.\nShips had queued for two days.\n"
    assert lint(text, "BPL003")[0] == []


def test_byline_at_the_end_and_caption_in_the_middle():
    middle = "A photo of the quay / Reuters"
    text = ("Port reopens\n\nThe port reopened on Monday.\n\nShips queued.\n\nCranes were repaired.\n\n"
            f"{middle}\n\nTrade resumed.\n\nPrices fell.\n\nBy Jane Doe\n")
    found, (f,) = lint(text, "BPL003")
    assert found == [("BPL003", 15, 1, "By Jane Doe")]
    assert f.data["position"] == "end"


def test_caption_merged_into_a_wrapped_paragraph_is_found_on_its_line():
    text = "A photo of the harbour at dawn / Reuters\nThe port reopened on Monday after\nthe storm.\n"
    found, _ = lint(text, "BPL003")
    assert found == [("BPL003", 1, 1, "A photo of the harbour at dawn / Reuters")]


# --------------------------------------------------------------------------- FAQ
def test_markdown_faq_with_question_headings_and_answers_is_clean():
    text = ("# Solar\n\n## FAQ\n\n### How long do panels last?\n\nAbout 25 years.\n\n"
            "### Do they work in winter?\n\nYes, at lower output.\n\n## Installation\n\nBook an installer.\n")
    assert lint(text, "BPL004", path="doc.md")[0] == []


def test_markdown_faq_without_answers():
    text = "# Solar\n\n## FAQ\n\n### How long do panels last?\n\n### Do they work in winter?\n\n## Installation\n\nBook one.\n"
    found, (f,) = lint(text, "BPL004", path="doc.md")
    assert found == [("BPL004", 3, 4, "FAQ")]
    assert f.data == {"questions": 2, "answered": 0, "unanswered": 2}


# --------------------------------------------------------------------------- scraped table of contents
def test_toc_in_markdown_or_with_page_numbers_or_in_a_long_text_is_left_alone():
    md = "# Guide\n\n## Table of Contents\n\n- [Setup](#setup)\n- [Usage](#usage)\n\n## Setup\n\nInstall.\n\n## Usage\n\nRun.\n"
    assert lint(md, "BPL005", path="doc.md")[0] == []
    printed = "Guide\n\nTable of Contents\n- Setup .......... 3\n- Usage .......... 9\n\nSetup\n\nInstall it.\n"
    assert lint(printed, "BPL005")[0] == []
    long_text = "Guide\nTable of Contents\n- Setup\n- Usage\n\nSetup\n\n" + "Install the tool on each machine. " * 500 + "\n"
    assert lint(long_text, "BPL005")[0] == []


def test_toc_in_a_short_plain_text_article():
    text = "Guide\nTable of Contents\n- Setup\n- Usage\n\nSetup\n\nInstall it.\n\nUsage\n\nRun it.\n"
    found, (f,) = lint(text, "BPL005")
    assert found == [("BPL005", 2, 1, "Table of Contents")]
    assert f.data == {"entries": 2, "lists_title": False, "words": 12}
