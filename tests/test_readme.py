"""The README's generated parts and set-up commands stay true."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
INSTALL_AND_RUN = "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/docqa lint seeds/"
TEST_COMMAND = "python3 -m venv .venv && .venv/bin/pip install '.[test]' && .venv/bin/pytest"


def _updater():
    spec = importlib.util.spec_from_file_location("update_readme", ROOT / "bench" / "update_readme.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_rule_table_and_results_are_generated_and_current():
    assert _updater().render(README) == README, "run: python bench/update_readme.py"


def test_readme_lists_every_rule():
    from docqa.registry import Registry

    for rule in Registry.load():
        assert f"| {rule.code} | {rule.name} |" in README


def test_the_two_commands_are_in_the_readme_and_ci_runs_the_test_command():
    assert INSTALL_AND_RUN in README and TEST_COMMAND in README
    ci_lines = (ROOT / ".ci" / "run").read_text().splitlines()
    assert TEST_COMMAND in ci_lines
