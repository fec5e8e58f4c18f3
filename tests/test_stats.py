"""docqa stats: per-file rows and their text and JSON rendering."""

from __future__ import annotations

import json

from conftest import SEED_CLEAN, SEED_SPAMMY
from docqa.config import Settings
from docqa.document import parse
from docqa.engine import FileResult, instantiate, lint_document
from docqa.registry import Registry
from docqa.stats import file_stats, render_stats

RULES = instantiate(Registry.load().select(["boilerplate", "structure"]), Settings())


def row_of(path):
    doc = parse(path.read_text(encoding="utf-8"), path.name)
    return file_stats(doc, lint_document(doc, RULES))


def test_file_stats_on_the_seeds():
    row = row_of(SEED_SPAMMY)
    assert row["path"] == SEED_SPAMMY.name
    assert (row["words"], row["sentences"], row["reading_ease"], row["grade"]) == (1383, 99, 17.0, 15.1)
    assert row["findings"] == {"boilerplate": 8, "structure": 3}
    assert "provenance" not in row
    assert row_of(SEED_CLEAN)["findings"] == {"boilerplate": 1}


def test_provenance_counts_are_copied_when_present():
    doc = parse("Prices rose. Wages fell.\n", "a.txt")
    result = FileResult(path="a.txt", metrics={"provenance": {"claims": 3, "sourced": 1, "vague": 1, "unsourced": 1, "x": 9}})
    row = file_stats(doc, result)
    assert row["provenance"] == {"claims": 3, "sourced": 1, "vague": 1, "unsourced": 1}
    assert (row["words"], row["sentences"], row["findings"]) == (4, 2, {})


def test_text_table_has_a_column_per_family_and_a_total():
    rows = [row_of(SEED_SPAMMY), row_of(SEED_CLEAN)]
    lines = render_stats(rows).splitlines()
    assert lines[0].split() == ["file", "words", "sentences", "ease", "grade", "boilerplate", "structure"]
    assert lines[2].split() == [SEED_SPAMMY.name, "1383", "99", "17.0", "15.1", "8", "3"]
    assert lines[3].split()[0] == SEED_CLEAN.name and lines[3].split()[-2:] == ["1", "0"]
    total = lines[4].split()
    assert total[0] == "TOTAL" and total[1] == str(1383 + rows[1]["words"]) and total[-2:] == ["9", "3"]


def test_single_file_has_no_total_and_json_has_files_and_total():
    row = row_of(SEED_CLEAN)
    assert "TOTAL" not in render_stats([row])
    data = json.loads(render_stats([row], "json"))
    assert data["files"] == [row]
    assert data["total"]["files"] == 1 and data["total"]["words"] == row["words"]


def test_empty_file_renders_dashes():
    doc = parse("", "empty.txt")
    row = file_stats(doc, FileResult(path="empty.txt"))
    assert (row["words"], row["reading_ease"]) == (0, None)
    assert render_stats([row]).splitlines()[2].split() == ["empty.txt", "0", "0", "-", "-"]


def test_cli_stats(cli):
    result = cli("stats", str(SEED_SPAMMY), str(SEED_CLEAN), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [(r["words"], r["findings"].get("boilerplate")) for r in data["files"]] == [
        (row_of(SEED_CLEAN)["words"], 1), (1383, 8),
    ]
