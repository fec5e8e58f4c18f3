"""Provenance rules (PRV001-PRV004): what counts as a statistic, what counts as a source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SEED_CLEAN, SEED_SPAMMY
from docqa.config import Settings
from docqa.engine import instantiate, lint_text
from docqa.finding import Severity
from docqa.provenance.claims import find_claims
from docqa.rules.provenance import RULES

TRAPS = Path(__file__).parent / "fixtures" / "provenance_traps.txt"
ALL = instantiate(RULES, Settings())
DEFAULT = instantiate([r for r in RULES if r.default_enabled], Settings())


def lint(text: str, path: str = "doc.txt", rules=DEFAULT):
    """(code, line, column, matched text) of every finding, and the provenance counts."""
    result = lint_text(text, rules, path=path)
    found = [(f.code, f.line, f.column, text[f.start:f.end]) for f in result.findings]
    return found, result.metrics.get("provenance"), result.findings


# ------------------------------------------------------------------ the seeds
def test_seed_required_items_are_found_with_their_vague_phrase():
    text = SEED_SPAMMY.read_text(encoding="utf-8")
    found, counts, findings = lint(text, SEED_SPAMMY.name)
    assert found == [
        ("PRV002", 26, 72, "900,000 semiconductor wafers"),
        ("PRV001", 35, 96, "significant share of the worldwide market"),
        ("PRV002", 41, 397, "$93 billion"),
    ]
    assert '"According to reports"' in findings[0].message
    assert '"Recent data suggests"' in findings[2].message
    assert '"(Source: Statista)" names no document, date or link' in findings[2].message
    assert findings[2].data["phrase"]["text"] == "Recent data suggests"
    assert counts == {"claims": 4, "sourced": 1, "vague": 2, "unsourced": 1}


def test_seed_dates_and_years_are_not_flagged():
    text = SEED_SPAMMY.read_text(encoding="utf-8")
    found, _, _ = lint(text, SEED_SPAMMY.name, ALL)
    # October 1, 2025 (line 21), 2008-2013 (46), 2011 (54), 2010 (61): none is a statistic.
    assert not [f for f in found if f[1] in (21, 46, 47, 54, 61)]


def test_clean_seed_gets_only_opt_in_anonymous_sourcing_notes():
    text = SEED_CLEAN.read_text(encoding="utf-8")
    found, counts, _ = lint(text, SEED_CLEAN.name)
    assert found == []
    assert counts == {"claims": 0, "sourced": 0, "vague": 0, "unsourced": 0}
    found, _, findings = lint(text, SEED_CLEAN.name, ALL)
    assert found == [
        ("PRV004", 3, 173, "sources said"),
        ("PRV004", 4, 275, "according to the sources"),
        ("PRV004", 10, 230, "an industry official said"),
    ]
    assert {f.severity for f in findings} == {Severity.INFO}


# ------------------------------------------------------------------ traps
def test_trap_file_has_no_finding_at_all():
    text = TRAPS.read_text(encoding="utf-8")
    found, counts, _ = lint(text, TRAPS.name, ALL)
    assert found == []
    assert counts["claims"] == 0


def test_trap_file_is_linted_as_prose():
    # The same file plus one real statistic: exactly that one is reported.
    text = TRAPS.read_text(encoding="utf-8") + "Over 1,000 rescuers responded.\n"
    found, _, _ = lint(text, TRAPS.name, ALL)
    assert found == [("PRV001", text.count("\n"), 6, "1,000 rescuers")]


@pytest.mark.parametrize("sentence", [
    "The vote is on October 1, 2025, at 9:30 a.m. in Room 101.",
    "Python 3.11 replaced version 3.10.4 in 2023.",
    "Call +44 20 7946 0000 or visit 221B Baker Street.",
    "The Second World War ended in 1945; the 21st century began in 2001.",
    "He served three years of a ten-year sentence and is 42 years old.",
    'They read "The 39 Steps" and watched "Ocean\'s 11".',
    "The two leaders met the three negotiators.",
    "Candidates must receive at least 15% of the vote to earn delegates.",
    "The program requires 70% of that subsidy to go to carriers who fly passengers.",
    "Modernism gave way in the latter half of the 20th century to a realization of its unattainability.",
    "He was right half the time, and that was half the battle.",
    "The company aims to become one of the world's top three suppliers.",
    "Rescuers searched within 5 km of the site.",
])
def test_numbers_that_are_not_statistics(sentence):
    assert find_claims(sentence, 0, len(sentence)) == []


@pytest.mark.parametrize("sentence, kind, text", [
    ("Prices rose 4.5% last year.", "percent", "4.5%"),
    ("The deal is worth US$400 million.", "money", "US$400 million"),
    ("The firm ordered 900,000 semiconductor wafers.", "count", "900,000 semiconductor wafers"),
    ("Three people died in the fire.", "count", "Three people"),
    ("Thousands of protesters gathered outside.", "count", "Thousands of protesters"),
    ("Output is expected to double by 2030.", "multiplier", "expected to double"),
    ("It is the world's largest producer of memory chips.", "ranking", "the world's largest"),
    ("The legislature voted 66 to 27 to pass the bill.", "count", "66 to 27"),
    ("Almost half of all children are affected.", "proportion", "Almost half of all"),
    ("Winds reached 185 mph.", "measure", "185 mph"),
    ("The plant requires 5,000 tonnes of coal a day.", "measure", "5,000 tonnes"),
    ("Half of the 19th-century buildings were lost.", "proportion", "Half of the"),
    ("Japan has won the most Nobel Prizes of any Asian nation.", "ranking", "the most Nobel Prizes of any Asian"),
    ("U.S. companies account for more than half the investment in Angola.", "proportion", "more than half the investment"),
    ("The expeditionary force was reduced to about 500 in early 1985.", "growth", "500"),
    ("China has the largest population of any country.", "ranking", "the largest population of any country"),
    # A distance that places something is still a measurement (labelling guide, batches 1-5).
    ("The islands lie 860 km east of the capital.", "measure", "860 km"),
])
def test_statistics_are_claims(sentence, kind, text):
    claims = find_claims(sentence, 0, len(sentence))
    assert [(c.kind, c.text) for c in claims][:1] == [(kind, text)]


# ------------------------------------------------------------------ sources
@pytest.mark.parametrize("text, path", [
    ("Revenue grew 40% last year ([report](https://example.org/r)).\n", "a.md"),
    ("Revenue grew 40% last year.[^1]\n\n[^1]: Example Corp, Annual Report 2024.\n", "a.md"),
    ("Sales\n\nSales grew 12% in 2023 [3].\n\nReferences\n\n1. A\n2. B\n3. C\n", "a.txt"),
    ('"We lost 40% of our customers," Jane Roe said.\n', "a.txt"),
    ('Jane Roe spoke after the vote.\n\n"We lost 40% of our customers.\n\n"And 2,000 jobs went with them," she said.\n', "a.txt"),
    ("Adoption reached 45% among teachers (Kirriemuir & McFarlane, 2004).\n", "a.txt"),
    ("Statistics Korea said on Tuesday that exports rose 12%. That was up from 9% a year earlier.\n", "a.txt"),
    ("According to the central bank's 2024 annual report, inflation fell to 2.1%.\n", "a.txt"),
    ("Police said 39 people died and 25 were injured.\n", "a.txt"),
    ("A total of 39 are confirmed dead, officials told state media.\n", "a.txt"),
])
def test_sourced_statistics_are_not_flagged(text, path):
    found, counts, _ = lint(text, path)
    assert found == []
    assert counts["claims"] >= 1 and counts["sourced"] == counts["claims"]


@pytest.mark.parametrize("text, phrase", [
    ("According to reports, the two firms ordered 900,000 wafers.", "According to reports"),
    ("Studies show that 40% of users never read the terms.", "Studies show"),
    ("Experts say the market will grow 30% by 2030.", "Experts say"),
    ("It is estimated that 2,000 jobs were lost.", "It is estimated"),
    ("Reportedly, two people were killed and eight injured.", "Reportedly"),
    ("The firm will cut 2,000 jobs, sources said.", "sources said"),
])
def test_vague_attribution_names_the_phrase(text, phrase):
    found, counts, findings = lint(text + "\n")
    assert [f[0] for f in found] == ["PRV002"]
    assert f'vague attribution "{phrase}"' in findings[0].message
    assert counts == {"claims": 1, "sourced": 0, "vague": 1, "unsourced": 0}


def test_named_source_beats_a_vague_phrase_but_not_a_framing_one():
    found, _, _ = lint("Reuters, citing anonymous sources, reported that 2,000 jobs were cut.\n")
    assert found == []
    found, _, _ = lint("According to reports, Samsung said it ordered 900,000 wafers.\n")
    assert found == [("PRV002", 1, 47, "900,000 wafers")]


def test_unsourced_statistic_exact_position_and_evidence():
    text = "The bridge opened in 1998.\n\nOver 1,000 rescuers responded, and 48 apartments were damaged.\n"
    found, counts, findings = lint(text)
    assert found == [("PRV001", 3, 6, "1,000 rescuers")]
    assert [c["text"] for c in findings[0].data["claims"]] == ["1,000 rescuers", "48 apartments"]
    assert counts == {"claims": 1, "sourced": 0, "vague": 0, "unsourced": 1}


def test_bare_source_tag_is_an_info_note_and_a_specific_one_is_not():
    found, counts, findings = lint("Sales rose 12% in the third quarter (Source: Acme Research).\n")
    assert found == [("PRV003", 1, 37, "(Source: Acme Research)")]
    assert findings[0].severity is Severity.INFO
    assert counts == {"claims": 1, "sourced": 0, "vague": 1, "unsourced": 0}
    for tag in ("(Source: Acme Research, Quarterly Market Report 2024)", "(Source: https://example.org/q3)"):
        assert lint(f"Sales rose 12% in the third quarter {tag}.\n")[0] == []


def test_source_line_after_a_paragraph_sources_it():
    found, _, _ = lint("Sales rose 12% in the third quarter.\nSource: Acme Research, Retail Survey 2024\n")
    assert found == []
    found, _, _ = lint("Sales rose 12% in the third quarter.\nSource: Acme Research\n")
    assert [f[0] for f in found] == ["PRV003"]


def test_code_is_never_a_claim():
    text = "Set `max_items = 500` first.\n\n```\ntotal = 900000 * 1.5  # 40%\n```\n"
    assert lint(text, "a.md", ALL)[0] == []


def test_anonymous_rule_is_off_by_default_and_info():
    from docqa.rules.provenance import AnonymousSource, UnverifiableSource

    assert AnonymousSource.default_enabled is False
    assert AnonymousSource.severity is Severity.INFO and UnverifiableSource.severity is Severity.INFO


def test_counts_are_in_the_json_report(cli, tmp_path):
    (tmp_path / "a.txt").write_text(
        "Exports rose 12%, the ministry said.\n\nAbout 2,000 jobs were lost.\n\nReportedly, 300 firms closed.\n",
        encoding="utf-8",
    )
    out = json.loads(cli("lint", "--format", "json", "--select", "PRV", "a.txt").output)
    (entry,) = out["files"]
    assert entry["metrics"]["provenance"] == {"claims": 3, "sourced": 1, "vague": 1, "unsourced": 1}
    assert [(f["code"], f["line"]) for f in entry["findings"]] == [("PRV001", 3), ("PRV002", 5)]


# ------------------------------------------------------------------ carry-over and detection (issue 6, round 3)
@pytest.mark.parametrize("text", [
    # A quote that opens the sentence after one naming the speaker is that speaker's.
    'As Dr Roe told the Gazette, ozone levels have dropped. "Ozone has declined by 25 percent on average since 1980."\n',
    # "An estimated" after a named source continues its report.
    "The march was the largest ever held in the city, according to the Gazette. "
    "An estimated 40,000 people took part.\n",
    # A method sentence of a study named as published in a journal.
    "In findings published on Monday in the journal Plant Biology, a team reported that the vines spread by seed. "
    "They compared these to 26 modern vines from other regions.\n",
])
def test_attribution_carried_over_from_the_sentence_before(text):
    found, counts, _ = lint(text)
    assert found == []
    assert counts["claims"] >= 1 and counts["sourced"] == counts["claims"]


def test_a_hedge_on_the_figure_outweighs_a_source_elsewhere():
    text = "New valves, they said, could cut the water used by, reportedly, 40 percent.\n"
    found, _, findings = lint(text)
    assert found == [("PRV002", 1, text.index("40") + 1, "40 percent")]
    assert '"reportedly"' in findings[0].message


def test_an_everyday_verb_in_another_clause_is_no_source():
    found, _, _ = lint("The band recorded only one album but played before a crowd of a hundred thousand in the park.\n")
    assert found == [("PRV001", 1, 63, "a hundred thousand")]
    # In the same clause the verb does report the figure.
    assert lint("The weather service recorded 120 mm of rain on Monday.\n")[0] == []


@pytest.mark.parametrize("sentence, text", [
    ("The hashtag was used over one million times by Thursday.", "one million times"),
    ("Voters turned out more than 2.9 million strong.", "2.9 million"),
    ("Altogether, fifteen Democrats defected.", "fifteen Democrats"),
    ("The blast killed all seven miners underground.", "seven miners"),
    ("She had the most pledged delegates going into the vote.", "the most pledged delegates"),
    ("The site hosted a quarter million video clips.", "a quarter million video clips"),
    ("Several hundred people were evacuated.", "Several hundred people"),
    ("One out of every thousand children develops the disease.", "One out of every thousand"),
    # round 4, from the final-2 errors
    ("A 5.3-magnitude quake was recorded on Thursday.", "5.3-magnitude"),
    ("This followed a 5.8 magnitude earthquake the previous day.", "5.8 magnitude"),
    ("The vote passed primarily along party lines, 230-to-198.", "230-to-198"),
    ("Only once before has the council voted to censure a mayor.", "Only once before"),
    ("The city reduced the number of polling stations from 180 to 5.", "from 180 to 5"),
    ("Five people, who were all crew, were rescued.", "Five people"),
    ("Fewer than two hundred showed up at the gates.", "two hundred"),
    ("Teams from Sudan and Iran are among the 163 teams in the competition.", "163 teams"),
    ("By the time of his death, his reign was the longest in the Arab world.", "was the longest"),
    ("In the end, an estimated one-to-two hundred people showed up.", "two hundred people"),
])
def test_more_statistics_are_claims(sentence, text):
    assert [c.text for c in find_claims(sentence, 0, len(sentence))][:1] == [text]


@pytest.mark.parametrize("sentence", [
    "The island was home to a large population for a few hundred years.",
    "Of the thousands, the reporter spoke with one visitor.",
    "Like all vessels exceeding 300 tons, the ship must transmit its position.",
    "The registry characterizes events where four or more people are shot as mass shootings.",
    "Under the new law, that number drops to six.",
    "The Speaker is the third-highest ranking official in the government.",
    "He tried three times before he succeeded.",
    # round 4, from the final-2 errors
    "The Court of Session is the highest civil court in Scotland.",
    "These documents are the second lowest grade of classified government documents.",
    "They toured the police headquarters at 36 Quai des Orfevres.",
    "The meeting moved from 2019 to 2020.",
])
def test_more_numbers_that_are_not_statistics(sentence):
    assert find_claims(sentence, 0, len(sentence)) == []


# ------------------------------------------------------------------ sources (issue 6, round 4: final-2 errors)
@pytest.mark.parametrize("text", [
    # A speaker named in a sentence with no figure; the next goes on with the same actors.
    "Sheriff Lee said they arrested one person. They arrested three for trespassing.\n",
    # A quote that ends a sentence, then a sentence opening with who said it.
    '"Our house is burning. The forest makes 20 percent of our oxygen. Let us act!" Macron told the world.\n',
    # A paragraph introduced by a sentence that names its source and ends in a colon.
    "The dispatcher's words were reported by CNN as such:\n\nAnd there's 33 people on board the vessel?\n",
    # A paragraph that opens by spelling out the report of the one before.
    "The judge said they pleaded guilty to fourteen felony charges.\n\n"
    "Specifically, both parents faced twelve counts of torture.\n",
    # The results of a study the document names.
    "The PALM trial began last year. The mortality rates were 49% for patients treated with ZMapp.\n",
    # A definite description of something the source just named.
    "According to the press agency, the drones struck the Khurais oil field. "
    "The oil field is about 160 km east of the capital.\n",
    "As revealed at trial, the family home is 70 miles south of the city.\n",
    "The death rate fell to 4% as reported in The Lancet.\n",
    # The agent of a passive after a number with a thousands separator.
    "The toll was estimated at 3,000 deaths by the Red Cross.\n",
    "The toll was put at 3,000 deaths by the Red Cross.\n",
])
def test_round_four_sourced(text):
    found, counts, _ = lint(text)
    assert found == []
    assert counts["claims"] >= 1 and counts["sourced"] == counts["claims"]


@pytest.mark.parametrize("text, code", [
    # A speaker in a later clause of their own does not source the figures before it.
    ("Of the 2.8 million who voted, 85% were in favour and on Friday the government announced the new region.", "PRV001"),
    # A coordinated verb ("and wrote about") shares the sentence's subject; it reports no figure.
    ('At the time, Baloch, nicknamed the "Star of Lahore," had about 750,000 followers on Facebook, '
     "and wrote about feminism.", "PRV001"),
    # An earthquake raising a toll is not a source; a weekday is not a name.
    ("On Saturday, aftershocks of a quake that struck the Philippines on Wednesday night have increased "
     "the death toll from five people to six.", "PRV001"),
    ("Biden left with a reported total of 1,124 pledged delegates.", "PRV002"),
    ("The island never recovered from Hurricane Maria, estimated to have done about $90 billion in damage "
     "and claimed about 3000 lives.", "PRV002"),
    ("Only 10-15% of fans own a fursuit according to a 2011 study.", "PRV002"),
    # A reporting passive with an adverb in it names nobody.
    ("The Hawaiian alphabet is sometimes claimed to be as small, but it consists of 18 letters.", "PRV002"),
    # Claiming land or responsibility reports nothing.
    ("Within a year, Thomas claimed title to 160 acres of Indiana land.", "PRV001"),
    ("Islamic State claimed responsibility for the blast, which killed 30 people.", "PRV001"),
    # "as measured in" a unit names no source ("as reported in the Lancet" names one).
    ("Livestock are responsible for 18% of the world's greenhouse gas emissions as measured in CO2 equivalents.",
     "PRV001"),
])
def test_round_four_flagged(text, code):
    found, _, _ = lint(text + "\n")
    assert [f[0] for f in found] == [code]


# ------------------------------------------------------------------ the label file (batch 6)
def _bench():
    import importlib.util

    spec = importlib.util.spec_from_file_location("provenance_bench", Path(__file__).resolve().parent.parent / "bench" / "provenance.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not (Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "hosts").is_dir(),
                    reason="shared host articles not present")
def test_labelled_sentences_are_exactly_the_kept_ones_in_batches_5_and_6():
    bench = _bench()
    rows = [json.loads(line) for line in bench.LABELS.read_text(encoding="utf-8").splitlines()]
    hosts = bench.load_hosts()
    assert {r["split"] for r in rows} | {"final-4", "final-5", "final-6", "final-7", "final-8"} == set(bench.SPLITS)
    for batch, articles in ((5, 37), (6, 50)):
        labelled = {(r["id"], r["paragraph"], r["sentence"]) for r in rows if r["batch"] == batch}
        ids = {rid for rid, _, _ in labelled}
        assert len(ids) == articles
        kept = set()
        for rid in ids:
            for pi, p in enumerate(hosts[rid]["paragraphs"]):
                for si, (s, e) in enumerate(bench.split_as_selected(p)):
                    if bench.KEPT_RE.search(p[s:e]):
                        kept.add((rid, pi, si))
        assert kept == labelled
    batch6 = [r for r in rows if r["batch"] == 6]
    assert len(batch6) == 1164 and {r["split"] for r in batch6} == {"final-3"}
    assert all(r["license"] == hosts[r["id"]]["license"] and hosts[r["id"]]["genre"] != "news" for r in batch6)
    # Every host article is labelled: the 146 news articles in batches 1-5, the other 50 in batch 6.
    assert {r["id"] for r in rows} == set(hosts)


#: Batches 7 to 11 (index in EXTRA_RECORDS, split, batch, licence, texts, words, and the count of each
#: label), each drawn after the ones before and sharing no text with them: the Wikipedia excerpts of
#: batches 7 to 10, and the Wikinews articles of batch 11, which are no host articles.
EXTRA_BATCHES = [
    (0, "final-4", 7, "CC BY-SA 3.0", 12, 9902, {"none": 263, "sourced": 44, "vague": 1, "unsourced": 23}),
    (1, "final-5", 8, "CC BY-SA 3.0", 20, 15548, {"none": 385, "sourced": 22, "unsourced": 36}),
    (2, "final-6", 9, "CC BY-SA 3.0", 25, 19008, {"none": 511, "sourced": 62, "vague": 2, "unsourced": 55}),
    (3, "final-7", 10, "CC BY-SA 3.0", 9, 6909, {"none": 196, "sourced": 13, "unsourced": 7}),
    (4, "final-8", 11, "CC BY 2.5", 123, 30633, {"none": 559, "sourced": 118, "vague": 23, "unsourced": 128}),
]


@pytest.mark.parametrize("index, split, batch, licence, texts, words, labels", EXTRA_BATCHES,
                         ids=[f"batch-{b[2]}" for b in EXTRA_BATCHES])
def test_each_extra_batch_labels_every_kept_sentence_of_its_texts(index, split, batch, licence, texts, words, labels):
    from collections import Counter

    from docqa.textutil import split_sentences

    bench = _bench()
    records = [json.loads(line) for line in bench.EXTRA_RECORDS[index].read_text(encoding="utf-8").splitlines()]
    rows = [json.loads(line) for line in bench.EXTRA_LABELS[index].read_text(encoding="utf-8").splitlines()]
    assert len(records) == texts and all(r["license"] == licence for r in records)
    assert sum(r["n_words"] for r in records) == words
    assert {(r["split"], r["batch"], r["license"]) for r in rows} == {(split, batch, licence)}
    earlier = {json.loads(line)["id"] for path in bench.EXTRA_RECORDS[:index]
               for line in path.read_text(encoding="utf-8").splitlines()}
    assert len(earlier) == sum(b[4] for b in EXTRA_BATCHES[:index])
    assert not earlier & {r["id"] for r in records}  # each batch skips the texts of those before
    kept = {}
    for rec in records:
        for pi, p in enumerate(rec["paragraphs"]):
            for si, (s, e) in enumerate(split_sentences(p, 0, len(p))):
                if bench.KEPT_RE.search(p[s:e]):
                    kept[(rec["id"], pi, si)] = p[s:e]
    assert {(r["id"], r["paragraph"], r["sentence"]): r["text"] for r in rows} == kept
    assert Counter(r["label"] for r in rows) == labels


@pytest.mark.skipif(not (Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "hosts").is_dir(),
                    reason="shared host articles not present")
def test_batch_11_takes_no_host_article():
    bench = _bench()
    hosts = {rec["url"] for rec in bench.load_hosts().values() if "url" in rec}
    records = [json.loads(line) for line in bench.EXTRA_RECORDS[4].read_text(encoding="utf-8").splitlines()]
    assert all(r["genre"] == "news" and r["url"].startswith("https://en.wikinews.org/wiki/") for r in records)
    assert not hosts & {r["url"] for r in records}
    assert all(150 <= r["n_words"] <= 1500 and r["n_paragraphs"] >= 3 for r in records)


def test_labels_line_up_with_todays_sentences():
    """Scoring reads a label's sentence by its number in today's splitting: every labelled
    sentence is still there under the same number, its text changed at most by the reference
    markers that now close it, and only sentences that were nothing but markers are gone."""
    import re

    from docqa.textutil import split_sentences

    bench = _bench()
    hosts = bench.load_hosts()
    markers = re.compile(r"\s*(?:\[(?:\d{1,3}|[a-z])\]\s*)+")
    gone = 0
    for line in bench.LABELS.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        p = hosts[row["id"]]["paragraphs"][row["paragraph"]]
        spans = split_sentences(p, 0, len(p))
        if row["sentence"] >= len(spans):
            assert not markers.sub("", row["text"]), row
            gone += 1
            continue
        s, e = spans[row["sentence"]]
        assert markers.sub(" ", p[s:e]).strip() == markers.sub(" ", row["text"]).strip(), row
    assert gone < 80


# ------------------------------------------------------------------ non-news genres (issue 6, round 5: final-3 errors)
_PAPER = (
    "Abstract: In this paper we report how readers move between stanzas, a question eye-tracking "
    "studies have opened (Roe & Doe, 2015).\n\n"
    "We recruited readers from a public library. The sample consisted of 64 adults aged 20 to 70. "
    "Reading speed in the experimental group was 18% higher than in the control group. "
    "We then annotated a corpus of about 2,400 poems.\n"
)


def test_a_paper_is_the_source_of_its_own_sample_and_results():
    found, counts, _ = lint(_PAPER)
    assert found == []
    assert counts == {"claims": 3, "sourced": 3, "vague": 0, "unsourced": 0}


def test_a_paper_still_needs_a_source_for_figures_about_the_world():
    text = _PAPER + "\nPoetry apps are used by millions of people every day.\n"
    found, _, _ = lint(text)
    assert [(f[0], f[3]) for f in found] == [("PRV001", "millions of people")]


def test_our_analysis_in_a_text_that_cites_nothing_is_no_source():
    # A blog post is not a paper: with no citation anywhere, "our analysis" sources nothing.
    text = ("Our analysis shows that 73% of companies will adopt AI by 2027. "
            "We found that most teams are not ready.\n")
    assert [f[3] for f in lint(text)[0]] == ["73%"]


def test_first_person_figures_need_a_self_reported_study():
    # No sentence says the text reports a study of its own: "we" alone sources nothing.
    text = "We are proud of the town. The sample consisted of 64 adults. We have 300 members.\n"
    assert [f[3] for f in lint(text)[0]] == ["64 adults", "300 members"]


@pytest.mark.parametrize("sentence, text", [
    # A four-digit number with a unit is a measure, not a year.
    ("At an elevation of 1200 ft (366 m), the town sits in the desert.", "1200 ft"),
    ("The dive reached a depth below 1400 feet.", "1400 feet"),
    # The masculine ordinal sign is often typed for a degree sign.
    ("Summer temperatures reach 31 ºC in July.", "31 ºC"),
    # A large count of games is not a player's record.
    ("The shop sells 40,000 games.", "40,000 games"),
    # A settlement's size is its population.
    ("For a town of 45,000, there is a lot to see.", "45,000"),
    ("In 1990 the population of the city was 120,000.", "population of the city was 120,000"),
])
def test_round_five_statistics(sentence, text):
    assert [c.text for c in find_claims(sentence, 0, len(sentence))][:1] == [text]


@pytest.mark.parametrize("sentence", [
    # A player's game record is a sports result, like a score.
    "In 31 games, he batted .287 with 14 RBI.",
    "She played in 26 matches that season.",
    # Academic degrees, not temperatures.
    "He took only the first of three degrees offered by the guild.",
    # Taste, not measure.
    "It is often called one of the most beautiful towns in the world.",
    # A number inside a name.
    "It is called the Hall of forty columns by the locals.",
    "The square is known as the Court of twenty fountains.",
    # "means" is a verb here, not a counted noun.
    "In the local dialect, 40 means many.",
])
def test_round_five_not_statistics(sentence):
    assert find_claims(sentence, 0, len(sentence)) == []


@pytest.mark.parametrize("text", [
    # A dated census is a document a reader can look up.
    "As of the 2011 census, the population of the town was 48,000.\n",
    # A relative pronoun standing for the data named just before.
    "The drone sent back the data it had collected, which revealed a wreck at a depth of 1,300 feet.\n",
])
def test_round_five_sourced(text):
    found, counts, _ = lint(text)
    assert found == []
    assert counts["claims"] == counts["sourced"] == 1


def test_an_area_unit_is_not_a_footnote_marker():
    found, _, _ = lint("The island is only 2 km² and has 120 residents.\n")
    assert [f[3] for f in found] == ["2 km²"]


def test_a_stray_closing_quote_opens_no_quote():
    text = ('When she was a child," the family moved to a village of 40 houses. '
            '"It was wonderful there", Roe said.\n')
    assert [f[3] for f in lint(text)[0]] == ["40 houses"]


_GUIDE = (
    "Getting in\n\n"
    "You will need a tourist card to enter the country. You can buy it at the airport. "
    "The card costs € 25 and is valid for 30 days. A replacement is available at the consulate for £ 20 per person. "
    "Bring your passport to every office. The old town has about 45,000 residents.\n"
)


def test_a_guide_that_speaks_to_the_reader_states_prices_not_statistics():
    found, _, _ = lint(_GUIDE)
    # The fee and the price are what the seller asks; the population still needs a source.
    assert [(f[0], f[3]) for f in found] == [("PRV001", "45,000 residents")]


def test_prices_are_statistics_outside_a_guide():
    text = ("The government changed the rules last year. Applying for the card costs $725. "
            "Officials met on Monday. The ministry is in the capital. Lawyers were not consulted.\n")
    assert [f[3] for f in lint(text)[0]] == ["$725"]


def test_a_large_sum_in_a_guide_is_still_a_statistic():
    text = _GUIDE.replace("The old town has about 45,000 residents.", "The new stadium cost $300 million to build.")
    assert [f[3] for f in lint(text)[0]] == ["$300 million"]


def test_you_in_quotes_does_not_make_a_guide():
    text = ('"You paved the way. You earned it. We salute you," Roe said. '
            '"Do you know what you did? You changed radio." The show cost $900 per hour to make. '
            "It ran for years. The station closed.\n")
    assert [f[3] for f in lint(text)[0]] == ["$900"]


@pytest.mark.parametrize("sentence, text", [
    # A superlative scoped by a place.
    ("Tobermory is the name of the largest village on the island of Mull.", "the largest village on the island"),
    ("Here stands the biggest cinema of the island.", "the biggest cinema of the island"),
    ("The merger created the richest city on the Italian mainland.", "the richest city on the Italian mainland"),
    ("It has the third largest zoo in the U.S. by area.", "the third largest zoo in the U.S"),
    ("Skye: the biggest island out of mainland Scotland.", "the biggest island out of mainland Scotland"),
    # A ranking per head; a former ranking.
    ("The town has the most bookshops per capita in the region.", "the most bookshops per capita"),
    ("The world's former largest diner stands by the road.", "world's former largest"),
    # "most" with a measurable adjective and a national scope.
    ("It is one of the most diverse wetlands in the country.", "one of the most diverse wetlands in the country"),
])
def test_round_five_rankings(sentence, text):
    assert [c.text for c in find_claims(sentence, 0, len(sentence))][:1] == [text]


def test_a_rank_in_a_hierarchy_is_no_ranking_even_with_a_scope():
    sentence = "The Speaker is the third-highest ranking person in the U.S. government."
    assert find_claims(sentence, 0, len(sentence)) == []


@pytest.mark.parametrize("sentence, text", [
    # A currency code written against the amount.
    ("From the station a taxi costs c. IRR150,000 to the bazaar.", "IRR150,000"),
    # A count of days of some weather is a climate figure, not a duration.
    ("The valley has over 240 days of sunshine a year.", "240 days of sunshine"),
    # A vague distance with a scale word.
    ("The hotel is a few hundred feet from the pier.", "a few hundred feet"),
    # A record over a period.
    ("He became only the third Orioles pitcher since 1950 to throw two shutouts in a week.",
     "only the third Orioles pitcher since 1950 to"),
])
def test_round_five_more_statistics(sentence, text):
    assert [c.text for c in find_claims(sentence, 0, len(sentence))][:1] == [text]


def test_an_estimated_population_with_nobody_named_is_vague():
    found, _, _ = lint("By the end of the war, the population was estimated at 200,000.\n")
    assert [f[0] for f in found] == ["PRV002"]


@pytest.mark.parametrize("sentence", [
    "He stayed there for 40 days of rest.",
    "The first time since 2010 the club won, fans cheered.",
    "The Mariner was a 60 ft (~18 m) long fishing boat.",
])
def test_round_five_more_not_statistics(sentence):
    assert find_claims(sentence, 0, len(sentence)) == []


@pytest.mark.parametrize("sentence, found", [
    ("It is home to some of the world's most rare orchids.", ["the world's most rare"]),
    ("It sits on one of the world's most beautiful harbours.", []),
    ("One of Roe's most widely noticed essays appeared in 1988.", []),
])
def test_world_most_is_a_ranking_unless_it_is_taste(sentence, found):
    assert [c.text for c in find_claims(sentence, 0, len(sentence))] == found


def test_plus_continues_the_report_before():
    text = ("The Almanac ranks the area second in parks out of 354 metro areas. "
            "Plus, the region has the most museums per capita in the nation.\n")
    found, counts, _ = lint(text)
    assert found == [] and counts["sourced"] == 2


@pytest.mark.parametrize("sentence, text", [
    ("In the desert, two of his companions died of thirst.", "two of his companions"),
    ("Three of the miners were killed in the blast.", "Three of the miners"),
])
def test_deaths_of_some_of_a_group_are_a_toll(sentence, text):
    assert [c.text for c in find_claims(sentence, 0, len(sentence))][:1] == [text]


def test_a_small_group_named_with_the_is_referential_even_of_delegates():
    # "the two delegates" are people the text already knows; "Two delegates walked out" is a tally.
    assert lint("The treaty was signed at noon by the two Vermont delegates in the old hall.")[0] == []
    assert [f[0] for f in lint("Two delegates walked out of the convention on Friday.")[0]] == ["PRV001"]
    assert [f[0] for f in lint("The 412 delegates elected a new chair on Friday.")[0]] == ["PRV001"]


# ------------------------------------------------------------------ short news (issue 6: batch 11's errors)
@pytest.mark.parametrize("text, claim", [
    ("The 176 people on board were all killed.", "176 people"),
    ("The local police chief and two others were also injured.", "two others"),
    ("All 189 on the aircraft died when the flight came down last October.", "189 on the aircraft died"),
    ("Three children were taken to hospital after a bus crashed into a tunnel.", "Three children"),
    ("One other person was injured in the altercation.", "One other person was injured"),
    ("According to reports, of the 40 passengers, 22 were Cuban.", "40 passengers"),
    ("He was given a fine of US$86,000.", "US$86,000"),
    ("The storm was given only a one-in-five chance of becoming a hurricane.", "one-in-five"),
    ("He pleaded not guilty to seven counts of negligent homicide.", "seven counts"),
    ("She was defeated by an SNP candidate with a 149 vote margin.", "149 vote margin"),
    ("The tribe now has a herd of 33 buffalo.", "33"),
    ("Dorian made its initial landfall as a Category 5 hurricane in the Abaco Islands.", "Category 5 hurricane"),
    ("Hurricane Lorenzo reached Category 5 on the Saffir–Simpson scale on Saturday.", "Category 5"),
    ("Republican Kevin McCarthy, who held the post of Speaker this past term, received 192.", "192"),
    ("In second place, former Vice President Joe Biden had 54.", "54"),
    ("He joined in 1987, making him the longest serving member of Tonga's parliament.",
     "the longest serving member of Tonga's parliament"),
    ("The band eventually rose to become one of the best-selling musical artists to date.",
     "the best-selling musical artists to date"),
    ("The world record stands at 46.78 seconds and belongs to Kevin Young.", "46.78 seconds"),
    ("In setting the new record, she finished six minutes ahead, completing the race in 2:14:04.", "2:14:04"),
    ("In the history of the United States, only two presidents have been impeached.", "two presidents"),
])
def test_tallies_amounts_and_measures_in_short_news_reports_are_claims(text, claim):
    assert [f[3] for f in lint(text)[0]] == [claim]


@pytest.mark.parametrize("text", [
    "No one was hurt in the second blast.",
    "One of the victims was hospitalized.",
    "Police searched the area. Later one suspect was arrested.",
    "Offenders face a fine of up to US$5,000 under the new law.",
    "University won with a 22 points to 10 win. They went into the break 12 points to 10.",
    "The Wildlife Protection Act, 1972 lists jackals as a protected species.",
    "The two countries signed the treaty, and the three men met in Paris.",
    'Hurricanes classified as category 3 or above are considered to be "major" hurricanes.',
    "The storm was named after Category 5 Records, a label.",
    "He had 2 and she had 3.",
    "The firm aims to become the largest bank in the world.",
    "The meeting lasted 45 minutes and ended at 15:30. He ran for 30 minutes every day.",
    "The record label released the album, which runs 45 minutes, at 10:30:00 on Friday.",
    "She has only two children. Only two people came to the meeting.",
])
def test_single_arrests_rules_scores_names_and_definitions_are_not_claims(text):
    assert lint(text)[0] == []


@pytest.mark.parametrize("text, sourced", [
    # a participle after a preposition is an adjective, not a report by the subject before it
    ("The United States has the most cases, with confirmed infections in Spain totaling 250,000.", False),
    # money posted as bail is paid, not published
    ("He was released after his lawyers posted US$2 million bond.", False),
    # "are to find": an arrangement, nothing reported
    ("Liberal Democrats are to find a new leader after a 149 vote margin.", False),
    ("Schwartz went on to say they had pleaded guilty to fourteen felony charges.", True),
    ("Johns Hopkins University (JHU) data indicated one million confirmed infections.", True),
    ("Authorities expected winds of 100 mph and high waves.", True),
    # a subject set off from its verb by a relative clause between commas
    ("The United States, which has retreated from a previous goal of ousting Syrian President Bashar "
     "al-Assad, has stated reconstruction will cost between US$300 and 400 billion.", True),
    ("The report, which was leaked to reporters on Monday, says 40% of schools are unsafe.", True),
    ("Aftershocks of a quake that struck the Philippines on Wednesday have increased the toll to 21.", False),
    # a report noun opening the sentence, with its named author
    ("Estimates by the Argentinian government state about 350 thousand abortions are carried out each year.", True),
])
def test_who_reports_a_figure_in_short_news_reports(text, sourced):
    found, counts, _ = lint(text)
    assert counts["claims"] == 1
    assert (counts["sourced"] == 1) is sourced and bool(found) is not sourced
