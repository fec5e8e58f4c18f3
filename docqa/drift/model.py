"""Find the contiguous spans of a document that leave its subject.

The model works on one document, offline, with no training data at run time:

1. **Units.** The document's blocks (paragraphs, list items, headings, table rows) in reading
   order, minus the title, the table of contents, code and markup, which are not evidence. A block
   ending with a colon is merged with the block it introduces ("This included:" and its list).
   The lead (everything up to the first substantial paragraph) defines the subject and is never
   flagged.
2. **Terms.** Content words weighted by how rare they are in general English
   (:mod:`docqa.drift.terms`); capitalised words that do not open a sentence count as names.
3. **Support.** For a candidate span S, every content token of S is scored by how strongly the
   *rest* of the document (plus its title) uses the same term, relative to the background:
   ``min(cap, log(1 + λ·lift))`` where ``lift`` is the term's rate in the rest over its rate in
   general English. The span's similarity is the mean over its tokens. A span that talks about
   the document's subject borrows its rare terms and scores high; a spliced paragraph shares only
   common words and scores low. The similarity is compared with the document's *typical* span of
   the same length (the median over all windows), so a document whose sections are all loosely
   related (a round-up) is not judged by the standard of a tightly focused one.
4. **Evidence and decision.** A handful of interpretable features (relative similarity, presence
   of the subject's key terms and of the title's terms, names the rest never mentions, lexical
   cohesion across the span's boundaries, how much of it is quotation, its size) are combined by
   a logistic model whose ten weights were fitted once on the dev split of the splice benchmark
   (``python bench/drift.py --fit``) and are fixed here.
5. **Runs.** Every contiguous span of units is a candidate (so one drifting paragraph and a long
   drifted tail are both found, and the span that maximises the evidence is the one reported);
   on long documents, spans are limited to those starting or ending at weak boundaries. Spans are
   chosen greedily by probability, without overlap.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

from ..document import Document, NodeKind
from .terms import LOWER, NAME, iter_terms

#: Fitted by ``python bench/drift.py --fit`` on the dev split (see bench/results/drift.md).
#: Order matches :func:`feature_vector`.
WEIGHTS: tuple[float, ...] = (
    -9.339,  # bias
    -4.641,  # log relative similarity (span vs the typical span of its length)
    -2.907,  # share of the title's supported terms present in the span
    -0.238,  # lexical cohesion across the span's boundaries (the stronger side)
    0.211,   # log number of content tokens
    -0.507,  # share of the span inside quotation marks
    -1.735,  # presence of the subject's key terms
    0.54,    # log(1 + names the rest of the document never mentions)
    -0.734,  # log(1 + names the rest of the document also mentions)
    0.786,   # log(1 + distinctive terms confined to the span)
    -0.471,  # share of the document's three main names present in the span
    -2.371,  # log relative reverse similarity (how much of the rest the span explains)
)
FEATURES = (
    "log_relative_similarity", "title_coverage", "boundary_cohesion", "log_tokens", "quoted",
    "subject_coverage", "new_names", "shared_names", "confined_terms", "main_names",
)

LAMBDA = 0.1  # lift scale: a term must be ~10x over-represented before it counts fully
CAP = 5.0  # no single rare term decides a token's support
TITLE_WEIGHT = 3.0  # a title word counts as three mentions
DISTINCTIVE_LOGP = -4.5  # log10 background probability below which a term is distinctive
COHESION_LOGP = -3.0
LEAD_MIN_TOKENS = 12
SHRINK_TOKENS = 20  # pseudo-tokens of typical support added to every span
# The typical section is an upper quantile of all windows: a drifted half must not define it.
TYPICAL_QUANTILE = 0.5
REVERSE_FLOOR = 0.02  # keeps the ratio of two tiny reverse supports from exploding
SUBJECT_CANDIDATES = 25
SUBJECT_TOP = 8
YEAR_RE = re.compile(r"(?<![\d.,])(?:1[5-9]\d\d|20\d\d)(?![\d.,]?\d)")
YEAR_LOGP = -5.0  # a year is about as telling as a moderately rare word
_QUOTES = frozenset('"“”')
_SKIP = frozenset({NodeKind.CODE_BLOCK, NodeKind.HTML, NodeKind.FRONT_MATTER, NodeKind.TOC})


@dataclass
class Unit:
    """A block of the document as evidence: its terms and where it is."""

    start: int
    end: int
    heading: bool
    terms: dict[str, int] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)
    ntok: int = 0
    quoted: float = 0.0  # share of characters inside quotation marks
    colon: bool = False


@dataclass(frozen=True)
class DriftSpan:
    """One off-topic span: units ``first`` .. ``last`` (inclusive) and the evidence."""

    first: int
    last: int
    start: int
    end: int
    probability: float
    similarity: float
    typical: float
    span_terms: tuple[str, ...]
    features: Mapping[str, float]


@dataclass
class Analysis:
    """What the drift model concluded about one document."""

    units: list[Unit]
    subject_terms: tuple[str, ...] = ()
    spans: list[DriftSpan] = field(default_factory=list)
    verdict: str = "ok"  # "ok", or why no verdict was given ("too short", ...)


def _quoted_share(text: str, start: int, end: int) -> float:
    inside = False
    n = 0
    for ch in text[start:end]:
        if ch in _QUOTES:
            inside = not inside
        elif inside:
            n += 1
    return n / max(1, end - start)


def build_units(doc: Document) -> tuple[list[Unit], dict[str, int], dict[str, float], dict[str, str]]:
    """Units of evidence, the title's term counts, each term's log10 probability and a display form."""
    text = doc.text
    title = doc.title
    nodes = doc.nodes
    logp: dict[str, float] = {}
    surface: dict[str, str] = {}
    has_ignored = bool(doc.ignored)

    lower: set[str] = set()

    def scan(unit_terms: dict[str, int], names: set[str] | None, start: int, end: int) -> int:
        n = 0
        skip = has_ignored and doc.is_ignored(start, end)
        for term, lp, case, s, e in iter_terms(text, start, end):
            if skip and doc.is_ignored(s, e):
                continue
            unit_terms[term] = unit_terms.get(term, 0) + 1
            if term not in logp:
                logp[term] = lp
                surface[term] = _display(text[s:e])
            if case == NAME and names is not None:
                names.add(term)
            elif case == LOWER:
                lower.add(term)
            n += 1
        if "1" in text[start:end] or "2" in text[start:end]:
            for m in YEAR_RE.finditer(text, start, end):
                if skip and doc.is_ignored(m.start(), m.end()):
                    continue
                term = m.group()
                unit_terms[term] = unit_terms.get(term, 0) + 1
                logp[term] = YEAR_LOGP
                surface[term] = term
                n += 1
        return n

    title_terms: dict[str, int] = {}
    if title is not None:
        scan(title_terms, None, title.start, title.end)
    units: list[Unit] = []
    for node in doc.blocks:
        if node is title or node.kind in _SKIP:
            continue
        if node.parent is not None and nodes[node.parent].kind is NodeKind.TOC:
            continue
        u = Unit(node.start, node.end, node.kind is NodeKind.HEADING)
        # Title Case headings capitalise every word: no evidence of names there.
        u.ntok = scan(u.terms, None if u.heading else u.names, node.start, node.end)
        u.quoted = _quoted_share(text, node.start, node.end)
        u.colon = text[node.start:node.end].rstrip().endswith(":")
        prev = units[-1] if units else None
        if prev is not None and prev.colon and not u.heading:
            # "This included:" and the list it introduces are one statement.
            for t, c in u.terms.items():
                prev.terms[t] = prev.terms.get(t, 0) + c
            prev.names |= u.names
            span = (prev.end - prev.start) + (u.end - u.start)
            prev.quoted = (prev.quoted * (prev.end - prev.start) + u.quoted * (u.end - u.start)) / max(1, span)
            prev.ntok += u.ntok
            prev.end = u.end
            prev.colon = u.colon
            continue
        if u.ntok or not u.heading:
            units.append(u)
    # A word the document also writes in lower case is an ordinary word capitalised by position.
    for u in units:
        u.names -= lower
    return units, title_terms, logp, surface


def _display(word: str) -> str:
    """A term's display form: the word as written, without a possessive ending."""
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


class DriftModel:
    """Scores candidate spans of one document (see the module docstring)."""

    def __init__(self, doc: Document, *, max_span_share: float = 0.7) -> None:
        self.doc = doc
        self.units, title_terms, self.logp, self.surface = build_units(doc)
        self.max_span_share = max_span_share
        count: dict[str, int] = {}
        df: dict[str, int] = {}
        names: set[str] = set()
        for u in self.units:
            for t, c in u.terms.items():
                count[t] = count.get(t, 0) + c
                df[t] = df.get(t, 0) + 1
            names |= u.names
        self.count, self.df, self.names = count, df, names
        self.total = max(1, sum(count.values()))
        # Only title words the body also uses: a caption or a generic title taken as the title
        # must not define the subject on its own.
        self.title = {t: c for t, c in title_terms.items() if t in count}
        self.title_mass = sum(-self.logp[t] for t in self.title)
        self.lead_end = len(self.units)
        for i, u in enumerate(self.units):
            if not u.heading and u.ntok >= LEAD_MIN_TOKENS:
                self.lead_end = i + 1
                break
        idf = self.idf
        ranked = sorted(df, key=lambda t: -(df[t] + 2 * (t in self.title)) * idf(t))
        self.subject_candidates = ranked[:SUBJECT_CANDIDATES]
        self.name_candidates = sorted(
            (t for t in names if df[t] >= 2 or t in self.title), key=lambda t: -(df[t] + 3 * (t in self.title))
        )[:10]
        n = len(self.units)
        self._cohesion_before = [self._cohesion(i, range(max(0, i - 2), i)) for i in range(n)]
        self._cohesion_after = [self._cohesion(i, range(i + 1, min(n, i + 3))) for i in range(n)]
        self._quoted_prefix = [0.0]
        for u in self.units:
            self._quoted_prefix.append(self._quoted_prefix[-1] + u.quoted)
        self._typical: dict[int, float] = {}

    # ------------------------------------------------------------------ term statistics
    def idf(self, term: str) -> float:
        """Distinctiveness of a term beyond that of common words (0 for frequent words)."""
        return max(0.0, -self.logp[term] - 3.0)

    def _token_support(self, term: str, rest: float) -> float:
        if rest <= 0:
            return 0.0
        lift = (rest / self.total) / (10.0 ** self.logp[term])
        return min(CAP, math.log1p(LAMBDA * lift))

    def _cohesion(self, i: int, others: Iterable[int]) -> float | None:
        """Distinctiveness-weighted share of unit ``i``'s terms found in the ``others`` units."""
        others = [self.units[j].terms for j in others]
        if not others:
            return None
        total = covered = 0.0
        for t in self.units[i].terms:
            w = -self.logp[t] + COHESION_LOGP
            if w <= 0:
                continue
            total += w
            if any(t in o for o in others):
                covered += w
        return covered / total if total else None

    def support(self, a: int, b: int) -> float:
        """Mean support of the tokens of units ``a``..``b-1`` by the rest of the document."""
        span: dict[str, int] = {}
        for u in self.units[a:b]:
            for t, c in u.terms.items():
                span[t] = span.get(t, 0) + c
        k = sum(span.values())
        if not k:
            return 0.0
        s = 0.0
        for t, c in span.items():
            s += c * self._token_support(t, self.count[t] - c + TITLE_WEIGHT * self.title.get(t, 0))
        return s / k

    def typical(self, length: int) -> tuple[float, float]:
        """Median support and reverse support of all windows of ``length`` units after the lead.

        This is the document's typical section of that length, the yardstick for a span.
        """
        # Lengths are bucketed geometrically so that long documents need few window sweeps.
        bucket = _bucket(length)
        hit = self._typical.get(bucket)
        if hit is not None:
            return hit
        n = len(self.units)
        values = _window_supports(self, self.lead_end, n, bucket)
        if not values:
            values = _window_supports(self, 0, n, min(bucket, n))
        if values:
            fwd = sorted(v[0] for v in values)
            rev = sorted(v[1] for v in values)
            hit = (fwd[len(fwd) // 2], rev[len(rev) // 2])
        else:
            hit = (0.0, 0.0)
        self._typical[bucket] = hit
        return hit

    # ------------------------------------------------------------------ spans
    def spans(self, max_units: int | None = None, starts: Iterable[int] | None = None) -> Iterable[tuple[int, int, dict[str, float]]]:
        """Yield ``(a, b, features)`` for the candidate spans ``[a, b)``, extended incrementally."""
        units = self.units
        n = len(units)
        count, title, logp, names = self.count, self.title, self.logp, self.names
        limit = self.max_span_share * self.total
        ts = self._token_support
        for a in (range(self.lead_end, n) if starts is None else starts):
            span: dict[str, int] = {}
            dfs: dict[str, int] = {}
            ntok = 0
            supsum = revsum = 0.0
            confined = 0
            new_names = 0
            span_names: set[str] = set()
            title_in = 0.0
            stop = n if max_units is None else min(n, a + max_units)
            for b in range(a + 1, stop + 1):
                u = units[b - 1]
                for t, c in u.terms.items():
                    old = span.get(t, 0)
                    new = old + c
                    span[t] = new
                    dfs[t] = dfs.get(t, 0) + 1
                    tw = TITLE_WEIGHT * title.get(t, 0)
                    total_t = count[t]
                    supsum += new * ts(t, total_t - new + tw)
                    revsum += (total_t - new) * ts(t, new)
                    if old:
                        supsum -= old * ts(t, total_t - old + tw)
                        revsum -= (total_t - old) * ts(t, old)
                    elif t in title:
                        title_in += -logp[t]
                    if new == count[t] and t not in title:
                        if logp[t] < DISTINCTIVE_LOGP:
                            confined += 1
                        if t in names:
                            new_names += 1
                    if t in names:
                        span_names.add(t)
                ntok += u.ntok
                if ntok > limit:
                    break
                yield a, b, self._features(a, b, span, dfs, ntok, supsum, revsum, confined,
                                           new_names, span_names, title_in)

    def _features(self, a, b, span, dfs, ntok, supsum, revsum, confined, new_names, span_names,
                  title_in) -> dict[str, float]:
        df, idf = self.df, self.idf
        sim = supsum / ntok if ntok else 0.0
        rest = self.total - ntok
        rev = revsum / rest if rest > 0 else 0.0
        typical, typical_rev = self.typical(b - a)
        # A short span scores zero by chance more easily than a long one: shrink towards typical.
        shrunk = (supsum + SHRINK_TOKENS * typical) / (ntok + SHRINK_TOKENS)
        left = self._cohesion_before[a]
        right = self._cohesion_after[b - 1] if b < len(self.units) else None
        if left is None:
            left = right
        if right is None:
            right = left
        cohesion = max(left or 0.0, right or 0.0)
        scored = sorted(
            ((df[t] - dfs.get(t, 0) + 2 * (t in self.title)) * idf(t), t) for t in self.subject_candidates
        )[-SUBJECT_TOP:]
        mass = sum(x for x, _ in scored)
        subject = sum(x for x, t in scored if t in span) / mass if mass else 0.0
        main = sorted(
            ((df[t] - dfs.get(t, 0) + 3 * (t in self.title), t) for t in self.name_candidates
             if df[t] - dfs.get(t, 0) >= 2 or t in self.title),
            reverse=True,
        )[:3]
        main_names = sum(1 for _, t in main if t in span) / len(main) if main else 0.5
        return {
            "similarity": sim,
            "typical": typical,
            "relative_similarity": shrunk / typical if typical else 1.0,
            "reverse_similarity": rev,
            "typical_reverse": typical_rev,
            "relative_reverse": (rev + REVERSE_FLOOR) / (typical_rev + REVERSE_FLOOR),
            "title_coverage": title_in / self.title_mass if self.title_mass else 0.0,
            "boundary_cohesion": cohesion,
            "tokens": ntok,
            "quoted": (self._quoted_prefix[b] - self._quoted_prefix[a]) / (b - a),
            "subject_coverage": subject,
            "new_names": new_names,
            "shared_names": len(span_names) - new_names,
            "confined_terms": confined,
            "main_names": main_names,
            "share": ntok / self.total,
        }

    # ------------------------------------------------------------------ explanation
    def key_terms(self, a: int, b: int, k: int = 6) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The subject's key terms (from the rest of the document and the title) and the span's own."""
        span: dict[str, int] = {}
        for u in self.units[a:b]:
            for t, c in u.terms.items():
                span[t] = span.get(t, 0) + c
        idf = self.idf
        rest = {t: self.count[t] - span.get(t, 0) + TITLE_WEIGHT * self.title.get(t, 0) for t in self.count}
        subject = sorted((t for t in rest if rest[t] > 0), key=lambda t: (-rest[t] * idf(t), t))[:k]
        own = sorted(
            (t for t in span if rest.get(t, 0) <= 0 and idf(t) > 0),
            key=lambda t: (-span[t] * idf(t), t),
        )[:k]
        return tuple(self.surface[t] for t in subject), tuple(self.surface[t] for t in own)


def _bucket(length: int) -> int:
    """Window lengths used for the typical section: exact up to 4, then about 1.5x apart."""
    if length <= 4:
        return length
    return int(round(1.5 ** round(math.log(length, 1.5))))


def _window_supports(model: DriftModel, first: int, n: int, length: int) -> list[tuple[float, float]]:
    """``(support, reverse support)`` of every window ``[a, a+length)`` in ``[first, n)``.

    Computed by a sliding update: each unit's terms enter and leave the window once.
    """
    if n - first < length or length <= 0:
        return []
    units, count, title = model.units, model.count, model.title
    ts = model._token_support
    total = model.total
    span: dict[str, int] = {}
    supsum = revsum = 0.0
    ntok = 0
    out: list[tuple[float, float]] = []

    def change(t: str, delta: int) -> tuple[float, float]:
        old = span.get(t, 0)
        new = old + delta
        tw = TITLE_WEIGHT * title.get(t, 0)
        c = count[t]
        ds = dr = 0.0
        if old:
            ds -= old * ts(t, c - old + tw)
            dr -= (c - old) * ts(t, old)
        if new:
            ds += new * ts(t, c - new + tw)
            dr += (c - new) * ts(t, new)
            span[t] = new
        else:
            del span[t]
        return ds, dr

    for i in range(first, n):
        for t, c in units[i].terms.items():
            ds, dr = change(t, c)
            supsum += ds
            revsum += dr
        ntok += units[i].ntok
        if i - first + 1 > length:
            gone = units[i - length]
            for t, c in gone.terms.items():
                ds, dr = change(t, -c)
                supsum += ds
                revsum += dr
            ntok -= gone.ntok
        if i - first + 1 >= length and ntok:
            out.append((supsum / ntok, revsum / (total - ntok) if total > ntok else 0.0))
    return out


def feature_vector(f: Mapping[str, float]) -> list[float]:
    """The model's inputs for a span's features, in the order of :data:`WEIGHTS`."""
    return [
        1.0,
        math.log(f["relative_similarity"] + 0.02),
        f["title_coverage"],
        f["boundary_cohesion"],
        math.log(max(1.0, f["tokens"])),
        f["quoted"],
        f["subject_coverage"],
        math.log1p(f["new_names"]),
        math.log1p(f["shared_names"]),
        math.log1p(f["confined_terms"]),
        f["main_names"],
        math.log(f["relative_reverse"]),
    ]


def probability(f: Mapping[str, float], weights: tuple[float, ...] = WEIGHTS) -> float:
    """The model's probability that a span with features ``f`` is off-topic."""
    z = sum(w * x for w, x in zip(weights, feature_vector(f)))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def analyse(
    doc: Document,
    *,
    threshold: float = 0.7,
    min_span_tokens: int = 10,
    min_confined_terms: int = 3,
    min_document_tokens: int = 60,
    min_units: int = 4,
    max_span_share: float = 0.7,
    exhaustive_units: int = 80,
    short_span_units: int = 6,
    long_span_starts: int = 16,
) -> Analysis:
    """Find the off-topic spans of ``doc``.

    ``threshold`` is the probability a span needs; ``min_span_tokens`` and ``min_confined_terms``
    the content words and distinctive words of its own it needs before it can be judged at all;
    documents with fewer than ``min_document_tokens`` content words or ``min_units`` blocks get
    no verdict. Up to ``exhaustive_units`` units every contiguous span is a candidate; beyond,
    spans of up to ``short_span_units`` units everywhere plus spans of any length that start at
    one of the ``long_span_starts`` weakest boundaries, which keeps the work linear in length.
    """
    model = DriftModel(doc, max_span_share=max_span_share)
    units = model.units
    analysis = Analysis(units)
    if model.total < min_document_tokens or len(units) < min_units or len(units) - model.lead_end < 1:
        analysis.verdict = "too short"
        return analysis
    spans = candidate_spans(
        model, min_span_tokens=min_span_tokens, min_confined_terms=min_confined_terms,
        exhaustive_units=exhaustive_units, short_span_units=short_span_units,
        long_span_starts=long_span_starts,
    )
    chosen: list[tuple[float, int, int, dict[str, float]]] = []
    for a, b, f in spans:
        p = probability(f)
        if p >= threshold:
            chosen.append((p, a, b, f))
    chosen.sort(key=lambda x: (-x[0], x[1], x[2]))
    taken: list[tuple[int, int]] = []
    for p, a, b, f in chosen:
        if any(a < tb and ta < b for ta, tb in taken):
            continue
        taken.append((a, b))
        subject, own = model.key_terms(a, b)
        if not analysis.subject_terms:
            analysis.subject_terms = subject
        analysis.spans.append(DriftSpan(
            first=a, last=b - 1, start=units[a].start, end=units[b - 1].end, probability=p,
            similarity=f["similarity"], typical=f["typical"], span_terms=own, features=f,
        ))
    analysis.spans.sort(key=lambda s: s.start)
    if not analysis.subject_terms:
        analysis.subject_terms = model.key_terms(0, 0)[0]
    return analysis


def candidate_spans(
    model: DriftModel,
    *,
    min_span_tokens: int = 10,
    min_confined_terms: int = 3,
    exhaustive_units: int = 80,
    short_span_units: int = 6,
    long_span_starts: int = 16,
) -> Iterator[tuple[int, int, dict[str, float]]]:
    """The spans ``[a, b)`` worth judging, with their features (see :func:`analyse`)."""
    units = model.units
    n = len(units)
    substantial = [0]
    for u in units:
        substantial.append(substantial[-1] + (1 if not u.heading and u.ntok >= 8 else 0))

    def all_spans() -> Iterator[tuple[int, int, dict[str, float]]]:
        if n <= exhaustive_units:
            yield from model.spans()
            return
        yield from model.spans(max_units=short_span_units)
        weakest = sorted(
            range(model.lead_end, n),
            key=lambda i: max(model._cohesion_before[i] or 0.0, model._cohesion_after[i - 1] or 0.0),
        )[:long_span_starts]
        for a, b, f in model.spans(starts=sorted(weakest)):
            if b - a > short_span_units:
                yield a, b, f

    for a, b, f in all_spans():
        if f["tokens"] < min_span_tokens or f["confined_terms"] < min_confined_terms:
            continue
        if substantial[b] == substantial[a]:
            continue  # headings and scraps only: nothing to judge
        yield a, b, f
