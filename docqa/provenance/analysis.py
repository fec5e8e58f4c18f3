"""Provenance of every statistic in a document, computed once and shared by the provenance rules.

A sentence that states a claim (see :mod:`.claims`) is

* ``sourced`` when it carries named attribution (a speaker in a later clause of its own, after
  every figure, does not count), a link, a citation, a reference marker, a source tag naming a
  document or date; when it sits inside a quote attributed to someone (also across paragraphs, or
  by the sentence right after the quote closes), or in a paragraph introduced by a sentence that
  names its source and ends in a colon; when it continues the report of the sentence before, if
  that one names where its data comes from or names a speaker (then only "They ...", "Also ...",
  or a definite description of something it named), also across a paragraph break that opens with
  "Specifically", "Of those"...; when its paragraph has a link, opens with a study's findings, or
  is followed by a "Source: ..." line; or when it describes the method or the arms of a study the
  document names;
* ``vague`` when its only attribution is vague or anonymous ("according to reports", "sources
  said"), or it continues such a sentence;
* ``unverifiable`` when its only source is a bare tag such as "(Source: SomeCompany)";
* ``unsourced`` otherwise.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .. import rx
from ..document import Document, Node, NodeKind
from .attribution import CITATION_RE, WEAK_VERBS, Attribution, Evidence, analyse_sentence, tag_is_specific
from .claims import Claim, find_claims

CACHE_KEY = "provenance"
#: The reason of a sentence with no figure that names a speaker (a possible report for the next one).
SPEAKER = "names a speaker"

_REFERENCE_HEADING_RE = rx.compile(
    r"^\W*(?:references?|sources?|notes|footnotes|endnotes|bibliography|works[ \u00a0]cited|citations|"
    r"literature(?:[ \u00a0]cited)?|further[ \u00a0]reading)\W*$",
    re.IGNORECASE,
)
_DEFINITION_RE = rx.compile(
    r"^[ \t]*(?:[-*+][ \t]+)?(?:\[\^?(?P<a>[\w-]+)\]:?|\^(?P<b>[\w-]+)[:.]?|(?P<c>\d{1,3})[.)]|(?P<d>[¹²³⁴⁵⁶⁷⁸⁹⁰]+))[ \t]+\S",
    re.MULTILINE,
)
_FOOTNOTE_DEF_RE = rx.compile(r"^[ \t]*\[\^(?P<a>[\w-]+)\]:", re.MULTILINE)
_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
_SOURCE_LINE_RE = rx.compile(r"^[ \u00a0]*(?:sources?|data|figures)[ \u00a0]*:", re.IGNORECASE)
_CONTINUATION_RE = rx.compile(
    r"^(?:that|this|these|those|it|the[ \u00a0](?:figure|number|total|rate|increase|decrease|rise|drop|"
    r"fall|toll|tally|count|estimate)s?|he|she|they|of[ \u00a0]those|of[ \u00a0]these|among[ \u00a0]them|"
    r"in[ \u00a0]addition|also|plus|meanwhile|moreover|furthermore|however|but|and|for[ \u00a0]example|for[ \u00a0]instance|"
    r"in[ \u00a0]particular|specifically|including|(?:out[ \u00a0])?(?:of[ \u00a0])?(?:these|those|them))\b",
    re.IGNORECASE,
)

_SPEAKER_CONTINUATION_RE = rx.compile(
    r"^(?:he|she|they|we|also|in[ \u00a0]addition|additionally|and|specifically|in[ \u00a0]particular|"
    r"of[ \u00a0](?:those|these|them)|among[ \u00a0](?:them|those|these))\b",
    re.IGNORECASE,
)

_ELABORATION_RE = rx.compile(
    r"[\"“‘'( ]*(?:specifically|in[ \u00a0]particular|more[ \u00a0]specifically|of[ \u00a0](?:those|these|them)|"
    r"among[ \u00a0](?:them|those|these))\b",
    re.IGNORECASE,
)
_DEFINITE_SUBJECT_RE = rx.compile(r"^[Tt]he[ \u00a0]((?:[a-z][\w-]*[ \u00a0]){0,2}[a-z][\w-]*)[ \u00a0](?:is|was|are|were|lies|sits|has|had)\b")


@dataclass
class ClaimSentence:
    """A sentence with at least one claim and the verdict on its source."""

    start: int
    end: int
    block: int  # index of the paragraph or list item in ``Document.nodes``
    claims: list[Claim]
    status: str  # sourced | vague | unverifiable | unsourced
    reason: str  # how the verdict was reached, for messages and JSON evidence
    vague: Evidence | None = None  # the vague or anonymous phrase it rests on
    weak: Evidence | None = None  # a bare source tag it rests on
    source: Evidence | None = None  # the named evidence that sources it


@dataclass
class Analysis:
    """Everything the provenance rules report on, for one document."""

    sentences: list[ClaimSentence] = field(default_factory=list)
    anonymous: list[Evidence] = field(default_factory=list)
    weak_tags: list[Evidence] = field(default_factory=list)  # bare tags not already in a vague finding

    def counts(self) -> dict[str, int]:
        """Per-file counts: statistic sentences, and how many are sourced, vague or unsourced.

        A sentence whose only source is a bare tag ("(Source: SomeCompany)") counts as vague.
        """
        c = {"claims": len(self.sentences), "sourced": 0, "vague": 0, "unsourced": 0}
        for s in self.sentences:
            c["vague" if s.status == "unverifiable" else s.status] += 1
        return c


def analyse(doc: Document) -> Analysis:
    """The provenance analysis of ``doc``, computed once and kept in ``doc.cache``."""
    cached = doc.cache.get(CACHE_KEY)
    if cached is None:
        cached = _analyse(doc)
        doc.cache[CACHE_KEY] = cached
    return cached


def _prose_blocks(doc: Document) -> list[Node]:
    out = []
    for n in doc.paragraphs:
        parent = doc.parent_of(n)
        if parent is not None and parent.kind is NodeKind.TOC:
            continue  # table-of-contents entries are headings, not prose
        out.append(n)
    return out


def _analyse(doc: Document) -> Analysis:
    text = doc.text
    result = Analysis()
    definitions = _reference_labels(doc)
    links = [(n.start, n.end) for n in doc.nodes if n.kind in (NodeKind.URL, NodeKind.LINK)]
    link_starts = sorted(s for s, _ in links)  # a binary search per paragraph, not a scan of every link
    sentences_of: dict[int, list[Node]] = {}
    for s in doc.sentences:
        if s.parent is not None:
            sentences_of.setdefault(s.parent, []).append(s)
    blocks = _prose_blocks(doc)
    study_named = bool(_STUDY_NAMED_RE.search(text))
    self_report = bool(_SELF_REPORT_RE.search(_QUOTE_RE.sub(" ", text))) and _cites_literature(text)
    guide = _addresses_reader(doc)
    reported_weak: set[int] = set()
    all_weak: list[Evidence] = []
    prev_block_quote_attributed = False
    block_pos = {n.index: i for i, n in enumerate(doc.blocks)}
    for n in doc.blocks:
        # "Source: X" on a line of its own may be parsed as a heading; its tag still counts.
        if n.kind is NodeKind.HEADING and _SOURCE_LINE_RE.match(doc.slice(n)):
            all_weak.extend(analyse_sentence(text, n.start, n.end).weak_tags)
    per_block = []
    introducer: Evidence | None = None  # named evidence of a sentence ending in a colon
    for block in blocks:
        sents = sentences_of.get(block.index, [])
        attrs = [analyse_sentence(text, s.start, s.end) for s in sents]
        for a in attrs:
            result.anonymous.extend(a.anonymous)
            all_weak.extend(a.weak_tags)
        quotes = _attributed_quotes(text, block, sents, attrs, prev_block_quote_attributed)
        # A paragraph that opens a quote right after a quoted speaker keeps that speaker.
        prev_block_quote_attributed = bool(quotes)
        if introducer is not None:
            # 'The dispatcher's words were reported by CNN as such:' then the words themselves.
            quotes = quotes + [(block.start, block.end, introducer)]
        introducer = (attrs[-1].named[0] if sents and attrs[-1].named
                      and text[sents[-1].start:sents[-1].end].rstrip().endswith(":") else None)
        per_block.append((block, sents, attrs, quotes))
    # A quote left open at the end of a paragraph belongs to whoever the next paragraph, which
    # continues it, names: '"We lost 40%.' / '"And 2,000 jobs," she said.'
    for i in range(len(per_block) - 2, -1, -1):
        block, sents, attrs, quotes = per_block[i]
        nxt_block, _, _, nxt_quotes = per_block[i + 1]
        open_spans = [q for q in _quote_spans(text, block.start, block.end, False) if q[1] == block.end]
        if (open_spans and not any(q[0] == open_spans[-1][0] for q in quotes) and nxt_quotes
                and text[nxt_block.start:nxt_block.start + 1] in "\"“"):
            who = nxt_quotes[0][2]
            per_block[i] = (block, sents, attrs, quotes + [(open_spans[-1][0], open_spans[-1][1], who)])
    previous: ClaimSentence | None = None
    for block, sents, attrs, quotes in per_block:
        block_has_link = bisect_left(link_starts, block.end) > bisect_left(link_starts, block.start)
        next_tag = _following_source_line(doc, block, block_pos)
        if not (sents and _ELABORATION_RE.match(text, sents[0].start, sents[0].end)):
            # A new paragraph starts a new report, unless it opens by spelling out the last one
            # ("Specifically, both parents faced twelve counts ...").
            previous = None
        # A paragraph that opens with a study's findings ("X et al found ...") reports that study.
        lead = next((ev for ev in (attrs[0].named if attrs else []) if _is_research_lead(ev)), None)
        if lead is None and study_named and sents and _STUDY_ANAPHORA_RE.search(text, sents[0].start, sents[0].end):
            lead = Evidence(sents[0].start, sents[0].end, "named", "the study the document names")
        for sent, attr in zip(sents, attrs):
            claims = find_claims(text, sent.start, sent.end, doc.is_ignored)
            if guide and claims:
                claims = [c for c in claims if not _is_price(text, sent, c)]
            if not claims:
                # A sentence that names where data comes from ("Scientists from X estimate the
                # population by ...") sources the figures of the sentence after it.
                data_source = next((ev for ev in attr.named if _is_data_source(ev)), None)
                previous = (ClaimSentence(sent.start, sent.end, block.index, [], "sourced", "data source",
                                          source=data_source) if data_source else None)
                if previous is None and attr.named:
                    # "Sheriff Lee said they arrested one person. They arrested three ...": the next
                    # sentence may go on with the same report.
                    previous = ClaimSentence(sent.start, sent.end, block.index, [], "sourced", SPEAKER,
                                             source=attr.named[0])
                continue
            verdict = _verdict(text, sent, attr, claims, links, definitions, quotes, previous,
                               block_has_link, next_tag, study_named, self_report)
            if verdict[0] == "unsourced" and lead is not None and sent is not sents[0]:
                verdict = ("sourced", f"the paragraph reports the findings of {lead.text!r}", None, None, lead)
            cs = ClaimSentence(sent.start, sent.end, block.index, claims, *verdict)
            if cs.weak is not None and cs.status == "vague":
                reported_weak.add(cs.weak.start)
            result.sentences.append(cs)
            previous = cs
    result.weak_tags = [w for w in all_weak if w.start not in reported_weak]
    return result


def _verdict(text, sent, attr: Attribution, claims, links, definitions, quotes, previous,
             block_has_link, next_tag, study_named=False, self_report=False):
    """(status, reason, vague, weak, source) for one claim sentence."""
    weak = attr.weak_tags[0] if attr.weak_tags else None
    link = next(((s, e) for s, e in links if sent.start <= s < sent.end), None)
    if link:
        return "sourced", "a link in the sentence", None, None, Evidence(link[0], link[1], "link", text[link[0]:link[1]])
    for m in attr.markers:
        label = _marker_label(m.text)
        resolved = label in definitions
        return ("sourced", "a reference marker that resolves to the reference list" if resolved
                else "a reference marker (no matching reference list entry found)", None, None, m)
    # "cutting it by, reportedly, a factor of two": a hedge on the figure itself outweighs a source
    # elsewhere in the sentence.
    hedge = next((v for v in attr.vague if v.text.lower() in _HEDGE_ADVERBS
                  and any(0 <= c.start - v.end <= 3 for c in claims)), None)
    if hedge is not None:
        return "vague", f"only vague attribution {hedge.text!r}", hedge, weak, None
    framing = next((v for v in attr.vague if v.start <= sent.start + 2), None)
    if framing is not None and attr.named and all(ev.kind == "verb" for ev in attr.named):
        # "According to reports, the firm said it ordered 500,000 wafers": the report frames it all.
        return "vague", f"only vague attribution {framing.text!r}", framing, weak, None
    named = [ev for ev in attr.named if not _weak_elsewhere(text, ev, claims)
             and not _later_clause(text, sent.start, ev, claims)]
    if named:
        ev = named[0]
        return "sourced", f"named attribution {ev.text!r}", None, None, ev
    vague = (attr.vague or attr.anonymous or [None])[0]
    if (vague is not None and not attr.anonymous and all(_ESTIMATE_HEDGE_RE.fullmatch(v.text) for v in attr.vague)
            and previous is not None and previous.status == "sourced" and previous.source is not None
            and previous.end <= sent.start):
        # "According to Time, it was the largest march. An estimated four million took part.": the
        # estimate is the named source's, not an anonymous one.
        return "sourced", "an estimate continuing the previous sentence's report", None, None, previous.source
    if vague is not None:
        return "vague", f"only vague attribution {vague.text!r}", vague, weak, None
    if weak is not None:
        return "unverifiable", f"only the bare source tag {weak.text!r}", None, weak, None
    for q_start, q_end, who in quotes:
        if any(q_start <= c.start < q_end for c in claims):
            return "sourced", f"a quote attributed by {who.text!r}", None, None, who
    if study_named and (_STUDY_METHOD_RE.search(text, sent.start, sent.end)
                        or _STUDY_ANAPHORA_RE.search(text, sent.start, sent.end)):
        return "sourced", "describes the method of the study the document names", None, None, None
    if self_report and _OWN_STUDY_RE.search(_QUOTE_RE.sub(" ", text[sent.start:sent.end])):
        # "The sample consisted of 64 adults", "we collected data from 12 dialects": a paper's
        # own data and results; the paper, by its named authors, is their source.
        return "sourced", "reports the document's own study", None, None, None
    if previous is not None and previous.status in ("sourced", "vague") and previous.end <= sent.start:
        if _continues(text[previous.start:previous.end], text[sent.start:sent.end], previous.claims, claims,
                      strict=previous.reason == SPEAKER):
            return (previous.status, "continues the previous sentence's report", previous.vague,
                    previous.weak, previous.source)
    if block_has_link:
        return "sourced", "a link in the same paragraph", None, None, None
    if next_tag is not None:
        if tag_is_specific(next_tag.text):
            return "sourced", f"the source line {next_tag.text!r}", None, None, next_tag
        return "unverifiable", f"only the bare source line {next_tag.text!r}", None, next_tag, None
    return "unsourced", "no attribution in the sentence or the one before", None, None, None


_CLAUSE_BREAK_RE = rx.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|,[ \u00a0]and\b")


def _weak_elsewhere(text: str, ev: Evidence, claims: list[Claim]) -> bool:
    """Is ``ev`` a verb with an everyday sense ("the band recorded an album") in another clause
    than every claim ("... but played before a crowd of 100,000")?"""
    if ev.kind != "verb" or ev.text.split()[-1].lower() not in WEAK_VERBS:
        return False
    for c in claims:
        lo, hi = (ev.end, c.start) if c.start >= ev.end else (c.end, ev.start)
        if not _CLAUSE_BREAK_RE.search(text, lo, max(lo, hi)):
            return False
    return True


_COORDINATOR_BEFORE_RE = rx.compile(r"(?:;|\b(?:and|but|while|whereas|although|though|yet))[ \u00a0,]*$", re.IGNORECASE)


def _later_clause(text: str, floor: int, ev: Evidence, claims: list[Claim]) -> bool:
    """Is ``ev`` a speaker in a clause of its own after every claim ("85% were in favour and the
    government announced the new region ...")? Its report is that clause, not the figures before."""
    if ev.kind != "verb" or any(c.end > ev.start for c in claims):
        return False
    return bool(_COORDINATOR_BEFORE_RE.search(text, max(floor, ev.start - 12), ev.start))


_HEDGE_ADVERBS = frozenset("reportedly purportedly supposedly allegedly".split())
_ESTIMATE_HEDGE_RE = rx.compile(r"an[ \u00a0]estimated|a[ \u00a0]reported", re.IGNORECASE)

_DATA_VERBS = frozenset(
    """estimate estimates estimated counted counts measured measures recorded records calculated
    found finds showed shows reported reports published released surveyed""".split()
)
#: The document names a study: "published in Nature", "a new study released by the X Museum".
_STUDY_NAMED_RE = rx.compile(
    r"\b(?:published|presented|released|reported)[ \u00a0](?:[\w,-]+[ \u00a0]){0,4}?(?:in|by|at)[ \u00a0](?:the[ \u00a0])?"
    r"(?:(?:journal|magazine|proceedings)[ \u00a0])?[A-Z]"
    r"|\b(?:study|survey|report|trial|paper)[ \u00a0](?:[\w,-]+[ \u00a0]){0,3}?(?:published|released|led|conducted)[ \u00a0]by[ \u00a0]"
    r"(?:the[ \u00a0])?[A-Z]"
    # A study known by its name: "The PALM trial", "the Framingham Heart Study".
    r"|\b(?:[Tt]he|[Aa]n?)[ \u00a0](?:[A-Z][\w-]*[ \u00a0]){1,3}(?:[Tt]rial|[Ss]tudy|[Ss]urvey|[Cc]ensus|[Ee]xperiment)\b"
)
#: How a study was done: its sample, its subjects ("a survey of 1709 schoolchildren").
_STUDY_METHOD_RE = rx.compile(
    r"\b(?:survey|study|trial|sample|poll|analysis|experiment|review|cohort)[ \u00a0](?:of|on|with|involving|covering)[ \u00a0]"
    r"|\b(?:researchers|scientists|the[ \u00a0]team|the[ \u00a0]authors|they|these[ \u00a0]they)[ \u00a0](?:used|studied|surveyed|analy[sz]ed|"
    r"evaluated|examined|tested|followed|recruited|sampled|scanned|collected|compared|measured|counted|"
    r"observed|identified|sequenced|extracted|interviewed)\b"
    r"|\b(?:participants|volunteers|respondents|subjects|patients)[ \u00a0](?:were|took)\b"
    # Its arms and results: "49% for patients treated with ZMapp"; its data: "collected data from 499 patients".
    r"|\b(?:participants|volunteers|respondents|subjects|patients)[ \u00a0](?:treated|given|receiving|who[ \u00a0]received|"
    r"assigned|randomi[sz]ed)\b"
    r"|\b(?:collected|gathered|analy[sz]ed)[ \u00a0](?:data|samples|records|responses)[ \u00a0](?:from|on|of)\b",
    re.IGNORECASE,
)


#: The document reports a study of its own: "In this study we ...", "we collected data from ...".
_SELF_REPORT_RE = rx.compile(
    r"\b(?:[Ii]n|[Oo]f|[Bb]y)[ \u00a0]this[ \u00a0](?:study|paper|article|experiment|thesis)\b"
    r"|\b(?:[Tt]he|[Oo]ur)[ \u00a0](?:present|current)[ \u00a0](?:study|paper|article|experiment|work)\b"
    r"|\b(?-i:[Oo]ur)[ \u00a0](?:[\w-]+[ \u00a0])?(?:study|corpus|sample|dataset|data|experiments?|survey|results|findings|"
    r"analysis|system|model|method)\b"
    r"|\b(?-i:[Ww]e)[ \u00a0](?:(?:have|had|then|also|first|further|therefore|now|here)[ \u00a0])?"
    r"(?:collected|measured|analy[sz]ed|surveyed|sampled|recruited|interviewed|compiled|coded|annotated|"
    r"recorded|tested|examined|investigated|conducted|performed|applied|developed|computed|calculated|"
    r"estimated|found|find|observed|manipulated|assessed|evaluated|compared|propose|present|report|"
    r"describe|conclude|aim)\b"
)


def _cites_literature(text: str) -> bool:
    """A scholarly text: an author-year citation ("(Roe, 2019)", "Roe et al.") or numbered ones ("[12]")."""
    return bool(CITATION_RE.search(text)) or len(_NUMBERED_CITATION_RE.findall(text)) >= 2


_NUMBERED_CITATION_RE = rx.compile(r"\[\d{1,3}(?:[ \u00a0]*[,–-][ \u00a0]*\d{1,3})*\]")
#: A sentence about that study: its authors ("we", "our"), the study itself, its groups and sample.
_OWN_STUDY_RE = rx.compile(
    r"\b(?-i:[Ww]e|[Oo]ur)\b"
    r"|\b(?:this|the[ \u00a0]present|the[ \u00a0]current)[ \u00a0](?:study|paper|article|work|experiment|analysis)\b"
    r"|\b(?:experimental|control|treatment|participant|intervention)(?:[- ]\w+)?[ \u00a0](?:groups?|animals|subjects|"
    r"conditions?|participants)\b"
    r"|\bthe[ \u00a0]sample[ \u00a0](?:consisted|comprised|included|contained|was|of)\b",
    re.IGNORECASE,
)
_QUOTE_RE = rx.compile(r"\"[^\"\n]*\"|“[^”\n]*”")


#: The reader addressed in the second person (outside quotes).
_YOU_RE = rx.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
#: What is paid for something: "costs 30 EUR", "a £12 charge", "(Admission € 8)", "90 SEK per day".
_PRICE_CUE_RE = rx.compile(
    r"\b(?:costs?|costing|fees?|fares?|fines?|charges?|charged|prices?|priced|admission|entrance|entry|tickets?|"
    r"tariffs?|tax|rent|rental|hire|purchased?|buy|pay|paid|expensive|cheap|cheaper|deal|"
    r"per[ \u00a0](?:person|adult|child|night|hour|day|week|month|ride|trip|entry|head|room))\b",
    re.IGNORECASE,
)
_SCALE_WORD_RE = rx.compile(r"\b(?:thousand|million|billion|trillion|bn|mn|m|k)\b|\d(?:bn|mn|m|k)\b", re.IGNORECASE)


def _addresses_reader(doc: Document) -> bool:
    """A guide or a how-to: at least three and 15% of its sentences speak to "you" outside quotes
    (a quote may run over several sentences: "... You've earned it.")."""
    sentences = [s for s in doc.sentences if s.parent is not None]
    if len(sentences) < 5:
        return False
    text = doc.text
    quoted: list[tuple[int, int]] = []
    for block in _prose_blocks(doc):
        quoted.extend(_quote_spans(text, block.start, block.end, False))
    quoted.sort()
    starts = [qs for qs, _ in quoted]
    reach = []  # the furthest end of the quotes that start at or before each one (quotes may nest)
    for _, qe in quoted:
        reach.append(max(qe, reach[-1]) if reach else qe)

    def in_quote(pos: int) -> bool:
        i = bisect_right(starts, pos)
        return i > 0 and pos < reach[i - 1]

    n = 0
    for s in sentences:
        if any(not in_quote(m.start()) for m in _YOU_RE.finditer(text, s.start, s.end)):
            n += 1
    return n >= 3 and n >= 0.15 * len(sentences)


def _is_price(text: str, sent, claim: Claim) -> bool:
    """In a guide that speaks to the reader, a small sum in a sentence about paying ("the permit costs
    30 EUR", "a £12 charge") is what a seller or an authority asks, not a statistic."""
    if claim.kind != "money" or _SCALE_WORD_RE.search(claim.text) or not _PRICE_CUE_RE.search(text, sent.start, sent.end):
        return False
    values = [float(v.replace(",", "")) for v in re.findall(r"\d[\d,]*(?:\.\d+)?", claim.text)]
    return bool(values) and max(values) < 10000


_RESEARCH_VERBS = frozenset("found finds showed shows estimated estimate estimates measured calculated concluded".split())


#: "the researchers adjusted ...", "the study's authors": the study the document names.
_STUDY_ANAPHORA_RE = rx.compile(
    r"\bthe[ \u00a0](?:researchers|scientists|study|study['’]s|survey|report|paper|authors|research[ \u00a0]team)\b",
    re.IGNORECASE,
)


def _is_research_lead(ev: Evidence) -> bool:
    """"Stamenković et al found ...", "The researchers estimated ...": a study's findings follow."""
    words = ev.text.split()
    return (ev.kind == "citation" or ev.kind == "verb" and words[-1].lower() in _RESEARCH_VERBS
            and any(w.lower() in ("al", "researchers", "scientists", "study", "authors", "team", "survey", "report")
                    for w in words))


def _is_data_source(ev: Evidence) -> bool:
    """Named evidence that says where figures come from (a document, or "X estimates/found ...")."""
    if ev.kind != "verb":
        return ev.kind in ("named", "citation", "tag")
    return ev.text.split()[-1].lower() in _DATA_VERBS


def _continues(prev: str, cur: str, prev_claims: list[Claim], claims: list[Claim], strict: bool = False) -> bool:
    """Does ``cur`` carry on the report of ``prev`` ("That showed a 93% increase", the same counted
    noun, or the same subject matter) rather than start a new, separately sourced fact?

    ``strict``: ``prev`` states no figure, only who said something; then only a sentence that
    goes on with the same actors ("They arrested three ...") or adds to the report ("Also", "Of
    those") carries its source over, not one about what was reported ("This was ...")."""
    lead = cur.lstrip("\"“‘'( ")
    # "... struck the Khurais oil field. The oil field is ...": a definite description of something
    # the report just named.
    m = _DEFINITE_SUBJECT_RE.match(lead)
    if m and re.search(r"\b" + re.escape(m.group(1)) + r"\b", prev, re.IGNORECASE):
        return True
    if strict:
        return bool(_SPEAKER_CONTINUATION_RE.match(lead))
    if _CONTINUATION_RE.match(cur.lstrip("\"“‘'( ")):
        return True
    heads = {_stem(c.text.split()[-1]) for c in prev_claims if c.kind in ("count", "measure")}
    if any(c.kind in ("count", "measure") and _stem(c.text.split()[-1]) in heads for c in claims):
        return True
    return len(_content_words(prev) & _content_words(cur)) >= 2


_STOP = frozenset(
    """that this these those with from have been were their there which would could should about
    after before also than then they them when where while into over under more most some such
    said says told according other only very just last first second third year years week month
    people percent million billion thousand hundred""".split()
)


def _stem(word: str) -> str:
    word = word.lower().strip(".,;:!?\"“”'’()")
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _content_words(sentence: str) -> set[str]:
    return {_stem(w) for w in re.findall(r"[A-Za-z][\w'’-]{3,}", sentence) if w.lower() not in _STOP}


def _marker_label(marker: str) -> str:
    inner = re.sub(r"</?sup>|[\[\]^ \u00a0]", "", marker).translate(_SUPERSCRIPTS)
    return re.split(r"[,–-]", inner)[0]


def _reference_labels(doc: Document) -> set[str]:
    """Labels defined by the document's reference list or footnote definitions."""
    text = doc.text
    labels = {m.group("a") for m in _FOOTNOTE_DEF_RE.finditer(text)}
    headings = doc.headings
    for i, h in enumerate(headings):
        if not _REFERENCE_HEADING_RE.match(doc.slice(h)):
            continue
        end = len(text)
        for later in headings[i + 1:]:
            if later.level <= h.level:
                end = later.start
                break
        n_items = 0
        for m in _DEFINITION_RE.finditer(text, h.end, end):
            label = next(g for g in m.groups() if g is not None)
            labels.add(label.translate(_SUPERSCRIPTS))
        for n in doc.nodes:
            if n.kind is NodeKind.LIST_ITEM and h.end <= n.start < end:
                n_items += 1
        # A Markdown ordered list numbers its entries even when the source writes "1." each time.
        labels.update(str(k) for k in range(1, n_items + 1))
    return labels


def _following_source_line(doc: Document, block: Node, block_pos: dict[int, int]) -> Evidence | None:
    """A "Source: ..." line right after the block, which then sources the block's figures."""
    i = block_pos.get(block.index)
    if i is None or i + 1 >= len(doc.blocks):
        return None
    nxt = doc.blocks[i + 1]
    line = doc.slice(nxt)
    if _SOURCE_LINE_RE.match(line) and len(line) < 300:
        return Evidence(nxt.start, nxt.end, "tag", line.strip())
    return None


def _quote_spans(text: str, start: int, end: int, open_at_start: bool) -> list[tuple[int, int]]:
    """Quoted stretches of ``text[start:end]``; a quote left open runs to the end."""
    spans = []
    inside = start if open_at_start else None
    for m in re.finditer(r"[\"“”]", text[start:end]):
        pos = start + m.start()
        ch = m.group()
        if inside is None and ch in "\"“":
            if ch == '"' and pos > start and not text[pos - 1].isspace() and text[pos - 1] not in "([{‘'—–-" and (
                    pos + 1 >= end or text[pos + 1].isspace()):
                continue  # 'As a child," the family moved': a stray closing mark opens nothing
            inside = pos
        elif inside is not None and ch in "\"”":
            spans.append((inside, pos + 1))
            inside = None
    if inside is not None:
        spans.append((inside, end))
    return spans


def _attributed_quotes(text, block, sents, attrs, open_at_start: bool) -> list[tuple[int, int, Evidence]]:
    """Quotes in the block that someone is named as saying, with that attribution."""
    out = []
    starts_in_quote = open_at_start and text[block.start:block.start + 1] in "\"“"
    if starts_in_quote and any(a.named for a in attrs):
        starts_in_quote = False  # the paragraph names its own speaker
    for q_start, q_end in _quote_spans(text, block.start, block.end, False):
        who = None
        for sent, attr in zip(sents, attrs):
            touches = sent.start <= q_start < sent.end or sent.start < q_end <= sent.end
            if not touches:
                continue
            outside = [ev for ev in attr.named if ev.end <= q_start or ev.start >= q_end]
            if outside:
                who = outside[0]
                break
        if who is None and starts_in_quote and q_start == block.start:
            who = Evidence(block.start, block.start, "named", "the speaker of the previous paragraph's quote")
        if who is None:
            # 'As Roe told the paper, ozone has dropped. "It fell 25% ..."': a quote that opens a
            # sentence right after one naming a speaker is that speaker's.
            k = next((k for k, sent in enumerate(sents) if sent.start <= q_start < sent.end), None)
            if k and text[sents[k].start:q_start].strip() == "":
                who = next((ev for ev in attrs[k - 1].named if ev.kind == "verb" and _is_speech(ev)), None)
        if who is None:
            # '... in two days!" Macron told the world on Thursday.': the quote ends a sentence and
            # the next one opens with who said it.
            k = next((k for k, sent in enumerate(sents) if sent.start < q_end <= sent.end), None)
            if k is not None and k + 1 < len(sents) and text[q_end:sents[k].end].strip() == "":
                nxt = sents[k + 1]
                who = next((ev for ev in attrs[k + 1].named if ev.kind == "verb" and _is_speech(ev)
                            and text[nxt.start:ev.start].strip() == "" and len(ev.text.split()) <= 6), None)
        if who is not None:
            out.append((q_start, q_end, who))
    return out


_SPEECH_VERBS = frozenset(
    """said says told tells added adds explained explains noted notes stated states continued
    continues wrote writes argued argues warned warns insisted insists stressed emphasised
    emphasized commented remarked replied answered recalled""".split()
)


def _is_speech(ev: Evidence) -> bool:
    """Named evidence whose verb introduces speech ("Roe told the paper", "she added")."""
    return any(w.lower().strip(",.") in _SPEECH_VERBS for w in ev.text.split()[-2:])
