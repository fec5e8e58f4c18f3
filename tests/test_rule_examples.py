"""Every registered rule documents itself and its Flagged/Clean examples hold."""

from __future__ import annotations

import pytest

from docqa.config import Settings
from docqa.engine import instantiate, lint_text
from docqa.finding import Family
from docqa.registry import Registry

REGISTRY = Registry.load()
CHECKED = [r for r in REGISTRY if r.family is not Family.INTERNAL]


def test_registry_has_the_builtin_rules():
    assert any(r.code == "SPC001" for r in REGISTRY)
    assert {"DQA001", "DQA002"} <= set(REGISTRY.rules)


@pytest.mark.parametrize("rule", CHECKED, ids=lambda r: r.code)
def test_rule_has_documentation_and_examples(rule):
    flagged, clean = rule.examples()
    assert rule.summary(), "docstring summary missing"
    assert flagged and clean, "needs Flagged: and Clean: examples in its docstring"


@pytest.mark.parametrize("rule", CHECKED, ids=lambda r: r.code)
def test_rule_examples(rule):
    if getattr(rule, "needs_service", False):
        pytest.skip(f"{rule.code} needs an external service; tests/test_grammar.py runs its examples")
    (instance,) = instantiate([rule], Settings())
    flagged, clean = rule.examples()
    for text in flagged:
        codes = [f.code for f in lint_text(text, [instance], path="example.txt").findings]
        assert rule.code in codes, f"not flagged: {text!r}"
    for text in clean:
        found = [f.message for f in lint_text(text, [instance], path="example.txt").findings]
        assert not found, f"clean example flagged: {text!r}: {found}"
    instance.close()
