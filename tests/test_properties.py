"""Property tests (hypothesis): lint never raises, spans and positions agree, fixes converge.

The CI budget is set by the ``ci`` profile (300 examples per test); a long run uses
``HYPOTHESIS_PROFILE=long`` (20,000 examples).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings, strategies as st

from docqa.config import Settings
from docqa.document import parse
from docqa.engine import instantiate, lint_document
from docqa.fixes import apply_edits, fix_text, select_edits
from docqa.registry import Registry

settings.register_profile("ci", max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("quick", max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("long", max_examples=20_000, deadline=None, suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

RULES = instantiate(Registry.load().select(), Settings())

# Prose-like tokens that make rules fire (names, glued punctuation, numbers, call-outs, markup),
# mixed with arbitrary Unicode: combining marks, RTL, emoji, controls, lone surrogates.
TOKENS = st.sampled_from([
    "The", "the", "openai", "OpenAI", "South", "korea", "Korea", "Group,and", "end.Next", "thier",
    "Did you know?", "Pro Tip:", "What are your thoughts?", "according to reports", "$93 billion",
    "900,000", "45%", "2011", "U.S.", "e.g.", "3.11.2", "example.com", "`code,x`", "[link](http://a.b/c,d)",
    "# ", "- ", "* ", "| a | b |", "|---|", "  ", "\n", "\r\n", "\r", "\n\n", ".", ",", "?", "!", ":",
    "é", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "😀", "👩\u200d💻",
    "\x00", "\x0b", "\x1b[31m", "\u2028", "\ufeff", "\udc80", "<!-- docqa: disable -->", "docqa: disable-next-line",
    "Table of Contents", "Frequently Asked Questions", "Understanding this is vital.",
    # reStructuredText markup
    ".. ", "..", "::", ".. note::", ".. code-block:: python", ".. _target:", ".. [1]", "=====", "-----",
    "+----+----+", "===  ===", ":ref:`x`", "``x``", "`t <http://a.b>`_", "|sub|", "[1]_", "word_", "   ",
    ":field: value", "#.", "(a)", ">>> x", "| line",
])
PROSE = st.lists(st.one_of(TOKENS, st.text(max_size=8)), max_size=60).map(" ".join)
ANY_TEXT = st.one_of(PROSE, st.text(alphabet=st.characters(exclude_categories=()), max_size=200))
FORMAT = st.sampled_from(["a.txt", "a.md", "a.rst"])


def _positions(text: str, offset: int) -> tuple[int, int]:
    """Line/column computed independently of docqa's LineIndex."""
    line, col = 1, 1
    i = 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n" and i + 1 < offset:
            i += 2
            line, col = line + 1, 1
            continue
        if ch in "\r\n":
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    return line, col


def lint(text: str, path: str):
    return lint_document(parse(text, path), RULES).findings


@given(text=ANY_TEXT, path=FORMAT)
def test_lint_never_raises_and_spans_agree_with_positions(text, path):
    findings = lint(text, path)
    assert not [f for f in findings if f.code == "DQA001"], [f.message for f in findings if f.code == "DQA001"]
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert (f.line, f.column) == _positions(text, f.start)
        assert (f.end_line, f.end_column) == _positions(text, f.end)
        if f.fix:
            for e in f.fix.edits:
                assert 0 <= e.start <= e.end <= len(text)


@given(text=PROSE, path=FORMAT)
def test_safe_fixes_converge_and_a_second_pass_has_nothing_to_fix(text, path):
    fixed, _, remaining = fix_text(text, lambda t: lint(t, path))
    assert not [f for f in remaining if f.fix and f.fix.is_safe], [f.message for f in remaining if f.fix]
    assert fix_text(fixed, lambda t: lint(t, path))[0] == fixed


@given(text=PROSE, path=FORMAT)
def test_fixes_change_nothing_outside_their_spans(text, path):
    edits, _ = select_edits(lint(text, path), unsafe=True)
    new = apply_edits(text, edits)
    pos, out = 0, 0
    for e in edits:  # every untouched stretch of the old text appears, in order, in the new one
        kept = text[pos:e.start]
        assert new[out:out + len(kept)] == kept
        out += len(kept)
        assert new[out:out + len(e.content)] == e.content
        out += len(e.content)
        pos = e.end
    assert new[out:] == text[pos:]
