"""--format sarif: valid SARIF 2.1.0, complete rule metadata, exact regions, fixes, stable fingerprints."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest

from conftest import SEED_SPAMMY, SEEDS

from docqa.registry import Registry

FIXTURES = Path(__file__).parent / "fixtures"
SCHEMA = json.loads((FIXTURES / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def sarif(cli, *args) -> dict:
    result = cli("lint", "--format", "sarif", *args)
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def validate(log: dict) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    # The schema names "uri" formats without checking them: check that no URI holds a space,
    # a backslash or a non-ASCII character, which GitHub would reject or misread.
    for run in log["runs"]:
        for base in run.get("originalUriBaseIds", {}).values():
            assert re.fullmatch(r"file:///[!-~]*/", base["uri"]), base
        for result in run["results"]:
            for loc in result["locations"]:
                assert re.fullmatch(r"[!-~]+", loc["physicalLocation"]["artifactLocation"]["uri"])


@pytest.fixture
def seeds_copy(tmp_path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "seeds"


def test_seeds_validate_against_the_official_schema_with_rules_and_regions(cli, seeds_copy):
    log = sarif(cli, "seeds")
    validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "docqa"
    rules = {r["id"]: r for r in driver["rules"]}
    assert {"SPC001", "CAS001", "STR001", "DQA001"} <= set(rules)
    spc, cls = rules["SPC001"], Registry.load().get("SPC001")
    assert spc["name"] == "missing-space-after-punctuation"
    assert spc["shortDescription"]["text"] == cls.summary()
    assert spc["fullDescription"]["text"] == cls.doc().split("\nFlagged:")[0].strip()
    assert "Flagged:" not in spc["fullDescription"]["text"] and len(spc["fullDescription"]["text"]) > 100
    assert spc["help"]["text"] == cls.doc()
    assert f"```text\n{cls.examples()[0][0]}\n```" in spc["help"]["markdown"]
    assert spc["defaultConfiguration"] == {"level": "warning", "enabled": True}
    assert spc["properties"] == {"tags": ["spacing"], "fixable": True}
    assert len(run["results"]) > 10
    lines = {p.name: p.read_text(encoding="utf-8").splitlines() for p in seeds_copy.iterdir()}
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert loc["artifactLocation"]["uri"].startswith("seeds/")
        if result["ruleId"] == "SPC001":  # the region is exactly the flagged text
            region = loc["region"]
            line = lines[loc["artifactLocation"]["uri"].split("/")[1]][region["startLine"] - 1]
            flagged = line[region["startColumn"] - 1:region["endColumn"] - 1]
            assert f"'{flagged}'" in result["message"]["text"]
    assert sorted(run["originalUriBaseIds"]) == ["%SRCROOT%"]


def test_regions_and_fixes_count_code_points(cli, tmp_path):
    # U+1D4B3 is one code point but two UTF-16 units: SARIF viewers must be told which we count.
    (tmp_path / "café notes.md").write_text("# Notes\n\nThe 𝒳 café,and the bakery.\n", encoding="utf-8")
    log = sarif(cli, "--select", "SPC001", "café notes.md")
    validate(log)
    (result,) = log["runs"][0]["results"]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "caf%C3%A9%20notes.md"
    assert loc["region"] == {"startLine": 3, "startColumn": 7, "endLine": 3, "endColumn": 15}
    assert result["level"] == "warning"
    assert result["message"]["text"] == "missing space after ',' in 'café,and'"
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == loc["artifactLocation"]
    assert change["replacements"] == [{
        "deletedRegion": {"startLine": 3, "startColumn": 12, "endLine": 3, "endColumn": 12},
        "insertedContent": {"text": " "},
    }]


def _fingerprints(log: dict) -> dict[tuple[str, str, int, int], str]:
    """(file, rule, line, column) -> fingerprint, checking that each result has its own."""
    out = {}
    for r in log["runs"][0]["results"]:
        fp = r["partialFingerprints"]
        assert fp["primaryLocationLineHash"] == fp["docqa/v1"]
        loc = r["locations"][0]["physicalLocation"]
        out[(loc["artifactLocation"]["uri"], r["ruleId"], loc["region"]["startLine"], loc["region"]["startColumn"])] = fp["docqa/v1"]
    assert len(set(out.values())) == len(out)
    return out


def test_fingerprints_survive_a_line_inserted_above_and_differ_between_files(cli, seeds_copy):
    spammy = seeds_copy / SEED_SPAMMY.name
    before = _fingerprints(sarif(cli, "seeds"))
    text = spammy.read_text(encoding="utf-8").split("\n")
    # A new paragraph after the first one of the body, before the first section heading (line 22).
    text.insert(21, "A brand new sentence, inserted by an editor near the top of the article.")
    spammy.write_text("\n".join(text), encoding="utf-8")
    after = _fingerprints(sarif(cli, "seeds"))
    # Every finding below the new line that is still reported has moved down one line and kept its
    # identity (document-wide rules may legitimately drop or add a finding when the text changes).
    uri = f"seeds/{SEED_SPAMMY.name}"
    moved = {(u, code, line - 1, col): fp for (u, code, line, col), fp in after.items() if u == uri and line >= 23}
    kept = {key: before.get(key) for key in moved}
    assert len(moved) > 10 and sum(v is not None for v in kept.values()) >= len(moved) - 2
    assert {k: v for k, v in kept.items() if v is not None} == {k: moved[k] for k, v in kept.items() if v is not None}

    # The same finding in two files is two alerts: the path is part of the identity.
    twin = seeds_copy / "twin.txt"
    twin.write_text(spammy.read_text(encoding="utf-8"), encoding="utf-8")
    log = sarif(cli, "seeds")
    by_file: dict[str, set[str]] = {}
    for r in log["runs"][0]["results"]:
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        by_file.setdefault(uri, set()).add(r["partialFingerprints"]["docqa/v1"])
    assert by_file["seeds/twin.txt"] and not by_file["seeds/twin.txt"] & by_file[f"seeds/{SEED_SPAMMY.name}"]


def test_clean_run_notices_and_paths_outside_the_working_directory(cli, tmp_path):
    outside = tmp_path.parent / f"{tmp_path.name}-outside.txt"
    outside.write_text("Title\nA comma,here.\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Title\nNothing to see.\n", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01binary")
    log = sarif(cli, "--select", "SPC001", "ok.txt", "blob.txt", str(outside))
    validate(log)
    run = log["runs"][0]
    (result,) = run["results"]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": outside.resolve().as_uri()}
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is True
    assert any("blob.txt" in n["message"]["text"] for n in invocation["toolExecutionNotifications"])
    outside.unlink()
