"""`docqa lint --fix` on a copy of seed 004: spacing repaired, safe casing applied, idempotent,
CRLF line endings and a UTF-8 BOM kept; `--diff` writes nothing; `--unsafe-fixes` adds the rest."""

from __future__ import annotations

import json

from conftest import SEED_SPAMMY

SELECT = ("--select", "CAS,SPC,SPL")
SPACING_REPAIRED = [
    "Lee Jae-yong, Chairman of Samsung Group, and Choi Tae-won, Chairman of SK Group, underscoring",
    "South Korean companies, focusing",
    "both economies. The KORUS FTA", "these concerns. Analyzing KORUS",
    "towards North Korea, linking", "THAAD deployment. This created", "for Seoul, requiring",
    "North Korea, while principled, failed",
]
SAFE_CASING = ["Moreover, OpenAI plans", "| OpenAI | AI Technology", "Data Center in Jeollanam-do",
               "Navigating North Korea:", "the Lee administration", "of South Korea defense",
               "over South Korean sovereignty", "Balancing Alliances: Seoul’s experience"]
SAFE_SPELLING = ["deployment occurred under", "on their livelihoods"]
UNSAFE = ["Lee Myung-bak’s prioritization", "under the Park Geun-hye administration",
          "in 2011. This landmark agreement", "While the Lee administration", "Ministry of Science and ICT"]


def _json(cli, *args):
    done = cli("lint", "--no-cache", "--format", "json", *SELECT, *args)
    return json.loads(done.stdout)


def _safe_fixes(report) -> list:
    return [f for r in report["files"] for f in r["findings"] if f["fix"] and f["fix"]["applicability"] == "safe"]


def test_fix_repairs_spacing_and_safe_casing_and_a_second_run_changes_nothing(cli, tmp_path):
    target = tmp_path / "seed.txt"
    target.write_bytes(SEED_SPAMMY.read_bytes())
    cli("lint", "--no-cache", "--fix", *SELECT, "seed.txt")
    fixed = target.read_text(encoding="utf-8")
    for phrase in SPACING_REPAIRED + SAFE_CASING + SAFE_SPELLING:
        assert phrase in fixed, phrase
    for phrase in UNSAFE:
        assert phrase not in fixed, phrase
    report = _json(cli, "seed.txt")
    assert _safe_fixes(report) == []
    assert {f["family"] for r in report["files"] for f in r["findings"]} == {"casing"}
    assert not any(f["family"] == "spacing" for r in report["files"] for f in r["findings"])
    before = target.read_bytes()
    cli("lint", "--no-cache", "--fix", *SELECT, "seed.txt")
    assert target.read_bytes() == before


def test_crlf_and_bom_survive_fixing(cli, tmp_path):
    text = SEED_SPAMMY.read_text(encoding="utf-8").replace("\n", "\r\n")
    target = tmp_path / "crlf.txt"
    target.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    cli("lint", "--no-cache", "--fix", *SELECT, "crlf.txt")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    body = raw[3:].decode("utf-8")
    assert body.count("\r\n") == text.count("\r\n")
    assert "\n" not in body.replace("\r\n", "")
    for phrase in SPACING_REPAIRED:
        assert phrase in body, phrase
    # The findings' positions after the fix still match the lines of the CRLF file.
    report = _json(cli, "crlf.txt")
    lines = body.split("\r\n")
    for r in report["files"]:
        for f in r["findings"]:
            assert f["line"] <= len(lines)
    assert _safe_fixes(report) == []


def test_diff_prints_the_fixes_and_writes_nothing(cli, tmp_path):
    target = tmp_path / "seed.txt"
    target.write_bytes(SEED_SPAMMY.read_bytes())
    done = cli("lint", "--no-cache", "--diff", *SELECT, "seed.txt")
    assert target.read_bytes() == SEED_SPAMMY.read_bytes()
    assert "+Present at the meeting were Lee Jae-yong, Chairman of Samsung Group, and" in done.stdout
    assert "-Present at the meeting were Lee Jae-yong,Chairman of Samsung Group,and" in done.stdout
    assert done.exit_code == 1


def test_unsafe_fixes_add_the_casing_docqa_is_less_sure_of(cli, tmp_path):
    target = tmp_path / "seed.txt"
    target.write_bytes(SEED_SPAMMY.read_bytes())
    cli("lint", "--no-cache", "--fix", "--unsafe-fixes", *SELECT, "seed.txt")
    fixed = target.read_text(encoding="utf-8")
    for phrase in UNSAFE + SPACING_REPAIRED + SAFE_CASING:
        assert phrase in fixed, phrase
    report = _json(cli, "seed.txt")
    assert [f for r in report["files"] for f in r["findings"]] == []
