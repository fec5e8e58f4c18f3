"""Measure the provenance rules: unsourced or vaguely sourced statistics.

    python bench/provenance.py [--split final-8|final-7|final-6|final-5|final-4|final-3|final-2|final|test-seen|dev|all] [--show fp|fn|all] [--write]

Data:

* ``bench/data/provenance_labels.jsonl``: every sentence with a number word or a quantity word
  (:data:`KEPT_RE`) in all 196 host articles of ``../shared/eval/hosts/``, labelled by hand as
  ``none``, ``sourced``, ``vague`` or ``unsourced``: the 146 Wikinews news articles (splits ``dev``,
  ``test-seen``, ``final``, ``final-2``) and the 50 others, 20 Wikipedia biographies, 18 Wikivoyage
  travel guides and 12 academic texts (split ``final-3``, batch 6). How they were labelled, the
  history of the splits and the licence of each row: ``provenance_labels.LICENSE.md``. Each held-out
  split's first, blind score is kept in ``HELD_OUT_FIRST_RUNS``; re-running scores today's code.
* ``bench/data/provenance_wikipedia.jsonl``, ``provenance_wikipedia_b8.jsonl``,
  ``provenance_wikipedia_b9.jsonl`` and ``provenance_wikipedia_b10.jsonl``: 12, 20, 25 and 9
  excerpts of Wikipedia articles (splits ``final-4``, batch 7, ``final-5``, batch 8, ``final-6``,
  batch 9, and ``final-7``, batch 10), labelled in ``provenance_labels_wikipedia.jsonl``,
  ``provenance_labels_wikipedia_b8.jsonl``, ``provenance_labels_wikipedia_b9.jsonl`` and
  ``provenance_labels_wikipedia_b10.jsonl``.
* ``bench/data/provenance_wikinews_b11.jsonl``: Wikinews news articles of 2019 and 2020 that are not
  among the hosts (split ``final-8``, batch 11), labelled in ``provenance_labels_wikinews_b11.jsonl``.
* All 196 host articles: flags per 1,000 words by genre (clean, edited prose).
* ``tests/fixtures/provenance_traps.txt``: dates, years, ordinals, versions...: must give no finding.
* proselint's ``hedging`` and ``weasel_words`` examples: none states a statistic, so a correct
  provenance rule flags none of them (reported as counts).

A sentence is *flagged* when PRV001 (unsourced) or PRV002 (vague) reports a finding in it. A true
positive is a flagged sentence labelled ``vague`` or ``unsourced``; any other flagged sentence of a
labelled article is a false positive (sentences not in the label file count as ``none``).
``--write`` saves ``bench/results/provenance.md`` and ``.json``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
LABELS = ROOT / "bench" / "data" / "provenance_labels.jsonl"
#: Batches 7 to 10 (splits ``final-4``, ``final-5``, ``final-6`` and ``final-7``): Wikipedia excerpts kept in the
#: repository; batch 11 (``final-8``): Wikinews articles that are not hosts; and their labels, in batch order.
EXTRA_RECORDS = (ROOT / "bench" / "data" / "provenance_wikipedia.jsonl",
                 ROOT / "bench" / "data" / "provenance_wikipedia_b8.jsonl",
                 ROOT / "bench" / "data" / "provenance_wikipedia_b9.jsonl",
                 ROOT / "bench" / "data" / "provenance_wikipedia_b10.jsonl",
                 ROOT / "bench" / "data" / "provenance_wikinews_b11.jsonl")
EXTRA_LABELS = (ROOT / "bench" / "data" / "provenance_labels_wikipedia.jsonl",
                ROOT / "bench" / "data" / "provenance_labels_wikipedia_b8.jsonl",
                ROOT / "bench" / "data" / "provenance_labels_wikipedia_b9.jsonl",
                ROOT / "bench" / "data" / "provenance_labels_wikipedia_b10.jsonl",
                ROOT / "bench" / "data" / "provenance_labels_wikinews_b11.jsonl")
HOSTS = ROOT.parent / "shared" / "eval" / "hosts"
PROSELINT = ROOT.parent / "shared" / "eval" / "proselint_examples" / "proselint_examples.jsonl"
TRAPS = ROOT / "tests" / "fixtures" / "provenance_traps.txt"
RESULTS = ROOT / "bench" / "results"
POSITIVE = {"vague", "unsourced"}
COMMAND = "/work/venv/bin/python bench/provenance.py --write"
SPLITS = ("final-8", "final-7", "final-6", "final-5", "final-4", "final-3", "final-2", "final", "test-seen", "dev")
#: Which sentences of an article were labelled (batches 5 and 6): a digit, a number word, an ordinal,
#: a fraction, a quantity word, a superlative or one of six comparatives. Batches 1-4 kept fewer.
KEPT_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    r"ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|zero|none|once|twice|"
    r"thrice|single|pair|couple|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"eleventh|twelfth|twentieth|hundredth|thousandth|half|halves|halved|thirds?|quarters?|fifths?|"
    r"tenths?|percent|per cent|percentage|majority|minority|record|records|most|least|more|fewer|"
    r"less|several|many|few|double|doubled|doubling|triple|tripled|times|increase[sd]?|increasing|"
    r"decrease[sd]?|rose|risen|rise|rises|fell|fallen|falls|grew|grown|growth|total|totals|"
    r"totalled|totaled|toll|estimate[sd]?|average|averaged|only|all|every|number|numbers|largest|"
    r"biggest|highest|lowest|smallest|longest|oldest|youngest|best|worst|greatest|deadliest|top|"
    r"leading|half)\b|\b(?:larg|bigg|high|low|small|long|old|young|great|deadli|wid|deep|strong|"
    r"rich|poor|fast|heavi|tall|short|busi|cheap|costli)est\b|\b(?:larg|bigg|high|low|small|"
    r"great)er\b|\b(?:best|worst)\b",
    re.IGNORECASE,
)
#: Each held-out split the first (and only blind) time it was scored, before its errors were read.
#: Recorded here because re-running the bench scores them with today's code, which has seen them.
HELD_OUT_FIRST_RUNS = [
    {"split": "final-8 (batch 11: 123 Wikinews articles that are not hosts, 828 sentences, 151 positive)",
     "articles": 122, "tp": 106, "fp": 26, "fn": 45, "precision": 0.803, "recall": 0.702,
     "commit": "scored once at e569029 (labels committed first, written blind; provenance code as of b66593a)"},
    {"split": "final-7 (batch 10: the last 9 Wikipedia excerpts of 2016, 216 sentences, 7 positive)",
     "articles": 9, "tp": 4, "fp": 1, "fn": 3, "precision": 0.8, "recall": 0.571,
     "commit": "scored once at 4ea697d (labels committed first at 1238ca1, written blind by a helper session that never ran the detector; detector after six fixes from final-5's and final-6's errors)"},
    {"split": "final-6 (batch 9: 25 more Wikipedia excerpts of 2016, 630 sentences, 57 positive)",
     "articles": 25, "tp": 46, "fp": 4, "fn": 11, "precision": 0.92, "recall": 0.807,
     "commit": "scored once at 5d66409 (labels committed first at fb57361, written blind by a helper session that never ran the detector; detector after one fix from final-5's errors, 5c501dc)"},
    {"split": "final-5 (batch 8: 20 more Wikipedia excerpts of 2016, 443 sentences, 36 positive)",
     "articles": 20, "tp": 25, "fp": 6, "fn": 11, "precision": 0.806, "recall": 0.694,
     "commit": "scored once at c362f56 (labels committed first at 4b47d97, written blind by a helper session that never ran the detector; detector as after batch 7's fix)"},
    {"split": "final-4 (batch 7: 12 Wikipedia excerpts of 2016, 331 sentences, 24 positive)",
     "articles": 12, "tp": 20, "fp": 4, "fn": 4, "precision": 0.833, "recall": 0.833,
     "commit": "scored once at 9998a00 (labels committed first at b83220c, written blind; detector after the fifth round, tuned on final-3)"},
    {"split": "final-3 (batch 6: 20 biographies, 18 travel guides, 12 academic texts; 1,164 sentences)",
     "articles": 50, "tp": 51, "fp": 26, "fn": 32, "precision": 0.662, "recall": 0.614,
     "commit": "scored once at 83aebea (labels committed first, written blind; detector as of 036d05c, tuned on news only)"},
    {"split": "final-2 (batch 5)", "articles": 37, "tp": 34, "fp": 11, "fn": 20, "precision": 0.756, "recall": 0.63,
     "commit": "scored once at 49436ae (labels committed first; detector as of 18a639c, tuned on batches 1-4 only)"},
    {"split": "final (batch 4)", "articles": 17, "tp": 26, "fp": 9, "fn": 10, "precision": 0.743, "recall": 0.722,
     "commit": "scored once at the commit that added batch 4; no later change was made before scoring"},
    {"split": "test-seen (batches 2-3)", "articles": 39, "tp": 35, "fp": 14, "fn": 18, "precision": 0.714,
     "recall": 0.66, "commit": "scored once, then its errors were read and fixed"},
    {"split": "batch-1 test half", "articles": 20, "tp": 20, "fp": 10, "fn": 10, "precision": 0.667,
     "recall": 0.667, "commit": "scored once, then folded into dev"},
]


def _rules(codes=("PRV001", "PRV002")):
    from docqa.config import Settings
    from docqa.engine import instantiate
    from docqa.rules.provenance import RULES

    return instantiate([r for r in RULES if r.code in codes], Settings())


def load_hosts() -> dict[str, dict]:
    """Every host record by id."""
    out = {}
    for path in sorted(HOSTS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


#: Sentence ends as docqa found them when batches 5 and 6 were selected (before a reference
#: marker was attached to the sentence it follows): the batches keep exactly the sentences this
#: splitting gives that :data:`KEPT_RE` matches, and the tests check that against the labels.
_SELECTION_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")


def load_records() -> dict[str, dict]:
    """Every labelled text by id: the host articles, the Wikipedia excerpts of batches 7 to 10 and the
    Wikinews articles of batch 11."""
    out = load_hosts()
    for path in EXTRA_RECORDS:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            out[rec["id"]] = rec
    return out


def load_labels() -> list[dict]:
    """Every label row: batches 1-6 (host articles), 7 to 10 (Wikipedia excerpts) and 11 (Wikinews)."""
    return [json.loads(line) for path in (LABELS, *EXTRA_LABELS)
            for line in path.read_text(encoding="utf-8").splitlines()]


def split_as_selected(text: str) -> list[tuple[int, int]]:
    """The sentence spans of ``text`` as split when batches 5 and 6 were selected. Today's
    splitter gives the same sentences, except that reference markers after a sentence's end
    ("1805. [6] An") now close that sentence instead of opening the next (or standing alone);
    the labels' sentence numbers are the same either way but for such marker-only sentences."""
    from docqa.textutil import is_abbreviation, trim

    spans, pos = [], 0
    for m in _SELECTION_END_RE.finditer(text):
        if text[m.start()] == "." and m.end() - m.start() == 1 and is_abbreviation(text, m.start()):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in (trim(text, *span) for span in spans) if s < e]


def build_document(rec: dict) -> tuple[str, list[int]]:
    """The article as plain text (title, blank line, paragraphs) and each paragraph's offset."""
    text = rec["title"] + "\n\n"
    offsets = []
    for p in rec["paragraphs"]:
        offsets.append(len(text))
        text += p + "\n\n"
    return text, offsets


def flagged_sentences(rec: dict, rules) -> dict[tuple[int, int], list[dict]]:
    """(paragraph, sentence) -> findings of the rules in that sentence."""
    from docqa.engine import lint_text
    from docqa.textutil import split_sentences

    text, offsets = build_document(rec)
    findings = lint_text(text, rules, path="article.txt").findings
    out: dict[tuple[int, int], list[dict]] = defaultdict(list)
    for pi, (off, p) in enumerate(zip(offsets, rec["paragraphs"])):
        for si, (s, e) in enumerate(split_sentences(p, 0, len(p))):
            for f in findings:
                if off + s <= f.start < off + e:
                    out[(pi, si)].append({"code": f.code, "message": f.message, "text": text[f.start:f.end]})
    return out


def score_labels(split: str, rules, show: str | None = None, genre: str | None = None) -> dict:
    rows = load_labels()
    hosts = load_records()
    by_id: dict[str, dict[tuple[int, int], dict]] = defaultdict(dict)
    for r in rows:
        if (split == "all" or r["split"] == split) and (genre is None or hosts[r["id"]]["genre"] == genre):
            by_id[r["id"]][(r["paragraph"], r["sentence"])] = r
    tp = fp = fn = 0
    kind_agree = Counter()
    claim_found = claim_total = 0
    for rid, labelled in sorted(by_id.items()):
        flags = flagged_sentences(hosts[rid], rules)
        for key, row in labelled.items():
            positive = row["label"] in POSITIVE
            got = flags.get(key)
            if positive and got:
                tp += 1
                expected = "PRV002" if row["label"] == "vague" else "PRV001"
                kind_agree["same" if got[0]["code"] == expected else "other"] += 1
            elif positive:
                fn += 1
                if show in ("fn", "all"):
                    print(f"FN [{row['label']}] {rid} p{key[0]}s{key[1]}: {row['text'][:220]}")
        for key, got in flags.items():
            row = labelled.get(key)
            if row is None or row["label"] not in POSITIVE:
                fp += 1
                if show in ("fp", "all"):
                    label = row["label"] if row else "none (unlabelled)"
                    print(f"FP [{label}] {rid} p{key[0]}s{key[1]} {got[0]['code']} {got[0]['text']!r}: "
                          f"{(row or {}).get('text', '')[:200]}")
        # Claim detection: does the analysis see a statistic where the label says there is one?
        from docqa.document import parse
        from docqa.provenance.analysis import analyse
        from docqa.textutil import split_sentences

        text, offsets = build_document(hosts[rid])
        starts = {c.start for c in analyse(parse(text, "article.txt")).sentences}
        for (pi, si), row in labelled.items():
            if row["label"] == "none":
                continue
            claim_total += 1
            p = hosts[rid]["paragraphs"][pi]
            s, e = split_sentences(p, 0, len(p))[si]
            claim_found += any(offsets[pi] + s <= st < offsets[pi] + e for st in starts)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "split": split if genre is None else f"{split}, {genre}", "articles": len(by_id),
        "sentences": sum(len(v) for v in by_id.values()), "tp": tp, "fp": fp, "fn": fn,
        "precision": round(precision, 3), "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
        "flag_kind_matches_label": dict(kind_agree),
        "statistic_sentences_detected": f"{claim_found}/{claim_total}",
    }


def host_rates(rules) -> dict:
    """Flags per 1,000 words on all hosts, by genre and rule."""
    from docqa.engine import lint_text

    words: Counter = Counter()
    flags: dict[str, Counter] = defaultdict(Counter)
    for rec in load_hosts().values():
        text, _ = build_document(rec)
        words[rec["genre"]] += rec["n_words"]
        for f in lint_text(text, rules, path="article.txt").findings:
            flags[rec["genre"]][f.code] += 1
    return {g: {"words": words[g], **{c: round(1000 * n / words[g], 2) for c, n in sorted(flags[g].items())}}
            for g in sorted(words)}


def traps(rules) -> list[str]:
    from docqa.engine import lint_text

    text = TRAPS.read_text(encoding="utf-8")
    return [f"{f.line}:{f.column} {f.code} {text[f.start:f.end]!r}" for f in lint_text(text, rules, path=str(TRAPS)).findings]


def proselint(rules) -> dict:
    from docqa.engine import lint_text

    out: dict = {}
    for line in PROSELINT.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["check"] not in ("hedging", "weasel_words"):
            continue
        bucket = out.setdefault(row["check"], {"should_flag": 0, "flagged_of_those": 0, "should_not": 0, "flagged_of_those_not": 0})
        hit = bool(lint_text(row["text"], rules, path="x.txt").findings)
        if row["should_flag"]:
            bucket["should_flag"] += 1
            bucket["flagged_of_those"] += hit
        else:
            bucket["should_not"] += 1
            bucket["flagged_of_those_not"] += hit
    return out


def seeds() -> dict:
    from bench.seeds import lint_seeds, score

    report = score(lint_seeds())["provenance"]
    return {k: v for k, v in sorted(report.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default=None, choices=[*SPLITS, "all"], help="only score this split")
    ap.add_argument("--show", choices=["fp", "fn", "all"], help="print false positives/negatives")
    ap.add_argument("--write", action="store_true", help="write bench/results/provenance.{md,json}")
    args = ap.parse_args(argv)
    rules = _rules()
    if args.split:
        print(json.dumps(score_labels(args.split, rules, args.show), indent=1))
        return 0
    all_rules = _rules(("PRV001", "PRV002", "PRV003", "PRV004"))
    result = {
        "command": COMMAND,
        "held_out_first_runs": HELD_OUT_FIRST_RUNS,
        "labels_with_current_code": {s: score_labels(s, rules) for s in (*SPLITS, "all")},
        "final_3_by_genre_with_current_code": {
            g: score_labels("final-3", rules, genre=g) for g in ("encyclopedic_biography", "travel_guide", "academic")},
        "hosts_flags_per_1000_words": host_rates(all_rules),
        "trap_findings": traps(all_rules),
        "proselint": proselint(rules),
        "seeds": seeds(),
    }
    print(json.dumps(result, indent=1))
    if args.write:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "provenance.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
        (RESULTS / "provenance.md").write_text(render(result), encoding="utf-8")
    return 0


def render(r: dict) -> str:
    """The Markdown fragment for the README."""
    lines = [
        "### Provenance: unsourced and vaguely sourced statistics",
        "",
        f"Reproduce: `{r['command']}` (about 8 seconds on one core).",
        "",
        "Labels: every sentence with a number or quantity word in all 196 host articles (146 Wikinews news"
        " articles; 20 Wikipedia biographies, 18 Wikivoyage travel guides and 12 academic texts in `final-3`)"
        " and in 66 excerpts of Wikipedia articles (12 in `final-4`, 20 in `final-5`, 25 in `final-6`,"
        " 9 in `final-7`,"
        " `bench/data/provenance_wikipedia*.jsonl`) and in 123 Wikinews news articles of 2019 and 2020 that are"
        " not hosts (`final-8`, `bench/data/provenance_wikinews_b11.jsonl`),"
        " labelled by hand `sourced`, `vague`, `unsourced` or `none` before the detector was run on them"
        " (`bench/data/provenance_labels*.jsonl`, guide and licences in `provenance_labels.LICENSE.md`). A flag"
        " is a PRV001 or PRV002 finding in a sentence; it is correct when the sentence is labelled `vague` or"
        " `unsourced`.",
        "",
        "**Held out, first and only blind run of each split** (target: precision >= 0.9, recall >= 0.85;"
        " **not met**):",
        "",
        "| split | articles | precision | recall | TP | FP | FN |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in r["held_out_first_runs"]:
        lines.append(f"| {s['split']} | {s['articles']} | {s['precision']:.2f} | {s['recall']:.2f} | "
                     f"{s['tp']} | {s['fp']} | {s['fn']} |")
    rows = [*r["labels_with_current_code"].items(), *((g["split"], g) for g in r["final_3_by_genre_with_current_code"].values())]
    below = [f"`{name}` ({s['tp'] + s['fn']} positive sentences{': too few to say much' if s['tp'] + s['fn'] < 20 else ''})"
             for name, s in rows if s["precision"] < 0.9 or s["recall"] < 0.85]
    lines += ["", "With the current code. After its blind run, `final-3`'s errors were read and a fifth round of"
              " changes was tuned on them (reference markers after a full stop; a paper's own sample and results;"
              " prices in a guide that speaks to the reader; superlatives scoped by a place; game records, diplomas,"
              " names and taste superlatives that are not statistics; and more, each a class of sentence with its"
              " own tests), so its figures below are after tuning and as optimistic as the news splits, which were"
              " all read while tuning (`final-2` in the fourth round). `final-4` (batch 7, Wikipedia excerpts drawn"
              " and labelled after the fifth round, `bench/make_wikipedia_blind.py`) was scored blind after that round:"
              " its first run is the first row above; its errors were then read and one class fixed (a small group"
              " after 'the' is referential), so its row below is no longer blind. `final-5` (batch 8, the next 20 excerpts"
              " of the same dump, labelled blind by another reader) was then scored once, with no change made for it:"
              " precision 0.81 (25 of 31; 95% Wilson interval 0.64 to 0.91), recall 0.69 (25 of 36; 0.53 to 0.82)."
              " After one class of its errors was fixed (a requirement written 'requires N ... to'), `final-6` (batch 9,"
              " 25 more excerpts of the dump, labelled blind by a third reader) was scored once: precision 0.92"
              " (46 of 50; 0.81 to 0.97), recall 0.81 (46 of 57; 0.69 to 0.89). Batches 7 to 9 together, each scored"
              " blind once: precision 91 of 105 (0.87; 0.79 to 0.92), recall 91 of 117 (0.78; 0.69 to 0.84): on"
              " unseen encyclopedic text the recall target is not met, and precision is near its target."
              " After six classes of batch 8's and 9's errors were fixed, `final-7` (batch 10, the last 9 excerpts of"
              " the dump, labelled blind by a fourth reader) was scored once: precision 4 of 5, recall 4 of 7, too few"
              " to say much. Batches 7 to 10 together, each scored blind once: precision 95 of 110 (0.86; 0.79 to"
              " 0.92), recall 95 of 124 (0.77; 0.68 to 0.83)."
              " `final-8` (batch 11: every Wikinews article of the hosts' source files that is not a host, not an"
              " interview and has 150 to 1,500 words, mostly short reports; labelled blind by seven readers) was then"
              " scored once with unchanged provenance code: precision 0.80 (106 of 132; 0.73 to 0.86), recall 0.70 (106"
              " of 151; 0.62 to 0.77). Batches 7 to 11 together, each scored blind once: precision 201 of 242 (0.83;"
              " 0.78 to 0.87), recall 201 of 275 (0.73; 0.68 to 0.78). Its errors were then read and seven classes"
              " fixed (casualty tallies of any size, a court's fine, a group's size, scores, a law's year, and four"
              " attribution slips), so its row below is no longer blind."
              " `all` is every split."
              + (" Below the target with the current code: " + ", ".join(below) + "." if below
                 else " With the current code every split is at or above the target."),
              "",
              "| split | articles | sentences | precision | recall | F1 | TP | FP | FN | statistic sentences detected |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    by_genre = r["final_3_by_genre_with_current_code"].values()
    for name, s in [*r["labels_with_current_code"].items(), *((g["split"], g) for g in by_genre)]:
        lines.append(f"| {name} | {s['articles']} | {s['sentences']} | {s['precision']:.2f} | {s['recall']:.2f} | "
                     f"{s['f1']:.2f} | {s['tp']} | {s['fp']} | {s['fn']} | {s['statistic_sentences_detected']} |")
    lines += ["", "Flags per 1,000 words on all 196 host articles (published, edited text):", "",
              "| genre | words | " + " | ".join(("PRV001", "PRV002", "PRV003", "PRV004")) + " |",
              "|---|---|---|---|---|---|"]
    for genre, rates in r["hosts_flags_per_1000_words"].items():
        lines.append(f"| {genre} | {rates['words']} | " + " | ".join(str(rates.get(c, 0)) for c in ("PRV001", "PRV002", "PRV003", "PRV004")) + " |")
    pl = r["proselint"]
    lines += [
        "",
        "Trap file (`tests/fixtures/provenance_traps.txt`: dates, years, times, ordinals, versions, list and"
        " section numbers, phone numbers, addresses, ages, durations, quoted titles, code, rules and aims): "
        f"**{len(r['trap_findings'])} findings**.",
        "",
        "proselint `hedging` and `weasel_words` examples (none states a statistic, so a provenance rule"
        " should flag none): "
        + "; ".join(f"{k}: {v['flagged_of_those']}/{v['should_flag']} positives and {v['flagged_of_those_not']}/{v['should_not']}"
                    " negatives flagged" for k, v in pl.items()) + ".",
        "",
        "Seeds: " + ", ".join(f"{k} {len(v)}" for k, v in r["seeds"].items()) + ".",
        "",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
