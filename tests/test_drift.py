"""Drift (DRF001): off-topic spans, their evidence, and when the rule stays quiet."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from docqa.config import Settings
from docqa.document import parse
from docqa.drift import analyse
from docqa.drift.model import DriftModel
from docqa.drift.terms import count_terms, name_words, normalise
from docqa.engine import instantiate, lint_text
from docqa.rules.drift import OffTopicDrift

ROOT = Path(__file__).resolve().parent.parent
SEED_SPLICED = next((ROOT / "seeds").glob("004_*.txt"))
SEED_CLEAN = next((ROOT / "seeds").glob("000_*.txt"))

TITLE = "Harbour bridge reopens after repairs"
ON = [
    "The harbour bridge in Port Alder reopened to traffic on Monday after eight months of repairs to its steel deck and suspension cables.",
    "Engineers from the city council replaced corroded cables and resurfaced the deck, and the bridge now carries two cycle lanes beside the road.",
    "The council said the repairs to the bridge cost twelve million dollars, slightly more than the original estimate for the steel and cable work.",
    "Commuters had used a ferry across the harbour while the bridge was closed, and ferry operators reported record passenger numbers.",
    "The council plans to inspect the cables of the bridge every year and to repaint the deck railings next spring.",
]
OFF = [
    "Meanwhile, the defending champion of the clay court tennis tournament, Marta Okonkwo of Brazil, withdrew from the semifinal with a wrist injury after losing the first set to Ilse Vandermeer.",
    "Vandermeer will face the Japanese qualifier Hana Sato in Sunday's final, a rematch of last year's junior championship match, which Sato won in three sets.",
]


def drift_findings(text: str, path: str = "doc.txt", **options):
    (rule,) = instantiate([OffTopicDrift], Settings(rule_options={"DRF001": options} if options else {}))
    return [f for f in lint_text(text, [rule], path=path).findings if f.code == "DRF001"]


# ------------------------------------------------------------------------------- seeds
def test_seed_tail_about_another_presidency_is_one_finding_from_the_faq_question():
    text = SEED_SPLICED.read_text(encoding="utf-8")
    (f,) = drift_findings(text, path=SEED_SPLICED.name)
    assert (f.code, f.name, f.family) == ("DRF001", "off-topic-drift", "drift")
    assert (f.line, f.column, f.end_line) == (44, 1, 73)
    assert text[f.start:].startswith("How did Lee Myung-bakS prioritization of the US alliance")
    assert f.end == len(text.rstrip("\n"))
    covered = set(range(f.line, f.end_line + 1))
    assert len(covered & set(range(46, 74))) / 28 >= 0.9
    assert not covered & set(range(21, 42))
    assert f.data["drift_starts_line"] == 44
    assert {"KORUS", "FTA", "Myung-bak"} <= set(f.data["span_terms"])
    assert {"OpenAI", "Samsung", "SK"} <= set(f.data["subject_terms"])
    assert f.data["similarity"] < f.data["typical_similarity"]
    assert f.message.startswith("Off-topic from line 44 to line 73: this span is about KORUS, FTA")
    assert "while the document is about OpenAI, AI, SK, Korea, Samsung" in f.message


def test_clean_seed_with_a_caption_line_as_title_has_no_drift():
    assert drift_findings(SEED_CLEAN.read_text(encoding="utf-8"), path=SEED_CLEAN.name) == []


# ------------------------------------------------------------------------------- spans
def test_spliced_paragraphs_at_the_end_are_one_finding_covering_both_lines():
    text = "\n".join([TITLE, *ON, *OFF])
    (f,) = drift_findings(text)
    assert (f.line, f.column, f.end_line, f.end_column) == (7, 1, 8, len(OFF[1]) + 1)
    assert text[f.start:f.end] == OFF[0] + "\n" + OFF[1]
    assert f.message == (
        "Off-topic from line 7 to line 8: this span is about Vandermeer, Sato, Okonkwo, Ilse, Hana, "
        "semifinal, while the document is about harbour, bridge, repairs, cables, deck, ferry; its "
        f"similarity to the rest of the document is {f.data['similarity']:.2f} against "
        f"{f.data['typical_similarity']:.2f} for a typical section of its length (drift probability "
        f"{f.data['probability']:.2f})"
    )
    assert f.data["probability"] >= 0.7
    assert f.data["features"]["new_names"] >= 4


def test_spliced_paragraphs_in_the_middle_are_found_and_the_host_around_them_is_not():
    text = "\n".join([TITLE, *ON[:3], *OFF, *ON[3:]])
    (f,) = drift_findings(text)
    assert (f.line, f.end_line) == (5, 6)
    assert text[f.start:f.end] == OFF[0] + "\n" + OFF[1]


def test_one_spliced_paragraph_is_a_single_line_finding():
    text = "\n\n".join([TITLE, *ON[:3], OFF[0] + " " + OFF[1], *ON[3:]]) + "\n"
    (f,) = drift_findings(text)
    assert (f.line, f.end_line) == (9, 9)
    assert f.message.startswith("Off-topic at line 9: this span is about ")


def test_focused_document_has_no_finding():
    assert drift_findings("\n".join([TITLE, *ON])) == []


def test_threshold_and_span_length_options_make_the_rule_stricter():
    text = "\n".join([TITLE, *ON, *OFF])
    assert drift_findings(text, threshold=0.9999999) == []
    assert drift_findings(text, min_span_words=200) == []
    assert len(drift_findings(text, threshold=0.5)) == 1


# ------------------------------------------------------------------------------- no verdict
def test_short_document_gets_no_verdict():
    text = "\n".join(["Harbour bridge reopens", ON[0], OFF[0]])
    assert drift_findings(text) == []
    assert analyse(parse(text)).verdict == "too short"


NEWS = {
    "Flooding closes mountain pass": [
        "Heavy rain flooded the mountain pass road on Tuesday, and the highway authority closed it to all traffic until the water recedes.",
        "Crews cleared mud and fallen rocks from the road surface, and geologists inspected the slopes above the pass for further landslides.",
        "The highway authority expects to reopen one lane of the pass road on Friday if the rain stops and the slopes are stable.",
    ],
    "Orchestra names new conductor": [
        "The city orchestra named the violinist Amara Lindqvist as its new principal conductor, starting with the autumn concert season.",
        "Lindqvist has conducted symphonies in Vienna and Oslo, and she said she will programme more contemporary symphonic works.",
        "The orchestra's board chose Lindqvist after a two-year search and a series of guest concerts that sold out the concert hall.",
    ],
    "Bakery wins bread award": [
        "A family bakery in the market quarter won the national sourdough award for a rye loaf baked in a wood-fired oven.",
        "The bakers ferment the rye dough for two days, and the judges praised the loaf's crust, crumb and sour flavour.",
        "The bakery plans to add a second wood-fired oven so that it can bake more loaves for the weekend market.",
    ],
    "Chess club hosts junior tournament": [
        "The chess club hosted its junior tournament on Saturday, with ninety players under sixteen competing over seven rounds.",
        "A twelve-year-old player won every game with the black pieces and took the trophy after a tense endgame in the final round.",
        "The club's coaches run free chess lessons on Wednesday evenings for juniors who want to improve their openings and endgames.",
    ],
}


def roundup(title: str) -> str:
    parts = [f"# {title}", ""]
    for heading, paras in NEWS.items():
        parts += [f"## {heading}", "", *(p + "\n" for p in paras)]
    return "\n".join(parts)


def test_round_up_under_a_generic_title_stays_quiet():
    text = roundup("This week")
    assert drift_findings(text, path="roundup.md") == []
    assert analyse(parse(text, fmt="markdown")).verdict == "multi-topic document with a generic title"
    (rule,) = instantiate([OffTopicDrift], Settings())
    metrics = lint_text(text, [rule], path="roundup.md").metrics
    assert metrics["drift"] == {"judged": 0, "verdict": "multi-topic document with a generic title", "off_topic_spans": 0}


# ------------------------------------------------------------------------------- Markdown
CODE = """```python
# Schedule the clay court tennis semifinal: the defending champion against the Japanese qualifier.
def schedule_semifinal(champion="Marta Okonkwo", challenger="Hana Sato", umpire="Ilse Vandermeer"):
    \"\"\"Book the centre court for the championship semifinal and the junior rematch on Sunday.\"\"\"
    return tournament.book_court(champion, challenger, umpire, surface="clay", sets=3, wrist_injury=False)
```"""


def test_code_is_not_evidence_of_drift():
    body = [ON[0], ON[1], CODE, ON[2], "Run `tournament.book_court(champion, challenger)` again.", ON[3], ON[4]]
    text = f"# {TITLE}\n\n" + "\n\n".join(body) + "\n"
    assert drift_findings(text, path="bridge.md") == []
    # The same words as prose would be a drift: it is the fence that makes them code.
    unfenced = text.replace("```python\n", "").replace("\n```", "")
    (f,) = drift_findings(unfenced, path="bridge.md")
    assert unfenced[f.start:f.end].startswith("Schedule the clay court tennis semifinal")


def test_a_drifted_span_covers_the_code_inside_it():
    body = [*ON, OFF[0], CODE, OFF[1]]
    text = f"# {TITLE}\n\n" + "\n\n".join(body) + "\n"
    (f,) = drift_findings(text, path="bridge.md")
    assert text[f.start:f.end] == OFF[0] + "\n\n" + CODE + "\n\n" + OFF[1]
    assert (f.line, f.end_line) == (13, 22)


@pytest.mark.parametrize("heading, flagged", [
    ("Support", False), ("2. License and credits:", False), ("Release notes", False), ("Getting help", False),
    ("Tennis", True), ("About the final", True), ("History", True),
])
def test_a_readme_housekeeping_section_is_not_drift(heading, flagged):
    # A README's "Support" or "License" section is about the project's housekeeping, not its
    # subject: the same off-topic text under a heading about anything else is a drift.
    text = f"# {TITLE}\n\n" + "\n\n".join(ON) + f"\n\n## {heading}\n\n" + "\n\n".join(OFF) + "\n"
    found = drift_findings(text, path="README.md")
    assert [f.line for f in found] == ([13] if flagged else [])


def test_a_span_that_reaches_past_a_housekeeping_section_is_still_drift():
    text = (f"# {TITLE}\n\n" + "\n\n".join(ON[:3]) + f"\n\n{OFF[0]}\n\n## Contributing\n\n{OFF[1]}\n\n"
            + "\n\n".join(ON[3:]) + "\n")
    (f,) = drift_findings(text, path="README.md")
    assert text[f.start:].startswith(OFF[0])


# ------------------------------------------------------------------------------- terms
@pytest.mark.parametrize("word, term", [
    ("partnerships", "partnership"), ("Samsung's", "samsung"), ("Korea’s", "korea"),
    ("agencies", "agency"), ("crisis", "crisis"), ("status", "status"), ("FTA", "fta"),
])
def test_terms_are_lower_cased_singular_and_without_possessive(word, term):
    assert normalise(word) == term


def test_function_words_carry_no_evidence():
    assert count_terms("the said and of people it".split()) == {}
    assert count_terms(["alliance", "alliance", "the"]) == {"alliance": 2}


def test_names_are_capitalised_words_that_do_not_open_a_sentence():
    text = "Heading\nThe minister met Ilse Vandermeer in Seoul. Then “Quote” began, and NASA agreed."
    assert name_words(text, 0, len(text)) == ["Ilse", "Vandermeer", "Seoul", "NASA"]


def test_title_case_headings_and_words_also_written_in_lower_case_are_not_names():
    text = "# Security Cooperation Deepens\n\nThe two navies agreed on security cooperation with Ilse Vandermeer as envoy, and Cooperation Day follows.\n"
    model = DriftModel(parse(text, fmt="markdown"))
    assert model.names == {"ilse", "vandermeer", "day"}


# ------------------------------------------------------------------------------- benchmark
def _bench():
    spec = importlib.util.spec_from_file_location("bench_drift", ROOT / "bench" / "drift.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench_drift", module)
    spec.loader.exec_module(module)
    return module


def test_pk_and_windowdiff_of_the_trivial_segmentations():
    bench = _bench()
    ref = [0, 0, 0, 1, 1, 2, 2, 2]  # k = round(8 / 3 / 2) = 1: boundaries after units 2 and 4
    assert bench.segmentation_errors(ref, ref) == (0.0, 0.0, 1)
    pk, wd, k = bench.segmentation_errors(ref, [0] * 8)
    assert (pk, wd, k) == (2 / 7, 2 / 7, 1)
    pk, wd, _ = bench.segmentation_errors(ref, list(range(8)))
    assert (pk, wd) == (5 / 7, 5 / 7)


def test_rendered_cases_label_exactly_the_spliced_paragraphs():
    bench = _bench()
    hosts = {
        "h": {"title": "Host", "paragraphs": ["a.", "b.", "c.", "d.", "e."], "license": "CC BY 2.5"},
        "d": {"title": "Donor", "paragraphs": ["x.", "y.", "z."], "license": "CC BY-SA 3.0"},
    }
    text, gold = bench.render({"kind": "mid", "host": "h", "donor": "d", "donor_paragraphs": [1, 2], "insert_at": 2}, hosts)
    assert text == "Host\n\na.\n\nb.\n\ny.\n\nz.\n\nc.\n\nd.\n\ne.\n"
    assert gold == [False, False, True, True, False, False, False]
    assert bench.paragraph_lines(gold)[2:4] == [7, 9]
    text, gold = bench.render({"kind": "tail", "host": "h", "donor": "d", "donor_paragraphs": [0, 1],
                               "insert_at": 2, "replace_rest": True}, hosts)
    assert text == "Host\n\na.\n\nb.\n\nx.\n\ny.\n" and gold == [False, False, True, True]
    assert bench._license(hosts["h"], hosts["d"]) == "CC BY-SA 3.0"


def test_round_off_in_window_sums_does_not_crash():
    """Short windows with zero support: the sliding sums came back as -1e-14 on this host article
    excerpt, and dividing by them raised 'math domain error' (found by the speed benchmark)."""
    from docqa.engine import instantiate, lint_text
    from docqa.rules.drift import RULES

    text = (Path(__file__).parent / "fixtures" / "drift_round_off.txt").read_text(encoding="utf-8")
    model = DriftModel(parse(text, "a.txt"))
    assert all(v >= 0 for length in range(1, len(model.units) + 1) for v in model.typical(length))
    findings = lint_text(text, instantiate(RULES, Settings()), path="a.txt").findings
    assert [f.code for f in findings] == []  # neither a crash (DQA001) nor a drift alarm
