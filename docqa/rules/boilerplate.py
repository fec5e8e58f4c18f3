"""Boilerplate rules (family ``boilerplate``): page furniture and SEO padding left in the text.

The phrase-shaped patterns (reader-engagement bait, newsletter and share prompts, copyright
footers) live in the YAML packs under ``rules/``. What needs structure or scoring lives here:

* call-out labels ("Did you know?", "Pro Tip:") recognised by shape, not from a list of labels;
* filler sentences, scored on features (gerund or demonstrative subject, evaluative predicate,
  no figure, no named source, keywords restated from the headings);
* captions, photo credits and bylines left at the start or end of the body;
* an FAQ heading whose questions are never answered;
* a table of contents that is scraped page navigation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from .. import rx
from ..document import MARKUP_FORMATS, Document, Node, NodeKind
from ..finding import Family, Fix, Severity, Violation
from ..textutil import WORD_RE
from .base import Rule
from .structure import PAGE_NUMBER_RE, TERMINAL_RE, entry_text, is_question, normalize, tables_of_contents


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common an English word is (wordfreq's Zipf scale: 7 = "the", 3 = rare, 0 = unknown)."""
    from ..wordstats import zipf as zipf_frequency

    return zipf_frequency(word.lower())


STOPWORDS = frozenset(
    """
    a an the and or but nor so yet for of in on at by to from with into onto over under about as than
    that which who whom whose this these those it its is are was were be been being has have had do
    does did can could will would shall should may might must not no also very more most such their
    there they them his her he she we our you your i my me us what when where why how all any each
    both few many much other some own same just only even well still about between through during
    before after above below up down out off again further then once here while because if whether
    """.split()
)


# --------------------------------------------------------------------------- call-out labels
#: A short label at the start of a block: up to four words, then "?" or ":" and a capitalised sentence.
LABEL_RE = rx.compile(
    r"[*_]{0,2}(?P<label>[A-Z](?:[^\W_]|['’-])*(?:[ \t]+(?:[^\W_]|['’-])+){0,3})[*_]{0,2}[ \t]*(?P<mark>[?:!])"
    r"(?P<close>[*_]{0,2})[ \t]+(?P<rest>[\"“‘']?[A-Z0-9])"
)
#: Words that address the reader ("Did you know?", "Have you heard?").
READER_WORDS = frozenset({"you", "your", "you're", "you’re", "yourself", "we", "us", "let's", "let’s"})
#: Head nouns of editorial call-out boxes. A feature of the label's shape (a box type), combined
#: with the position and isolation tests below, not a list of phrases to match.
CALLOUT_HEADS = frozenset(
    """
    tip tips fact facts note takeaway takeaways insight insights reminder hint hints alert update
    warning caution advice trick tricks secret secrets lesson lessons bonus spoiler summary verdict
    idea ideas thought thoughts line fyi psa heads-up disclaimer recap highlight highlights pointer
    pointers trivia tidbit nugget hack hacks know
    """.split()
)


@dataclass
class Label:
    start: int
    end: int
    text: str
    mark: str
    reasons: list[str] = field(default_factory=list)


def label_at(doc: Document, node: Node) -> Label | None:
    """The call-out-shaped label at the start of ``node`` (shape only), if any."""
    m = LABEL_RE.match(doc.text, node.start, node.end)
    if not m:
        return None
    return Label(node.start, m.end("close"), m.group("label"), m.group("mark"))


def callout_label(doc: Document, node: Node, neighbours: list[Node]) -> Label | None:
    """A label that opens a call-out box, or None. Evidence is kept in ``Label.reasons``."""
    lab = label_at(doc, node)
    if lab is None or lab.mark == "!":
        return None
    words = lab.text.split()
    lower = [w.lower() for w in words]
    # Definition lists and Q&A transcripts label every block: an isolated label is a call-out box.
    for other in neighbours:
        if label_at(doc, other) is not None:
            return None
    if any(any(c.isdigit() for c in w) for w in words):
        return None
    if min(zipf(stem(w)) for w in words) < 3.3:
        return None  # a rare word or a name: a term being defined, a place, a speaker
    rest = doc.text[lab.end:node.end].strip()
    if len(rest.split()) < 4 or rest[:1] in "\"“‘'":
        return None  # a short gloss or a quotation, not a claim
    if lab.mark == "?":
        if len(words) > 4 or not (READER_WORDS & set(lower)):
            return None
        lab.reasons.append("a question to the reader")
    else:
        if len(words) < 2 or lower[-1] not in CALLOUT_HEADS:
            return None
        lab.reasons.append(f"a box label ending in {words[-1]!r}")
    lab.reasons.append(f"{len(words)}-word label opening a paragraph")
    return lab


class CalloutLabel(Rule):
    """A call-out label opens a paragraph ("Did you know?", "Pro Tip:"): a sidebar box flattened into the text.

    Recognised by shape: a label of two to four common words ending in ":" whose head is a box
    type (tip, fact, note, takeaway …), or a short question to the reader ending in "?", followed
    by a sentence, in a paragraph whose neighbours are not labelled the same way (which would make
    it a definition list or an interview). The fix removes the label.

    Flagged:
        Solar power\\n\\nPanels are cheaper every year.\\n\\nPro Tip: Cleaning your panels twice a year keeps them efficient.\\n\\nInstallers are busy.
        Solar power\\n\\nPanels are cheaper every year.\\n\\nDid you know? The sun delivers more energy in an hour than we use in a year.
    Clean:
        Solar power\\n\\nPanels are cheaper every year.\\n\\nThe tip: clean them twice a year.
        Terminals\\n\\nTerminal 1: Delta and United fly from here.\\n\\nTerminal 2: Alaska and Spirit fly from here.
        Interview\\n\\nSmith: We started the company in a garage in the spring.\\n\\nJones: What did you build first in that garage?
    """

    code = "BPL001"
    name = "callout-label"
    family = Family.BOILERPLATE
    severity = Severity.WARNING
    fixable = True

    def check(self, doc: Document) -> Iterator[Violation]:
        paras = [b for b in doc.blocks if b.kind is not NodeKind.TABLE_ROW]
        for i, node in enumerate(paras):
            if node.kind is not NodeKind.PARAGRAPH:
                continue
            neighbours = [paras[j] for j in (i - 1, i + 1) if 0 <= j < len(paras)
                          and paras[j].kind in (NodeKind.PARAGRAPH, NodeKind.LIST_ITEM)]
            lab = callout_label(doc, node, neighbours)
            if lab is None:
                continue
            cut = lab.end
            while cut < node.end and doc.text[cut] in " \t":
                cut += 1
            yield Violation(
                lab.start, lab.end,
                f"call-out label {doc.text[lab.start:lab.end]!r} opens the paragraph ({'; '.join(lab.reasons)}): "
                "a sidebar box leaked into the article; drop the label or the box",
                fix=Fix.replace(lab.start, cut, "", safe=False),
                data={"label": doc.text[lab.start:lab.end], "reasons": lab.reasons},
            )


# --------------------------------------------------------------------------- filler sentences
#: Evaluative adjectives of filler predicates ("is vital", "remains a key area").
EVALUATIVE = (
    r"vital|crucial|essential|key|critical|important|significant|paramount|fundamental|central|pivotal|"
    r"integral|indispensable|imperative|invaluable|instrumental|noteworthy|major|primary|top|core|"
    r"increasingly\s+(?:important|relevant|significant)|relevant|necessary|worthwhile|valuable"
)
COPULA = (
    r"is|are|was|were|remains?|remained|becomes?|became|will\s+be|will\s+remain|has\s+become|have\s+become|"
    r"continues?\s+to\s+be|seems?|proves?|stands?\s+as|serves?\s+as"
)
GENERIC_NOUN = (
    r"area|aspect|part|component|factor|element|consideration|topic|focus|issue|question|step|role|theme|"
    r"subject|priority|driver|pillar|concern|point|feature|dimension|facet|field|matter|piece|tool|"
    r"cornerstone|ingredient|takeaway|lesson|challenge|goal|objective|task"
)
PREDICATE_RE = rx.compile(
    rf"\b(?:{COPULA})\s+(?:(?:a|an|the|one\s+of\s+the)\s+)?(?:(?:very|truly|particularly|especially|highly|"
    rf"absolutely|extremely|most|more|so|quite|all\s+the\s+more|equally|still)\s+)?(?:{EVALUATIVE})"
    rf"(?:\s+(?:{GENERIC_NOUN})s?)?\b"
    rf"|\bplays?\s+an?\s+(?:(?:very|truly|increasingly)\s+)?(?:{EVALUATIVE})\s+role\b"
    rf"|\bcannot\s+be\s+(?:overstated|underestimated|ignored|overlooked)\b"
    rf"|\b(?:underscores?|underscored|highlights?|highlighted|emphasi[sz]es|emphasi[sz]ed|reinforces?|reinforced)"
    rf"\s+the\s+(?:(?:growing|increasing|critical|crucial|vital)\s+)?(?:importance|significance|value|relevance)\b",
    re.IGNORECASE,
)
DEMONSTRATIVES = frozenset({"this", "these", "that", "those", "it"})
ABSTRACT_HEADS = frozenset({"importance", "significance", "role", "value", "relevance", "impact"})
#: A named or reported source: a filler sentence has none.
SOURCE_RE = rx.compile(
    r"\b(?:said|says|told|according|reported|reports|announced|wrote|stated|noted|argued|explained|"
    r"estimated|found|showed|shows|percent|per\s+cent)\b|[\"“”%$€£]|\d",
    re.IGNORECASE,
)
#: A sentence end with the space missing ("economies.The"): a boundary the sentence splitter keeps.
GLUED_RE = rx.compile(r"(?<=[a-z)\]”'’][.!?])(?=[A-Z][a-z])")


def clauses(doc: Document, sentence: Node) -> list[tuple[int, int]]:
    """A sentence split again where a full stop lacks its space: "research.Analyzing X …"."""
    out, pos = [], sentence.start
    for m in GLUED_RE.finditer(doc.text, sentence.start, sentence.end):
        out.append((pos, m.start()))
        pos = m.start()
    out.append((pos, sentence.end))
    return out


def gerund(word: str) -> bool:
    """True for a verb's -ing form used as a subject ("Understanding", "Analyzing"), not "Beijing"."""
    w = word.lower()
    if len(w) < 6 or not w.endswith("ing") or not word[:1].isupper():
        return False
    stem = w[:-3]
    candidates = {stem, stem + "e"}
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.add(stem[:-1])  # running -> run
    return max(zipf(c) for c in candidates) >= 3.0


@dataclass
class FillerScore:
    """The features of one candidate sentence and the verdict."""

    start: int
    end: int
    subject: str
    predicate: str
    words: int
    tail_words: int
    restated: list[str]
    new: list[str]
    score: float

    def evidence(self) -> str:
        parts = [f"{self.subject} subject", f"evaluative predicate {self.predicate!r}", "no figure or named source"]
        if self.restated:
            parts.append("restates " + ", ".join(self.restated[:4]))
        return "; ".join(parts)


def stem(word: str) -> str:
    """A crude key for matching a word with its variants: lower case, no possessive, no plural -s."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    return w


def document_keywords(doc: Document) -> tuple[set[str], dict[str, int]]:
    """Content words of the title and headings, and how often each content word occurs in the text."""
    cached = doc.cache.get("boilerplate.keywords")
    if cached is not None:
        return cached
    heads: set[str] = set()
    for h in doc.headings:
        heads.update(stem(w) for w in WORD_RE.findall(doc.slice(h)) if w.lower() not in STOPWORDS)
    counts: dict[str, int] = {}
    for _, _, w in doc.words():
        if w.lower() not in STOPWORDS:
            key = stem(w)
            counts[key] = counts.get(key, 0) + 1
    doc.cache["boilerplate.keywords"] = (heads, counts)
    return heads, counts


def score_filler(doc: Document, start: int, end: int) -> FillerScore | None:
    """Score ``text[start:end]`` as a filler sentence, or None when a required feature is missing."""
    text = doc.text[start:end]
    stripped = text.rstrip()
    if not stripped.endswith(".") or SOURCE_RE.search(text):
        return None
    words = WORD_RE.findall(text)
    if not 4 <= len(words) <= 16:
        return None
    pred = PREDICATE_RE.search(text)
    if pred is None:
        return None
    subject_words = WORD_RE.findall(text[:pred.start()])
    if not subject_words:
        return None
    first = subject_words[0]
    if gerund(first):
        subject = f"gerund {first!r}"
    elif first.lower() in DEMONSTRATIVES and len(subject_words) <= 2:
        subject = f"demonstrative {first!r}"
    elif first.lower() == "the" and len(subject_words) >= 2 and subject_words[1].lower() in ABSTRACT_HEADS:
        subject = f"abstract {' '.join(subject_words[:2])!r}"
    else:
        return None
    tail = WORD_RE.findall(text[pred.end():])
    heads, counts = document_keywords(doc)
    content = [w for w in subject_words[1:] + tail if w.lower() not in STOPWORDS and zipf(w) < 6.0]
    restated = [w for w in content if stem(w) in heads or counts.get(stem(w), 0) > 1]
    if not restated:
        return None  # an evaluation of nothing in particular ("This is important.") is emphasis
    new = [w for w in content if w not in restated]
    # Filler restates and stops: every content word echoes the document, and little follows the
    # evaluation. A purpose clause after it ("… is crucial for analysing X and Y") carries content.
    score = 1.0
    score -= 0.15 * max(0, len(tail) - 5)
    score -= 0.25 * len(new)
    return FillerScore(start, end, subject, " ".join(pred.group().split()), len(words), len(tail),
                       restated, new, round(score, 3))


def deletion(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to delete to remove ``text[start:end]`` with one of the spaces around it."""
    cut = end
    while cut < len(text) and text[cut] in " \t":
        cut += 1
    if cut == end:  # last on its line: take the space before it instead
        while start > 0 and text[start - 1] in " \t":
            start -= 1
    return start, cut


class FillerSentence(Rule):
    """A filler sentence: a generic evaluation that restates keywords and says nothing concrete.

    Scored on features, not matched against a list: the subject is a gerund ("Understanding X"),
    a bare demonstrative ("This") or an abstract noun ("The importance of X"); the predicate is
    evaluative ("is vital", "remains a key area of", "plays a crucial role"); there is no figure,
    quotation or named source; the sentence is short, ends soon after the evaluation, and its
    content words repeat the headings or the text around it. ``min_score`` sets the bar (0-1).

    Flagged:
        Rail freight\\n\\nRail freight grew in the north as new lines opened. Understanding rail freight is vital.
        Tariffs and trade\\n\\nThe tariff changed trade between the two countries, and its impact on jobs drew research. Analyzing tariff impact remains a key area of trade research.
    Clean:
        Rail freight\\n\\nRail freight grew in the north. Understanding rail freight is vital for planning new depots and timetables across the region.
        Rail freight\\n\\nRail freight grew by 12 percent last year. This is important, the minister said.
    """

    code = "BPL002"
    name = "filler-sentence"
    family = Family.BOILERPLATE
    severity = Severity.WARNING
    fixable = True
    options = {"min_score": 0.5}

    def check(self, doc: Document) -> Iterator[Violation]:
        bar = float(self.opts["min_score"])
        for sentence in doc.sentences:
            for start, end in clauses(doc, sentence):
                while start < end and doc.text[start].isspace():
                    start += 1
                found = score_filler(doc, start, end)
                if found is None or found.score < bar:
                    continue
                yield Violation(
                    start, end,
                    f"filler sentence: {found.evidence()} (score {found.score:.2f}); "
                    "state the fact it stands for, or delete it",
                    fix=Fix.replace(*deletion(doc.text, start, end), "", safe=False),
                    data={"score": found.score, "subject": found.subject, "predicate": found.predicate,
                          "restated": found.restated, "new_words": found.new, "words": found.words},
                )


# --------------------------------------------------------------------------- captions, credits, bylines
_NAME = r"[A-Z][\w.&'’-]*"
CREDIT_PATTERNS = [
    ("photo credit", rx.compile(
        r"\b(?:photo(?:graph)?s?|image|picture|illustration|video|graphic|foto|bild|crédit)\s*(?:credit)?\s*(?::|by\b|courtesy\b)",
        re.IGNORECASE)),
    ("photo credit", rx.compile(r"\b(?:credit|courtesy(?:\s+of)?)\s*:?\s*" + _NAME)),
    ("photo agency", rx.compile(
        r"\b(?:Getty\s+Images|Shutterstock|iStock(?:photo)?|Unsplash|Pexels|Alamy|AP\s+Photo|AFP\s+Photo|Reuters/|EPA-EFE)\b")),
    ("credit after a slash", rx.compile(rf"\s[/|]\s*{_NAME}(?:\s+{_NAME}){{0,3}}\s*$")),
    ("credit in brackets", rx.compile(r"[\[(](?:photo|image|file photo|courtesy)[^\])]{0,60}[\])]\s*$", re.IGNORECASE)),
]
DEPICTION_RE = rx.compile(
    r"^(?:(?:an?|the|this)\s+)?(?:file\s+)?(?:illustration|photo(?:graph)?|image|picture|screenshot|rendering|"
    r"graphic|still|aerial\s+view|view)\s+(?:of|shows|showing|taken|from)\b",
    re.IGNORECASE,
)
BYLINE_RE = rx.compile(
    rf"^(?i:by|written\s+by|words\s+by|reporting\s+by|story\s+by|text\s+by)\s+{_NAME}(?:\s+{_NAME}){{0,4}}"
    rf"(?:\s*(?:,|and|&)\s*{_NAME}(?:\s+{_NAME}){{0,3}})*(?:\s*[,|–—-]\s*[\w .]+)?\s*$"
)
STAFF_RE = rx.compile(r"\b(?:staff\s+(?:writer|reporter)|contributing\s+(?:writer|editor)|correspondent)\s*$", re.IGNORECASE)


#: Cues too common in ordinary titles to stand alone ("Input / Output", "A view from the bridge").
WEAK_CUES = frozenset({"describes a picture", "credit after a slash"})


def caption_evidence(text: str, is_title: bool = False) -> list[str]:
    """Why a short block reads as a caption, credit or byline (empty when it does not).

    For the document's title a byline is not considered ("By Design" is a fine title); a caption
    the plain-text parser took for the title is still found by its credit.
    """
    text = text.strip()
    words = text.split()
    if not words or len(words) > 30 or "\n" in text:
        return []
    reasons = []
    if DEPICTION_RE.search(text):
        reasons.append("describes a picture")
    for why, pattern in CREDIT_PATTERNS:
        if pattern.search(text):
            reasons.append(why)
            break
    if is_title:
        pass
    elif BYLINE_RE.match(text) and not TERMINAL_RE.search(text.rstrip(".")):
        reasons.append("a byline")
    elif STAFF_RE.search(text) and len(words) <= 8:
        reasons.append("a byline")
    # One weak cue alone is an ordinary title; a strong credit or a byline is enough on its own.
    if len(reasons) == 1 and reasons[0] in WEAK_CUES:
        return []
    return reasons


class LeakedCaption(Rule):
    """An image caption, photo credit or byline left at the start or end of the body.

    Looks at the first three and last two blocks of any kind (the plain-text parser may take a
    caption line for the title). A block qualifies by shape: short, one line, and a credit
    ("/ Agency", "Photo: X", "Getty Images"), a byline ("By Jane Doe") or a picture description
    plus a credit.

    Flagged:
        A photo of the harbour at dawn / Reuters\\nThe port reopened on Monday after the storm.\\nShips had queued outside for two days.
        The port reopened on Monday after the storm.\\nBy Jane Doe and John Smith
    Clean:
        The port reopened on Monday after the storm.\\nShips queued outside the harbour for two days.
        A view from the bridge\\nThe port reopened on Monday after the storm.
    """

    code = "BPL003"
    name = "leaked-caption"
    family = Family.BOILERPLATE
    severity = Severity.WARNING
    prose_only = False
    options = {"head_blocks": 3, "tail_blocks": 2}

    def check(self, doc: Document) -> Iterator[Violation]:
        blocks = [b for b in doc.blocks if b.kind in (NodeKind.HEADING, NodeKind.PARAGRAPH, NodeKind.LIST_ITEM)]
        head, tail = int(self.opts["head_blocks"]), int(self.opts["tail_blocks"])
        chosen = {b.index: b for b in blocks[:head] + blocks[-tail:]} if tail else {b.index: b for b in blocks[:head]}
        for b in sorted(chosen.values(), key=lambda n: n.start):
            where = "start" if b in blocks[:head] else "end"
            start, end = self._candidate(doc, b, where)
            # The first line of the text is the title's place, whatever the parser made of it.
            first_line = b is blocks[0] and start == b.start
            reasons = caption_evidence(doc.text[start:end], is_title=first_line or b is doc.title or (
                b.kind is NodeKind.HEADING and doc.format in MARKUP_FORMATS))
            if reasons:
                yield Violation(
                    start, end,
                    f"{' and '.join(reasons)} at the {where} of the body: a caption, credit or byline "
                    "left in the text; remove it or move it to metadata",
                    data={"reasons": reasons, "position": where, "text": doc.text[start:end]},
                )

    @staticmethod
    def _candidate(doc: Document, block: Node, where: str) -> tuple[int, int]:
        """The block, or for a multi-line block its first line (at the start of the body) or its
        last line (at the end): the plain-text parser may have merged a caption line with prose."""
        from ..textutil import iter_lines

        lines = [(s, e) for s, e in iter_lines(doc.text, block.start, block.end) if doc.text[s:e].strip()]
        if len(lines) < 2:
            return block.start, block.end
        s, e = lines[0] if where == "start" else lines[-1]
        while s < e and doc.text[s].isspace():
            s += 1
        return s, e


# --------------------------------------------------------------------------- FAQ without answers
FAQ_RE = rx.compile(
    r"\b(?:frequently\s+asked\s+questions|faqs?|q\s*&\s*a|questions\s+(?:and|&)\s+answers|"
    r"common(?:ly\s+asked)?\s+questions|your\s+questions\s+answered)\b",
    re.IGNORECASE,
)


class UnansweredFaq(Rule):
    """An FAQ heading is followed by questions that are never answered.

    SEO templates add a "Frequently Asked Questions" heading and fill it with questions, or with
    a bait question to the reader, and no answers. A question counts as answered when a
    statement (not another question) follows it before the next question or heading.

    Flagged:
        Solar guide\\n\\nFrequently Asked Questions\\n\\nHow long do panels last?\\n\\nWhat do you think about solar?\\n\\nInstallation\\n\\nBook an installer.
    Clean:
        Solar guide\\n\\nFrequently Asked Questions\\n\\nHow long do panels last?\\n\\nMost panels last about 25 years.\\n\\nInstallation\\n\\nBook an installer.
    """

    code = "BPL004"
    name = "unanswered-faq"
    family = Family.BOILERPLATE
    severity = Severity.WARNING
    prose_only = False

    def check(self, doc: Document) -> Iterator[Violation]:
        blocks = doc.blocks
        for i, h in enumerate(blocks):
            if h.kind is not NodeKind.HEADING or not FAQ_RE.search(doc.slice(h)):
                continue
            questions, answered, pending = 0, 0, False
            for b in blocks[i + 1:]:
                question = is_question(doc, b)
                if b.kind is NodeKind.HEADING and not question and (doc.format not in MARKUP_FORMATS or b.level <= h.level):
                    break
                if question:
                    questions += 1
                    pending = True
                elif pending and b.kind in (NodeKind.PARAGRAPH, NodeKind.LIST_ITEM, NodeKind.TABLE_ROW):
                    answered += 1
                    pending = False
            unanswered = questions - answered
            if questions and answered * 2 < questions:
                yield Violation(
                    h.start, h.end,
                    f"FAQ heading {doc.slice(h)!r} is followed by {questions} question(s) and "
                    f"{answered} answer(s): an SEO template, not an FAQ",
                    data={"questions": questions, "answered": answered, "unanswered": unanswered},
                )


# --------------------------------------------------------------------------- scraped table of contents
class ScrapedToc(Rule):
    """A table of contents in a plain-text article: web-page navigation copied with the text.

    A contents list in plain text cannot link anywhere. It is reported when it lists the
    article's own title (the signature of table-of-contents widgets) or when the article is too
    short to need one (``max_words``). Printed contents with page numbers are left alone, as are
    Markdown documents, where a contents list links to its sections.

    Flagged:
        Solar guide\\nTable of Contents\\n- Solar guide\\n- Costs\\n- Installation\\nCosts\\nPanels are cheaper every year.\\nInstallation\\nBook an installer.
    Clean:
        Solar guide\\nPanels are cheaper every year.\\nInstallation\\nBook an installer.
    """

    code = "BPL005"
    name = "scraped-toc"
    family = Family.BOILERPLATE
    severity = Severity.WARNING
    prose_only = False
    options = {"max_words": 2500}

    def check(self, doc: Document) -> Iterator[Violation]:
        if doc.format != "text":
            return
        title = normalize(doc.slice(doc.title)) if doc.title is not None else ""
        words = None  # counted only for a document that has a table of contents
        for toc in tables_of_contents(doc):
            if any(PAGE_NUMBER_RE.search(doc.slice(e)) for e in toc.entries):
                continue
            lists_title = bool(title) and any(normalize(entry_text(doc, e)) == title for e in toc.entries)
            if words is None:
                words = doc.word_count()
            reasons = []
            if lists_title:
                reasons.append("it lists the article's own title")
            if words <= int(self.opts["max_words"]):
                reasons.append(f"the article has only {words} words")
            if reasons:
                yield Violation(
                    toc.heading.start, toc.heading.end,
                    f"table of contents with {len(toc.entries)} entries in plain text ({'; '.join(reasons)}): "
                    "page navigation scraped with the article",
                    data={"entries": len(toc.entries), "lists_title": lists_title, "words": words},
                )


RULES: list = [CalloutLabel, FillerSentence, LeakedCaption, UnansweredFaq, ScrapedToc]
