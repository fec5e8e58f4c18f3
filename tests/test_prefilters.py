"""The provenance prefilters (docqa.provenance.gate) never skip a pattern that could match.

Each gate is a necessary condition of its pattern. Three checks: strings generated from the
pattern itself always open the gate; the dotless-i / long-s characters that case-insensitive
matching folds onto ASCII open every gate; and on every host article and seed sentence the
gated analysis returns exactly what the analysis with every gate forced open returns.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docqa.document import parse
from docqa.provenance import attribution, claims
from docqa.provenance.gate import Gate

ROOT = Path(__file__).resolve().parent.parent
HOSTS = ROOT.parent / "shared" / "eval" / "hosts"

def _named_gates(module) -> list[tuple[str, object, tuple]]:
    names = {id(v): k for k, v in vars(module).items() if k.endswith("_RE")}
    return [(f"{module.__name__.rsplit('.', 1)[-1]}.{names[id(rx)]}", rx, rule) for rx, rule in module.GATES.items()]


ALL_GATES = _named_gates(claims) + _named_gates(attribution)


def test_every_gated_pattern_is_listed():
    assert len(ALL_GATES) == len(claims.GATES) + len(attribution.GATES) == 26


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


def _sentences() -> list[tuple[str, int, int]]:
    texts = []
    for path in sorted(HOSTS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            texts.append("\n\n".join([rec["title"], *rec["paragraphs"]]))
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    out = []
    for text in texts:
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
