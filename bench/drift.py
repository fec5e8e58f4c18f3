"""Measure the drift rule (DRF001) on Choi-style splices of real articles.

    python bench/drift.py                 # score the saved cases, print figures, write bench/results/drift.*
    python bench/drift.py --rebuild       # regenerate bench/data/drift_cases.jsonl (fixed seed) first
    python bench/drift.py --split dev -v  # tune on the dev split, list every miss and false alarm

The cases are built from the host articles in ``../shared/eval/hosts/`` (Wikinews, Wikipedia,
Wikivoyage and open-access papers; see ``bench/data/drift_cases.LICENSE.md``). For every host with
at least five paragraphs there are two spliced copies, one with a block of 1-4 consecutive donor
paragraphs inserted in the middle (never among the first two paragraphs, never last) and one with
the block appended at the end, plus the untouched host as a control. Half of the donors come from
an article with the same coarse topic (the hard case), half from a different topic. Only the recipe
is saved (ids and paragraph indices, no text); the texts are rebuilt from the shared hosts.

Every fifth host (in id order) and its spliced copies form the held-out ``test`` split; the rest is
``dev``, where the rule's defaults were tuned. Documents are rendered as plain text: the title line,
then one paragraph per line with a blank line between paragraphs.

Figures (per split and over the whole set):

* spliced-line recall: share of spliced lines covered by a drift finding;
* flagged-line precision: share of lines covered by drift findings that were spliced;
* same-topic recall: spliced-line recall on the cases whose donor has the host's topic;
* control false-alarm rate: share of untouched hosts with any drift finding;
* Pk and WindowDiff over paragraphs (k = half the mean reference segment length), with the
  trivial baselines "no boundary" and "a boundary everywhere".
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_HOSTS = ROOT.parent / "shared" / "eval" / "hosts"
CASES = ROOT / "bench" / "data" / "drift_cases.jsonl"
RESULTS = ROOT / "bench" / "results"
HOST_FILES = ("news_wikinews.jsonl", "encyclopedic_wikipedia_wikivoyage.jsonl", "academic_open_access.jsonl")
SEED = 20250105
MIN_HOST_PARAGRAPHS = 5
MIN_DONOR_WORDS = 20


def load_hosts(folder: Path) -> dict[str, dict]:
    """Host records by id, in file order."""
    hosts: dict[str, dict] = {}
    for name in HOST_FILES:
        with open(folder / name, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    rec = json.loads(line)
                    hosts[rec["id"]] = rec
    return hosts


def _donor_block(rng: random.Random, donor: dict) -> list[int]:
    """Indices of 1-4 consecutive donor paragraphs of at least MIN_DONOR_WORDS words each."""
    paras = donor["paragraphs"]
    ok = [len(p.split()) >= MIN_DONOR_WORDS for p in paras]
    k = rng.randint(1, 4)
    while k >= 1:
        starts = [s for s in range(len(paras) - k + 1) if all(ok[s:s + k])]
        if starts:
            s = rng.choice(starts)
            return list(range(s, s + k))
        k -= 1
    return []


def build_cases(hosts: dict[str, dict], seed: int = SEED) -> list[dict]:
    """The splice recipe: controls plus a middle and an end splice per eligible host."""
    rng = random.Random(seed)
    ids = sorted(hosts)
    split = {hid: ("test" if i % 5 == 4 else "dev") for i, hid in enumerate(ids)}
    cases: list[dict] = []
    for hid in ids:
        host = hosts[hid]
        cases.append({"case": f"{hid}#control", "split": split[hid], "kind": "control", "host": hid})
        if len(host["paragraphs"]) < MIN_HOST_PARAGRAPHS:
            continue
        # Donors come from the host's own split, so held-out text never tunes the rule.
        pool = [d for d in ids if d != hid and split[d] == split[hid]]
        same_first = rng.random() < 0.5
        for n, kind in enumerate(("mid", "end")):
            same = same_first == (n == 0)
            cands = [d for d in pool if (hosts[d]["topic"] == host["topic"]) == same]
            if same and not cands:
                cands = [d for d in pool if hosts[d]["genre"] == host["genre"]]
            while True:
                donor = rng.choice(cands)
                block = _donor_block(rng, hosts[donor])
                if block:
                    break
            n_par = len(host["paragraphs"])
            insert_at = rng.randint(2, n_par - 1) if kind == "mid" else n_par
            cases.append({
                "case": f"{hid}#{kind}", "split": split[hid], "kind": kind, "host": hid,
                "donor": donor, "donor_paragraphs": block, "insert_at": insert_at,
                "same_topic": hosts[donor]["topic"] == host["topic"],
                "license": _license(host, hosts[donor]),
            })
        # The long-drift variant: the second half of the host replaced by a run of donor paragraphs.
        n_par = len(host["paragraphs"])
        if n_par >= 6:
            keep = n_par // 2
            want = min(8, max(3, n_par - keep))
            same = rng.random() < 0.5
            cands = [d for d in pool if (hosts[d]["topic"] == host["topic"]) == same
                     and len(hosts[d]["paragraphs"]) >= want + 1]
            if not cands:
                cands = [d for d in pool if len(hosts[d]["paragraphs"]) >= want + 1]
            donor = rng.choice(cands)
            # Skip the donor's lead, which names its subject outright: the tail should read as a
            # continuation, the way generated text wanders off.
            first = rng.randint(1, len(hosts[donor]["paragraphs"]) - want)
            cases.append({
                "case": f"{hid}#tail", "split": split[hid], "kind": "tail", "host": hid,
                "donor": donor, "donor_paragraphs": list(range(first, first + want)), "insert_at": keep,
                "replace_rest": True, "same_topic": hosts[donor]["topic"] == host["topic"],
                "license": _license(host, hosts[donor]),
            })
    return cases


def _license(host: dict, donor: dict) -> str:
    lics = {host["license"], donor["license"]}
    if any("SA" in lic for lic in lics):
        return "CC BY-SA 3.0"
    return " + ".join(sorted(lics))


def render(case: dict, hosts: dict[str, dict]) -> tuple[str, list[bool]]:
    """The document text and, per paragraph unit, whether it was spliced in."""
    host = hosts[case["host"]]
    paras = list(host["paragraphs"])
    gold = [False] * len(paras)
    if case["kind"] != "control":
        donor = hosts[case["donor"]]
        block = [donor["paragraphs"][i] for i in case["donor_paragraphs"]]
        at = case["insert_at"]
        if case.get("replace_rest"):
            paras, gold = paras[:at], gold[:at]
        paras[at:at] = block
        gold[at:at] = [True] * len(block)
    text = host["title"] + "\n\n" + "\n\n".join(paras) + "\n"
    return text, gold


def paragraph_lines(gold: list[bool]) -> list[int]:
    """1-based line of each paragraph in a rendered document (title on line 1, blank lines between)."""
    return [3 + 2 * i for i in range(len(gold))]


# ---------------------------------------------------------------------------------- scoring
def _drift_rule(options: dict | None = None):
    from docqa.config import Settings
    from docqa.rules.drift import OffTopicDrift

    return OffTopicDrift(options or {}, Settings())


def flagged_paragraphs(text: str, gold: list[bool], rule) -> list[bool]:
    """Which paragraphs of a rendered document a drift finding covers."""
    from docqa.engine import lint_text

    result = lint_text(text, [rule])
    lines = paragraph_lines(gold)
    ranges = [(f.line, f.end_line) for f in result.findings if f.code == rule.code]
    return [any(lo <= ln <= hi for lo, hi in ranges) for ln in lines]


def segmentation_errors(ref: list[int], hyp: list[int]) -> tuple[float, float, int]:
    """Pk and WindowDiff of a hypothesis segmentation (segment ids per unit) against the reference."""
    n = len(ref)
    seg_lengths: dict[int, int] = {}
    for s in ref:
        seg_lengths[s] = seg_lengths.get(s, 0) + 1
    k = max(1, round(n / len(seg_lengths) / 2))
    if n <= k:
        return 0.0, 0.0, k
    pk = wd = 0
    for i in range(n - k):
        pk += (ref[i] == ref[i + k]) != (hyp[i] == hyp[i + k])
        rb = sum(ref[j] != ref[j + 1] for j in range(i, i + k))
        hb = sum(hyp[j] != hyp[j + 1] for j in range(i, i + k))
        wd += rb != hb
    return pk / (n - k), wd / (n - k), k


def _segments(flags: list[bool]) -> list[int]:
    """Segment ids from per-unit flags: a new segment at every edge of a flagged run."""
    out, seg = [], 0
    for i, f in enumerate(flags):
        if i and f != flags[i - 1]:
            seg += 1
        out.append(seg)
    return out


def evaluate(cases: list[dict], hosts: dict[str, dict], rule, verbose: bool = False) -> dict:
    """Run the rule over the cases and compute the figures, per split and kind."""
    rows = []
    for case in cases:
        text, gold = render(case, hosts)
        flags = flagged_paragraphs(text, gold, rule)
        rows.append((case, gold, flags))
        if verbose and case["kind"] != "control" and not any(f and g for f, g in zip(flags, gold)):
            print(f"  miss  {case['case']} ({'same' if case['same_topic'] else 'other'} topic, donor {case['donor']})")
        if verbose and any(f and not g for f, g in zip(flags, gold)):
            bad = [i for i, (f, g) in enumerate(zip(flags, gold)) if f and not g]
            print(f"  false {case['case']}: host paragraphs {bad}")
    return rows


def figures(rows: list, kinds: tuple[str, ...] = ("control", "mid", "end")) -> dict:
    """Spliced-line recall, flagged-line precision, same-topic recall, control false alarms, Pk."""
    tp = fp = fn = st_tp = st_all = controls = alarms = docs = 0
    pk_sum = wd_sum = pk_none = pk_all = 0.0
    ks = []
    for case, gold, flags in rows:
        if case["kind"] not in kinds:
            continue
        tp += sum(f and g for f, g in zip(flags, gold))
        fp += sum(f and not g for f, g in zip(flags, gold))
        fn += sum(g and not f for f, g in zip(flags, gold))
        if case["kind"] == "control":
            controls += 1
            alarms += any(flags)
            continue
        if case["same_topic"]:
            st_tp += sum(f and g for f, g in zip(flags, gold))
            st_all += sum(gold)
        ref = _segments(gold)
        pk, wd, k = segmentation_errors(ref, _segments(flags))
        pk_sum += pk
        wd_sum += wd
        pk_none += segmentation_errors(ref, [0] * len(ref))[0]
        pk_all += segmentation_errors(ref, list(range(len(ref))))[0]
        ks.append(k)
        docs += 1
    out = {
        "spliced_lines": tp + fn, "flagged_lines": tp + fp, "true_positive_lines": tp,
        "recall": _ratio(tp, tp + fn), "precision": _ratio(tp, tp + fp),
        "same_topic_lines": st_all, "same_topic_recall": _ratio(st_tp, st_all),
        "spliced_documents": docs,
    }
    if controls:
        out.update(controls=controls, controls_flagged=alarms, false_alarm_rate=_ratio(alarms, controls))
    if docs:
        out.update(
            pk=round(pk_sum / docs, 3), windowdiff=round(wd_sum / docs, 3),
            pk_no_boundaries=round(pk_none / docs, 3), pk_all_boundaries=round(pk_all / docs, 3),
            k_mean=round(sum(ks) / len(ks), 2),
        )
    return out


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


# ---------------------------------------------------------------------------------- fitting
def fit_weights(cases: list[dict], hosts: dict[str, dict], l2: float = 1.0) -> tuple[float, ...]:
    """Fit the drift model's logistic weights on candidate spans of the given (dev) cases.

    A candidate span is a positive when it is exactly the spliced block; spans that overlap the
    block only in part are left out; every other span (including all spans of controls) is a
    negative. Newton's method with an L2 penalty on all weights but the bias.
    """
    from docqa.document import parse
    from docqa.drift.model import DriftModel, candidate_spans, feature_vector

    X: list[list[float]] = []
    y: list[int] = []
    for case in cases:
        text, gold = render(case, hosts)
        doc = parse(text)
        model = DriftModel(doc)
        lines = {ln: g for ln, g in zip(paragraph_lines(gold), gold)}
        ug = [lines.get(doc.position(u.start)[0], False) for u in model.units]
        gi = [i for i, g in enumerate(ug) if g]
        for a, b, f in candidate_spans(model):
            if gi and a == gi[0] and b == gi[-1] + 1:
                label = 1
            elif gi and a <= gi[-1] and b > gi[0]:
                continue
            else:
                label = 0
            X.append(feature_vector(f))
            y.append(label)
    return _logistic(X, y, l2)


def _logistic(X: list[list[float]], y: list[int], l2: float, iters: int = 30) -> tuple[float, ...]:
    d = len(X[0])
    w = [0.0] * d
    for _ in range(iters):
        g = [0.0] * d
        H = [[0.0] * d for _ in range(d)]
        for x, t in zip(X, y):
            z = sum(a * b for a, b in zip(w, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            r = p * (1 - p)
            for i in range(d):
                g[i] += (p - t) * x[i]
                xi = r * x[i]
                row = H[i]
                for j in range(i, d):
                    row[j] += xi * x[j]
        for i in range(d):
            if i:
                g[i] += l2 * w[i]
                H[i][i] += l2
            for j in range(i):
                H[i][j] = H[j][i]
        step = _solve(H, g)
        w = [a - b for a, b in zip(w, step)]
        if max(abs(s) for s in step) < 1e-7:
            break
    return tuple(round(v, 3) for v in w)


def _solve(A: list[list[float]], b: list[float]) -> list[float]:
    n = len(b)
    M = [row[:] + [b[i]] for i, row in enumerate(A)]
    for i in range(n):
        p = max(range(i, n), key=lambda r: abs(M[r][i]))
        M[i], M[p] = M[p], M[i]
        for r in range(n):
            if r != i and M[r][i]:
                fac = M[r][i] / M[i][i]
                for c in range(i, n + 1):
                    M[r][c] -= fac * M[i][c]
    return [M[i][n] / M[i][i] for i in range(n)]


def cross_validate(cases: list[dict], hosts: dict[str, dict], folds: int = 5) -> list:
    """Rows of a k-fold cross-validation by host (fold = index in id order mod ``folds``): the
    weights are refitted on the other folds' cases before each fold is scored. Fold 4 is the
    held-out test split. A less noisy estimate of how the method generalises than one split."""
    from docqa.drift import model

    ids = sorted(hosts)
    fold = {h: i % folds for i, h in enumerate(ids)}
    rule = _drift_rule()
    fitted = model.WEIGHTS
    rows: list = []
    try:
        for k in range(folds):
            model.WEIGHTS = fitted
            model.WEIGHTS = fit_weights([c for c in cases if fold[c["host"]] != k], hosts)
            rows += evaluate([c for c in cases if fold[c["host"]] == k], hosts, rule)
    finally:
        model.WEIGHTS = fitted
    return rows


# ---------------------------------------------------------------------------------- main
def load_cases(hosts: dict[str, dict], rebuild: bool) -> list[dict]:
    if rebuild or not CASES.exists():
        cases = build_cases(hosts)
        CASES.parent.mkdir(parents=True, exist_ok=True)
        with open(CASES, "w", encoding="utf-8") as fh:
            for c in cases:
                fh.write(json.dumps(c, sort_keys=True) + "\n")
        return cases
    with open(CASES, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


#: Unspliced texts from elsewhere, never used to fit or tune the drift model: the Wikipedia
#: excerpts of the provenance bench (batches 7 and 8, drawn by ``make_wikipedia_blind.py``). Each
#: runs from one section of an article through the next ones, so every flag on them is a false alarm.
OTHER_CONTROLS = tuple(sorted((ROOT / "bench" / "data").glob("provenance_wikipedia*.jsonl")))
#: The same for news: the 123 Wikinews articles of provenance batch 11, which are not hosts.
NEWS_CONTROLS = (ROOT / "bench" / "data" / "provenance_wikinews_b11.jsonl",)


def other_controls(rule, paths: tuple[Path, ...] = OTHER_CONTROLS) -> dict:
    """How many of the unspliced texts in ``paths`` the rule flags (each a false alarm)."""
    from docqa.engine import lint_text

    flagged, total = [], 0
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(line)
            total += 1
            found = lint_text("\n\n".join(rec["paragraphs"]) + "\n", [rule]).findings
            if any(f.code == rule.code for f in found):
                flagged.append(rec["id"])
    return {"documents": total, "flagged": len(flagged), "false_alarm_rate": _ratio(len(flagged), total),
            "flagged_ids": flagged}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--hosts", type=Path, default=DEFAULT_HOSTS, help="folder of the host JSONL files")
    ap.add_argument("--rebuild", action="store_true", help="regenerate the saved cases (fixed seed)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="all")
    ap.add_argument("--fit", action="store_true", help="fit the model's weights on the dev split and print them")
    ap.add_argument("--threshold", type=float, help="override the rule's threshold option")
    ap.add_argument("--no-write", action="store_true", help="do not write bench/results/drift.*")
    ap.add_argument("--no-cv", action="store_true", help="skip the 5-fold cross-validation (most of the run time)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list misses and false alarms")
    args = ap.parse_args(argv)

    hosts = load_hosts(args.hosts)
    cases = load_cases(hosts, args.rebuild)
    if args.fit:
        t0 = time.time()
        weights = fit_weights([c for c in cases if c["split"] == "dev"], hosts)
        print(f"WEIGHTS = {weights!r}  # fitted in {time.time() - t0:.1f}s")
        return 0
    options = {} if args.threshold is None else {"threshold": args.threshold}
    rule = _drift_rule(options)
    t0 = time.time()
    chosen = [c for c in cases if args.split == "all" or c["split"] == args.split]
    rows = evaluate(chosen, hosts, rule, args.verbose)
    elapsed = time.time() - t0
    report: dict = {"threshold": rule.opts["threshold"], "seconds": round(elapsed, 1), "splits": {}}
    for split in ("dev", "test", "all"):
        part = [r for r in rows if split == "all" or r[0]["split"] == split]
        if not part:
            continue
        report["splits"][split] = {
            "splices": figures(part),
            "long_tails": figures(part, ("tail",)),
        }
    if args.split == "all":
        report["other_controls"] = other_controls(rule)
        o = report["other_controls"]
        print(f"unspliced Wikipedia excerpts flagged: {o['flagged']}/{o['documents']} {o['flagged_ids']}")
        report["news_controls"] = other_controls(rule, NEWS_CONTROLS)
        o = report["news_controls"]
        print(f"unspliced Wikinews articles (not hosts) flagged: {o['flagged']}/{o['documents']} {o['flagged_ids']}")
    if not args.no_cv and args.split == "all" and args.threshold is None:
        cv_rows = cross_validate(cases, hosts)
        report["splits"]["5-fold CV"] = {"splices": figures(cv_rows), "long_tails": figures(cv_rows, ("tail",))}
    for split, figs in report["splits"].items():
        s, t = figs["splices"], figs["long_tails"]
        print(f"{split:4s} splices: recall {s['recall']} precision {s['precision']} same-topic recall "
              f"{s['same_topic_recall']} false alarms {s.get('controls_flagged')}/{s.get('controls')} "
              f"({s.get('false_alarm_rate')}) Pk {s.get('pk')} WD {s.get('windowdiff')} "
              f"[Pk none {s.get('pk_no_boundaries')}, all {s.get('pk_all_boundaries')}]")
        print(f"     tails:   recall {t['recall']} precision {t['precision']} same-topic recall "
              f"{t['same_topic_recall']} Pk {t.get('pk')}")
    print(f"{len(chosen)} documents in {elapsed:.1f}s")
    if not args.no_write and args.split == "all" and args.threshold is None:
        write_results(report, len(cases))
    return 0


def write_results(report: dict, n_cases: int) -> None:
    """bench/results/drift.json (all figures) and drift.md (the README fragment)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "drift.json").write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    lines = [
        "### Drift (DRF001): spliced-article benchmark",
        "",
        f"{n_cases} documents built from the 196 host articles of `../shared/eval/hosts/` with a fixed seed "
        "(`bench/data/drift_cases.jsonl`): per host with 5+ paragraphs, one copy with a block of 1-4 "
        "paragraphs from another article spliced into the middle and one with it appended at the end "
        "(half the donors share the host's topic), the untouched host as a control, and a long-drift "
        "variant whose second half is replaced by 3-8 paragraphs of another article. "
        f"The model's weights were fitted on the dev split, and its threshold ({report['threshold']}) is "
        "the lowest at which at most 2% of the dev controls are flagged; the test split (every fifth "
        "host in id order, with donors from the test split only) was held out. The last row refits the "
        "weights five times, each time on four fifths of the hosts, and scores the fifth (the test "
        "split is one of the folds): a less noisy estimate of how the method generalises.",
        "",
        "| split | spliced-line recall | flagged-line precision | same-topic recall | controls flagged | Pk (none / all) | WindowDiff | long tails: recall / precision |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for split, figs in report["splits"].items():
        s, t = figs["splices"], figs["long_tails"]
        lines.append(
            f"| {split} | {s['recall']} ({s['true_positive_lines']}/{s['spliced_lines']}) | {s['precision']} "
            f"({s['true_positive_lines']}/{s['flagged_lines']}) | {s['same_topic_recall']} | "
            f"{s['controls_flagged']}/{s['controls']} ({s['false_alarm_rate']}) | {s['pk']} "
            f"({s['pk_no_boundaries']} / {s['pk_all_boundaries']}) | {s['windowdiff']} | "
            f"{t['recall']} / {t['precision']} |"
        )
    lines += [
        "",
        "Lines are paragraph lines; Pk and WindowDiff are over paragraphs with k = half the mean "
        "reference segment length, averaged over spliced documents; \"none\" and \"all\" are the "
        "trivial baselines (no boundary, a boundary everywhere). Targets: recall >= 0.85, "
        "precision >= 0.9, same-topic recall >= 0.75, <= 3% of controls flagged.",
        "",
    ]
    o = report.get("other_controls")
    if o:
        lines += [
            f"**Texts from elsewhere, not spliced**: the {o['documents']} Wikipedia excerpts of the provenance "
            "bench (`bench/data/provenance_wikipedia*.jsonl`, each one section of a 2016 article and the ones "
            "after it), never used to fit or tune this model: "
            f"{o['flagged']}/{o['documents']} ({o['false_alarm_rate']}) flagged, every flag a false alarm "
            f"({', '.join(i.replace('wikipedia-2016-', '') for i in o['flagged_ids']) or 'none'}): a section on a "
            "sub-topic with its own words (methane on Titan in an article on alkanes) reads as drift to a "
            "bag-of-words model. Above the 3% target for controls. Batch 9's 25 excerpts were added after this "
            "figure was first measured on the other 32 (3 flagged), with no change to the model: 1 of them is flagged; "
            "then batch 10's 9: 1 of them.",
            "",
        ]
    o = report.get("news_controls")
    if o:
        lines += [
            f"**News from elsewhere, not spliced**: the {o['documents']} Wikinews articles of 2019 and 2020 that are "
            "not hosts (provenance batch 11, `bench/data/provenance_wikinews_b11.jsonl`, mostly short reports), "
            f"never used to fit or tune this model: {o['flagged']}/{o['documents']} ({o['false_alarm_rate']}) flagged, "
            "every flag a false alarm ("
            + (", ".join(i.replace("wikinews-", "") for i in o["flagged_ids"]) or "none")
            + "). Within the 3% target for controls; first measured with the model of b66593a, unchanged since.",
            "",
        ]
    lines += [
        "Reproduce: `python bench/drift.py` (about thirty seconds on one core; `--fit` prints the weights fitted on the dev split).",
        "",
    ]
    (RESULTS / "drift.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
