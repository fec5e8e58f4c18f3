"""Spelling (SPL001): confident typos only, the document's own vocabulary, the user's word list."""

from __future__ import annotations

import pytest

from conftest import SEED_CLEAN, SEED_SPAMMY
from docqa.config import Settings
from docqa.engine import instantiate, lint_text
from docqa.rules.spelling import Misspelling, edit_kind, edits1, suggestions, two_edit_suggestions


def run(text: str, settings: Settings | None = None, path: str = "t.txt"):
    settings = settings or Settings()
    found = lint_text(text, instantiate([Misspelling], settings), path=path, settings=settings).findings
    return [(f.line, f.column, text[f.start:f.end], f.data["suggestion"]) for f in found]


def test_seed_004_typos_and_nothing_else():
    text = SEED_SPAMMY.read_text(encoding="utf-8")
    assert run(text) == [(52, 167, "occured", "occurred"), (69, 181, "thier", "their")]
    found = lint_text(text, instantiate([Misspelling], Settings())).findings
    assert [f.message for f in found] == [
        "'occured' looks like a misspelling of 'occurred'", "'thier' looks like a misspelling of 'their'",
    ]
    assert all(f.fix.is_safe for f in found)


def test_clean_seed_has_no_spelling_finding():
    assert run(SEED_CLEAN.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("text", [
    "The inter-Korean dialog stalled.",          # an accepted spelling
    "The ferry to Vlieland and Terschelling.",   # rare proper names
    "The colour of the organisation's logo.",    # British spellings
    "He reposted it; they iodise salt.",         # a prefix, a regional variant
    "In French by chien, in German by hund.",    # words of another language, named
    "Horror ubique animos, simul ipsa silentia terrent.",  # a foreign phrase
    "Arnel dela Vega spoke for the army.",       # a name particle
    "Edit config.yaml or the src/utlis dir.",    # file names and paths
    "The con[c]essions were [I]ncreasingly generous.",  # editorial brackets
    "We ran the linters before linting the docs.",  # regular forms of known words
    "The tool lints the code; two hydrogens bond; common gotchas.",  # -s forms of known words
])
def test_words_that_are_not_typos(text):
    assert run(text) == []


def test_words_the_document_writes_in_its_code_are_not_typos():
    text = "The package lintr checks style.\n\nRun `lintr --all` to check everything.\n"
    assert run(text, path="t.md") == []
    assert run(text.replace("`lintr --all`", "the tool"), path="t.md")[0][2] == "lintr"


def test_a_restructuredtext_link_whose_target_repeats_its_name_names_a_tool():
    text = ("Tools\n=====\n\nThe server is built on `lintr`_ and runs anywhere.\n\n"
            ".. _lintr:\n    https://lintr.example.org\n")
    assert run(text, path="t.rst") == []
    # The same word with a target that does not repeat it is prose, and a typo there is reported.
    assert run(text.replace("https://lintr.example.org", "https://example.org/tools"), path="t.rst")[0][2] == "lintr"


def test_software_terms_in_running_text_are_not_typos():
    # Computing jargon and tool names the English word list lacks, in prose, not in code.
    text = ("The server logs to stdout and runs under systemd. Install it with pipx; the lexer is\n"
            "written in Python, with noops for bool values, on musl-based systems with gevent.\n")
    assert run(text, path="t.md") == []
    # ... which does not make the list a hiding place for typos.
    assert run(text.replace("written", "writen"), path="t.md") == [(2, 1, "writen", "written")]


@pytest.mark.parametrize("text, typo", [
    # Learned English coinages the word list lacks are not a foreign phrase around a typo ...
    ("The study tracks soil microbiomes and the tranfer of phytochemicals between roots.", "tranfer"),
    # ... and neither is a second typo right beside it.
    ("She answered all thier correspondances within a week.", "thier"),
])
def test_unknown_english_words_beside_a_typo_do_not_hide_it(text, typo):
    assert [w for _, _, w, _ in run(text)] == [typo]


def test_a_foreign_phrase_still_hides_its_words():
    assert run("The motto, ne pleure pas, was carved above the door.") == []
    assert run("Horror ubique animos, simul ipsa silentia terrent.") == []


def test_the_software_terms_are_not_common_misspellings():
    from docqa.rules.spelling import software_terms

    assert all(w in software_terms() for w in ("stdout", "systemd", "pipx", "lexer", "bool"))
    assert "their" not in software_terms() and "thier" not in software_terms()
    terms = set(software_terms().keys())
    assert len(terms) > 5000 and {"stdout", "systemd", "pipx", "lexer", "bool"} <= terms
    assert all(t.isascii() and t.isalpha() and t == t.lower() for t in terms)
    slips = {"thier", "occured", "recieve", "seperate", "definately", "accomodate", "wich", "teh", "untill",
             "alot", "begining", "beleive", "goverment", "enviroment", "tommorow", "writen", "becuase"}
    assert not slips & terms


@pytest.mark.parametrize("text, typo", [
    ("The problem kept occuring at night.", "occuring"),   # the doubling rule broken
    ("We are makeing progress on the bridge.", "makeing"),  # the e-dropping rule broken
    ("Thank you for the feedbacks on the draft.", "feedbacks"),  # a mass noun's plural
    ("We received many informations about it.", "informations"),  # another
])
def test_inflections_that_break_a_spelling_rule_are_still_typos(text, typo):
    (found,) = run(text)
    assert found[2] == typo


def test_the_documents_own_vocabulary_is_accepted():
    text = "We call it a frobnix. The frobnix spins. Each frobnix is blue."
    assert run(text) == []
    assert run("Our tool Gromptly is fast; gromptly runs daily.") == []


def test_user_word_list():
    assert run("The accident occured at noon.") == [(1, 14, "occured", "occurred")]
    assert run("The accident occured at noon.", Settings(words=("occured",))) == []


def test_ambiguous_corrections_are_reported_with_both_and_no_safe_fix():
    assert [c for c, _ in suggestions("wich")[:2]] == ["with", "which"]
    text = "The house wich stood there was sold."
    found = lint_text(text, instantiate([Misspelling], Settings())).findings
    assert [(text[f.start:f.end], f.message, f.fix.is_safe) for f in found] == [
        ("wich", "'wich' looks like a misspelling of 'with' or 'which'", False),
    ]
    assert run("Experts said it was realy hard.") == [(1, 21, "realy", "really")]
    assert run("The team will recieve the award.") == [(1, 15, "recieve", "receive")]


@pytest.mark.parametrize("text", [
    "The city grew beyond its original plat within a decade.",   # a short word of its own: play, plan, plant?
    "The bark is used to make tapa cloth on the island.",      # a loan: tap, tape, Tampa?
])
def test_short_rare_words_with_many_corrections_are_left_alone(text):
    assert run(text) == []


def test_two_slips_away_when_nothing_is_one_slip_away():
    assert run("They offer proffesional services downtown.") == [(1, 12, "proffesional", "professional")]
    assert two_edit_suggestions("vehical")[0][0] == "vehicle"
    assert run("The court has not publicly named him.") == []


@pytest.mark.parametrize("text", [
    "Visitors see traditional taonga (treasures) in the museum.",   # a gloss in brackets
    "Their enemies were the soldiers of taghut [idolatry], he wrote.",
    "Ne pleure pas, Alfred! J'ai besoin de tout mon courage pour mourir.",  # a sentence in French
    "The diplomat was a cultural attache in Paris.",                 # a loan without its accent
])
def test_foreign_words_glosses_and_loans(text):
    assert run(text) == []


def test_a_compound_beside_a_typo_is_english_not_foreign():
    assert run("A plan for wastewater managment was approved.") == [(1, 23, "managment", "management")]


def test_a_language_adjective_does_not_hide_a_typo():
    assert run("The Chinese goverment has allowed it.") == [(1, 13, "goverment", "government")]
    assert run("In French, chien means dog.") == []


def test_transposed_letters_further_than_one_edit():
    assert run("The committee announced its desicion today.") == [(1, 29, "desicion", "decision")]


def test_edits1_covers_the_four_kinds_of_edit():
    e = edits1("ab")
    assert {"b", "ba", "xb", "abx"} <= e


def test_keyboard_neighbours_and_first_letters():
    from docqa.rules.spelling import edit_prior
    assert edit_prior("grest", "great") > edit_prior("grept", "great")  # 's' is beside 'a'
    assert edit_prior("adress", "address") > edit_prior("adress", "dress")  # the first letter kept


def test_typing_slips_rank_above_plain_substitutions():
    assert [edit_kind(t, w) for t, w in [("thier", "their"), ("occured", "occurred"), ("adress", "dress"),
                                         ("wich", "with"), ("desicion", "decision")]] == [
        "transposition", "double", "indel", "substitution", "other",
    ]
