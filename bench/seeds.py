"""Score docqa against the editor's expectations for the seed documents.

    python bench/seeds.py [--family casing] [--verbose]

Reads ``tests/fixtures/seeds-expected.json`` (a copy of the shared acceptance file), lints the
seeds with every default rule in-process, and prints per family: required items found, desired
items found, must-not-flag items hit, and false positives (findings of the family that match no
required or desired anchor). Drift is scored by line coverage of the off-topic block.
The same functions back ``tests/test_seeds.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "seeds-expected.json"
SEEDS = ROOT / "seeds"


def anchor_span(lines: list[str], item: dict) -> tuple[int, int]:
    """1-based inclusive start column and exclusive end column of an item's anchor on its line."""
    text = lines[item["line"] - 1]
    pos = -1
    for _ in range(item.get("nth", 1)):
        pos = text.find(item["anchor"], pos + 1)
        if pos < 0:
            raise ValueError(f"anchor {item['anchor']!r} not on line {item['line']}")
    return pos + 1, pos + 1 + len(item["anchor"])


def overlaps(f: dict, line: int, span: tuple[int, int]) -> bool:
    """Does finding ``f`` (JSON form) cover any column of ``span`` on ``line``?"""
    if not (f["line"] <= line <= f["end_line"]):
        return False
    start = f["column"] if f["line"] == line else 1
    end = f["end_column"] if f["end_line"] == line else 10**9
    end = max(end, start + 1)
    return start < span[1] and span[0] < end


def lint_seeds(select: list[str] | None = None) -> dict[str, list[dict]]:
    """Findings per seed file name, as JSON-like dicts."""
    from docqa.config import Settings
    from docqa.engine import instantiate, lint_text
    from docqa.registry import Registry

    registry = Registry.load()
    rules = instantiate(registry.select(select), Settings())
    out = {}
    for path in sorted(SEEDS.glob("*.txt")):
        result = lint_text(path.read_text(encoding="utf-8"), rules, path=str(path))
        out[path.name] = [
            {"code": f.code, "family": f.family, "severity": f.severity.value, "line": f.line, "column": f.column,
             "end_line": f.end_line, "end_column": f.end_column, "message": f.message}
            for f in result.findings
        ]
    for rule in rules:
        rule.close()
    return out


def score(findings: dict[str, list[dict]]) -> dict:
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    report: dict = defaultdict(lambda: defaultdict(list))
    for name, spec in expected["files"].items():
        lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
        got = findings.get(name, [])
        matched: set[int] = set()
        for kind in ("required", "desired"):
            for item in spec.get(kind, []):
                span = anchor_span(lines, item)
                hits = [i for i, f in enumerate(got) if f["family"] == item["family"] and overlaps(f, item["line"], span)]
                matched.update(hits)
                key = f"{kind}_found" if hits else f"{kind}_missed"
                report[item["family"]][key].append(f"{name}:{item['line']} {item['anchor']!r}")
        for item in spec.get("must_not_flag", []):
            span = anchor_span(lines, item)
            for f in got:
                if f["family"] == item["family"] and overlaps(f, item["line"], span):
                    report[item["family"]]["must_not_flag_hit"].append(f"{name}:{item['line']} {item['anchor']!r}: {f['message']}")
        drift = spec.get("drift")
        if drift:
            lo, hi = drift["off_topic_lines"]
            toc_lo, toc_hi = drift.get("toc_lines_pointing_off_topic", [0, -1])
            covered = set()
            for i, f in enumerate(got):
                if f["family"] == "drift":
                    span_lines = set(range(f["line"], f["end_line"] + 1))
                    covered |= span_lines
                    if span_lines <= set(range(lo, hi + 1)) | set(range(toc_lo, toc_hi + 1)):
                        matched.add(i)
            off = set(range(lo, hi + 1))
            report["drift"]["coverage"] = [f"{len(covered & off)}/{len(off)} off-topic lines covered"]
            on_lo, on_hi = drift["on_topic_lines"]
            bad = sorted(covered & set(range(on_lo, on_hi + 1)))
            if bad:
                report["drift"]["on_topic_lines_flagged"] = [f"{name}:{l}" for l in bad]
        for i, f in enumerate(got):
            if i not in matched and f["family"] in expected["families"]:
                report[f["family"]]["false_positives"].append(
                    f"{name}:{f['line']}:{f['column']} {f['code']} {f['message']}"
                )
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--family", help="only this family")
    ap.add_argument("--verbose", "-v", action="store_true", help="list items, not only counts")
    args = ap.parse_args(argv)
    report = score(lint_seeds())
    for family in sorted(report):
        if args.family and family != args.family:
            continue
        parts = report[family]
        print(f"{family}: " + ", ".join(f"{k}={len(v)}" for k, v in sorted(parts.items())))
        if args.verbose:
            for k, v in sorted(parts.items()):
                if k.endswith("found"):
                    continue
                for item in v:
                    print(f"    {k}: {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
