"""Find the contiguous spans of a document that leave its subject.

The model works on one document, offline, with no training data at run time:

1. **Units.** The document's blocks (paragraphs, list items, headings, table rows) in reading
   order, minus the title, the table of contents, code and markup, which are not evidence. A block
   ending with a colon is merged with the block it introduces ("This included:" and its list).
   The lead (everything up to the first substantial paragraph) defines the subject and is never
   flagged.
2. **Terms.** Content words weighted by how rare they are in general English
   (:mod:`docqa.drift.terms`); a capitalised word that does not open a sentence, in prose, and that
   the document never writes in lower case, is a name.
3. **Support.** For a candidate span S, every content token of S is scored by how strongly the
   *rest* of the document (plus its title) uses the same term, relative to the background:
   ``min(cap, log(1 + λ·lift))``, where ``lift`` is the term's rate in the rest over its rate in
   general English. The span's similarity is the mean over its tokens. A span that talks about the
   document's subject borrows its rare terms and scores high; a spliced paragraph shares only
   common words and scores low. The reverse support (how much of the rest the span's terms
   explain) is computed the same way. Both are compared with the document's *typical* section of
   the same length (the median over all windows), so a document whose sections are only loosely
   related (a round-up) is not judged by the standard of a tightly focused one.
4. **Evidence and decision.** A dozen interpretable features (relative similarity and reverse
   similarity, presence of the subject's key terms and of the title's terms, names the rest never
   mentions, distinctive words confined to the span, lexical cohesion across its boundaries, how
   much of it is quotation, its size) are combined by a logistic model whose weights were fitted
   once on the dev split of the splice benchmark (``python bench/drift.py --fit``).
5. **Runs.** Candidate spans start at the weakest boundaries of the document (where adjacent
   blocks share the fewest distinctive words) and extend over any number of units, so one
   drifting paragraph and a long drifted tail are both found, and the span that maximises the
   evidence is the one reported. Spans are chosen greedily by probability, without overlap. Most
   candidates are dismissed by an upper bound on their probability computed from the cheap
   features, before the rest are computed.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator, Mapping

from .. import rx
from ..document import Document, NodeKind
from . import terms as T

#: Fitted by ``python bench/drift.py --fit`` on the dev split (see bench/results/drift.md).
#: Order matches :func:`feature_vector`.
WEIGHTS: tuple[float, ...] = (
    -10.793, # bias
    -4.295,  # log relative similarity (span vs the typical section of its length)
    -2.55,   # share of the title's terms present in the span
    0.052,   # lexical cohesion across the span's boundaries (the stronger side)
    0.582,   # log number of content tokens
    -0.347,  # share of the span inside quotation marks
    -1.601,  # presence of the subject's key terms
    0.376,   # log(1 + names the rest of the document never mentions)
    -0.746,  # log(1 + names the rest of the document also mentions)
    0.816,   # log(1 + distinctive terms confined to the span)
    -0.263,  # share of the document's three main names present in the span
    -2.411,  # log relative reverse similarity (how much of the rest the span explains)
    0.521,   # the span holds none of the title's terms, subject terms or main names
)

LAMBDA = 0.1  # lift scale: a term must be ~10x over-represented before it counts fully
CAP = 5.0  # no single rare term decides a token's support
TITLE_WEIGHT = 3  # a title word counts as three mentions
DISTINCTIVE_LOGP = -4.5  # log10 background probability below which a term is distinctive
COHESION_LOGP = -3.0
LEAD_MIN_TOKENS = 12
SHRINK_TOKENS = 20  # pseudo-tokens of typical support added to every span
TYPICAL_BASE = 2  # typical sections are measured at lengths 1, 2, 4, 8, ... units
REVERSE_FLOOR = 0.02  # keeps the ratio of two tiny reverse supports from exploding
SUBJECT_CANDIDATES = 25
SUBJECT_TOP = 8
NAME_CANDIDATES = 10
DISPLAY_LEAD_UNITS = 30  # where the subject's terms are looked up for their written form
TAIL_STARTS = 3
ROUNDUP_COHESION = 0.8  # median relative section support below which a document is a round-up
SPECIFIC_TITLE = 2.0  # title specificity below which a title names no subject
ROUNDUP_THRESHOLD = 0.9
SUBJECT_REACH = 0.45  # share of units using a key term below which an untitled text has no subject  # probability a span needs in a round-up under a specific title  # suffixes tried as drifted tails, besides the weakest boundaries
YEAR_RE = rx.compile(r"(?<![\d.,])(?:1[5-9]\d\d|20\d\d)(?![\d.,]?\d)")
YEAR_LOGP = -5.0  # a year is about as telling as a moderately rare word
QUOTED_RE = rx.compile(r"[\"“][^\"“”\n]{1,3000}[\"”]")
_DIGIT_RE = rx.compile(r"\d")
_SKIP = frozenset({NodeKind.CODE_BLOCK, NodeKind.HTML, NodeKind.FRONT_MATTER, NodeKind.TOC})
_ZERO_TABLE = (0.0, 0.0)
_ROUND_OFF = 1e-9


def _snap(x: float) -> float:
    """Supports are sums of non-negative terms, but the sliding windows add and remove them, so a
    true 0 can come back as -1e-14; dividing by that made scores explode (and logs fail)."""
    return 0.0 if x < _ROUND_OFF else x


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
    verdict: str = "ok"  # "ok", or why no verdict was given ("too short")


def _unit_words(doc: Document, start: int, end: int) -> list[str]:
    """The words of a block, without those inside code, URLs or markup."""
    if doc.ignored and doc.is_ignored(start, end):
        return [m.group() for m in T.WORD_RE.finditer(doc.text, start, end)
                if not doc.is_ignored(m.start(), m.end())]
    return T.words(doc.text, start, end)


def build_units(doc: Document) -> tuple[list[Unit], Counter]:
    """The units of evidence of ``doc`` and the term counts of its title."""
    text = doc.text
    title = doc.title
    nodes = doc.nodes
    lower: set[str] = set()
    title_terms: Counter = Counter()
    if title is not None:
        title_terms = T.count_terms(_unit_words(doc, title.start, title.end))
    units: list[Unit] = []
    for node in doc.blocks:
        if node is title or node.kind in _SKIP:
            continue
        if node.parent is not None and nodes[node.parent].kind is NodeKind.TOC:
            continue
        s, e = node.start, node.end
        words = _unit_words(doc, s, e)
        terms = T.count_terms(words)
        if _DIGIT_RE.search(text, s, e):
            for year in YEAR_RE.findall(text, s, e):
                terms[year] += 1
        u = Unit(s, e, node.kind is NodeKind.HEADING, terms, set(), sum(terms.values()))
        if not u.heading:
            # Title Case headings capitalise every word: names are only taken from prose.
            u.names = T.terms_of(T.name_words(text, s, e))
            lower.update(filter(str.islower, words))
        if '"' in text[s:e] or "“" in text[s:e]:
            u.quoted = sum(len(q) for q in QUOTED_RE.findall(text, s, e)) / max(1, e - s)
        u.colon = text[s:e].rstrip().endswith(":")
        prev = units[-1] if units else None
        if prev is not None and prev.colon and not u.heading:
            # "This included:" and the list it introduces are one statement.
            prev.terms.update(u.terms)
            prev.names |= u.names
            prev.quoted = (prev.quoted * (prev.end - prev.start) + u.quoted * (e - s)) / max(1, e - prev.start)
            prev.ntok += u.ntok
            prev.end = e
            prev.colon = u.colon
            continue
        if u.ntok or not u.heading:
            units.append(u)
    # A word the document also writes in lower case is an ordinary word capitalised by position.
    lower_terms = T.terms_of(lower)
    for u in units:
        if u.names:
            u.names -= lower_terms
    return units, title_terms


def _logp(term: str) -> float:
    return YEAR_LOGP if term[0].isdigit() else T.logp(term)


class DriftModel:
    """Scores candidate spans of one document (see the module docstring)."""

    def __init__(
        self,
        doc: Document,
        *,
        max_span_share: float = 0.7,
        units: tuple[list[Unit], Counter] | None = None,
    ) -> None:
        self.doc = doc
        self.units, title_terms = units if units is not None else build_units(doc)
        self.max_span_share = max_span_share
        units = self.units
        n = len(units)
        count: Counter = Counter()
        df: Counter = Counter()
        names: set[str] = set()
        for u in units:
            count.update(u.terms)
            df.update(u.terms.keys())
            names |= u.names
        self.count, self.df, self.names = count, df, names
        self.total = max(1, sum(count.values()))
        self.logp = {t: _logp(t) for t in count}
        # Only title words the body also uses: a caption or a generic title taken as the title
        # must not define the subject on its own.
        self.title = {t: c for t, c in title_terms.items() if t in count}
        self.title_mass = sum(-self.logp[t] for t in self.title)
        # Support of one token of term t when the rest holds r mentions of it: table[t][r].
        scale = LAMBDA / self.total
        tables: dict[str, tuple[float, ...]] = {}
        for t, c in count.items():
            top = c + TITLE_WEIGHT * self.title.get(t, 0)
            if top <= 1:
                tables[t] = _ZERO_TABLE
                continue
            k = scale / 10.0 ** self.logp[t]
            tables[t] = tuple(min(CAP, math.log1p(k * r)) for r in range(top + 1))
        self.tables = tables
        # term -> (count, count + title weight, table): what _apply reads for each term, in one
        # lookup (_apply was the drift model's hottest loop: 38k calls, 0.7 s own in cProfile).
        self._per_term = {t: (c, c + TITLE_WEIGHT * self.title.get(t, 0), tables[t]) for t, c in count.items()}
        self.lead_end = n
        for i, u in enumerate(units):
            if not u.heading and u.ntok >= LEAD_MIN_TOKENS:
                self.lead_end = i + 1
                break
        idf = self.idf
        title = self.title
        self.subject_candidates = sorted(df, key=lambda t: (-(df[t] + 2 * (t in title)) * idf(t), t))[:SUBJECT_CANDIDATES]
        self.name_candidates = sorted(
            (t for t in names if df[t] >= 2 or t in title), key=lambda t: (-(df[t] + 3 * (t in title)), t)
        )[:NAME_CANDIDATES]
        # The units holding each of the few terms whose presence in a span is a feature.
        tracked = set(self.subject_candidates) | set(self.name_candidates) | set(title)
        self._holders: dict[str, list[int]] = {t: [] for t in tracked}
        for i, u in enumerate(units):
            for t in tracked.intersection(u.terms):
                self._holders[t].append(i)
        self._quoted_prefix = [0.0]
        self._substantial = [0]
        for u in units:
            self._quoted_prefix.append(self._quoted_prefix[-1] + u.quoted)
            self._substantial.append(self._substantial[-1] + (not u.heading and u.ntok >= 8))
        weights = {t: -lp + COHESION_LOGP for t, lp in self.logp.items() if -lp + COHESION_LOGP > 0}
        self._cohesion_before = [self._cohesion(i, range(max(0, i - 2), i), weights) for i in range(n)]
        self._cohesion_after = [self._cohesion(i, range(i + 1, min(n, i + 3)), weights) for i in range(n)]
        self._typical: dict[int, tuple[float, float]] = {}

    # ------------------------------------------------------------------ term statistics
    def idf(self, term: str) -> float:
        """Distinctiveness of a term beyond that of common words (0 for frequent words)."""
        return max(0.0, -self.logp[term] - 3.0)

    def _cohesion(self, i: int, others: range, weights: dict[str, float]) -> float | None:
        """Distinctiveness-weighted share of unit ``i``'s terms found in the ``others`` units."""
        if not others:
            return None
        mine = [t for t in self.units[i].terms if t in weights]
        total = sum(weights[t] for t in mine)
        if not total:
            return None
        seen: set[str] = set()
        for j in others:
            seen.update(self.units[j].terms)
        return sum(weights[t] for t in mine if t in seen) / total

    def weak_boundaries(self, k: int) -> list[int]:
        """The ``k`` units after the lead whose boundary with what precedes them is weakest."""
        before, after = self._cohesion_before, self._cohesion_after
        gaps = range(self.lead_end, len(self.units))
        return sorted(sorted(gaps, key=lambda i: (max(before[i] or 0.0, after[i - 1] or 0.0), i))[:k])

    def _apply(self, span: dict[str, int], terms: dict[str, int], sign: int) -> tuple[float, float, list[str]]:
        """Add (``sign`` 1) or remove (-1) a unit's terms to a span's counts.

        Returns the change of the span's support sum and reverse support sum, and the terms the
        span now holds every mention of.
        """
        per_term = self._per_term
        dsup = drev = 0.0
        whole: list[str] = []
        for t, c in terms.items():
            old = span.get(t, 0)
            new = old + sign * c
            span[t] = new
            tot, base, tab = per_term[t]
            if new == tot:
                whole.append(t)
            if tab is _ZERO_TABLE:
                continue
            dsup += new * tab[base - new] - old * tab[base - old]
            drev += (tot - new) * tab[new] - (tot - old) * tab[old]
        return dsup, drev, whole

    def title_specificity(self) -> float:
        """How specific the title is: its distinctive words, weighted by how often the body
        returns to them (0 for a missing, generic or caption-like title)."""
        return sum(self.idf(t) * min(1.0, self.df[t] / 3) for t in self.title)

    def subject_reach(self, k: int = 5) -> float:
        """Share of the substantial units after the lead that use one of the ``k`` key terms.

        Near 1 in a focused document; low in a collection of unrelated pieces.
        """
        top = self.subject_candidates[:k]
        units = [u for u in self.units[self.lead_end:] if u.ntok >= 8]
        if not units:
            return 1.0
        return sum(1 for u in units if any(t in u.terms for t in top)) / len(units)

    def section_cohesion(self) -> float | None:
        """Median support of the document's sections by the rest, relative to the typical
        section of their length; None when the document has fewer than three sections.

        A focused document's sections borrow each other's words (around 1); a round-up's
        sections each go their own way (well below 1).
        """
        units, count, title, tables = self.units, self.count, self.title, self.tables
        n = len(units)
        bounds = sorted({self.lead_end, n, *(i for i in range(self.lead_end, n) if units[i].heading)})
        values = []
        for a, b in zip(bounds, bounds[1:]):
            span: Counter = Counter()
            for u in units[a:b]:
                span.update(u.terms)
            k = sum(span.values())
            if k < 10:
                continue
            sup = sum(c * tables[t][count[t] + TITLE_WEIGHT * title.get(t, 0) - c] for t, c in span.items())
            typical = self.typical(b - a)[0]
            values.append(sup / k / typical if typical else 1.0)
        if len(values) < 3:
            return None
        values.sort()
        return values[len(values) // 2]

    def tail_starts(self, k: int) -> list[int]:
        """The ``k`` units where a drifted tail would most plausibly start.

        One backward sweep scores every suffix of the document (by the model's weights for its
        relative similarity and reverse similarity); a tail that leaves the subject is a suffix
        that the rest neither supports nor is supported by.
        """
        units = self.units
        n = len(units)
        span: dict[str, int] = {}
        supsum = revsum = 0.0
        ntok = 0
        limit = self.max_span_share * self.total
        scored: list[tuple[float, int]] = []
        for b in range(n - 1, self.lead_end - 1, -1):
            dsup, drev, _ = self._apply(span, units[b].terms, 1)
            supsum += dsup
            revsum += drev
            ntok += units[b].ntok
            if ntok > limit:
                break
            if not ntok or units[b].heading:
                continue
            typical, typical_rev = self.typical(n - b)
            shrunk = (supsum + SHRINK_TOKENS * typical) / (ntok + SHRINK_TOKENS)
            rel = shrunk / typical if typical else 1.0
            rev = revsum / (self.total - ntok)
            score = WEIGHTS[1] * math.log(rel + 0.02) + WEIGHTS[11] * math.log(
                (rev + REVERSE_FLOOR) / (typical_rev + REVERSE_FLOOR))
            scored.append((-score, b))
        scored.sort()
        return [b for _, b in scored[:k]]

    def typical(self, length: int) -> tuple[float, float]:
        """Support and reverse support of the typical section of ``length`` units.

        The median over all windows of that length after the lead, computed exactly for lengths
        1, 2, 4, 8, ... (each exact length costs a sweep over the document) and interpolated on a
        log scale in between.
        """
        if length <= 1:
            return self._typical_at(1)
        lo = 1
        while lo * TYPICAL_BASE <= length:
            lo *= TYPICAL_BASE
        if lo == length:
            return self._typical_at(lo)
        a, b = self._typical_at(lo), self._typical_at(lo * TYPICAL_BASE)
        w = math.log(length / lo) / math.log(TYPICAL_BASE)
        return a[0] + w * (b[0] - a[0]), a[1] + w * (b[1] - a[1])

    def _typical_at(self, length: int) -> tuple[float, float]:
        hit = self._typical.get(length)
        if hit is not None:
            return hit
        n = len(self.units)
        first = self.lead_end if n - self.lead_end >= length else max(0, n - length)
        values = self._window_supports(first, min(length, n - first))
        if values:
            fwd = sorted(v[0] for v in values)
            rev = sorted(v[1] for v in values)
            hit = (_snap(fwd[len(fwd) // 2]), _snap(rev[len(rev) // 2]))
        else:
            hit = (0.0, 0.0)
        self._typical[length] = hit
        return hit

    def _window_supports(self, first: int, length: int) -> list[tuple[float, float]]:
        """``(support, reverse support)`` of every window of ``length`` units from ``first`` on.

        A sliding update: each unit's terms enter and leave the window once.
        """
        units = self.units
        n = len(units)
        if length <= 0 or n - first < length:
            return []
        total = self.total
        span: dict[str, int] = {}
        supsum = revsum = 0.0
        ntok = 0
        out: list[tuple[float, float]] = []
        for i in range(first, n):
            dsup, drev, _ = self._apply(span, units[i].terms, 1)
            supsum += dsup
            revsum += drev
            ntok += units[i].ntok
            if i - first >= length:
                gone = units[i - length]
                dsup, drev, _ = self._apply(span, gone.terms, -1)
                supsum += dsup
                revsum += drev
                ntok -= gone.ntok
            if i - first + 1 >= length and ntok:
                out.append((supsum / ntok, revsum / (total - ntok) if total > ntok else 0.0))
        return out

    # ------------------------------------------------------------------ spans
    def spans(
        self,
        starts: Iterable[int],
        *,
        min_tokens: int = 10,
        min_confined: int = 3,
        min_logit: float | None = None,
    ) -> Iterator[tuple[int, int, dict[str, float]]]:
        """Yield ``(a, b, features)`` for candidate spans ``[a, b)`` starting at ``starts``.

        Each span is extended one unit at a time with incremental sums. Spans with fewer than
        ``min_tokens`` content tokens or ``min_confined`` distinctive terms of their own, or made
        of headings and scraps only, are skipped; with ``min_logit``, so are spans whose
        probability cannot reach it (an upper bound from the cheap features).
        """
        units = self.units
        n = len(units)
        title, logp, names = self.title, self.logp, self.names
        limit = self.max_span_share * self.total
        substantial = self._substantial
        bound_rest = _bound_of_expensive_features(len(self.names)) if min_logit is not None else 0.0
        w = WEIGHTS
        for a in starts:
            span: dict[str, int] = {}
            ntok = 0
            supsum = revsum = 0.0
            confined = new_names = 0
            for b in range(a + 1, n + 1):
                u = units[b - 1]
                dsup, drev, whole = self._apply(span, u.terms, 1)
                supsum += dsup
                revsum += drev
                for t in whole:
                    if t not in title:
                        confined += logp[t] < DISTINCTIVE_LOGP
                        new_names += t in names
                ntok += u.ntok
                if ntok > limit:
                    break
                if ntok < min_tokens or confined < min_confined or substantial[b] == substantial[a]:
                    continue
                typical, typical_rev = self.typical(b - a)
                rest = self.total - ntok
                rev = revsum / rest if rest > 0 else 0.0
                shrunk = (supsum + SHRINK_TOKENS * typical) / (ntok + SHRINK_TOKENS)
                rel = shrunk / typical if typical else 1.0
                rel_rev = (rev + REVERSE_FLOOR) / (typical_rev + REVERSE_FLOOR)
                if min_logit is not None:
                    cheap = (w[0] + w[1] * math.log(rel + 0.02) + w[4] * math.log(max(1, ntok))
                             + w[7] * math.log1p(new_names) + w[9] * math.log1p(confined)
                             + w[11] * math.log(rel_rev))
                    if cheap + bound_rest < min_logit:
                        continue
                yield a, b, self._features(a, b, span, ntok, supsum / ntok, typical, rel, rev,
                                           typical_rev, rel_rev, confined, new_names)

    def _in_span(self, term: str, a: int, b: int) -> int:
        """How many units of ``[a, b)`` hold a tracked term."""
        holders = self._holders[term]
        return bisect_left(holders, b) - bisect_left(holders, a)

    def _features(self, a: int, b: int, span: dict[str, int], ntok: int, sim: float, typical: float,
                  rel: float, rev: float, typical_rev: float, rel_rev: float, confined: int,
                  new_names: int) -> dict[str, float]:
        df, idf, title, inside = self.df, self.idf, self.title, self._in_span
        left = self._cohesion_before[a]
        right = self._cohesion_after[b - 1] if b < len(self.units) else None
        cohesion = max(left if left is not None else (right or 0.0), right if right is not None else (left or 0.0))
        scored = sorted(
            ((df[t] - inside(t, a, b) + 2 * (t in title)) * idf(t), t)
            for t in self.subject_candidates
        )[-SUBJECT_TOP:]
        mass = sum(x for x, _ in scored)
        subject = sum(x for x, t in scored if t in span) / mass if mass else 0.0
        main = []
        for t in self.name_candidates:
            rest_df = df[t] - inside(t, a, b)
            if rest_df >= 2 or t in title:
                main.append((rest_df + 3 * (t in title), t))
        main.sort(reverse=True)
        main = main[:3]
        span_names = sum(1 for t in self.names if t in span) if len(self.names) < len(span) else \
            sum(1 for t in span if t in self.names)
        title_in = sum(-self.logp[t] for t in title if t in span)
        return {
            "similarity": sim,
            "typical": typical,
            "relative_similarity": rel,
            "reverse_similarity": rev,
            "typical_reverse": typical_rev,
            "relative_reverse": rel_rev,
            "title_coverage": title_in / self.title_mass if self.title_mass else 0.0,
            "boundary_cohesion": cohesion,
            "tokens": ntok,
            "quoted": (self._quoted_prefix[b] - self._quoted_prefix[a]) / (b - a),
            "subject_coverage": subject,
            "new_names": new_names,
            "shared_names": span_names - new_names,
            "confined_terms": confined,
            "main_names": sum(1 for _, t in main if t in span) / len(main) if main else 0.5,
            "share": ntok / self.total,
        }

    # ------------------------------------------------------------------ explanation
    def key_terms(self, a: int, b: int, k: int = 6) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The subject's key terms (the rest of the document and the title) and the span's own."""
        span: Counter = Counter()
        for u in self.units[a:b]:
            span.update(u.terms)
        idf = self.idf
        rest = {t: self.count[t] - span.get(t, 0) + TITLE_WEIGHT * self.title.get(t, 0) for t in self.count}
        subject = sorted((t for t in rest if rest[t] > 0 and idf(t) > 0), key=lambda t: (-rest[t] * idf(t), t))[:k]
        own = sorted((t for t in span if rest.get(t, 0) <= 0 and idf(t) > 0), key=lambda t: (-span[t] * idf(t), t))[:k]
        shown = self._display_forms(set(subject) | set(own), a, b)
        return tuple(shown.get(t, t) for t in subject), tuple(shown.get(t, t) for t in own)

    def _display_forms(self, wanted: set[str], a: int, b: int) -> dict[str, str]:
        """The most frequent written form of each wanted term in the lead and units ``[a, b)``."""
        forms: dict[str, Counter] = {}
        text = self.doc.text
        term_of = T.term_of_word
        lead = range(0, min(a, DISPLAY_LEAD_UNITS))
        for u in [self.units[i] for i in lead] + self.units[a:b]:
            for word in T.words(text, u.start, u.end):
                term = term_of(word)
                if term in wanted:
                    forms.setdefault(term, Counter())[_strip_possessive(word)] += 1
        return {t: c.most_common(1)[0][0] for t, c in forms.items()}


def _strip_possessive(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _bound_of_expensive_features(n_names: int) -> float:
    """The most the features computed only for promising spans can add to the logit."""
    ranges = {2: (0.0, 1.0), 3: (0.0, 1.0), 5: (0.0, 1.0), 6: (0.0, 1.0),
              8: (0.0, math.log1p(n_names)), 10: (0.0, 1.0), 12: (0.0, 1.0)}
    return sum(max(WEIGHTS[i] * lo, WEIGHTS[i] * hi) for i, (lo, hi) in ranges.items())


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
        float(f["title_coverage"] == 0 and f["subject_coverage"] == 0 and f["main_names"] == 0),
    ]


def probability(f: Mapping[str, float], weights: tuple[float, ...] | None = None) -> float:
    """The model's probability that a span with features ``f`` is off-topic."""
    z = sum(w * x for w, x in zip(weights or WEIGHTS, feature_vector(f)))
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def candidate_spans(
    model: DriftModel,
    *,
    min_span_tokens: int = 10,
    min_confined_terms: int = 3,
    starts: int = 8,
    min_probability: float | None = None,
) -> Iterator[tuple[int, int, dict[str, float]]]:
    """The spans worth judging, with their features: those starting at the ``starts`` weakest
    boundaries (all units after the lead when ``starts`` is 0)."""
    if starts:
        first = sorted(set(model.weak_boundaries(starts)) | set(model.tail_starts(TAIL_STARTS)))
    else:
        first = range(model.lead_end, len(model.units))
    min_logit = None
    if min_probability is not None and 0.0 < min_probability < 1.0:
        min_logit = math.log(min_probability / (1.0 - min_probability))
    return model.spans(first, min_tokens=min_span_tokens, min_confined=min_confined_terms, min_logit=min_logit)


def analyse(
    doc: Document,
    *,
    threshold: float = 0.6,
    min_span_tokens: int = 10,
    min_confined_terms: int = 3,
    min_document_tokens: int = 60,
    min_units: int = 4,
    max_span_share: float = 0.7,
    starts: int = 8,
    max_units: int = 120,
) -> Analysis:
    """Find the off-topic spans of ``doc``.

    ``threshold`` is the probability a span needs; ``min_span_tokens`` and ``min_confined_terms``
    the content words and distinctive words of its own it needs before it is judged at all;
    documents with fewer than ``min_document_tokens`` content words or ``min_units`` blocks get no
    verdict. Candidate spans start at the ``starts`` weakest boundaries and take at most
    ``max_span_share`` of the document's content words. Documents of more than ``max_units``
    units are judged in parts of that many units.
    """
    all_units, title_terms = build_units(doc)
    analysis = Analysis(all_units)
    # A very long document is judged in consecutive parts of at most ``max_units`` units, each
    # against the title and its own lead: the work stays linear in the document's length.
    parts = [(i, all_units[i:i + max_units]) for i in range(0, max(1, len(all_units)), max_units)]
    judged = False
    for offset, units in parts:
        model = DriftModel(doc, max_span_share=max_span_share, units=(units, title_terms))
        if model.total < min_document_tokens or len(units) < min_units or len(units) - model.lead_end < 1:
            continue
        judged = True
        part_threshold = threshold
        if model.title_specificity() < SPECIFIC_TITLE and model.subject_reach() < SUBJECT_REACH:
            # No title to anchor a subject, and no subject the body keeps returning to: a
            # collection of unrelated pieces has no single subject to drift from.
            analysis.verdict = "no dominant subject"
            continue
        cohesion = model.section_cohesion()
        if cohesion is not None and cohesion < ROUNDUP_COHESION:
            # Sections that each go their own way: a round-up. Under a generic title there is no
            # subject to leave; under a specific one, only overwhelming evidence counts.
            if model.title_specificity() < SPECIFIC_TITLE:
                analysis.verdict = "multi-topic document with a generic title"
                continue
            part_threshold = max(threshold, ROUNDUP_THRESHOLD)
        chosen: list[tuple[float, int, int, dict[str, float]]] = []
        for a, b, f in candidate_spans(model, min_span_tokens=min_span_tokens,
                                       min_confined_terms=min_confined_terms, starts=starts,
                                       min_probability=part_threshold):
            p = probability(f)
            if p >= part_threshold:
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
                first=offset + a, last=offset + b - 1, start=units[a].start, end=units[b - 1].end,
                probability=p, similarity=f["similarity"], typical=f["typical"], span_terms=own,
                features=f,
            ))
    if not judged:
        analysis.verdict = "too short"
    elif analysis.verdict != "ok" and analysis.spans:
        analysis.verdict = "ok"
    analysis.spans.sort(key=lambda s: s.start)
    return analysis
